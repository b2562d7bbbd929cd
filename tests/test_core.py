"""The core without Sphinx: YAML lines, schema messages, French collation, whole-archive checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOTS, copy_root
from seminar_archive import collation, frontmatter, pagedeps, pageplan, yamlsource
from seminar_archive.bodyrefs import BodyReference, find_references
from seminar_archive.diagnostics import Diagnostics, Problem
from seminar_archive.loader import load_archive
from seminar_archive.model import Organisation, Person, Role

SESSION = """---
archive:
  kind: session
  id: s-01
  series: ser
  number: 1
  date: 2021-03-01
  title: Séance
  speakers:
    - person: ada
      honorific: Dr
      affiliation: "directrice,
        laboratoire"
  citekey: k1
  source: prog.txt
---
Body.
"""


def test_yaml_lines_follow_the_file() -> None:
    front, first, after = yamlsource.split_front_matter(SESSION)
    assert front is not None and first == 2 and after == 17
    located = yamlsource.load(front, first)
    assert located.line_of(("archive", "date")) == 7
    assert located.line_of(("archive", "speakers", 0, "affiliation")) == 12
    assert located.line_of(("archive", "speakers", 0, "nonexistent")) == 10  # nearest known: the entry
    assert located.data["archive"]["date"] == "2021-03-01"  # dates stay text for our own checks


def test_yaml_refuses_tags_and_reports_syntax_with_line() -> None:
    # A refused tag is located and its value left out; the rest of the file is read.
    located = yamlsource.load("a: 1\nb: !!python/object:os.system x\n", 5)
    assert [(p.key, p.line, p.path) for p in located.problems] == [("yaml-tag", 6, ("b",))]
    assert located.data == {"a": 1, "b": None}
    with pytest.raises(yamlsource.YamlProblem) as broken:
        yamlsource.load("a: [1, 2\nb: 3\n", 2)
    assert broken.value.line >= 2 and "YAML syntax error" in broken.value.message


def test_front_matter_becomes_a_session() -> None:
    diagnostics = Diagnostics()
    read = frontmatter.read_page(SESSION, "sessions/s-01.md", "sessions/s-01", diagnostics)
    assert list(diagnostics) == []
    session = read.item
    assert session is not None and session.kind == "session"
    speaker = session.speakers[0]  # type: ignore[attr-defined]
    assert (speaker.person, speaker.role, speaker.honorific) == ("ada", Role.SPEAKER, "Dr")
    assert speaker.affiliation == "directrice, laboratoire"  # line breaks folded
    assert speaker.where.line == 10


@pytest.mark.parametrize(("replace", "by", "problem", "line", "words"), [
    ("  number: 1\n", "  number: one\n", Problem.BAD_VALUE, 6, "'number' must be a whole number"),
    ("  date: 2021-03-01\n", "  date: 2021-13-01\n", Problem.BAD_DATE, 7, "not a real date"),
    ("  date: 2021-03-01\n", "  date: 1 mars 2021\n", Problem.BAD_DATE, 7, "not a real date"),
    ("  title: Séance\n", "", Problem.MISSING_FIELD, 2, "required field 'title'"),
    ("  title: Séance\n", "  title: Séance\n  titel: x\n", Problem.UNKNOWN_FIELD, 9, "did you mean 'title'"),
    ("      honorific: Dr\n", "      honorific: Docteur\n", Problem.BAD_VALUE, 11, "must be one of Dr, Pr"),
    ("  id: s-01\n", "  id: Séance 1\n", Problem.BAD_VALUE, 4, "'id' has the wrong form"),
    ("  kind: session\n", "  kind: seminar\n", Problem.BAD_VALUE, 3, "must be one of session, press"),
    ("  citekey: k1\n", "  citekey: k1\n  citekey: k2\n", Problem.YAML, 15, "'citekey' is given twice"),
])
def test_front_matter_problems_are_located(replace: str, by: str, problem: Problem, line: int, words: str) -> None:
    diagnostics = Diagnostics()
    read = frontmatter.read_page(SESSION.replace(replace, by), "p.md", "p", diagnostics)
    assert [(d.problem, d.line) for d in diagnostics if words in d.message] == [(problem, line)], list(diagnostics)
    if problem is not Problem.YAML:
        assert read.item is None and read.is_archive_page


def test_pages_without_the_archive_key_are_not_archive_pages() -> None:
    diagnostics = Diagnostics()
    read = frontmatter.read_page("---\ntitle: x\n---\n# Hello\n", "p.md", "p", diagnostics)
    assert read == frontmatter.PageRead(None, False) and list(diagnostics) == []


def person(pid: str, given: str, family: str, particle: str = "") -> Person:
    return Person(id=pid, given=given, family=family, particle=particle)


def test_french_collation_files_accents_and_particles_by_letter() -> None:
    people = [person("z", "Zoé", "Zola"), person("e", "Élise", "Étienne"), person("a", "Anne", "Eymard"),
              person("f", "Jean", "Fontaine", "de La"), person("o", "Œdipe", "Œuvray"), person("b", "Bob", "ébène")]
    ordered = sorted(people, key=collation.person_key)
    assert [p.id for p in ordered] == ["b", "e", "a", "f", "o", "z"]
    assert [collation.person_letter(p) for p in ordered] == ["E", "E", "E", "F", "O", "Z"]
    assert person("f", "Jean", "Fontaine", "de La").sort_name == "Fontaine, Jean de La"
    assert person("c", "Catherine", "Commaille-Chapus").display_name == "Catherine Commaille-Chapus"


def test_organisation_letters_skip_articles() -> None:
    org = Organisation(id="anm", name="L’Académie nationale de médecine")
    assert collation.organisation_letter(org) == "A"
    assert collation.index_letter("3IA Côte d’Azur") == "#"


def test_load_archive_on_a_root() -> None:
    archive, diagnostics = load_archive(ROOTS / "test-basic")
    assert list(diagnostics) == []
    assert sorted(archive.sessions) == ["ser-01", "ser-02"]
    appearances = archive.appearances_by_person["ada-dupont"]
    assert [(pa.item.id, pa.appearance.role) for pa in appearances] == [
        ("ser-01", Role.MODERATOR), ("ser-02", Role.SPEAKER)]
    assert archive.co_speakers("ada-dupont") == {"jean-de-la-fontaine": ["ser-01"],
                                                 "elise-etienne": ["ser-01", "ser-02"]}


def test_every_problem_kind_is_documented() -> None:
    subtypes = [p.subtype for p in Problem]
    assert len(subtypes) == len(set(subtypes))
    for p in Problem:
        assert p.meaning and p.example and p.fix


def test_non_utf8_page_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "bad.md").write_bytes(b"---\narchive:\n  title: S\xe9ance\n---\n")
    _, diagnostics = load_archive(tmp_path)
    found = [(d.problem, d.path, d.line) for d in diagnostics]
    assert found[0] == (Problem.YAML, "sessions/bad.md", 3)
    # The page is still read, the bad byte as U+FFFD: its other problems are reported too.
    assert (Problem.MISSING_FIELD, "sessions/bad.md", 2) in found


def test_large_letters_split_by_two_letter_prefix() -> None:
    from seminar_archive import pageplan
    from seminar_archive.archive import Archive

    families = ["Dubois", "Durand", "Dupont", "David", "Éluard", "Ébrard", "Martin"]
    people = {f"p{i}": person(f"p{i}", "Anne", family) for i, family in enumerate(families)}
    pages = pageplan.plan(Archive(people=people), group_limit=2)
    assert pages["people/index"].children == ("a-z/d", "a-z/e", "a-z/m")
    assert pages["people/a-z/d"].children == ("da", "du")  # split: more than 2 under D
    assert set(pages["people/a-z/du"].children) == {"/people/p0", "/people/p1", "/people/p2"}
    assert pages["people/a-z/e"].children == ("/people/p5", "/people/p4")  # Ébrard, Éluard: not over 2
    assert pages["people/a-z/m"].children == ("/people/p6",)  # small letters stay whole
    assert pageplan.index_group("Éluard") == ("E", "El")


def test_elided_particles_join_the_family_name() -> None:
    assert person("a", "Jean", "Alembert", "d’").display_name == "Jean d’Alembert"
    assert person("f", "Jean", "Fontaine", "de La").display_name == "Jean de La Fontaine"


def test_sessions_by_year_follow_the_order_of_the_series(tmp_path: Path) -> None:
    archive, _ = load_archive(copy_root("site", tmp_path))
    in_order = archive.sessions_in_order()
    assert len(in_order) == 8
    in_order.reverse()  # callers get their own list
    assert archive.sessions_in_order()[0].id == "ia-sante-01"
    by_year = archive.sessions_by_year
    assert sorted(by_year) == [2020, 2021, 2022]
    assert [s.id for year in sorted(by_year) for s in by_year[year]] == [s.id for s in archive.sessions_in_order()]
    # A year page depends on the sessions of its year only; its decade's on those of the decade.
    pages = pageplan.plan(archive, 40)
    year_page = pages["sessions/2021"]
    listed = pagedeps.dependencies(archive, year_page)[1]
    assert [summary[1] for summary in listed] == [s.id for s in by_year[2021]]


def test_roles_in_a_pages_text_are_found_where_myst_finds_them() -> None:
    text = """---
