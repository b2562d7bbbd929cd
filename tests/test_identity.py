"""Identity: names that mix scripts or copy Latin letters from another script, and front-matter
keys written outside ``archive:``."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOTS
from seminar_archive import duplicates, frontmatter, homoglyphs
from seminar_archive.diagnostics import Diagnostics
from seminar_archive.loader import load_archive
from seminar_archive.model import Person, SourceRef

CYRILLIC_E = "\u0415"  # Е, which looks like the Latin E


def person(person_id: str, given: str, family: str, line: int) -> Person:
    return Person(id=person_id, given=given, family=family, where=SourceRef("registry/people.yaml", line))


def test_a_cyrillic_letter_reads_as_the_latin_one_it_imitates() -> None:
    assert homoglyphs.latin_skeleton(f"{CYRILLIC_E}lise") == "Elise"
    assert homoglyphs.latin_skeleton("Élise Étienne") == "Élise Étienne"  # Latin with accents: unchanged
    assert homoglyphs.mixed_script(f"{CYRILLIC_E}lise") == (["CYRILLIC", "LATIN"], CYRILLIC_E)
    assert homoglyphs.mixed_script("Иван") is None and homoglyphs.mixed_script("d’Ormesson") is None
    assert homoglyphs.mixed_script("Jean-Paul") is None and homoglyphs.mixed_script("Ørsted") is None


def test_a_confusable_spelling_is_a_possible_duplicate_and_warns_of_its_script() -> None:
    people = {"elise-etienne": person("elise-etienne", "Élise", "Étienne", 1),
              "elise-etienne-2": person("elise-etienne-2", f"{CYRILLIC_E}lise", "Etienne", 4)}
    pairs = duplicates.find_duplicates(people)
    assert [(p.earlier.id, p.later.id) for p in pairs] == [("elise-etienne", "elise-etienne-2")]
    diagnostics = Diagnostics()
    homoglyphs.check_scripts(people, diagnostics)
    assert [(d.path, d.line, d.problem.subtype, d.key) for d in diagnostics] == [
        ("registry/people.yaml", 4, "mixed-script", "mixed-script")]
    assert "U+0415" in diagnostics[0].message


def test_the_real_registry_and_the_test_root_have_no_mixed_script_name() -> None:
    for srcdir in (ROOTS.parent.parent / "docs", ROOTS / "test-basic"):
        _, diagnostics = load_archive(Path(srcdir), report_unused=False)
        assert not [d for d in diagnostics if d.problem.subtype == "mixed-script"], srcdir


def test_unknown_top_level_keys_of_the_front_matter_warn_at_their_line() -> None:
    page = (ROOTS / "test-basic" / "sessions" / "ser-01.md").read_text(encoding="utf-8")
    page = page.replace("---\narchive:", "---\ntitle: Ailleurs\nmyst: {}\nhtml_meta: {x: y}\narchive:", 1)
    diagnostics = Diagnostics()
    read = frontmatter.read_page(page, "sessions/ser-01.md", "sessions/ser-01", diagnostics)
    assert read.item is not None  # a warning: the page is still read
    assert [(d.line, d.problem.subtype, d.args) for d in diagnostics] == [
        (2, "unknown-field", (("name", "title"),)), (4, "unknown-field", (("name", "html_meta"),))]
