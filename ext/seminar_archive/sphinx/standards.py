"""DataCite and MODS files (:mod:`seminar_archive.standards`): written at build end beside each
item's page, and linked from its "cite this" block."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from ..outputs import write_if_changed
from ..standards.records import STANDARD_FORMATS, standard_files
from ..textfr import typo_fr
from .citing import CITABLE_KINDS, record_for
from .domain import build_state
from .nodes_util import file_link, para

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def write_standard_files(app: Sphinx, exception: BaseException | None) -> None:
    state = build_state(app.env)
    if exception is not None or state is None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for path, text in standard_files(state.archive, state.url_for,
                                     lambda item: record_for(state, item)):
        write_if_changed(outdir / path, text)


def link_standard_files(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Below the citation formats of an item page: its DataCite and MODS records."""
    state = build_state(app.env)
    item = state.items_by_docname.get(docname) if state is not None else None
    if state is None or item is None or item.kind not in CITABLE_KINDS:
        return
    for block in doctree.findall(nodes.section):
        if "citer" in block["ids"]:
            links: list[nodes.Node | str] = [typo_fr("Notices pour les archives et les bibliothèques : ")]
            for index, fmt in enumerate(STANDARD_FORMATS):
                if index:
                    links.append(" · ")
                links.append(file_link(docname, fmt.path(item.docname), fmt.label))
            block += para(*links, classes=["archive-standard-records"])
            return


def setup_standards(app: Sphinx) -> None:
    app.connect("build-finished", write_standard_files)
    app.connect("doctree-resolved", link_standard_files)
