"""Metadata embedded in an item page's head, for reference managers and search engines.

- Highwire Press ``citation_*`` tags, read by Google Scholar and by Zotero's Embedded
  Metadata translator.
- ``eprints.*`` tags: with ``eprints.type = conference_item`` and ``eprints.ispublished =
  unpub``, Zotero's RDF import makes a *presentation* item; ``eprints.event_title`` becomes
  its meeting name, ``eprints.creators_name`` its presenters and ``eprints.contributors_name``
  (our moderators) its contributors.
- schema.org JSON-LD: an Event in an EventSeries for a session, a NewsArticle for a press
  release, an EventSeries for the series.

Google Scholar requires ``citation_title``, ``citation_publication_date`` and at least one
``citation_author``: a session page names its speakers there (and in ``eprints.creators_name``).
Zotero keeps Highwire authors over eprints creators when both are present and then drops the
eprints contributors, so the moderators reach Zotero from the page in the abstract (the page's
description, "… Animation : …"), not as creators. ``citation_conference_title`` is not given: it
would make Zotero create a conference paper instead of a presentation. A press release is a
report for Zotero (``citation_technical_report_institution``), its type in ``DC.type`` (Zotero's
report type; standards/dublincore.py), its place in ``eprints.place_of_pub`` (Zotero's place; ``DC.coverage`` became
"Loc. in Archive"). Machine fields carry plain titles, never the square brackets of a supplied one.
"""

from __future__ import annotations

from typing import Any

from .. import docnames
from ..archive import Archive
from ..model import Event, Item, PressRelease, Series, Session
from .common import family_with_particle
from .record import CitationRecord, Name, organisation_name

MetaTags = list[tuple[str, str]]


def _slashed(record: CitationRecord) -> str:
    return record.date.strftime("%Y/%m/%d") if record.date else ""


def _inverted(name: Name) -> str:
    """'Commaille-Chapus, Catherine', 'de La Fontaine, Jean'; an organisation's whole name."""
    return name.literal or f"{family_with_particle(name)}, {name.given}".strip(", ")


def meta_tags(record: CitationRecord) -> MetaTags:
    """(name, content) pairs for the page of ``record``'s item; content is plain text."""
    tags: MetaTags = [("citation_title", record.title)]
    if record.date:
        tags += [("citation_date", _slashed(record)), ("citation_publication_date", _slashed(record))]
    tags += [("citation_language", record.language), ("citation_public_url", record.url)]
    if record.doi:
        tags += [("citation_doi", record.doi), ("DC.identifier", f"https://doi.org/{record.doi}")]
    if record.publisher:
        tags.append(("citation_publisher", record.publisher))
    if record.kind == "session":
        tags += [("citation_author", _inverted(n)) for n in record.authors]
        tags += [("eprints.type", "conference_item"), ("eprints.ispublished", "unpub")]
        tags += [("eprints.creators_name", _inverted(n)) for n in record.authors if not n.is_corporate]
        tags += [("eprints.contributors_name", _inverted(n)) for n in record.chairs]
        if record.event_title:
            tags.append(("eprints.event_title", record.event_title))
        # Zotero's presentation type: the same word as the files' (RIS M3, CSL genre).
        tags += [("eprints.event_type", record.genre), ("eprints.event_dates", record.date.isoformat() if record.date
                                                                                 else "")]
        if record.date:
            tags.append(("eprints.date", record.date.isoformat()))
        if record.event_place:
            tags.append(("eprints.event_location", record.event_place))
    elif record.kind == "press":
        # A press release is a report by its issuer for Zotero; its genre says what it is.
        if record.publisher:
            tags.append(("citation_technical_report_institution", record.publisher))
        if record.place:
            tags.append(("eprints.place_of_pub", record.place))
    else:
        tags += [("citation_author", _inverted(n)) for n in record.authors if not n.is_corporate]
    return [(name, content) for name, content in tags if content]


def _person(archive: Archive, person_id: str, url_for: Any) -> dict[str, Any]:
    person = archive.people[person_id]
    found: dict[str, Any] = {"@type": "Person", "name": person.display_name, "familyName": person.family,
                             "givenName": person.given, "url": url_for(docnames.person(person.id))}
    same_as = [u for u in (
        f"https://orcid.org/{person.orcid}" if person.orcid else "",
        f"https://www.idref.fr/{person.idref}" if person.idref else "",
        f"https://www.wikidata.org/wiki/{person.wikidata}" if person.wikidata else "",
    ) if u]
    if same_as:
        found["sameAs"] = same_as
    return found


