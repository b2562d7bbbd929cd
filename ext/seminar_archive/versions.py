"""The versioned archive: every release recorded in docs/releases.yaml, and the current checkout,
built side by side into one folder.

    build/versions/
        2026.1/  2026.2/  main/   one Sphinx build each
        latest/                   a copy of the newest release: the address citations give as "latest"
        switcher.json             the theme's version switcher, read by every page of every version
        index.html                leads to latest/
        404.html  sitemap.xml     for the host: the latest 404 page, a sitemap index of the versions

Each release is built from its own commit's content (pages, registry, sources) with the current
site code (docs/conf.py, docs/_static, docs/_templates and the installed extension), so that every
version has the same navigation, switcher and citation formats. A published address never
vanishes: after the builds, each version's pages and files are compared with the next version's,
and an address that disappeared without a redirect (docs/redirects.yaml) fails the build.

No Sphinx import here: the builds run as ``python -m sphinx`` subprocesses.
"""

from __future__ import annotations

import html
import itertools
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from .address import PLACEHOLDER_URL, release_site_url
from .bags import BagBuildError, settings_from_conf, write_release_bag
from .diagnostics import Diagnostics
from .sitefiles import load_releases

# Where the archive is published, until the product owner decides (".invalid" can never resolve):
# a release build refuses it (seminar_archive.address).
DEFAULT_SITE_URL = PLACEHOLDER_URL
CURRENT = "main"
LATEST = "latest"
# What a version's build takes from the current checkout rather than from the release's commit.
SITE_CODE = ("conf.py", "_static", "_templates")
# Output that is not an address readers or citations keep (assets are renamed between versions;
# Pagefind's index, sphinx/sitesearch.py, names its pieces by their content's hash).
NOT_ADDRESSES = ("_static/", "_sphinx_design_static/", "_sources/", "_images/", ".doctrees/", ".buildinfo",
                 "objects.inv", "searchindex.js", ".nojekyll", "pagefind/")


class VersionsError(Exception):
    """The versions build cannot go on; the message says what to fix."""


@dataclass(frozen=True)
class Version:
    name: str
    commit: str  # "" for the current checkout

    @property
    def is_release(self) -> bool:
        return bool(self.commit)


@dataclass(frozen=True)
class VersionsResult:
    out: Path
    versions: tuple[Version, ...]
    latest: str


def planned_versions(repo: Path, docs: str = "docs") -> list[Version]:
    """Each release with a commit, oldest first, then the current checkout."""
    diagnostics = Diagnostics()
    releases = load_releases(repo / docs, diagnostics)
    if diagnostics:
        raise VersionsError("\n".join(f"{docs}/{d}" for d in diagnostics))
    return [*(Version(r.name, r.commit) for r in releases if r.commit), Version(CURRENT, "")]


