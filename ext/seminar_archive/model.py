"""The archive's records as plain data: no Sphinx, no I/O.

Everything the extension renders and exports is derived from an :class:`Archive`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .folding import strip_accents
from .textfr import supplied


class Role(StrEnum):
    """What a person did at a session or event, or how a press release names them."""

    MODERATOR = "moderator"
    SPEAKER = "speaker"
    QUOTED = "quoted"
    NAMED = "named"

    @property
    def label_fr(self) -> str:
        return _ROLE_LABELS_FR[self]


_ROLE_LABELS_FR = {
    Role.MODERATOR: "Animation",
    Role.SPEAKER: "Intervention",
    Role.QUOTED: "Cité·e",
    Role.NAMED: "Mentionné·e",
}


@dataclass(frozen=True)
class SourceRef:
    """Where a record is written down: a file (relative to the site's source dir) and a line."""

    path: str
    line: int = 0


def theme_key(theme: str) -> str:
    """What identifies a theme, and its anchor: 'Données de santé' -> 'donnees-de-sante'. Accents,
    case, ligatures and punctuation aside, two spellings with one key are one theme."""
    folded = strip_accents(theme).casefold()
    return "-".join("".join(c if c.isalnum() else " " for c in folded).split()) or "theme"


def with_particle(particle: str, family: str) -> str:
    """'de La Fontaine'; an elided particle is written against the name: 'd’Alembert'."""
    if not particle:
        return family
    return f"{particle}{'' if particle.endswith((chr(39), '’')) else ' '}{family}"


@dataclass(frozen=True)
class Person:
    id: str
    given: str
    family: str
    particle: str = ""
    variants: tuple[str, ...] = ()
    orcid: str | None = None
    idref: str | None = None
    wikidata: str | None = None
    note: str = ""
    where: SourceRef = SourceRef("")
    # Entries with a like name that are other people (homonyms): not possible duplicates.
    distinct: tuple[str, ...] = ()

    @property
    def display_name(self) -> str:
        """The name in reading order: 'Catherine Commaille-Chapus'."""
        return f"{self.given} {with_particle(self.particle, self.family)}".strip()

    @property
    def sort_name(self) -> str:
        """The name in catalogue order: 'Commaille-Chapus, Catherine'; particles after the given name."""
        given = f"{self.given} {self.particle}".strip() if self.particle else self.given
        return f"{self.family}, {given}" if given else self.family


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    acronym: str = ""
    full_name: str = ""  # supplied by the archive when the sources give only an acronym
    parent: str | None = None
    variants: tuple[str, ...] = ()
    ror: str | None = None
    wikidata: str | None = None
    note: str = ""
    where: SourceRef = SourceRef("")

    @property
    def display_name(self) -> str:
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name


@dataclass(frozen=True)
class Appearance:
    """One person at one item (session, event or press release), as the source gives it that day."""

    person: str
    role: Role
    honorific: str = ""
    postnominals: str = ""
    affiliation: str = ""
    organisations: tuple[str, ...] = ()
    note: str = ""
    where: SourceRef = SourceRef("")


@dataclass(frozen=True)
class Item:
    """What sessions, press releases, events and the series have in common."""

    id: str
    title: str
    docname: str
    source: str
    supplied: frozenset[str] = frozenset()
    themes: tuple[str, ...] = ()
    citekey: str = ""
    where: SourceRef = SourceRef("")
    doi: str = ""  # bare (10.prefix/suffix), only once registered for the item: never invented

    kind = "item"

    def is_supplied(self, field_name: str) -> bool:
        return field_name in self.supplied

    @property
    def shown_title(self) -> str:
        """The title as pages show it: in square brackets when the archive supplied it."""
        return supplied(self.title) if self.is_supplied("title") else self.title

    @property
    def appearances(self) -> tuple[Appearance, ...]:
        """Everyone the item names, in its order (none for a series)."""
        return ()

    @property
    def organisation_fields(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The fields that name organisations, with the ids each names (affiliations aside)."""
        return ()


@dataclass(frozen=True)
class Session(Item):
    series: str = ""
    number: int = 0
    date: dt.date = dt.date(1, 1, 1)
    moderators: tuple[Appearance, ...] = ()
    speakers: tuple[Appearance, ...] = ()
    organisations: tuple[str, ...] = ()  # named by the presentation text, not affiliations

    kind = "session"

    @property
    def organisation_fields(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return (("organisations", self.organisations),)

    @property
    def appearances(self) -> tuple[Appearance, ...]:
        return self.moderators + self.speakers


@dataclass(frozen=True)
class Event(Item):
    date: dt.date = dt.date(1, 1, 1)
    edition: int | None = None
    venue: str = ""
    organisers: tuple[str, ...] = ()
    supporters: tuple[str, ...] = ()
    moderators: tuple[Appearance, ...] = ()
    speakers: tuple[Appearance, ...] = ()

    kind = "event"

    @property
    def organisation_fields(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return (("organisers", self.organisers), ("supporters", self.supporters))

    @property
    def appearances(self) -> tuple[Appearance, ...]:
        return self.moderators + self.speakers


@dataclass(frozen=True)
class PressRelease(Item):
    date: dt.date = dt.date(1, 1, 1)
    place: str = ""
    issuer: tuple[str, ...] = ()
    event: str | None = None
    people: tuple[Appearance, ...] = ()
    organisations: tuple[str, ...] = ()

    kind = "press"

    @property
    def organisation_fields(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return (("organisations", self.organisations), ("issuer", self.issuer))

    @property
    def appearances(self) -> tuple[Appearance, ...]:
        return self.people


@dataclass(frozen=True)
class Series(Item):
    organisers: tuple[str, ...] = ()

    kind = "series"

    @property
    def organisation_fields(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return (("organisers", self.organisers),)


Dated = Session | Event | PressRelease


def date_of(item: Item) -> dt.date | None:
    """The item's date; None for a series."""
    return item.date if isinstance(item, Dated) else None


def speakers_of(item: Item) -> tuple[Appearance, ...]:
    return item.speakers if isinstance(item, Session | Event) else ()


def moderators_of(item: Item) -> tuple[Appearance, ...]:
    return item.moderators if isinstance(item, Session | Event) else ()


@dataclass(frozen=True)
class PersonAppearance:
    """A person's appearance seen from the person: the item and what they did there."""

    item: Session | Event | PressRelease
    appearance: Appearance

    @property
    def date(self) -> dt.date:
        return self.item.date
