"""Light pages, in the built HTML of the real site (seminar_archive.sphinx.lightpages): no icon
script, the search scripts (Pagefind's, sphinx/sitesearch.py) on the search page only and Sphinx's
on none, every icon a page uses drawn by
archive-icons.css with an SVG that parses, a favicon, and a colour mode the theme accepts."""

from __future__ import annotations

import re
from urllib.parse import unquote

from bs4 import BeautifulSoup
from defusedxml import ElementTree

from conftest import CliBuild

SEARCH_SCRIPTS = ("searchtools.js", "language_data.js", "searchindex.js")
PAGEFIND_SCRIPTS = ("pagefind-ui.js", "archive-search.js")
ICON_RULE = re.compile(r"\.fa-([a-z0-9-]+) \{ --archive-icon: url\(\"data:image/svg\+xml,(.*?)\"\); \}")
# Classes of the icon font that are not icons (sizes, widths).
NOT_ICONS = {"solid", "regular", "brands", "classic", "lg", "fw"}


def test_no_page_loads_the_icon_script_or_the_search_index(readers_site: CliBuild) -> None:
    pages = sorted(readers_site.outdir.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        scripts = [str(tag.get("src", "")).split("?")[0].rsplit("/", 1)[-1] for tag in html.find_all("script")]
        preloaded = [str(tag.get("href", "")) for tag in html.find_all("link", rel="preload")]
        assert "fontawesome.js" not in scripts and not [p for p in preloaded if "fontawesome" in p], path
        name = path.relative_to(readers_site.outdir).as_posix()
        # The script that looks for a missing page in other versions: on the 404 page only.
        assert ("archive-versions.js" in scripts) == (name == "404.html"), name
        assert [s for s in SEARCH_SCRIPTS if s in scripts] == [], name
        if name == "search.html":
            assert [s for s in PAGEFIND_SCRIPTS if s in scripts] == list(PAGEFIND_SCRIPTS)
        else:
            assert [s for s in PAGEFIND_SCRIPTS if s in scripts] == [], name


def test_every_icon_a_page_uses_is_drawn(readers_site: CliBuild) -> None:
    css = (readers_site.outdir / "_static" / "archive-icons.css").read_text(encoding="utf-8")
    drawn = {}
    for name, svg in ICON_RULE.findall(css):
        root = ElementTree.fromstring(unquote(svg))  # a real parser: a duplicate attribute fails here
        assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("viewBox") == "0 0 24 24"
        assert len(root) > 0
        drawn[name] = root
    used: set[str] = set()
    for path in readers_site.outdir.rglob("*.html"):
        used |= {m for c in re.findall(r'class="([^"]*\bfa-[^"]*)"', path.read_text(encoding="utf-8"))
                 for m in re.findall(r"\bfa-([a-z0-9-]+)", c)}
    missing = used - NOT_ICONS - set(drawn)
    assert used - NOT_ICONS, "the pages use icons"
    assert missing == set()


def test_a_favicon_and_a_valid_colour_mode(readers_site: CliBuild) -> None:
    html = BeautifulSoup((readers_site.outdir / "sessions" / "ia-sante-02.html").read_text(encoding="utf-8"),
                         "html.parser")
    icon = html.find("link", rel="icon")
    assert icon is not None
    target = (readers_site.outdir / "sessions" / str(icon["href"])).resolve()
    assert target.is_file()
    ElementTree.fromstring(target.read_text(encoding="utf-8"))
    body = html.find("body")
    assert body is not None and body["data-default-mode"] == "auto"
    assert "localStorage.getItem(\"mode\") || \"auto\"" in str(html)


def test_extensions_assets_only_where_they_have_work(readers_site: CliBuild) -> None:
    """The copy button's scripts where there is a code block, sphinx-design's where it is used."""
    def assets(name: str) -> set[str]:
        html = BeautifulSoup((readers_site.outdir / name).read_text(encoding="utf-8"), "html.parser")
        found = {str(t.get("src", "")) for t in html.find_all("script")} | {
            str(t.get("href", "")) for t in html.find_all("link", rel="stylesheet")}
        return {f.split("?")[0].rsplit("/", 1)[-1] for f in found if f}

    extension_assets = {"clipboard.min.js", "copybutton.js", "copybutton.css", "design-tabs.js",
                        "sphinx-design.min.css"}
    # A session page has its cite block: tabs of code blocks, each with a copy button.
    assert assets("sessions/ia-sante-02.html") >= extension_assets
    for name in ("index.html", "people/daniel-benamouzig.html", "organisations/sciences-po.html"):
        assert not assets(name) & extension_assets, name
    # The guide has code blocks but no tabs.
    assert assets("contributing.html") & extension_assets == {"clipboard.min.js", "copybutton.js", "copybutton.css"}
