"""EAC-CPF 2.0 records (Society of American Archivists / Staatsbibliothek zu Berlin, namespace
``https://archivists.org/ns/eac/v2``): one per person and one per organisation of the registry,
from the model alone.

EAC-CPF 2.0 rather than the 2010 revision: it is the current version, and its schema stands
alone (the 2010 one imports XLink and ``xml.xsd`` from the W3C). The 2010 elements the archival
literature names map one to one: ``entityId`` is ``identityId``, ``nameEntryParallel`` is
``nameEntrySet``, ``cpfRelation`` and ``resourceRelation`` are ``relation`` whose
``targetEntity`` has ``targetType="corporateBody"`` (or ``person``) and ``"resource"``.

Choices:

- control: ``recordId`` is ``person:<id>`` or ``organisation:<id>``, stable as the registry's ids;
  the maintenance agency is the archive (its name, no agency code: none is configured, none is
  invented); one maintenance event, ``created`` by the machine (this extension), dated by the
  last change of the entry's page when the build knows it (git), ``status="unknown"`` otherwise;
  the sources are the registry file and the source documents of the items the entry appears in.
- identity: the authorised name in parts (family, given, particle), the registry's variants as
  alternative ``nameEntry``; for an organisation its acronym and full name too. ORCID, IdRef, ROR
  and Wikidata as ``identityId`` only when the registry has them.
- description: none. The registry gives no dates of existence, functions nor occupations, and a
  record does not invent them (an affiliation of a day is a relation, not an occupation).
- relations: a person's organisations (``affiliation``, dated by the appearances that name it);
  an organisation's parent and sub-entities (``hierarchical-parent`` / ``hierarchical-child``, the
  2010 vocabulary) and the people it is named with; every session, event and press release the
  entry appears in (``resource``), the role as ``relationType`` (speaker, moderator, quoted,
  named; for an organisation: organiser, issuer, supporter, named) and the day as ``date``.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .. import docnames
from ..archive import Archive
from ..model import Item, Organisation, Person, date_of
from .xmltext import serialise, sub

NAMESPACE = "https://archivists.org/ns/eac/v2"
SCHEMA_LOCATION = "https://raw.githubusercontent.com/SAA-SDT/eac-cpf-schema/master/xml-schemas/eac-cpf/eac.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
AGENT = "seminar_archive (extension Sphinx de l’archive)"
# (attribute, label, the identifier's URI prefix): the same schemes as the DataCite records.
PERSON_IDS = (("orcid", "ORCID", "https://orcid.org/"), ("idref", "IdRef", "https://www.idref.fr/"),
              ("wikidata", "Wikidata", "https://www.wikidata.org/wiki/"))
ORGANISATION_IDS = (("ror", "ROR", "https://ror.org/"), ("wikidata", "Wikidata", "https://www.wikidata.org/wiki/"))
KIND_LABELS = {"session": "Séance de séminaire", "event": "Événement", "press": "Communiqué de presse",
               "series": "Série de séminaires"}
# How an item names an organisation itself, by the item's attribute.
ORGANISATION_ROLES = (("organisers", "organiser"), ("issuer", "issuer"), ("supporters", "supporter"),
                      ("organisations", "named"))

UrlFor = Callable[[str], str]


@dataclass(frozen=True)
class Agency:
    """Who maintains the records: the archive, as configured."""

    name: str
    registry_label: str = "Registre des personnes et des organisations de l’archive"


def person_docname(person_id: str) -> str:
    return docnames.person(person_id)


def organisation_docname(org_id: str) -> str:
    return docnames.organisation(org_id)


def eac_path(data_dir: str, entry: Person | Organisation) -> str:
    """Where an entry's record is published: data/people/<id>.eac.xml, data/organisations/<id>.eac.xml."""
    folder = "people" if isinstance(entry, Person) else "organisations"
    return f"{data_dir}/{folder}/{entry.id}.eac.xml"


def _date(parent: ET.Element, tag: str, day: dt.date) -> None:
    sub(parent, tag, day.isoformat(), standardDate=day.isoformat())


