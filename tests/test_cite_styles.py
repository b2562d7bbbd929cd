"""The official styles in the "Citer" block (issue 24): the text citeproc-py printed on the built
page equals citeproc-js's from the page's own CSL-JSON download, same style and fr-FR locale
(whitespace normalised).
And the BibTeX block scrolls instead of wrapping, in Chromium at 390 px."""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import pytest

from conftest import CliBuild
from readers_site import BASE
from seminar_archive.citations.styled import STYLES
from seminar_archive.textfr import typo_fr
from test_js_clients import node, run_js  # noqa: F401 (node: a fixture)

JS_STYLE = {"apa": "apa", "chicago": "chicago-author-date", "iso690": "iso690-author-date-fr"}
PAGES = ("sessions/ia-sante-02", "sessions/ia-sante-06", "press/communique-2022-10-21")


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def site(addressed_site: CliBuild) -> CliBuild:
    return addressed_site


def on_page(site: CliBuild, page: str, anchor: str) -> str:
    tree = lxml.html.parse(str(site.outdir / f"{page}.html"))
    [box] = tree.xpath(f'//section[@id="citer"]//*[@id="{anchor}"]')
    [paragraph] = box.xpath('.//div[contains(@class, "archive-citation-box")]/p[contains(@class, "archive-citation")]')
    [link] = paragraph.xpath(".//a")
    assert link.get("href") == f"{BASE}{page}.html"
    return normal(paragraph.text_content())


@pytest.mark.parametrize("style", [style.key for style in STYLES])
@pytest.mark.parametrize("page", PAGES)
def test_each_style_on_the_page_is_citeproc_js(node: str, site: CliBuild, page: str, style: str) -> None:  # noqa: F811
    built = on_page(site, page, f"citer-{style}")
    output = run_js(node, "render", [site.outdir / f"{page}.csl.json"])
    [styles] = output["result"].values()
    [expected] = styles[JS_STYLE[style]]
    assert built == normal(typo_fr(expected))  # the page sets citeproc-js's text in French typography


def test_the_styles_sit_under_the_archive_reference(site: CliBuild) -> None:
    tree = lxml.html.parse(str(site.outdir / "sessions/ia-sante-02.html"))
    [block] = tree.xpath('//section[@id="citer"]')
    boxes = block.xpath('.//div[contains(@class, "archive-citation-box")]')
    assert len(boxes) == 1 + len(STYLES) == 4  # the archive's style, then APA, Chicago, ISO 690
    assert "Présidents" in boxes[1].text_content()  # APA names the moderators
    assert "Présidé par Daniel Benamouzig" in boxes[2].text_content()  # Chicago, full given names
    assert "Disponible à l’adresse" in boxes[3].text_content()
    for box in boxes[1:]:
        assert "septembre" in box.text_content() and "September" not in box.text_content()


def test_bibtex_block_scrolls_at_390_px(browser: Any, site: CliBuild, serve: Any) -> None:
    address = serve(site.outdir)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{address}sessions/ia-sante-02.html")
        found = page.evaluate("""() => {
            const pre = document.querySelector('#citer .archive-cite-text pre');
            const style = getComputedStyle(pre);
            const lines = pre.textContent.split('\\n').length;
            const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
            return {scroll: pre.scrollWidth, client: pre.clientWidth, ws: style.whiteSpace,
                    overflow: style.overflowX, lines, height: pre.clientHeight, lineHeight};
        }""")
    finally:
        context.close()
    assert found["ws"] == "pre" and found["overflow"] == "auto", found
    assert found["scroll"] > found["client"], found
    # Not wrapped: the box is no taller than its source lines (plus padding).
    assert found["height"] < (found["lines"] + 2) * found["lineHeight"], found