archive:
  kind: session
  note: {person}`in-the-front-matter`
---
# Titre

{person}`first` puis {archive:org}`Le laboratoire <lab>`, {person}`!not-looked-up`,
et sur la ligne suivante {theme}`~ethique` ; `{person}`in-code`` et {ref}`other-role`.

```{note}
:class: tip
Dans une note : {session}`in-note`.
```

:::{dropdown}
---
open: true
---
{datafile}`archive.json` et {source}`prog.txt`
:::

```{code-block} md
{person}`in-code-block`
```

    {person}`in-indented-code`
"""
    assert find_references(text) == [
        BodyReference(8, "person", "first"),
        BodyReference(8, "org", "lab"),
        BodyReference(9, "theme", "ethique"),
        BodyReference(13, "session", "in-note"),
        BodyReference(20, "datafile", "archive.json"),
        BodyReference(20, "source", "prog.txt"),
    ]
    # Without MyST's colon fences, ":::" is text, and the roles in it are still roles of the text.
    assert [r.target for r in find_references(text, extensions=())][-2:] == ["archive.json", "prog.txt"]


def test_deeply_nested_directives_do_not_exhaust_the_stack() -> None:
    fences = ["`" * (3 + depth) + "{note}" for depth in range(300, 0, -1)]
    text = "\n".join(fences) + "\n{person}`deep`\n" + "\n".join(f[: f.index("{")] for f in reversed(fences))
    assert find_references(text) == []  # 300 deep: past the depth looked into (each level is 3 frames)
    shallow = "````{note}\n```{note}\n{person}`inner`\n```\n````\n"
    assert find_references(shallow) == [BodyReference(3, "person", "inner")]