def _organisation(archive: Archive, org_id: str, url_for: Any) -> dict[str, Any]:
    """An organisation, named as the citations name it ("Chaire santé (Sciences Po)")."""
    orgs = archive.organisations
    org = orgs[org_id]
    return {"@type": "Organization", "name": organisation_name(org, orgs.get(org.parent or "")),
            "url": url_for(docnames.organisation(org.id))}


def _event(archive: Archive, event: Event, url_for: Any) -> dict[str, Any]:
    """A one-off event (the symposium) as schema.org describes it."""
    found: dict[str, Any] = {"@type": "Event", "name": event.title, "startDate": event.date.isoformat(),
                             "url": url_for(event.docname)}
    if event.venue:
        found["location"] = {"@type": "Place", "name": event.venue}
    people = {"performer": event.speakers, "contributor": event.moderators}
    for key, appearances in people.items():
        named = [_person(archive, a.person, url_for) for a in appearances if a.person in archive.people]
        if named:
            found[key] = named
    for key, ids in (("organizer", event.organisers), ("sponsor", event.supporters)):
        named = [_organisation(archive, o, url_for) for o in ids if o in archive.organisations]
        if named:
            found[key] = named
    return found


def json_ld(archive: Archive, item: Item, url_for: Any, image: str = "") -> dict[str, Any]:
    """schema.org description of an item; ``url_for`` turns a docname into an absolute URL, ``image``
    is the absolute URL of the item's card (a NewsArticle needs one)."""
    base: dict[str, Any] = {"@context": "https://schema.org", "url": url_for(item.docname), "inLanguage": "fr",
                            "identifier": item.id}
    if image:
        base["image"] = image
    if item.doi:
        base["identifier"] = [item.id, {"@type": "PropertyValue", "propertyID": "DOI", "value": item.doi}]
        base["sameAs"] = f"https://doi.org/{item.doi}"
    if isinstance(item, Session):
        series = archive.series.get(item.series)
        found = {**base, "@type": "Event", "name": item.title, "startDate": item.date.isoformat(),
                 "performer": [_person(archive, a.person, url_for) for a in item.speakers
                               if a.person in archive.people],
                 "contributor": [_person(archive, a.person, url_for) for a in item.moderators
                                 if a.person in archive.people]}
        if series:
            found["superEvent"] = {
                "@type": "EventSeries", "name": series.title, "url": url_for(series.docname),
                "organizer": [_organisation(archive, o, url_for) for o in series.organisers
                              if o in archive.organisations],
            }
        if item.themes:
            found["keywords"] = ", ".join(item.themes)
        return found
    if isinstance(item, PressRelease):
        found = {**base, "@type": "NewsArticle", "headline": item.title, "datePublished": item.date.isoformat(),
                 "author": [_organisation(archive, o, url_for) for o in item.issuer if o in archive.organisations],
                 "publisher": [_organisation(archive, o, url_for) for o in item.issuer if o in archive.organisations],
                 "mentions": [_person(archive, a.person, url_for) for a in item.people if a.person in archive.people]}
        event = archive.events.get(item.event) if item.event else None
        if event:
            found["about"] = {"@type": "Event", "name": event.title, "startDate": event.date.isoformat(),
                              "url": url_for(event.docname), "location": {"@type": "Place", "name": event.venue}}
        return found
    if isinstance(item, Event):
        found = {**base, **_event(archive, item, url_for), "url": url_for(item.docname)}
        about = [p for p in archive.press_in_order() if p.event == item.id]
        if about:
            found["subjectOf"] = [{"@type": "NewsArticle", "headline": p.title, "url": url_for(p.docname),
                                   "datePublished": p.date.isoformat()} for p in about]
        return found
    if isinstance(item, Series):
        sessions = archive.sessions_of_series(item.id)
        return {**base, "@type": "EventSeries", "name": item.title,
                "organizer": [_organisation(archive, o, url_for) for o in item.organisers
                              if o in archive.organisations],
                "startDate": sessions[0].date.isoformat() if sessions else None,
                "endDate": sessions[-1].date.isoformat() if sessions else None,
                "subEvent": [{"@type": "Event", "name": s.title, "url": url_for(s.docname),
                              "startDate": s.date.isoformat()} for s in sessions]}
    return {}
