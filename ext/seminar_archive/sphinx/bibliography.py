"""references.bib checked before sphinxcontrib-bibtex reads it (the core's bibfile.py, as
``archive check`` does): its problems are located warnings, and when there are any,
sphinxcontrib-bibtex is given a copy without the offending entries, so that pybtex neither runs
out of memory on an @string chain nor swallows the entries after an unclosed one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..bibfile import check_configured
from ..diagnostics import Diagnostics
from .emit import report

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SAFE_COPIES = "seminar_archive-bib"


def on_builder_inited(app: Sphinx) -> None:
    names = getattr(app.config, "bibtex_bibfiles", None)
    if not isinstance(names, list | tuple) or not all(isinstance(n, str) for n in names):
        return
    diagnostics = Diagnostics()
    checked = check_configured(Path(app.confdir), list(names), diagnostics)
    for diagnostic in diagnostics:
        report(app, diagnostic)
    replaced = []
    for index, name in enumerate(names):
        found = checked.get(name)
        if found is None or found.safe_text is None:
            replaced.append(name)
            continue
        copy = Path(app.doctreedir) / SAFE_COPIES / f"{index}-{Path(name).name}"
        copy.parent.mkdir(parents=True, exist_ok=True)
        if not copy.is_file() or copy.read_text(encoding="utf-8") != found.safe_text:
            copy.write_text(found.safe_text, encoding="utf-8")
        replaced.append(str(copy))
    if replaced != list(names):
        app.config.bibtex_bibfiles = replaced


def setup_bibliography(app: Sphinx) -> None:
    # Before sphinxcontrib-bibtex's own builder-inited handler (priority 500), which parses the files.
    app.connect("builder-inited", on_builder_inited, priority=400)
