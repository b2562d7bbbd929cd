"""MODS 3.8 records (Library of Congress) of a session, a press release and the series: from the
model alone.

Choices: roles as MARC relator codes and terms (``spk`` Speaker, ``mod`` Moderator, ``isb`` Issuing
body for a press release's issuer, ``orm`` Organizer for the series' organisers); the session's
day in ``originInfo`` (``dateOther``, the key date), its series as ``relatedItem type="series"``;
the event a press release is about as its subject (``subject/name type="conference"``: the
release speaks of the event, the event did not write it); the archive version as ``edition``.
What the archive supplied is marked ``supplied="yes"``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..archive import Archive
from ..citations.record import CitationRecord
from ..model import Event, Item, Organisation, Person, PressRelease, Series, Session
from .xmltext import serialise, sub

NAMESPACE = "http://www.loc.gov/mods/v3"
SCHEMA_LOCATION = "http://www.loc.gov/standards/mods/v3/mods-3-8.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
RELATORS = {"spk": "Speaker", "mod": "Moderator", "isb": "Issuing body", "orm": "Organizer"}


def _role(name: ET.Element, code: str) -> None:
    role = sub(name, "role")
    sub(role, "roleTerm", code, type="code", authority="marcrelator")
    sub(role, "roleTerm", RELATORS[code], type="text", authority="marcrelator")


def _person(parent: ET.Element, person: Person, code: str, affiliation: str = "") -> None:
    name = sub(parent, "name", type="personal")
    sub(name, "namePart", f"{person.particle} {person.family}".strip() if person.particle else person.family,
        type="family")
    if person.given:
        sub(name, "namePart", person.given, type="given")
    sub(name, "displayForm", person.display_name)
    if affiliation:
        sub(name, "affiliation", affiliation)
    for scheme, value in (("orcid", person.orcid), ("idref", person.idref), ("wikidata", person.wikidata)):
        if value:
            sub(name, "nameIdentifier", value, type=scheme)
    _role(name, code)


def _organisation(parent: ET.Element, archive: Archive, org: Organisation, code: str) -> None:
    name = sub(parent, "name", type="corporate")
    above = archive.organisations.get(org.parent or "")
    if above:
        sub(name, "namePart", above.name)
    sub(name, "namePart", org.name)
    for scheme, value in (("ror", org.ror), ("wikidata", org.wikidata)):
        if value:
            sub(name, "nameIdentifier", value, type=scheme)
    _role(name, code)


def _date(parent: ET.Element, tag: str, value: str, **attributes: str) -> None:
    sub(parent, tag, value, encoding="w3cdtf", **attributes)


def mods_xml(archive: Archive, item: Item, record: CitationRecord, series_url: str = "", doi: str = "") -> str:
    """The MODS record of a session, press release or series (``series_url``: the page of a
    session's series; ``doi``: the item's configured DOI, "" when none)."""
    root = ET.Element("mods", {"xmlns": NAMESPACE, "xmlns:xsi": XSI, "version": "3.8",
                               "xsi:schemaLocation": f"{NAMESPACE} {SCHEMA_LOCATION}"})
    title_info = sub(root, "titleInfo", **({"supplied": "yes"} if "title" in record.supplied else {}))
    sub(title_info, "title", record.title)
    people = archive.people
    if isinstance(item, Session):
        for appearance in item.speakers:
            if appearance.person in people:
                _person(root, people[appearance.person], "spk", appearance.affiliation)
        for appearance in item.moderators:
            if appearance.person in people:
                _person(root, people[appearance.person], "mod", appearance.affiliation)
    orgs = (item.issuer if isinstance(item, PressRelease)
            else item.organisers if isinstance(item, Series | Event) else ())
    for org_id in orgs:
        if org_id in archive.organisations:
            _organisation(root, archive, archive.organisations[org_id], "isb" if record.kind == "press" else "orm")
    if record.kind == "press":
        sub(root, "typeOfResource", "text")
    sub(root, "genre", record.genre, authority="local")
    origin = sub(root, "originInfo")
    if record.place:
        sub(sub(origin, "place"), "placeTerm", record.place, type="text")
    if record.publisher:
        sub(origin, "publisher", record.publisher, **({"supplied": "yes"} if "publisher" in record.supplied else {}))
    if record.kind == "press" and record.date:
        _date(origin, "dateIssued", record.date.isoformat(), keyDate="yes")
    elif record.kind == "series" and record.date and record.end_date:
        _date(origin, "dateOther", record.date.isoformat(), type="séances", point="start", keyDate="yes")
        _date(origin, "dateOther", record.end_date.isoformat(), type="séances", point="end")
    elif record.date:
        _date(origin, "dateOther", record.date.isoformat(), type="séance", keyDate="yes")
    if record.version:
        sub(origin, "edition", f"Version {record.version} de l’archive")
    event = archive.events.get(item.event) if isinstance(item, PressRelease) and item.event else None
    if isinstance(event, Event):
        meeting = sub(sub(root, "subject"), "name", type="conference")
        sub(meeting, "namePart", event.title)
        sub(meeting, "namePart", event.date.isoformat(), type="date")
    language = sub(root, "language")
    sub(language, "languageTerm", "fre", type="code", authority="iso639-2b")
    if doi:
        sub(root, "identifier", doi, type="doi")
    sub(root, "identifier", record.url, type="uri")
    location = sub(root, "location")
    sub(location, "url", record.url, usage="primary display")
    if record.kind == "session" and record.event_title:
        series = sub(root, "relatedItem", type="series")
        series_title = sub(series, "titleInfo", **({"supplied": "yes"} if "event_title" in record.supplied else {}))
        sub(series_title, "title", record.event_title)
        if record.number:
            sub(series_title, "partNumber", f"Séance {record.number}")
        if series_url:
            sub(sub(series, "location"), "url", series_url)
    record_info = sub(root, "recordInfo")
    sub(record_info, "recordIdentifier", record.item_id)
    language_of = sub(record_info, "languageOfCataloging")
    sub(language_of, "languageTerm", "fre", type="code", authority="iso639-2b")
    return serialise(root)
