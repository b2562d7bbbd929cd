"""The extension's settings: one dataclass, one field per ``archive_*`` value of conf.py.

Each field gives its default, its type, the values it allows and its help, written once. The
Sphinx layer registers the config values from these fields (sphinx/config.py) and reads them
through ``settings_of``; the ``archive`` command builds the same dataclass from the literal
values of conf.py (``read_conf``), so both read a folder name, a switch or the language alike. No
Sphinx import here: ``archive check`` runs without the Sphinx stack.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, Field, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .loader import Layout


PREFIX = "archive_"
LANGUAGES = ("fr", "en")
"""The languages of the archive's warnings."""


def _meta(default: object, help: str, *, rebuild: str = "env", choices: tuple[str, ...] = (),
          types: tuple[type, ...] = ()) -> dict[str, object]:
    """What Sphinx and the checks need to know of a setting. ``rebuild`` is Sphinx's: "env" (pages
    read again), "html" (written again) or "" (neither, for a switch that gives the same output
    either way)."""
    return {"help": help, "rebuild": rebuild, "choices": choices, "types": types or (type(default),)}


def _setting(default: object, help: str, **how: Any) -> Any:
    """A field of ``ArchiveSettings``: its default and its ``_meta``."""
    return field(default=default, metadata=_meta(default, help, **how))


@dataclass(frozen=True)
class ArchiveSettings:
    registry_dir: str = _setting("registry", "Folder (in the source dir) of people.yaml and organisations.yaml.")
    sources_dir: str = _setting("sources", "Folder of the original source documents, copied into the site as "
                                "they are.")
    report_unused: bool = _setting(True, "Warn about registry entries that no page refers to.")
    data_dir: str = _setting("data", "Output folder of the open-data exports (archive.json and its schema).")
    version: str = _setting("", "The archive version this build publishes, named in citations (\"\" for an "
                            "unreleased build).")
    latest_version: str = _setting("", "The newest release, set with ``version`` by the versions build: the build "
                                   "is then one version among several, published under "
                                   "``<site_url><version>/``, and also gives ``<site_url>latest/``.")
    site_url: str = _setting("", "The root of the published archive, above every version (\"\" = "
                             "``html_baseurl``).")
    nav_group_limit: int = _setting(40, "The most people or organisations a letter of the A–Z lists in the "
                                    "navigation before it is split by two-letter prefix (Da, De, Du …), and the "
                                    "most years the chronology lists before they go under their decade: this "
                                    "bounds every page's sidebar.")
    corrections_to: str = _setting("corrections@archive-ia-sante.invalid",
                                   "Where readers report a mistake: a mail address, or the address of an issue "
                                   "tracker's \"new issue\" form (\"\" for no link). The default is a "
                                   "placeholder until the archive has an address.")
    sidebar_cache: bool = _setting(True, "Render the navigation sidebar once per section and derive each page's "
                                   "from it (the theme otherwise resolves the whole site's navigation for every "
                                   "page). Same HTML either way.", rebuild="")
    title_cache: bool = _setting(True, "Render each page title once per build (Sphinx renders the parents' and "
                                 "neighbours' titles again for every page it writes). Same HTML either way.",
                                 rebuild="")
    freeze_long_lived: bool = _setting(True, "Let Python's cycle collector skip what a build keeps to its end (the "
                                       "environment, the archive) in its collections and when the process ends "
                                       "(perf/gcfreeze.py). Same HTML either way.", rebuild="")
    freeze_every: int = _setting(200, "Also freeze what has piled up every so many pages read, and every so many "
                                 "pages written (not when writing in parallel); 0: only once the build is set "
                                 "up, once every page is read and at the end (perf/gcfreeze.py). Same HTML either "
                                 "way.", rebuild="")
    language: str = _setting("fr", "The language of the archive's warnings: \"fr\" (the default, for archivists) "
                             "or \"en\".", choices=LANGUAGES)
    image_hosts: Sequence[str] = field(default_factory=list, metadata=_meta(
        [], "The sites from which a page may show a remote image (guards.py).", types=(list, tuple)))
    search_index: bool = _setting(True, "Index the built site with Pagefind for the search page "
                                  "(sitesearch.py).", rebuild="html")
    pagefind: str = _setting("", "The Pagefind program to run; empty: the one pagefind-bin installs.",
                             rebuild="html")
    oai_admin_email: str = _setting("", "The OAI-PMH repository's administrator: an address only the "
                                    "archive's maintainers can give; several separated by spaces (\"\": none is "
                                    "invented and the repository is not written).", rebuild="html")
    oai_gateway: str = _setting("", "A Static Repository Gateway that serves data/oai.xml "
                                "(\"https://gateway.example/oai\"), if any.",
                                rebuild="html")

    license: str = _setting("", "The archive's licence, once its holders have chosen one: an SPDX identifier "
                            "(\"CC-BY-4.0\"). None is invented: without it no licence is linked "
                            "(signposting.py).", rebuild="html")
    license_url: str = _setting("", "The licence's address, when it is not the SPDX page of ``license``.",
                                rebuild="html")
    doi: str = _setting("", "The archive's own DOI (bare, 10.prefix/suffix), once registered: in "
                        "CITATION.cff (signposting.py).", rebuild="html")
    bag_digests: str = _setting("", "Set by the versions build: the digests of the BagIt bags of the releases "
                                "built before (\"2026.1=<sha256>;…\"), shown in the changelog "
                                "(bagdigests.py).")
    bag_organization: str = _setting("", "The Source-Organization of the versions build's BagIt bags (bags.py); "
                                     "\"\" says it is not given.")

    @property
    def layout(self) -> Layout:
        from .loader import Layout  # the loader takes its defaults from here

        return Layout(registry_dir=self.registry_dir, sources_dir=self.sources_dir)


