"""The site's search (seminar_archive.sphinx.sitesearch): the marks each page gives Pagefind, from
the model, in the built HTML of the real site; Pagefind's index written at the end of the build;
a typed warning, and a build that goes on, when Pagefind cannot run."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import BuildFn, CliBuild, copy_root, warnings_of
from seminar_archive.archive import Archive
from seminar_archive.model import Organisation, Session
from seminar_archive.pageplan import PageKind, PlannedPage
from seminar_archive.sphinx.sitesearch import TERMS_MARKER, describe, marked_body


def soup(site: CliBuild, name: str) -> BeautifulSoup:
    return BeautifulSoup((site.outdir / name).read_text(encoding="utf-8"), "html.parser")


def filters_of(page: BeautifulSoup) -> list[str]:
    return [str(tag["data-pagefind-filter"]) for tag in page.select("[data-pagefind-body] [data-pagefind-filter]")]


def test_a_session_page_gives_its_type_year_themes_and_people(readers_site: CliBuild) -> None:
    page = soup(readers_site, "sessions/ia-sante-03.html")
    [body] = page.select("[data-pagefind-body]")
    filters = filters_of(page)
    assert filters[:2] == ["type:séance", "année:2021"]
    assert "thème:assurance santé" in filters
    assert "personne:Daniel Benamouzig" in filters
    # What readers type for it, hidden, weighted, after the page's own text.
    terms = body.select_one("p.archive-search-terms")
    assert terms is not None and terms.has_attr("hidden") and terms["data-pagefind-weight"] == "10"
    text = terms.get_text()
    assert text.startswith(TERMS_MARKER)
    for words in ("IA et assurances en santé", "5 octobre 2021", "octobre 2021", "2021-10", "Séance 3"):
        assert words in text
    assert body.find("h1").get_text().startswith("IA et assurances en santé")
    # The theme's chrome (header, sidebar, colour-mode labels) is outside what Pagefind reads.
    assert not body.find_parent(class_="bd-sidebar-primary")
    assert "Clair" not in body.get_text() and "Sombre" not in body.get_text()


def test_registry_and_theme_pages_have_their_type(readers_site: CliBuild) -> None:
    org = soup(readers_site, "organisations/health-data-hub.html")
    assert filters_of(org) == ["type:organisation"]
    terms = org.select_one("p.archive-search-terms")
    assert terms is not None and "HDH" in terms.get_text()
    assert filters_of(soup(readers_site, "people/sophie-beaupere.html")) == ["type:personne",
                                                                             "personne:Sophie Beaupère"]
    assert filters_of(soup(readers_site, "themes/donnees-de-sante.html")) == ["type:thème",
                                                                              "thème:données de santé"]
    press = filters_of(soup(readers_site, "press/communique-2022-10-21.html"))
    assert press[:2] == ["type:communiqué", "année:2022"]


def test_pages_about_items_count_for_less_than_the_items(readers_site: CliBuild) -> None:
    for name in ("sessions/2021.html", "people/index.html", "people/a-z/b.html"):
        [body] = soup(readers_site, name).select("[data-pagefind-body]")
        assert body["data-pagefind-weight"] == "0.5", name
    for name in ("citer.html", "contributing.html", "performance.html", "index.html"):
        [body] = soup(readers_site, name).select("[data-pagefind-body]")
        assert body["data-pagefind-weight"] == "0.3", name
    [body] = soup(readers_site, "sessions/ia-sante-03.html").select("[data-pagefind-body]")
    assert not body.has_attr("data-pagefind-weight")
    # Sphinx's own pages (search, the general index) are not searched.
    assert not soup(readers_site, "search.html").select("[data-pagefind-body]")


def test_pagefind_indexed_the_site_in_french(readers_site: CliBuild) -> None:
    folder = readers_site.outdir / "pagefind"
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["version"].startswith("1.5.")
    [language] = entry["languages"]
    assert language == "fr"
    pages = entry["languages"]["fr"]["page_count"]
    # Every page with a body: far more than the sessions, and not the pages Sphinx makes.
    assert 100 < pages < len(list(readers_site.outdir.rglob("*.html")))
    assert list((folder / "filter").glob("*.pf_filter"))
    search = soup(readers_site, "search.html")
    assert search.select_one("#archive-search[data-bundle='pagefind/']") is not None


def test_a_hostile_title_is_escaped_in_the_marks() -> None:
    session = Session(id="s", title='x"><script>alert(1)</script>', docname="sessions/s", source="x.txt",
                      themes=('t"onmouseover="y, z',))
    archive = Archive(sessions={"s": session})
    filters, terms = describe(archive, PlannedPage("sessions/s", PageKind.SESSION, "s", generated=False))
    body = BeautifulSoup(marked_body("<h1>t</h1>", filters, terms), "html.parser")
    assert body.find("script") is None
    assert [str(tag["data-pagefind-filter"]) for tag in body.select("[data-pagefind-filter]")] == [
        "type:séance", "année:1", 'thème:t"onmouseover="y  z']
    terms_line = body.select_one("p.archive-search-terms")
    assert terms_line is not None and '"><script>alert(1)</script>' in terms_line.get_text()


def test_an_organisation_is_found_by_its_acronym_and_full_name() -> None:
    org = Organisation(id="hdh", name="HDH", acronym="HDH", full_name="Health Data Hub", variants=("PDS",))
    page = PlannedPage("organisations/hdh", PageKind.ORGANISATION, "hdh")
    _filters, terms = describe(Archive(organisations={"hdh": org}), page)
    assert terms == ["organisation", "HDH", "Health Data Hub", "PDS"]


def test_a_missing_pagefind_is_a_typed_warning_and_the_build_goes_on(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    app = build(srcdir, confoverrides={"archive_pagefind": str(tmp_path / "no-such-program"),
                                       "archive_language": "fr"})
    found = [line for line in warnings_of(app) if "[archive.search-index]" in line]
    assert len(found) == 1, warnings_of(app)
    assert found[0].startswith(f"{srcdir / 'conf.py'}:1: WARNING: le programme de recherche Pagefind est "
                               "introuvable"), found
    assert (Path(app.outdir) / "index.html").is_file()
    assert not (Path(app.outdir) / "pagefind").exists()


def test_a_failing_pagefind_says_so_in_english_when_asked(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    app = build(srcdir, confoverrides={"archive_pagefind": "/bin/false", "archive_language": "en"})
    found = [line for line in warnings_of(app) if "[archive.search-index]" in line]
    assert len(found) == 1, warnings_of(app)
    assert "Pagefind could not index the site (exit code 1)" in found[0]


def test_the_basic_root_is_indexed(build: BuildFn, tmp_path: Path) -> None:
    app = build(copy_root("basic", tmp_path))
    assert not [line for line in warnings_of(app) if "search-index" in line]
    assert (Path(app.outdir) / "pagefind" / "pagefind-entry.json").is_file()
