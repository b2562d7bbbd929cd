"""The same person under two ids: the registry's most common mistake.

Two names are taken for one person when, once accents, case, honorifics (Dr, Pr, Mme …),
hyphens, punctuation and particles (de, d’, van …) are set aside, their family names are the
same and their given names agree, an initial standing for any name that starts with it
("J.-P." for "Jean-Paul"). Every spelling of an entry counts: ``given`` + ``family`` and each
of its ``variants``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .diagnostics import Diagnostics, Problem
from .folding import strip_accents
from .homoglyphs import latin_skeleton
from .model import Person

HONORIFICS = frozenset({
    "dr", "docteur", "docteure", "pr", "prof", "professeur", "professeure", "m", "mr", "mme", "mlle", "me",
    "maitre", "mrs", "ms", "sir", "dame", "phd", "md",
})
PARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "van", "von", "der", "den", "da", "di", "del", "y"})

_SEPARATORS = re.compile(r"[\s\-‐‑–—.’'`,]+")


def fold(text: str) -> str:
    """Lower case, no accents, ligatures opened (œ → oe), letters of other scripts that imitate
    Latin ones read as those (a Cyrillic "е" as "e": homoglyphs.py)."""
    return strip_accents(latin_skeleton(text)).casefold()  # casefold also opens ß as ss


def tokens(text: str) -> list[str]:
    """A name's words, folded, without honorifics and particles; hyphens and dots separate words."""
    words = [w for w in _SEPARATORS.split(fold(text)) if w]
    return [w for w in words if w not in HONORIFICS and w not in PARTICLES]


@dataclass(frozen=True)
class Name:
    """One spelling of a person's name, as words: given names and family name."""

    given: tuple[str, ...]
    family: tuple[str, ...]
    shown: str

    @classmethod
    def parts(cls, given: str, family: str) -> Name:
        return cls(tuple(tokens(given)), tuple(tokens(family)), f"{given} {family}".strip())

    @classmethod
    def full(cls, text: str) -> Name:
        """A name written whole ("Dr J.-P. Segade"): the last word is taken as the family name."""
        words = tokens(text)
        return cls(tuple(words[:-1]), tuple(words[-1:]), text)


def _given_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if len(a) != len(b):
        # "J. Segade" and "Jean-Paul Segade" may be one person; "Jean Segade" and
        # "Jean-Paul Segade" may not, so a shorter list must be initials only.
        shorter, longer = (a, b) if len(a) < len(b) else (b, a)
        return all(len(w) == 1 for w in shorter) and all(x == y[0] for x, y in zip(shorter, longer, strict=False))
    return all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
               for x, y in zip(a, b, strict=True))


def same_person(a: Name, b: Name) -> bool:
    """Whether two spellings may name one person."""
    if not a.family or a.family != b.family:
        # "Rikhtegar Nezami" written whole is read with "Rikhtegar" as a given name: the same
        # words in the same order are still the same name.
        whole_a, whole_b = a.given + a.family, b.given + b.family
        return bool(whole_a) and whole_a == whole_b
    return _given_agree(a.given, b.given)


def same_name(a: str, b: str) -> bool:
    """Whether two names written whole may be one person ("Élise Étienne", "Elise Etienne")."""
    return same_person(Name.full(a), Name.full(b))


def spellings(person: Person) -> list[Name]:
    names = [Name.parts(f"{person.given}", f"{person.particle} {person.family}".strip())]
    names += [Name.full(variant) for variant in person.variants]
    return names


@dataclass(frozen=True)
class PossibleDuplicate:
    """``later`` (further down the registry) looks like ``earlier``."""

    earlier: Person
    later: Person
    earlier_name: str
    later_name: str


def find_duplicates(people: Mapping[str, Person] | Iterable[Person]) -> list[PossibleDuplicate]:
    """Pairs of entries that may be one person, each pair once, in registry order."""
    entries = list(people.values()) if isinstance(people, Mapping) else list(people)
    entries.sort(key=lambda p: (p.where.path, p.where.line))
    # Only names sharing a family word can match: compare within those groups.
    by_word: dict[str, list[tuple[int, Name]]] = defaultdict(list)
    for index, person in enumerate(entries):
        for name in spellings(person):
            for word in {*name.family[-1:], *(name.given + name.family)[-1:]}:
                by_word[word].append((index, name))
    found: dict[tuple[int, int], PossibleDuplicate] = {}
    for group in by_word.values():
        for i, (first, name_a) in enumerate(group):
            for second, name_b in group[i + 1:]:
                if first == second or (min(first, second), max(first, second)) in found:
                    continue
                if _declared_distinct(entries[first], entries[second]):
                    continue
                if same_person(name_a, name_b):
                    lo, hi = sorted((first, second))
                    a, b = (name_a, name_b) if first == lo else (name_b, name_a)
                    found[(lo, hi)] = PossibleDuplicate(entries[lo], entries[hi], a.shown, b.shown)
    return [found[key] for key in sorted(found)]


def _declared_distinct(a: Person, b: Person) -> bool:
    return b.id in a.distinct or a.id in b.distinct


def check_duplicates(people: Mapping[str, Person], diagnostics: Diagnostics) -> None:
    """Report each possible duplicate at the later entry, naming the earlier one."""
    for pair in find_duplicates(people):
        where = pair.earlier.where
        diagnostics.say(Problem.POSSIBLE_DUPLICATE, "possible-duplicate", pair.later.where.path, pair.later.where.line,
                        id=pair.later.id, name=pair.later_name, other=pair.earlier.id,
                        other_name=pair.earlier_name, where=f"{where.path}:{where.line}")
