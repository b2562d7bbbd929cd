"""Item pages' description and preview card: ``<meta name="description">``, ``og:description``,
``og:image`` (a card drawn per item, :mod:`seminar_archive.cards`).

Runs before sphinxext-opengraph (priority 400 < its 500), which then keeps our description
(it adds no ``description`` of its own when the head has one) and takes ``og:*`` values from the
page's fields. Cards are written as each page is: an incremental build draws only the cards of
the pages it rewrites, and a parallel build draws them in its writing processes.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from .. import cards
from ..descriptions import describe
from ..model import Item
from ..outputs import write_if_changed
from ..pageplan import PageKind
from .config import published_base
from .domain import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx


logger = logging.getLogger(__name__)

CARD_DIR = "cards"
DESCRIBED_KINDS = (PageKind.SESSION, PageKind.PRESS, PageKind.SERIES, PageKind.EVENT)


def card_path(docname: str) -> str:
    """Where an item's card is published: cards/sessions/ia-sante-02.png."""
    return f"{CARD_DIR}/{docname}.png"


def card_url(app: Sphinx, item: Item) -> str:
    """The card's absolute URL ("" when cards cannot be drawn here or the site has no address)."""
    base = published_base(app.config)
    if not base or not cards.available() or item.kind not in DESCRIBED_KINDS:
        return ""
    return base + card_path(item.docname)


def add_page_meta(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: object) -> None:
    state = build_state(app.env)
    if state is None:
        return
    item = state.items_by_docname.get(pagename)
    if item is None or item.kind not in DESCRIBED_KINDS:
        return
    description = describe(state.archive, item)
    fields = dict(context.get("meta") or {})  # a copy: Sphinx's own is the environment's metadata
    if description:
        context["metatags"] = (context.get("metatags", "")
                               + f'<meta name="description" content="{html.escape(description)}" />\n')
        # sphinxext-opengraph escapes only '"' in og:* values: & and < are escaped here.
        fields["og:description"] = html.escape(description, quote=False)
    url = card_url(app, item)
    card = cards.card_for(state.archive, item, str(getattr(app.config, "html_title", "") or app.config.project))
    if url and card is not None:
        write_if_changed(Path(app.outdir) / card_path(item.docname), cards.render_card(card))
        fields["og:image"] = url
        fields["og:image:alt"] = html.escape(" — ".join(part for part in (card.kicker, card.title) if part),
                                             quote=False)
    context["meta"] = fields


def copy_redirected_cards(app: Sphinx, exception: BaseException | None) -> None:
    """A moved item's card stays at its old address too, as its citation files do: an older
    version's page (and the links shared from it) named that image."""
    state = build_state(app.env)
    if exception is not None or state is None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for old, new in state.redirects.items():
        source, target = outdir / card_path(new), outdir / card_path(old)
        if source.is_file():
            write_if_changed(target, source.read_bytes())


def setup_pagemeta(app: Sphinx) -> None:
    if not cards.available():
        logger.info("[archive] no preview cards: fonts-dejavu-core is not installed (%s)",
                    ", ".join(str(folder) for folder in cards.FONT_DIRS))
    app.connect("html-page-context", add_page_meta, priority=400)
    app.connect("build-finished", copy_redirected_cards)
