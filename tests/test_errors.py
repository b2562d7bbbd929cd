"""Bad input: every front-matter and archive-wide problem is one located, typed warning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import BuildFn, cli_build, copy_root, warnings_of

# (file, line, subtype, words the message must contain)
EXPECTED = [
    ("registry/people.yaml", 7, "duplicate-id", "'ada-dupont' is given twice (first on line 1)"),
    ("registry/people.yaml", 4, "unused", "'unused-person' is in the registry but no page refers"),
    ("registry/organisations.yaml", 3, "org-cycle", "'loop-a' is its own parent (loop-a → loop-b → loop-a)"),
    ("registry/organisations.yaml", 6, "org-cycle", "'loop-b' is its own parent (loop-b → loop-a → loop-b)"),
    ("sessions/bad-yaml.md", 6, "yaml", "YAML syntax error"),
    ("sessions/missing-title.md", 2, "missing-field", "required field 'title' is missing"),
    ("sessions/unknown-field.md", 9, "unknown-field", "unknown field 'tittle'; did you mean 'title'?"),
    ("sessions/bad-number.md", 6, "bad-value", "'number' must be a whole number, not 'deux'"),
    ("sessions/bad-date.md", 7, "bad-date", "'date' is not a real date written YYYY-MM-DD: '2021-02-30'"),
    ("sessions/dup-id.md", 4, "duplicate-id", "id 'dup-id' is already used by press/dup-id.md:4"),
    ("sessions/good-01.md", 4, "duplicate-key", "citation key 'k-good-01' is already used by sessions/dup-key.md"),
    ("sessions/wrong-name.md", 4, "duplicate-number", "series 'ser' already has a session number 2"),
    ("sessions/wrong-name.md", 4, "id-mismatch", "the page's id is 'other-id' but its file is named 'wrong-name'"),
    ("sessions/missing-source.md", 4, "missing-source", "'nope.txt' is not in docs/sources/; did you mean 'prog.txt'?"),
    ("sessions/unknown-person.md", 12, "unknown-person", "unknown person 'ada-dupond'; did you mean 'ada-dupont'?"),
    ("sessions/unknown-org.md", 12, "unknown-org", "unknown organisation 'labo'; did you mean 'lab'?"),
    ("index.md", 3, "ref", "unknown personne 'ada-dupond' (person role); did you mean 'ada-dupont'?"),
    ("index.md", 3, "ref", "unknown séance 'ser-99' (session role)"),
]

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): WARNING: (?P<message>.*) \[archive\.(?P<subtype>[a-z-]+)\]$")


def parse(lines: list[str], srcdir: Path) -> list[tuple[str, int, str, str]]:
    parsed = []
    for line in lines:
        match = LINE.match(line)
        assert match, f"warning without file:line and archive subtype: {line}"
        path = Path(match["path"]).relative_to(srcdir).as_posix()
        parsed.append((path, int(match["line"]), match["subtype"], match["message"]))
    return parsed


@pytest.fixture()
def errors(build: BuildFn, tmp_path: Path) -> tuple[SphinxTestApp, Path]:
    srcdir = copy_root("errors", tmp_path)
    return build(srcdir), srcdir


def test_each_problem_is_reported_once_with_file_line_and_subtype(errors: tuple[SphinxTestApp, Path]) -> None:
    app, srcdir = errors
    found = parse(warnings_of(app), srcdir)
    for path, line, subtype, words in EXPECTED:
        matches = [f for f in found if f[0] == path and f[1] == line and f[2] == subtype and words in f[3]]
        assert len(matches) == 1, f"expected one {subtype} at {path}:{line} with {words!r}; got {found}"
    assert len(found) == len(EXPECTED), "unexpected extra warnings: " + "\n".join(map(str, found))


def test_broken_pages_still_build_under_a_title(errors: tuple[SphinxTestApp, Path]) -> None:
    app, _ = errors
    out = Path(app.outdir)
    # Good pages and broken ones are all in the site; the broken ones say why.
    assert "Séance good-01" in (out / "sessions" / "good-01.html").read_text(encoding="utf-8")
    broken = (out / "sessions" / "bad-yaml.html").read_text(encoding="utf-8")
    assert "sessions/bad-yaml" in broken and "contient des erreurs" in broken
    assert "Séance" in (out / "sessions" / "unknown-field.html").read_text(encoding="utf-8")


def test_warnings_can_be_suppressed_by_subtype(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("errors", tmp_path)
    app = build(srcdir, confoverrides={"suppress_warnings": ["archive.unused", "archive.ref"]})
    subtypes = {f[2] for f in parse(warnings_of(app), srcdir)}
    assert "unused" not in subtypes and "ref" not in subtypes
    assert "yaml" in subtypes


def test_cli_build_fails_under_W_reports_all_and_no_traceback(tmp_path: Path) -> None:
    srcdir = copy_root("errors", tmp_path)
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-q", outdir=tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    reported = {(f[0], f[2]) for f in parse(result.warnings, srcdir)}
    assert {(path, subtype) for path, _, subtype, _ in EXPECTED} <= reported
    assert (tmp_path / "out" / "sessions" / "good-01.html").exists()  # --keep-going built the rest
