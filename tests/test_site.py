"""The real site, built as the README builds it, compared with the source documents."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, TypedDict

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.util.inventory import InventoryFile

from conftest import DOCS, CliBuild, cli_build, copy_root

pytestmark = pytest.mark.slow

PROGRAMME = DOCS / "sources" / "000_01517cb4f730b06c.txt"
PRESS = DOCS / "sources" / "003_0be8fc24b0174986.txt"
MONTHS = {"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
          "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12}


def norm(text: str) -> str:
    """Whitespace folded and line-break hyphenation joined, for comparing with the source."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


class SourceSession(TypedDict):
    title: str
    date: str
    bullets: list[str]


def programme_sessions() -> dict[int, SourceSession]:
    """Each session of the programme as the source prints it: title, date, and its bullets."""
    # The programme has some accents in decomposed form: compare in NFC.
    text = unicodedata.normalize("NFC", PROGRAMME.read_text(encoding="utf-8"))
    heads = list(re.finditer(r"Séance (\d) :\s+(.*?)\((\d+)(?:er)?\s+(\w+)\s+(\d{4})\)", text, re.S))
    sessions: dict[int, SourceSession] = {}
    for index, head in enumerate(heads):
        end = heads[index + 1].start() if index + 1 < len(heads) else len(text)
        block = text[head.end():end]
        bullets = [norm(b) for b in block.split("•")[1:]] if "•" in block else []
        month = MONTHS[head[4]]
        sessions[int(head[1])] = {
            "title": norm(head[2]).strip(),
            "date": f"{head[5]}-{month:02d}-{int(head[3]):02d}",
            "bullets": bullets,
        }
    return sessions


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> CliBuild:
    """docs/ built from clean as `nox -s docs` builds it: -n -W --keep-going."""
    srcdir = copy_root("site", tmp_path_factory.mktemp("site"))
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-E", "-j", "2")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def data(site: CliBuild) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((site.outdir / "data" / "archive.json").read_text(encoding="utf-8"))
    return loaded


def page(site: CliBuild, name: str) -> BeautifulSoup:
    return BeautifulSoup((site.outdir / name).read_text(encoding="utf-8"), "html.parser")


def article(site: CliBuild, name: str) -> Tag:
    found = page(site, name).find("article")
    assert isinstance(found, Tag)
    return found


def test_builds_clean_under_strict_flags(site: CliBuild) -> None:
    assert site.warnings == []


def test_eight_sessions_with_numbers_dates_titles_from_the_source(site: CliBuild, data: dict[str, Any]) -> None:
    source = programme_sessions()
    assert sorted(source) == list(range(1, 9))
    sessions = {s["number"]: s for s in data["sessions"]}
    assert sorted(sessions) == list(range(1, 9))
    for number, expected in source.items():
        built = sessions[number]
        assert built["date"] == expected["date"], number
        assert norm(built["title"]) == expected["title"], number
        html = article(site, built["url"])
        assert norm(html.find("h1").get_text()).strip("#¶ ") == expected["title"]


def test_every_appearance_matches_the_source_with_its_role(site: CliBuild, data: dict[str, Any]) -> None:
    source = programme_sessions()
    people = {p["id"]: p for p in data["people"]}
    total = 0
    for session in data["sessions"]:
        bullets = source[session["number"]]["bullets"]
        moderators_bullets = [b for b in bullets if b.startswith("Animation")]
        speaker_bullets = [b for b in bullets if not b.startswith("Animation")]
        # Speakers: one per bullet, in the source's order, the affiliation text verbatim.
        assert len(session["speakers"]) == len(speaker_bullets), session["id"]
        for appearance, bullet in zip(session["speakers"], speaker_bullets, strict=True):
            assert people[appearance["person"]]["name"] in bullet, (session["id"], bullet)
            for part in ("honorific", "postnominals", "affiliation", "note"):
                if part in appearance:
                    assert norm(appearance[part]) in bullet, (session["id"], part, appearance[part])
        # Moderators: every name in the "Animation" bullet, and only those.
        animation = " ".join(moderators_bullets)
        named = [pid for pid, p in people.items() if p["name"] in animation]
        assert sorted(a["person"] for a in session["moderators"]) == sorted(named), session["id"]
        for appearance in session["moderators"]:
            if "affiliation" in appearance:
                assert norm(appearance["affiliation"]) in animation
        total += len(session["speakers"]) + len(session["moderators"])
    assert total == 38


def test_session_pages_show_roles(site: CliBuild, data: dict[str, Any]) -> None:
    for session in data["sessions"]:
        html = article(site, session["url"])
        for role, anchor in (("moderators", "animation"), ("speakers", "intervenants")):
            heading = html.find(id=anchor)
            if not session[role]:
                assert heading is None
                continue
            listed = heading.find("ul")
            hrefs = [a["href"] for a in listed.find_all("a") if "/people/" in a["href"]]
            assert hrefs == [f"../people/{a['person']}.html" for a in session[role]]


