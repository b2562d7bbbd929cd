"""What MyST sees of an archive page's front matter: see :mod:`seminar_archive.mystsource`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..mystsource import neutral_front_matter

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    replaced = neutral_front_matter(source[0])
    if replaced is not None:
        source[0] = replaced


def setup_reader(app: Sphinx) -> None:
    app.connect("source-read", on_source_read)
