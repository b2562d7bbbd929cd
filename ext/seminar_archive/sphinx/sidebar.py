"""The navigation sidebar, rendered once per section instead of once per page.

pydata-sphinx-theme (under sphinx-book-theme) builds each page's sidebar by resolving Sphinx's
whole global toctree (every document's toc is copied before the collapsed branches are cut) and
re-parsing the result with BeautifulSoup: the profile of a 400-session build spent a third of
its writing time there, and the resolution grows with the archive, so per-page cost grew with N.

Pages that are leaves of the navigation (sessions, people, organisations) and share their
parent section and folder have the same sidebar but for one entry, the current page's. So the
first such page's sidebar is rendered by the theme, and each sibling's is derived from it: the
first page's entry made an ordinary link, the sibling's made current. Where that edit cannot be
made exactly (the entries are not in the expected form), the theme renders the page as before.
``archive_sidebar_cache = False`` turns it off; a test compares both builds byte for byte.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

# The current page's entry and an ordinary entry, as pydata-sphinx-theme 0.20 prints them.
_CURRENT = re.compile(r'<li class="(toctree-l\d+) current active"><a class="current reference internal" href="#">')
_UNSAFE_IN_HREF = re.compile(r"[\\\"'&<>]")

Render = Callable[..., Any]


@dataclass
class SidebarCache:
    """One build's sidebars by section; ``None`` marks a section whose sidebar cannot be shared."""

    sidebars: dict[tuple[Any, ...], tuple[str, str] | None] = field(default_factory=dict)
    parents: dict[str, str | None] | None = None
    hits: int = 0

    def _parent_map(self, env: BuildEnvironment) -> dict[str, str | None]:
        # Written pages never change the toctrees: computed once, at the first page written.
        if self.parents is None:
            parents: dict[str, str | None] = {}
            for parent, children in env.toctree_includes.items():
                for child in children:
                    # A page listed in two sections has two possible sidebars: never shared.
                    parents[child] = None if child in parents else parent
            self.parents = parents
        return self.parents

    def section_of(self, env: BuildEnvironment, docname: str) -> tuple[str, ...] | None:
        """The chain of sections above a leaf page, or None when the page is not a plain leaf."""
        if env.toctree_includes.get(docname):
            return None
        parents = self._parent_map(env)
        chain: list[str] = []
        current = docname
        while current != env.config.root_doc:
            parent = parents.get(current)
            if parent is None or parent in chain:
                return None
            chain.append(parent)
            current = parent
        return tuple(chain)

    def wrap(self, app: Sphinx, pagename: str, render: Render) -> Render:
        """``render`` (the theme's generate_toctree_html for ``pagename``), sharing sidebars."""
        section = self.section_of(app.env, pagename)
        if section is None:
            return render

        # The theme asks twice per page (once to drop empty templates, once to render): the
        # page's own sidebar is derived once.
        derived_here: dict[tuple[Any, ...], Any] = {}

        def shared(*args: Any, **kwargs: Any) -> Any:
            if args or kwargs.get("kind") != "sidebar":
                return render(*args, **kwargs)
            key = (section, posixpath.dirname(pagename), tuple(sorted((k, repr(v)) for k, v in kwargs.items())))
            if key not in derived_here:
                derived_here[key] = self._sidebar(app, pagename, key, partial(render, *args, **kwargs))
            return derived_here[key]

        return shared

    def _sidebar(self, app: Sphinx, pagename: str, key: tuple[Any, ...], render: Callable[[], Any]) -> Any:
        if key not in self.sidebars:
            markup = str(render())
            self.sidebars[key] = (pagename, markup) if len(_CURRENT.findall(markup)) == 1 else None
            return markup
        cached = self.sidebars[key]
        derived = self._derive(app, cached, pagename) if cached is not None else None
        if derived is None:
            return render()
        self.hits += 1
        return derived

    @staticmethod
    def _derive(app: Sphinx, cached: tuple[str, str], pagename: str) -> str | None:
        first, markup = cached
        if first == pagename:
            return markup
        first_href = app.builder.get_relative_uri(pagename, first)
        # Siblings share a folder, so every other link reads the same from either page.
        own_href = app.builder.get_relative_uri(first, pagename)
        if _UNSAFE_IN_HREF.search(first_href) or _UNSAFE_IN_HREF.search(own_href):
            return None
        markup, count = _CURRENT.subn(rf'<li class="\1"><a class="reference internal" href="{first_href}">', markup)
        if count != 1:
            return None
        own_entry = re.compile(r'<li class="(toctree-l\d+)"><a class="reference internal" href="'
                               + re.escape(own_href) + '">')
        markup, count = own_entry.subn(r'<li class="\1 current active"><a class="current reference internal" href="#">',
                                       markup)
        return markup if count == 1 else None


def install(app: Sphinx, cache: SidebarCache) -> None:
    """Share sidebars from the moment the theme defines its sidebar function.

    The theme renders every sidebar template once, to drop empty ones, in the handler that runs
    right after the one defining generate_toctree_html, at the same priority: so our wrapper
    takes the defining handler's place in the listener list (same id, same priority, same order)
    rather than being connected after it."""
    listeners = app.events.listeners.get("html-page-context", [])
    for index, listener in enumerate(listeners):
        handler = listener.handler
        if (getattr(handler, "__module__", "") == "pydata_sphinx_theme.toctree"
                and getattr(handler, "__name__", "") == "add_toctree_functions"):
            listeners[index] = listener._replace(handler=_sharing(handler, cache))
            return
    logger.debug("[archive] pydata-sphinx-theme's add_toctree_functions not found: sidebars not shared")


def _sharing(define: Callable[..., None], cache: SidebarCache) -> Callable[..., None]:
    def define_then_share(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                          doctree: object) -> None:
        define(app, pagename, templatename, context, doctree)
        render = context.get("generate_toctree_html")
        if callable(render):
            context["generate_toctree_html"] = cache.wrap(app, pagename, render)
    define_then_share.__name__ = "add_toctree_functions_shared"
    return define_then_share
