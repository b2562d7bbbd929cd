"""The open-data export: the whole archive as one JSON document, links included."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import docnames
from .archive import Archive
from .collation import organisation_key, person_key
from .model import Appearance, Event, Item, PressRelease, Series, Session

FORMAT_VERSION = 1


def _appearance(appearance: Appearance) -> dict[str, Any]:
    out: dict[str, Any] = {"person": appearance.person, "role": appearance.role.value}
    for key in ("honorific", "postnominals", "affiliation", "note"):
        if value := getattr(appearance, key):
            out[key] = value
    out["organisations"] = list(appearance.organisations)
    return out


def _item(item: Item, url: Callable[[str], str]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": item.id, "title": item.title, "url": url(item.docname)}
    if item.supplied:
        out["supplied"] = sorted(item.supplied)
    if isinstance(item, Session):
        out.update(series=item.series, number=item.number, date=item.date.isoformat(),
                   moderators=[_appearance(a) for a in item.moderators],
                   speakers=[_appearance(a) for a in item.speakers], organisations=list(item.organisations))
    elif isinstance(item, PressRelease):
        out.update(date=item.date.isoformat(), place=item.place, issuer=list(item.issuer), event=item.event,
                   people=[_appearance(a) for a in item.people], organisations=list(item.organisations))
    elif isinstance(item, Event):
        out.update(date=item.date.isoformat(), edition=item.edition, venue=item.venue,
                   organisers=list(item.organisers), supporters=list(item.supporters),
                   moderators=[_appearance(a) for a in item.moderators],
                   speakers=[_appearance(a) for a in item.speakers])
    elif isinstance(item, Series):
        out["organisers"] = list(item.organisers)
    out.update(themes=list(item.themes), citekey=item.citekey or None, source=item.source)
    return out


def archive_document(archive: Archive, url: Callable[[str], str], version: str = "") -> dict[str, Any]:
    """The export; ``url`` turns a docname into the page's URL."""
    people = []
    for person in sorted(archive.people.values(), key=person_key):
        people.append({
            "id": person.id,
            "name": person.display_name,
            "given": person.given,
            "family": person.family,
            "particle": person.particle or None,
            "variants": list(person.variants),
            "identifiers": {"orcid": person.orcid, "idref": person.idref, "wikidata": person.wikidata},
            "url": url(docnames.person(person.id)),
            "appearances": [
                {"item": pa.item.id, "kind": pa.item.kind, "date": pa.date.isoformat(),
                 "role": pa.appearance.role.value, "affiliation": pa.appearance.affiliation or None,
                 "organisations": list(pa.appearance.organisations)}
                for pa in archive.appearances_by_person.get(person.id, [])
            ],
        })
    organisations = []
    for org in sorted(archive.organisations.values(), key=organisation_key):
        entries = archive.items_by_organisation.get(org.id, [])
        organisations.append({
            "id": org.id,
            "name": org.name,
            "acronym": org.acronym or None,
            "full_name_supplied": org.full_name or None,
            "parent": org.parent,
            "variants": list(org.variants),
            "identifiers": {"ror": org.ror, "wikidata": org.wikidata},
            "url": url(docnames.organisation(org.id)),
            "people": sorted({p for _, p in entries if p}),
            "items": sorted({i.id for i, _ in entries}),
        })
    return {
        "$schema": "archive.schema.json",
        "format_version": FORMAT_VERSION,
        "archive_version": version or None,
        "series": [_item(s, url) for s in sorted(archive.series.values(), key=lambda s: s.id)],
        "sessions": [_item(s, url) for s in archive.sessions_in_order()],
        "events": [_item(e, url) for e in sorted(archive.events.values(), key=lambda e: (e.date, e.id))],
        "press": [_item(p, url) for p in archive.press_in_order()],
        "people": people,
        "organisations": organisations,
    }
