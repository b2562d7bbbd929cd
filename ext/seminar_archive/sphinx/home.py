"""The home page's view of the series, generated from the archive: ``{archive-timeline}`` (every
session on a time line, year by year) and ``{archive-latest}`` (the newest press releases and the
ways in: people, organisations, themes).

Both are built from the model while Sphinx reads the page. The page is re-read whenever what they
show changes (the domain keeps a fingerprint of it, like the generated pages).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..pagedeps import summary
from ..textfr import date_fr, plural
from .domain import archive_domain
from .nodes_util import doc_link, para, xref

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..archive import Archive
    from .state import BuildState


def listing_fingerprint(archive: Archive) -> str:
    """A hash of what the home page's listings show of the archive."""
    items = (*archive.sessions_in_order(), *archive.press.values(), *archive.events.values())
    shown: list[object] = [summary(item) for item in items]
    shown.append(tuple(sorted(archive.people)))
    shown.append(tuple(sorted(archive.organisations)))
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()[:20]


class _ListingDirective(SphinxDirective):
    has_content = False

    def _state(self) -> BuildState | None:
        domain = archive_domain(self.env)
        state = domain.build
        if state is not None:
            domain.note_listing(self.env.docname, listing_fingerprint(state.archive))
        return state


class ArchiveTimeline(_ListingDirective):
    """Every session in date order, grouped by year: a time line that reads as a list."""

    def run(self) -> list[nodes.Node]:
        state = self._state()
        if state is None or not state.archive.sessions:
            return [para("Aucune séance n’est encore dans l’archive.")]
        docname = self.env.docname
        years: dict[int, list[nodes.Node]] = {}
        for session in state.archive.sessions_in_order():
            entry = nodes.list_item(classes=["archive-timeline-session"])
            when = nodes.inline(date_fr(session.date), date_fr(session.date), classes=["archive-timeline-date"])
            number = nodes.inline(f"Séance {session.number}", f"Séance {session.number}",
                                  classes=["archive-timeline-number"])
            speakers = len(session.speakers)
            entry += para(when, " · ", number, classes=["archive-timeline-when"])
            entry += para(xref("session", session.id, session.title), classes=["archive-timeline-title"])
            if speakers:
                entry += para(plural(speakers, "intervention", "interventions"), classes=["archive-timeline-meta"])
            years.setdefault(session.date.year, []).append(entry)
        timeline = nodes.bullet_list(classes=["archive-timeline"])
        for year, entries in years.items():
            year_item = nodes.list_item(classes=["archive-timeline-year"])
            year_item += para(doc_link(docname, f"sessions/{year}", str(year)), classes=["archive-timeline-label"])
            sessions = nodes.bullet_list(classes=["archive-timeline-sessions"])
            sessions.extend(entries)
            year_item += sessions
            timeline += year_item
        return [timeline]


class ArchiveLatest(_ListingDirective):
    """The newest press releases (``:press: N``, 3 by default) and the ways into the archive."""

    option_spec: ClassVar[dict[str, object]] = {"press": directives.nonnegative_int}

    def run(self) -> list[nodes.Node]:
        state = self._state()
        if state is None:
            return []
        docname = self.env.docname
        archive = state.archive
        count = self.options.get("press", 3)
        press = sorted(archive.press.values(), key=lambda p: (p.date, p.id), reverse=True)[:count]
        out: list[nodes.Node] = []
        if press:
            listing = nodes.bullet_list(classes=["archive-latest-press"])
            for release in press:
                listing += nodes.list_item("", para(
                    nodes.inline(date_fr(release.date), date_fr(release.date), classes=["archive-timeline-date"]),
                    " — ", xref("press", release.id, release.title)))
            out += [nodes.rubric("", "La presse", classes=["archive-home-heading"]), listing]
        ways = nodes.bullet_list(classes=["archive-ways-in"])
        for target, label, detail in (
                ("people/index", "Les personnes", plural(len(archive.people), "personne", "personnes")),
                ("organisations/index", "Les organisations",
                 plural(len(archive.organisations), "organisation", "organisations")),
                ("themes/index", "Les thèmes", plural(len(archive.items_by_theme()), "thème", "thèmes")),
                ("sessions/index", "La chronologie", plural(len(archive.sessions), "séance", "séances"))):
            ways += nodes.list_item("", para(doc_link(docname, target, label), f" ({detail})"))
        out += [nodes.rubric("", "Entrer dans l’archive", classes=["archive-home-heading"]), ways]
        return out


def setup_home(app: Sphinx) -> None:
    app.add_directive("archive-timeline", ArchiveTimeline)
    app.add_directive("archive-latest", ArchiveLatest)
