"""The press and events index."""

from __future__ import annotations

from docutils import nodes

from ...textfr import date_fr
from ..nodes_util import (
    bullets,
    section,
)
from .parts import PageParts


class PressPages(PageParts):
    def press_index(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        releases = self.archive.press_in_order()
        if releases:
            out.append(section("communiques", "Communiqués de presse",
                               bullets([[date_fr(p.date), " — ", self.item_link(p)] for p in releases])))
        events = sorted(self.archive.events.values(), key=lambda e: (e.date, e.id))
        if events:
            out.append(section("evenements", "Événements",
                               bullets([[date_fr(e.date), " — ", self.item_link(e)] for e in events])))
        return out
