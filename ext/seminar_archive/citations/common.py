"""Helpers the formats share: one-line text, and names in reading order (a particle ending in
an apostrophe, "d’", is written against the family name: "d’Alembert"; any other with a space:
"de La Fontaine")."""

from __future__ import annotations

import re

from ..model import with_particle
from .record import Name

# Whitespace but the no-break spaces of French typography ("Animation :", « IA »).
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def fold(text: str) -> str:
    """One line: runs of whitespace (newlines included) become one space, control characters go,
    no-break spaces stay (but not at either end)."""
    return _BREAKING_SPACE.sub(" ", _CONTROL.sub("", text)).strip()

def family_with_particle(name: Name) -> str:
    """'de La Fontaine', 'd’Alembert'; an organisation's whole name."""
    return name.literal if name.is_corporate else with_particle(name.particle, name.family)


def reading_order(name: Name) -> str:
    """'Jean de La Fontaine', 'Jean d’Alembert', 'Health Data Hub'."""
    if name.is_corporate:
        return name.literal
    return " ".join(part for part in (name.given, family_with_particle(name)) if part)


def reading_list(names: tuple[Name, ...]) -> str:
    return ", ".join(reading_order(name) for name in names)
