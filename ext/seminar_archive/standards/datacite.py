"""DataCite Metadata Schema 4.x (kernel-4) records, ready to mint a DOI: from the model alone.

Choices (the kernel's documentation, https://datacite-metadata-schema.readthedocs.io/en/4.7/):

- resourceTypeGeneral: ``Event`` for a session, ``Text`` for a press release (its resourceType
  "Communiqué de presse": ``Report`` is for reports, which a press release is not), ``Collection``
  for the series.
- Creators: the speakers; a press release's issuer; the series' organisers. A session without
  speakers (a working session) gets DataCite's standard value for unknown information, ``:unav``:
  the organisers did not present it, and no creator is invented.
- Contributors: moderators as ``Other`` (the kernel has no chair or moderator type); the
  organisations that hold the series as ``HostingInstitution``.
- Identifier: the item's DOI when one is configured; otherwise none is invented: the required
  ``identifier`` holds the page's address with ``identifierType="URL"`` until a DOI is minted
  (the minting agent replaces it), and the address is also an ``alternateIdentifier``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..archive import Archive
from ..citations.record import CitationRecord
from ..model import Item, Organisation, Person, PressRelease, Series, Session, moderators_of, speakers_of
from .xmltext import serialise, sub

NAMESPACE = "http://datacite.org/schema/kernel-4"
SCHEMA_LOCATION = "https://schema.datacite.org/meta/kernel-4/metadata.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
UNAVAILABLE = ":unav"  # DataCite's standard value: "value unavailable, possibly unknown"

RESOURCE_TYPES = {"session": ("Event", "Séance de séminaire"), "press": ("Text", "Communiqué de presse"),
                  "series": ("Collection", "Séminaire")}
# (scheme name, scheme URI, the identifier's URI prefix), as the kernel's examples write them.
PERSON_SCHEMES = (("orcid", "ORCID", "https://orcid.org/"), ("idref", "IdRef", "https://www.idref.fr/"),
                  ("wikidata", "Wikidata", "https://www.wikidata.org/wiki/"))
ORGANISATION_SCHEMES = (("ror", "ROR", "https://ror.org/"), ("wikidata", "Wikidata", "https://www.wikidata.org/wiki/"))


def _identifiers(parent: ET.Element, entry: Person | Organisation) -> None:
    schemes = PERSON_SCHEMES if isinstance(entry, Person) else ORGANISATION_SCHEMES
    for attribute, scheme, prefix in schemes:
        value = getattr(entry, attribute, None)
        if value:
            sub(parent, "nameIdentifier", prefix + value, nameIdentifierScheme=scheme, schemeURI=prefix)


def _person(parent: ET.Element, tag: str, person: Person, affiliation: str = "", **attributes: str) -> None:
    element = sub(parent, tag, **attributes)
    sub(element, f"{tag}Name", person.sort_name, nameType="Personal")
    if person.given:
        sub(element, "givenName", person.given)
    sub(element, "familyName", f"{person.particle} {person.family}".strip() if person.particle else person.family)
    _identifiers(element, person)
    if affiliation:  # the role and affiliation of that day, as the source gives them
        sub(element, "affiliation", affiliation)


def _organisation(parent: ET.Element, tag: str, org: Organisation, name: str, **attributes: str) -> None:
    element = sub(parent, tag, **attributes)
    sub(element, f"{tag}Name", name, nameType="Organizational")
    _identifiers(element, org)


def _organisation_name(archive: Archive, org: Organisation) -> str:
    parent = archive.organisations.get(org.parent or "")
    return f"{org.name} ({parent.name})" if parent else org.name


def _creators(root: ET.Element, archive: Archive, item: Item) -> None:
    creators = sub(root, "creators")
    speakers = speakers_of(item)
    orgs: tuple[str, ...] = (item.issuer if isinstance(item, PressRelease)
                             else item.organisers if isinstance(item, Series) else ())
    for appearance in speakers:
        if appearance.person in archive.people:
            _person(creators, "creator", archive.people[appearance.person], appearance.affiliation)
    for org_id in orgs:
        if org_id in archive.organisations:
            org = archive.organisations[org_id]
            _organisation(creators, "creator", org, _organisation_name(archive, org))
    if not len(creators):
        sub(sub(creators, "creator"), "creatorName", UNAVAILABLE)


def _contributors(root: ET.Element, archive: Archive, item: Item) -> None:
    contributors = ET.Element("contributors")
    for appearance in moderators_of(item):
        if appearance.person in archive.people:
            _person(contributors, "contributor", archive.people[appearance.person], appearance.affiliation,
                    contributorType="Other")
    series = archive.series.get(item.series) if isinstance(item, Session) else None
    hosts = series.organisers if series else ()
    for org_id in hosts:
        if org_id in archive.organisations:
            org = archive.organisations[org_id]
            _organisation(contributors, "contributor", org, _organisation_name(archive, org),
                          contributorType="HostingInstitution")
    if len(contributors):
        root.append(contributors)


def datacite_xml(archive: Archive, item: Item, record: CitationRecord, series_url: str = "",
                 part_urls: tuple[str, ...] = (), doi: str = "") -> str:
    """The DataCite record of a session, press release or series. ``series_url``: the page of the
    series a session belongs to; ``part_urls``: the sessions' pages, for the series; ``doi``: the
    item's configured DOI (bare, ``10.xxxx/...``), "" when none."""
    general, label = RESOURCE_TYPES[record.kind]
    root = ET.Element("resource", {"xmlns": NAMESPACE, "xmlns:xsi": XSI,
                                   "xsi:schemaLocation": f"{NAMESPACE} {SCHEMA_LOCATION}"})
    if doi:
        sub(root, "identifier", doi, identifierType="DOI")
    else:
        sub(root, "identifier", record.url, identifierType="URL")
    _creators(root, archive, item)
    titles = sub(root, "titles")
    sub(titles, "title", record.title, **{"xml:lang": record.language})
    sub(root, "publisher", record.publisher or UNAVAILABLE, **{"xml:lang": record.language})
    sub(root, "publicationYear", record.year or UNAVAILABLE)
    sub(root, "resourceType", label, resourceTypeGeneral=general)
    _contributors(root, archive, item)
    dates = sub(root, "dates")
    if record.kind == "series" and record.date and record.end_date:
        sub(dates, "date", f"{record.date.isoformat()}/{record.end_date.isoformat()}", dateType="Other",
            dateInformation="Dates des séances de la série")
    elif record.kind == "session" and record.date:
        sub(dates, "date", record.date.isoformat(), dateType="Other", dateInformation="Date de la séance")
    elif record.date:
        sub(dates, "date", record.date.isoformat(), dateType="Issued")
    if record.event_date:
        sub(dates, "date", record.event_date.isoformat(), dateType="Other",
            dateInformation="Date de l’événement annoncé")
    if not len(dates):
        root.remove(dates)
    sub(root, "language", record.language)
    alternates = sub(root, "alternateIdentifiers")
    sub(alternates, "alternateIdentifier", record.url, alternateIdentifierType="URL")
    related = ET.Element("relatedIdentifiers")
    if series_url:
        sub(related, "relatedIdentifier", series_url, relatedIdentifierType="URL", relationType="IsPartOf")
    for url in part_urls:
        sub(related, "relatedIdentifier", url, relatedIdentifierType="URL", relationType="HasPart")
    if record.version and record.latest_url and record.latest_url != record.url:
        # This version's page is one version of the page the latest address always shows.
        sub(related, "relatedIdentifier", record.latest_url, relatedIdentifierType="URL", relationType="IsVersionOf")
    if len(related):
        root.append(related)
    if record.version:
        sub(root, "version", record.version)
    return serialise(root)
