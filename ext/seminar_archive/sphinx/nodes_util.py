"""Small builders of docutils nodes. Every text goes in as a Text node, so writers escape it."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from typing import TypeAlias

from docutils import nodes
from sphinx import addnodes

from ..bodyrefs import DOMAIN_NAME

Part: TypeAlias = str | nodes.Node
DOMAIN = DOMAIN_NAME


def text_parts(parts: Iterable[Part | None]) -> list[nodes.Node]:
    return [nodes.Text(p) if isinstance(p, str) else p for p in parts if p is not None and p != ""]


def para(*parts: Part | None, classes: Sequence[str] = ()) -> nodes.paragraph:
    node = nodes.paragraph("", "", *text_parts(parts))
    node["classes"].extend(classes)
    return node


def inline(*parts: Part | None, classes: Sequence[str] = ()) -> nodes.inline:
    node = nodes.inline("", "", *text_parts(parts))
    node["classes"].extend(classes)
    return node


def emphasis(text: str) -> nodes.emphasis:
    return nodes.emphasis(text, text)


def xref(reftype: str, target: str, text: str, source: str = "", line: int | None = None) -> addnodes.pending_xref:
    """A reference to an archive object, resolved by the domain at write time."""
    node = addnodes.pending_xref(
        "", nodes.inline(text, text, classes=["xref", DOMAIN, f"{DOMAIN}-{reftype}"]),
        refdomain=DOMAIN, reftype=reftype, reftarget=target, refexplicit=True, refwarn=True,
    )
    node.source, node.line = source or None, line
    return node


def doc_link(fromdoc: str, todoc: str, text: str) -> addnodes.pending_xref:
    """A link to another document, resolved by the std domain (so builders choose the URL)."""
    node = addnodes.pending_xref(
        "", nodes.inline(text, text, classes=["xref", "doc"]),
        refdomain="std", reftype="doc", reftarget="/" + todoc, refexplicit=True, refwarn=True,
        refdoc=fromdoc,
    )
    return node


def file_link(fromdoc: str, target: str, text: str) -> nodes.reference:
    """A link to a file copied into the output at ``target`` (relative to the site's root)."""
    uri = posixpath.relpath(target, posixpath.dirname(fromdoc) or ".")
    return nodes.reference(text, text, refuri=uri, internal=True)


def external(uri: str, text: str) -> nodes.reference:
    return nodes.reference(text, text, refuri=uri)


def field_list(rows: Iterable[tuple[str, Sequence[Part | None]]], classes: Sequence[str] = ()) -> nodes.field_list:
    node = nodes.field_list(classes=list(classes))
    for label, parts in rows:
        body = nodes.field_body("", para(*parts))
        node += nodes.field("", nodes.field_name(label, label), body)
    return node


def bullets(items: Iterable[Sequence[Part | None] | nodes.Node], classes: Sequence[str] = ()) -> nodes.bullet_list:
    node = nodes.bullet_list(classes=list(classes))
    for item in items:
        content = item if isinstance(item, nodes.Node) else para(*item)
        node += nodes.list_item("", content)
    return node


def table(headers: Sequence[str], rows: Iterable[Sequence[Sequence[Part | None]]],
          classes: Sequence[str] = ()) -> nodes.table:
    node = nodes.table(classes=["archive-table", *classes])
    group = nodes.tgroup(cols=len(headers))
    node += group
    for _ in headers:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    header_row = nodes.row()
    for header in headers:
        header_row += nodes.entry("", para(header))
    head += header_row
    group += head
    body = nodes.tbody()
    for row in rows:
        row_node = nodes.row()
        for cell in row:
            row_node += nodes.entry("", para(*cell))
        body += row_node
    group += body
    return node


def section(section_id: str, title: str | Sequence[Part], *children: nodes.Node) -> nodes.section:
    node = nodes.section(ids=[nodes.make_id(section_id)])
    parts = [title] if isinstance(title, str) else title
    node += nodes.title("", "", *text_parts(parts))
    for child in children:
        node += child
    return node


def joined(parts: Iterable[Part], separator: str = ", ") -> list[Part]:
    out: list[Part] = []
    for part in parts:
        if out:
            out.append(separator)
        out.append(part)
    return out
