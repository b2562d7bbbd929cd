"""EAC-CPF records of the registry (:mod:`seminar_archive.standards.eaccpf`): one per person
(``data/people/<id>.eac.xml``) and per organisation (``data/organisations/<id>.eac.xml``),
written at build end and linked from the entry's page, in its table of names and identifiers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from .. import docnames
from ..model import Organisation, Person
from ..outputs import write_if_changed
from ..standards.eaccpf import Agency, eac_files, eac_path
from .domain import build_state
from .nodes_util import file_link, para
from .versioning import last_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .state import BuildState

LINK_LABEL = "Notice d’autorité (EAC-CPF 2.0, XML)"
EAC_FOLDERS = (f"{docnames.PEOPLE}/", f"{docnames.ORGANISATIONS}/")


def eac_docname_path(data_dir: str, docname: str) -> str:
    """data/people/<id>.eac.xml for the page people/<id> (as :func:`eac_path` names it)."""
    return f"{data_dir}/{docname}.eac.xml"


def _changed(app: Sphinx, state: BuildState, docname: str) -> dt.date | None:
    when = last_changed(state, app.env, docname)
    return when.astimezone(dt.UTC).date() if when is not None else None


def write_eac_files(app: Sphinx, exception: BaseException | None) -> None:
    state = build_state(app.env)
    if exception is not None or state is None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    agency = Agency(name=str(app.config.project))
    for path, text in eac_files(state.archive, state.config.data_dir, agency, state.url_for,
                                lambda docname: _changed(app, state, docname)):
        write_if_changed(outdir / path, text)
    # A moved person's or organisation's record stays at its old address too (a file cannot
    # redirect; ``archive versions`` fails on any address a newer version lost).
    for old, new in state.redirects.items():
        source = outdir / eac_docname_path(state.config.data_dir, new)
        if old.startswith(EAC_FOLDERS) and new.startswith(EAC_FOLDERS) and source.is_file():
            write_if_changed(outdir / eac_docname_path(state.config.data_dir, old), source.read_bytes())


def _entry(state: BuildState, docname: str) -> Person | Organisation | None:
    folder, _, entry_id = docname.partition("/")
    if folder == "people":
        return state.archive.people.get(entry_id)
    if folder == "organisations":
        return state.archive.organisations.get(entry_id)
    return None


def link_eac_file(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A row "Notice d’autorité" in the entry's table of names and identifiers."""
    state = build_state(app.env)
    entry = _entry(state, docname) if state is not None and app.builder.format == "html" else None
    if state is None or entry is None:
        return
    link = file_link(docname, eac_path(state.config.data_dir, entry), LINK_LABEL)
    link["classes"].append("archive-eac-download")
    for table in doctree.findall(nodes.field_list):
        if "archive-meta" in table["classes"]:
            label = "Notice d’autorité"
            table += nodes.field("", nodes.field_name(label, label), nodes.field_body("", para(link)))
            return


def setup_eaccpf(app: Sphinx) -> None:
    app.connect("build-finished", write_eac_files)
    app.connect("doctree-resolved", link_eac_file)
