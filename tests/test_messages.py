"""messages.py: every warning in French and English with the same values, documented in French
with a sample, and the build's warnings in French by default."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import get_args

import pytest

import seminar_archive
from conftest import BuildFn, copy_root, warnings_of
from seminar_archive.diagnostics import Problem
from seminar_archive.messages import CATALOGUE, COMMAND_TEXTS, CommandKey, MessageKey, render_message


def test_every_message_has_both_languages_and_the_same_values() -> None:
    import string

    for key, (french, english) in CATALOGUE.items():
        names = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (french, english)]
        assert names[0] - {"wanted_fr"} == names[1] - {"wanted_en"}, key
    assert render_message("unknown-person", {"person": "x", "suggestion": "y"}, "en") == (
        "unknown person 'x'; did you mean 'y'?")


def test_every_problem_is_documented_in_both_languages_with_a_sample_message() -> None:
    """problems.py defines each warning once: both documentations, and samples of its messages
    (all but ``ref``, whose message is Sphinx's own), each a key of the catalogue."""
    assert len({p.subtype for p in Problem}) == len(Problem)
    for problem in Problem:
        for text in (problem.meaning, problem.example, problem.fix, problem.meaning_fr, problem.example_fr,
                     problem.fix_fr):
            assert text.strip(), problem
        assert bool(problem.samples) == (problem.subtype != "ref"), problem
        for _, key, args in problem.samples:
            assert key in CATALOGUE, (problem, key)
            assert render_message(key, args, "fr") and render_message(key, args, "en")


def test_the_sphinx_build_speaks_french_by_default(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("errors", tmp_path)
    app = build(srcdir, confoverrides={"archive_language": "fr"})
    found = warnings_of(app)
    assert any("unknown-person.md:12: WARNING: personne inconnue « ada-dupond » ; vouliez-vous dire "
               "« ada-dupont » ? [archive.unknown-person]" in line for line in found), found


def test_the_type_of_message_keys_is_the_catalogue() -> None:
    assert set(get_args(MessageKey)) == set(CATALOGUE)
    assert len(get_args(MessageKey)) == len(CATALOGUE)
    assert set(get_args(CommandKey)) == set(COMMAND_TEXTS)
    assert len(get_args(CommandKey)) == len(COMMAND_TEXTS)


def test_mypy_rejects_a_misspelt_message_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A key is checked where it is written, by the type checker, not when the message is shown."""
    api = pytest.importorskip("mypy.api", reason="mypy is in the dev extra (nox -s lint installs it)")
    snippet = tmp_path / "snippet.py"
    snippet.write_text("from pathlib import Path\n"
                       "from seminar_archive.cli.common import Context\n"
                       "from seminar_archive.messages import render_message\n"
                       'render_message("unknown-feild", {})\n'
                       'render_message("unknown-field", {"name": "x", "known": "y"})\n'
                       'Context("fr", Path(".")).t("wrot", path="x")\n'
                       'Context("fr", Path(".")).t("wrote", path="x")\n', encoding="utf-8")
    package_root = Path(seminar_archive.__file__).parent.parent  # the package these tests import
    monkeypatch.setenv("MYPYPATH", str(package_root))
    stdout, _stderr, status = api.run([str(snippet), "--no-incremental", "--follow-imports=silent",
                                       "--config-file=", f"--python-executable={sys.executable}"])
    assert status == 1, stdout
    errors = [line for line in stdout.splitlines() if ": error:" in line]
    assert len(errors) == 2, stdout
    assert "snippet.py:4:" in errors[0] and "unknown-feild" in errors[0], stdout
    assert "snippet.py:6:" in errors[1] and "wrot" in errors[1], stdout
