"""Validate XML files against the official schemas vendored in tests/schemas/ (README there),
offline: every schemaLocation maps to a vendored file, and xmlschema may open local files only
(``allow="local"``). lxml is not used: libxml2 rejects the official MODS 3.8 schema ("Duplicate
attribute use 'IDREF'" in accessConditionDefinition), which xmlschema reads as XSD 1.0 allows."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import xmlschema

SCHEMAS = (Path(__file__).parent / "schemas").resolve()
DATACITE = SCHEMAS / "datacite-kernel-4" / "metadata.xsd"
MODS = SCHEMAS / "mods" / "mods-3-8.xsd"
# The addresses the schemas and records name, and the vendored copy of each.
LOCAL_COPIES = {
    "http://www.loc.gov/mods/xml.xsd": SCHEMAS / "mods" / "xml.xsd",
    "http://www.w3.org/2001/xml.xsd": SCHEMAS / "mods" / "xml.xsd",
    "http://www.loc.gov/standards/xlink/xlink.xsd": SCHEMAS / "mods" / "xlink.xsd",
    "http://www.loc.gov/standards/mods/v3/mods-3-8.xsd": MODS,
    "https://schema.datacite.org/meta/kernel-4/metadata.xsd": DATACITE,
}


def vendored(url: str) -> str:
    return str(LOCAL_COPIES.get(url, url))


@cache
def schema(path: Path) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(path), uri_mapper=vendored, allow="local", defuse="always")


def validate(data: bytes, xsd: Path) -> None:
    """Raise AssertionError with the schema's messages unless ``data`` is valid against ``xsd``."""
    document = xmlschema.XMLResource(data.decode("utf-8"), allow="local", defuse="always", uri_mapper=vendored)
    errors = list(schema(xsd).iter_errors(document))
    if errors:
        raise AssertionError("\n".join(str(error) for error in errors[:5]))
