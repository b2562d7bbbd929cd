"""A temporary git repository with two releases of a small archive, built once per test session
by the versions build (seminar_archive.versions, what `nox -s versions` runs): the fixture
``versions_site`` of test_versions_build.py and test_versions_browser.py (a plugin of conftest.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from seminar_archive.versions import build_versions

ROOTS = Path(__file__).parent / "roots"
SITE = "https://archive.example.org/ia/"
FIRST, SECOND = "2026.1", "2026.2"


def git(repo: Path, *args: str, date: str = "2026-01-15T10:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Archiviste",
           "GIT_AUTHOR_EMAIL": "a@archive.invalid", "GIT_COMMITTER_NAME": "Archiviste",
           "GIT_COMMITTER_EMAIL": "a@archive.invalid"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


def make_repository(repo: Path) -> dict[str, str]:
    """Release 1: the test-basic archive. Release 2: a third session, and session 2 renamed (its
    old address redirected). Then main records both releases in docs/releases.yaml."""
    docs = repo / "docs"
    shutil.copytree(ROOTS / "test-basic", docs, ignore=shutil.ignore_patterns("people", "organisations", "themes"))
    (repo / ".gitignore").write_text("build/\ndocs/people/\ndocs/organisations/\ndocs/themes/\n"
                                     "docs/sessions/index.md\ndocs/sessions/2*.md\ndocs/press/index.md\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first release")
    first = git(repo, "rev-parse", "HEAD")

    sessions = docs / "sessions"
    renamed = (sessions / "ser-02.md").read_text(encoding="utf-8").replace("id: ser-02", "id: ser-deux")
    (sessions / "ser-02.md").unlink()
    (sessions / "ser-deux.md").write_text(renamed, encoding="utf-8")
    third = (sessions / "ser-01.md").read_text(encoding="utf-8")
    third = re.sub(r"id: ser-01", "id: ser-03", third)
    third = re.sub(r"number: 1", "number: 3", third)
    third = re.sub(r"date: \d{4}-\d\d-\d\d", "date: 2022-06-01", third)
    third = re.sub(r"citekey: \S+", "citekey: ser-2022-s03", third)
    third = re.sub(r"title: .*", "title: Troisième séance", third)
    (sessions / "ser-03.md").write_text(third, encoding="utf-8")
    (docs / "redirects.yaml").write_text("redirects:\n  sessions/ser-02: sessions/ser-deux\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second release", date="2026-03-10T10:00:00+00:00")
    second = git(repo, "rev-parse", "HEAD")

    (docs / "releases.yaml").write_text(
        "releases:\n"
        f"  - name: '{FIRST}'\n    date: 2026-01-15\n    commit: {first}\n    added: [Les deux premières séances.]\n"
        f"  - name: '{SECOND}'\n    date: 2026-03-10\n    commit: {second}\n"
        "    added: ['La troisième séance, {session}`ser-03`.']\n    corrected: [Identifiant de la deuxième séance.]\n",
        encoding="utf-8")
    (docs / "changelog.md").write_text("# Versions\n\n```{archive-changelog}\n```\n", encoding="utf-8")
    index = (docs / "index.md").read_text(encoding="utf-8")
    (docs / "index.md").write_text(index.replace("themes/index\n", "themes/index\nchangelog\n"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "record the releases", date="2026-03-11T10:00:00+00:00")
    return {"first": first, "second": second}


@pytest.fixture(scope="session")
def versions_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("git") is None:  # pragma: no cover - git is part of every machine we use
        pytest.fail("git is needed for the versions build")
    repo = tmp_path_factory.mktemp("versions") / "repo"
    repo.mkdir()
    make_repository(repo)
    out = repo / "build" / "versions"
    build_versions(repo, out, site_url=SITE)
    return repo, out




@pytest.fixture(scope="session")
def published_site(versions_site: tuple[Path, Path]) -> tuple[Path, Path, str]:
    """The same repository published by `archive publish` (what `nox -s publish` runs) at SITE into
    build/publish: (repository, folder, the command's standard output)."""
    repo, _versions = versions_site
    out = repo / "build" / "publish"
    environment = {k: v for k, v in os.environ.items() if k not in ("ARCHIVE_BASE_URL", "ARCHIVE_CORRECTIONS_TO")}
    finished = subprocess.run([sys.executable, "-m", "seminar_archive", "publish", "--base-url", SITE,
                               "--out", str(out)], cwd=repo, capture_output=True, text=True, env=environment)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return repo, out, finished.stdout
