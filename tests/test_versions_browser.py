"""The version switcher and the 404 page in a real browser (Debian's Chromium driven by
Playwright), on the two-release site of test_versions, served over HTTP like a static host."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import Serve
from versions_repo import FIRST, SECOND

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(versions_site: tuple[Path, Path], serve: Serve) -> str:
    """The versions folder at http://127.0.0.1:<port>/ia/ (the site's root path in versions_repo)."""
    _repo, out = versions_site
    root = out.parent / "host"
    root.mkdir(exist_ok=True)
    if not (root / "ia").exists():
        (root / "ia").symlink_to(out, target_is_directory=True)
    # The host's own 404 page is the archive's.
    (root / "404.html").write_bytes((out / "404.html").read_bytes())
    return serve(root) + "ia/"


def switch_to(page: object, version: str) -> None:
    """Open the sidebar's switcher and choose ``version``, as a reader does."""
    button = page.locator(".bd-sidebar-primary .version-switcher__button")  # type: ignore[attr-defined]
    button.click()
    option = page.locator(  # type: ignore[attr-defined]
        f".bd-sidebar-primary .version-switcher__menu a[data-version='{version}']")
    with page.expect_navigation():  # type: ignore[attr-defined]
        option.click()


def test_switcher_goes_to_the_same_page_in_another_version(served: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(served + "2026.2/sessions/ser-01.html")
    button = page.locator(".bd-sidebar-primary .version-switcher__button")
    # The theme's script fills the switcher from switcher.json: it names this version.
    page.wait_for_function("document.querySelector('.version-switcher__button').dataset.activeVersion === '2026.2'")
    assert button.inner_text().strip() == "2026.2 (la plus récente)"
    switch_to(page, "2026.1")
    assert page.url == served + "2026.1/sessions/ser-01.html"
    assert "Première" in page.title() or "ser-01" in page.url
    page.close()


def test_switcher_goes_to_the_nearest_page_when_the_page_is_absent(served: str, browser: object) -> None:
    """Not a 404: the page's section in that version, and a word saying so."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(served + "2026.2/sessions/ser-03.html")  # session 3 is new in 2026.2
    page.wait_for_function("document.querySelectorAll('.version-switcher__menu a').length > 0")
    switch_to(page, "2026.1")
    assert page.url == served + "2026.1/sessions/index.html"
    notice = page.locator("article .archive-version-moved[role='status']")
    assert notice.inner_text().startswith("La page « ")
    assert "n’existe pas dans la version 2026.1 de l’archive : voici la page la plus proche" in notice.inner_text()
    # Only once: reloading the page is not a switch.
    page.reload()
    assert page.locator(".archive-version-moved").count() == 0
    page.close()


def test_switcher_goes_home_when_the_section_is_absent_too(served: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(served + "main/changelog.html")  # the changelog is new in main
    page.wait_for_function("document.querySelectorAll('.version-switcher__menu a').length > 0")
    switch_to(page, "2026.1")
    assert page.url == served + "2026.1/"
    assert "n’existe pas dans la version 2026.1" in page.locator(".archive-version-moved").inner_text()
    page.close()


def test_on_a_phone_the_menu_reaches_the_switcher(served: str, browser: object) -> None:
    """At 390 px: open the menu, go to a page, open it again, switch version, and close it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(served + "2026.2/index.html")
    page.wait_for_function("document.querySelectorAll('.version-switcher__menu a').length > 0")
    menu = page.locator(".bd-header-article .primary-toggle")
    dialog = page.locator("#pst-primary-sidebar-modal")
    menu.tap()
    assert dialog.locator("nav.bd-docs-nav").is_visible()
    with page.expect_navigation():
        dialog.locator("nav.bd-docs-nav a[href^='sessions/']").first.tap()
    assert page.url.startswith(served + "2026.2/sessions/")
    here = page.url[len(served + "2026.2/"):]
    page.wait_for_function("document.querySelectorAll('.version-switcher__menu a').length > 0")
    menu.tap()
    dialog.locator(".version-switcher__button").tap()
    with page.expect_navigation():
        dialog.locator(".version-switcher__menu a[data-version='2026.1']").tap()
    assert page.url == served + "2026.1/" + here
    menu.tap()
    assert page.evaluate("document.querySelector('#pst-primary-sidebar-modal').open")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.querySelector('#pst-primary-sidebar-modal').open")
    context.close()


def test_switcher_works_from_the_keyboard(served: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(served + "2026.2/sessions/ser-01.html")
    page.wait_for_function("document.querySelectorAll('.version-switcher__menu a').length > 0")
    page.locator(".bd-sidebar-primary .version-switcher__button").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.dataset.version")
    assert focused in ("main", "2026.2", "2026.1")
    page.close()


def test_not_found_page_offers_the_versions_that_have_the_page(served: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    response = page.goto(served + "2026.1/sessions/ser-03.html")
    assert response is not None and response.status == 404
    assert page.locator("article h1").first.inner_text() == "Page introuvable"
    page.wait_for_selector(".archive-other-versions ul a")
    links = page.locator(".archive-other-versions ul a")
    found = {links.nth(i).inner_text(): links.nth(i).get_attribute("href") for i in range(links.count())}
    assert found == {"version main (en cours, non publiée)": "/ia/main/sessions/ser-03.html",
                     "version 2026.2 (la plus récente)": "/ia/2026.2/sessions/ser-03.html"}
    # The host serves one 404 page, the latest version's: its links work from any depth.
    with page.expect_navigation():
        page.locator("article a", has_text="Accueil de l’archive").click()
    assert page.url == served + "2026.2/index.html"
    page.close()


def test_the_version_notice_leaves_the_sidebar_title_whole(served: str, browser: object) -> None:
    """On the version in preparation the notice sits above the page: the sidebar opens at its top,
    its title on screen and uncovered (the theme scrolled it to the current entry)."""
    page = browser.new_page(viewport={"width": 1366, "height": 560})  # type: ignore[attr-defined]
    page.goto(served + "main/people/ada-dupont.html")
    page.wait_for_load_state("networkidle")
    assert page.locator(".bd-header-announcement").is_visible()
    title = page.evaluate("""() => {
        const title = document.querySelector('.bd-sidebar-primary .navbar-brand');
        const box = title.getBoundingClientRect();
        const found = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return {top: box.top, inside: title.contains(found),
                scrolled: document.querySelector('.bd-sidebar-primary').scrollTop};
    }""")
    assert title["top"] >= 0 and title["inside"] and title["scrolled"] == 0, title
    page.close()


@pytest.mark.parametrize(("version", "found"), [(FIRST, "sessions/ser-01.html"), (SECOND, "sessions/ser-03.html")])
def test_a_search_address_works_in_every_version(served: str, browser: object, version: str, found: str) -> None:
    """search.html?q=… searches that version's own index and links to that version's pages."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    words = "Première séance" if version == FIRST else "Troisième séance"
    page.goto(f"{served}{version}/search.html?q={words}")
    page.wait_for_function("[...document.querySelectorAll('.pagefind-ui__result')].length > 0 && "
                           "[...document.querySelectorAll('.pagefind-ui__result')]"
                           ".every(r => r.querySelector('.pagefind-ui__result-link'))", timeout=20000)
    first = page.locator(".pagefind-ui__result-link").first
    assert first.get_attribute("href") == f"/ia/{version}/{found}"
    with page.expect_navigation():
        first.click()
    assert page.url == f"{served}{version}/{found}"
    assert page.title().startswith(words)
    page.close()
