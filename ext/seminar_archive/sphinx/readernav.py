"""The reader's navigation on every screen: the menu and page-contents buttons (which the theme
leaves unbound under sphinx-book-theme), one search box, the version notice out of the sidebar's
way, and a version switch that lands on the nearest page a version has (``archive-nav.js``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# The page sphinx-notfound-page writes (its notfound_pagename), the one page that looks for the
# missing address in the other versions (archive-versions.js).
NOT_FOUND_PAGE = "404"


def _not_found_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                      doctree: object) -> None:
    # Added from html-page-context, a script is on this page only: no other page uses it.
    if pagename == getattr(app.config, "notfound_pagename", NOT_FOUND_PAGE):
        app.add_js_file("archive-versions.js", loading_method="defer")


def setup_reader_navigation(app: Sphinx) -> None:
    app.connect("html-page-context", _not_found_script)
    app.add_js_file("archive-nav.js", loading_method="defer")
    app.add_css_file("archive-nav.css")
