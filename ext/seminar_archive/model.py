"""The archive's records as plain data: no Sphinx, no I/O.

Everything the extension renders and exports is derived from an :class:`Archive`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

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


@dataclass(frozen=True)
class Archive:
    """The whole archive: registry and items. Derived indexes are computed once, on demand."""

    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    sessions: dict[str, Session] = field(default_factory=dict)
    press: dict[str, PressRelease] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    series: dict[str, Series] = field(default_factory=dict)
    # Archive pages whose front matter could not be used (docname -> a title to show them
    # under): they are reported, and still built, so that nothing disappears from the site.
    unusable_pages: dict[str, str] = field(default_factory=dict)

    def item(self, kind: str, item_id: str) -> Item:
        """The item of a kind ('session', 'press', 'event', 'series') with an id; KeyError if none."""
        tables: dict[str, dict[str, Any]] = {"session": self.sessions, "press": self.press, "event": self.events,
                                             "series": self.series}
        found: Item = tables[kind][item_id]
        return found

    @cached_property
    def items_by_id(self) -> dict[str, Item]:
        """Every item by id, computed once (person pages look their co-speakers' sessions up)."""
        return {item.id: item for item in self.items()}

    def items(self) -> list[Item]:
        return [*self.series.values(), *self.sessions.values(), *self.events.values(), *self.press.values()]

    @cached_property
    def _sessions_sorted(self) -> tuple[Session, ...]:
        # Sorted once: every year, decade and chronology page asks (a sort per page grew with
        # the square of the archive).
        return tuple(sorted(self.sessions.values(), key=lambda s: (s.date, s.series, s.number, s.id)))

    def sessions_in_order(self) -> list[Session]:
        return list(self._sessions_sorted)

    @cached_property
    def sessions_by_year(self) -> dict[int, tuple[Session, ...]]:
        """Sessions in order, by the year of their date."""
        years: dict[int, list[Session]] = {}
        for session in self._sessions_sorted:
            years.setdefault(session.date.year, []).append(session)
        return {year: tuple(sessions) for year, sessions in years.items()}

    def press_in_order(self) -> list[PressRelease]:
        return sorted(self.press.values(), key=lambda p: (p.date, p.id))

    def sessions_of_series(self, series_id: str) -> list[Session]:
        return [s for s in self.sessions_in_order() if s.series == series_id]

    @cached_property
    def appearances_by_person(self) -> dict[str, list[PersonAppearance]]:
        """Every appearance of every person, in date order (sessions before press on the same day)."""
        found: dict[str, list[PersonAppearance]] = defaultdict(list)
        dated: list[Session | Event | PressRelease] = [
            *self.sessions.values(),
            *self.events.values(),
            *self.press.values(),
        ]
        for item in dated:
            for appearance in item.appearances:
                found[appearance.person].append(PersonAppearance(item, appearance))
        order = {"session": 0, "event": 1, "press": 2}
        for appearances in found.values():
            appearances.sort(key=lambda pa: (pa.date, order[pa.item.kind], pa.item.id))
        return dict(found)

    def co_speakers(self, person_id: str) -> dict[str, list[str]]:
        """Other people at the same sessions or events: person id -> ids of the shared items."""
        shared: dict[str, list[str]] = defaultdict(list)
        for pa in self.appearances_by_person.get(person_id, []):
            if pa.item.kind == "press":
                continue
            for other in pa.item.appearances:
                if other.person != person_id and pa.item.id not in shared[other.person]:
                    shared[other.person].append(pa.item.id)
        return dict(shared)

    @cached_property
    def items_by_organisation(self) -> dict[str, list[tuple[Item, str | None]]]:
        """Organisation id -> (item, person id or None when the item names the organisation itself)."""
        found: dict[str, list[tuple[Item, str | None]]] = defaultdict(list)
        for item in self.items():
            for appearance in item.appearances:
                for org in appearance.organisations:
                    found[org].append((item, appearance.person))
            for _field, named in item.organisation_fields:
                for org in named:
                    if (item, None) not in found[org]:
                        found[org].append((item, None))
        return dict(found)

    def children_of(self, org_id: str) -> list[Organisation]:
        return sorted(
            (o for o in self.organisations.values() if o.parent == org_id), key=lambda o: o.name.casefold()
        )

    def theme_spellings(self) -> dict[str, list[tuple[str, Item]]]:
        """Each theme's key (theme_key) -> every (spelling, item) that names it, in page order."""
        found: dict[str, list[tuple[str, Item]]] = defaultdict(list)
        for item in self.items():
            for theme in item.themes:
                found[theme_key(theme)].append((theme, item))
        return dict(found)

    @staticmethod
    def usual_spelling(spellings: list[tuple[str, Item]]) -> str:
        """The spelling most pages use (on a tie, the one met first)."""
        counts: dict[str, int] = defaultdict(int)
        first: dict[str, int] = {}
        for index, (spelling, _item) in enumerate(spellings):
            counts[spelling] += 1
            first.setdefault(spelling, index)
        return min(counts, key=lambda s: (-counts[s], first[s]))

    def items_by_theme(self) -> dict[str, list[Item]]:
        """Theme -> its items by date. Spellings of one theme (accents, case, spaces, hyphens aside)
        are one theme, under the spelling most pages use: one entry, one anchor."""
        found: dict[str, list[Item]] = {}
        for spellings in self.theme_spellings().values():
            items = list({id(item): item for _spelling, item in spellings}.values())
            items.sort(key=lambda i: (str(date_of(i) or ""), i.id))
            found[self.usual_spelling(spellings)] = items
        return found
