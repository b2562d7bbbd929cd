"""Citation formats, unit by unit: BibTeX and biblatex, RIS, CSL-JSON and the formatted citation,
on the real archive (docs/) and on crafted hostile records (tests/clients.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from clients import HOSTILE_URL, hostile_records, pybtex_strict
from seminar_archive.citations.bibtex import biblatex_entry, latex_text, latex_title, to_biblatex, to_bibtex
from seminar_archive.citations.csl import csl_data_schema, to_csl_json
from seminar_archive.citations.formatted import formatted_citation, formatted_citation_html, style_text
from seminar_archive.citations.record import CitationRecord, Name, citable, citation_record
from seminar_archive.citations.ris import ris_tags, to_ris
from seminar_archive.loader import load_archive

DOCS = Path(__file__).parent.parent / "docs"


def url_for(docname: str) -> str:
    return f"https://archive.example/2026.1/{docname}.html"


def latest_for(docname: str) -> str:
    return f"https://archive.example/latest/{docname}.html"


@pytest.fixture(scope="module")
def real() -> dict[str, CitationRecord]:
    """The real archive's records by key, citing version 2026.1 (whose URLs differ from the latest)."""
    archive, _ = load_archive(DOCS)
    records = [citation_record(archive, item, url_for, "2026.1", latest_for) for item in citable(archive)]
    return {record.key: record for record in records}


@pytest.fixture(scope="module")
def unversioned() -> list[CitationRecord]:
    archive, _ = load_archive(DOCS)
    return [citation_record(archive, item, latest_for) for item in citable(archive)]


S02 = "iasante-2021-s02"
PRESS = "hdh-2022-10-21"
SERIES = "iasante-serie"


def fields_of(bib: str) -> dict[str, dict[str, str]]:
    """Entry key -> field -> raw value as written (braces included), from the text itself."""
    found: dict[str, dict[str, str]] = {}
    for block in re.split(r"\n(?=@)", bib.strip()):
        head = re.match(r"@(\w+)\{([^,]+),", block)
        assert head, block
        fields = dict(re.findall(r"^    (\w+) = (.*?),?$", block, re.MULTILINE))
        found[head.group(2)] = {"@type": head.group(1), **fields}
    return found


def split_names(value: str) -> list[str]:
    """A name list's names, split at " and " outside braces, as BibTeX does."""
    names, depth, start = [], 0, 0
    for i, char in enumerate(value):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and value.startswith(" and ", i):
            names.append(value[start:i])
            start = i + 5
    return [*names, value[start:]]


# ------------------------------------------------------------------------------ LaTeX text

@pytest.mark.parametrize(("plain", "latex"), [
    ("a & b", r"a \& b"),
    ("100 %", r"100 \%"),
    ("#1", r"\#1"),
    ("2 $", r"2 \$"),
    ("a_b", r"a\_b"),
    ("{x}", r"\{x\}"),
    ("~", r"\textasciitilde{}"),
    ("^", r"\textasciicircum{}"),
    ("\\", r"\textbackslash{}"),
    ('"@', '"@'),
    ("x--y", "x-{}-y"),
    ("''", "'{}'"),
    ("`a and b'", "{`}a and b'"),  # pandoc would pair ` with ' across names
    ("``?`", "{`}{`}?{`}"),
    ("<<a>>", "<{}<a>{}>"),
    ("médecine’s « É » — œ", "médecine’s « É » — œ"),  # UTF-8 stays UTF-8
    ("a\n\n  b\tc", "a b c"),
    ("a\u00a0: b", "a\u00a0: b"),  # French no-break space kept
    ("x { y", r"x \{\iffalse\}\fi{} y"),  # an unpaired brace cannot unbalance the value
    ("x } y", r"x \iffalse\{\fi\} y"),
])
def test_latex_text_escapes(plain: str, latex: str) -> None:
    assert latex_text(plain) == latex


@pytest.mark.parametrize(("plain", "latex"), [
    ("IA et innovations médicales", "{IA} et innovations médicales"),
    ("introduction", "introduction"),  # French titles are not title-cased, nor recased
    ("Symposium “IA et médecine” : le MIT, l’Académie", "{Symposium} “{IA} et médecine” : le {MIT}, {l’Académie}"),
    ("et le Health Data Hub font", "et le {Health Data Hub} font"),
    ("[Intelligence artificielle et santé]", "[{Intelligence} artificielle et santé]"),
    ("\\Foo", r"\textbackslash{}{Foo}"),
    ("A\\b", r"{A\textbackslash{}b}"),
    ("\\\\X", r"\textbackslash{}\textbackslash{}{X}"),
])
def test_titles_brace_capitalised_words(plain: str, latex: str) -> None:
    assert latex_title(plain) == latex


