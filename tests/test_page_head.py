"""Item pages' heads as Google Scholar, Zotero and link previews read them: Scholar's inclusion
rules for every citable page, a clean description, a preview card, the event page's JSON-LD.

Google Scholar's rules ("Inclusion Guidelines for Webmasters", scholar.google.com/intl/en/scholar/
inclusion.html): one page per item, with ``citation_title``, ``citation_publication_date``
(``YYYY/MM/DD`` or ``YYYY``) and at least one ``citation_author``; the title shown in a large
font at the top, the authors below it; the full text or a complete abstract on the page; a date
in the tag that is the item's own. What an item without speakers cannot meet is checked too:
docs/citer.md says so for each item.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import DOCS, CliBuild, cli_build, copy_root
from readers_site import BASE  # the address the shared site is built with
from seminar_archive import cards, feeds
from seminar_archive.loader import load_archive

ARCHIVE, _ = load_archive(DOCS)
SESSIONS = [f"sessions/{s.id}.html" for s in ARCHIVE.sessions_in_order()]
CITABLE = [*SESSIONS, "press/communique-2022-10-21.html", "series/ia-sante.html"]


@pytest.fixture(scope="module")
def site(addressed_site: CliBuild) -> CliBuild:
    return addressed_site


def soup(site: CliBuild, page: str) -> BeautifulSoup:
    return BeautifulSoup((site.outdir / page).read_text(encoding="utf-8"), "html.parser")


def tags(page: BeautifulSoup, name: str) -> list[str]:
    return [str(m["content"]) for m in page.head.find_all("meta", attrs={"name": name})]


def json_ld(page: BeautifulSoup) -> dict[str, Any]:
    [script] = page.head.find_all("script", attrs={"type": "application/ld+json"})
    text = script.string
    assert text is not None
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def main_text(page: BeautifulSoup) -> str:
    main = page.find("article") or page.find(None, attrs={"role": "main"})
    assert main is not None
    return " ".join(main.get_text(" ").split())


# ------------------------------------------------------------------------ Google Scholar

@pytest.mark.parametrize("name", CITABLE)
def test_scholar_title_and_date_on_every_citable_page(site: CliBuild, name: str) -> None:
    page = soup(site, name)
    [title] = tags(page, "citation_title")
    # The title in a large font at the top: the page's one <h1> says it (brackets aside).
    h1 = page.find("h1")
    assert h1 is not None and title in " ".join(h1.get_text(" ").split()).replace("[", "").replace("]", "")
    assert "[" not in title
    [published] = tags(page, "citation_publication_date")
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", published)


@pytest.mark.parametrize("name", SESSIONS)
def test_scholar_authors_are_the_speakers_shown_below_the_title(site: CliBuild, name: str) -> None:
    session = ARCHIVE.sessions[Path(name).stem]
    page = soup(site, name)
    authors = tags(page, "citation_author")
    speakers = [ARCHIVE.people[a.person] for a in session.speakers]
    assert authors == [f"{p.family}, {p.given}" for p in speakers]  # "Last, First", in the programme's order
    text = main_text(page)
    for person in speakers:
        assert person.display_name in text
    # Moderators are never authors.
    moderators = {f"{ARCHIVE.people[a.person].family}, {ARCHIVE.people[a.person].given}" for a in session.moderators}
    assert not moderators & set(authors)


def test_what_a_session_without_speakers_cannot_meet(site: CliBuild) -> None:
    """Session 6 names no speaker: Scholar's "at least one citation_author" cannot be met without
    inventing one (its organisers did not present it), nor the abstract (the programme gives none)."""
    page = soup(site, "sessions/ia-sante-06.html")
    assert tags(page, "citation_author") == []
    assert tags(page, "eprints.creators_name") == []
    assert "Le programme ne donne pas de présentation" in main_text(page)


def test_the_press_release_is_a_report_not_a_scholarly_article(site: CliBuild) -> None:
    """Scholar excludes news and press content; the page is still complete for Zotero (a report
    with its institution, type and place) and gives no corporate citation_author, which Zotero's
    Embedded Metadata would split as a person ("Health Data" "Hub")."""
    page = soup(site, "press/communique-2022-10-21.html")
    assert tags(page, "citation_technical_report_institution") == ["Health Data Hub"]
    assert tags(page, "citation_author") == []
    assert tags(page, "DC.type") == ["Communiqué de presse"] and tags(page, "eprints.place_of_pub") == ["Paris"]
    assert tags(page, "DC.coverage") == []
    # The full text is on the page.
    assert "Les conférences ont réuni 420 participants" in main_text(page)


# --------------------------------------------------------------------------- description

@pytest.mark.parametrize("name", [*CITABLE, "events/symposium-ia-medecine-2022.html"])
def test_description_is_a_clean_sentence(site: CliBuild, name: str) -> None:
    page = soup(site, name)
    [description] = tags(page, "description")
    [og] = [m["content"] for m in page.head.find_all("meta", attrs={"property": "og:description"})]
    assert og == description
    # Not the page's fact table flattened: no doubled commas, no missing space, no file name, no cut.
    assert ",," not in description and ",[" not in description and "…" not in description
    assert "..." not in description and ".txt" not in description and "Identifiant" not in description
    assert re.search(r"[.?!]$", description)
    assert "  " not in description


def test_session_description_names_speakers_and_moderators(site: CliBuild) -> None:
    [description] = tags(soup(site, "sessions/ia-sante-02.html"), "description")
    assert description.startswith("Séance 2 du séminaire [Intelligence artificielle et santé], 7 septembre 2021.")
    assert "Organisation : Chaire santé (Sciences Po)." in description
    assert "Intervenants : Alain Livartowski, Olivier Vire" in description
    # Zotero keeps the description as the abstract: the moderators reach it there from the page.
    assert description.endswith("Animation : Daniel Benamouzig et Catherine Commaille-Chapus.")


def test_press_description(site: CliBuild) -> None:
    [description] = tags(soup(site, "press/communique-2022-10-21.html"), "description")
    assert description == ("Communiqué de presse, Paris, 21 octobre 2022. Émetteur : [Health Data Hub]. "
                           "Au sujet de : IA et médecine, promesses et limites (20 octobre 2022, "
                           "Académie nationale de Médecine, à Paris).")


# ----------------------------------------------------------------------- cards, JSON-LD

def need_card_fonts() -> None:
    """Cards need Debian's fonts-dejavu-core: skip without it, fail under CI=true (.ci/run installs it)."""
    if cards.available():
        return
    message = "fonts-dejavu-core is not installed, so no preview cards are drawn"
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; CI=true, so this is a failure, not a skip")
    pytest.skip(message)


