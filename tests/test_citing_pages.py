"""Citations as readers and reference managers meet them: the cite block, downloads, the page head."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import CliBuild, cli_build, copy_root

BASE = "https://archive.test/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> CliBuild:
    srcdir = copy_root("site", tmp_path_factory.mktemp("citing"))
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-D", f"html_baseurl={BASE}",
                       "-D", "archive_version=2026.1")
    assert result.returncode == 0, result.stderr
    return result


def soup(site: CliBuild, page: str) -> BeautifulSoup:
    return BeautifulSoup((site.outdir / page).read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [(str(m["name"]), str(m["content"])) for m in page.head.find_all("meta", attrs={"name": True})
            if m["name"].startswith(("citation_", "eprints.", "DC."))]


def json_ld(page: BeautifulSoup) -> dict[str, Any]:
    scripts = page.head.find_all("script", attrs={"type": "application/ld+json"})
    assert len(scripts) == 1
    text = scripts[0].string
    assert text is not None
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def test_session_head_makes_a_zotero_presentation(site: CliBuild) -> None:
    page = soup(site, "sessions/ia-sante-02.html")
    tags = meta(page)
    assert ("citation_title", "IA et innovations médicales") in tags
    assert ("citation_date", "2021/09/07") in tags
    assert ("eprints.type", "conference_item") in tags and ("eprints.ispublished", "unpub") in tags
    presenters = [c for n, c in tags if n == "eprints.creators_name"]
    contributors = [c for n, c in tags if n == "eprints.contributors_name"]
    assert presenters[0] == "Livartowski, Alain" and len(presenters) == 5
    assert contributors == ["Benamouzig, Daniel", "Commaille-Chapus, Catherine"]  # moderators apart
    # Plain: square brackets are for the page a person reads, never a machine field.
    assert ("eprints.event_title", "Intelligence artificielle et santé") in tags
    # Google Scholar needs authors; Zotero then prefers them to eprints.creators_name (same people).
    assert [c for n, c in tags if n == "citation_author"] == presenters
    assert ("eprints.event_type", "Séance de séminaire") in tags  # the files' type word (RIS M3, CSL genre)
    assert ("citation_public_url", f"{BASE}sessions/ia-sante-02.html") in tags
    canonical = page.head.find("link", rel="canonical")
    assert canonical is not None and canonical["href"] == f"{BASE}sessions/ia-sante-02.html"


def test_session_json_ld_is_an_event_in_a_series(site: CliBuild) -> None:
    data = json_ld(soup(site, "sessions/ia-sante-02.html"))
    assert data["@type"] == "Event" and data["startDate"] == "2021-09-07"
    assert data["superEvent"]["@type"] == "EventSeries"
    assert [p["name"] for p in data["contributor"]] == ["Daniel Benamouzig", "Catherine Commaille-Chapus"]
    assert len(data["performer"]) == 5


def test_press_head_and_json_ld(site: CliBuild) -> None:
    page = soup(site, "press/communique-2022-10-21.html")
    tags = dict(meta(page))
    assert tags["citation_date"] == "2022/10/21"
    assert tags["DC.type"] == "Communiqué de presse"  # Zotero's report type
    # A report for Zotero, issued at a place (not DC.coverage: Zotero's "Loc. in Archive").
    assert tags["citation_technical_report_institution"] == "Health Data Hub"
    assert tags["eprints.place_of_pub"] == "Paris" and "DC.coverage" not in tags
    data = json_ld(page)
    assert data["@type"] == "NewsArticle" and data["about"]["name"] == "IA et médecine, promesses et limites"
    assert "Emmanuel Bacry" in [p["name"] for p in data["mentions"]]


@pytest.mark.parametrize("page", ["index.html", "people/daniel-benamouzig.html", "people/index.html",
                                  "organisations/cnrs.html", "sessions/index.html"])
def test_no_item_metadata_on_other_pages(site: CliBuild, page: str) -> None:
    html = soup(site, page)
    assert meta(html) == []
    assert html.head.find("script", attrs={"type": "application/ld+json"}) is None


def cite_block(site: CliBuild, page: str) -> Tag:
    found = soup(site, page).find(id="citer")
    assert isinstance(found, Tag)
    return found


@pytest.mark.parametrize("page", ["sessions/ia-sante-02.html", "sessions/ia-sante-06.html",
                                  "press/communique-2022-10-21.html", "series/ia-sante.html"])
def test_cite_block_tabs_match_the_downloads(site: CliBuild, page: str) -> None:
    block = cite_block(site, page)
    labels = [label.get_text(strip=True) for label in block.select("label.sd-tab-label")]
    assert labels == ["BibTeX", "biblatex", "RIS", "CSL-JSON"]
    stem = page.removesuffix(".html")
    for suffix, pre in zip([".bib", ".biblatex.bib", ".ris", ".csl.json"], block.select("div.highlight pre"),
                           strict=True):
        download = site.outdir / f"{stem}{suffix}"
        assert download.exists(), download
        assert pre.get_text() == download.read_text(encoding="utf-8")
    hrefs = [a["href"] for a in block.select("a.archive-download")]
    assert hrefs == [f"{Path(stem).name}{s}" for s in (".bib", ".biblatex.bib", ".ris", ".csl.json")]
    assert block.select_one("p.archive-citation").get_text(strip=True)


def test_citation_formats_are_kept_out_of_the_search_index(site: CliBuild) -> None:
    """The cite block repeats the page's facts in four formats: their field names and tags
    ("howpublished", "eventtitle", RIS's "ER") would make every citable page a hit for them."""
    from seminar_archive.sphinx.searchfr import FoldingFrench

    text = (site.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1: text.rindex(")")])
    stem = FoldingFrench({}).stem
    items = {number for number, name in enumerate(index["docnames"])
             if name.startswith(("sessions/ia-sante-", "press/communique-", "series/ia-sante"))}
    assert len(items) == 10  # eight sessions, the press release, the series
    # Nor the links to a person's bibliography in each format.
    items |= {number for number, name in enumerate(index["docnames"]) if name == "people/emmanuel-bacry"}
    # Words only the formats hold (the contributors' guide may name them: it is not an item).
    for word in ("howpublished", "eventtitle", "langid", "issued", "TY", "csl", "biblatex"):
        found = index["terms"].get(stem(word), [])
        assert not items & set(found if isinstance(found, list) else [found]), word
    assert "Citer cette séance" not in json.dumps(index["alltitles"], ensure_ascii=False)
    # The page itself is still found, by its title and by the words of its body.
    session_2 = index["docnames"].index("sessions/ia-sante-02")
    for word, where in (("innovations", "titleterms"), ("livartowski", "terms")):
        found = index[where][stem(word)]
        assert session_2 in (found if isinstance(found, list) else [found]), word
    # And the block is still on the page.
    assert cite_block(site, "sessions/ia-sante-02.html").select("div.highlight pre")