def test_brace_group_never_opens_a_bibtex_special_character() -> None:
    """'{\\' opens a BibTeX special character, whose letters change.case$ would still lowercase."""
    assert latex_title("_Abc") == r"{{\_Abc}}"
    assert latex_title("É\\X") == r"{É\textbackslash{}X}"


# ------------------------------------------------------------------------------ BibTeX

def test_classic_bibtex_session(real: dict[str, CitationRecord]) -> None:
    entry = fields_of(to_bibtex([real[S02]]))[S02]
    assert entry == {
        "@type": "misc",
        "author": "{Livartowski, Alain and Vire, Olivier and Gavit, Laurence and Garcelon, Nicolas and Morlet, Lydia}",
        "title": "{{IA} et innovations médicales}",
        # Not the date: every style prints month and year after howpublished (test_citation_clients).
        # The series title plain (brackets are for the page a person reads), its being supplied in the note.
        "howpublished": "{Séance 2 du séminaire Intelligence artificielle et santé, Chaire santé (Sciences Po)}",
        "year": "{2021}",
        "month": "sep",
        "note": "{Animation : Daniel Benamouzig, Catherine Commaille-Chapus. Titre de la série attribué par "
                "l’archive. Version de l’archive : 2026.1. "
                r"Version la plus récente : \url{https://archive.example/latest/sessions/ia-sante-02.html}}",
        "url": "{https://archive.example/2026.1/sessions/ia-sante-02.html}",
        "language": "{french}",
        "langid": "{french}",
    }


def test_values_in_braces_never_quotes(real: dict[str, CitationRecord]) -> None:
    for bib in (to_bibtex(real.values()), to_biblatex(real.values()), to_bibtex(hostile_records()),
                to_biblatex(hostile_records())):
        for name, value in re.findall(r"^    (\w+) = (.*?),?$", bib, re.MULTILINE):
            braced = value.startswith("{") and value.endswith("}")
            assert braced or (name == "month" and re.fullmatch("[a-z]{3}", value)), (name, value)


def test_every_entry_carries_its_url_raw(real: dict[str, CitationRecord]) -> None:
    for bib in (to_bibtex, to_biblatex):
        for key, fields in fields_of(bib(real.values())).items():
            assert fields["url"] == "{" + real[key].url + "}"
        hostile = fields_of(bib(hostile_records()))
        assert hostile["hostile-session"]["url"] == "{" + HOSTILE_URL + "}"  # no \_ \% \# \textasciitilde


def test_latest_url_only_when_it_differs(real: dict[str, CitationRecord], unversioned: list[CitationRecord]) -> None:
    assert "Version la plus récente" in fields_of(to_biblatex([real[S02]]))[S02]["addendum"]
    for bib in (to_bibtex(unversioned), to_biblatex(unversioned)):
        assert "Version la plus récente" not in bib
        assert "Version de l’archive" not in bib


def test_latest_url_that_cannot_be_a_url_argument_is_escaped_text() -> None:
    hostile = fields_of(to_bibtex(hostile_records()))["hostile-press"]
    assert r"Version la plus récente : https://archive.example/latest/a\#b\%20c" in hostile["note"]


def test_names_family_first_particles_and_compounds_whole() -> None:
    author = fields_of(to_biblatex(hostile_records()))["hostile-session"]["author"]
    names = split_names(author[1:-1])
    assert names[:4] == ["de La Fontaine, Jean", "Rikhtegar Nezami, Farhad", "Commaille-Chapus, Catherine",
                         "{van der Berg}, Anne-Marie"]
    assert "{Smith and Wesson}, Ann" in names  # "and" would split the name in two
    assert "{d’Alembert}, Jean Le Rond" in names  # an elided particle is part of the word
    assert names[-1] == r"{Procter \& Gamble, Research and Development}"  # corporate: double braces in the field
    parsed = pybtex_strict(to_biblatex(hostile_records())).entries["hostile-session"].persons["author"]
    fontaine = parsed[0]
    assert (fontaine.first_names, fontaine.prelast_names, fontaine.last_names) == (["Jean"], ["de"],
                                                                                   ["La", "Fontaine"])
    assert len(parsed) == len(hostile_records()[0].authors)