@pytest.mark.parametrize("name", [*CITABLE, "events/symposium-ia-medecine-2022.html"])
def test_every_item_page_has_its_card(site: CliBuild, name: str) -> None:
    need_card_fonts()
    page = soup(site, name)
    [image] = [m["content"] for m in page.head.find_all("meta", attrs={"property": "og:image"})]
    assert image == f"{BASE}cards/{name.removesuffix('.html')}.png"
    card = site.outdir / image.removeprefix(BASE)
    with Image.open(card) as png:
        assert png.format == "PNG" and png.size == (cards.WIDTH, cards.HEIGHT)
        assert not png.info.get("date") and "Creation Time" not in png.info  # nothing that changes per build
    [alt] = [m["content"] for m in page.head.find_all("meta", attrs={"property": "og:image:alt"})]
    assert alt


def test_news_article_has_an_image(site: CliBuild) -> None:
    need_card_fonts()
    data = json_ld(soup(site, "press/communique-2022-10-21.html"))
    assert data["@type"] == "NewsArticle"
    assert data["image"] == f"{BASE}cards/press/communique-2022-10-21.png"


def test_cards_are_the_same_bytes_from_the_same_item() -> None:
    need_card_fonts()
    item = ARCHIVE.sessions["ia-sante-02"]
    card = cards.card_for(ARCHIVE, item, "Archive")
    assert card is not None and card.kicker == "Séance 2 · 7 septembre 2021"
    assert card.byline.startswith("Alain Livartowski, Olivier Vire")  # the speakers, not the moderators
    assert "Benamouzig" not in card.byline
    assert cards.render_card(card) == cards.render_card(card)
    press = cards.card_for(ARCHIVE, ARCHIVE.press["communique-2022-10-21"], "Archive")
    assert press is not None and press.kicker == "Communiqué de presse · Paris · 21 octobre 2022"
    assert press.byline == "Health Data Hub"
    # A long title is cut to four lines, so that the issuer still shows: the names line is drawn.
    image = Image.open(io.BytesIO(cards.render_card(press))).convert("L")
    names_band = image.crop((cards.MARGIN, 400, cards.WIDTH - cards.MARGIN, 440))
    darkest = names_band.getextrema()[0]
    assert isinstance(darkest, (int, float))  # one band (mode "L"): its lowest value, not a band's pair
    assert 60 < darkest < 200  # the names' grey ink there, not the title's near-black (a fifth line)


