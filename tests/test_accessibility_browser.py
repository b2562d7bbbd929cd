"""Accessibility of every kind of page, in a real browser (Debian's Chromium driven by Playwright):
axe-core finds no violation at all, in the light and the dark colour modes, with the WCAG 2.2
target-size rule and the label-in-name rule switched on (axe runs neither by default); and every
control a reader taps (buttons, footnote marks and their way back, the version switcher) is at
least 24 × 24 px, measured. The site is the real one (docs/), built as a published version, so
that the version switcher is on the page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from browser_support import Serve, wait_for_search_results, wait_for_transitions
from conftest import CliBuild, cli_build, copy_root

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# One page of each kind the archive has.
PAGES = {
    "accueil": "index.html",
    "seance": "sessions/ia-sante-02.html",
    "communique": "press/communique-2022-10-21.html",
    "evenement": "events/symposium-ia-medecine-2022.html",
    "serie": "series/ia-sante.html",
    "personne": "people/daniel-benamouzig.html",
    "organisation": "organisations/chaire-sante.html",
    "theme": "themes/donnees-de-sante.html",
    "a-z": "people/index.html",
    "chronologie": "sessions/index.html",
    "recherche": "search.html?q=sant%C3%A9",
}
MODES = ("light", "dark")
# Rules axe-core leaves off by default that the issue measured: WCAG 2.2's 24 px targets and
# WCAG 2.1's "the name contains the visible label".
EXTRA_RULES = {"rules": {"target-size": {"enabled": True}, "label-content-name-mismatch": {"enabled": True}}}
# What a reader taps that is not a link inside a sentence (WCAG 2.5.8 exempts those).
TAP_TARGETS = ("button, a[role='doc-noteref'], a[role='doc-backlink'],"
               " .sd-tab-set > label, .version-switcher__button")
MINIMUM_PX = 24


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> CliBuild:
    srcdir = copy_root("site", tmp_path_factory.mktemp("accessible"))
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-D", "html_baseurl=https://archive.test/",
                       "-D", "archive_version=2026.1", "-D", "archive_latest_version=2026.1")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def site_url(published_site: CliBuild, serve: Serve) -> str:
    return serve(published_site.outdir)


@pytest.fixture(params=MODES)
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A page in the reader's colour mode: the theme follows the system's when the reader has
    not chosen one, as here."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR",
                                  color_scheme=request.param)
    opened = context.new_page()
    opened.colour_mode = request.param
    yield opened
    context.close()


def open_page(page: Any, address: str) -> None:
    page.goto(address)
    assert page.evaluate("document.documentElement.dataset.theme") == page.colour_mode
    if "search.html" in address:
        # The results, with their highlighted words, must be on the page when axe looks.
        assert "0 résultat" not in wait_for_search_results(page)
    wait_for_transitions(page)


@pytest.mark.parametrize("name", list(PAGES))
def test_no_accessibility_violation(page: Any, site_url: str, name: str) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    open_page(page, site_url + PAGES[name])
    results = axe_module.Axe().run(page, options=EXTRA_RULES)
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                  for v in results.response["violations"]]
    assert violations == []


def test_the_version_switcher_is_on_the_pages_checked(page: Any, site_url: str) -> None:
    # Else the axe test above would say nothing of it.
    open_page(page, site_url + PAGES["seance"])
    switcher = page.locator("nav.archive-version-switcher")
    assert switcher.count() == 1
    assert switcher.get_attribute("aria-labelledby")


@pytest.mark.parametrize("name", ["communique", "seance", "accueil"])
def test_tap_targets_are_at_least_24_px(page: Any, site_url: str, name: str) -> None:
    open_page(page, site_url + PAGES[name])
    sizes = page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
            .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
            .map(e => { const r = e.getBoundingClientRect();
                        return [(e.getAttribute('role') ?? '') + ' ' + e.outerHTML.slice(0, 80),
                                Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10]; })""",
        TAP_TARGETS)
    assert sizes, "no control measured"
    too_small = [size for size in sizes if size[1] < MINIMUM_PX or size[2] < MINIMUM_PX]
    assert too_small == []
    if name == "communique":
        # The page with footnotes: their marks were 11 × 19 px.
        assert sum("doc-noteref" in size[0] for size in sizes) >= 2
        assert sum("doc-backlink" in size[0] for size in sizes) >= 2
