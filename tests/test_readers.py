"""What readers get from the built site: the home page's time line and ways in, the calendar, the
Atom feed, OpenGraph tags, French search that ignores accents, French labels, and the link to
report a mistake. (The same pages in a browser: test_readers_browser.py.)"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree.ElementTree import Element

import icalendar
import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree

from conftest import BuildFn, CliBuild, cli_build, copy_root
from readers_site import BASE, VERSION
from seminar_archive.sphinx.corrections import correction_uri
from seminar_archive.sphinx.searchfr import FoldingFrench, fold

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"


def soup(site: CliBuild, page: str) -> BeautifulSoup:
    return BeautifulSoup((site.outdir / page).read_text(encoding="utf-8"), "html.parser")


def present_text(element: Element, path: str) -> str:
    """The text of the element at path, which must be there."""
    text = element.findtext(path)
    assert text is not None, path
    return text


def sessions_by_date(site: CliBuild) -> list[dict[str, object]]:
    data = json.loads((site.outdir / "data" / "archive.json").read_text(encoding="utf-8"))
    return sorted(data["sessions"], key=lambda s: (s["date"], s["number"]))


def test_home_time_line_lists_every_session_by_year(readers_site: CliBuild) -> None:
    home = soup(readers_site, "index.html")
    timeline = home.select_one("ul.archive-timeline")
    assert timeline is not None
    sessions = sessions_by_date(readers_site)
    years = [li.select_one(".archive-timeline-label").get_text(strip=True)
             for li in timeline.select(":scope > li.archive-timeline-year")]
    assert years == sorted({str(s["date"])[:4] for s in sessions})
    links = [a["href"] for a in timeline.select(".archive-timeline-title a")]
    assert links == [f"sessions/{s['id']}.html" for s in sessions]
    titles = [a.get_text(strip=True) for a in timeline.select(".archive-timeline-title a")]
    assert titles == [s["title"] for s in sessions]
    assert "7 septembre 2021 · Séance 2" in timeline.get_text(" ", strip=True)


def test_home_latest_press_and_ways_in(readers_site: CliBuild) -> None:
    home = soup(readers_site, "index.html")
    press = home.select("ul.archive-latest-press a")
    assert [a["href"] for a in press] == ["press/communique-2022-10-21.html"]
    ways = {str(a["href"]) for a in home.select("ul.archive-ways-in a")}
    assert ways == {"people/index.html", "organisations/index.html", "themes/index.html", "sessions/index.html"}
    for href in ways | {"data/series.ics", "data/additions.atom"}:
        assert (readers_site.outdir / href).is_file(), href


def test_calendar_has_one_stable_event_per_session(readers_site: CliBuild) -> None:
    calendar = icalendar.Calendar.from_ical((readers_site.outdir / "data" / "series.ics").read_bytes())
    events = calendar.walk("VEVENT")
    sessions = sessions_by_date(readers_site)
    assert [str(e["UID"]) for e in events] == [f"{s['id']}@archive.test" for s in sessions]
    for event, session in zip(events, sessions, strict=True):
        assert str(event["SUMMARY"]) == session["title"]
        assert event.decoded("DTSTART") == dt.date.fromisoformat(str(session["date"]))
        assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(days=1)
        assert str(event["URL"]) == f"{BASE}sessions/{session['id']}.html"
        assert "DTSTAMP" in event
    # Linked from every page's head, for calendar apps.
    head = soup(readers_site, "sessions/ia-sante-02.html").head
    assert head.find("link", type="text/calendar")["href"] == "../data/series.ics"


def test_atom_feed_of_sessions_and_press(readers_site: CliBuild) -> None:
    feed = ElementTree.fromstring((readers_site.outdir / "data" / "additions.atom").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    sessions = sessions_by_date(readers_site)
    assert set(ids) == {f"{BASE}sessions/{s['id']}.html" for s in sessions} | {
        f"{BASE}press/communique-2022-10-21.html"}
    published = [present_text(e, f"{ATOM}published") for e in entries]
    assert published == sorted(published, reverse=True)  # newest first
    assert ids[0] == f"{BASE}press/communique-2022-10-21.html"
    assert feed.findtext(f"{ATOM}updated") == max(present_text(e, f"{ATOM}updated") for e in entries)
    head = soup(readers_site, "index.html").head
    assert head.find("link", type="application/atom+xml")["href"] == "data/additions.atom"


def test_opengraph_tags(readers_site: CliBuild) -> None:
    head = soup(readers_site, "sessions/ia-sante-02.html").head
    og = {m["property"]: m["content"] for m in head.find_all("meta", property=re.compile("^og:"))}
    assert og["og:title"] == "IA et innovations médicales"
    assert og["og:url"] == f"{BASE}sessions/ia-sante-02.html"
    assert og["og:site_name"] == "Archive du séminaire IA et santé"
    assert og["og:type"] == "website"
    assert og["og:description"]


def test_search_index_ignores_accents(readers_site: CliBuild) -> None:
    text = (readers_site.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1: text.rindex(")")])
    terms = index["terms"]
    stem = FoldingFrench({}).stem
    assert stem("médicales") == stem("medicales") == stem("MÉDICALES")
    assert stem("médicales") in terms
    session_2 = index["docnames"].index("sessions/ia-sante-02")
    # The title "IA et innovations médicales" is indexed under the stem of "medicales".
    found = index["titleterms"][stem("médicales")]
    assert session_2 in (found if isinstance(found, list) else [found])
    # Accented words are indexed folded, but for Sphinx's fallback: a word whose stem is a
    # stopword ("dès" -> "de", "où" -> "ou") is indexed as written.
    language = FoldingFrench({})
    accented = [t for t in terms if fold(t) != t.lower()]
    assert all(not language.word_filter(language.stem(t)) for t in accented), accented
    language_data = (readers_site.outdir / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "FoldingFrenchStemmer" in language_data and 'normalize("NFKD")' in language_data


def test_no_theme_label_left_in_english(readers_site: CliBuild) -> None:
    for page in ("index.html", "sessions/ia-sante-02.html", "people/daniel-benamouzig.html", "search.html"):
        html = (readers_site.outdir / page).read_text(encoding="utf-8")
        for english in ("Toggle primary sidebar", "Toggle secondary sidebar", ">Contents<", "Search…",
                        "Skip to main content", "Back to top", "Last updated"):
            assert english not in html, (page, english)
        assert "Par les archivistes du séminaire" in html, page  # the footer, in running French


def test_report_a_correction_names_page_and_version(readers_site: CliBuild) -> None:
    page = soup(readers_site, "sessions/ia-sante-02.html")
    link = page.select_one("p.archive-correction a")
    assert link is not None and link.get_text() == "Signaler une erreur sur cette page"
    parts = urlsplit(str(link["href"]))
    assert parts.scheme == "mailto" and parts.path.replace("%40", "@") == "corrections@archive-ia-sante.invalid"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Correction : IA et innovations médicales"]
    body = query["body"][0]
    assert "Fiche : session ia-sante-02" in body
    assert f"Adresse : {BASE}sessions/ia-sante-02.html" in body
    assert f"Version de l’archive : {VERSION}" in body
    person = soup(readers_site, "people/daniel-benamouzig.html").select_one("p.archive-correction a")
    assert person is not None and "Fiche%20%3A%20person%20daniel-benamouzig" in person["href"]
    assert soup(readers_site, "about.html").select_one("p.archive-correction") is None


def test_correction_link_survives_any_title() -> None:
    hostile = 'Titre & <script>alert("x")</script>?subject=autre\nBcc: tous@exemple.org'
    mail = urlsplit(correction_uri("corrections@exemple.org", hostile, "session s-01", "https://x/s.html", "2026.1"))
    assert parse_qs(mail.query)["subject"] == [f"Correction : {hostile}"]
    assert set(parse_qs(mail.query)) == {"subject", "body"}
    issue = urlsplit(correction_uri("https://forge.example/archive/issues/new", hostile, "session s-01",
                                    "https://x/s.html", ""))
    query = parse_qs(issue.query)
    assert query["title"] == [f"Correction : {hostile}"] and "Version de l’archive : non publiée" in query["body"][0]


def test_hostile_titles_stay_text_in_calendar_and_feed(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    page = srcdir / "sessions" / "ser-01.md"
    hostile = 'Éthique; l\'IA, <script>alert(1)</script> & \\"santé\\"\\nEND:VEVENT\\nBEGIN:VEVENT\\u0007'
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"title: .*", lambda _m: f'title: "{hostile}"', text, count=1), encoding="utf-8")
    result = cli_build(srcdir, "-q", outdir=tmp_path / "out")
    assert result.returncode == 0, result.stderr
    data = json.loads((result.outdir / "data" / "archive.json").read_text(encoding="utf-8"))
    expected = next(s["title"] for s in data["sessions"] if s["id"] == "ser-01")
    assert "END:VEVENT" in expected and "<script>" in expected and ";" in expected
    calendar = icalendar.Calendar.from_ical((result.outdir / "data" / "series.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    assert str(events[0]["SUMMARY"]) == expected
    feed = ElementTree.fromstring((result.outdir / "data" / "additions.atom").read_bytes())
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert expected.replace("\u0007", "") in titles
    assert not BeautifulSoup((result.outdir / "index.html").read_text(encoding="utf-8"), "html.parser").find(
        "script", string=re.compile("alert"))


def test_timeline_follows_an_added_session(build: BuildFn, tmp_path: Path) -> None:
    """The home page is re-read when the sessions it lists change, though its own file did not."""
    srcdir = copy_root("basic", tmp_path)
    (srcdir / "index.md").write_text((srcdir / "index.md").read_text(encoding="utf-8")
                                     + "\n```{archive-timeline}\n```\n", encoding="utf-8")
    out = tmp_path / "out"
    first = cli_build(srcdir, outdir=out)
    assert first.returncode == 0, first.stderr
    third = (srcdir / "sessions" / "ser-02.md").read_text(encoding="utf-8")
    third = third.replace("id: ser-02", "id: ser-03").replace("number: 2", "number: 3").replace(
        "citekey: ser-2022-s02", "citekey: ser-2022-s03").replace("Deuxième séance", "Troisième séance")
    (srcdir / "sessions" / "ser-03.md").write_text(third, encoding="utf-8")
    second = cli_build(srcdir, outdir=out)
    assert second.returncode == 0, second.stderr
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Troisième séance" in home.select_one("ul.archive-timeline").get_text()