def test_the_event_page_has_the_json_ld_the_press_release_points_to(site: CliBuild) -> None:
    press = json_ld(soup(site, "press/communique-2022-10-21.html"))
    event_page = press["about"]["url"].removeprefix(BASE)
    data = json_ld(soup(site, event_page))
    assert data["@type"] == "Event" and data["url"] == press["about"]["url"]
    assert data["name"] == "IA et médecine, promesses et limites" and data["startDate"] == "2022-10-20"
    assert data["location"] == {"@type": "Place", "name": "Académie nationale de Médecine, à Paris"}
    assert [o["name"] for o in data["organizer"]] == ["Massachusetts Institute of Technology",
                                                     "Académie nationale de médecine", "Health Data Hub"]
    assert [s["name"] for s in data["sponsor"]] == ["Ambassade de France aux États-Unis"]
    assert data["subjectOf"][0]["url"] == f"{BASE}press/communique-2022-10-21.html"
    # Not a citable item: no citation tags.
    assert tags(soup(site, event_page), "citation_title") == []


def test_the_organiser_is_spelt_one_way(site: CliBuild) -> None:
    """The same name in the page head, JSON-LD and every file: "Chaire santé (Sciences Po)"."""
    name = "Chaire santé (Sciences Po)"
    page = soup(site, "sessions/ia-sante-02.html")
    assert tags(page, "citation_publisher") == [name]
    assert [o["name"] for o in json_ld(page)["superEvent"]["organizer"]] == [name]
    for suffix in (".bib", ".biblatex.bib", ".ris", ".csl.json"):
        text = (site.outdir / f"sessions/ia-sante-02{suffix}").read_text(encoding="utf-8")
        assert name in text
        assert "Chaire santé, Sciences Po" not in text and "Chaire santé – Sciences Po" not in text
    series = (site.outdir / "series/ia-sante.ris").read_text(encoding="utf-8")
    assert f"AU  - {name}" in series


# ------------------------------------------------------------------------------- calendar

def test_calendar_dtstamp_is_the_file_s_time_not_the_event_s(site: CliBuild) -> None:
    import icalendar

    calendar = icalendar.Calendar.from_ical((site.outdir / "data" / "series.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(ARCHIVE.sessions_in_order())
    stamps = {event.decoded("dtstamp") for event in events}
    assert len(stamps) == 1  # one time for the whole file
    # This copy of the site is outside git: the stand-in is the last session's day.
    assert stamps == {feeds.calendar_stamp(ARCHIVE, {})}
    assert stamps != {event.decoded("dtstart") for event in events}


def test_calendar_stamp_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    last = ARCHIVE.sessions_in_order()[-1]
    assert feeds.calendar_stamp(ARCHIVE, {}) == dt.datetime(2022, 5, 3, tzinfo=dt.UTC)
    changed = {"sessions/ia-sante-02": dt.datetime(2026, 3, 1, 12, 30, 5, 123, tzinfo=dt.UTC),
               last.docname: dt.datetime(2026, 1, 2, tzinfo=dt.UTC), "people/x": dt.datetime(2027, 1, 1, tzinfo=dt.UTC)}
    # The last change of a session page (another page's change does not count).
    assert feeds.calendar_stamp(ARCHIVE, changed) == dt.datetime(2026, 3, 1, 12, 30, 5, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert feeds.calendar_stamp(ARCHIVE, changed) == dt.datetime.fromtimestamp(1700000000, dt.UTC)


def test_hostile_text_in_description_and_card_alt_is_escaped(tmp_path: Path) -> None:
    """A title and names with markup (the hostile corpus case) land as text in every head value."""
    from test_corpus import lay_over  # the corpus's own layering of a case over test-basic

    need_card_fonts()

    srcdir = copy_root("basic", tmp_path)
    lay_over(Path(__file__).parent / "corpus" / "bad" / "html-and-script-in-every-field", srcdir)
    result = cli_build(srcdir, "-n", "--keep-going", "-q", "-D", f"html_baseurl={BASE}", outdir=tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((result.outdir / "sessions/ser-03.html").read_text(encoding="utf-8"), "html.parser")
    # No script but the page's own files and the JSON-LD (whose text is data), no element from a value.
    for script in page.head.find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json" or "alert" not in script.text
    assert not page.head.find("img") and not page.head.find("a")
    [description] = tags(page, "description")
    # The hostile name, as text (the parser unescaped the attribute): nothing became an element.
    assert description.startswith("Séance 3 du séminaire [Série de test], 1er mars 2022.")
    assert "<script>alert('x')</script>" in description
    assert json_ld(page)["image"] == f"{BASE}cards/sessions/ser-03.png"
    assert (result.outdir / "cards/sessions/ser-03.png").is_file()