def test_series_files_and_person_bibliography(site: CliBuild) -> None:
    data = site.outdir / "data"
    for name in ("series.bib", "series-biblatex.bib", "series.ris", "series.csl.json"):
        assert (data / name).stat().st_size > 0
    entries = json.loads((data / "series.csl.json").read_text(encoding="utf-8"))
    assert len(entries) == 10  # the series, eight sessions, the press release
    person = soup(site, "people/emmanuel-bacry.html")
    links = [a["href"] for a in person.select("p.archive-person-bibliography a")]
    assert links == ["emmanuel-bacry.bib", "emmanuel-bacry.biblatex.bib", "emmanuel-bacry.ris",
                     "emmanuel-bacry.csl.json"]
    mine = json.loads((site.outdir / "people" / "emmanuel-bacry.csl.json").read_text(encoding="utf-8"))
    assert len(mine) == 2  # session 1 and the press release


def test_every_file_joins_the_items_own_entries(site: CliBuild) -> None:
    """Each record is rendered once per build and reused: a person's bibliography and the series
    files must hold exactly the entries of the items' own downloads, item by item."""
    from pybtex.database import parse_string

    by_key = {}
    for path in [*site.outdir.glob("sessions/*.bib"), *site.outdir.glob("press/*.bib"),
                 *site.outdir.glob("series/*.bib")]:
        if not path.name.endswith(".biblatex.bib"):
            text = path.read_text(encoding="utf-8")
            (key,) = parse_string(text, "bibtex").entries
            by_key[key] = text
    assert len(by_key) == 10
    people = sorted(p for p in site.outdir.glob("people/*.bib") if not p.name.endswith(".biblatex.bib"))
    assert len(people) > 30
    for path in [*people, site.outdir / "data" / "series.bib"]:
        text = path.read_text(encoding="utf-8")
        keys = list(parse_string(text, "bibtex").entries)
        assert keys and len(set(keys)) == len(keys), path
        assert text == "\n".join(by_key[key] for key in keys), path


def test_citations_name_the_version(site: CliBuild) -> None:
    bib = (site.outdir / "sessions" / "ia-sante-02.bib").read_text(encoding="utf-8")
    assert "2026.1" in bib
    assert f"{BASE}sessions/ia-sante-02.html" in bib


def test_hostile_title_cannot_break_out_of_the_head(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    page = srcdir / "sessions" / "ser-01.md"
    hostile = 'Séance </script><script>alert(1)</script> "quoted" & <b>bold</b>'
    page.write_text(page.read_text(encoding="utf-8").replace("title: Première séance", f"title: '{hostile}'"),
                    encoding="utf-8")
    build = cli_build(srcdir, "-D", f"html_baseurl={BASE}")
    assert build.returncode == 0, build.stderr
    html = soup(build, "sessions/ser-01.html")
    # The only script that mentions the title is the JSON-LD one, which parses back to it.
    carriers = [s for s in html.find_all("script") if "alert" in (s.string or "")]
    assert [s.get("type") for s in carriers] == ["application/ld+json"]
    assert dict(meta(html))["citation_title"] == hostile
    assert json_ld(html)["name"] == hostile
    assert html.find("h1").get_text().strip("#¶ ") == hostile
    assert html.find("b", string="bold") is None  # the title's markup is text, not markup
