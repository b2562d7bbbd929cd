"""``archive publish``: every release and main in one folder ready for any static host, then checked.

    build/publish/
        2026.1/ main/ latest/ switcher.json index.html 404.html sitemap.xml   (seminar_archive.versions)
        robots.txt      lets crawlers in and names the sitemap
        .nojekyll       GitHub Pages serves _static/ as it is
        addresses.txt   every address this publication serves, one a line: the next publication
                        must serve them all (``--previous``)

The check, offline: LinkChecker (a kept link checker, pinned in pyproject.toml) reads the folder
and follows every internal link and anchor of every page of every version, from each version's
home page and 404 page. Ours are the address checks, which a
link checker does not do: every absolute URL of every text file (HTML, feeds, iCal, sitemaps,
citation files, JSON) that names the configured address must lead to a file of the tree, none may
name a placeholder (``.invalid``) or the site's host outside its folder, and each sitemap ``<loc>``
and canonical link must be under the configured address; links by absolute path (``/ia/latest/``)
must lead to a file of the tree.

No Sphinx import here.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from .address import is_placeholder_host, release_corrections_to, release_site_url
from .messages import MessageKey, render_message
from .versions import VersionsResult, build_versions, published_addresses

ADDRESSES_FILE = "addresses.txt"
TEXT_SUFFIXES = (".html", ".xml", ".atom", ".ics", ".bib", ".ris", ".json", ".txt", ".js")
# Absolute addresses in any text; what ends one in HTML, TeX, JSON or iCal text.
ABSOLUTE = re.compile(r"""https?://[^\s"'<>{}\\`|^]+|mailto:[^\s"'<>{}\\`|^?]+""")
TRAILING = ".,;:)]»"
CANONICAL = re.compile(r'<link[^>]*\brel="canonical"[^>]*\bhref="([^"]*)"')
LINKCHECKER_ANCHOR = re.compile(r"Anchor `([^']*)' (?:\(decoded: `[^']*'\) )?not found")
# href="/ia/latest/" and the like: links a server resolves from the host's root.
ROOT_PATH_LINK = re.compile(r'\b(?:href|src|action)="(/[^"]*)"')
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class PublishError(Exception):
    """The publication cannot go on (a missing tool); the message says what to do."""


@dataclass(frozen=True)
class Broken:
    """One problem of the published tree: in ``file`` (relative to the folder), ``link`` is wrong."""

    file: str
    link: str
    key: MessageKey  # a catalogue message: publish-broken-link, publish-missing-anchor, ...

    def render(self, lang: str) -> str:
        return render_message(self.key, {"file": self.file, "link": self.link}, lang)


@dataclass
class CheckReport:
    pages: int = 0
    links: int = 0
    addresses: int = 0
    files: int = 0
    broken: list[Broken] = field(default_factory=list)

    def summary(self, lang: str) -> str:
        return render_message("publish-summary", {"pages": self.pages, "links": self.links,
                                                  "addresses": self.addresses, "files": self.files,
                                                  "broken": len(self.broken)}, lang)


# --- the folder ------------------------------------------------------------------------------

