"""The screenshots shown in docs/captures.md (issue 24's "Show"): the home, a session, a person,
the search for "octobre 2021" with its filters, and the menu opened on a phone, at 390 and
1366 px, taken from the real site in Chromium. Each capture is checked for what it claims to
show before it is written to build/screenshots/captures/; `nox -s captures` copies them into
docs/captures/. A second test keeps the docs page, its files and this list in step."""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from browser_support import SCREENSHOTS, wait_for_search_results, wait_for_transitions
from conftest import DOCS

CAPTURED = SCREENSHOTS / "captures"
IN_DOCS = DOCS / "captures"
HEIGHTS = {390: 844, 1366: 900}  # a phone's screen and a laptop's, in CSS pixels


@dataclass(frozen=True)
class Capture:
    view: str  # the file's stem, before the width
    path: str
    widths: tuple[int, ...] = (390, 1366)

    def names(self) -> list[tuple[str, int]]:
        return [(f"{self.view}-{width}", width) for width in self.widths]


CAPTURES = (
    Capture("accueil", "index.html"),
    Capture("seance", "sessions/ia-sante-02.html"),
    Capture("personne", "people/daniel-benamouzig.html"),
    Capture("recherche-octobre-2021", "search.html?q=octobre%202021"),
    Capture("menu-ouvert", "sessions/ia-sante-02.html", (390,)),
)
ALL = [(capture, name, width) for capture in CAPTURES for name, width in capture.names()]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (IHDR), without an imaging library."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def _show(page: Any, capture: Capture) -> None:
    """Bring the page to the state the capture claims, and check that it is so."""
    if capture.view.startswith("recherche"):
        assert wait_for_search_results(page).endswith("résultats pour « octobre 2021 »")
        assert page.locator(".pagefind-ui__filter-panel").count() == 1
        first = page.locator(".pagefind-ui__result-link").first
        assert str(first.get_attribute("href")).endswith("sessions/ia-sante-03.html")
    elif capture.view == "menu-ouvert":
        page.locator(".bd-header-article .primary-toggle").tap()
        assert page.evaluate("document.querySelector('#pst-primary-sidebar-modal').open")
        assert page.locator("#pst-primary-sidebar-modal nav.bd-docs-nav").is_visible()
    else:
        assert page.locator("article.bd-article h1").first.is_visible()
    wait_for_transitions(page)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("capture", "name", "width"), ALL, ids=[name for _, name, _ in ALL])
def test_capture(browser: Any, site_url: str, capture: Capture, name: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": HEIGHTS[width]}, locale="fr-FR",
                                  has_touch=width < 992)
    try:
        page = context.new_page()
        page.goto(site_url + capture.path, wait_until="networkidle")
        _show(page, capture)
        CAPTURED.mkdir(parents=True, exist_ok=True)
        path = CAPTURED / f"{name}.png"
        page.screenshot(path=str(path))  # what the screen shows, not the whole page
    finally:
        context.close()
    assert png_size(path) == (width, HEIGHTS[width])


def test_the_docs_page_shows_every_capture_and_only_those() -> None:
    text = (DOCS / "captures.md").read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]+\]\(captures/([\w-]+)\.png\)", text)
    assert sorted(shown) == sorted(name for _, name, _ in ALL)
    on_disk = sorted(path.stem for path in IN_DOCS.glob("*.png"))
    assert on_disk == sorted(shown), "run `nox -s captures` and commit docs/captures/"
    for _, name, width in ALL:
        assert png_size(IN_DOCS / f"{name}.png") == (width, HEIGHTS[width]), name
