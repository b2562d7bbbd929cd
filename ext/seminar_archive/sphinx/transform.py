"""Render archive pages into their doctrees while Sphinx reads them."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..diagnostics import WARNING_TYPE
from ..pageplan import PERSON, THEMES, theme_slug
from .citing import CITABLE_KINDS, cite_section, person_downloads, record_for
from .corrections import correction_link
from .domain import ArchiveDomain
from .render import render_page

# Pages of one record, where a reader may spot a mistake to report.
CORRECTABLE = ("session", "press", "event", "series", "person", "org")


def title_text_of(parts: list[str | nodes.Node]) -> str:
    return "".join(p if isinstance(p, str) else p.astext() for p in parts)


class ArchivePageTransform(SphinxTransform):
    """Wrap a page's own content in a section titled and headed from the model."""

    # After docutils turns the front matter into docinfo (340), which must stay first in the
    # document for Sphinx to take it out; before titles and toctrees are collected.
    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        domain = self.env.domains[WARNING_TYPE]
        assert isinstance(domain, ArchiveDomain)
        state = domain.build
        docname = self.env.current_document.docname
        if state is None or docname not in state.pages:
            return
        page = state.pages[docname]
        title_parts, above, below = render_page(state.archive, page, docname)
        item = state.items_by_docname.get(docname)
        if item is not None and page.kind in CITABLE_KINDS:
            below.append(cite_section(record_for(state, item), docname))
        if page.kind == PERSON and (bibliography := person_downloads(state.archive, page.key, docname)):
            above.insert(1, bibliography)
        if page.kind in CORRECTABLE and state.config.corrections_to:
            record = f"{page.kind} {page.key}"
            below.append(correction_link(state.config.corrections_to, title_text_of(title_parts), record,
                                         state.url_for(docname), state.config.version))
        anchor = nodes.make_id(f"{page.kind}-{page.key}" if page.key else page.kind)
        top = nodes.section(ids=[anchor])
        title = nodes.title("", "", *[nodes.Text(p) if isinstance(p, str) else p for p in title_parts])
        top += title
        top.extend(above)
        kept = [child for child in self.document.children if isinstance(child, nodes.docinfo)]
        top.extend(child for child in self.document.children if not isinstance(child, nodes.docinfo))
        top.extend(below)
        self.document.children = []
        self.document.extend(kept)
        self.document += top
        title_text = title.astext()
        domain.note_page(docname, state.fingerprints[docname], title_text)
        if page.kind in ("session", "press", "event", "series", "person", "org"):
            domain.note_object(page.kind, page.key, docname, "", title_text)
        if page.kind == THEMES:
            for theme in state.archive.items_by_theme():
                domain.note_object("theme", theme_slug(theme), docname, theme_slug(theme), theme)
