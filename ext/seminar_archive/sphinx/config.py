"""The extension's configuration: one dataclass, filled from ``archive_*`` values in conf.py."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from ..loader import Layout

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PREFIX = "archive_"


@dataclass(frozen=True)
class ArchiveConfig:
    registry_dir: str = "registry"
    """Folder (in the source dir) of people.yaml and organisations.yaml."""
    sources_dir: str = "sources"
    """Folder of the original source documents, copied into the site as they are."""
    report_unused: bool = True
    """Warn about registry entries that no page refers to."""
    data_dir: str = "data"
    """Output folder of the open-data exports (archive.json and its schema)."""
    version: str = ""
    """The archive version this build publishes, named in citations ("" for an unreleased build)."""
    latest_version: str = ""
    """The newest release, set with ``version`` by the versions build: the build is then one version
    among several, published under ``<site_url><version>/``, and also gives ``<site_url>latest/``."""
    site_url: str = ""
    """The root of the published archive, above every version ("" = ``html_baseurl``)."""
    nav_group_limit: int = 40
    """The most people or organisations a letter of the A–Z lists in the navigation before it
    is split by two-letter prefix (Da, De, Du …), and the most years the chronology lists before
    they go under their decade: this bounds every page's sidebar."""
    corrections_to: str = "corrections@archive-ia-sante.invalid"
    """Where readers report a mistake: a mail address, or the address of an issue tracker's "new
    issue" form ("" for no link). The default is a placeholder until the archive has an address."""
    sidebar_cache: bool = True
    """Render the navigation sidebar once per section and derive each page's from it (the theme
    otherwise resolves the whole site's navigation for every page). Same HTML either way."""
    title_cache: bool = True
    """Render each page title once per build (Sphinx renders the parents' and neighbours' titles
    again for every page it writes). Same HTML either way."""
    freeze_long_lived: bool = True
    """Let Python's cycle collector skip what a build keeps to its end (the environment, the
    archive) in its collections and when the process ends (collector.py). Same HTML either way."""
    freeze_every: int = 200
    """Also freeze what has piled up every so many pages read, and every so many pages written
    (not when writing in parallel); 0: only once the build is set up, once every page is read and
    at the end (collector.py). Same HTML either way."""
    language: str = "fr"
    """The language of the archive's warnings: "fr" (the default, for archivists) or "en"."""

    @classmethod
    def from_sphinx(cls, config: Config) -> ArchiveConfig:
        return cls(**{f.name: getattr(config, PREFIX + f.name) for f in fields(cls)})

    @staticmethod
    def base_url(config: Config) -> str:
        """Where the site is published (Sphinx's ``html_baseurl``), with a final slash, or ""."""
        base = str(getattr(config, "html_baseurl", "") or "")
        return base if not base or base.endswith("/") else base + "/"

    @property
    def layout(self) -> Layout:
        return Layout(registry_dir=self.registry_dir, sources_dir=self.sources_dir)


def add_config_values(app: Sphinx) -> None:
    for f in fields(ArchiveConfig):
        default = f.default
        app.add_config_value(PREFIX + f.name, default, "env", types=(type(default),))
