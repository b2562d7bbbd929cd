"""What every XML record of the archive shares: text made safe for XML 1.0, and serialisation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# XML 1.0 allows tab, line feed and carriage return, and no other C0 control character (nor
# U+FFFE/U+FFFF, nor lone surrogates): a page's text with one would make the file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (escaping of <, & and ]]> is the
    serialiser's)."""
    return _NOT_XML.sub("", text)


def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element, its text and attribute values made XML-safe."""
    element = ET.SubElement(parent, tag, {name: xml_safe(value) for name, value in attributes.items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


def serialise(root: ET.Element) -> str:
    """The document as UTF-8 text with its declaration, indented for people who read it."""
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
