"""French typography of the field labels the archive writes (issue 24).

docutils ends each field label with a colon glued to the word ("Séance:"); in French it is
preceded by a no-break space ("Séance :"). The no-break space is written as a character, not
as an entity, so pages stay as light. English passages (``language-en``) keep "Label:"."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from seminar_archive.textfr import NBSP


def _english(node: nodes.Element) -> bool:
    parent: nodes.Element | None = node
    while parent is not None:
        if "language-en" in parent.get("classes", []):
            return True
        parent = parent.parent
    return False


def visit_field_name(self: HTML5Translator, node: nodes.field_name) -> None:
    HTML5Translator.visit_field_name(self, node)


def depart_field_name(self: HTML5Translator, node: nodes.field_name) -> None:
    space = "" if _english(node) else NBSP
    self.body.append(f'<span class="colon">{space}:</span></dt>\n')


def setup_typography(app: Sphinx) -> dict[str, Any]:
    app.add_node(nodes.field_name, override=True, html=(visit_field_name, depart_field_name))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
