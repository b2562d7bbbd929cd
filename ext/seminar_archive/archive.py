"""The whole archive: the registry and the items, with the indexes derived from them (computed
once, on demand). Plain data like the records it holds (model.py): no Sphinx, no I/O."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .model import (
    Event,
    Item,
    Organisation,
    Person,
    PersonAppearance,
    PressRelease,
    Series,
    Session,
    date_of,
    theme_key,
)


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
