"""The archive as one version among several: addresses, the version switcher, redirects of moved
pages, "last changed" dates from git, the sitemap, the 404 page and the changelog.

A plain build (``nox -s docs``) is published at ``html_baseurl``. The versions build
(:mod:`seminar_archive.versions`) sets ``archive_version`` and ``archive_latest_version``; the
build then lives at ``<html_baseurl><version>/``, its citations also give the page's address
under ``<html_baseurl>latest/``, and every page carries the version switcher, which reads
``<html_baseurl>switcher.json``.
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse
from xml.etree import ElementTree

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import Diagnostics
from ..itemfiles import ITEM_FILES
from ..sitefiles import RELEASES_FILE, check_redirects, load_redirects, load_releases
from ..textfr import date_fr
from ..versions import CURRENT
from .config import published_base, settings_of
from .domain import build_state
from .emit import report

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .state import BuildState


TEMPLATES = Path(__file__).parent / "templates"
SWITCHER = "archive-version-switcher.html"
PYDATA_THEMES = ("sphinx_book_theme", "pydata_sphinx_theme")
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def site_url(config: Config) -> str:
    """The root of the published archive (``html_baseurl`` as conf.py gives it), ending in "/"."""
    base = str(config.archive_site_url or "")
    return base if not base or base.endswith("/") else base + "/"


def is_versioned(config: Config) -> bool:
    return bool(config.archive_version and config.archive_latest_version)


def on_config_inited(app: Sphinx, config: Config) -> None:
    archive = settings_of(config)
    # The "last changed" line and the switcher are components of the book theme (and of the
    # PyData theme it extends); other themes build without them.
    themed = config.html_theme in PYDATA_THEMES
    if themed:
        options = dict(config.html_theme_options or {})
        footer = list(options.get("article_footer_items") or [])
        if "archive-last-changed.html" not in footer:
            options["article_footer_items"] = [*footer, "archive-last-changed.html"]
        config.html_theme_options = options
    # Keep the root as written, before html_baseurl becomes this version's address.
    config.archive_site_url = str(config.archive_site_url or "") or published_base(config)
    root = site_url(config)
    if archive.version:
        config.version = config.release = archive.version
    if is_versioned(config) and root:
        config.html_baseurl = f"{root}{archive.version}/"
    if is_versioned(config) and root and themed:
        options = dict(config.html_theme_options or {})
        # The JSON is fetched from the version's root (the theme resolves a relative address
        # there), so a copy of the versions folder works wherever it is served.
        options["switcher"] = {"json_url": "../switcher.json", "version_match": archive.version}
        options["check_switcher"] = False
        if archive.version != archive.latest_version:
            options["announcement"] = _older_version_notice(root, archive.version, archive.latest_version)
        config.html_theme_options = options
        _add_switcher_to_sidebars(config)
    # OpenGraph (sphinxext-opengraph, when loaded): og:url follows this build's address.
    if "ogp_site_url" in config and not config.ogp_site_url and config.html_baseurl:
        config.ogp_site_url = config.html_baseurl
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path.append(str(TEMPLATES))
    # The 404 page is served for any missing address: its links must be absolute paths.
    base_path = urlparse(config.html_baseurl or "").path or "/"
    config.notfound_urls_prefix = base_path if base_path.endswith("/") else base_path + "/"
    config.notfound_context = {"title": "Page introuvable",
                               "body": _not_found_body(config.notfound_urls_prefix, is_versioned(config))}
    # Moved pages: docs/redirects.yaml. Checked against the documents once they are known
    # (on_env_updated); only the file's form is checked here.
    diagnostics = Diagnostics()
    raw = load_redirects(Path(app.srcdir), diagnostics)
    config.redirects = {old: f"/{new}.html" for old, (new, _line) in raw.items()}
    config.redirect_html_template_file = str(TEMPLATES / "archive-redirect.html")


def _not_found_body(prefix: str, versioned: bool) -> str:
    """The 404 page: what happened, and (with versions) a list of the versions that have the
    page, filled in by archive-versions.js from switcher.json."""
    home = html.escape(prefix + "index.html", quote=True)
    search = html.escape(prefix + "search.html", quote=True)
    other = ""
    if versioned:
        switcher = html.escape(prefix.rstrip("/").rsplit("/", 1)[0] + "/switcher.json", quote=True)
        other = (f'<div class="archive-other-versions" data-switcher="{switcher}" aria-live="polite">'
                 "<p>Recherche de cette page dans les autres versions de l’archive…</p></div>")
    return ("<h1>Page introuvable</h1>"
            "<p>Aucune page de cette version de l’archive ne se trouve à cette adresse. Elle a peut-être été "
            "ajoutée dans une version plus récente, ou l’adresse est mal recopiée.</p>"
            f"{other}<p><a href=\"{home}\">Accueil de l’archive</a> · "
            f"<a href=\"{search}\">Rechercher dans l’archive</a></p>")


def _older_version_notice(root: str, version: str, latest: str) -> str:
    latest_home = html.escape(f"{urlparse(root).path or '/'}latest/", quote=True)
    link = f"<a href=\"{latest_home}\">La version publiée la plus récente est la {html.escape(latest)}.</a>"
    if version == CURRENT:
        return f"Vous consultez la version en préparation de l’archive, qui n’est pas encore publiée. {link}"
    return f"Vous consultez la version {html.escape(version)} de l’archive. {link}"


def _add_switcher_to_sidebars(config: Config) -> None:
    sidebars = dict(config.html_sidebars or {})
    default = ["navbar-logo.html", "icon-links.html", "search-button-field.html", SWITCHER, "sbt-sidebar-nav.html"]
    if not sidebars:
        sidebars["**"] = default
    for pattern, items in sidebars.items():
        listed = list(items) if not isinstance(items, str) else [items]
        if SWITCHER not in listed:
            listed.insert(min(3, len(listed)), SWITCHER)
        sidebars[pattern] = listed
    config.html_sidebars = sidebars


def latest_url_maker(app: Sphinx) -> Callable[[str], str] | None:
    """docname -> the page's address in the latest version, or None when the build is not versioned."""
    if not is_versioned(app.config):
        return None
    root = site_url(app.config)
    builder = app.builder
    return lambda docname: f"{root}latest/{builder.get_target_uri(docname)}"


