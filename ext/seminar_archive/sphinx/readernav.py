"""The reader's navigation on every screen: the menu and page-contents buttons (which the theme
leaves unbound under sphinx-book-theme), one search box, the version notice out of the sidebar's
way, and a version switch that lands on the nearest page a version has (``archive-nav.js``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_reader_navigation(app: Sphinx) -> None:
    app.add_js_file("archive-nav.js", loading_method="defer")
    app.add_css_file("archive-nav.css")
