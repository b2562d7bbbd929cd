"""What a citation says about an item, whatever the format: built from the model alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..archive import Archive
from ..model import Item, Organisation, Person, PressRelease, Series, Session, with_particle
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
        """'Chaire santé (Sciences Po)': the parent named too, as a qualifier. One spelling in every
        format and the page: no comma, which Zotero's RIS import reads as "Family, Given"."""
        return cls(literal=organisation_name(org, parent))


def organisation_name(org: Organisation, parent: Organisation | None = None) -> str:
    """An organisation's name as citations and the page head give it (the parent as a qualifier)."""
    return f"{org.name} ({parent.name})" if parent else org.name


@dataclass(frozen=True)
class CitationRecord:
    """One citable item. Text fields are plain Unicode as the archive shows them; each format
    escapes them its own way."""

    key: str  # the citation key stored in the page
    kind: str  # "session", "press" or "series"
    item_id: str
    title: str  # plain, also when supplied (``supplied`` says so; a person's view brackets it)
    authors: tuple[Name, ...]  # speakers; the issuer of a press release; the organisers of a series
    chairs: tuple[Name, ...]  # moderators: never merged into authors
    date: dt.date | None
    end_date: dt.date | None  # a series runs from date to end_date
    genre: str  # "Séance de séminaire", "Communiqué de presse", "Séminaire": the one type word
    event_title: str  # the series a session belongs to; the event a press release is about (plain)
    event_place: str  # where the event took place, when a source says so
    place: str  # where a press release was issued
    publisher: str  # who holds the series (the Chaire santé)
    number: int | None  # a session's number in its series
    url: str  # the page in the archive version cited (or the latest, when no version is known)
    latest_url: str  # the page in the latest version
    version: str  # the archive version cited, "" when unknown
    language: str = LANGUAGE
    # What the archive supplied (the sources do not say it): "title", "event_title", "publisher".
    supplied: frozenset[str] = frozenset()
    event_date: dt.date | None = None  # the day of the event a press release is about
    doi: str = ""  # the item's registered DOI, bare; "" when none (none is invented)

    @property
    def year(self) -> str:
        return str(self.date.year) if self.date else ""

    def shown(self, field_name: str) -> str:
        """A field as a person reads it: supplied text in cataloguers' square brackets."""
        value: str = getattr(self, field_name)
        return supplied(value) if value and field_name in self.supplied else value


SUPPLIED_NOTES = {
    "title": "titre attribué par l’archive",
    "event_title": "titre de la série attribué par l’archive",
    "publisher": "émetteur attribué par l’archive",
}


def supplied_note(record: CitationRecord) -> str:
    """What was supplied, for a format's note: 'Titre de la série attribué par l’archive'."""
    notes = [SUPPLIED_NOTES[name] for name in SUPPLIED_NOTES if name in record.supplied and getattr(record, name)]
    if record.kind == "press":
        notes = [note.replace("de la série", "de l’événement") for note in notes]
    text = " ; ".join(notes)
    return text[:1].upper() + text[1:]


# The one type word of a session, in every file and the page head (Zotero's "Type" of a presentation).
SESSION_GENRE = "Séance de séminaire"

UrlFor = Callable[[str], str]  # docname -> absolute (or site-relative) URL


def _names_of_people(archive: Archive, ids: list[str]) -> tuple[Name, ...]:
    return tuple(Name.of_person(archive.people[i]) for i in ids if i in archive.people)


def _names_of_orgs(archive: Archive, ids: tuple[str, ...]) -> tuple[Name, ...]:
    orgs = archive.organisations
    return tuple(Name.of_organisation(orgs[i], orgs.get(orgs[i].parent or "")) for i in ids if i in orgs)


def _supplied(item: Item | None, field_name: str, as_name: str) -> set[str]:
    return {as_name} if item is not None and item.is_supplied(field_name) else set()


def citation_record(archive: Archive, item: Item, url_for: UrlFor, version: str = "",
                    latest_url_for: UrlFor | None = None) -> CitationRecord:
    """The record of a session, press release or series (``ValueError`` for other items)."""
    url = url_for(item.docname)
    latest = (latest_url_for or url_for)(item.docname)
    common = {"key": item.citekey, "kind": item.kind, "item_id": item.id, "title": item.title, "url": url,
              "latest_url": latest, "version": version, "doi": item.doi}
    title_supplied = _supplied(item, "title", "title")
    if isinstance(item, Session):
        series = archive.series.get(item.series)
        organisers = _names_of_orgs(archive, series.organisers) if series else ()
        return CitationRecord(
            **common,
            # A working session with no speaker has no author: its page names no creator, and the
            # organisers (the publisher) did not present it.
            authors=_names_of_people(archive, [a.person for a in item.speakers]),
            chairs=_names_of_people(archive, [a.person for a in item.moderators]),
            date=item.date, end_date=None, genre=SESSION_GENRE,
            event_title=series.title if series else "", event_place="", event_date=None, place="",
            publisher=", ".join(n.display for n in organisers), number=item.number,
            supplied=frozenset(title_supplied | _supplied(series, "title", "event_title")),
        )
    if isinstance(item, PressRelease):
        event = archive.events.get(item.event) if item.event else None
        issuers = _names_of_orgs(archive, item.issuer)
        return CitationRecord(
            **common, authors=issuers, chairs=(), date=item.date, end_date=None,
            genre="Communiqué de presse", event_title=event.title if event else "",
            event_place=event.venue if event else "", event_date=event.date if event else None, place=item.place,
            publisher=", ".join(n.display for n in issuers), number=None,
            supplied=frozenset(title_supplied | _supplied(event, "title", "event_title")
                               | _supplied(item, "issuer", "publisher")),
        )
    if isinstance(item, Series):
        sessions = archive.sessions_of_series(item.id)
        organisers = _names_of_orgs(archive, item.organisers)
        return CitationRecord(
            **common, authors=organisers, chairs=(), date=sessions[0].date if sessions else None,
            end_date=sessions[-1].date if sessions else None, genre="Séminaire", event_title="", event_place="",
            event_date=None, place="", publisher=", ".join(n.display for n in organisers), number=None,
            supplied=frozenset(title_supplied),
        )
    raise ValueError(f"{item.kind} '{item.id}' is not citable")


def citable(archive: Archive) -> list[Item]:
    """Every citable item, in a stable order: the series, sessions by date, press releases by date."""
    return [*sorted(archive.series.values(), key=lambda s: s.id), *archive.sessions_in_order(),
            *archive.press_in_order()]