def report_redirect_problems(app: Sphinx, env: BuildEnvironment, state: BuildState | None) -> None:
    """Drop the redirects that cannot work (and say why), once the documents are known."""
    diagnostics = Diagnostics()
    raw = load_redirects(Path(app.srcdir), diagnostics)
    usable = check_redirects(raw, set(env.found_docs), diagnostics)
    redirects = app.config.redirects
    for old in list(redirects):
        if old not in usable:
            del redirects[old]
        else:
            redirects[old] = f"/{usable[old]}.html"
    if state is not None:
        state.redirects = usable
    for diagnostic in diagnostics:
        report(app, diagnostic)


def last_changed(state: BuildState, env: BuildEnvironment, docname: str) -> dt.datetime | None:
    """The last commit that changed what ``docname`` is made from, or None (not in git)."""
    if docname in state.page_dates:
        return state.page_dates[docname]
    if docname not in env.found_docs:
        return None
    path = Path(env.doc2path(docname)).relative_to(env.srcdir).as_posix()
    return state.file_dates.get(path)


def add_last_changed(app: Sphinx, state: BuildState, pagename: str, context: dict[str, Any]) -> None:
    when = last_changed(state, app.env, pagename)
    context["last_updated"] = None
    context["archive_version"] = state.config.version
    if when is None:
        return
    context["archive_last_changed"] = date_fr(when.date())
    context["archive_last_changed_iso"] = when.date().isoformat()


