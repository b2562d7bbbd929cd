"""The extension's one way to emit a warning in a build.

Every warning goes through Sphinx's logger with the archive's type and the problem's subtype
(``suppress_warnings = ["archive.<subtype>"]`` silences one kind), a location (file and line, or
the node Sphinx locates), in the language of ``archive_language``. ``warn`` renders a message
of the catalogue (messages.py); ``report`` emits a problem the core found (diagnostics.py),
located in its file under the source directory, or in ``file`` when given (conf.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from docutils import nodes
from sphinx.util import logging

from ..diagnostics import WARNING_TYPE, Diagnostic, Problem
from ..messages import MessageKey, render_message
from .config import settings_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

Location: TypeAlias = str | tuple[str, int | None] | nodes.Node
"""What Sphinx's logger locates: "path:line", (docname, line), or a node with its source."""


def warn(holder: Any, problem: Problem, key: MessageKey, args: Mapping[str, object], location: Location) -> None:
    """The catalogue's message ``key`` filled with ``args``; ``holder`` is what the settings are
    read from (the application, the environment or the config)."""
    message = render_message(key, args, settings_of(holder).language)
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=problem.subtype)


def report(holder: Sphinx | Any, diagnostic: Diagnostic, file: Path | None = None) -> None:
    """A problem found by the core, at its line of its file (``file``, else the diagnostic's own
    path under the application's source directory)."""
    path = file if file is not None else Path(holder.srcdir) / diagnostic.path
    location = f"{path}:{diagnostic.line}" if diagnostic.line else str(path)
    logger.warning(diagnostic.render(settings_of(holder).language), location=location, type=WARNING_TYPE,
                   subtype=diagnostic.problem.subtype)
