"""The official styles in the "Citer" block (issue 24): the text citeproc-py printed on the built
page equals citeproc-js's from the page's own CSL-JSON download, same style and fr-FR locale
(whitespace normalised).
And the BibTeX block scrolls instead of wrapping, in Chromium at 390 px."""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import pytest

from conftest import CliBuild, cli_build, copy_root
from test_js_clients import BASE, node, run_js  # noqa: F401 (node: a fixture)

PAGES = ("sessions/ia-sante-02", "sessions/ia-sante-06", "press/communique-2022-10-21")


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> CliBuild:
    srcdir = copy_root("site", tmp_path_factory.mktemp("citestyles"))
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-D", f"html_baseurl={BASE}")
    assert result.returncode == 0, result.stderr
    return result


def on_page(site: CliBuild, page: str, anchor: str) -> str:
    tree = lxml.html.parse(str(site.outdir / f"{page}.html"))
    [box] = tree.xpath(f'//section[@id="citer"]//*[@id="{anchor}"]')
    [paragraph] = box.xpath('.//div[contains(@class, "archive-citation-box")]/p[contains(@class, "archive-citation")]')
    [link] = paragraph.xpath(".//a")
    assert link.get("href") == f"{BASE}{page}.html"
    return normal(paragraph.text_content())


@pytest.mark.parametrize("page", PAGES)
def test_iso690_on_the_page_is_citeproc_js(node: str, site: CliBuild, page: str) -> None:  # noqa: F811
    built = on_page(site, page, "citer-iso690")
    output = run_js(node, "render", [site.outdir / f"{page}.csl.json"])
    [styles] = output["result"].values()
    [expected] = styles["iso690-author-date-fr"]
    assert built == normal(expected)


def test_the_styles_sit_under_the_archive_reference(site: CliBuild) -> None:
    tree = lxml.html.parse(str(site.outdir / "sessions/ia-sante-02.html"))
    [block] = tree.xpath('//section[@id="citer"]')
    boxes = block.xpath('.//div[contains(@class, "archive-citation-box")]')
    assert len(boxes) == 2  # the archive's style, then ISO 690
    assert "Disponible à l’adresse" in boxes[1].text_content()
    assert "septembre" in boxes[1].text_content() and "September" not in boxes[1].text_content()


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
