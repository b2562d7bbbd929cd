"""What a reader's browser loads for a page of the real site, served compressed as static hosts
serve it (gzip): the budgets of issue 24 (at most 150 KB transferred and 800 KB before
compression for a session page), only the scripts a page uses, and no console error. Debian's
Chromium driven by Playwright; the sizes are what Chromium received, summed over every request."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from compressed_host import compressed_site
from conftest import CliBuild

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TRANSFERRED_BUDGET = 150_000
DECODED_BUDGET = 800_000
PAGES = {"accueil": "index.html", "seance": "sessions/ia-sante-02.html", "personne": "people/daniel-benamouzig.html",
         "organisation": "organisations/sciences-po.html", "communique": "press/communique-2022-10-21.html"}
# Only the search page uses the search index: Pagefind's scripts. Sphinx's are loaded by none.
SEARCH_ONLY = ("pagefind-ui.js", "pagefind.js", "archive-search.js")
SPHINX_SEARCH = ("searchindex.js", "searchtools.js", "language_data.js", "sphinx_highlight.js")
# What the search page may transfer, compressed, with the results of a query (docs/recherche.md).
SEARCH_PAGE_BUDGET = 400_000


@dataclass
class Load:
    transferred: int = 0
    decoded: int = 0
    urls: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def site_url(readers_site: CliBuild) -> Iterator[str]:
    with compressed_site(readers_site.outdir) as url:
        yield url


def load(browser: Any, url: str, width: int = 390) -> Load:
    """Open ``url`` in a fresh context (an empty cache) and add up what it loaded."""
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="fr-FR")
    page = context.new_page()
    seen = Load()
    finished: list[Any] = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.on("requestfailed", lambda request: seen.failed.append(request.url))
    page.on("console", lambda message: seen.console_errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: seen.failed.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.goto(url, wait_until="networkidle")
    for request in finished:
        sizes = request.sizes()
        response = request.response()
        seen.transferred += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        seen.decoded += len(response.body()) if response is not None else 0
        seen.urls.append(request.url.split("?")[0])
    context.close()
    return seen


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_is_light(browser: Any, site_url: str, name: str) -> None:
    seen = load(browser, site_url + PAGES[name])
    assert seen.transferred <= TRANSFERRED_BUDGET, (seen.transferred, seen.urls)
    assert seen.decoded <= DECODED_BUDGET, (seen.decoded, seen.urls)
    # The server did compress: what was transferred is well under what the pages weigh.
    assert seen.transferred < seen.decoded / 3
    loaded = [url.rsplit("/", 1)[-1] for url in seen.urls]
    assert "fontawesome.js" not in loaded
    assert not [script for script in (*SEARCH_ONLY, *SPHINX_SEARCH) if script in loaded], loaded
    # No font for icons: they are drawn by archive-icons.css.
    assert not [url for url in seen.urls if "fontawesome" in url], seen.urls
    assert seen.failed == []
    assert seen.console_errors == []


def test_the_search_page_loads_the_index(browser: Any, site_url: str) -> None:
    seen = load(browser, site_url + "search.html?q=Benamouzig", width=1366)
    loaded = [url.rsplit("/", 1)[-1] for url in seen.urls]
    for script in SEARCH_ONLY:
        assert script in loaded
    assert not [script for script in SPHINX_SEARCH if script in loaded], loaded
    # Pagefind's index, in pieces: the query's words and its results' fragments, not the whole.
    assert [url for url in seen.urls if url.endswith(".pf_fragment")], seen.urls
    assert seen.transferred <= SEARCH_PAGE_BUDGET, (seen.transferred, seen.urls)
    assert seen.failed == []
    assert seen.console_errors == []


def test_icons_are_drawn(browser: Any, site_url: str) -> None:
    """The menu, search and colour-mode buttons show their icon: a mask of the text's colour,
    1em square, in place of the icon font's glyph."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + PAGES["seance"], wait_until="networkidle")
    for selector in (".bd-header-article .primary-toggle .fa-bars", ".article-header-buttons .fa-magnifying-glass",
                     ".article-header-buttons .secondary-toggle .fa-list"):
        drawn = page.evaluate("""(selector) => {
            const icon = document.querySelector(selector);
            const before = getComputedStyle(icon, "::before");
            return {mask: before.maskImage || before.webkitMaskImage, width: parseFloat(before.width),
                    font: getComputedStyle(icon).fontFamily, visible: icon.getBoundingClientRect().width > 0};
        }""", selector)
        assert drawn["mask"].startswith('url("data:image/svg+xml'), (selector, drawn)
        assert drawn["width"] > 8 and drawn["visible"], (selector, drawn)
        assert "Font Awesome" not in drawn["font"]
    context.close()
