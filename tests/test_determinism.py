"""Reproducible output, and a build that keeps to its own files.

- Two clean builds of the real site, from two folders, are byte-identical, exports included
  (SOURCE_DATE_EPOCH set, as a packager sets it; nothing depends on the time or the folder).
- The build writes into docs/ only the generated pages it owns (each starts with the marker and
  is ignored by git), and never overwrites or deletes a file it did not write.
(Serial = -j 2 = incremental, exports included: tests/test_builds.py.)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DOCS, REPO, cli_build, pagefind_unstable
from seminar_archive.loader import GENERATED_MARKER

pytestmark = pytest.mark.slow


def every_file(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in sorted(outdir.rglob("*"))
            if p.is_file() and ".doctrees" not in p.parts and not pagefind_unstable(p.relative_to(outdir).as_posix())}


def site_copy(where: Path) -> Path:
    shutil.copytree(DOCS, where, ignore=shutil.ignore_patterns("_build", "people", "organisations", "themes"))
    for generated in ("sessions/index.md", "press/index.md"):
        (where / generated).unlink(missing_ok=True)
    for year in where.glob("sessions/[0-9][0-9][0-9][0-9].md"):
        year.unlink()
    return where


def test_two_clean_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    outputs = []
    for name in ("first", "second-elsewhere"):
        srcdir = site_copy(tmp_path / name / "docs")
        result = cli_build(srcdir, "-n", "-W", "--keep-going", "-q", "-d", str(tmp_path / name / "doctrees"),
                           outdir=tmp_path / name / "html")
        assert result.returncode == 0, result.stderr
        outputs.append(every_file(result.outdir))
    first, second = outputs
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    # The exports are among what was compared.
    for export in ("data/archive.json", "data/series.bib", "data/series.ics", "data/additions.atom", "sitemap.xml",
                   "sessions/ia-sante-02.bib", "sessions/ia-sante-02.ris", "sessions/ia-sante-02.csl.json"):
        assert export in first
    # No build folder leaks into what is published.
    for name, data in first.items():
        assert str(tmp_path).encode() not in data, name


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_build_writes_only_its_own_pages_into_docs(tmp_path: Path) -> None:
    srcdir = site_copy(tmp_path / "docs")
    # An archivist's own file in a folder of generated pages, and one beside the pages.
    (srcdir / "people").mkdir(exist_ok=True)
    (srcdir / "people" / "notes-de-travail.txt").write_text("à relire\n", encoding="utf-8")
    (srcdir / "sessions" / "brouillon.txt").write_text("brouillon\n", encoding="utf-8")
    before = snapshot(srcdir)
    result = cli_build(srcdir, "-n", "--keep-going", "-q", outdir=tmp_path / "html")
    assert result.returncode == 0, result.stderr
    after = snapshot(srcdir)
    assert all(after.get(name) == digest for name, digest in before.items()), "the build changed or removed a file"
    written = sorted(set(after) - set(before))
    assert written, "the build generates pages"
    owned_dirs = ("people/", "organisations/", "themes/")
    for name in written:
        text = (srcdir / name).read_text(encoding="utf-8")
        assert text.startswith(GENERATED_MARKER), name
        assert name.startswith(owned_dirs) or name in ("sessions/index.md", "press/index.md") or (
            name.startswith("sessions/") and name[len("sessions/"):-3].isdigit()), name
    # Every generated page is ignored by git in the real repository.
    if shutil.which("git") is None:  # pragma: no cover - git is on every machine we use
        pytest.fail("git is needed to check .gitignore")
    checked = subprocess.run(["git", "check-ignore", "--no-index", "--stdin"], cwd=REPO, capture_output=True,
                             text=True, input="\n".join(f"docs/{name}" for name in written) + "\n",
                             env={**os.environ, "GIT_DIR": str(REPO / ".git")})
    ignored = set(checked.stdout.split())
    assert [name for name in written if f"docs/{name}" not in ignored] == []
    # A second build rewrites nothing (sphinx-autobuild would loop otherwise).
    again = cli_build(srcdir, "-n", "--keep-going", "-q", outdir=tmp_path / "html")
    assert again.returncode == 0 and snapshot(srcdir) == after
