"""Page titles rendered to HTML once per build instead of once per page that shows them.

For every page it writes, Sphinx's HTML builder renders the titles of the page's parents, of the
previous and next pages, and the page's own (``render_partial``): each time a new docutils
document, its transforms and a new translator. The parents are the same few section pages for
every page of a section, so most titles were rendered again and again (docs/performance.md).

A title Sphinx keeps for a document (``env.titles``, ``env.longtitles``) does not change while
pages are written, and when it holds only text and inline markup its HTML does not depend on the
page it is shown on: that HTML is kept for the rest of the build. Any other node (a page's local
table of contents, a title with a link or an image) is rendered as before.
``archive_title_cache = False`` turns it off; a test compares both builds byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# Nodes whose HTML is the same on every page (no link, no image, no reference to resolve).
_PAGE_INDEPENDENT = (nodes.Text, nodes.title, nodes.inline, nodes.emphasis, nodes.strong, nodes.literal,
                     nodes.subscript, nodes.superscript, nodes.abbreviation)

RenderPartial = Callable[[Any], dict[str, str]]


@dataclass
class TitleCache:
    """The HTML parts of each kept title, by node (the node is held, so its id is not reused)."""

    titles: dict[int, nodes.Node] = field(default_factory=dict)
    rendered: dict[int, dict[str, str]] = field(default_factory=dict)
    hits: int = 0

    def remember_titles(self, env: BuildEnvironment) -> None:
        """The titles that may be cached: those Sphinx keeps once reading is done."""
        self.titles = {id(title): title for kept in (env.titles, env.longtitles) for title in kept.values()
                       if all(isinstance(node, _PAGE_INDEPENDENT) for node in title.findall())}
        self.rendered = {}

    def wrap(self, render: RenderPartial) -> RenderPartial:
        def render_partial(node: Any) -> dict[str, str]:
            if node is None or self.titles.get(id(node)) is not node:
                return render(node)
            parts = self.rendered.get(id(node))
            if parts is None:
                parts = self.rendered[id(node)] = render(node)
            else:
                self.hits += 1
            return dict(parts)  # callers may change what they are given

        return render_partial


def install(app: Sphinx, env: BuildEnvironment, cache: TitleCache) -> None:
    """At env-updated: reading is over, the titles are final, writing comes next (in this process
    or in the ones forked from it for a parallel write)."""
    builder = app.builder
    render = getattr(builder, "render_partial", None)
    if not callable(render):
        return
    cache.remember_titles(env)
    if getattr(render, "archive_title_cache", None) is not cache:  # a second build of one app
        wrapped = cache.wrap(render)
        wrapped.archive_title_cache = cache  # type: ignore[attr-defined]
        builder.render_partial = wrapped  # type: ignore[attr-defined]
