"""A Sphinx extension and a toolkit for a citable archive of a seminar series.

The package's core (model, registry, front matter, checks) imports no Sphinx; the Sphinx
layer lives in :mod:`seminar_archive.sphinx` and is loaded only by :func:`setup`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point: ``extensions = ["seminar_archive"]``."""
    from .sphinx import setup as setup_sphinx

    return setup_sphinx(app)
