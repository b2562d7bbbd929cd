"""``archive_*`` values of conf.py that are not valid: of the wrong type (Sphinx warns and keeps
them, and the build then crashed where one is used: a count written as text, a folder as a
number) or not among the values allowed (``archive_language = "de"``). Each is reported at its
line of conf.py, saying what is allowed, and replaced by its default before any handler reads
it. What is valid is said once, in the core's settings (settings.py)."""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Problem
from ..settings import PREFIX, ArchiveSettings, build
from .emit import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

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


def on_config_inited(app: Sphinx, config: Config) -> None:
    values = {PREFIX + f.name: getattr(config, PREFIX + f.name) for f in fields(ArchiveSettings)}
    _settings, invalid = build(values)
    if not invalid:
        return
    lines = _lines(Path(app.confdir) / "conf.py")
    for bad in invalid:
        args: dict[str, object] = {"name": bad.name, "value": bad.value, "default": bad.default}
        if bad.allowed:
            args["allowed"] = ", ".join(map(repr, bad.allowed))
        location = f"{Path(app.confdir) / 'conf.py'}:{lines.get(bad.name, 1)}"
        # The language is read before the invalid values are replaced: an invalid one counts as French.
        warn(config, Problem.BAD_VALUE, "config-choice" if bad.allowed else "config-type", args, location)
        setattr(config, bad.name, bad.default)


def setup_config_check(app: Sphinx) -> None:
    # Before every other config-inited handler of the extension (priority 500), which read the values.
    app.connect("config-inited", on_config_inited, priority=100)
