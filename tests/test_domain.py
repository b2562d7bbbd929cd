"""The extension on a small archive: pages, links, the domain's objects, objects.inv."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

from conftest import BuildFn, copy_root, warnings_of
from seminar_archive.sphinx.domain import ArchiveDomain


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def main_text(app: SphinxTestApp, page: str) -> str:
    page_soup = soup(app, page)
    main = page_soup.find("article") or page_soup.find(None, attrs={"role": "main"})
    return " ".join(main.get_text(" ").split())


def links(app: SphinxTestApp, page: str) -> dict[str, str]:
    page_soup = soup(app, page)
    main = page_soup.find("article") or page_soup.find(None, attrs={"role": "main"})
    return {" ".join(a.get_text(" ").split()): str(a["href"]) for a in main.find_all("a", href=True)
            if "headerlink" not in a.get_attribute_list("class")}


@pytest.fixture()
def basic(build: BuildFn, tmp_path: Path) -> SphinxTestApp:
    return build(copy_root("basic", tmp_path))


def test_basic_builds_clean(basic: SphinxTestApp) -> None:
    assert warnings_of(basic) == []


def test_roles_render_titled_links(basic: SphinxTestApp) -> None:
    found = links(basic, "index.html")
    assert found["Première séance"] == "sessions/ser-01.html"
    assert found["Ada Dupont"] == "people/ada-dupont.html"
    assert found["Laboratoire"] == "organisations/lab.html"
    assert found["Jean de La Fontaine"] == "people/jean-de-la-fontaine.html"
    assert found["Une autre"] == "people/ada-dupont.html"  # an explicit title wins


def test_session_page_header(basic: SphinxTestApp) -> None:
    text = main_text(basic, "sessions/ser-01.html")
    assert soup(basic, "sessions/ser-01.html").find("h1").get_text().strip("¶# \n") == "Première séance"
    assert "1er mars 2021" in text
    assert "Dr Jean de La Fontaine , fabuliste, Université : Le corbeau et le renard" in text
    assert "[Série de test]" in text  # supplied title in brackets
    found = links(basic, "sessions/ser-01.html")
    assert found["Programme de test."] == "../sources/prog.txt"  # the source's own heading, its file linked
    assert (Path(basic.outdir) / "sources" / "prog.txt").read_text(encoding="utf-8") == "Programme de test.\n"
    # The front matter does not leak into the page.
    assert '"kind"' not in text


def test_person_page_lists_appearances_in_date_order(basic: SphinxTestApp) -> None:
    page = soup(basic, "people/ada-dupont.html")
    rows = page.select("table.archive-appearances tbody tr")
    cells = [[" ".join(td.get_text(" ").split()) for td in row.find_all("td")] for row in rows]
    assert [c[0] for c in cells] == ["1er mars 2021", "10 janvier 2022"]
    assert cells[0][2] == "Animation" and cells[1][2] == "Intervention"
    assert cells[0][3].startswith("directrice du Lab")
    assert cells[1][3].startswith("professeure, Université")
    co = " ".join(page.select_one("ul.archive-co").get_text(" ").split())
    assert "Élise Étienne" in co and "Jean de La Fontaine" in co


def test_a_to_z_in_french_collation(basic: SphinxTestApp) -> None:
    page = soup(basic, "people/index.html")
    headings = [h.get_text().strip("¶# \n") for h in page.select("section section h2")]
    assert headings == ["D", "E", "F"]  # Étienne under E, de La Fontaine under F
    entries = [" ".join(li.get_text(" ").split()) for li in page.select("ul.archive-az li")]
    assert entries[1].startswith("Étienne, Élise")
    assert entries[2].startswith("Fontaine, Jean de La")


def test_organisation_page_and_parent(basic: SphinxTestApp) -> None:
    text = main_text(basic, "organisations/lab.html")
    assert "Fait partie de : Université" in text
    assert "Ada Dupont" in text
    assert "Laboratoire" in main_text(basic, "organisations/univ.html")


def test_theme_index_and_chronology(basic: SphinxTestApp) -> None:
    themes = soup(basic, "themes/index.html")
    ethics = themes.find(id="ethique")
    assert ethics is not None
    assert "Première séance" in ethics.get_text() and "Deuxième séance" in ethics.get_text()
    chronology = main_text(basic, "sessions/index.html")
    assert chronology.index("2021") < chronology.index("2022")
    assert "Séance 1 : Première séance" in main_text(basic, "sessions/2021.html")


def test_generated_pages_are_in_navigation_and_search(basic: SphinxTestApp) -> None:
    nav = soup(basic, "people/ada-dupont.html").select_one("nav.bd-docs-nav") or soup(
        basic, "people/ada-dupont.html")
    assert nav.find("a", href="../sessions/index.html") is not None
    index = (Path(basic.outdir) / "searchindex.js").read_text(encoding="utf-8")
    assert "people/ada-dupont" in index
    assert "zyzzyva" in index or "zyzzyv" in index


def test_objects_inventory(basic: SphinxTestApp) -> None:
    with (Path(basic.outdir) / "objects.inv").open("rb") as handle:
        inventory = InventoryFile.load(handle, "https://example.org", lambda base, uri: f"{base}/{uri}")
    data = inventory.data if hasattr(inventory, "data") else inventory
    assert "ser-01" in data["archive:session"]
    assert "ada-dupont" in data["archive:person"]
    assert "lab" in data["archive:org"]
    entry = data["archive:person"]["ada-dupont"]
    uri = entry.uri if hasattr(entry, "uri") else entry[2]
    assert uri == "https://example.org/people/ada-dupont.html"


def test_archive_json(basic: SphinxTestApp) -> None:
    import jsonschema

    data = json.loads((Path(basic.outdir) / "data" / "archive.json").read_text(encoding="utf-8"))
    schema = json.loads((Path(basic.outdir) / "data" / "archive.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    sessions = {s["id"]: s for s in data["sessions"]}
    assert sessions["ser-01"]["moderators"][0]["person"] == "ada-dupont"
    assert sessions["ser-01"]["url"] == "sessions/ser-01.html"
    people = {p["id"]: p for p in data["people"]}
    assert [(a["item"], a["role"]) for a in people["ada-dupont"]["appearances"]] == [
        ("ser-01", "moderator"), ("ser-02", "speaker")]
    assert (Path(basic.outdir) / "_static" / "schemas" / "page.schema.json").exists()


def test_clearing_a_page_removes_only_what_it_noted(basic: SphinxTestApp) -> None:
    """The domain's index of objects by page (``objects_of``) agrees with its objects, and
    clearing a page (as an incremental build does before reading it again) removes its objects
    and no other page's, even one that noted the same id after it."""
    domain = basic.env.get_domain("archive")
    assert isinstance(domain, ArchiveDomain)
    objects = domain.data["objects"]
    by_page = {(kind, object_id): entry[0] for kind, table in objects.items() for object_id, entry in table.items()}
    assert {(kind, object_id): docname for docname, noted in domain.data["objects_of"].items()
            for kind, object_id in noted} == by_page
    session_page = objects["session"]["ser-01"][0]
    own = {key for key, docname in by_page.items() if docname == session_page}
    assert ("session", "ser-01") in own
    other = next(key for key, docname in by_page.items() if docname != session_page)
    domain.clear_doc(session_page)
    left = {(kind, object_id) for kind, table in objects.items() for object_id in table}
    assert left == set(by_page) - own and other in left
    assert session_page not in domain.data["objects_of"]
    # Another page notes the same id (a duplicate, which the build reports); clearing the first
    # page again, as the next build would, leaves the other page's entry.
    domain.note_object("session", "ser-01", session_page, "", "Séance")
    domain.note_object("session", "ser-01", "elsewhere", "", "Séance en double")
    domain.clear_doc(session_page)
    assert objects["session"]["ser-01"][0] == "elsewhere"


def test_archive_check_knows_what_the_build_writes(basic: SphinxTestApp) -> None:
    """``archive check`` judges the roles of a page's text without a build: the ids it accepts
    must be those the build's domain holds, and the data files those the build writes."""
    from seminar_archive.bodyrefs import DATA_FILES, DATA_FOLDERS, known_targets
    from seminar_archive.loader import load_archive

    archive, _ = load_archive(Path(basic.srcdir))
    domain = basic.env.domains["archive"]
    known = known_targets(archive)
    assert known == {kind: set(table) for kind, table in domain.data["objects"].items()}
    assert known["person"] and known["org"] and known["theme"] and known["session"]
    written = {path.name for path in (Path(basic.outdir) / "data").iterdir()}
    assert set(DATA_FOLDERS) <= written  # the registry's EAC-CPF records
    assert {p.name for folder in DATA_FOLDERS for p in (Path(basic.outdir) / "data" / folder).iterdir()} == {
        f"{entry}.eac.xml" for entry in [*archive.people, *archive.organisations]}
    assert set(DATA_FILES) | set(DATA_FOLDERS) == written
