"""What a citation says about an item, whatever the format: built from the model alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Archive, Item, Organisation, Person, PressRelease, Series, Session, with_particle
from ..textfr import supplied

LANGUAGE = "fr"


@dataclass(frozen=True)
class Name:
    """A person (family and given names, particle apart) or an organisation (``literal``)."""

    family: str = ""
    given: str = ""
    particle: str = ""
    literal: str = ""  # a corporate name, cited whole

    @property
    def is_corporate(self) -> bool:
        return bool(self.literal)

    @property
    def display(self) -> str:
        if self.literal:
            return self.literal
        return f"{self.given} {with_particle(self.particle, self.family)}".strip()

    @classmethod
    def of_person(cls, person: Person) -> Name:
        return cls(family=person.family, given=person.given, particle=person.particle)

    @classmethod
    def of_organisation(cls, org: Organisation, parent: Organisation | None = None) -> Name:
        """'Chaire santé, Sciences Po': the parent named too, as the sources pair them."""
        return cls(literal=f"{org.name}, {parent.name}" if parent else org.name)


@dataclass(frozen=True)
class CitationRecord:
    """One citable item. Text fields are plain Unicode as the archive shows them; each format
    escapes them its own way."""

    key: str  # the citation key stored in the page
    kind: str  # "session", "press" or "series"
    item_id: str
    title: str  # supplied titles are already in [square brackets]
    authors: tuple[Name, ...]  # speakers; the issuer of a press release; the organisers of a series
    chairs: tuple[Name, ...]  # moderators: never merged into authors
    date: dt.date | None
    end_date: dt.date | None  # a series runs from date to end_date
    genre: str  # "Séance de séminaire", "Communiqué de presse", "Séminaire"
    event_title: str  # the series a session belongs to; the event a press release is about
    event_place: str  # where the event took place, when a source says so
    place: str  # where a press release was issued
    publisher: str  # who holds the series (the Chaire santé)
    number: int | None  # a session's number in its series
    url: str  # the page in the archive version cited (or the latest, when no version is known)
    latest_url: str  # the page in the latest version
    version: str  # the archive version cited, "" when unknown
    language: str = LANGUAGE

    @property
    def year(self) -> str:
        return str(self.date.year) if self.date else ""


UrlFor = Callable[[str], str]  # docname -> absolute (or site-relative) URL


def _names_of_people(archive: Archive, ids: list[str]) -> tuple[Name, ...]:
    return tuple(Name.of_person(archive.people[i]) for i in ids if i in archive.people)


def _names_of_orgs(archive: Archive, ids: tuple[str, ...]) -> tuple[Name, ...]:
    orgs = archive.organisations
    return tuple(Name.of_organisation(orgs[i], orgs.get(orgs[i].parent or "")) for i in ids if i in orgs)


def _title(item: Item) -> str:
    return supplied(item.title) if item.is_supplied("title") else item.title


def citation_record(archive: Archive, item: Item, url_for: UrlFor, version: str = "",
                    latest_url_for: UrlFor | None = None) -> CitationRecord:
    """The record of a session, press release or series (``ValueError`` for other items)."""
    url = url_for(item.docname)
    latest = (latest_url_for or url_for)(item.docname)
    common = {"key": item.citekey, "kind": item.kind, "item_id": item.id, "title": _title(item), "url": url,
              "latest_url": latest, "version": version}
    if isinstance(item, Session):
        series = archive.series.get(item.series)
        speakers = _names_of_people(archive, [a.person for a in item.speakers])
        organisers = _names_of_orgs(archive, series.organisers) if series else ()
        return CitationRecord(
            **common,
            # A working session with no speaker is authored by its series' organisers.
            authors=speakers or organisers,
            chairs=_names_of_people(archive, [a.person for a in item.moderators]),
            date=item.date, end_date=None, genre="Séance de séminaire",
            event_title=_title(series) if series else "", event_place="", place="",
            publisher=", ".join(n.display for n in organisers), number=item.number,
        )
    if isinstance(item, PressRelease):
        event = archive.events.get(item.event) if item.event else None
        return CitationRecord(
            **common, authors=_names_of_orgs(archive, item.issuer), chairs=(), date=item.date, end_date=None,
            genre="Communiqué de presse", event_title=_title(event) if event else "",
            event_place=event.venue if event else "", place=item.place,
            publisher=", ".join(n.display for n in _names_of_orgs(archive, item.issuer)), number=None,
        )
    if isinstance(item, Series):
        sessions = archive.sessions_of_series(item.id)
        organisers = _names_of_orgs(archive, item.organisers)
        return CitationRecord(
            **common, authors=organisers, chairs=(), date=sessions[0].date if sessions else None,
            end_date=sessions[-1].date if sessions else None, genre="Séminaire", event_title="", event_place="",
            place="", publisher=", ".join(n.display for n in organisers), number=None,
        )
    raise ValueError(f"{item.kind} '{item.id}' is not citable")


def citable(archive: Archive) -> list[Item]:
    """Every citable item, in a stable order: the series, sessions by date, press releases by date."""
    return [*sorted(archive.series.values(), key=lambda s: s.id), *archive.sessions_in_order(),
            *archive.press_in_order()]