def _git(repo: Path, *args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout
    except FileNotFoundError as missing:
        raise VersionsError("git is needed to build the versions (it reads each release's commit)") from missing
    except subprocess.CalledProcessError as failed:
        raise VersionsError(f"git {' '.join(args)}: {failed.stderr.strip()}") from failed


def _checkout(repo: Path, version: Version, where: Path, docs: str) -> Path:
    """A work tree of the release's commit, with the current site code over it; its docs folder."""
    _git(repo, "cat-file", "-e", f"{version.commit}^{{commit}}")
    _git(repo, "worktree", "add", "--detach", "--force", str(where), version.commit)
    for name in SITE_CODE:
        current, released = repo / docs / name, where / docs / name
        if released.is_dir():
            shutil.rmtree(released)
        elif released.exists():
            released.unlink()
        if current.is_dir():
            shutil.copytree(current, released)
        elif current.exists():
            shutil.copyfile(current, released)
    return where / docs


def _build(python: str, source: Path, out: Path, doctrees: Path, version: str, latest: str, site_url: str,
           strict: bool, log: Callable[[str], None], corrections_to: str | None = None,
           bag_digests: str = "") -> None:
    overrides = [] if corrections_to is None else ["-D", f"archive_corrections_to={corrections_to}"]
    if bag_digests:  # the digests of the bags of the releases built before (sphinx/bagdigests.py)
        overrides += ["-D", f"archive_bag_digests={bag_digests}"]
    command = [python, "-m", "sphinx", "-b", "html", "-n", "--keep-going", "-q", "-d", str(doctrees),
               "-D", f"archive_version={version}", "-D", f"archive_latest_version={latest}",
               "-D", f"archive_site_url={site_url}", "-D", f"html_baseurl={site_url}", *overrides,
               str(source), str(out)]
    if strict:
        command.insert(5, "-W")
    env = {**os.environ, "ARCHIVE_VERSION": version}
    log(f"version {version}: {' '.join(command[1:])}")
    finished = subprocess.run(command, env=env, capture_output=True, text=True)
    if finished.stderr.strip() and not finished.returncode:
        log(finished.stderr.rstrip())
    if finished.returncode:
        warnings = "\n".join(finished.stderr.strip().splitlines()[-20:])
        raise VersionsError(f"the build of version {version} failed (sphinx-build exit {finished.returncode}):\n"
                            f"{warnings}")


def published_addresses(folder: Path) -> set[str]:
    """Every address a reader or a citation may keep: pages, citation files, data files."""
    found = set()
    for path in folder.rglob("*"):
        if path.is_file():
            relative = path.relative_to(folder).as_posix()
            if not relative.startswith(NOT_ADDRESSES) and relative not in NOT_ADDRESSES:
                found.add(relative)
    return found


def vanished_addresses(older: Path, newer: Path) -> list[str]:
    """Addresses of ``older`` that ``newer`` has neither as a page or file nor as a redirect."""
    return sorted(published_addresses(older) - published_addresses(newer))


def switcher_entries(versions: Iterable[Version], latest: str, root_path: str) -> list[dict[str, object]]:
    """sphinx-book-theme's switcher.json: newest first; addresses from the site's root path, so the
    folder works on any host that serves it at that path."""
    entries: list[dict[str, object]] = []
    for version in reversed(list(versions)):
        if version.name == CURRENT:
            name = f"{CURRENT} (en cours, non publiée)"
        elif version.name == latest:
            name = f"{version.name} (la plus récente)"
        else:
            name = version.name
        entries.append({"name": name, "version": version.name, "url": f"{root_path}{version.name}/",
                        "preferred": version.name == latest})
    return entries


def _root_index(root_path: str, latest: str) -> str:
    target = html.escape(f"{root_path}{LATEST}/", quote=True)
    return ("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>Archive du séminaire IA et santé</title>\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n"
            f"<link rel=\"canonical\" href=\"{target}\">\n</head>\n<body>\n"
            f"<p><a href=\"{target}\">Archive du séminaire IA et santé, version la plus récente "
            f"({html.escape(latest)})</a></p>\n</body>\n</html>\n")


def _sitemap_index(site_url: str, names: Iterable[str]) -> str:
    entries = "".join(f"  <sitemap><loc>{html.escape(site_url + name)}/sitemap.xml</loc></sitemap>\n"
                      for name in names)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</sitemapindex>\n")


def build_versions(repo: Path, out: Path, *, site_url: str, docs: str = "docs", strict: bool = True,
                   python: str = sys.executable, log: Callable[[str], None] = lambda line: None,
                   corrections_to: str | None = None) -> VersionsResult:
    """Build every version into ``out`` (emptied first). Raises :class:`VersionsError`, and
    :class:`seminar_archive.address.AddressError` for an empty, malformed or placeholder address
    (before anything is built). ``corrections_to``, when given, replaces conf.py's
    ``archive_corrections_to`` ("": no "report a mistake" link)."""
    site_url = release_site_url(site_url)
    repo = repo.resolve()
    versions = planned_versions(repo, docs)
    releases = [v for v in versions if v.is_release]
    latest = releases[-1].name if releases else CURRENT
    root_path = urlparse(site_url).path or "/"
    shutil.rmtree(out, ignore_errors=True)
    work = out / ".work"
    work.mkdir(parents=True)
    # Each release's BagIt bag, beside the versions (never inside a site: seminar_archive.bags).
    bags = out.with_name(out.name + "-bags")
    shutil.rmtree(bags, ignore_errors=True)
    bag_settings = settings_from_conf(repo / docs)
    digests: list[str] = []
    try:
        for version in versions:
            source = repo / docs
            if version.is_release:
                source = _checkout(repo, version, work / version.name, docs)
            _build(python, source, out / version.name, work / "doctrees" / version.name, version.name, latest,
                   site_url, strict, log, corrections_to, ";".join(digests))
            if version.is_release:
                date = _git(repo, "show", "-s", "--format=%cs", version.commit).strip()
                try:
                    digest = write_release_bag(bags / version.name, site=out / version.name, docs=source,
                                               release=version.name, date=date, settings=bag_settings)
                except BagBuildError as failed:
                    raise VersionsError(str(failed)) from failed
                log(f"version {version.name}: bag {bags / version.name}, sha256 {digest}")
                digests.append(f"{version.name}={digest}")
    finally:
        for version in releases:
            if (work / version.name).exists():
                subprocess.run(["git", "worktree", "remove", "--force", str(work / version.name)], cwd=repo,
                               capture_output=True)
        subprocess.run(["git", "worktree", "prune"], cwd=repo, capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(out / latest, out / LATEST)
    (out / "switcher.json").write_text(
        json.dumps(switcher_entries(versions, latest, root_path), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    (out / "index.html").write_text(_root_index(root_path, latest), encoding="utf-8")
    if (out / latest / "404.html").exists():
        shutil.copyfile(out / latest / "404.html", out / "404.html")
    (out / "sitemap.xml").write_text(_sitemap_index(site_url, [v.name for v in versions]), encoding="utf-8")
    problems = []
    for older, newer in itertools.pairwise(versions):
        vanished = vanished_addresses(out / older.name, out / newer.name)
        if vanished:
            shown = "\n  ".join(vanished)
            problems.append(f"addresses of version {older.name} missing from {newer.name} (add each moved page "
                            f"to {docs}/redirects.yaml, old path: new path):\n  {shown}")
    if problems:
        raise VersionsError("\n".join(problems))
    return VersionsResult(out, tuple(versions), latest)
