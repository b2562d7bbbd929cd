"""Letters of another script that look Latin: a Cyrillic "е" typed (or pasted) inside "Élise".

Such a name reads like the Latin one and sorts, folds and links as another person; the Unicode
confusables data (confusable-homoglyphs) says which letters look alike. :func:`latin_skeleton`
turns them into the Latin letters they imitate, so that the duplicate finder compares what a
reader sees; :func:`check_scripts` warns of every registry name whose words mix scripts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import cache

from confusable_homoglyphs import categories, confusables

from .diagnostics import Diagnostics, Problem
from .model import Person

# Characters that belong to no script in particular (digits, punctuation, combining accents).
_NEUTRAL = frozenset({"COMMON", "INHERITED"})


@cache
def _script(char: str) -> str:
    if char.isascii():
        return "LATIN" if char.isalpha() else "COMMON"
    if unicodedata.combining(char):
        return "INHERITED"
    return str(categories.alias(char))


@cache
def _latin_lookalike(char: str) -> str:
    """The Latin letter ``char`` imitates, or ``char`` itself."""
    if _script(char) in _NEUTRAL | {"LATIN"}:
        return char
    found = confusables.is_confusable(char, preferred_aliases=["latin"])
    if not found:
        return char
    for glyph in found[0]["homoglyphs"]:
        if all(_script(c) in _NEUTRAL | {"LATIN"} for c in glyph["c"]):
            return str(glyph["c"])
    return char


def latin_skeleton(text: str) -> str:
    """``text`` with every letter that imitates a Latin one replaced by it."""
    if text.isascii():
        return text
    return "".join(_latin_lookalike(c) for c in text)


def mixed_script(word: str) -> tuple[list[str], str] | None:
    """The scripts a word mixes and its first letter outside Latin, or None for a word of one script."""
    scripts = {_script(c) for c in word} - _NEUTRAL
    if len(scripts) < 2:
        return None
    odd = next(c for c in word if _script(c) not in _NEUTRAL | {"LATIN"})
    return sorted(scripts), odd


def check_scripts(people: Mapping[str, Person], diagnostics: Diagnostics) -> None:
    """Warn, at the entry, of each registry name one of whose words mixes scripts."""
    for person in people.values():
        for name in (person.given, person.particle, person.family, *person.variants):
            if name.isascii():
                continue
            for word in name.split():
                found = mixed_script(word)
                if found is not None:
                    scripts, odd = found
                    diagnostics.say(Problem.MIXED_SCRIPT, "mixed-script", person.where.path, person.where.line,
                                    id=person.id, name=name, scripts=", ".join(scripts),
                                    character=f"{odd} U+{ord(odd):04X}")
                    break
            else:
                continue
            break
