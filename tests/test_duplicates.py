"""duplicates.py: the names the registry holds that may be one person written twice."""

from __future__ import annotations

import pytest

from conftest import DOCS
from seminar_archive import duplicates
from seminar_archive.diagnostics import Problem
from seminar_archive.loader import load_archive
from seminar_archive.model import Person, SourceRef


def person(person_id: str, given: str, family: str, line: int, *variants: str) -> Person:
    return Person(person_id, given, family, variants=variants, where=SourceRef("registry/people.yaml", line))


@pytest.mark.parametrize(("a", "b"), [
    ("Élise Étienne", "Elise Etienne"),
    ("J.-P. Segade", "Jean-Paul Segade"),
    ("Dr Alain Livartowski", "Alain Livartowski"),
    ("Catherine Commaille-Chapus", "Catherine Commaille Chapus"),
    ("Pr Jean de La Fontaine", "jean la fontaine"),
    ("Daniel Benamouzig", "DANIEL BENAMOUZIG"),
])
def test_duplicate_finder_same_person(a: str, b: str) -> None:
    assert duplicates.same_name(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Jean Segade", "Jean-Paul Segade"),
    ("Luc Martin", "Lucie Martin"),
    ("Anne Dupont", "Anne Durand"),
    ("Paul Dupont", "P. Durand"),
])
def test_duplicate_finder_different_people(a: str, b: str) -> None:
    assert not duplicates.same_name(a, b)


def test_duplicate_finder_on_entries_and_variants() -> None:
    people = [person("elise-etienne", "Élise", "Étienne", 1), person("e-etienne", "Elise", "Etienne", 5),
              person("bob", "Robert", "Martin", 9, "Bob Martin"), person("bob-martin", "Bob", "Martin", 13)]
    found = [(d.earlier.id, d.later.id) for d in duplicates.find_duplicates(people)]
    assert found == [("elise-etienne", "e-etienne"), ("bob", "bob-martin")]


def test_duplicate_finder_does_not_flag_the_real_registry() -> None:
    archive_, diagnostics = load_archive(DOCS)
    assert len(archive_.people) >= 40
    assert duplicates.find_duplicates(archive_.people) == []
    assert not [d for d in diagnostics if d.problem is Problem.POSSIBLE_DUPLICATE]
