"""citeproc-py's remembered lookups (seminar_archive.citations.citeproc_lookups) change no text:
every reference of the real archive and of the hostile records, in the archive's style and the
three official ones, is the same as citeproc-py gives without them (in a process of its own,
where they are never installed); and each remembered answer is citeproc-py's own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clients import hostile_records
from seminar_archive.citations import formatted, styled
from seminar_archive.citations.citeproc_lookups import ORIGINAL_LOOKUPS
from seminar_archive.citations.formatted import formatted_citation, formatted_citation_html
from seminar_archive.citations.record import CitationRecord, citable, citation_record
from seminar_archive.loader import load_archive

DOCS = Path(__file__).parent.parent / "docs"
TESTS = Path(__file__).parent

# Run in a fresh interpreter: the lookups are left out before the citation modules bind them.
WITHOUT_LOOKUPS = """
import json, sys
sys.path.insert(0, sys.argv[1])
import seminar_archive.citations.citeproc_lookups as lookups
lookups.remember_style_lookups = lambda: None
from test_citeproc_lookups import references
print(json.dumps(references()))
"""


def records() -> list[CitationRecord]:
    archive, _ = load_archive(DOCS)
    real = [citation_record(archive, item, lambda d: f"https://archive.example/2026.1/{d}.html", "2026.1")
            for item in citable(archive)]
    return real + hostile_records()


def references() -> list[list[str]]:
    return [[formatted_citation(record), formatted_citation_html(record),
             *(styled.styled_citation(record, style) for style in styled.STYLES)] for record in records()]


def test_the_references_are_citeprocs_own() -> None:
    without = subprocess.run([sys.executable, "-c", WITHOUT_LOOKUPS, str(TESTS)], capture_output=True,
                             text=True, check=True, timeout=600)
    with_lookups = references()
    assert ORIGINAL_LOOKUPS, "the lookups were not installed in this process"
    assert json.loads(without.stdout) == with_lookups
    assert len(with_lookups) > 10


def _elements(style: Any) -> list[Any]:
    return [element for element in style.root.iter() if getattr(type(element), "calls_variable", None)]


def _parsed(key: str) -> Any:
    if key == "archive":
        return formatted._style()
    return styled._style(next(style for style in styled.STYLES if style.key == key))


@pytest.mark.parametrize("key", ["archive", *(style.key for style in styled.STYLES)])
def test_each_remembered_answer_is_citeprocs(key: str) -> None:
    parsed = _parsed(key)
    asked = 0
    for element in _elements(parsed):
        wrapped: Any = getattr(type(element).calls_variable, "__wrapped__", None)
        if wrapped is not None:
            assert wrapped in (ORIGINAL_LOOKUPS["parent_calls_variable"], ORIGINAL_LOOKUPS["text_calls_variable"])
            assert element.calls_variable() == bool(wrapped(element)), element.tag
            asked += 1
        if element.get("macro"):
            assert element.get_macro(element.get("macro")) is ORIGINAL_LOOKUPS["get_macro"](
                element, element.get("macro"))
    for locale in parsed.root.locales:
        for term in locale.terms.iterchildren():
            name, form = term.get("name"), term.get("form")
            assert locale.get_term(name, form) is ORIGINAL_LOOKUPS["get_term"](locale, name, form)
    with pytest.raises(IndexError):
        parsed.root.locales[0].get_term("no-such-term")
    assert asked > 20
