"""The model of one build, loaded once at builder-inited and shared by every later step; the flags
the rebuild events pass on and the build's render caches beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import gitdates, pagedeps, pageplan
from ..archive import Archive
from ..citations.record import CitationRecord
from ..diagnostics import Diagnostics
from ..loader import load_archive
from ..model import Item
from ..pageplan import PlannedPage
from ..readcache import ReadCache
from ..settings import ArchiveSettings
from .perf.sidebars import SidebarCache
from .perf.titles import TitleCache


@dataclass
class RebuildFlags:
    """Filled while Sphinx decides what to read: did documents appear or vanish, and the titles
    before reading, to tell which pages' navigation must be rewritten."""

    structure_changed: bool = False
    previous_titles: dict[str, str] = field(default_factory=dict)


@dataclass
class BuildCaches:
    """What the build renders once and shows again on many pages."""

    # Citation records by item id, filled as pages ask for them (see sphinx.citing.record_for).
    citation_records: dict[str, CitationRecord] = field(default_factory=dict)
    # Each record rendered in each citation format, by (format suffix, record): see citing.render.
    citation_texts: dict[tuple[str, CitationRecord], Any] = field(default_factory=dict)
    # Navigation sidebars shared by the pages of one section (perf/sidebars.py).
    sidebars: SidebarCache = field(default_factory=SidebarCache)
    # Page titles rendered once per build (perf/titles.py).
    titles: TitleCache = field(default_factory=TitleCache)


@dataclass
class BuildState:
    """The build's model (the archive, its plan, fingerprints, dates and addresses, fixed once
    loaded), the flags passed between events and the caches of what is rendered once."""

    config: ArchiveSettings
    archive: Archive
    diagnostics: Diagnostics
    pages: dict[str, PlannedPage]
    fingerprints: dict[str, str] = field(default_factory=dict)
    # docname -> the page's URL in the published site (absolute when html_baseurl is set).
    url_for: Callable[[str], str] = field(default=lambda docname: f"{docname}.html")
    # docname -> the page's URL in the latest version (None: the build is not versioned).
    latest_url_for: Callable[[str], str] | None = None
    # Moved pages kept at their old address: old docname -> current docname (docs/redirects.yaml).
    redirects: dict[str, str] = field(default_factory=dict)
    # When each source file, and each rendered page's sources, last changed (git; empty outside git).
    file_dates: dict[str, dt.datetime] = field(default_factory=dict)
    page_dates: dict[str, dt.datetime] = field(default_factory=dict)
    # Passed from one event to the next (lifecycle.py).
    rebuild: RebuildFlags = field(default_factory=lambda: RebuildFlags())
    # What is rendered once and shown again (the model does not depend on it).
    caches: BuildCaches = field(default_factory=lambda: BuildCaches())

    @cached_property
    def items_by_docname(self) -> dict[str, Item]:
        return {item.docname: item for item in self.archive.items()}

    @classmethod
    def load(cls, srcdir: Path, config: ArchiveSettings, exclude: tuple[str, ...] = (),
             url_for: Callable[[str], str] | None = None,
             latest_url_for: Callable[[str], str] | None = None,
             read_cache: ReadCache | None = None) -> BuildState:
        archive, diagnostics = load_archive(srcdir, config.layout, exclude=exclude,
                                            report_unused=config.report_unused, read_cache=read_cache)
        pages = pageplan.plan(archive, config.nav_group_limit)
        state = cls(config, archive, diagnostics, pages)
        if url_for is not None:
            state.url_for = url_for
        state.latest_url_for = latest_url_for
        state.file_dates = gitdates.file_dates(srcdir)
        if state.file_dates:
            paths = pagedeps.item_paths(archive)
            for docname, page in pages.items():
                dates = [state.file_dates[f] for f in pagedeps.source_files(archive, page, paths)
                         if f in state.file_dates]
                if dates:
                    state.page_dates[docname] = max(dates)
        # Citations on item pages print the site's address and the version, and each page its
        # last change: a change of any must re-read them, though Sphinx would only rewrite them.
        latest = latest_url_for("index") if latest_url_for else ""
        salt = repr((state.url_for("index"), latest, config.version))
        canonical = pagedeps.Canonical()
        state.fingerprints = {docname: pagedeps.fingerprint(archive, page, salt + str(state.page_dates.get(docname)),
                                                            canonical)
                              for docname, page in pages.items()}
        return state