def test_comma_in_a_given_name_is_text() -> None:
    record = dataclasses.replace(hostile_records()[0], authors=(Name(family="Doe", given="Jean, dit Paul"),))
    assert fields_of(to_bibtex([record]))["hostile-session"]["author"] == "{Doe, Jean{,} dit Paul}"
    person = pybtex_strict(to_bibtex([record])).entries["hostile-session"].persons["author"][0]
    assert person.last_names == ["Doe"] and not person.lineage_names


def test_corporate_authors_in_double_braces(real: dict[str, CitationRecord]) -> None:
    assert fields_of(to_bibtex([real[PRESS]]))[PRESS]["author"] == "{{Health Data Hub}}"
    assert fields_of(to_biblatex([real[SERIES]]))[SERIES]["author"] == "{{Chaire santé (Sciences Po)}}"


def test_moderators_are_a_note_never_authors(real: dict[str, CitationRecord]) -> None:
    sessions = [r for r in real.values() if r.kind == "session" and r.chairs]
    assert sessions
    for bib in (to_bibtex(sessions), to_biblatex(sessions)):
        data = pybtex_strict(bib)
        for record in sessions:
            entry = data.entries[record.key]
            authors = {str(person) for person in entry.persons["author"]}
            for chair in record.chairs:
                assert not any(chair.family in author for author in authors)
                assert chair.given + " " + chair.family in entry.fields["note"]
            assert entry.fields["note"].startswith("Animation : ")


def test_biblatex_session_is_unpublished_with_event(real: dict[str, CitationRecord]) -> None:
    entry = fields_of(to_biblatex([real[S02]]))[S02]
    assert entry["@type"] == "unpublished"
    assert entry["eventtitle"] == "{{Intelligence} artificielle et santé}"
    assert entry["eventdate"] == entry["date"] == "{2021-09-07}"
    assert entry["note"] == ("{Animation : Daniel Benamouzig, Catherine Commaille-Chapus. "
                             "Titre de la série attribué par l’archive}")
    assert entry["langid"] == "{french}"
    assert "venue" not in entry  # the sources do not say where sessions took place
    hostile = fields_of(to_biblatex(hostile_records()))["hostile-session"]
    assert hostile["venue"] == r"{Salle \#1, 27 rue Saint-Guillaume}"


def test_biblatex_press_release_is_online(real: dict[str, CitationRecord]) -> None:
    entry = fields_of(to_biblatex([real[PRESS]]))[PRESS]
    assert entry["@type"] == "online"
    assert entry["date"] == "{2022-10-21}"
    assert entry["note"] == ("{Communiqué de presse, Paris. Au sujet de : {IA} et médecine, promesses et limites "
                             "(Académie nationale de Médecine, à Paris). Émetteur attribué par l’archive}")
    assert entry["title"].startswith("{{Symposium} “{IA} et médecine” : le {MIT},")
    assert "{Health Data Hub} font" in entry["title"]


def test_biblatex_series_is_misc_with_date_range(real: dict[str, CitationRecord]) -> None:
    entry = fields_of(to_biblatex([real[SERIES]]))[SERIES]
    assert entry["@type"] == "misc"
    assert entry["date"] == "{2020-06-01/2022-05-03}"
    assert entry["type"] == "{Séminaire}"


def test_keys_must_be_ascii_and_unique(real: dict[str, CitationRecord]) -> None:
    with pytest.raises(ValueError, match="not plain ASCII"):
        to_bibtex([dataclasses.replace(real[S02], key="séance-2")])
    with pytest.raises(ValueError, match="twice"):
        to_biblatex([real[S02], real[S02]])


def test_a_url_that_would_break_the_file_is_refused(real: dict[str, CitationRecord]) -> None:
    with pytest.raises(ValueError, match="URL"):
        biblatex_entry(dataclasses.replace(real[S02], url="https://x.example/{"))


def test_output_is_what_pybtex_reads_back(real: dict[str, CitationRecord]) -> None:
    for records in (list(real.values()), hostile_records()):
        for bib in (to_bibtex(records), to_biblatex(records)):
            data = pybtex_strict(bib)
            assert list(data.entries) == [record.key for record in records]
            for record in records:
                assert data.entries[record.key].fields["url"] == record.url
                # No author at all for a session without speakers (session 6), never its organisers.
                assert len(data.entries[record.key].persons.get("author", [])) == len(record.authors)


