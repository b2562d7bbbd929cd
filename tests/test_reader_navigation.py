"""The reader's navigation in the built site: readers' pages at the top, the archivists' and
developers' pages in one section of their own, the navigation named in French, and every
English passage of those pages marked lang="en"."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from conftest import CliBuild

MAKERS = {"contributing.html", "warnings.html", "performance.html", "page-weight.html"}
MAKERS_SECTION = "archivistes.html"
# Words that French text does not use: more than a few outside lang="en" is an unmarked passage.
ENGLISH = re.compile(r"\b(the|and|with|which|is|are|this|each|from)\b")


def soup(site: CliBuild, name: str) -> BeautifulSoup:
    return BeautifulSoup((site.outdir / name).read_text(encoding="utf-8"), "html.parser")


def top_level(page: BeautifulSoup) -> list[str]:
    nav = page.select_one("nav.bd-docs-nav")
    assert nav is not None
    return [str(a["href"]) for a in nav.select("li.toctree-l1 > a")]


def test_readers_have_their_own_navigation(readers_site: CliBuild) -> None:
    entries = top_level(soup(readers_site, "index.html"))
    assert MAKERS_SECTION in entries
    assert not MAKERS & set(entries), entries
    for reader_page in ("sessions/index.html", "people/index.html", "themes/index.html", "about.html",
                        "changelog.html"):
        assert reader_page in entries
    # The section lists the makers' pages, whose addresses have not changed.
    section = soup(readers_site, MAKERS_SECTION)
    title = section.select_one("article h1")
    assert title is not None and title.get_text().strip("#¶ ") == "Pour les archivistes et les développeurs"
    listed = {str(a["href"]) for a in section.select("article .toctree-wrapper a")}
    assert listed >= MAKERS
    for name in MAKERS:
        assert (readers_site.outdir / name).is_file()


def test_the_navigation_is_named_in_french(readers_site: CliBuild) -> None:
    for name in ("index.html", "sessions/ia-sante-02.html", "people/daniel-benamouzig.html"):
        nav = soup(readers_site, name).select_one("nav.bd-docs-nav")
        assert nav is not None and nav["aria-label"] == "Navigation de l’archive"


def test_english_passages_are_marked(readers_site: CliBuild) -> None:
    for name in [*sorted(MAKERS), MAKERS_SECTION, "about.html", "index.html", "sessions/ia-sante-02.html"]:
        article = soup(readers_site, name).select_one("article")
        assert article is not None
        assert article.select("[lang=en]") or name not in ("contributing.html", "warnings.html", "about.html")
        for marked in article.select("[lang=en]"):
            marked.decompose()
        for code in article.select("pre, code, script"):
            code.decompose()
        unmarked = ENGLISH.findall(article.get_text(" "))
        assert len(unmarked) <= 3, (name, unmarked)
