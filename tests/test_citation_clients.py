"""The generated .bib files, for the whole real archive and for hostile crafted records, as
real clients read them: biber's data-model validation, bibtex with a pdflatex compile, pybtex
in strict mode, and pandoc's biblatex -> CSL-JSON round trip (DESIGN.md: "Generated BibTeX
is only trusted once real clients accept it")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clients import (
    biber_problems,
    bibtex_compile,
    hostile_records,
    name_reading,
    pandoc_csl,
    pandoc_name,
    pybtex_strict,
    require_tool,
    tex_reading,
)
from seminar_archive.citations.bibtex import to_biblatex, to_bibtex
from seminar_archive.citations.common import reading_order
from seminar_archive.citations.record import CitationRecord, citable, citation_record
from seminar_archive.loader import load_archive

DOCS = Path(__file__).parent.parent / "docs"


def _real() -> list[CitationRecord]:
    archive, _ = load_archive(DOCS)
    return [citation_record(archive, item, lambda d: f"https://archive.example/2026.1/{d}.html", "2026.1",
                            lambda d: f"https://archive.example/latest/{d}.html") for item in citable(archive)]


@pytest.fixture(scope="module", params=["real", "hostile"])
def records(request: pytest.FixtureRequest) -> list[CitationRecord]:
    found = _real() if request.param == "real" else hostile_records()
    if request.param == "real":
        assert len(found) == 10  # the series, eight sessions, one press release
    return found


@pytest.mark.parametrize("writer", [to_biblatex, to_bibtex], ids=["biblatex", "bibtex"])
def test_biber_validates_the_data_model(records: list[CitationRecord], writer: object, tmp_path: Path) -> None:
    assert callable(writer)
    assert biber_problems(writer(records), tmp_path) == []


def test_bibtex_and_pdflatex_compile(records: list[CitationRecord], tmp_path: Path) -> None:
    run = bibtex_compile(to_bibtex(records), [record.key for record in records], tmp_path)
    assert run.ok, run.transcript[-4000:]
    assert run.problems == [], run.problems
    for record in records:
        assert f"{{{record.key}}}" in run.bbl  # every key made it into the bibliography
    assert r"\url{" + records[0].url + "}" in run.bbl.replace("\n", "")


def test_bibtex_keeps_moderators_out_of_author_labels(tmp_path: Path) -> None:
    records = _real()
    run = bibtex_compile(to_bibtex(records), [r.key for r in records], tmp_path)
    [item] = [chunk for chunk in run.bbl.split(r"\bibitem[")[1:] if "]{iasante-2021-s02}" in chunk]
    label = item.split("]{iasante-2021-s02}")[0]
    assert label.startswith("Livartowski et~al.(2021)")
    assert "Benamouzig" not in label


def test_bibtex_styles_print_each_date_once(tmp_path: Path) -> None:
    """Every classic style prints ``month year`` after howpublished: a date written there too was
    printed twice ("Sciences Po, 7 septembre 2021, September 2021"). The month is the standard
    macro, which each style names in its own language."""
    records = _real()
    run = bibtex_compile(to_bibtex(records), [r.key for r in records], tmp_path)
    assert run.ok, run.transcript[-4000:]
    entries = {}  # key -> the entry's text, after its label and key
    for chunk in run.bbl.split(r"\bibitem[")[1:]:
        key, text = chunk.split("]{", 1)[1].split("}", 1)
        entries[key] = " ".join(text.split())
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    for record in records:
        assert record.date is not None
        # Less the URLs (a press release's address holds its date) and the series' span.
        text = re.sub(r"\\url\{[^}]*\}", "", entries[record.key]).replace("Du 1er juin 2020 au 3 mai 2022", "")
        month_year = f"{months[record.date.month - 1]} {record.date.year}"
        assert text.count(month_year) == 1, text
        assert str(record.date.year) not in text.replace(month_year, ""), text
    series = next(r for r in records if r.kind == "series")
    assert "Du 1er juin 2020 au 3 mai 2022" in entries[series.key]  # the span, in the note


@pytest.mark.parametrize("writer", [to_biblatex, to_bibtex], ids=["biblatex", "bibtex"])
def test_pybtex_strict(records: list[CitationRecord], writer: object) -> None:
    assert callable(writer)
    data = pybtex_strict(writer(records))
    assert list(data.entries) == [record.key for record in records]
    for record in records:
        entry = data.entries[record.key]
        # A session without speakers has no author, never its organisers (session 6).
        assert len(entry.persons.get("author", [])) == len(record.authors)
        assert entry.fields["url"] == record.url


def test_pandoc_round_trip_gives_back_titles_and_names(records: list[CitationRecord], tmp_path: Path) -> None:
    items = {item["id"]: item for item in pandoc_csl(to_biblatex(records), tmp_path)}
    assert list(items) == [record.key for record in records]
    for record in records:
        item = items[record.key]
        assert item["title"] == tex_reading(record.title)
        assert [name_reading(pandoc_name(name)) for name in item.get("author", [])] == [
            name_reading(reading_order(name)) for name in record.authors]
        assert item["URL"] == record.url
        assert item["language"].startswith("fr")
        if record.chairs:  # moderators come back as a note, never among the authors
            assert item["note"].startswith("Animation : " + tex_reading(reading_order(record.chairs[0])))
        if record.kind == "session" and record.authors:  # @misc without speakers (biber: author mandatory)
            assert item["type"] == "speech"
            assert item["event"] == tex_reading(record.event_title)
            assert record.date and item["event-date"] == {"date-parts": [[record.date.year, record.date.month,
                                                                           record.date.day]]}


def test_pandoc_reads_classic_bibtex_too(records: list[CitationRecord], tmp_path: Path) -> None:
    items = {item["id"]: item for item in pandoc_csl(to_bibtex(records), tmp_path, source_format="bibtex")}
    for record in records:
        assert items[record.key]["title"] == tex_reading(record.title)
        assert items[record.key]["URL"] == record.url


def test_a_missing_tool_skips_outside_ci_and_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-such-citation-tool"):
        require_tool("no-such-citation-tool")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no-such-citation-tool"):
        require_tool("no-such-citation-tool")
