"""An OAI-PMH Static Repository (``data/oai.xml``): Identify, ListMetadataFormats, ListRecords.

The Open Archives Initiative's "Static Repository" specification: one XML file that a Static
Repository Gateway serves to harvesters as OAI-PMH. It restricts OAI-PMH: datestamps are days
(granularity ``YYYY-MM-DD``), there are no deleted records (``deletedRecord`` is ``no``), no
resumption tokens, and record headers carry no ``setSpec`` (a static repository has no sets: the
series and kinds of records are said by ``dc:relation`` and ``dc:type`` instead).

Each metadata format is one ``ListRecords`` block. ``oai_dc`` is the one the protocol requires;
MODS (:data:`MODS`, each record made by ``standards/mods.py``) is one more :class:`MetadataFormat`
and one more block: see :func:`static_repository`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree

from .dublincore import OAI_DC_NS, OAI_DC_SCHEMA, XSI_NS, DublinCore, oai_dc_element, to_xml, xml_text

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
SR_NS = "http://www.openarchives.org/OAI/2.0/static-repository"
SR_SCHEMA = "http://www.openarchives.org/OAI/2.0/static-repository.xsd"
FALLBACK_HOST = "archive.invalid"
MODS_NS = "http://www.loc.gov/mods/v3"
MODS_SCHEMA = "http://www.loc.gov/standards/mods/v3/mods-3-8.xsd"


def repository_host(base_url: str) -> str:
    """The host of the configured site address, which names the repository in OAI identifiers."""
    host = urlsplit(base_url).hostname or ""
    return host if "." in host else FALLBACK_HOST  # the oai-identifier scheme needs a domain name


def oai_identifier(host: str, item_id: str) -> str:
    """``oai:<host>:<id>``: stable as long as the site's host and the item's id are."""
    return f"oai:{host}:{item_id}"


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    # One record's metadata element.
    element: Callable[[HarvestRecord], ElementTree.Element]


OAI_DC = MetadataFormat("oai_dc", OAI_DC_SCHEMA, OAI_DC_NS, lambda record: oai_dc_element(record.metadata, False))
# MODS 3.8: the item's record from standards/mods.py, carried by the harvest record (``others``).
MODS = MetadataFormat("mods", MODS_SCHEMA, MODS_NS, lambda record: record.other("mods"))


@dataclass(frozen=True)
class HarvestRecord:
    item_id: str
    datestamp: dt.date  # the UTC day of the record's last change
    metadata: DublinCore
    # (metadata prefix, the record's element in that format) for formats other than oai_dc.
    others: tuple[tuple[str, ElementTree.Element], ...] = ()

    def other(self, prefix: str) -> ElementTree.Element:
        return dict(self.others)[prefix]


@dataclass(frozen=True)
class Repository:
    name: str
    base_url: str  # the gateway's address of this file, or the file's own when no gateway is known
    admin_emails: tuple[str, ...]
    host: str


def _sub(parent: ElementTree.Element, tag: str, text: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag)
    element.text = xml_text(text)
    return element


def static_repository(repository: Repository, records: Sequence[HarvestRecord],
                      formats: Sequence[MetadataFormat] = (OAI_DC,)) -> bytes:
    """The Static Repository document, records in the given order (deterministic)."""
    for prefix, uri in (("sr", SR_NS), ("oai", OAI_NS), ("oai_dc", OAI_DC_NS), ("mods", MODS_NS), ("xsi", XSI_NS)):
        ElementTree.register_namespace(prefix, uri)
    root = ElementTree.Element(f"{{{SR_NS}}}Repository")
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{SR_NS} {SR_SCHEMA}")
    identify = ElementTree.SubElement(root, f"{{{SR_NS}}}Identify")
    _sub(identify, f"{{{OAI_NS}}}repositoryName", repository.name)
    _sub(identify, f"{{{OAI_NS}}}baseURL", repository.base_url)
    _sub(identify, f"{{{OAI_NS}}}protocolVersion", "2.0")
    for email in repository.admin_emails:
        _sub(identify, f"{{{OAI_NS}}}adminEmail", email)
    earliest = min((r.datestamp for r in records), default=dt.date(1970, 1, 1))
    _sub(identify, f"{{{OAI_NS}}}earliestDatestamp", earliest.isoformat())
    _sub(identify, f"{{{OAI_NS}}}deletedRecord", "no")
    _sub(identify, f"{{{OAI_NS}}}granularity", "YYYY-MM-DD")
    listed = ElementTree.SubElement(root, f"{{{SR_NS}}}ListMetadataFormats")
    for fmt in formats:
        entry = ElementTree.SubElement(listed, f"{{{OAI_NS}}}metadataFormat")
        _sub(entry, f"{{{OAI_NS}}}metadataPrefix", fmt.prefix)
        _sub(entry, f"{{{OAI_NS}}}schema", fmt.schema)
        _sub(entry, f"{{{OAI_NS}}}metadataNamespace", fmt.namespace)
    for fmt in formats:
        block = ElementTree.SubElement(root, f"{{{SR_NS}}}ListRecords", metadataPrefix=fmt.prefix)
        for record in records:
            entry = ElementTree.SubElement(block, f"{{{OAI_NS}}}record")
            header = ElementTree.SubElement(entry, f"{{{OAI_NS}}}header")
            _sub(header, f"{{{OAI_NS}}}identifier", oai_identifier(repository.host, record.item_id))
            _sub(header, f"{{{OAI_NS}}}datestamp", record.datestamp.isoformat())
            metadata = ElementTree.SubElement(entry, f"{{{OAI_NS}}}metadata")
            metadata.append(fmt.element(record))
    return to_xml(root)
