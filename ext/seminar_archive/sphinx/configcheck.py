"""``archive_*`` values of the wrong type in conf.py: Sphinx warns and keeps them, and the build
then crashed where one is used (a count written as text, a folder as a number). Each is reported
at its line of conf.py and replaced by its default before any handler reads it."""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from ..diagnostics import WARNING_TYPE, Problem
from ..messages import render_message
from .config import PREFIX, ArchiveConfig

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


def _lines(conf: Path) -> dict[str, int]:
    """The line where conf.py last assigns each name."""
    try:
        tree = ast.parse(conf.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError, RecursionError):
        return {}
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if isinstance(target, ast.Name):
                    found[target.id] = node.lineno
    return found


def _right_type(value: object, default: object) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return type(value) is type(default)
    return isinstance(value, type(default))


def on_config_inited(app: Sphinx, config: Config) -> None:
    lines: dict[str, int] | None = None
    language = config.archive_language if isinstance(config.archive_language, str) else "fr"
    for item in fields(ArchiveConfig):
        name, default = PREFIX + item.name, item.default
        value = getattr(config, name)
        if _right_type(value, default):
            continue
        if lines is None:
            lines = _lines(Path(app.confdir) / "conf.py")
        message = render_message("config-type", {"name": name, "value": value, "default": default}, language)
        location = f"{Path(app.confdir) / 'conf.py'}:{lines.get(name, 1)}"
        logger.warning(message, location=location, type=WARNING_TYPE, subtype=Problem.BAD_VALUE.subtype)
        setattr(config, name, default)


def setup_config_check(app: Sphinx) -> None:
    # Before every other config-inited handler of the extension (priority 500), which read the values.
    app.connect("config-inited", on_config_inited, priority=100)
