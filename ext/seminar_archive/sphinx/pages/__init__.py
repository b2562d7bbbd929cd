"""The body of every page the extension renders, as docutils nodes built from the model, one
module per page family:

=================  =========================================================
``parts``          the pieces every page is made of (links, appearance lines, A–Z listing)
``items``          the header of an archivists' page (session, press release, event, series)
``people``         a person's page, the people's A–Z index
``organisations``  an organisation's page, the organisations' A–Z index
``themes``         the themes' index, a theme's page
``chronology``     the chronology, a year's and a decade's sessions
``press``          the press and events index
=================  =========================================================

``PAGE_FAMILIES`` maps each generated page kind to its title and its body. Archivists' pages keep
their own body (the presentation text) under a header rendered from their front matter;
generated pages are rendered whole. Nothing here reads files or emits warnings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docutils import nodes

from ...archive import Archive
from ...pageplan import PageKind, PlannedPage
from ...sourcedocs import SourceDocument
from ...textfr import typo_fr
from ..nodes_util import Part, para
from .chronology import ChronologyPages
from .items import ItemPages
from .organisations import OrganisationPages
from .people import PeoplePages
from .press import PressPages
from .themes import ThemePages


class Renderer(ItemPages, PeoplePages, OrganisationPages, ThemePages, ChronologyPages, PressPages):
    """Renders one page of the plan; ``docname`` is the page being read."""


Rendered = tuple[list[Part], list[nodes.Node], list[nodes.Node]]


@dataclass(frozen=True)
class PageFamily:
    """How one kind of generated page is titled and rendered."""

    title: Callable[[Archive, PlannedPage], str]
    body: Callable[[Renderer, Archive, PlannedPage], list[nodes.Node]]


PAGE_FAMILIES: dict[PageKind, PageFamily] = {
    PageKind.PERSON: PageFamily(lambda a, p: a.people[p.key].display_name,
                                lambda r, a, p: r.person_page(a.people[p.key])),
    PageKind.ORGANISATION: PageFamily(lambda a, p: a.organisations[p.key].name,
                                      lambda r, a, p: r.organisation_page(a.organisations[p.key])),
    PageKind.PEOPLE_INDEX: PageFamily(lambda a, p: "Personnes de A à Z", lambda r, a, p: r.people_index(None)),
    PageKind.PEOPLE_LETTER: PageFamily(lambda a, p: typo_fr("Personnes : ") + p.key,
                                       lambda r, a, p: r.people_index(p.key or None)),
    PageKind.ORGS_INDEX: PageFamily(lambda a, p: "Organisations de A à Z",
                                    lambda r, a, p: r.organisations_index(None)),
    PageKind.ORGS_LETTER: PageFamily(lambda a, p: typo_fr("Organisations : ") + p.key,
                                     lambda r, a, p: r.organisations_index(p.key or None)),
    PageKind.THEMES: PageFamily(lambda a, p: "Thèmes", lambda r, a, p: r.themes_index()),
    PageKind.THEME: PageFamily(lambda a, p: p.key, lambda r, a, p: r.theme_page(p.key)),
    PageKind.CHRONOLOGY: PageFamily(lambda a, p: "Chronologie des séances", lambda r, a, p: r.chronology(None)),
    PageKind.YEAR: PageFamily(lambda a, p: f"Séances de {p.key}",
                              lambda r, a, p: r.chronology(int(p.key) if p.key else None)),
    PageKind.DECADE: PageFamily(lambda a, p: f"Séances des années {p.key}",
                                lambda r, a, p: r.chronology(None, decade=int(p.key))),
    PageKind.PRESS_INDEX: PageFamily(lambda a, p: "Presse et événements", lambda r, a, p: r.press_index()),
}


def render_page(archive: Archive, page: PlannedPage, docname: str, sources_dir: str,
                source_for: Callable[[str], SourceDocument] | None = None) -> Rendered:
    """(title, nodes above the page's own content, nodes below it) of ``page``; the source
    documents are in ``sources_dir`` of the output, described by ``source_for``."""
    renderer = Renderer(archive, docname, sources_dir, source_for)
    if page.kind == PageKind.UNUSABLE:
        notice = nodes.warning("", para(typo_fr(
            "Cette page n’a pas pu être lue comme une page de l’archive : son "
            "en-tête contient des erreurs, signalées lors de la construction du site.")))
        return [archive.unusable_pages[page.key]], [notice], []
    if not page.generated:
        item = archive.item(page.kind, page.key)
        return (renderer.item_title(item), *renderer.item_header(item))
    family = PAGE_FAMILIES[page.kind]
    return [family.title(archive, page)], family.body(renderer, archive, page), []