def test_files_joined_from_single_entries_are_what_the_writer_lays_out(real: dict[str, CitationRecord]) -> None:
    """The site renders each record once and joins entries into files (citing.render): the join
    must be what pybtex's writer gives for the same entries written together."""
    from pybtex.database import BibliographyData

    from seminar_archive.citations.bibtex import _BracesWriter, bibtex_entry

    for records in (list(real.values()), hostile_records()):
        data = BibliographyData()
        for record in records:
            data.add_entry(record.key, bibtex_entry(record))
        assert to_bibtex(records) == _BracesWriter(encoding="UTF-8").to_string(data)
        assert to_bibtex(records).count("\n\n@") == len(records) - 1
        joined_ris = to_ris(records)
        assert joined_ris == "\r\n".join(to_ris([record]) for record in records)


# ------------------------------------------------------------------------------ RIS

def parse_ris(text: str) -> list[list[tuple[str, str]]]:
    """A strict reader: every line is a tag line, records end with ER."""
    records: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in text.split("\r\n"):
        if not line:
            continue
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, f"not a RIS line: {line!r}"
        current.append((match.group(1), match.group(2)))
        if match.group(1) == "ER":
            records.append(current)
            current = []
    assert not current, "a record without ER"
    return records


def test_ris_session(real: dict[str, CitationRecord]) -> None:
    tags = ris_tags(real[S02])
    assert tags[0] == ("TY", "SLIDE") and tags[-1] == ("ER", "")
    assert [value for tag, value in tags if tag == "AU"] == ["Livartowski, Alain", "Vire, Olivier", "Gavit, Laurence",
                                                             "Garcelon, Nicolas", "Morlet, Lydia"]
    as_dict = dict(tags)
    assert as_dict["TI"] == "IA et innovations médicales"
    assert as_dict["T2"] == "Intelligence artificielle et santé"  # plain: the fact it was supplied is a note
    assert as_dict["DA"] == "2021/09/07" and as_dict["PY"] == "2021"
    assert as_dict["LA"] == "fr" and as_dict["UR"] == real[S02].url
    notes = [value for tag, value in tags if tag == "N1"]
    assert "Animation : Daniel Benamouzig, Catherine Commaille-Chapus" in notes
    assert "Titre de la série attribué par l’archive" in notes
    assert not any("Benamouzig" in value for tag, value in tags if tag.startswith("A"))
    assert not any("[" in value for _, value in tags)


def test_ris_press_and_series(real: dict[str, CitationRecord]) -> None:
    press = dict(ris_tags(real[PRESS]))
    # A report for Zotero (PB its institution, M3 its type) and citation-js; no T2, which made
    # Zotero file the symposium as the journal of a journal article.
    assert press["TY"] == "RPRT" and press["AU"] == "Health Data Hub" and press["CY"] == "Paris"
    assert press["PB"] == "Health Data Hub" and press["M3"] == "Communiqué de presse" and "T2" not in press
    notes = [value for tag, value in ris_tags(real[PRESS]) if tag == "N1"]
    assert ("Au sujet de : IA et médecine, promesses et limites (20 octobre 2022, Académie nationale de Médecine, "
            "à Paris)") in notes
    series = ris_tags(real[SERIES])
    assert dict(series)["TY"] == "GEN"
    # The organiser's one name, with no comma (Zotero would split it into family and given names).
    assert ("AU", "Chaire santé (Sciences Po)") in series
    assert ("N1", "Du 1er juin 2020 au 3 mai 2022") in series


def test_ris_newlines_never_break_records(real: dict[str, CitationRecord]) -> None:
    records = [*real.values(), *hostile_records()]
    parsed = parse_ris(to_ris(records))
    assert len(parsed) == len(records)
    for record, tags in zip(records, parsed, strict=True):
        assert dict(tags)["TI"] == " ".join(record.title.split())
        assert tags[0][0] == "TY"


def test_ris_particles() -> None:
    authors = [value for tag, value in ris_tags(hostile_records()[0]) if tag == "AU"]
    assert authors[0] == "de La Fontaine, Jean"
    assert "d’Alembert, Jean Le Rond" in authors


# ------------------------------------------------------------------------------ CSL-JSON

