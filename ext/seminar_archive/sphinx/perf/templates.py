"""The theme's templates: compiled once across builds, and not looked at again during one.

Jinja compiles each template the first time a process renders it, every time a build starts
(what it cost: docs/performance.md, "Les mécanismes"). Its bytecode cache keeps the
compiled templates beside Sphinx's pickles, keyed by template file and checked against the
template's text (an edited template is compiled again). And as Sphinx sets Jinja up, every
page re-checks the modification time of each template it includes (about 14 per page): the
templates cannot change while a build runs, so Jinja is told not to look.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemBytecodeCache

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# In the doctrees directory: a clean build (no doctrees) compiles the templates afresh.
CACHE_DIR = "seminar_archive-templates"


def tune_templates(app: Sphinx) -> None:
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if not isinstance(environment, Environment):  # another template bridge: left as it is
        return
    environment.auto_reload = False
    cache = Path(app.doctreedir) / CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(cache))


def setup_templates(app: Sphinx) -> None:
    app.connect("builder-inited", tune_templates)