def _dates(parent: ET.Element, days: Iterable[dt.date]) -> None:
    ordered = sorted(set(days))
    if len(ordered) == 1:
        _date(parent, "date", ordered[0])
    elif ordered:
        span = sub(parent, "dateRange")
        _date(span, "fromDate", ordered[0])
        _date(span, "toDate", ordered[-1])


def _control(root: ET.Element, record_id: str, agency: Agency, page_url: str, changed: dt.date | None,
             sources: Iterable[tuple[str, str]]) -> None:
    control = sub(root, "control", maintenanceStatus="new", publicationStatus="approved")
    sub(control, "recordId", record_id)
    sub(sub(control, "maintenanceAgency"), "agencyName", agency.name)
    event = sub(sub(control, "maintenanceHistory"), "maintenanceEvent", maintenanceEventType="created")
    sub(event, "agent", AGENT, agentType="machine")
    if changed is not None:
        sub(event, "eventDateTime", changed.isoformat(), standardDateTime=changed.isoformat())
    else:  # outside git: the build does not know, and does not stamp today
        sub(event, "eventDateTime", "Date inconnue")
    listed = sub(control, "sources")
    for label, href in sources:
        source = sub(listed, "source", **({"href": href} if href else {}))
        sub(source, "reference", label)
    sub(control, "languageDeclaration", languageCode="fre", scriptCode="Latn")
    sub(control, "representation", "Page de l’archive (HTML)", href=page_url)


def _identity_ids(identity: ET.Element, entry: Person | Organisation) -> None:
    schemes = PERSON_IDS if isinstance(entry, Person) else ORGANISATION_IDS
    for attribute, label, prefix in schemes:
        value = getattr(entry, attribute, None)
        if value:
            sub(identity, "identityId", value, localType=label, valueURI=prefix + value)


def _resource(relations: ET.Element, item: Item, url_for: UrlFor, role: str) -> None:
    relation = sub(relations, "relation")
    target = sub(relation, "targetEntity", targetType="resource", valueURI=url_for(item.docname))
    sub(target, "part", item.title)
    day = date_of(item)
    if day is not None and day.year > 1:
        _date(relation, "date", day)
    sub(relation, "relationType", role)
    sub(relation, "targetRole", KIND_LABELS.get(item.kind, item.kind))


def _agent(relations: ET.Element, target_type: str, name: str, url: str, relation_type: str,
           days: Iterable[dt.date] = ()) -> None:
    relation = sub(relations, "relation")
    sub(sub(relation, "targetEntity", targetType=target_type, valueURI=url), "part", name)
    _dates(relation, days)
    sub(relation, "relationType", relation_type)


def _sources(archive: Archive, entry: Person | Organisation, items: Iterable[Item]) -> list[tuple[str, str]]:
    found = [(f"{Agency.registry_label} ({entry.where.path})" if entry.where.path else Agency.registry_label, "")]
    for source in dict.fromkeys(item.source for item in items if item.source):
        found.append((source, ""))
    return found


def _finish(root: ET.Element, relations: ET.Element) -> str:
    description = root.find("cpfDescription")
    if len(relations) and description is not None:
        description.append(relations)
    return serialise(root)


def _root() -> ET.Element:
    return ET.Element("eac", {"xmlns": NAMESPACE, "xmlns:xsi": XSI,
                              "xsi:schemaLocation": f"{NAMESPACE} {SCHEMA_LOCATION}"})


