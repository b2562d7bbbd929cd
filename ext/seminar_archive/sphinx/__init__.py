"""The Sphinx side of the archive: wiring only. Each step lives in its own module."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util import logging

from .. import __version__
from ..diagnostics import WARNING_TYPE
from ..readcache import ReadCache
from . import encoding
from .bagdigests import setup_bag_digests
from .bibliography import setup_bibliography
from .citecopy import setup_citation_copy
from .citestyles import setup_cite_styles
from .citing import DOWNLOAD_SUFFIXES, add_head, url_maker, write_downloads
from .collector import install as install_collector_hints
from .config import add_config_values, settings_of
from .configcheck import setup_config_check
from .directives import ArchiveSchemaReference, ArchiveWarnings
from .domain import OBJECT_TYPES, ArchiveDomain, ArchiveXRefRole, warn_missing_reference
from .eaccpf import setup_eaccpf
from .emit import report
from .exports import feed_links, write_exports
from .follow import setup_follow
from .generate import write_pages
from .guards import setup_guards
from .harvest import setup_harvest
from .home import ArchiveLatest, ArchiveTimeline, listing_fingerprint
from .jinjaenv import tune_templates
from .lightpages import setup_light_pages
from .pagemeta import card_url, setup_pagemeta
from .pagetitle import setup_page_title
from .publishing import setup_publishing
from .reader import on_source_read
from .readernav import setup_reader_navigation
from .roles import data_role, source_role
from .searchfr import FoldingFrench
from .sidebar import install as install_shared_sidebars
from .signposting import setup_signposting
from .sitechecks import setup_site_checks
from .sitesearch import setup_site_search
from .standards import setup_standards
from .state import BuildState
from .titles import install as install_title_cache
from .transform import ArchivePageTransform, RawHtmlTransform
from .typography import setup_typography
from .versioning import (
    ArchiveChangelog,
    add_last_changed,
    copy_redirected_downloads,
    latest_url_maker,
    on_config_inited,
    report_redirect_problems,
    write_sitemap,
)

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

READ_CACHE_FILE = "seminar_archive-read.pickle"
# The source name of the documents Sphinx's HTML builder renders lone nodes in (render_partial).
PARTIAL_DOCUMENT = "<partial node>"


def _domain(env: BuildEnvironment) -> ArchiveDomain:
    domain = env.domains[WARNING_TYPE]
    if not isinstance(domain, ArchiveDomain):  # pragma: no cover - another extension took the name
        raise ExtensionError(f"the '{WARNING_TYPE}' domain is not seminar_archive's")
    return domain


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
    _domain(app.env).build = state
    if config.sidebar_cache:
        install_shared_sidebars(app, state.sidebars)


def on_env_get_outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
                        removed: Set[str]) -> list[str]:
    """Re-read pages whose records changed, though their source files did not."""
    domain = _domain(env)
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
    state.structure_changed = bool(added or removed)
    state.previous_titles = {d: env.titles[d].astext() for d in env.found_docs if d in env.titles}
    return stale


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """When a page appears, disappears or is retitled, every sidebar changes: rewrite every page."""
    state = _domain(env).build
    if state is None:
        return []
    retitled = any(env.titles[d].astext() != old for d, old in state.previous_titles.items() if d in env.titles)
    if state.structure_changed or retitled:
        return sorted(env.found_docs)
    return []


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    state = _domain(env).build
    report_redirect_problems(app, env, state)
    if state is not None and state.config.title_cache:
        install_title_cache(app, env, state.titles)


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    state = _domain(app.env).build
    if state is not None and state.sidebars.hits:
        logger.verbose("[archive] sidebars derived from their section's in this process: %d "
                       "(%d rendered by the theme)", state.sidebars.hits,
                       state.sidebars.rendered)
    if state is not None and state.titles.hits:
        logger.verbose("[archive] titles rendered once and shown again in this process: %d", state.titles.hits)
    if exception is None and state is not None and app.builder.format == "html":
        write_exports(app, state)
        write_downloads(app, state)
        copy_redirected_downloads(app, state, DOWNLOAD_SUFFIXES)
        write_sitemap(app, state)


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                         doctree: object) -> None:
    state = _domain(app.env).build
    if state is not None:
        add_head(state, pagename, context, lambda item: card_url(app, item))
        if callable(context.get("pathto")):
            context["metatags"] = context.get("metatags", "") + feed_links(state, context["pathto"])
    # pydata-sphinx-theme's navigation folds sections in <details> whose <summary> has no text:
    # screen readers announce an unnamed control (axe: summary-name). Name it.
    toctree = context.get("generate_toctree_html")
    if callable(toctree):
        context["generate_toctree_html"] = _named_toggles(toctree)
    # sphinx-book-theme 1.4 sets "pagetitle" to the title's plain text and prints it unescaped
    # in its print header (<h1>{{ pagetitle }}</h1>): a title from a page must not become markup.
    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = html.escape(context["pagetitle"])


def on_html_page_context_early(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                               doctree: object) -> None:
    # Before the theme drops footer templates that render empty: the date must be in the context.
    state = _domain(app.env).build
    if state is not None:
        add_last_changed(app, state, pagename, context)


def _named_toggles(render: Any) -> Any:
    label = "Afficher ou masquer les pages de cette rubrique"

    def named(*args: Any, **kwargs: Any) -> Any:
        rendered = render(*args, **kwargs)
        if isinstance(rendered, str):  # markup (the theme may return a string or a parsed tree)
            return type(rendered)(str(rendered).replace("<summary>", f'<summary aria-label="{label}">'))
        for summary in rendered.find_all("summary"):  # BeautifulSoup, as pydata-sphinx-theme 0.20 returns
            summary["aria-label"] = label
        return rendered
    return named


def _release_rendered_titles(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                             doctree: object) -> None:
    """Sphinx renders a page's title, and its neighbours' and parents' titles, by attaching the
    title node it keeps for the whole build (``env.titles``) to a throwaway document, and leaves it
    attached: by the last page written every title held a whole document (its reporter, its
    transformer), a fifth of the memory the writing phase added at 2,000 sessions. The page's
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


