"""The chronology of the sessions: all of them, one year's or one decade's."""

from __future__ import annotations

from docutils import nodes

from ..nodes_util import (
    bullets,
    doc_link,
    joined,
    para,
    section,
)
from .parts import PageParts


class ChronologyPages(PageParts):
    def chronology(self, year: int | None, decade: int | None = None) -> list[nodes.Node]:
        """Sessions by year: all of them, one ``year``'s, or one ``decade``'s."""
        sessions = self.archive.sessions_in_order()
        if decade is not None:
            sessions = [s for s in sessions if s.date.year - s.date.year % 10 == decade]
        years = sorted({s.date.year for s in sessions})
        out: list[nodes.Node] = []
        if year is None:
            out.append(para(*joined([doc_link(self.docname, f"sessions/{y}", str(y)) for y in years], " · "),
                            classes=["archive-letters"]))
        for current in years:
            if year is not None and current != year:
                continue
            rows = [self.session_row(s) for s in sessions if s.date.year == current]
            out.append(section(f"annee-{current}", str(current), bullets(rows, classes=["archive-chronology"])))
        return out
