"""The versioned archive, built from a temporary git repository with two releases (conftest.py):
folders, switcher.json, redirects, per-version pages, dates from git, citations, the changelog,
the 404 page, and the guard against addresses that vanish."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_string

from seminar_archive.versions import VersionsError, build_versions, planned_versions
from versions_repo import FIRST, SECOND, SITE, git


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_releases_file_lists_releases_then_main(versions_site: tuple[Path, Path]) -> None:
    repo, _out = versions_site
    assert [(v.name, bool(v.commit)) for v in planned_versions(repo)] == [(FIRST, True), (SECOND, True),
                                                                          ("main", False)]


def test_folder_layout(versions_site: tuple[Path, Path]) -> None:
    _repo, out = versions_site
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [FIRST, SECOND, "main", "latest", "switcher.json", "index.html", "404.html", "sitemap.xml"])
    for version in (FIRST, SECOND, "main", "latest"):
        assert (out / version / "index.html").is_file()
        assert (out / version / "sitemap.xml").is_file()
    # The work trees of the releases are gone, and git no longer lists them.
    assert not (out / ".work").exists()
    assert git(_repo, "worktree", "list").count("\n") == 0


def test_switcher_json(versions_site: tuple[Path, Path]) -> None:
    _repo, out = versions_site
    entries = json.loads((out / "switcher.json").read_text(encoding="utf-8"))
    assert [e["version"] for e in entries] == ["main", SECOND, FIRST]
    assert [e["url"] for e in entries] == ["/ia/main/", f"/ia/{SECOND}/", f"/ia/{FIRST}/"]
    assert [e["version"] for e in entries if e["preferred"]] == [SECOND]
    # Every page of every version carries the switcher, told which version it belongs to.
    for version in (FIRST, SECOND, "main"):
        page = soup(out / version / "sessions" / "ser-01.html")
        assert page.select(".version-switcher__button"), version
        options = page.find("script", string=re.compile("theme_switcher_json_url"))
        assert (options is not None and f"'{version}'" in (options.string or "")) or f'"{version}"' in str(options)


def test_root_index_leads_to_latest(versions_site: tuple[Path, Path]) -> None:
    _repo, out = versions_site
    page = soup(out / "index.html")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"].endswith("url=/ia/latest/")
    # latest/ is the newest release, page for page.
    assert (out / "latest" / "sessions" / "ser-03.html").read_bytes() == (
        out / SECOND / "sessions" / "ser-03.html").read_bytes()


def test_pages_differ_by_version(versions_site: tuple[Path, Path]) -> None:
    _repo, out = versions_site
    assert not (out / FIRST / "sessions" / "ser-03.html").exists()
    assert (out / SECOND / "sessions" / "ser-03.html").exists()
    first = soup(out / FIRST / "sessions" / "ser-02.html")
    assert "Deuxième séance" in first.title.get_text()
    # An older version says so, and leads to the latest.
    notice = first.select_one(".bd-header-announcement")
    assert notice is not None and f"version {FIRST}" in notice.get_text()
    assert notice.find("a")["href"] == "/ia/latest/"
    assert soup(out / SECOND / "sessions" / "ser-01.html").select_one(".bd-header-announcement") is None


def test_moved_page_redirects_and_keeps_its_files(versions_site: tuple[Path, Path]) -> None:
    _repo, out = versions_site
    stub = soup(out / SECOND / "sessions" / "ser-02.html")
    refresh = stub.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"].endswith("url=../sessions/ser-deux.html")
    assert stub.find("a")["href"] == "../sessions/ser-deux.html"
    # The citation files of the moved session stay at their old addresses too.
    old_bib = parse_string((out / SECOND / "sessions" / "ser-02.bib").read_text(encoding="utf-8"), "bibtex")
    assert list(old_bib.entries) == ["ser-2022-s02"]
    # A redirected address is not in the sitemap; the new one is.
    sitemap = (out / SECOND / "sitemap.xml").read_text(encoding="utf-8")
    assert "sessions/ser-02.html" not in sitemap and f"{SITE}{SECOND}/sessions/ser-deux.html" in sitemap


def test_last_changed_comes_from_git(versions_site: tuple[Path, Path]) -> None:
    _repo, out = versions_site

    def changed(version: str, page: str) -> str:
        found = soup(out / version / page).select_one(".archive-last-changed time")
        assert found is not None, (version, page)
        return str(found["datetime"])

    assert changed(FIRST, "sessions/ser-01.html") == "2026-01-15"
    assert changed(SECOND, "sessions/ser-01.html") == "2026-01-15"  # untouched by release 2
    assert changed(SECOND, "sessions/ser-03.html") == "2026-03-10"
    # A generated page changes when what it lists changes: the chronology lists session 3.
    assert changed(SECOND, "sessions/index.html") == "2026-03-10"
    assert changed(FIRST, "sessions/index.html") == "2026-01-15"


def test_citations_carry_version_and_both_urls(versions_site: tuple[Path, Path]) -> None:
    _repo, out = versions_site
    ((_key, entry),) = parse_string((out / FIRST / "sessions" / "ser-01.bib").read_text(encoding="utf-8"),
                                    "bibtex").entries.items()
    assert entry.fields["url"] == f"{SITE}{FIRST}/sessions/ser-01.html"
    note = " ".join(entry.fields["note"].split())
    assert f"Version de l’archive : {FIRST}" in note
    assert f"{SITE}latest/sessions/ser-01.html" in note
    csl = json.loads((out / FIRST / "sessions" / "ser-01.csl.json").read_text(encoding="utf-8"))[0]
    assert csl["URL"] == f"{SITE}{FIRST}/sessions/ser-01.html" and csl["version"] == FIRST
    assert f"{SITE}latest/sessions/ser-01.html" in csl["note"]
    page = soup(out / FIRST / "sessions" / "ser-01.html")
    assert page.find("link", rel="canonical")["href"] == f"{SITE}{FIRST}/sessions/ser-01.html"
    assert page.find("meta", attrs={"name": "citation_public_url"})["content"] == f"{SITE}{FIRST}/sessions/ser-01.html"
    # The cite block gives the latest address beside the formatted citation.
    latest = page.select_one("#citer .archive-latest-link a")
    assert latest is not None and latest["href"] == f"{SITE}latest/sessions/ser-01.html"
    assert f"Version de l’archive\u00a0: {FIRST}" in page.select_one("#citer .archive-citation").get_text()


def test_changelog(versions_site: tuple[Path, Path]) -> None:
    _repo, out = versions_site
    article = soup(out / "main" / "changelog.html").select_one("article")
    assert article is not None
    headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in article.select("h2")]
    assert headings == [f"Version {SECOND} — 10 mars 2026", f"Version {FIRST} — 15 janvier 2026"]
    newest = article.select_one("section#version-2026-2")
    assert newest is not None and newest.select_one("a[href='sessions/ser-03.html']") is not None
    assert "Identifiant de la deuxième séance." in newest.get_text()


def test_not_found_page(versions_site: tuple[Path, Path]) -> None:
    _repo, out = versions_site
    # The 404 page: absolute links into its version, and the box that looks for the page elsewhere.
    page = soup(out / SECOND / "404.html")
    assert page.select_one("a[href='/ia/2026.2/index.html']") is not None
    box = page.select_one(".archive-other-versions")
    assert box is not None and box["data-switcher"] == "/ia/switcher.json"
    assert (out / "404.html").read_bytes() == (out / SECOND / "404.html").read_bytes()


def test_vanished_address_fails_the_build(versions_site: tuple[Path, Path], tmp_path: Path) -> None:
    repo, _out = versions_site
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    (clone / "docs" / "sessions" / "ser-03.md").unlink()  # removed from main, with no redirect
    releases = clone / "docs" / "releases.yaml"
    releases.write_text(releases.read_text(encoding="utf-8").replace("{session}`ser-03`", "ser-03"), encoding="utf-8")
    with pytest.raises(VersionsError) as failure:
        build_versions(clone, clone / "build" / "versions", site_url=SITE)
    message = str(failure.value)
    assert f"addresses of version {SECOND} missing from main" in message
    assert "sessions/ser-03.html" in message and "sessions/ser-03.bib" in message
    assert "sessions/ser-01.html" not in message


def test_failed_build_names_the_version_and_its_warnings(versions_site: tuple[Path, Path], tmp_path: Path) -> None:
    repo, _out = versions_site
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    (clone / "docs" / "sessions" / "ser-03.md").unlink()  # the changelog still links it
    with pytest.raises(VersionsError) as failure:
        build_versions(clone, clone / "build" / "versions", site_url=SITE)
    message = str(failure.value)
    assert message.startswith("the build of version main failed")
    # Reported where the changelog entry is written (releases.yaml:line), not at the changelog page.
    assert "docs/releases.yaml:" in message and "ser-03" in message and "changelog" not in message
