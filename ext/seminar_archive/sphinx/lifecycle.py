"""The build's lifecycle: the archive loaded once the builder is set up, the pages Sphinx must
read again though their files did not change, and the data files written at the end.

builder-inited
    The registry and every page's front matter are read (through the read cache), the plan's
    generated pages written, the problems reported, and the model handed to the archive domain
    (``domain.build_state``) for the rest of the build.
env-get-outdated / env-get-updated
    A page whose record changed is read again; a page added, removed or retitled changes every
    sidebar, so every page is written again.
env-updated
    The redirects checked against the documents; page titles cached (perf/titles.py).
build-finished
    The exports, the downloads and the sitemap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from ..readcache import ReadCache
from .citing import url_maker, write_downloads
from .config import settings_of
from .domain import archive_domain
from .emit import report
from .exports import write_exports
from .generate import write_pages
from .home import listing_fingerprint
from .perf.sidebars import install as install_shared_sidebars
from .perf.titles import install as install_title_cache
from .state import BuildState
from .versioning import latest_url_maker, report_redirect_problems, write_sitemap

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

READ_CACHE_FILE = "seminar_archive-read.pickle"


def on_builder_inited(app: Sphinx) -> None:
    config = settings_of(app)
    # Kept beside Sphinx's own pickles: a clean build (no doctrees) reads every page afresh.
    cache_path = Path(app.doctreedir) / READ_CACHE_FILE
    read_cache = ReadCache.load(cache_path)
    state = BuildState.load(Path(app.srcdir), config, url_for=url_maker(app), latest_url_for=latest_url_maker(app),
                            read_cache=read_cache)
    read_cache.save(cache_path)
    logger.verbose("[archive] pages and registry: %d files, %d read again, the rest as the previous build read them",
                   read_cache.hits + read_cache.misses, read_cache.misses)
    _written, blocked = write_pages(Path(app.srcdir), state.pages, state.diagnostics)
    for docname in blocked:
        state.pages.pop(docname, None)
    for diagnostic in state.diagnostics:
        report(app, diagnostic)
    archive_domain(app.env).build = state
    if config.sidebar_cache:
        install_shared_sidebars(app, state.caches.sidebars)


def on_env_get_outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
                        removed: Set[str]) -> list[str]:
    """Re-read pages whose records changed, though their source files did not."""
    domain = archive_domain(env)
    state = domain.build
    if state is None:
        return []
    stale = [docname for docname, fingerprint in state.fingerprints.items()
             if docname in env.found_docs and domain.fingerprints.get(docname) != fingerprint]
    # Pages we rendered last time that are no longer archive pages (broken front matter).
    stale += [docname for docname in domain.fingerprints if docname not in state.pages and docname in env.found_docs]
    # Hand-written pages that list the archive (the home page's time line).
    listing = listing_fingerprint(state.archive)
    stale += [docname for docname, seen in domain.listings.items() if seen != listing and docname in env.found_docs]
    state.rebuild.structure_changed = bool(added or removed)
    state.rebuild.previous_titles = {d: env.titles[d].astext() for d in env.found_docs if d in env.titles}
    return stale


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """When a page appears, disappears or is retitled, every sidebar changes: rewrite every page."""
    state = archive_domain(env).build
    if state is None:
        return []
    retitled = any(env.titles[d].astext() != old for d, old in state.rebuild.previous_titles.items() if d in env.titles)
    if state.rebuild.structure_changed or retitled:
        return sorted(env.found_docs)
    return []


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    state = archive_domain(env).build
    report_redirect_problems(app, env, state)
    if state is not None and state.config.title_cache:
        install_title_cache(app, env, state.caches.titles)


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    state = archive_domain(app.env).build
    if state is not None and state.caches.sidebars.hits:
        logger.verbose("[archive] sidebars derived from their section's in this process: %d "
                       "(%d rendered by the theme)", state.caches.sidebars.hits,
                       state.caches.sidebars.rendered)
    if state is not None and state.caches.titles.hits:
        logger.verbose("[archive] titles rendered once and shown again in this process: %d", state.caches.titles.hits)
    if exception is None and state is not None and app.builder.format == "html":
        write_exports(app, state)
        write_downloads(app, state)
        write_sitemap(app, state)


def setup_lifecycle(app: Sphinx) -> None:
    app.connect("env-updated", on_env_updated)
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-get-updated", on_env_get_updated)
    app.connect("build-finished", on_build_finished)