def default_of(item: Field[Any]) -> Any:
    if item.default_factory is not MISSING:
        return item.default_factory()
    return item.default


def right_type(value: object, item: Field[Any]) -> bool:
    types: tuple[type, ...] = item.metadata["types"]
    if bool in types or isinstance(value, bool):
        return type(value) in types
    return isinstance(value, types)


@dataclass(frozen=True)
class Invalid:
    """A value of conf.py that the settings replaced by its default."""

    name: str
    value: object
    default: object
    allowed: tuple[str, ...] = ()
    """The values it may take, when the problem is not its type but its value."""


def build(values: Mapping[str, object]) -> tuple[ArchiveSettings, list[Invalid]]:
    """The settings from conf.py's values (``archive_*`` names; missing ones take their default),
    and the values that were not valid, each replaced by its default."""
    chosen: dict[str, Any] = {}
    invalid = []
    for item in fields(ArchiveSettings):
        name, default = PREFIX + item.name, default_of(item)
        if name not in values:
            chosen[item.name] = default
            continue
        value = values[name]
        allowed: tuple[str, ...] = item.metadata["choices"]
        if not right_type(value, item):
            invalid.append(Invalid(name, value, default))
        elif allowed and value not in allowed:
            invalid.append(Invalid(name, value, default, allowed))
        else:
            chosen[item.name] = value
            continue
        chosen[item.name] = default
    return ArchiveSettings(**chosen), invalid


def read_conf(docs: Path) -> dict[str, object]:
    """The plain values (``name = literal``) that conf.py sets, read without running it: how the
    ``archive`` command and the versions build read conf.py ({} when it cannot be read)."""
    conf = docs / "conf.py"
    try:
        tree = ast.parse(conf.read_text(encoding="utf-8"), str(conf))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return {}
    values: dict[str, object] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if (
            isinstance(node, ast.AnnAssign) and node.value is not None) else []
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        for target in targets:
            if isinstance(target, ast.Name) and value is not None:
                try:
                    values[target.id] = ast.literal_eval(value)
                except (ValueError, TypeError, SyntaxError, RecursionError):
                    continue
    return values


def settings_from_conf(docs: Path) -> ArchiveSettings:
    """The settings conf.py gives, as the build reads them (invalid values take their default)."""
    return build(read_conf(docs))[0]
