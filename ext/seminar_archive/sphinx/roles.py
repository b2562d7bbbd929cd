"""Roles that are not cross-references: ``{source}`file.txt``` links an original source document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner

from ..bodyrefs import DATA_FILES, is_source_document
from ..diagnostics import Problem
from .config import settings_of
from .emit import warn
from .nodes_util import file_link

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def source_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
                options: dict[str, Any] | None = None, content: list[str] | None = None
                ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    env = inliner.document.settings.env
    folder = settings_of(env).sources_dir
    source_dir = env.srcdir / folder
    if not is_source_document(source_dir, text):
        warn(env, Problem.MISSING_SOURCE, "unknown-source-doc", {"name": text, "folder": folder},
             (env.current_document.docname, lineno))
        return [nodes.literal(rawtext, text)], []
    return [file_link(env.current_document.docname, f"{folder}/{text}", text)], []


def data_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
              options: dict[str, Any] | None = None, content: list[str] | None = None
              ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{datafile}`archive.json``` links an export written at the end of the build."""
    env = inliner.document.settings.env
    folder = settings_of(env).data_dir
    if text not in DATA_FILES:
        warn(env, Problem.REFERENCE, "unknown-data-file", {"name": text, "files": ", ".join(DATA_FILES)},
             (env.current_document.docname, lineno))
        return [nodes.literal(rawtext, text)], []
    return [file_link(env.current_document.docname, f"{folder}/{text}", f"{folder}/{text}")], []


def setup_roles(app: Sphinx) -> None:
    app.add_role("source", source_role)
    app.add_role("datafile", data_role)
