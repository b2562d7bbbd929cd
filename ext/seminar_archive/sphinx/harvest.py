"""Harvestable metadata in the site: Dublin Core in each item's head, an ``oai_dc`` record per
item (``<page>.oai_dc.xml`` beside the item's page, linked from the item's "cite" block) and the OAI-PMH Static
Repository ``data/oai.xml``. Every format comes from :mod:`seminar_archive.standards`.

``data/oai.xml`` needs an administrator's address (OAI-PMH requires one): without
``archive_oai_admin_email`` none is invented and the file is not written.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from docutils import nodes
from sphinx.util import logging

from ..citations.record import citable
from ..itemfiles import OAI_DC as OAI_DC_FILE
from ..model import Item
from ..outputs import write_if_changed
from ..standards.dublincore import SCHEMA_LINKS, DublinCore, dublin_core, meta_tags, oai_dc_xml
from ..standards.oaipmh import MODS, OAI_DC, HarvestRecord, Repository, repository_host, static_repository
from ..standards.records import mods_record
from .citing import CITABLE_KINDS, record_for
from .config import published_base, settings_of
from .domain import build_state
from .nodes_util import file_link, para
from .versioning import last_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .state import BuildState

logger = logging.getLogger(__name__)

OAI_FILE = "oai.xml"


def description(state: BuildState, item: Item) -> DublinCore:
    return dublin_core(record_for(state, item), item)


def _add_head(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object) -> None:
    state = build_state(app.env)
    item = state.items_by_docname.get(pagename) if state is not None else None
    if state is None or item is None or item.kind not in CITABLE_KINDS:
        return
    links = [f'<link rel="{name}" href="{uri}" />' for name, uri in SCHEMA_LINKS]
    pathto = context.get("pathto")
    if callable(pathto):
        href = html.escape(pathto(OAI_DC_FILE.path(item.docname), 1), quote=True)
        links.append(f'<link rel="alternate" type="application/xml" title="Dublin Core (oai_dc)" href="{href}" />')
    tags = [f'<meta name="{html.escape(name)}" content="{html.escape(content)}" />'
            for name, content in meta_tags(description(state, item))]
    context["metatags"] = context.get("metatags", "") + "\n".join([*links, *tags]) + "\n"


def _link_record(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """In the item's "cite" block, a link to its oai_dc record, as the citation downloads are."""
    state = build_state(app.env)
    item = state.items_by_docname.get(docname) if state is not None else None
    if state is None or item is None or item.kind not in CITABLE_KINDS or app.builder.format != "html":
        return
    for block in doctree.findall(nodes.section):
        if "citer" in block["ids"]:
            link = file_link(docname, OAI_DC_FILE.path(item.docname), "Notice Dublin Core (oai_dc, XML)")
            # Not "archive-download": that class names the citation formats' own downloads.
            link["classes"].append("archive-harvest-download")
            block += para(link, classes=["archive-harvest-link"])
            return


def harvest_records(app: Sphinx, state: BuildState) -> list[HarvestRecord]:
    """Every citable item, its datestamp the UTC day of the last commit that changed its page
    (outside git, the item's own date: a build never stamps today, so builds stay the same)."""
    found = []
    for item in citable(state.archive):
        dc = description(state, item)
        changed = last_changed(state, app.env, item.docname)
        record = record_for(state, item)
        day = changed.astimezone(dt.UTC).date() if changed else (record.date or dt.date(1970, 1, 1))
        mods = ElementTree.fromstring(mods_record(state.archive, item, record, state.url_for))  # our own text
        found.append(HarvestRecord(item.id, day, dc, (("mods", mods),)))
    return found


def write_harvest_files(app: Sphinx, exception: BaseException | None) -> None:
    state = build_state(app.env)
    if exception is not None or state is None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    records = harvest_records(app, state)
    by_id = {item.id: item for item in citable(state.archive)}
    for record in records:
        write_if_changed(outdir / OAI_DC_FILE.path(by_id[record.item_id].docname), oai_dc_xml(record.metadata))
    emails = tuple(e for e in settings_of(app).oai_admin_email.split() if e)
    if not emails:
        logger.info("[archive] no data/%s: archive_oai_admin_email is not set (OAI-PMH requires an address)",
                    OAI_FILE)
        return
    base = published_base(app.config)
    own_url = (base or "https://archive.invalid/") + f"{state.config.data_dir}/{OAI_FILE}"
    gateway = settings_of(app).oai_gateway
    repository = Repository(name=str(app.config.project), base_url=_gateway_url(gateway, own_url),
                            admin_emails=emails, host=repository_host(base))
    write_if_changed(outdir / state.config.data_dir / OAI_FILE, static_repository(repository, records, (OAI_DC, MODS)))


def _gateway_url(gateway: str, own_url: str) -> str:
    """The specification's baseURL: the gateway's address then the file's, without its scheme."""
    if not gateway:
        return own_url
    return gateway.rstrip("/") + "/" + own_url.split("://", 1)[-1]


def setup_harvest(app: Sphinx) -> None:
    # archive_oai_admin_email and archive_oai_gateway: settings.py.
    app.connect("html-page-context", _add_head, priority=905)
    app.connect("doctree-resolved", _link_record)
    app.connect("build-finished", write_harvest_files)
