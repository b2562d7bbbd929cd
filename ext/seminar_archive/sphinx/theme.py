"""What the extension adds to the theme (its stylesheet and static files) and two mends of
sphinx-book-theme 1.4 / pydata-sphinx-theme 0.20 that readers would otherwise meet."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"
TOGGLE_LABEL = "Afficher ou masquer les pages de cette rubrique"


def _named_toggles(render: Any) -> Any:
    def named(*args: Any, **kwargs: Any) -> Any:
        rendered = render(*args, **kwargs)
        if isinstance(rendered, str):  # markup (the theme may return a string or a parsed tree)
            return type(rendered)(str(rendered).replace("<summary>", f'<summary aria-label="{TOGGLE_LABEL}">'))
        for summary in rendered.find_all("summary"):  # BeautifulSoup, as pydata-sphinx-theme 0.20 returns
            summary["aria-label"] = TOGGLE_LABEL
        return rendered
    return named


def mend_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                      doctree: object) -> None:
    # pydata-sphinx-theme's navigation folds sections in <details> whose <summary> has no text:
    # screen readers announce an unnamed control (axe: summary-name). Name it.
    toctree = context.get("generate_toctree_html")
    if callable(toctree):
        context["generate_toctree_html"] = _named_toggles(toctree)
    # sphinx-book-theme 1.4 sets "pagetitle" to the title's plain text and prints it unescaped
    # in its print header (<h1>{{ pagetitle }}</h1>): a title from a page must not become markup.
    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = html.escape(context["pagetitle"])


def _add_static_path(app: Sphinx, config: Config) -> None:
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def setup_theme(app: Sphinx) -> None:
    # After the theme's own handler, which sets "pagetitle".
    app.connect("html-page-context", mend_page_context, priority=900)
    app.add_css_file("archive.css")
    app.connect("config-inited", _add_static_path)
