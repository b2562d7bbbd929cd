"""Reference pages generated from their definitions, so that they never drift.

- ``{archive-warnings}``: every warning subtype (:class:`seminar_archive.diagnostics.Problem`),
  what it means, an example, the fix, and the message archivists read, in French and English.
- ``{archive-schema-reference}``: every front-matter and registry field, from the JSON Schemas.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .. import schema
from ..diagnostics import WARNING_TYPE, Problem
from ..messages import render_message
from ..pageplan import ITEM_KINDS
from ..textfr import typo_fr

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# `code`, or ``code with a ` in it`` (Markdown's double backticks, one space inside each).
_CODE = re.compile(r"``\s?(.+?)\s?``|`([^`]+)`")


def inline(text: str) -> list[nodes.Node]:
    """Text with `code` spans as literals."""
    parts: list[nodes.Node] = []
    for piece, code in _code_spans(text):
        if piece:
            parts.append(nodes.literal(piece, piece) if code else nodes.Text(piece))
    return parts


def _code_spans(text: str) -> list[tuple[str, bool]]:
    """The text cut into (piece, is it code) in order."""
    spans, at = [], 0
    for match in _CODE.finditer(text):
        spans += [(text[at:match.start()], False), (match.group(1) or match.group(2), True)]
        at = match.end()
    return [*spans, (text[at:], False)]


def english(text: str) -> nodes.inline:
    """A text of the schema, which is written in English: marked so (docutils writes the class
    ``language-en`` as ``lang="en"``), for screen readers and translators."""
    node = nodes.inline(classes=["language-en"])
    node += inline(text)
    return node


def para(*content: nodes.Node | str) -> nodes.paragraph:
    node = nodes.paragraph()
    for part in content:
        if isinstance(part, str):
            node += inline(part)
        else:
            node += part
    return node


def table(headers: list[str], rows: list[list[nodes.Node | str]], widths: list[int]) -> nodes.table:
    tbl = nodes.table(classes=["archive-reference"])
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row(headers)
    body = nodes.tbody()
    group += body
    for row in rows:
        body += _row(row)
    return tbl


def _row(cells: list[nodes.Node | str]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += para(cell)
        row += entry
    return row


class ArchiveWarnings(SphinxDirective):
    """Every warning subtype: a summary table, then a rubric per subtype (anchor ``archive-<subtype>``)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        rows: list[list[nodes.Node | str]] = []
        for problem in Problem:
            ref = nodes.reference("", "", internal=True, refid=f"archive-{problem.subtype}")
            ref += nodes.literal(text=f"{WARNING_TYPE}.{problem.subtype}")
            rows.append([ref, _typo_outside_code(problem.meaning_fr)])
        result: list[nodes.Node] = [table(["Type", "Sens"], rows, [30, 70])]
        for problem in Problem:
            meaning_fr, example_fr, fix_fr = problem.meaning_fr, problem.example_fr, problem.fix_fr
            rubric = nodes.rubric("", "", ids=[f"archive-{problem.subtype}"])
            rubric += nodes.literal(text=f"{WARNING_TYPE}.{problem.subtype}")
            result.append(rubric)
            result.append(para(_typo_outside_code(meaning_fr)))
            result.append(para(nodes.strong(text=typo_fr("Exemple : ")), *inline(_typo_outside_code(example_fr))))
            for where, key, args in problem.samples:
                shown = f"{where}: {render_message(key, args, 'fr')} [{WARNING_TYPE}.{problem.subtype}]"
                result.append(para(nodes.strong(text=typo_fr("Message : ")), nodes.literal(text=shown)))
            result.append(para(nodes.strong(text=typo_fr("Correction : ")), *inline(_typo_outside_code(fix_fr))))
            english = nodes.paragraph(classes=["archive-english", "language-en"])  # lang="en" in HTML
            english += nodes.emphasis(text="In English: ")
            english += inline(f"{problem.meaning} Example: {problem.example} Fix: {problem.fix}")
            result.append(english)
        return result


def _typo_outside_code(text: str) -> str:
    """French typography for a catalogue text, leaving its `code` spans as written."""
    out, at = [], 0
    for match in _CODE.finditer(text):
        out += [typo_fr(text[at:match.start()]), match.group(0)]
        at = match.end()
    return "".join([*out, typo_fr(text[at:])])


_TYPES_FR = {"string": "texte", "integer": "nombre entier", "array": "liste", "object": "champs",
             "null": "vide", "boolean": "oui/non"}


def describe_type(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    """A field's type in plain French words, following ``$ref``."""
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        target = defs.get(name, {})
        special = {"id": "identifiant", "date": "date AAAA-MM-JJ", "citekey": "clé de citation",
                   "source": "fichier de docs/sources/", "idlist": "liste d’identifiants", "text": "texte",
                   "appearance": "une personne (voir plus bas)", "themes": "liste de thèmes",
                   "supplied": "liste de noms de champs"}
        return special.get(name) or describe_type(target, defs)
    if "const" in spec:
        return f"`{spec['const']}`"
    if "enum" in spec:
        return "l’une de " + ", ".join(f"`{v}`" for v in spec["enum"])
    kind = spec.get("type")
    if kind == "array":
        items = spec.get("items", {})
        return typo_fr("liste de : ") + describe_type(items, defs) if items else "liste"
    if isinstance(kind, list):
        return " ou ".join(_TYPES_FR.get(str(k), str(k)) for k in kind)
    return _TYPES_FR.get(str(kind), str(kind or "valeur"))


def describe(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    text = str(spec.get("description", ""))
    if not text and "$ref" in spec:
        text = str(defs.get(spec["$ref"].rsplit("/", 1)[-1], {}).get("description", ""))
    return text


class ArchiveSchemaReference(SphinxDirective):
    """The fields of one kind of record, from the JSON Schema: ``{archive-schema-reference} session``.

    Kinds: session, press, event, series, appearance (pages), person, organisation (registry).
    """

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"class": directives.class_option}

    PAGE_KINDS = (*sorted(ITEM_KINDS), "appearance")
    REGISTRY_KINDS = ("person", "organisation")

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind in self.PAGE_KINDS:
            root = schema.schema("page.schema.json")
        elif kind in self.REGISTRY_KINDS:
            root = schema.schema("registry.schema.json")
        else:
            known = ", ".join(self.PAGE_KINDS + self.REGISTRY_KINDS)
            raise self.error(f"unknown record kind '{kind}'; known: {known}")
        defs: dict[str, Any] = root["$defs"]
        spec = defs[kind]
        required = set(spec.get("required", ()))
        rows: list[list[nodes.Node | str]] = []
        for name, field in spec.get("properties", {}).items():
            rows.append([nodes.literal(text=name), describe_type(field, defs),
                         "oui" if name in required else "", english(describe(field, defs))])
        intro = describe(spec, defs)
        result: list[nodes.Node] = [para(english(intro))] if intro else []
        result.append(table(["Champ", "Type", "Obligatoire", "Description (du schéma)"], rows, [18, 22, 10, 50]))
        return result


def setup_directives(app: Sphinx) -> None:
    app.add_directive("archive-warnings", ArchiveWarnings)
    app.add_directive("archive-schema-reference", ArchiveSchemaReference)