def person_eac(archive: Archive, person: Person, agency: Agency, url_for: UrlFor,
               changed: dt.date | None = None) -> str:
    """The EAC-CPF record of a person of the registry."""
    appearances = archive.appearances_by_person.get(person.id, [])
    root = _root()
    _control(root, f"person:{person.id}", agency, url_for(person_docname(person.id)), changed,
             _sources(archive, person, (pa.item for pa in appearances)))
    identity = sub(sub(root, "cpfDescription"), "identity")
    sub(identity, "entityType", value="person")
    name = sub(identity, "nameEntry", status="authorized", preferredForm="true", languageOfElement="fre")
    sub(name, "part", person.family, localType="familyName")
    if person.given:
        sub(name, "part", person.given, localType="givenName")
    if person.particle:
        sub(name, "part", person.particle, localType="particle")
    for variant in dict.fromkeys(v for v in person.variants if v and v != person.display_name):
        sub(sub(identity, "nameEntry", status="alternative"), "part", variant)
    _identity_ids(identity, person)
    relations = ET.Element("relations")
    affiliations: dict[str, list[dt.date]] = {}
    for pa in appearances:
        for org_id in pa.appearance.organisations:
            affiliations.setdefault(org_id, []).append(pa.item.date)
    for org_id, days in affiliations.items():
        org = archive.organisations.get(org_id)
        if org is not None:
            _agent(relations, "corporateBody", org.display_name, url_for(organisation_docname(org_id)),
                   "affiliation", days)
    for pa in appearances:
        _resource(relations, pa.item, url_for, str(pa.appearance.role))
    return _finish(root, relations)


def organisation_eac(archive: Archive, org: Organisation, agency: Agency, url_for: UrlFor,
                     changed: dt.date | None = None) -> str:
    """The EAC-CPF record of an organisation of the registry."""
    named = archive.items_by_organisation.get(org.id, [])
    root = _root()
    _control(root, f"organisation:{org.id}", agency, url_for(organisation_docname(org.id)), changed,
             _sources(archive, org, (item for item, _person in named)))
    identity = sub(sub(root, "cpfDescription"), "identity")
    sub(identity, "entityType", value="corporateBody")
    name = sub(identity, "nameEntry", status="authorized", preferredForm="true", languageOfElement="fre")
    sub(name, "part", org.name)
    alternatives = [org.full_name, org.acronym, *org.variants]
    for variant in dict.fromkeys(v for v in alternatives if v and v != org.name):
        entry = sub(identity, "nameEntry", status="alternative")
        sub(entry, "part", variant, **({"localType": "acronym"} if variant == org.acronym else {}))
    _identity_ids(identity, org)
    relations = ET.Element("relations")
    parent = archive.organisations.get(org.parent or "")
    if parent is not None and parent.id != org.id:
        _agent(relations, "corporateBody", parent.display_name, url_for(organisation_docname(parent.id)),
               "hierarchical-parent")
    for child in archive.children_of(org.id):
        if child.id != org.id:
            _agent(relations, "corporateBody", child.display_name, url_for(organisation_docname(child.id)),
                   "hierarchical-child")
    people: dict[str, list[dt.date]] = {}
    for item, person_id in named:
        if person_id is not None:
            people.setdefault(person_id, []).append(date_of(item) or dt.date(1, 1, 1))
    for person_id, days in people.items():
        person = archive.people.get(person_id)
        if person is not None:
            _agent(relations, "person", person.display_name, url_for(person_docname(person_id)), "affiliation",
                   (d for d in days if d.year > 1))
    for item, person_id in named:
        if person_id is None:
            named_in = {attribute for attribute, named in item.organisation_fields if org.id in named}
            roles = [role for attribute, role in ORGANISATION_ROLES if attribute in named_in]
            _resource(relations, item, url_for, roles[0] if roles else "named")
    return _finish(root, relations)


def eac_files(archive: Archive, data_dir: str, agency: Agency, url_for: UrlFor,
              changed_of: Callable[[str], dt.date | None]) -> Iterable[tuple[str, str]]:
    """(path in the output, text) of every EAC-CPF record; ``changed_of(docname)``: the day the
    entry's page last changed, None when unknown."""
    for person in archive.people.values():
        yield eac_path(data_dir, person), person_eac(archive, person, agency, url_for,
                                                     changed_of(person_docname(person.id)))
    for org in archive.organisations.values():
        yield eac_path(data_dir, org), organisation_eac(archive, org, agency, url_for,
                                                        changed_of(organisation_docname(org.id)))
