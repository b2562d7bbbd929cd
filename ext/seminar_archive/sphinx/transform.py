"""Render archive pages into their doctrees while Sphinx reads them."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..diagnostics import Problem
from ..pageplan import ITEM_KINDS, PageKind, theme_slug
from ..sourcedocs import source_document
from .citing import CITABLE_KINDS, cite_section, person_downloads, record_for
from .corrections import correction_link
from .domain import archive_domain
from .emit import warn
from .pages import render_page

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Pages of one record, where a reader may spot a mistake to report.
CORRECTABLE = ITEM_KINDS | {PageKind.PERSON, PageKind.ORGANISATION}


def title_text_of(parts: list[str | nodes.Node]) -> str:
    return "".join(p if isinstance(p, str) else p.astext() for p in parts)


class ArchivePageTransform(SphinxTransform):
    """Wrap a page's own content in a section titled and headed from the model."""

    # After docutils turns the front matter into docinfo (340), which must stay first in the
    # document for Sphinx to take it out; before titles and toctrees are collected.
    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        domain = archive_domain(self.env)
        state = domain.build
        docname = self.env.current_document.docname
        if state is None or docname not in state.pages:
            return
        page = state.pages[docname]
        sources_dir = state.config.sources_dir
        title_parts, above, below = render_page(
            state.archive, page, docname, sources_dir,
            partial(source_document, Path(self.env.srcdir) / sources_dir))
        item = state.items_by_docname.get(docname)
        if item is not None and item.source:  # its "Source" line shows the document's heading
            source = Path(self.env.srcdir) / sources_dir / item.source
            # Only a file that exists: Sphinx takes a missing dependency for a changed one, and would
            # read the page again at every build (the missing source is reported by the loader).
            if source.is_file():
                self.env.note_dependency(str(source))
        if item is not None and page.kind in CITABLE_KINDS:
            below.append(cite_section(state, record_for(state, item), docname))
        if page.kind == PageKind.PERSON and (bibliography := person_downloads(state.archive, page.key, docname)):
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
        if page.kind in CORRECTABLE:
            domain.note_object(page.kind, page.key, docname, "", title_text)
        if page.kind == PageKind.THEME:  # {theme} references lead to the theme's own page
            domain.note_object("theme", theme_slug(page.key), docname, "", title_text)


_HARMLESS_HTML = re.compile(r"(?:\s*(?:<!--.*?-->|<br\s*/?>))*\s*", re.DOTALL | re.IGNORECASE)


class RawHtmlTransform(SphinxTransform):
    """HTML written in a page is shown as text, never passed on as markup: a page must not be able
    to put a script, a form or an event handler into the site. Each is an ``archive.raw-html`` warning."""

    default_priority = 200

    def apply(self, **kwargs: Any) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            if "html" not in str(raw.get("format", "")).split():
                continue
            text = raw.astext()
            if _HARMLESS_HTML.fullmatch(text):
                # Comments (archive new leaves one for the archivist) and line breaks (as sources print them).
                if "<br" not in text:
                    raw.parent.remove(raw)
                continue
            shown = " ".join(text.split())
            shown = shown if len(shown) <= 60 else shown[:57] + "…"
            warn(self.config, Problem.RAW_HTML, "raw-html", {"html": shown}, raw)
            as_text: nodes.Element
            if isinstance(raw.parent, nodes.TextElement):
                as_text = nodes.literal(text, text, classes=["archive-raw-html"])
            else:
                as_text = nodes.literal_block(text, text, classes=["archive-raw-html"])
            as_text.source, as_text.line = raw.source, raw.line
            raw.replace_self(as_text)


def setup_transforms(app: Sphinx) -> None:
    app.add_transform(ArchivePageTransform)
    app.add_transform(RawHtmlTransform)
