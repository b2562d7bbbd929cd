"""The reader's navigation in a real browser (Debian's Chromium driven by Playwright), on the real
site: the menu (☰) and page-contents buttons at phone, tablet and desktop widths (under
sphinx-book-theme, pydata-sphinx-theme >= 0.17 bound only a hidden copy of each: its issue 2451),
no tooltip left on screen, one search box and a sidebar title that is whole."""

from __future__ import annotations

from typing import Any

import pytest

from browser_support import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SESSION = "sessions/ia-sante-02.html"
MENU = ".bd-header-article .primary-toggle"
CONTENTS = ".bd-header-article .secondary-toggle"
MENU_DIALOG = "#pst-primary-sidebar-modal"


def open_page(browser: Any, url: str, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="fr-FR", has_touch=width < 992)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return page


def is_open(page: Any, dialog: str) -> bool:
    return bool(page.evaluate(f"document.querySelector('{dialog}').open"))


def visible_tooltips(page: Any) -> int:
    return int(page.evaluate("Array.from(document.querySelectorAll('.tooltip')).filter("
                             "(t) => t.getBoundingClientRect().width > 0).length"))


@pytest.mark.parametrize("width", [390, 800])
def test_the_menu_opens_navigates_and_closes_on_narrow_screens(browser: Any, site_url: str, width: int) -> None:
    page = open_page(browser, site_url + SESSION, width)
    assert not page.locator(".bd-sidebar-primary").is_visible()
    assert page.locator(MENU).get_attribute("aria-expanded") == "false"
    page.locator(MENU).tap()
    assert is_open(page, MENU_DIALOG)
    assert page.locator(MENU).get_attribute("aria-expanded") == "true"
    links = page.locator(f"{MENU_DIALOG} nav.bd-docs-nav a")
    assert links.count() > 5
    assert page.locator(f"{MENU_DIALOG} nav.bd-docs-nav").is_visible()
    screenshot(page, f"menu-ouvert-{width}")
    # Navigate from the menu.
    with page.expect_navigation():
        page.locator(f"{MENU_DIALOG} nav.bd-docs-nav a", has_text="Personnes de A à Z").first.click()
    assert page.url == site_url + "people/index.html"
    # Close it with Escape, then by tapping beside it.
    page.locator(MENU).click()
    assert is_open(page, MENU_DIALOG)
    page.keyboard.press("Escape")
    assert not is_open(page, MENU_DIALOG)
    # A dialog's "close" event, which updates the button, is queued after it closes: wait for it.
    page.wait_for_function(f"document.querySelector('{MENU}').getAttribute('aria-expanded') === 'false'",
                           timeout=5000)
    page.locator(MENU).click()
    box = page.locator(MENU_DIALOG).bounding_box()
    page.mouse.click(min(width - 5, box["x"] + box["width"] + 20), 400)
    assert not is_open(page, MENU_DIALOG)
    # The navigation is back in its place, and nothing is left over the search button.
    assert page.locator(".bd-sidebar-primary nav.bd-docs-nav").count() == 1
    page.wait_for_timeout(300)
    assert visible_tooltips(page) == 0
    page.context.close()


def test_the_page_contents_button_opens_the_contents(browser: Any, site_url: str) -> None:
    page = open_page(browser, site_url + SESSION, 390)
    page.locator(CONTENTS).tap()
    assert is_open(page, "#pst-secondary-sidebar-modal")
    assert page.locator("#pst-secondary-sidebar-modal a", has_text="Intervenants").is_visible()
    page.keyboard.press("Escape")
    assert not is_open(page, "#pst-secondary-sidebar-modal")
    page.context.close()


@pytest.mark.parametrize("width", [1100, 1366])
def test_the_menu_hides_and_shows_the_sidebar_on_wide_screens(browser: Any, site_url: str, width: int) -> None:
    page = open_page(browser, site_url + SESSION, width)
    sidebar = page.locator(".bd-sidebar-primary")
    assert sidebar.is_visible()
    page.locator(MENU).click()
    page.wait_for_function("getComputedStyle(document.querySelector('.bd-sidebar-primary')).visibility === 'hidden'")
    assert page.locator(MENU).get_attribute("aria-expanded") == "false"
    # Without the sidebar, the article's own search button is there.
    assert page.locator(".article-header-buttons .search-button").is_visible()
    page.locator(MENU).click()
    page.wait_for_function("getComputedStyle(document.querySelector('.bd-sidebar-primary')).visibility === 'visible'")
    assert page.locator(MENU).get_attribute("aria-expanded") == "true"
    page.context.close()


@pytest.mark.parametrize("width", [1100, 1366])
def test_one_search_box_and_a_whole_title_on_desktop(browser: Any, site_url: str, width: int) -> None:
    page = open_page(browser, site_url + SESSION, width)
    search = page.locator(".search-button__button")
    assert [i for i in range(search.count()) if search.nth(i).is_visible()] != []
    assert len([i for i in range(search.count()) if search.nth(i).is_visible()]) == 1
    assert page.locator(".bd-sidebar-primary .search-button-field").is_visible()
    # The sidebar's title is on screen and nothing covers it.
    covered = page.evaluate("""() => {
        const title = document.querySelector('.bd-sidebar-primary .navbar-brand');
        const box = title.getBoundingClientRect();
        const found = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return {top: box.top, inside: title.contains(found)};
    }""")
    assert covered["top"] >= 0 and covered["inside"], covered
    screenshot(page, f"seance-{width}")
    page.context.close()
