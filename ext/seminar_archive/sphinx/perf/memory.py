"""What Sphinx keeps in memory and never needs again: three private caches let go of.

Each handler touches one of Sphinx's private attributes (checked with ``getattr``, so a Sphinx
that renames it only loses the saving) and changes no output: the byte-identity of a build
with and without them is the determinism test's (tests/test_determinism.py). What each saved,
in the benchmark's peak RSS: docs/performance.md, "Les mécanismes".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# The source name of the documents Sphinx's HTML builder renders lone nodes in (render_partial).
PARTIAL_DOCUMENT = "<partial node>"


def release_rendered_titles(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                            doctree: object) -> None:
    """Sphinx renders a page's title, and its neighbours' and parents' titles, by attaching the
    title node it keeps for the whole build (``env.titles``) to a throwaway document, and leaves it
    attached: by the last page written every title held a whole document (its reporter, its
    transformer). The page's
    context is made by now: give the titles back their state before rendering (no parent, no
    document)."""
    env = app.env
    relations = getattr(app.builder, "relations", {})
    related = relations.get(pagename)
    docnames = {pagename}
    if related:
        docnames.update(d for d in related[1:3] if d)
    parents: set[str] = set()
    while related and related[0] and related[0] not in parents:
        parents.add(related[0])
        related = relations.get(related[0])
    docnames |= parents
    for docname in docnames:
        for title in (env.titles.get(docname), env.longtitles.get(docname)):
            holder = getattr(title, "parent", None)
            if isinstance(holder, nodes.document) and holder.get("source") == PARTIAL_DOCUMENT:
                assert title is not None
                title.parent = None
                for node in title.findall():  # each node also remembers its document
                    node.document = None


def forget_read_doctrees(app: Sphinx, docname: str, source: list[str]) -> None:
    """Sphinx keeps every doctree it reads in memory until it writes the page (a private cache,
    ``_write_doc_doctree_cache``; it reloads the pickle when an entry is missing). Archive pages are
    rich and many: that cache was most of the peak. Each doctree is dropped once the next page is
    read, for a reload from disk per page at write time."""
    cache = getattr(app.env, "_write_doc_doctree_cache", None)
    if isinstance(cache, dict):
        cache.clear()


def forget_written_pickle(app: Sphinx, doctree: object, docname: str) -> None:
    """Sphinx also keeps the pickled bytes of every doctree it loads to write a page (a private
    cache, ``_pickled_doctree_cache``) until the build ends: with the doctrees above, every page's
    pickle ended up in memory by the last page written. Once a page's doctree is loaded and
    resolved, its bytes are not needed again (Sphinx reads the file if they are)."""
    cache = getattr(app.env, "_pickled_doctree_cache", None)
    if isinstance(cache, dict):
        cache.pop(docname, None)


def setup_memory(app: Sphinx) -> None:
    app.connect("source-read", forget_read_doctrees)
    app.connect("doctree-resolved", forget_written_pickle)
    # After every other handler that reads the titles (the theme's and ours run at 900-906).
    app.connect("html-page-context", release_rendered_titles, priority=950)
