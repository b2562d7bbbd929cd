"""The header of an archivists' page (a session, a press release, an event, a series): the fields
from its front matter above the page's own text, who took part and what it lists below it. One
method over the four item kinds: their fields overlap (date, place, organisations) and are shown in
one order."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ...model import (
    Event,
    Item,
    PressRelease,
    Series,
    Session,
)
from ...textfr import date_fr, supplied
from ..nodes_util import (
    Part,
    bullets,
    field_list,
    joined,
    para,
    section,
)
from .parts import PageParts


class ItemPages(PageParts):
    def item_header(self, item: Item) -> tuple[list[nodes.Node], list[nodes.Node]]:
        """(what goes above the page's own text, what goes below it, as sections)."""
        rows: list[tuple[str, Sequence[Part | None]]] = []
        if isinstance(item, Session):
            series = self.archive.series.get(item.series)
            series_part: Part = self.item_link(series) if series else item.series
            rows += [("Séance", [f"n° {item.number} de la série ", series_part]),
                     ("Date", [date_fr(item.date)])]
        if isinstance(item, PressRelease):
            rows.append(("Date", [date_fr(item.date)]))
            if item.place:
                rows.append(("Lieu", [supplied(item.place) if item.is_supplied("place") else item.place]))
            if item.issuer:
                issuers = joined([self.org_link(o) for o in item.issuer])
                if item.is_supplied("issuer"):
                    issuers = ["[", *issuers, "]"]
                rows.append(("Émetteur", issuers))
            if item.event and item.event in self.archive.events:
                rows.append(("Événement", [self.item_link(self.archive.events[item.event])]))
        if isinstance(item, Event):
            rows.append(("Date", [date_fr(item.date)]))
            if item.edition:
                rows.append(("Édition", [f"{item.edition}e" if item.edition > 1 else "1re"]))
            if item.venue:
                rows.append(("Lieu", [item.venue]))
            if item.organisers:
                rows.append(("Organisateurs", joined([self.org_link(o) for o in item.organisers])))
            if item.supporters:
                rows.append(("Avec le soutien de", joined([self.org_link(o) for o in item.supporters])))
        if isinstance(item, Series):
            sessions = self.archive.sessions_of_series(item.id)
            if sessions:
                rows.append(("Période", [f"du {date_fr(sessions[0].date)} au {date_fr(sessions[-1].date)}"]))
                rows.append(("Séances", [str(len(sessions))]))
            if item.organisers:
                rows.append(("Organisation", joined([self.org_link(o) for o in item.organisers])))
        if item.themes:
            rows.append(("Thèmes", self.theme_links(item.themes)))
        rows.append(("Source", self.source_link(item)))
        rows.append(("Identifiant", [nodes.literal(item.id, item.id)]))
        head: list[nodes.Node] = [field_list(rows, classes=["archive-meta"])]
        if note := self.supplied_note(item):
            head.append(note)
        out: list[nodes.Node] = []
        if isinstance(item, (Session, Event)):
            out += self.appearance_list("Animation", item.moderators, "animation")
            out += self.appearance_list("Intervenants", item.speakers, "intervenants")
            if isinstance(item, Session) and not item.appearances:
                head.append(para("Le programme ne nomme ni animateur ni intervenant pour cette séance.",
                                 classes=["archive-empty"]))
        if isinstance(item, PressRelease):
            out += self.press_people(item)
        if isinstance(item, (PressRelease, Session)) and item.organisations:
            out.append(section("organisations-nommees", "Organisations nommées",
                               para(*joined([self.org_link(o) for o in item.organisations]))))
        if isinstance(item, Event):
            releases = [p for p in self.archive.press_in_order() if p.event == item.id]
            if releases:
                out.append(section("presse", "Dans la presse",
                                   bullets([[date_fr(p.date), " — ", self.item_link(p)] for p in releases])))
        if isinstance(item, Series):
            sessions = self.archive.sessions_of_series(item.id)
            out.append(section("seances", "Séances",
                               bullets([self.session_row(s) for s in sessions], classes=["archive-chronology"])))
        return head, out
