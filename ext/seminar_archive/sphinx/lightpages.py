"""Light pages: what each page loads is what it uses.

pydata-sphinx-theme (under sphinx-book-theme) loads on every page ``fontawesome.js`` (1.56 MB,
0.54 MB compressed) to draw a dozen icons, and the search index with Sphinx's search scripts
(130 KB) for a search-as-you-type that is off. The theme's asset macros and layout are overridden
(``templates/static/webpack-macros.html``, ``templates/layout.html``) to leave them out: the icons
are SVG masks in ``archive-icons.css``, the search page loads its own scripts. The theme's script
also logs "Got invalid theme mode" on every page when no default mode is set, and browsers ask
for ``/favicon.ico`` when a page names no icon: both are set here unless conf.py sets them.
Scripts and a stylesheet that extensions add to every page are left out of the pages that have
nothing for them: the copy button's on pages without code blocks, sphinx-design's tabs script
on pages without tabs, its stylesheet on pages without any of its components. Sphinx's
``sphinx_highlight.js`` (it marks the words of a ``?highlight=`` address, which only Sphinx's own
search gave) is left out of every page: the search is Pagefind's, whose results link to plain
addresses.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"
FAVICON = STATIC / "archive-favicon.svg"
PYDATA_THEMES = ("sphinx_book_theme", "pydata_sphinx_theme")


def _configure(app: Sphinx, config: Config) -> None:
    if config.html_theme in PYDATA_THEMES:
        # The theme's script reads the colour mode from localStorage or this template variable;
        # its default, "", is invalid to it.
        context = dict(config.html_context or {})
        context.setdefault("default_mode", "auto")
        config.html_context = context
    if not config.html_favicon:
        config.html_favicon = str(FAVICON)


# Asset (file name) -> what a page's body must hold for the asset to have work there.
PAGE_ASSETS = {
    "clipboard.min.js": "<pre",  # sphinx-copybutton: buttons on code blocks (div.highlight pre)
    "copybutton.js": "<pre",
    "copybutton.css": "<pre",
    "design-tabs.js": "sd-tab-set",  # sphinx-design: remembers the chosen tab
    "sphinx-design.min.css": 'class="sd-',
}
# Assets no page of the archive uses.
UNUSED_ASSETS = frozenset({"sphinx_highlight.js"})


def _asset_name(asset: Any) -> str:
    return str(getattr(asset, "filename", asset)).split("?")[0].rsplit("/", 1)[-1]


def _drop_unused_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                        doctree: object) -> None:
    body = context.get("body")
    # Pages Sphinx makes (search, genindex) have no body to judge by: only the unused go.
    judged = doctree is not None and isinstance(body, str)
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if isinstance(assets, list):
            # In place: it is the list Sphinx adds this page's own assets to (app.add_js_file).
            assets[:] = [a for a in assets if _asset_name(a) not in UNUSED_ASSETS
                         and (not judged or PAGE_ASSETS.get(_asset_name(a), "") in str(body))]


def setup_light_pages(app: Sphinx) -> None:
    app.connect("config-inited", _configure)
    app.add_css_file("archive-icons.css")
    # Late, to see the assets other handlers add to the page (the theme's version switcher).
    app.connect("html-page-context", _drop_unused_assets, priority=960)
