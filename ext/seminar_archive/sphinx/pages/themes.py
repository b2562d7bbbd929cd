"""The themes' index and a theme's own page."""

from __future__ import annotations

from docutils import nodes

from ...collation import sort_key
from ...model import (
    Session,
)
from ...pageplan import theme_docname, theme_slug
from ...textfr import NBSP, typo_fr
from ..nodes_util import (
    bullets,
    doc_link,
    para,
    section,
)
from .parts import PageParts


class ThemePages(PageParts):
    def themes_index(self) -> list[nodes.Node]:
        """Every theme with its items, under the anchors the themes had before they had pages
        (themes/index.html#donnees-de-sante), each with a link to its page."""
        note = typo_fr("Les thèmes sont attribués par l’archive ; ils ne figurent pas dans les sources.")
        out: list[nodes.Node] = [para(note, classes=["archive-supplied-note"])]
        themes = self.archive.items_by_theme()
        for theme in sorted(themes, key=lambda t: sort_key(t)):
            link = doc_link(self.docname, theme_docname(theme), f"Page du thème «{NBSP}{theme}{NBSP}»")
            out.append(section(theme_slug(theme), theme, para(link, classes=["archive-theme-link"]),
                               bullets(self._dated_lines(themes[theme]))))
        return out

    def theme_page(self, theme: str) -> list[nodes.Node]:
        items = self.archive.items_by_theme().get(theme, [])
        sessions = [i for i in items if isinstance(i, Session)]
        others = [i for i in items if not isinstance(i, Session)]
        note = typo_fr("Ce thème est attribué par l’archive ; il ne figure pas dans les sources. ")
        out: list[nodes.Node] = [para(note,
                                      doc_link(self.docname, "themes/index", "Tous les thèmes"), ".",
                                      classes=["archive-supplied-note"])]
        if sessions:
            out.append(section(f"seances-{theme_slug(theme)}", "Séances",
                               bullets([self.session_row(i) for i in sessions], classes=["archive-chronology"])))
        if others:
            out.append(section(f"documents-{theme_slug(theme)}", "Presse, événements et séries",
                               bullets(self._dated_lines(others))))
        return out