def _forget_read_doctrees(app: Sphinx, docname: str, source: list[str]) -> None:
    """Sphinx keeps every doctree it reads in memory until it writes the page (a private cache,
    ``_write_doc_doctree_cache``; it reloads the pickle when an entry is missing). Archive pages are
    rich and many: at 1,000 sessions that cache was most of an 820 MB peak. Dropping each doctree
    once the next page is read halved the peak at 400 sessions (360 -> 170 MB) for a reload from
    disk per page at write time (benchmarks/run.py; docs/performance.md)."""
    cache = getattr(app.env, "_write_doc_doctree_cache", None)
    if isinstance(cache, dict):
        cache.clear()


def _forget_written_pickle(app: Sphinx, doctree: object, docname: str) -> None:
    """Sphinx also keeps the pickled bytes of every doctree it loads to write a page (a private
    cache, ``_pickled_doctree_cache``) until the build ends: with the doctrees above, every page's
    pickle ended up in memory by the last page written. Once a page's doctree is loaded and
    resolved, its bytes are not needed again (Sphinx reads the file if they are)."""
    cache = getattr(app.env, "_pickled_doctree_cache", None)
    if isinstance(cache, dict):
        cache.pop(docname, None)


def _tolerant_encoding(app: Sphinx) -> None:
    # A page with bytes that are not UTF-8 is reported by the loader and still built (encoding.py).
    # Sphinx reads sources with env.settings["input_encoding"], set from the config at each build.
    if str(app.env.settings.get("input_encoding", "")).lower().replace("_", "-") in ("utf-8", "utf-8-sig", "utf8"):
        app.env.settings["input_encoding"] = encoding.NAME


def setup(app: Sphinx) -> dict[str, Any]:
    add_config_values(app)
    encoding.register()
    app.connect("builder-inited", _tolerant_encoding)
    # Moved pages keep their address (docs/redirects.yaml); a 404 page that works at any depth.
    app.setup_extension("sphinx_reredirects")
    app.setup_extension("notfound.extension")
    app.connect("config-inited", on_config_inited)
    app.add_directive("archive-changelog", ArchiveChangelog)
    app.add_directive("archive-timeline", ArchiveTimeline)
    app.add_directive("archive-latest", ArchiveLatest)
    app.connect("env-updated", on_env_updated)
    # French search that ignores accents, in the index and in the reader's query.
    app.add_search_language(FoldingFrench)
    app.add_domain(ArchiveDomain)
    for kind in OBJECT_TYPES:
        app.add_role(kind, ArchiveXRefRole(kind))
    app.add_role("source", source_role)
    app.add_role("datafile", data_role)
    app.add_directive("archive-warnings", ArchiveWarnings)
    app.add_directive("archive-schema-reference", ArchiveSchemaReference)
    app.add_transform(ArchivePageTransform)
    app.add_transform(RawHtmlTransform)
    app.connect("builder-inited", on_builder_inited)
    app.connect("builder-inited", tune_templates)
    app.connect("source-read", on_source_read)
    app.connect("source-read", _forget_read_doctrees)
    app.connect("doctree-resolved", _forget_written_pickle)
    app.connect("html-page-context", _release_rendered_titles, priority=950)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-get-updated", on_env_get_updated)
    app.connect("warn-missing-reference", warn_missing_reference)
    app.connect("build-finished", on_build_finished)
    # After the theme's own handler, which sets "pagetitle".
    app.connect("html-page-context", on_html_page_context, priority=900)
    app.connect("html-page-context", on_html_page_context_early, priority=100)
    app.add_css_file("archive.css")
    app.connect("config-inited", _add_static_path)
    install_collector_hints(app)
    setup_guards(app)
    setup_pagemeta(app)
    setup_bibliography(app)
    setup_site_checks(app)
    setup_config_check(app)
    setup_light_pages(app)
    setup_reader_navigation(app)
    setup_publishing(app)
    setup_page_title(app)
    setup_site_search(app)
    setup_standards(app)
    setup_follow(app)
    setup_citation_copy(app)
    setup_harvest(app)
    setup_cite_styles(app)
    setup_signposting(app)
    setup_bag_digests(app)
    setup_eaccpf(app)
    setup_typography(app)
    return {"version": __version__, "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}


def _add_static_path(app: Sphinx, config: Config) -> None:
    static = Path(__file__).parent / "static"
    if str(static) not in config.html_static_path:
        config.html_static_path.append(str(static))
