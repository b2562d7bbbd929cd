"""The reference in the official styles (:mod:`seminar_archive.citations.styled`) in the
"Citer" block, under the archive's own: each in a box with its copy button
(:mod:`seminar_archive.sphinx.citecopy`'s selector) and a stable anchor, ``citer-<style>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..citations.common import one_line
from ..citations.styled import STYLES, styled_citation
from ..textfr import typo_fr
from .citecopy import CITATION_BOX
from .citing import CITABLE_KINDS, record_for
from .domain import build_state
from .nodes_util import para

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLE_BOX = "archive-cite-style"


def setup_cite_styles(app: Sphinx) -> None:
    app.add_transform(CiteStylesTransform)


def _box(text: str, url: str, anchor: str, label: str) -> nodes.container:
    if url and url in text:  # ISO 690 puts the note after the address
        before, _, after = text.partition(url)
        paragraph = para(before, nodes.reference(url, url, refuri=url), after or None,
                         classes=["archive-citation"])
    else:
        paragraph = para(text, classes=["archive-citation"])
    title = para(nodes.strong(label, label), classes=["archive-cite-style-label"])
    return nodes.container("", title, nodes.container("", paragraph, classes=[CITATION_BOX]),
                           ids=[anchor], classes=[STYLE_BOX])


class CiteStylesTransform(SphinxTransform):
    # After the page's own transform (400) built the "Citer" section.
    default_priority = 401

    def apply(self, **kwargs: Any) -> None:
        state = build_state(self.env)
        docname = self.env.current_document.docname
        item = state.items_by_docname.get(docname) if state is not None else None
        if state is None or item is None or item.kind not in CITABLE_KINDS:
            return
        for block in self.document.findall(nodes.section):
            if "citer" not in block["ids"]:
                continue
            boxes = [child for child in block.children if CITATION_BOX in child.get("classes", [])]
            if not boxes:
                return
            record = record_for(state, item)
            url = one_line(record.url)
            at = block.index(boxes[0]) + 1
            for style in STYLES:
                try:
                    styled = styled_citation(record, style)
                except (TypeError, AttributeError, KeyError, ValueError, IndexError) as error:
                    # citeproc-py fails on some items (a date range in some styles): the page
                    # keeps the archive's own reference and the other styles.
                    logger.debug("%s: %s not rendered by citeproc-py: %r", self.env.docname, style.label, error)
                    continue
                # French typography, as in all the archive writes: the official styles are
                # English-made ("Président; Séance", "santé ? ».").
                block.insert(at, _box(typo_fr(styled), url, f"citer-{style.key}", style.label))
                at += 1
            return
