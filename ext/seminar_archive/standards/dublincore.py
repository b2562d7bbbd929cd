"""Dublin Core for an item: the ``DC.*``/``DCTERMS.*`` meta of its page and its ``oai_dc`` record.

From the citation record and the model alone, like the citation formats. The values are the
archive's plain text; machine fields never carry the square brackets of a supplied title.

- ``dc:type`` twice: the DCMI Type (``Event``, ``Text``, ``Collection``), which harvesters map,
  then the one type word of the archive (Zotero's type field reads ``DC.type``).
- No ``dc:coverage``: a press release's place of issue is not its coverage (Zotero reads
  ``DC.coverage`` as "Loc. in Archive"), and no ``dc:rights``: the sources state no licence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from ..citations.common import family_with_particle
from ..citations.record import CitationRecord, Name
from ..model import Item

DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
DCMI_TYPES = {"session": "Event", "press": "Text", "series": "Collection"}
# What XML 1.0 cannot hold at all, escaped or not: control characters but tab and line ends,
# lone surrogates, U+FFFE and U+FFFF. A page may carry them; an XML file must not.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (ElementTree escapes the rest)."""
    return NOT_XML.sub("", text)


@dataclass(frozen=True)
class DublinCore:
    """The fifteen elements we can fill from the sources, each a tuple of plain strings."""

    title: tuple[str, ...]
    creator: tuple[str, ...]
    contributor: tuple[str, ...]
    subject: tuple[str, ...]
    publisher: tuple[str, ...]
    date: tuple[str, ...]
    type: tuple[str, ...]
    identifier: tuple[str, ...]
    source: tuple[str, ...]
    language: tuple[str, ...]
    relation: tuple[str, ...]
    # The item's kind and what it is part of, for DCTERMS meta only.
    kind: str = ""
    is_part_of: str = ""

    ORDER = ("title", "creator", "contributor", "subject", "publisher", "date", "type", "identifier",
             "source", "language", "relation")


def _inverted(name: Name) -> str:
    return name.literal or f"{family_with_particle(name)}, {name.given}".strip(", ")


def dublin_core(record: CitationRecord, item: Item) -> DublinCore:
    """The Dublin Core description of a citable item (a session, press release or series)."""
    dates = [record.date.isoformat()] if record.date else []
    if record.kind == "series" and record.date and record.end_date:
        dates = [f"{record.date.isoformat()}/{record.end_date.isoformat()}"]  # a W3CDTF-style range
    return DublinCore(
        title=(record.title,),
        creator=tuple(_inverted(n) for n in record.authors),
        contributor=tuple(_inverted(n) for n in record.chairs),
        subject=tuple(item.themes),
        publisher=(record.publisher,) if record.publisher else (),
        date=tuple(dates),
        type=tuple(t for t in (DCMI_TYPES.get(record.kind, ""), record.genre) if t),
        identifier=(record.latest_url or record.url,),
        source=(item.source,) if item.source else (),
        language=(record.language,),
        relation=(record.event_title,) if record.event_title else (),
        kind=record.kind,
        is_part_of=record.event_title,
    )


def meta_tags(dc: DublinCore) -> list[tuple[str, str]]:
    """(name, content) pairs for the page head, in the DC-HTML convention (``DC.title``)."""
    # DC.type: the archive's type word only, as Zotero reads it into its type field; the DCMI
    # Type is in the oai_dc record. No DC.relation: DCTERMS.isPartOf says it better.
    tags = [(f"DC.{element}", value) for element in DublinCore.ORDER if element not in ("relation", "type")
            for value in getattr(dc, element)]
    tags += [("DC.type", value) for value in dc.type[-1:]]
    if dc.is_part_of:
        tags.append(("DCTERMS.isPartOf", dc.is_part_of))
    if dc.date and dc.kind == "press":
        tags.append(("DCTERMS.issued", dc.date[0]))
    return [(name, xml_text(value)) for name, value in tags if value]


SCHEMA_LINKS = (("schema.DC", DC_NS), ("schema.DCTERMS", DCTERMS_NS))


def oai_dc_element(dc: DublinCore, schema_location: bool = True) -> ElementTree.Element:
    """``<oai_dc:dc>`` with one ``dc:*`` child per value, in the elements' order."""
    root = ElementTree.Element(f"{{{OAI_DC_NS}}}dc")
    if schema_location:
        root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_SCHEMA}")
    for element in DublinCore.ORDER:
        for value in getattr(dc, element):
            if value:
                ElementTree.SubElement(root, f"{{{DC_NS}}}{element}").text = xml_text(value)
    return root


def register_namespaces() -> None:
    """The usual prefixes in the files we write (``oai_dc:``, ``dc:``, ``xsi:``)."""
    for prefix, uri in (("oai_dc", OAI_DC_NS), ("dc", DC_NS), ("xsi", XSI_NS)):
        ElementTree.register_namespace(prefix, uri)


def to_xml(root: ElementTree.Element) -> bytes:
    register_namespaces()
    ElementTree.indent(root)
    body: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def oai_dc_xml(dc: DublinCore) -> bytes:
    """A standalone ``oai_dc`` record, UTF-8."""
    return to_xml(oai_dc_element(dc))
