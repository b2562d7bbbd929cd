"""The formatted reference of the "cite this" block, copyable as the code blocks are: its
paragraph joins sphinx-copybutton's selector (which otherwise only sees ``div.highlight pre``),
in a box that holds the button. Pages without a cite block do not load the button's script
(:mod:`seminar_archive.sphinx.lightpages`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..citations.common import one_line
from ..citations.formatted import formatted_citation
from ..citations.record import CitationRecord
from .nodes_util import para

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

CITATION_BOX = "archive-citation-box"
COPYABLE = f"div.{CITATION_BOX} > p.archive-citation"


def setup_citation_copy(app: Sphinx) -> None:
    # Before sphinx-copybutton hands its selector to its script (config-inited, priority 500).
    app.connect("config-inited", _copyable_citation, priority=400)


def _copyable_citation(app: Sphinx, config: Config) -> None:
    selector = str(getattr(config, "copybutton_selector", "") or "")
    if selector and COPYABLE not in selector:
        config.copybutton_selector = f"{selector}, {COPYABLE}"


def citation_box(record: CitationRecord) -> nodes.container:
    """The formatted reference, its address a link, in the box its copy button sits in."""
    text = formatted_citation(record)
    url = one_line(record.url)  # as the formatted text shows it
    if url and text.endswith(url):
        paragraph = para(text[: -len(url)], nodes.reference(url, url, refuri=url), classes=["archive-citation"])
    else:
        paragraph = para(text, classes=["archive-citation"])
    return nodes.container("", paragraph, classes=[CITATION_BOX])
