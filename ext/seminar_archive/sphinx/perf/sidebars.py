"""The navigation sidebar, rendered once per section instead of once per page.

pydata-sphinx-theme (under sphinx-book-theme) builds each page's sidebar by resolving Sphinx's
whole global toctree (every document's toc is copied before the collapsed branches are cut) and
re-parsing the result with BeautifulSoup; the resolution grows with the archive, so per-page
cost grew with N (docs/performance.md).

Pages that are leaves of the navigation (sessions, people, organisations) and share their
parent section have the same sidebar but for one entry, the current page's; so has the section's
own page (a year, a letter), whose children are those leaves. So the first page of such a group
has its sidebar rendered by the theme, and every other page's is derived from it: the first
page's entry made an ordinary link, the page's own made current, and, between folders (the
section page of people/a-z/ and its people in people/), every link rewritten for the new folder.
Where that edit cannot be made exactly (the entries are not in the expected form), the theme
renders the page as before. ``archive_sidebar_cache = False`` turns it off; a test compares
both builds byte for byte.
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

# The current page's entry (a leaf, or a section with its pages below), and the list of a section's
# pages, as pydata-sphinx-theme 0.20 prints them.
_CURRENT = re.compile(r'<li class="(toctree-l\d+) current active"><a class="current reference internal" href="#">')
_CURRENT_SECTION = re.compile(
    r'<li class="(toctree-l\d+) current active has-children"><a class="current reference internal" href="#">')
_SUMMARY_END = "</summary>"
_UNSAFE_IN_HREF = re.compile(r"[\\\"'&<>]")
_HREF = re.compile(r'href="([^"#]*)(#[^"]*)?"')

Render = Callable[..., Any]


@dataclass
class SidebarCache:
    """One build's sidebars by group of pages (a section's page and its leaves), a first one per
    folder; ``None`` marks a group whose sidebar cannot be shared."""

    sidebars: dict[tuple[Any, ...], dict[str, tuple[str, str]] | None] = field(default_factory=dict)
    parents: dict[str, str | None] | None = None
    page_of_uri: dict[str, str] | None = None
    hits: int = 0
    rendered: int = 0  # sidebars the theme rendered: one per group, and one per page in none

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

    def group_of(self, env: BuildEnvironment, docname: str) -> tuple[str, ...] | None:
        """The section whose pages share ``docname``'s sidebar, and the sections above it: for a
        leaf, its parent's chain; for a section whose children are all leaves, its own. None for
        any other page (the root, a section of sections, a page listed twice)."""
        children = env.toctree_includes.get(docname)
        if not children:
            return self.section_of(env, docname)
        if any(env.toctree_includes.get(child) for child in children):
            return None
        above = self.section_of(env, docname)
        return None if above is None else (docname, *above)

    def section_of(self, env: BuildEnvironment, docname: str) -> tuple[str, ...] | None:
        """The chain of sections above a page, or None when a page on the way has two parents."""
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
        section = self.group_of(app.env, pagename)
        if section is None:
            self.rendered += 1
            return render

        # The theme asks twice per page (once to drop empty templates, once to render): the
        # page's own sidebar is derived once.
        derived_here: dict[tuple[Any, ...], Any] = {}

        def shared(*args: Any, **kwargs: Any) -> Any:
            if args or kwargs.get("kind") != "sidebar":
                return render(*args, **kwargs)
            key = (section, tuple(sorted((k, repr(v)) for k, v in kwargs.items())))
            if key not in derived_here:
                derived_here[key] = self._sidebar(app, pagename, key, partial(render, *args, **kwargs))
            return derived_here[key]

        return shared

    def _sidebar(self, app: Sphinx, pagename: str, key: tuple[Any, ...], render: Callable[[], Any]) -> Any:
        folder = posixpath.dirname(app.builder.get_target_uri(pagename))
        if key not in self.sidebars:
            markup = str(render())
            self.rendered += 1
            shareable = len(_CURRENT.findall(markup)) + len(_CURRENT_SECTION.findall(markup)) == 1
            self.sidebars[key] = {folder: (pagename, markup)} if shareable else None
            return markup
        firsts = self.sidebars[key]
        if firsts is None:
            return render()
        # A first page in this folder if there is one (no link to rewrite), else any.
        cached = firsts.get(folder) or next(iter(firsts.values()))
        derived = self._derive(app, cached, pagename)
        if derived is None:
            return render()
        firsts.setdefault(folder, (pagename, derived))
        self.hits += 1
        return derived

    def _derive(self, app: Sphinx, cached: tuple[str, str], pagename: str) -> str | None:
        first, markup = cached
        if first == pagename:
            return markup
        builder = app.builder
        first_href = builder.get_relative_uri(pagename, first)
        if posixpath.dirname(builder.get_target_uri(first)) == posixpath.dirname(builder.get_target_uri(pagename)):
            # Siblings share a folder, so every other link reads the same from either page.
            own_href = builder.get_relative_uri(first, pagename)
        else:
            rebased = self._rebase(app, markup, first, pagename)
            if rebased is None:
                return None
            # Every link now reads from the page; its own entry links to itself (Sphinx: "").
            markup, own_href = rebased, builder.get_relative_uri(pagename, pagename)
        if _UNSAFE_IN_HREF.search(first_href) or _UNSAFE_IN_HREF.search(own_href):
            return None
        if _CURRENT_SECTION.search(markup):  # the first page is the section, the page one of its leaves
            return _make_current(_make_ordinary(markup, first_href, section=True), own_href, section=False)
        ordinary = _make_ordinary(markup, first_href, section=False)
        # The page is a sibling leaf, or else the section the first page is in.
        return (_make_current(ordinary, own_href, section=False)
                or _make_current(ordinary, own_href, section=True))

    def _rebase(self, app: Sphinx, markup: str, first: str, pagename: str) -> str | None:
        """``markup`` as seen from ``first``, with every link rewritten as seen from ``pagename``;
        None if a link does not lead to a page of the site."""
        builder = app.builder
        if self.page_of_uri is None:
            self.page_of_uri = {builder.get_target_uri(docname): docname for docname in app.env.found_docs}
        page_of_uri = self.page_of_uri
        base = posixpath.dirname(builder.get_target_uri(first))
        failed = False

        def rewrite(match: re.Match[str]) -> str:
            nonlocal failed
            href, fragment = match.group(1), match.group(2) or ""
            if not href:  # "#…": a place in the page itself
                return match.group(0)
            # An absolute or external link is no page's address relative to ``base``: it fails here.
            target = page_of_uri.get(posixpath.normpath(posixpath.join(base, href)))
            if target is None:
                failed = True
                return match.group(0)
            return f'href="{builder.get_relative_uri(pagename, target)}{fragment}"'

        rebased = _HREF.sub(rewrite, markup)
        return None if failed else rebased


_LEAF_OPEN = '<li class="{level}"><a class="reference internal" href="{href}">'
_LEAF_CURRENT = '<li class="\\1 current active"><a class="current reference internal" href="#">'
_SECTION_OPEN = '<li class="{level} current active has-children"><a class="reference internal" href="{href}">'
_SECTION_CURRENT = '<li class="\\1 current active has-children"><a class="current reference internal" href="#">'


def _make_ordinary(markup: str, href: str, *, section: bool) -> str | None:
    """The current page's entry made a link to ``href`` (a section stays open: the page is in it)."""
    if section:
        markup, count = _CURRENT_SECTION.subn(_SECTION_OPEN.format(level="\\1", href=href), markup)
        return _mark_pages_list(markup, href, current=True) if count == 1 else None
    markup, count = _CURRENT.subn(_LEAF_OPEN.format(level="\\1", href=href), markup)
    return markup if count == 1 else None


def _make_current(markup: str | None, href: str, *, section: bool) -> str | None:
    """The entry linking to ``href`` made the current page's."""
    if markup is None:
        return None
    opening = (_SECTION_OPEN if section else _LEAF_OPEN).format(level="(toctree-l\\d+)", href=re.escape(href))
    markup, count = re.subn(opening, _SECTION_CURRENT if section else _LEAF_CURRENT, markup)
    if count != 1:
        return None
    return _mark_pages_list(markup, "#", current=False) if section else markup


def _mark_pages_list(markup: str, section_href: str, *, current: bool) -> str | None:
    """The list of pages under the section linked as ``section_href`` ("#": the current page)
    marked as holding the current page (Sphinx's "current" class) or not."""
    link_class = "current reference internal" if section_href == "#" else "reference internal"
    start = markup.find(f'has-children"><a class="{link_class}" href="{section_href}">')
    end = markup.find(_SUMMARY_END, start) if start >= 0 else -1
    if end < 0:
        return None
    position = end + len(_SUMMARY_END)
    before, after = ("<ul>", '<ul class="current">') if current else ('<ul class="current">', "<ul>")
    if not markup.startswith(before, position):
        return None
    return markup[:position] + after + markup[position + len(before):]


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
