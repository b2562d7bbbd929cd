"""The build's performance mechanisms, one module each, none changing a byte of the output.

=================  ==========================================  ===================================
module             what it saves                               off switch / identity test
=================  ==========================================  ===================================
``sidebars``       the theme's navigation, rendered once per   ``archive_sidebar_cache = False``;
                   section and derived for its pages           tests/test_navigation.py
``titles``         page titles rendered once per build         ``archive_title_cache = False``;
                                                               tests/test_navigation.py
``gcfreeze``       full collections and the exit's walk over   ``archive_freeze_long_lived =
                   what a build keeps to its end               False``; tests/test_builds.py
``templates``      Jinja's compilation and template stats on   (none: Jinja's own cache, checked
                   every page                                  against each template's text);
                                                               tests/test_builds.py
``memory``         three private Sphinx caches let go of       (none: no output depends on them);
                                                               tests/test_determinism.py
=================  ==========================================  ===================================

The read cache of pages and registry (seminar_archive.readcache) and the plan's fingerprints
(seminar_archive.pageplan) belong to the core: ``archive check`` uses them too. What each saves,
measured with benchmarks/run.py, is in docs/performance.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gcfreeze import setup_gc_freeze
from .memory import setup_memory
from .templates import setup_templates

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_perf(app: Sphinx) -> None:
    """The mechanisms that hook into events of their own; the sidebar and title caches are
    installed by the build's lifecycle once the archive is loaded (lifecycle.py)."""
    setup_templates(app)
    setup_memory(app)
    setup_gc_freeze(app)