def test_csl_json_validates_against_the_csl_schema(real: dict[str, CitationRecord]) -> None:
    schema = csl_data_schema()
    assert schema["items"]["properties"]["type"]["enum"][0] == "article"
    for records in (list(real.values()), hostile_records()):
        jsonschema.validate(to_csl_json(records), schema)


@pytest.mark.parametrize("bad", [
    {"id": "x", "type": "speech", "chair": "Daniel Benamouzig"},  # names are lists of objects
    {"id": "x", "type": "seminar"},  # not a CSL type
    {"id": "x", "type": "speech", "event-titel": "typo"},  # not a CSL variable
    {"id": "x", "type": "speech", "issued": {"date-parts": [[2021, 9, 7, 1]]}},  # at most year, month, day
])
def test_the_schema_catches_what_it_should(bad: dict[str, object]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([bad], csl_data_schema())


def test_csl_session(real: dict[str, CitationRecord]) -> None:
    [item] = to_csl_json([real[S02]])
    assert item["type"] == "speech"
    assert item["author"][0] == {"family": "Livartowski", "given": "Alain"}
    assert item["chair"] == [{"family": "Benamouzig", "given": "Daniel"},
                             {"family": "Commaille-Chapus", "given": "Catherine"}]
    assert item["event-title"] == item["event"] == "Intelligence artificielle et santé"
    # The date once: with an event-date too, APA and Chicago print the day twice.
    assert item["issued"] == {"date-parts": [[2021, 9, 7]]} and "event-date" not in item
    assert (item["language"], item["genre"], item["number"]) == ("fr", "Séance de séminaire", "2")
    assert item["publisher"] == "Chaire santé (Sciences Po)"
    # Zotero's CSL import has no mapping for chair: the moderators are also a labelled note.
    assert item["note"].startswith("Animation : Daniel Benamouzig, Catherine Commaille-Chapus. "
                                   "Titre de la série attribué par l’archive")
    assert item["URL"] == real[S02].url and item["version"] == "2026.1"
    assert "event-place" not in item


def test_csl_press_and_series(real: dict[str, CitationRecord]) -> None:
    press, series = to_csl_json([real[PRESS], real[SERIES]])
    assert press["type"] == "report" and press["genre"] == "Communiqué de presse"
    assert press["author"] == [{"literal": "Health Data Hub"}] and press["publisher"] == "Health Data Hub"
    assert press["publisher-place"] == "Paris"
    # Not presented at the symposium: the event it is about is a note, not event-title/event-place.
    assert "event-title" not in press and "event-place" not in press and "event" not in press
    assert press["note"].startswith("Au sujet de : IA et médecine, promesses et limites (20 octobre 2022, ")
    assert series["type"] == "event"
    assert series["issued"] == {"date-parts": [[2020, 6, 1], [2022, 5, 3]]}


def test_csl_names() -> None:
    [item, *_] = to_csl_json(hostile_records())
    assert item["author"][0] == {"family": "La Fontaine", "given": "Jean", "non-dropping-particle": "de"}
    assert {"literal": "Procter & Gamble, Research and Development"} in item["author"]
    assert item["chair"][1] == {"family": "Dupont", "given": "Marie-Ève", "non-dropping-particle": "d’"}


# ------------------------------------------------------------------------------ formatted

def test_the_style_is_valid_csl() -> None:
    """Against the CSL schema citeproc-py bundles; the style uses CSL 1.0.2's chair and event-title."""
    import citeproc

    schema = etree.RelaxNG(etree.parse(citeproc.SCHEMA_PATH))
    style = etree.fromstring(style_text().encode("utf-8"))
    assert schema.validate(style), schema.error_log
    assert 'variable="chair"' in style_text() and 'variable="event-title"' in style_text()


def test_formatted_session(real: dict[str, CitationRecord]) -> None:
    assert formatted_citation(real[S02]) == (
        "Livartowski, Alain, Olivier Vire, Laurence Gavit, Nicolas Garcelon et Lydia Morlet. 2021. "
        "«\u00a0IA et innovations médicales\u00a0». Séance 2 du séminaire [Intelligence artificielle et santé], "
        "Chaire santé (Sciences Po), 7 septembre 2021. Animation\u00a0: Daniel Benamouzig et Catherine "
        "Commaille-Chapus. Version de l’archive\u00a0: 2026.1. https://archive.example/2026.1/sessions/ia-sante-02.html")


def test_formatted_question_mark_title_is_not_followed_by_a_stop(real: dict[str, CitationRecord]) -> None:
    questions = [r for r in real.values() if r.title.endswith("?")]
    assert questions  # session 5 of the programme asks a question
    for record in questions:
        text = formatted_citation(record)
        assert "?\u00a0» Séance" in text and "?\u00a0»." not in text


def test_formatted_title_keeps_the_case_of_the_source(real: dict[str, CitationRecord]) -> None:
    """Documented in docs/citer.md: the archive does not recapitalise a title ("séance de travail…")."""
    assert "«\u00a0séance de travail sur le livrable final\u00a0»" in formatted_citation(real["iasante-2022-s06"])
    # No author (the organiser is not one): cited by its title, then the year, the title not repeated.
    text = formatted_citation(real["iasante-2022-s06"])
    assert text.startswith("«\u00a0séance de travail sur le livrable final\u00a0». 2022. Séance 6 du séminaire ")
    assert text.count("livrable final") == 1


def test_formatted_first_of_the_month_and_no_moderator(real: dict[str, CitationRecord]) -> None:
    text = formatted_citation(real["iasante-2020-s01"])
    assert ", 1er juin 2020." in text
    assert "Animation" not in text


def test_formatted_press_release(real: dict[str, CitationRecord]) -> None:
    assert formatted_citation(real[PRESS]) == (
        "Health Data Hub. 2022. «\u00a0Symposium “IA et médecine” : le MIT, l’Académie de médecine, l’Ambassade "
        "de France aux États-Unis et le Health Data Hub font l’état des lieux des avancées de l’IA en santé avec "
        # The title's own full stop, not the style's too ("internationaux. ».").
        "des experts internationaux.\u00a0» Communiqué de presse, Paris, 21 octobre 2022. Au sujet de\u00a0: IA et "
        "médecine, promesses et limites (Académie nationale de Médecine, à Paris). Version de l’archive\u00a0: "
        "2026.1. https://archive.example/2026.1/press/communique-2022-10-21.html")


def test_formatted_series(real: dict[str, CitationRecord]) -> None:
    assert formatted_citation(real[SERIES]) == (
        "Chaire santé (Sciences Po). 2020–2022. «\u00a0[Intelligence artificielle et santé]\u00a0». Séminaire, "
        "1er juin 2020–3 mai 2022. Version de l’archive\u00a0: 2026.1. https://archive.example/2026.1/series/ia-sante.html")


def test_formatted_series_within_one_year(real: dict[str, CitationRecord]) -> None:
    """citeproc-py 0.x fails on a range inside one year; such a series is cited by its year."""
    record = dataclasses.replace(real[SERIES], date=dt.date(2000, 2, 15), end_date=dt.date(2000, 7, 1))
    text = formatted_citation(record)
    assert text.startswith("Chaire santé (Sciences Po). 2000. ")
    assert "Séminaire, 2000." in text


def test_formatted_names_with_particles() -> None:
    text = formatted_citation(hostile_records()[0])
    assert text.startswith("La Fontaine, Jean de, Farhad Rikhtegar Nezami, ")
    assert "Jean Le Rond d’Alembert" in text and "Marie-Ève d’Dupont" in text
    assert "\n" not in text


def test_formatted_html_is_escaped(real: dict[str, CitationRecord]) -> None:
    record = dataclasses.replace(real[S02], title="<script>alert(1)</script> & co",
                                 url="https://archive.example/a?b=1&c=\"2\"")
    html = formatted_citation_html(record)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert html.endswith('<a href="https://archive.example/a?b=1&amp;c=&quot;2&quot;">'
                         'https://archive.example/a?b=1&amp;c="2"</a>')
    assert formatted_citation_html(real[S02]).startswith("Livartowski, Alain, Olivier Vire")


def test_formatted_undated_record(real: dict[str, CitationRecord]) -> None:
    record = dataclasses.replace(real[S02], date=None)
    assert "2021" not in formatted_citation(record)
    assert to_csl_json([record])[0].get("issued") is None
    assert fields_of(to_bibtex([record]))[S02].get("year") is None


def test_dates_are_the_records(real: dict[str, CitationRecord]) -> None:
    record = dataclasses.replace(real[S02], date=dt.date(2023, 1, 1))
    assert "1er janvier 2023" in formatted_citation(record)
    assert fields_of(to_bibtex([record]))[S02]["month"] == "jan"
