"""Python's cycle collector and the build's long-lived objects.

A build holds large structures for its whole life: the environment Sphinx loaded from its
pickle, the archive, the read cache. Each full collection of Python's cycle collector walks all
of them again, and the interpreter walks them once more when the process ends, to free what is
about to be freed anyway: at N = 1,000 sessions, a rebuild with nothing to do spent 2.2 of its
8.3 seconds after the build was over (benchmarks/run.py, ``noop``).

So the objects alive once the build is set up (builder-inited), and again once every page is
read (env-updated: the environment is complete), are frozen (``gc.freeze``): collections and the
exit skip them (a clean build at N = 300 spent 5.7 s in full collections, 3.0 s with the second
freeze). What is made while writing (each page's doctree, its HTML) is collected as before. At
build-finished the rest is frozen too, for the exit. A later build in the same process (tests,
a server) first gives the collector back what an earlier one froze.
``archive_freeze_long_lived = False`` turns this off.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def thaw(app: Sphinx, config: Config) -> None:
    """A new build: what an earlier build of this process froze may be garbage by now."""
    if gc.get_freeze_count():
        gc.unfreeze()


def freeze(app: Sphinx, *event_arguments: object) -> None:
    """What is alive now lives to the end of the build: collections need not walk it again."""
    if app.config.archive_freeze_long_lived:
        gc.freeze()


def install(app: Sphinx) -> None:
    app.connect("config-inited", thaw, priority=0)
    # After every other handler of each event: ours load the archive (builder-inited) and write
    # the data files (build-finished).
    for event in ("builder-inited", "env-updated", "build-finished"):
        app.connect(event, freeze, priority=1000)
