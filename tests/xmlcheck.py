"""Validate the archive's XML files against the vendored official schemas (tests/schemas), offline.

Every namespace is mapped to a file in tests/schemas; xmlschema may read only local files
(``allow="local"``) and never follows an instance's ``xsi:schemaLocation``. See schemas/README.md
for where each file comes from and why the static repository schema is adapted on loading.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import xmlschema
from defusedxml import ElementTree

SCHEMAS = Path(__file__).parent / "schemas"
OAI_NS = "http://www.openarchives.org/OAI/2.0/"
SR_NS = "http://www.openarchives.org/OAI/2.0/static-repository"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_NS = "http://www.w3.org/XML/1998/namespace"
LOCATIONS = {OAI_NS: str(SCHEMAS / "OAI-PMH.xsd"), OAI_DC_NS: str(SCHEMAS / "oai_dc.xsd"),
             DC_NS: str(SCHEMAS / "dc.xsd"), XML_NS: str(SCHEMAS / "xml.xsd")}
# OLAC's two marked changes to the OAI's static-repository.xsd, undone (schemas/README.md).
OLAC_CHANGES = (
    ('schemaLocation="http://www.language-archives.org/OLAC/1.1/OLAC-PMH.xsd"', 'schemaLocation="OAI-PMH.xsd"'),
    ('type="oai:metadataPrefixType" fixed="olac"', 'type="oai:metadataPrefixType" use="required"'),
)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _schema(source: str | Path, base_url: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(source, base_url=base_url, locations=list(LOCATIONS.items()), allow="local",
                               defuse="always")


@functools.cache
def oai_dc_schema() -> xmlschema.XMLSchema:
    return _schema(SCHEMAS / "oai_dc.xsd", str(SCHEMAS))


def static_repository_text() -> str:
    text = (SCHEMAS / "static-repository-olac.xsd").read_text(encoding="utf-8")
    for olac, oai in OLAC_CHANGES:
        assert text.count(olac) == 1, f"OLAC's change not found once: {olac}"
        text = text.replace(olac, oai)
    return text


@functools.cache
def static_repository_schema() -> xmlschema.XMLSchema:
    schema = _schema(static_repository_text(), str(SCHEMAS))
    # The records' metadata is checked strictly (processContents="strict"): oai_dc must be known.
    schema.import_schema(OAI_DC_NS, LOCATIONS[OAI_DC_NS])
    return schema


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
