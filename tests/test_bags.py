"""The BagIt preservation package of each release (seminar_archive.bags), written by the versions
build of the temporary repository (versions_repo.py): what it holds, bag-info.txt, SHA-256 only,
its digest in the later changelogs, byte-for-byte reproducible, and `archive bag-check` on sound,
changed, shortened and incomplete bags."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import bagit
import pytest
from bs4 import BeautifulSoup

from seminar_archive.bags import BagSettings, write_release_bag
from seminar_archive.versions import build_versions, published_addresses
from versions_repo import FIRST, SECOND, SITE, git

ORGANIZATION = "Chaire santé <archives> & co"


def bags_of(out: Path) -> Path:
    return out.with_name(out.name + "-bags")


def tag_values(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, value = line.partition(": ")
        values[name] = value
    return values


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def bagged_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The temporary repository of versions_repo.py, with a Source-Organization in its conf.py,
    built by the versions build: (repository, versions folder)."""
    from versions_repo import make_repository

    repo = tmp_path_factory.mktemp("bagged") / "repo"
    repo.mkdir()
    make_repository(repo)
    conf = repo / "docs" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"archive_bag_organization = {ORGANIZATION!r}\n",
                    encoding="utf-8")
    git(repo, "commit", "-q", "-am", "organisation", date="2026-03-12T10:00:00+00:00")
    out = repo / "build" / "versions"
    versions_build(repo, out)
    return repo, out


def versions_build(repo: Path, out: Path) -> None:
    build_versions(repo, out, site_url=SITE)


def test_one_bag_per_release_beside_the_versions(bagged_site: tuple[Path, Path]) -> None:
    repo, out = bagged_site
    bags = bags_of(out)
    assert sorted(p.name for p in bags.iterdir()) == [FIRST, SECOND]  # not main
    assert not (out / "bags").exists() and not any(out.glob("*/bagit.txt"))
    for release in (FIRST, SECOND):
        bag = bags / release
        assert sorted(p.name for p in bag.iterdir()) == ["bag-info.txt", "bagit.txt", "data",
                                                         "manifest-sha256.txt", "tagmanifest-sha256.txt"]
        assert sorted(p.name for p in (bag / "data").iterdir()) == ["registry", "site", "sources"]
        # The built site as the versions build wrote it, the release's sources and registry.
        # Pagefind's index (a new set of file names at every run) is left out: the rest, byte for byte.
        site = {name: data for name, data in tree_bytes(out / release).items() if not name.startswith("pagefind/")}
        assert any(name.startswith("pagefind/") for name in tree_bytes(out / release))
        assert tree_bytes(bag / "data" / "site") == site
        assert (bag / "data" / "sources" / "prog.txt").read_bytes() == (
            repo / "docs" / "sources" / "prog.txt").read_bytes()
        assert (bag / "data" / "registry" / "people.yaml").is_file()
    assert (bags / SECOND / "data" / "site" / "sessions" / "ser-03.html").is_file()
    assert not (bags / FIRST / "data" / "site" / "sessions" / "ser-03.html").exists()
    # The bags add no address to any version (the vanished-address check compares the versions).
    assert not any(a.startswith(("bags/", "data/site/")) for a in published_addresses(out / SECOND))


def test_bag_info_and_sha256_manifests(bagged_site: tuple[Path, Path]) -> None:
    _repo, out = bagged_site
    for release, date in ((FIRST, "2026-01-15"), (SECOND, "2026-03-10")):
        bag = bags_of(out) / release
        info = tag_values(bag / "bag-info.txt")
        assert info["External-Identifier"] == release
        assert info["Bagging-Date"] == date  # the release commit's date, not today
        assert info["Source-Organization"] == ORGANIZATION
        files = [p for p in (bag / "data").rglob("*") if p.is_file()]
        assert info["Payload-Oxum"] == f"{sum(p.stat().st_size for p in files)}.{len(files)}"
        manifest = {path: digest for digest, path in (line.split("  ", 1) for line in
                    (bag / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines())}
        assert sorted(manifest) == sorted(p.relative_to(bag).as_posix() for p in files)
        assert manifest["data/site/index.html"] == sha256(bag / "data" / "site" / "index.html")
        tagmanifest = (bag / "tagmanifest-sha256.txt").read_text(encoding="utf-8")
        tags = [line.split(" ", 1) for line in tagmanifest.splitlines()]
        assert [name for _d, name in tags] == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]
        assert all(digest == sha256(bag / name) for digest, name in tags)
        bagit.Bag(str(bag)).validate()  # bagit's own reading agrees