def write_host_files(out: Path, site_url: str) -> None:
    """robots.txt, .nojekyll and addresses.txt beside the versions."""
    (out / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n", encoding="utf-8")
    (out / ".nojekyll").write_text("", encoding="utf-8")
    # Each version's addresses as versions.py counts them (no assets: they are renamed between builds).
    addresses = sorted({f"{folder.name}/{a}" for folder in out.iterdir() if folder.is_dir()
                        for a in published_addresses(folder)}
                       | {p.name for p in out.iterdir() if p.is_file() and p.name not in (ADDRESSES_FILE, ".nojekyll")})
    (out / ADDRESSES_FILE).write_text("".join(f"{a}\n" for a in addresses), encoding="utf-8")


def vanished_since(previous: Iterable[str], out: Path) -> list[Broken]:
    """Addresses of the previous publication (its addresses.txt) that this folder no longer serves."""
    missing = []
    for line in previous:
        address = line.strip()
        if address and not address.startswith("#") and not (out / address).is_file():
            missing.append(Broken(ADDRESSES_FILE, address, "publish-vanished"))
    return missing


# --- our checks: absolute addresses -----------------------------------------------------------

def _target_file(out: Path, path: str) -> Path:
    target = out / unquote(path)
    return target / "index.html" if path == "" or path.endswith("/") else target


def check_addresses(out: Path, site_url: str, report: CheckReport) -> None:
    site = urlsplit(site_url)
    for file in sorted(out.rglob("*")):
        if not file.is_file() or file.suffix not in TEXT_SUFFIXES or "_static" in file.parts:
            continue
        relative = file.relative_to(out).as_posix()
        text = file.read_text(encoding="utf-8", errors="replace")
        if file.suffix == ".ics":  # iCalendar folds its lines at 75 octets (RFC 5545, 3.1)
            text = re.sub(r"\r?\n[ \t]", "", text)
        report.files += 1
        for found in ABSOLUTE.finditer(text):
            link = found.group().rstrip(TRAILING).replace("&amp;", "&")
            if link.startswith("mailto:"):
                host = link.rpartition("@")[2]
                if host and is_placeholder_host(host):
                    report.broken.append(Broken(relative, link, "publish-placeholder"))
                continue
            parts = urlsplit(link)
            host = parts.hostname or ""
            if host and is_placeholder_host(host):
                report.broken.append(Broken(relative, link, "publish-placeholder"))
            elif link.startswith(site_url):
                report.addresses += 1
                if not _target_file(out, parts.path[len(site.path):]).is_file():
                    report.broken.append(Broken(relative, link, "publish-missing-address"))
            elif host == site.hostname and (parts.port == site.port):
                report.broken.append(Broken(relative, link, "publish-outside-address"))
        if file.suffix == ".html":
            for path in ROOT_PATH_LINK.findall(text):
                if path.startswith(site.path) and not path.startswith("//"):
                    report.addresses += 1
                    if not _target_file(out, urlsplit(path).path[len(site.path):]).is_file():
                        report.broken.append(Broken(relative, path, "publish-missing-address"))
                elif not path.startswith("//"):
                    report.broken.append(Broken(relative, path, "publish-outside-address"))
            for canonical in CANONICAL.findall(text):
                if "://" not in canonical and not canonical.startswith("/"):  # a redirect page's: relative
                    if not (file.parent / unquote(canonical.split("#")[0])).resolve().is_file():
                        report.broken.append(Broken(relative, canonical, "publish-missing-address"))
                elif not canonical.startswith(site_url) and not canonical.startswith(site.path):
                    report.broken.append(Broken(relative, canonical, "publish-foreign-address"))
        elif file.name == "sitemap.xml":
            for loc in ElementTree.fromstring(text).iter(f"{SITEMAP_NS}loc"):
                if not (loc.text or "").startswith(site_url):
                    report.broken.append(Broken(relative, loc.text or "", "publish-foreign-address"))


# --- LinkChecker on the folder ---------------------------------------------------------------

def _linkchecker() -> list[str]:
    if importlib.util.find_spec("linkcheck") is None:
        raise PublishError("LinkChecker is not installed: pip install -e '.[publish]' (nox -s publish does)")
    # Run as root (CI containers), LinkChecker sets its effective user to "nobody", who cannot read
    # a tree under a private folder (pytest's, a CI work dir). It reads only this local folder here
    # (every http(s) link is ignored), so it runs as the user who built the tree.
    code = ("import linkcheck.command.linkchecker as command; "
            "command.drop_privileges = lambda: None; command.linkchecker()")
    return [sys.executable, "-c", code]


def check_links(out: Path, report: CheckReport, log: Callable[[str], None]) -> None:
    """Every relative link and anchor of every page, from each version's home and 404 pages, as a
    reader follows them. LinkChecker reads the files (file://): links by absolute path (/ia/…),
    which only a server resolves, are left to :func:`check_addresses`."""
    out = out.resolve()
    base = out.as_uri() + "/"
    starts = [out / "index.html", *sorted(out.glob("*/index.html")), *sorted(out.glob("*/404.html"))]
    with tempfile.TemporaryDirectory() as work:
        config = Path(work) / "linkcheckerrc"
        # Only this folder: other hosts, mail, and paths outside the folder are not LinkChecker's here.
        config.write_text("[checking]\nthreads=4\n[filtering]\nignore=\n  ^mailto:\n  ^https?:\n"
                          f"  ^file://(?!{re.escape(out.as_uri()[len('file://'):])}/)\n[AnchorCheck]\n",
                          encoding="utf-8")
        command = [*_linkchecker(), "--no-status", "--verbose", "-o", "csv", "-f", str(config),
                   *(p.as_uri() for p in starts if p.is_file())]
        log(f"LinkChecker: {len(starts)} start pages in {out}")
        finished = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    rows = [line for line in finished.stdout.splitlines() if line and not line.startswith("#")]
    if not rows:
        raise PublishError(f"LinkChecker gave no report (exit {finished.returncode}):\n{finished.stderr[-2000:]}")
    pages: set[str] = set()
    broken: list[Broken] = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        url, parent = row.get("url") or "", row.get("parentname") or ""
        if not url.startswith(base):
            continue
        if parent:
            report.links += 1
        page = url.split("#")[0]
        if page.endswith(".html") and row.get("valid") == "True":
            pages.add(page)
        where = unquote(parent[len(base):]) if parent.startswith(base) else parent
        if row.get("valid") != "True":
            broken.append(Broken(where, row.get("urlname") or url, "publish-broken-link"))
        elif LINKCHECKER_ANCHOR.search(row.get("warningstring") or ""):
            broken.append(Broken(where, row.get("urlname") or url, "publish-missing-anchor"))
    # LinkChecker's threads report in any order: by page, then link.
    report.broken += sorted(broken, key=lambda b: (b.file, b.link))
    report.pages = len(pages)


# --- the whole step ---------------------------------------------------------------------------

def check_tree(out: Path, site_url: str, *, previous: Iterable[str] = (), links: bool = True,
               log: Callable[[str], None] = lambda line: None) -> CheckReport:
    report = CheckReport()
    if links:
        check_links(out, report, log)
    check_addresses(out, site_url, report)
    report.broken += vanished_since(previous, out)
    return report


def publish(repo: Path, out: Path, *, site_url: str, corrections_to: str, docs: str = "docs",
            previous: Iterable[str] = (), lang: str = "fr", log: Callable[[str], None] = lambda line: None
            ) -> tuple[VersionsResult, CheckReport]:
    """Build every version at ``site_url`` into ``out``, add the host's files, and check the tree.
    Raises :class:`seminar_archive.address.AddressError` before building anything when the address
    or the corrections address cannot be published."""
    site_url = release_site_url(site_url)
    corrections = release_corrections_to(corrections_to)
    _linkchecker()
    if not corrections:
        log(render_message("publish-no-corrections", {}, lang))
    result = build_versions(repo, out, site_url=site_url, docs=docs, log=log, corrections_to=corrections)
    write_host_files(out, site_url)
    return result, check_tree(out, site_url, previous=previous, log=log)
