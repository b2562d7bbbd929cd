"""The model of one build, loaded once at builder-inited and shared by every later step."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import pageplan
from ..diagnostics import Diagnostics
from ..loader import load_archive
from ..model import Archive
from ..pageplan import PlannedPage
from .config import ArchiveConfig


@dataclass
class BuildState:
    config: ArchiveConfig
    archive: Archive
    diagnostics: Diagnostics
    pages: dict[str, PlannedPage]
    fingerprints: dict[str, str] = field(default_factory=dict)
    # Filled while Sphinx decides what to read: did documents appear or vanish, and the
    # titles before reading, to tell which pages' navigation must be rewritten.
    structure_changed: bool = False
    previous_titles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, srcdir: Path, config: ArchiveConfig, exclude: tuple[str, ...] = ()) -> BuildState:
        archive, diagnostics = load_archive(srcdir, config.layout, exclude=exclude,
                                            report_unused=config.report_unused)
        pages = pageplan.plan(archive, config.nav_group_limit)
        fingerprints = {docname: pageplan.fingerprint(archive, page) for docname, page in pages.items()}
        return cls(config, archive, diagnostics, pages, fingerprints)
