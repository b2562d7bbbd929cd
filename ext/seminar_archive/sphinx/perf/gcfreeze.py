"""Python's cycle collector and the build's long-lived objects.

A build holds large structures for its whole life: the environment Sphinx loaded from its
pickle, the archive, the read cache. Each full collection of Python's cycle collector walks all
of them again, and the interpreter walks them once more when the process ends, to free what is
about to be freed anyway.

So the objects alive once the build is set up (builder-inited), and again once every page is
read (env-updated: the environment is complete), are frozen (``gc.freeze``): collections and the
exit skip them. Until then, the environment grows with every page read, and full collections
walked it again and again; so every ``archive_freeze_every`` pages read, what is alive is frozen
too, after a collection, so that no garbage is frozen with it. Writing piles up long-lived
objects too (mostly the dicts of docutils nodes): every so many pages written, the same. A batch
written freezes the doctree of the page being written, which stays in memory to the end: one
page per batch. At build-finished the rest is frozen too, for the exit. What each step saved:
docs/performance.md, "Les mécanismes". A later build in the same process (tests,
a server) first gives the collector back what an earlier one froze.
``archive_freeze_long_lived = False`` turns this off.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from ..config import settings_of

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config


def thaw(app: Sphinx, config: Config) -> None:
    """A new build: what an earlier build of this process froze may be garbage by now."""
    if gc.get_freeze_count():
        gc.unfreeze()


def freeze(app: Sphinx, *event_arguments: object) -> None:
    """What is alive now lives to the end of the build: collections need not walk it again."""
    if settings_of(app).freeze_long_lived:
        gc.freeze()


class Batches:
    """Counts the pages this build reads and writes, and freezes what is alive after every batch."""

    def __init__(self) -> None:
        # One instance per application (install); the counts only place the batches.
        self.read = 0
        self.written = 0

    def page_read(self, app: Sphinx, docname: str, source: list[str]) -> None:
        # The previous page's doctree is garbage by now (a source-read handler of lower priority
        # dropped Sphinx's reference to it): the collection frees it before the freeze.
        self.read += 1
        _freeze_every(app, self.read)

    def page_resolved(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        # This page's doctree is alive, and is frozen with the rest: one page's objects kept to
        # the end of the build for every batch written. Written in parallel, the main process
        # holds whole chunks of resolved doctrees (some 170 pages each at N = 1,000) for the
        # child processes: freezing kept them all (the peak of -j 2 went from 525 to 734 MB).
        if getattr(app.builder, "parallel_ok", False):
            return
        self.written += 1
        _freeze_every(app, self.written)


def _freeze_every(app: Sphinx, pages: int) -> None:
    every = settings_of(app).freeze_every
    if settings_of(app).freeze_long_lived and every > 0 and pages % every == 0:
        gc.collect()  # what is garbage now is freed, not frozen
        gc.freeze()


def setup_gc_freeze(app: Sphinx) -> None:
    app.connect("config-inited", thaw, priority=0)
    batches = Batches()
    # After the handler that drops the doctrees Sphinx keeps (_forget_read_doctrees).
    app.connect("source-read", batches.page_read, priority=1000)
    app.connect("doctree-resolved", batches.page_resolved, priority=1000)
    # After every other handler of each event: ours load the archive (builder-inited) and write
    # the data files (build-finished).
    for event in ("builder-inited", "env-updated", "build-finished"):
        app.connect(event, freeze, priority=1000)
