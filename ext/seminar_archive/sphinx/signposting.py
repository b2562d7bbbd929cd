"""FAIR Signposting on item pages (:mod:`seminar_archive.standards.signposting`): ``<link>``
elements in the head of each session, press release and series page, a linkset per item
(``<page>.linkset.json`` beside the item's page), the JSON-LD of each item as a file (``<page>.jsonld``, so that
``describedby`` can point at it), and ``CITATION.cff`` at the site's root.

Links are absolute, from the site's address; a site without one (no ``html_baseurl``) gets none.
"""

from __future__ import annotations

import json
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from ..address import is_placeholder
from ..citations.embedded import json_ld
from ..citations.record import citable
from ..itemfiles import JSONLD, LINKSET, OAI_DC
from ..model import Item
from ..outputs import write_if_changed
from ..standards.citationcff import ArchiveFacts, citation_cff
from ..standards.records import STANDARD_FORMATS
from ..standards.signposting import Link, Signposts, head_links, linkset_json, signposts
from .citing import CITABLE_KINDS, FORMATS
from .config import published_base, settings_of
from .domain import build_state
from .pagemeta import card_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .state import BuildState

logger = logging.getLogger(__name__)

CITATION_FILE = "CITATION.cff"


def license_url(app: Sphinx) -> str:
    """The configured licence's address: ``archive_license_url``, else the SPDX page of
    ``archive_license``; "" when none is configured."""
    url = settings_of(app).license_url.strip()
    spdx = settings_of(app).license.strip()
    return url or (f"https://spdx.org/licenses/{spdx}.html" if spdx else "")


def item_signposts(app: Sphinx, state: BuildState, item: Item) -> Signposts | None:
    base = published_base(app.config)
    if not base:
        return None
    metadata = [Link("describedby", base + fmt.file.path(item.docname), fmt.file.media_type)
                for fmt in FORMATS]
    metadata += [Link("describedby", base + fmt.path(item.docname), fmt.media_type)
                 for fmt in STANDARD_FORMATS]
    metadata.append(Link("describedby", base + OAI_DC.path(item.docname), OAI_DC.media_type, OAI_DC.profile))
    metadata.append(Link("describedby", base + JSONLD.path(item.docname), JSONLD.media_type))
    items = []
    if item.source:
        kind = mimetypes.guess_type(item.source)[0] or "application/octet-stream"
        items.append(Link("item", f"{base}{state.config.sources_dir}/{item.source}", kind))
    return signposts(state.archive, item, state.url_for(item.docname), metadata, items,
                     base + LINKSET.path(item.docname), license_url(app))


def _add_head(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object) -> None:
    state = build_state(app.env)
    item = state.items_by_docname.get(pagename) if state is not None else None
    if state is None or item is None or item.kind not in CITABLE_KINDS:
        return
    found = item_signposts(app, state, item)
    if found is None:
        return
    context["metatags"] = context.get("metatags", "") + head_links(found)
    # Sphinx's layout links the "about" page as rel="author": on a signposted page, that would be
    # read as an author who is not one (Signposting's author is a persistent identifier).
    hasdoc = context.get("hasdoc")
    if callable(hasdoc):
        context["hasdoc"] = lambda name: name != "about" and hasdoc(name)


def write_signposting_files(app: Sphinx, exception: BaseException | None) -> None:
    state = build_state(app.env)
    if exception is not None or state is None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for item in citable(state.archive):
        found = item_signposts(app, state, item)
        if found is not None:
            write_if_changed(outdir / LINKSET.path(item.docname), linkset_json(found))
        data = json_ld(state.archive, item, state.url_for, card_url(app, item))
        write_if_changed(outdir / JSONLD.path(item.docname),
                         json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n")
    write_if_changed(outdir / CITATION_FILE, citation_file(app, state))


def citation_file(app: Sphinx, state: BuildState) -> str:
    base = published_base(app.config)
    facts = ArchiveFacts(
        title=str(app.config.project),
        fallback_author=str(app.config.author or ""),
        url=base if base and not is_placeholder(base) else "",
        version=state.config.version, license=settings_of(app).license.strip(),
        doi=settings_of(app).doi.strip())
    return citation_cff(state.archive, facts)


def setup_signposting(app: Sphinx) -> None:
    # archive_license, archive_license_url and archive_doi: settings.py.
    app.connect("html-page-context", _add_head, priority=906)
    app.connect("build-finished", write_signposting_files)
