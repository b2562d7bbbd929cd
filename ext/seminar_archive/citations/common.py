"""Helpers the formats share: one-line text, and names in reading order (a particle ending in
an apostrophe, "d’", is written against the family name: "d’Alembert"; any other with a space:
"de La Fontaine")."""

from __future__ import annotations

import re

from ..model import with_particle
from ..textfr import date_fr
from .record import CitationRecord, Name

# Whitespace but the no-break spaces of French typography ("Animation :", « IA »).
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def one_line(text: str) -> str:
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


def moderators_note(record: CitationRecord) -> str:
    """'Animation : Daniel Benamouzig, Catherine Commaille-Chapus': the moderators, labelled."""
    return f"Animation : {reading_list(record.chairs)}" if record.chairs else ""


def about_event(record: CitationRecord) -> str:
    """The event a press release is about, for a note: its title, date and venue."""
    if record.kind != "press" or not record.event_title:
        return ""
    facts = ", ".join(part for part in (date_fr(record.event_date) if record.event_date else "",
                                        record.event_place) if part)
    return f"Au sujet de : {record.event_title}" + (f" ({facts})" if facts else "")
