"""Citing from the page: the formatted reference's address is a link and the reference has a copy
button; the citation files scroll sideways instead of wrapping. On the real site (docs/), in its
HTML and in Debian's Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup

from conftest import CliBuild

pytestmark = [pytest.mark.slow]

SESSION = "sessions/ia-sante-02.html"
ADDRESS = "https://archive.test/sessions/ia-sante-02.html"


def test_the_references_address_is_a_link(readers_site: CliBuild) -> None:
    page = BeautifulSoup((readers_site.outdir / SESSION).read_text(encoding="utf-8"), "html.parser")
    reference = page.select_one("#citer div.archive-citation-box > p.archive-citation")
    assert reference is not None
    links = reference.find_all("a")
    assert [(a["href"], a.get_text()) for a in links] == [(ADDRESS, ADDRESS)]
    text = reference.get_text()
    assert text.startswith("Livartowski, Alain, Olivier Vire") and text.endswith(ADDRESS)
    # The copy button's script is told to look at the reference too.
    script = (readers_site.outdir / "_static" / "copybutton.js").read_text(encoding="utf-8")
    assert "div.archive-citation-box > p.archive-citation" in script


@pytest.mark.browser
def test_copy_button_puts_the_formatted_reference_on_the_clipboard(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + SESSION)
    boxes = page.locator("#citer .archive-citation-box")
    assert boxes.count() == 4  # the archive's style, APA, Chicago, ISO 690: each its own button
    copies = []
    for index in range(boxes.count()):
        box = boxes.nth(index)
        box.hover()
        button = box.locator("button.copybtn")
        assert button.is_visible()
        button.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == box.locator("p.archive-citation").inner_text()
        assert copied.startswith(("Livartowski, Alain", "LIVARTOWSKI, Alain", "Livartowski, A.")), copied
        assert ADDRESS in copied
        copies.append(copied)
    assert copies[0].endswith(ADDRESS)
    assert len(set(copies)) == 4
    context.close()


@pytest.mark.browser
def test_bibtex_scrolls_instead_of_wrapping(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + SESSION)
    pre = page.locator("#citer .sd-tab-content pre").first
    measured = pre.evaluate("""p => ({whiteSpace: getComputedStyle(p).whiteSpace,
        overflowX: getComputedStyle(p).overflowX,
        scroll: p.scrollWidth, width: p.clientWidth, height: p.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(p).lineHeight), lines: p.textContent.trimEnd().split('\\n').length})""")
    assert measured["whiteSpace"] == "pre" and measured["overflowX"] == "auto"
    assert measured["scroll"] > measured["width"]  # the long lines scroll
    # One line on screen per line of the file (wrapped lines would make it taller), padding aside.
    assert measured["height"] < (measured["lines"] + 2) * measured["lineHeight"]
    # The page itself does not become wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    context.close()
