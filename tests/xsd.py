"""Validate the archive's XML files against the official schemas vendored in tests/schemas/
(README there), offline: one helper for every format (DataCite, MODS, oai_dc, the OAI-PMH
Static Repository, EAC-CPF).

Offline by construction: every namespace and every ``schemaLocation`` a schema or a record names
maps to a vendored file (:data:`LOCAL_COPIES`, :data:`LOCATIONS`); xmlschema may open local files
only (``allow="local"``), so an address that is not vendored is refused (``XMLResourceBlocked``),
never fetched; and an instance's own ``xsi:schemaLocation`` is never followed.
``tests/test_standards.py::test_the_validator_never_reaches_the_network`` proves both.

lxml is not used: libxml2 rejects the official MODS 3.8 schema ("Duplicate attribute use 'IDREF'"
in accessConditionDefinition), which xmlschema reads as XSD 1.0 allows.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import xmlschema
from defusedxml import ElementTree

SCHEMAS = (Path(__file__).parent / "schemas").resolve()
DATACITE = SCHEMAS / "datacite-kernel-4" / "metadata.xsd"
MODS = SCHEMAS / "mods" / "mods-3-8.xsd"
EAC_CPF = SCHEMAS / "eac-cpf" / "eac.xsd"
OAI_NS = "http://www.openarchives.org/OAI/2.0/"
SR_NS = "http://www.openarchives.org/OAI/2.0/static-repository"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MODS_NS = "http://www.loc.gov/mods/v3"
EAC_NS = "https://archivists.org/ns/eac/v2"
# The addresses the schemas and records name, and the vendored copy of each.
LOCAL_COPIES = {
    "http://www.loc.gov/mods/xml.xsd": SCHEMAS / "mods" / "xml.xsd",
    "http://www.w3.org/2001/xml.xsd": SCHEMAS / "mods" / "xml.xsd",
    "http://www.loc.gov/standards/xlink/xlink.xsd": SCHEMAS / "mods" / "xlink.xsd",
    "http://www.loc.gov/standards/mods/v3/mods-3-8.xsd": MODS,
    "https://schema.datacite.org/meta/kernel-4/metadata.xsd": DATACITE,
    "https://raw.githubusercontent.com/SAA-SDT/eac-cpf-schema/master/xml-schemas/eac-cpf/eac.xsd": EAC_CPF,
}
# The namespaces of the OAI files, and the vendored schema of each.
LOCATIONS = {OAI_NS: str(SCHEMAS / "OAI-PMH.xsd"), OAI_DC_NS: str(SCHEMAS / "oai_dc.xsd"),
             DC_NS: str(SCHEMAS / "dc.xsd"), XML_NS: str(SCHEMAS / "xml.xsd")}
# OLAC's two marked changes to the OAI's static-repository.xsd, undone (schemas/README.md).
OLAC_CHANGES = (
    ('schemaLocation="http://www.language-archives.org/OLAC/1.1/OLAC-PMH.xsd"', 'schemaLocation="OAI-PMH.xsd"'),
    ('type="oai:metadataPrefixType" fixed="olac"', 'type="oai:metadataPrefixType" use="required"'),
)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def vendored(url: str) -> str:
    """The vendored copy of an address; any other address is left as it is, for xmlschema's
    ``allow="local"`` to refuse it."""
    return str(LOCAL_COPIES.get(url, url))


@functools.cache
def schema(path: Path) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(path), uri_mapper=vendored, allow="local", defuse="always")


def validate(data: bytes, xsd: Path) -> None:
    """Raise AssertionError with the schema's messages unless ``data`` is valid against ``xsd``."""
    document = xmlschema.XMLResource(data.decode("utf-8"), allow="local", defuse="always", uri_mapper=vendored)
    errors = list(schema(xsd).iter_errors(document, use_location_hints=False))
    if errors:
        raise AssertionError("\n".join(str(error) for error in errors[:5]))


def validate_eac(data: bytes) -> None:
    validate(data, EAC_CPF)


def _oai_schema(source: str | Path, base_url: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(source, base_url=base_url, locations=list(LOCATIONS.items()), allow="local",
                               defuse="always", uri_mapper=vendored)


@functools.cache
def oai_dc_schema() -> xmlschema.XMLSchema:
    return _oai_schema(SCHEMAS / "oai_dc.xsd", str(SCHEMAS))


def static_repository_text() -> str:
    text = (SCHEMAS / "static-repository-olac.xsd").read_text(encoding="utf-8")
    for olac, oai in OLAC_CHANGES:
        assert text.count(olac) == 1, f"OLAC's change not found once: {olac}"
        text = text.replace(olac, oai)
    return text


@functools.cache
def static_repository_schema() -> xmlschema.XMLSchema:
    repository = _oai_schema(static_repository_text(), str(SCHEMAS))
    # The records' metadata is checked strictly (processContents="strict"): each format's
    # schema must be known, oai_dc and MODS.
    repository.import_schema(OAI_DC_NS, LOCATIONS[OAI_DC_NS])
    repository.import_schema(MODS_NS, str(MODS))
    repository.maps.build()  # the components of a schema imported after the first build
    assert f"{{{MODS_NS}}}mods" in repository.maps.elements
    return repository


def validate_oai_dc(data: bytes) -> None:
    oai_dc_schema().validate(data.decode("utf-8"), use_location_hints=False)


def validate_static_repository(data: bytes) -> None:
    """The OAI's schema, then the restrictions of its restricted OAI-PMH schema (schemas/README.md)."""
    static_repository_schema().validate(data.decode("utf-8"), use_location_hints=False)
    root = ElementTree.fromstring(data)
    oai = f"{{{OAI_NS}}}"
    identify = root.find(f"{{{SR_NS}}}Identify")
    assert identify is not None
    assert identify.findtext(f"{oai}granularity") == "YYYY-MM-DD"
    assert identify.findtext(f"{oai}deletedRecord") == "no"
    assert identify.find(f"{oai}compression") is None
    assert DAY.fullmatch(identify.findtext(f"{oai}earliestDatestamp") or "")
    assert not root.findall(f".//{oai}resumptionToken")
    assert not root.findall(f".//{oai}setSpec")
    for record in root.iter(f"{oai}record"):
        header = record.find(f"{oai}header")
        assert header is not None and "status" not in header.attrib
        assert DAY.fullmatch(header.findtext(f"{oai}datestamp") or "")
        assert record.find(f"{oai}metadata") is not None


def clear_caches() -> None:
    """Forget every loaded schema (a test loads them again, e.g. with networking disabled)."""
    for cached in (schema, oai_dc_schema, static_repository_schema):
        cached.cache_clear()
