"""What reading a file gave is kept between builds: the same records and problems, read again
only when the file (or this package's code) changes."""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

from conftest import ROOTS, cli_build, copy_root
from seminar_archive.diagnostics import Diagnostic
from seminar_archive.loader import load_archive
from seminar_archive.readcache import ReadCache, code_digest

READ_LOG = re.compile(r"\[archive\] pages and registry: (\d+) files, (\d+) read again")


def generated_pages(srcdir: Path) -> list[Path]:
    return [p for d in ("people", "organisations", "themes") for p in (srcdir / d).rglob("*.md")]


def _located(diagnostics: list[Diagnostic]) -> list[tuple[str, int, str, str]]:
    return [(d.path, d.line, d.problem.subtype, d.message) for d in diagnostics]


def test_a_kept_read_gives_what_reading_gives(tmp_path: Path) -> None:
    srcdir = tmp_path / "errors"
    shutil.copytree(ROOTS / "test-errors", srcdir)
    fresh_archive, fresh_problems = load_archive(srcdir)
    assert fresh_problems, "the root must have problems for this test to mean anything"

    path = tmp_path / "cache.pickle"
    first = ReadCache.load(path)
    load_archive(srcdir, read_cache=first)
    first.save(path)
    pages = len(list(srcdir.rglob("*.md"))) - 1  # index.md is read too, and is no archive page
    assert first.hits == 0 and first.misses >= pages

    again = ReadCache.load(path)
    archive, problems = load_archive(srcdir, read_cache=again)
    assert again.misses == 0 and again.hits == first.misses
    assert archive.items() == fresh_archive.items()
    assert archive.people == fresh_archive.people and archive.organisations == fresh_archive.organisations
    assert sorted(archive.unusable_pages.items()) == sorted(fresh_archive.unusable_pages.items())
    assert _located(problems) == _located(fresh_problems)


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    srcdir = tmp_path / "errors"
    shutil.copytree(ROOTS / "test-errors", srcdir)
    path = tmp_path / "cache.pickle"
    cache = ReadCache.load(path)
    load_archive(srcdir, read_cache=cache)
    cache.save(path)

    page = srcdir / "sessions" / "bad-date.md"
    page.write_text(page.read_text(encoding="utf-8").replace("2021-02-30", "2021-02-28"), encoding="utf-8")
    registry = srcdir / "registry" / "people.yaml"
    added = "\nadded-person:\n  given: Nouvelle\n  family: Personne\n"
    registry.write_text(registry.read_text(encoding="utf-8") + added, encoding="utf-8")
    (srcdir / "sessions" / "missing-title.md").unlink()

    again = ReadCache.load(path)
    archive, problems = load_archive(srcdir, read_cache=again)
    assert again.misses == 2  # the page and the registry; nothing else
    subtypes = {(d.path, d.problem.subtype) for d in problems}
    assert ("sessions/bad-date.md", "bad-date") not in subtypes
    assert not any(d.path == "sessions/missing-title.md" for d in problems)
    assert "added-person" in archive.people
    assert archive.item("session", "bad-date") is not None
    # The removed page's entry is dropped from the saved cache.
    again.save(path)
    assert "sessions/missing-title" not in ReadCache.load(path).entries


def test_a_cache_from_other_code_or_damaged_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "cache.pickle"
    path.write_bytes(pickle.dumps(("other code", {"sessions/x": ("digest", None, ())})))
    assert ReadCache.load(path).entries == {}
    path.write_bytes(b"not a pickle")
    assert ReadCache.load(path).entries == {}
    assert len(code_digest()) == 64


def test_a_rebuild_reports_the_same_problems_from_its_cache(tmp_path: Path) -> None:
    srcdir = copy_root("errors", tmp_path)
    first = cli_build(srcdir, "-v")
    cli_build(srcdir)  # reads the pages the first build generated (chronology, years)
    again = cli_build(srcdir, "-v")
    # Problems of the sources are reported at every build; Sphinx reports references (archive.ref)
    # only when it reads the page that makes them, as for its own warnings.
    loaded = sorted(w for w in first.warnings if "[archive.ref]" not in w)
    assert len(loaded) > 10 and sorted(again.warnings) == loaded
    files, read_again = map(int, READ_LOG.findall(again.stdout)[0])
    assert read_again == 0 and files == len(list(srcdir.rglob("*.md"))) - len(generated_pages(srcdir)) + 2
