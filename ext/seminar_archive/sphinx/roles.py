"""Roles that are not cross-references: ``{source}`file.txt``` links an original source document."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx.util import logging

from ..bodyrefs import DATA_FILES, is_source_document
from ..diagnostics import WARNING_TYPE, Problem
from ..messages import render_message
from .config import settings_of
from .nodes_util import file_link

logger = logging.getLogger(__name__)


def source_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
                options: dict[str, Any] | None = None, content: list[str] | None = None
                ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    env = inliner.document.settings.env
    domain = env.domains[WARNING_TYPE]
    state = getattr(domain, "build", None)
    folder = state.config.sources_dir if state else "sources"
    source_dir = env.srcdir / folder
    if not is_source_document(source_dir, text):
        message = render_message("unknown-source-doc", {"name": text, "folder": folder},
                                 settings_of(env).language)
        logger.warning(message, location=(env.current_document.docname, lineno), type=WARNING_TYPE,
                       subtype=Problem.MISSING_SOURCE.subtype)
        return [nodes.literal(rawtext, text)], []
    return [file_link(env.current_document.docname, f"{folder}/{text}", text)], []


def data_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
              options: dict[str, Any] | None = None, content: list[str] | None = None
              ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{datafile}`archive.json``` links an export written at the end of the build."""
    env = inliner.document.settings.env
    domain = env.domains[WARNING_TYPE]
    state = getattr(domain, "build", None)
    folder = state.config.data_dir if state else "data"
    if text not in DATA_FILES:
        message = render_message("unknown-data-file", {"name": text, "files": ", ".join(DATA_FILES)},
                                 settings_of(env).language)
        logger.warning(message, location=(env.current_document.docname, lineno), type=WARNING_TYPE,
                       subtype=Problem.REFERENCE.subtype)
        return [nodes.literal(rawtext, text)], []
    return [file_link(env.current_document.docname, f"{folder}/{text}", f"{folder}/{text}")], []
