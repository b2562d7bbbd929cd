"""The home page's ways to follow the archive: the calendar (download and ``webcal:``
subscription) and the feed of additions, on the home page of every version built with this
extension, whatever that version's own home page says.

Added when the home page is written (``doctree-resolved``), after the address policy has checked
the page (:class:`seminar_archive.sphinx.guards.AddressTransform`): the ``webcal:`` link is the
archive's own (:mod:`seminar_archive.subscribe`), not a contributor's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..subscribe import webcal_address
from .config import published_base, settings_of
from .exports import CALENDAR_FILE, FEED_FILE
from .nodes_util import para

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_follow(app: Sphinx) -> None:
    app.connect("doctree-resolved", add_follow_links)


def add_follow_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if docname != app.config.root_doc or app.builder.format != "html":
        return
    data_dir = settings_of(app).data_dir
    calendar, feed = f"{data_dir}/{CALENDAR_FILE}", f"{data_dir}/{FEED_FILE}"
    subscribe = webcal_address(published_base(app.config), calendar)
    linked = {str(ref.get("refuri", "")): ref for ref in doctree.findall(nodes.reference)}
    parts: list[nodes.Node | str] = []
    if calendar in linked:
        if subscribe:  # beside the page's own download link
            at = linked[calendar]
            index = at.parent.index(at) + 1
            at.parent.insert(index, nodes.Text(" ("))
            at.parent.insert(index + 1, _subscribe_link(subscribe))
            at.parent.insert(index + 2, nodes.Text(")"))
    else:
        parts += ["Le calendrier des séances\u00a0: ", _link(calendar, "télécharger", "archive-calendar")]
        if subscribe:
            parts += [" ou ", _subscribe_link(subscribe)]
    if feed not in linked:
        parts += ["\u202f; le " if parts else "Le ", _link(feed, "fil des ajouts", "archive-feed"), " (Atom)"]
    if parts:
        section = nodes.section("", nodes.title("Suivre l’archive", "Suivre l’archive"), ids=["suivre-l-archive"],
                                classes=["archive-follow"])
        section += para(*parts, ".")
        # Inside the page's own section, so that it comes under the title as the others do.
        next(iter(doctree.findall(nodes.section)), doctree).append(section)


def _link(target: str, text: str, css_class: str) -> nodes.reference:
    return nodes.reference(text, text, refuri=target, internal=True, classes=[css_class])


def _subscribe_link(address: str) -> nodes.reference:
    text = "s’abonner dans une application de calendrier"
    return nodes.reference(text, text, refuri=address, classes=["archive-subscribe"])
