"""Readers in a real browser (Debian's Chromium driven by Playwright) on the real site: search,
links between people and sessions, the copy button of the cite block, accessibility (axe-core),
the keyboard, phones (360 px) and print. Screenshots go to build/screenshots/ to be looked at."""

from __future__ import annotations

from typing import Any

import pytest

from browser_support import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KEY_PAGES = {"accueil": "index.html", "seance": "sessions/ia-sante-02.html",
             "personne": "people/daniel-benamouzig.html", "a-z": "people/index.html"}


@pytest.fixture()
def page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    opened = context.new_page()
    yield opened
    context.close()


def search(page: Any, site_url: str, words: str) -> list[str]:
    """The addresses of the pages the site's search (Pagefind) lists for ``words``, all of them."""
    page.goto(f"{site_url}search.html?q={words}")
    # Pagefind's UI writes its summary once the results are in, and shows ten at a time.
    page.wait_for_function("/résultat/.test(document.querySelector('.pagefind-ui__message')?.textContent ?? '')"
                           " && !/^Recherche de/.test(document.querySelector('.pagefind-ui__message').textContent)",
                           timeout=20000)
    while page.locator(".pagefind-ui__button").count():
        page.locator(".pagefind-ui__button").click()
    page.wait_for_function("[...document.querySelectorAll('.pagefind-ui__result')]"
                           ".every(r => r.querySelector('.pagefind-ui__result-link'))")
    links = page.locator(".pagefind-ui__result-link")
    return [str(links.nth(i).get_attribute("href")).lstrip("/").split("?")[0] for i in range(links.count())]


def test_search_for_a_speaker_lists_their_sessions(page: Any, site_url: str) -> None:
    found = search(page, site_url, "Benamouzig")
    for session in ("sessions/ia-sante-02.html", "sessions/ia-sante-03.html", "sessions/ia-sante-08.html"):
        assert session in found, found
    assert "people/daniel-benamouzig.html" in found
    screenshot(page, "recherche-benamouzig")


@pytest.mark.parametrize("words", ["médicales", "medicales", "MEDICALES"])
def test_search_ignores_accents_and_case(page: Any, site_url: str, words: str) -> None:
    assert "sessions/ia-sante-02.html" in search(page, site_url, words)


def test_search_finds_organisations_and_presentation_words(page: Any, site_url: str) -> None:
    assert "sessions/ia-sante-02.html" in search(page, site_url, "Curie")  # an affiliation
    assert "sessions/ia-sante-02.html" in search(page, site_url, "genomique")  # a word of its presentation


def test_person_page_links_back_to_the_sessions(page: Any, site_url: str) -> None:
    page.goto(site_url + "people/daniel-benamouzig.html")
    hrefs = {page.locator("article a").nth(i).get_attribute("href") for i in range(page.locator("article a").count())}
    for session in ("ia-sante-02", "ia-sante-03", "ia-sante-08"):
        assert f"../sessions/{session}.html" in hrefs
    with page.expect_navigation():
        page.locator("article a[href='../sessions/ia-sante-03.html']").first.click()
    assert page.url == site_url + "sessions/ia-sante-03.html"


def test_copy_button_puts_the_bibtex_on_the_clipboard(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + "sessions/ia-sante-02.html")
    block = page.locator("#citer .sd-tab-content").first
    block.hover()
    block.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@misc{iasante-2021-s02,")
    assert "title = {{IA} et innovations médicales}" in copied
    context.close()


@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_no_serious_accessibility_violation(page: Any, site_url: str, name: str) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    page.goto(site_url + KEY_PAGES[name])
    results = axe_module.Axe().run(page)
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_pages_fit_a_phone(browser: Any, site_url: str, name: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + KEY_PAGES[name])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} is {overflow}px wider than the screen"
    screenshot(page, f"360-{name}")
    context.close()


@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_desktop_screenshots(page: Any, site_url: str, name: str) -> None:
    page.goto(site_url + KEY_PAGES[name])
    assert page.locator("article h1").first.is_visible()
    screenshot(page, f"1280-{name}")


def test_keyboard_reaches_content_and_navigation(page: Any, site_url: str) -> None:
    page.goto(site_url + "sessions/ia-sante-02.html")
    page.keyboard.press("Tab")
    first = page.evaluate("[document.activeElement.tagName, document.activeElement.getAttribute('href'),"
                          " document.activeElement.textContent.trim()]")
    assert first[0] == "A" and first[1] == "#main-content", first  # the skip link comes first
    page.keyboard.press("Enter")
    # Then the article's links are reachable with Tab, each one visibly focused.
    for _ in range(40):
        page.keyboard.press("Tab")
        inside = page.evaluate("!!document.activeElement.closest('article')")
        if inside:
            break
    assert inside
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_print_shows_the_page_not_the_site(page: Any, site_url: str) -> None:
    page.goto(site_url + "sessions/ia-sante-02.html")
    page.emulate_media(media="print")
    assert not page.locator(".bd-sidebar-primary").is_visible()
    assert not page.locator(".prev-next-footer").is_visible()
    # The book theme prints the title in its own header, above the article.
    assert page.locator("#jb-print-docs-body h1").inner_text() == "IA et innovations médicales"
    assert page.locator("#citer .archive-citation").first.is_visible()
    assert not page.locator(".archive-correction").is_visible()
    visible_tabs = [page.locator("#citer .sd-tab-content").nth(i).is_visible() for i in range(4)]
    assert visible_tabs == [True, False, False, False]
