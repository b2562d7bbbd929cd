"""messages.py: every warning in French and English with the same values, documented in French
with a sample, and the build's warnings in French by default."""

from __future__ import annotations

from pathlib import Path

from conftest import BuildFn, copy_root, warnings_of
from seminar_archive.diagnostics import Problem
from seminar_archive.messages import CATALOGUE, PROBLEM_DOCS_FR, SAMPLE_MESSAGES, render_message


def test_every_message_has_both_languages_and_the_same_values() -> None:
    import string

    for key, (french, english) in CATALOGUE.items():
        names = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (french, english)]
        assert names[0] - {"wanted_fr"} == names[1] - {"wanted_en"}, key
    assert render_message("unknown-person", {"person": "x", "suggestion": "y"}, "en") == (
        "unknown person 'x'; did you mean 'y'?")


def test_every_problem_is_documented_in_french_with_a_sample_message() -> None:
    subtypes = {p.subtype for p in Problem}
    assert set(PROBLEM_DOCS_FR) == subtypes
    assert set(SAMPLE_MESSAGES) == subtypes - {"ref"}
    for samples in SAMPLE_MESSAGES.values():
        for _, key, args in samples:
            assert render_message(key, args, "fr") and render_message(key, args, "en")


def test_the_sphinx_build_speaks_french_by_default(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("errors", tmp_path)
    app = build(srcdir, confoverrides={"archive_language": "fr"})
    found = warnings_of(app)
    assert any("unknown-person.md:12: WARNING: personne inconnue « ada-dupond » ; vouliez-vous dire "
               "« ada-dupont » ? [archive.unknown-person]" in line for line in found), found
