"""references.bib read by the core before pybtex: unclosed entries, repeated keys and @string
chains located by line, and the copy handed to sphinxcontrib-bibtex still parsed by pybtex."""

from __future__ import annotations

import pybtex.errors
import pytest
from pybtex.database import parse_string

from conftest import DOCS
from seminar_archive import bibfile, limits
from seminar_archive.diagnostics import Diagnostics


def found(text: str) -> tuple[list[tuple[int, str, str]], bibfile.BibCheck]:
    diagnostics = Diagnostics()
    result = bibfile.check_text(text, "references.bib", diagnostics)
    return [(d.line, d.problem.subtype, d.key) for d in diagnostics], result


def strict_keys(text: str) -> list[str]:
    pybtex.errors.set_strict_mode(True)
    return list(parse_string(text, "bibtex").entries.keys())


def test_the_real_references_are_clean_and_untouched() -> None:
    problems, result = found((DOCS / "references.bib").read_text(encoding="utf-8"))
    assert problems == [] and result.safe_text is None
    assert len(result.entries) == 4


def test_an_unclosed_entry_and_a_repeated_key_are_located_and_left_out() -> None:
    text = "@misc{a, title={A}}\n\n@misc{b, title={B}\n\n@misc{c, title={C}}\n@misc{A, title={again}}\n"
    problems, result = found(text)
    assert problems == [(3, "bib", "bib-unclosed"), (6, "bib", "bib-key-twice")]
    assert result.safe_text is not None
    assert result.safe_text.count("\n") == text.count("\n")  # pybtex's lines stay the file's
    assert strict_keys(result.safe_text) == ["a", "c"]


def test_an_entry_open_at_the_end_of_the_file_is_unclosed() -> None:
    problems, result = found("@misc{a, title={A}}\n@book{late,\n  title = {T\n")
    assert problems == [(2, "bib", "bib-unclosed")]
    assert result.safe_text is not None and strict_keys(result.safe_text) == ["a"]


def test_a_doubling_string_chain_is_stopped_where_it_crosses_the_limit() -> None:
    chain = '@string{s0 = "ab"}\n' + "".join(f"@string{{s{i} = s{i - 1} # s{i - 1}}}\n" for i in range(1, 31))
    text = chain + "@misc{k, title = s30}\n@misc{ok, title = s3 # {!}}\n"
    problems, result = found(text)
    crossing = next(i for i in range(31) if 2 * 2 ** i > limits.MAX_BIB_EXPANSION)
    assert problems == [(crossing + 1, "limit", "bib-expansion")]
    assert result.safe_text is not None
    pybtex.errors.set_strict_mode(True)
    parsed = parse_string(result.safe_text, "bibtex")
    assert list(parsed.entries.keys()) == ["ok"]
    assert parsed.entries["ok"].fields["title"] == "ab" * 8 + "!"


def test_a_field_that_expands_too_far_is_reported_at_its_entry() -> None:
    big = "x" * 60_000
    problems, _ = found(f'@string{{a = "{big}"}}\n\n@misc{{k,\n  title = a # a,\n}}\n')
    assert problems == [(3, "limit", "bib-expansion")]


@pytest.mark.parametrize("text", ["@comment{anything { goes}\n@misc{a, title={A}}\n",
                                  "@preamble{\"x\"}\n@misc{a,t={A}}\n", "@misc(a, title={A})\n",
                                  "junk before @misc{a, title={A}}\n"])
def test_comments_preambles_and_parentheses(text: str) -> None:
    problems, result = found(text)
    assert problems == [] and list(result.entries) == ["a"]


def test_a_file_over_the_size_limit_is_not_read() -> None:
    problems, result = found("%" * (limits.MAX_BIB_BYTES + 1))
    assert problems == [(1, "limit", "bib-too-large")] and result.safe_text == ""
