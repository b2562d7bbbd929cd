"""Arbitrary titles and names (accents, TeX's special characters, unpaired braces, quotes,
newlines) make entries that pybtex (strict), biber, bibtex with pdflatex and pandoc all accept,
and whose titles and names pandoc decodes back to the input."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clients import (
    biber_problems,
    bibtex_compile,
    name_reading,
    pandoc_csl,
    pandoc_name,
    pybtex_strict,
    require_tool,
    tex_reading,
)
from seminar_archive.citations.bibtex import to_biblatex, to_bibtex
from seminar_archive.citations.common import reading_order
from seminar_archive.citations.csl import csl_data_schema, to_csl_json
from seminar_archive.citations.record import CitationRecord, Name
from seminar_archive.citations.ris import to_ris

# What a French title or name may hold, and what breaks naive BibTeX. Characters pdflatex cannot
# typeset without help from the document (the narrow no-break space U+202F, scripts outside
# Latin) are left out: the .bib keeps them as UTF-8, it is the document's part to set them up.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâîïôöùûüçÉÈÀÇŒœÆæß"
SPECIALS = "&%$#_{}~^\\\"@'`"
PUNCTUATION = " -.,:;?!()[]/«»“”’—–\u00a0\n\t"
TEXT = st.text(alphabet=LETTERS + "0123456789" + SPECIALS + PUNCTUATION, min_size=1, max_size=60).filter(
    lambda text: text.strip())
# Two things pandoc does to names that BibTeX does not: it reads a comma in a given name as a
# suffix separator ("Dara, Jr"), and spaces initials ("J.R." -> "J. R."). So given names here
# have no comma (family names may) and names no full stop.
WORD = st.text(alphabet=LETTERS + SPECIALS + "-’ ", min_size=1, max_size=20)
FAMILY = st.tuples(st.sampled_from(LETTERS), WORD, st.sampled_from(["", ",", " and x", " Others"])).map(
    lambda parts: "".join(parts))
GIVEN = st.one_of(st.just(""), st.tuples(st.sampled_from(LETTERS), WORD).map("".join))
PARTICLE = st.sampled_from(["", "de", "d’", "van der", "du"])
PERSON = st.builds(lambda family, given, particle: Name(family=family, given=given, particle=particle),
                   FAMILY, GIVEN, PARTICLE)
ORGANISATION = TEXT.map(lambda text: Name(literal=text))
NAMES = st.lists(st.one_of(PERSON, PERSON, ORGANISATION), min_size=1, max_size=3)


@pytest.fixture(scope="module")
def tools() -> None:
    for tool in ("biber", "bibtex", "pdflatex", "pandoc"):
        require_tool(tool)


def session(title: str, authors: list[Name], chairs: list[Name], series: str) -> CitationRecord:
    return CitationRecord(
        key="arbitrary", kind="session", item_id="x", title=title, authors=tuple(authors), chairs=tuple(chairs),
        date=dt.date(2021, 9, 7), end_date=None, genre="Séance de séminaire", event_title=series,
        event_place="", place="", publisher="Chaire santé, Sciences Po", number=2,
        url="https://archive.example/sessions/x_y.html#z", latest_url="https://archive.example/sessions/x_y.html#z",
        version="2026.1")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, authors=NAMES, chairs=st.lists(PERSON, max_size=2), series=TEXT)
def test_arbitrary_text_survives_every_client(tools: None, title: str, authors: list[Name], chairs: list[Name],
                                              series: str) -> None:
    record = session(title, authors, chairs, series)
    biblatex, bibtex = to_biblatex([record]), to_bibtex([record])
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for bib in (biblatex, bibtex):
            entry = pybtex_strict(bib).entries["arbitrary"]
            assert len(entry.persons["author"]) == len(authors)
        assert biber_problems(biblatex, workdir / "biber") == []
        run = bibtex_compile(bibtex, ["arbitrary"], workdir / "latex")
        assert run.ok and run.problems == [], run.transcript[-3000:]
        [item] = pandoc_csl(biblatex, workdir / "pandoc")
    assert item["title"] == tex_reading(title)
    assert item["event"] == tex_reading(series)
    assert [name_reading(pandoc_name(name)) for name in item["author"]] == [
        name_reading(reading_order(name)) for name in authors]
    if chairs:
        assert item["note"].startswith(tex_reading("Animation : " + ", ".join(map(reading_order, chairs))))


@settings(max_examples=100, deadline=None)
@given(title=st.text(min_size=1, max_size=80), authors=NAMES, chairs=st.lists(PERSON, max_size=2))
def test_arbitrary_text_keeps_ris_records_whole_and_csl_valid(title: str, authors: list[Name],
                                                              chairs: list[Name]) -> None:
    """Any Unicode at all (control characters, line and paragraph separators included)."""
    record = session(title, authors, chairs, "x")
    lines = to_ris([record, record]).split("\r\n")
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines if line), lines
    assert [line for line in lines if line.startswith(("TY  - ", "ER  - "))] == ["TY  - SLIDE", "ER  - "] * 2
    assert sum(line.startswith("AU  - ") for line in lines) == 2 * len(authors)
    jsonschema.validate(to_csl_json([record]), csl_data_schema())