def test_digest_in_later_changelogs(bagged_site: tuple[Path, Path]) -> None:
    _repo, out = bagged_site
    digests = {release: sha256(bags_of(out) / release / "tagmanifest-sha256.txt") for release in (FIRST, SECOND)}

    def shown(version: str) -> dict[str, str]:
        page = BeautifulSoup((out / version / "changelog.html").read_text(encoding="utf-8"), "html.parser")
        found = {}
        for release in (FIRST, SECOND):
            section = page.select_one(f"section#version-{release.replace('.', '-')}")
            assert section is not None, (version, release)
            digest = section.select_one(".archive-bag-digest code")
            if digest is not None:
                found[release] = digest.get_text()
        return found

    assert shown("main") == digests
    assert len(set(digests.values())) == 2
    # The releases of this repository have no changelog page (main added it); a release's own
    # site is in its bag, so at most the earlier releases' digests could be in it.
    assert not (out / SECOND / "changelog.html").exists()


def test_bags_are_byte_reproducible(bagged_site: tuple[Path, Path], tmp_path: Path) -> None:
    repo, out = bagged_site
    again = tmp_path / "elsewhere" / "versions"
    versions_build(repo, again)
    first, second = tree_bytes(bags_of(out)), tree_bytes(bags_of(again))
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def bag_check(bag: Path, lang: str = "fr") -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "ARCHIVE_LANG"}
    return subprocess.run([sys.executable, "-m", "seminar_archive", "--lang", lang, "bag-check", str(bag)],
                          capture_output=True, text=True, env=environment, cwd=bag.parent)


@pytest.fixture()
def bag_copy(bagged_site: tuple[Path, Path], tmp_path: Path) -> Path:
    _repo, out = bagged_site
    copy = tmp_path / FIRST
    shutil.copytree(bags_of(out) / FIRST, copy)
    return copy


def test_bag_check_sound_bag(bag_copy: Path) -> None:
    checked = bag_check(bag_copy)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "paquet intègre" in checked.stdout and f"version {FIRST}" in checked.stdout
    assert ORGANIZATION in checked.stdout and "2026-01-15" in checked.stdout


def test_bag_check_one_byte_changed(bag_copy: Path) -> None:
    page = bag_copy / "data" / "site" / "sessions" / "ser-01.html"
    text = bytearray(page.read_bytes())
    text[100] = ord("X") if text[100] != ord("X") else ord("Y")  # same size: only the digest tells
    page.write_bytes(bytes(text))
    checked = bag_check(bag_copy)
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == ["data/site/sessions/ser-01.html : le contenu a changé depuis la mise "
                                           "en paquet (son empreinte SHA-256 n’est plus celle du manifeste)"]
    assert "paquet NON intègre" in checked.stderr
    english = bag_check(bag_copy, "en")
    assert english.returncode == 1 and "data/site/sessions/ser-01.html: the content changed" in english.stdout


def test_bag_check_file_grown_or_removed_or_added(bag_copy: Path) -> None:
    source = bag_copy / "data" / "sources" / "prog.txt"
    source.write_bytes(source.read_bytes() + b"!")  # the Payload-Oxum fails first: the file is still named
    checked = bag_check(bag_copy)
    assert checked.returncode == 1 and "data/sources/prog.txt : le contenu a changé" in checked.stdout
    source.unlink()
    checked = bag_check(bag_copy)
    assert checked.returncode == 1
    assert "data/sources/prog.txt : le fichier est listé dans le manifeste mais manque" in checked.stdout
    (bag_copy / "data" / "sources" / "ajout.txt").write_text("x", encoding="utf-8")
    checked = bag_check(bag_copy)
    assert checked.returncode == 1 and "data/sources/ajout.txt : ce fichier n’était pas dans le paquet" in (
        checked.stdout)


def test_bag_check_tag_file_changed_and_not_a_bag(bag_copy: Path, tmp_path: Path) -> None:
    info = bag_copy / "bag-info.txt"
    info.write_text(info.read_text(encoding="utf-8").replace(FIRST, "2099.1"), encoding="utf-8")
    checked = bag_check(bag_copy)
    assert checked.returncode == 1 and "bag-info.txt : le contenu a changé" in checked.stdout
    empty = tmp_path / "vide"
    empty.mkdir()
    checked = bag_check(empty)
    assert checked.returncode == 1 and "n’est pas un paquet BagIt lisible" in checked.stdout


def test_organization_not_given_is_not_invented(tmp_path: Path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    site.mkdir()
    (site / "index.html").write_text("<p>&lt;]]&gt;</p>", encoding="utf-8")
    (docs / "sources").mkdir(parents=True)
    (docs / "sources" / "é ü.txt").write_text("source", encoding="utf-8")
    digest = write_release_bag(tmp_path / "bag", site=site, docs=docs, release="2026.9", date="2026-05-01",
                               settings=BagSettings())
    info = tag_values(tmp_path / "bag" / "bag-info.txt")
    assert "Source-Organization" not in info and info["Payload-Oxum"] == f"{17 + 6}.2"
    assert not (tmp_path / "bag" / "data" / "registry").exists()
    assert digest == sha256(tmp_path / "bag" / "tagmanifest-sha256.txt")
    checked = bag_check(tmp_path / "bag")
    assert checked.returncode == 0, checked.stdout
    assert "organisation source : non donnée" in checked.stdout