def write_sitemap(app: Sphinx, state: BuildState) -> None:
    """sitemap.xml of every page of this build, in a stable order (sphinx-sitemap lists only the
    pages written by the current build, in the order the writer processes finish)."""
    ElementTree.register_namespace("", SITEMAP_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    base = published_base(app.config)
    if not base:
        return
    redirected = set(app.config.redirects)
    for docname in sorted(app.env.found_docs):
        if docname in redirected or docname == app.config.notfound_pagename:
            continue
        url = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = base + app.builder.get_target_uri(docname)
        when = last_changed(state, app.env, docname)
        if when is not None:
            ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = when.date().isoformat()
    ElementTree.indent(urlset)
    text = ElementTree.tostring(urlset, encoding="unicode", xml_declaration=False)
    content = '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
    target = Path(app.outdir) / "sitemap.xml"
    if not target.exists() or target.read_text(encoding="utf-8") != content:  # an unchanged site writes nothing
        target.write_text(content, encoding="utf-8")


def copy_redirected_files(app: Sphinx, exception: BaseException | None) -> None:
    """A moved item's files (itemfiles.ITEM_FILES) stay at their old addresses too (a file
    cannot redirect): copied once every one of them is written."""
    state = build_state(app.env)
    if exception is not None or state is None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for old, new in state.redirects.items():
        for kind in ITEM_FILES:
            source = outdir / kind.path(new)
            target = outdir / kind.path(old)
            if source.exists() and (not target.exists() or target.read_bytes() != source.read_bytes()):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)


class ArchiveChangelog(SphinxDirective):
    """``{archive-changelog}``: what each release added and corrected, from docs/releases.yaml,
    newest first. Entries are MyST text, so they may link items with the archive's roles."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        diagnostics = Diagnostics()
        srcdir = Path(self.env.srcdir)
        self.env.note_dependency(str(srcdir / RELEASES_FILE))
        # Its problems are reported once per build, page or no page (sitechecks.py).
        releases = load_releases(srcdir, diagnostics)
        result: list[nodes.Node] = []
        if not releases:
            result.append(nodes.paragraph(text="Aucune version n’a encore été publiée."))
        for release in reversed(releases):
            section = nodes.section(ids=[f"version-{release.name.replace('.', '-')}"])
            section += nodes.title(text=f"Version {release.name} — {date_fr(release.date)}")
            for label, entries, entry_lines in (("Ajouts", release.added, release.added_lines),
                                                ("Corrections", release.corrected, release.corrected_lines)):
                if not entries:
                    continue
                section += nodes.rubric(text=label)
                lines = StringList([f"- {entry}" for entry in entries], source=str(srcdir / RELEASES_FILE))
                container = nodes.container()
                self.state.nested_parse(lines, 0, container)
                _locate_in_releases(container, str(srcdir / RELEASES_FILE), entry_lines)
                section += container.children
            result.append(section)
        return result


def _locate_in_releases(container: nodes.Element, source: str, entry_lines: tuple[int, ...]) -> None:
    """Give each entry's nodes the entry's place in releases.yaml: an unknown id in a role is
    then reported at releases.yaml:line, where it is written, not at the changelog page."""
    items = [item for item in container.findall(nodes.list_item)]
    for item, line in zip(items, entry_lines, strict=False):
        for node in item.findall():
            if isinstance(node, nodes.Element):
                node.source, node.line = source, line


def _add_last_changed_early(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                            doctree: object) -> None:
    # Before the theme drops footer templates that render empty: the date must be in the context.
    state = build_state(app.env)
    if state is not None:
        add_last_changed(app, state, pagename, context)


def setup_versioning(app: Sphinx) -> None:
    # Moved pages keep their address (docs/redirects.yaml); a 404 page that works at any depth.
    app.setup_extension("sphinx_reredirects")
    app.setup_extension("notfound.extension")
    app.connect("config-inited", on_config_inited)
    app.add_directive("archive-changelog", ArchiveChangelog)
    app.connect("html-page-context", _add_last_changed_early, priority=100)
    # After every handler that writes an item's files (they run at the default 500).
    app.connect("build-finished", copy_redirected_files, priority=800)