def test_forty_people_each_with_a_page(site: CliBuild, data: dict[str, Any]) -> None:
    assert len(data["people"]) == 40
    for person in data["people"]:
        assert (site.outdir / person["url"]).exists()
    in_sessions = {a["person"] for s in data["sessions"] for a in s["moderators"] + s["speakers"]}
    in_press = {a["person"] for p in data["press"] for a in p["people"]}
    assert (len(in_sessions), len(in_press), in_sessions & in_press) == (35, 6, {"emmanuel-bacry"})


def appearance_rows(site: CliBuild, person_id: str, table_id: str) -> list[list[str]]:
    html = article(site, f"people/{person_id}.html")
    section = html.find(id=f"{table_id}-{person_id}")
    assert section is not None
    return [[norm(td.get_text(" ")) for td in tr.find_all("td")] for tr in section.select("tbody tr")]


def test_benamouzig_moderated_sessions_2_3_8(site: CliBuild) -> None:
    rows = appearance_rows(site, "daniel-benamouzig", "participations")
    assert [(r[1].split(" :")[0], r[2]) for r in rows] == [
        ("Séance 2", "Animation"), ("Séance 3", "Animation"), ("Séance 8", "Animation")]
    assert rows[0][0] == "7 septembre 2021" and "titulaire de la Chaire santé" in rows[0][3]


def test_bacry_at_session_1_and_in_the_press(site: CliBuild) -> None:
    sessions = appearance_rows(site, "emmanuel-bacry", "participations")
    assert [(r[0], r[1].split(" :")[0], r[2]) for r in sessions] == [("1er juin 2020", "Séance 1", "Intervention")]
    assert "directeur scientifique du Health Data Hub" in sessions[0][3]
    press = appearance_rows(site, "emmanuel-bacry", "presse")
    assert len(press) == 1 and press[0][0] == "21 octobre 2022" and press[0][2] == "Cité·e"


def test_a_to_z_files_accented_names_under_plain_letters(site: CliBuild, data: dict[str, Any]) -> None:
    html = article(site, "people/index.html")
    letters = [norm(h.get_text()).strip("#¶ ") for h in html.select("section section h2")]
    assert letters == sorted(letters) and all(len(letter) == 1 and letter.isascii() for letter in letters)
    names = [norm(li.get_text(" ")).split(" — ")[0] for li in html.select("ul.archive-az li")]
    assert len(names) == 40
    families = [n.split(",")[0] for n in names]
    base = [unicodedata.normalize("NFKD", f).encode("ascii", "ignore").decode().casefold() for f in families]
    assert base == sorted(base)


def test_each_item_page_names_its_source_and_the_source_is_downloadable(site: CliBuild, data: dict[str, Any]) -> None:
    for kind in ("sessions", "press", "events", "series"):
        for item in data[kind]:
            html = article(site, item["url"])
            links = [a["href"] for a in html.find_all("a") if a["href"].endswith(item["source"])]
            assert links, item["id"]
            target = (site.outdir / item["url"]).parent / links[0]
            assert target.resolve().read_bytes() == (DOCS / "sources" / item["source"]).read_bytes()


def test_press_release_and_symposium(site: CliBuild, data: dict[str, Any]) -> None:
    (press,) = data["press"]
    assert press["date"] == "2022-10-21" and press["place"] == "Paris"
    assert norm(press["title"]).startswith("Symposium “IA et médecine”")
    assert norm(press["title"]) in norm(PRESS.read_text(encoding="utf-8"))
    (event,) = data["events"]
    assert (event["date"], event["edition"]) == ("2022-10-20", 2)
    assert press["event"] == event["id"]
    assert "supplied" in press and "issuer" in press["supplied"]  # inferred from the press contact
    text = norm(article(site, press["url"]).get_text(" "))
    assert "[ Health Data Hub (HDH) ]" in text  # the issuer, inferred from the press contact


def test_series_title_is_marked_supplied(site: CliBuild, data: dict[str, Any]) -> None:
    (series,) = data["series"]
    assert "title" in series["supplied"]
    assert norm(article(site, series["url"]).find("h1").get_text()).strip("#¶ ").startswith("[")


def test_objects_inventory_has_sessions_people_organisations(site: CliBuild, data: dict[str, Any]) -> None:
    with (site.outdir / "objects.inv").open("rb") as handle:
        inventory = InventoryFile.load(handle, "https://archive.example", lambda base, uri: f"{base}/{uri}")
    inv = inventory.data if hasattr(inventory, "data") else inventory
    assert set(inv["archive:session"]) == {s["id"] for s in data["sessions"]}
    assert set(inv["archive:person"]) == {p["id"] for p in data["people"]}
    assert set(inv["archive:org"]) == {o["id"] for o in data["organisations"]}


def test_organisation_parent_from_the_source(site: CliBuild, data: dict[str, Any]) -> None:
    orgs = {o["id"]: o for o in data["organisations"]}
    assert orgs["cso"]["parent"] == "cnrs"  # "CNRS/CSO"
    text = norm(article(site, orgs["cnrs"]["url"]).get_text(" "))
    assert "Daniel Benamouzig" in text and "Emmanuel Bacry" in text
