"""docs/releases.yaml read at the start of every build, as ``archive check`` reads it, whether or
not a page shows the changelog: a problem there is reported by both, at releases.yaml:line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostics
from ..sitefiles import load_releases
from .emit import report

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def on_builder_inited(app: Sphinx) -> None:
    diagnostics = Diagnostics()
    load_releases(Path(app.srcdir), diagnostics)
    for diagnostic in diagnostics:
        report(app, diagnostic)


def setup_site_checks(app: Sphinx) -> None:
    app.connect("builder-inited", on_builder_inited)
