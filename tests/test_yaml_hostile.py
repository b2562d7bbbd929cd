"""The one YAML reader against hostile input: alias bombs and cycles, numbers too long for
Python, 9.0 for 9, tags of any kind, characters YAML forbids, and the lines editors count."""

from __future__ import annotations

from pathlib import Path

import pytest

from seminar_archive import limits, yamlsource


def bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_the_alias_that_goes_over_the_budget() -> None:
    with pytest.raises(yamlsource.YamlProblem) as refused:
        yamlsource.load(bomb(9), first_line=2)
    # 9 + 81 + 729 + 6,561 values repeated by the lines a1 to a4; a5 goes over 10,000 at once.
    assert (refused.value.key, refused.value.line, refused.value.problem.subtype) == ("yaml-alias-budget", 6, "limit")
    assert refused.value.values["limit"] == limits.ALIAS_VALUES


def test_aliases_within_the_budget_are_expanded() -> None:
    located = yamlsource.load("base: &b {given: Ada}\ncopy: *b\nlist: [*b, *b]\n")
    assert located.data == {"base": {"given": "Ada"}, "copy": {"given": "Ada"},
                            "list": [{"given": "Ada"}, {"given": "Ada"}]}
    assert located.problems == []


@pytest.mark.parametrize("text, line", [("a: 1\nb: &x [1, *x]\n", 2), ("a: &m\n  k: *m\n", 2),
                                        ("top: &t\n  - x\n  - [*t]\n", 3)])
def test_an_alias_that_contains_itself_is_refused_at_its_line(text: str, line: int) -> None:
    with pytest.raises(yamlsource.YamlProblem) as refused:
        yamlsource.load(text)
    assert (refused.value.key, refused.value.line) == ("yaml-alias-cycle", line)


def test_a_5000_digit_number_is_refused_before_python_converts_it() -> None:
    located = yamlsource.load("a: 1\nnumber: " + "9" * 5000 + "\nb: 2\n")
    assert [(p.key, p.line, p.path, p.problem.subtype) for p in located.problems] == [
        ("yaml-number-too-long", 2, ("number",), "limit")]
    assert located.data == {"a": 1, "number": None, "b": 2}
    assert yamlsource.load("n: 123456789012\n").data == {"n": 123456789012}


@pytest.mark.parametrize("written, whole", [("9.0", 9), ("2.", 2), ("-3.000", -3), ("1.0e+2", 100)])
def test_a_whole_number_written_as_a_decimal_is_refused_with_the_fix(written: str, whole: int) -> None:
    located = yamlsource.load(f"x: 1\nnumber: {written}\n")
    (problem,) = located.problems
    assert (problem.key, problem.line, problem.values["whole"], problem.problem.subtype) == (
        "yaml-float-whole", 2, whole, "bad-value")
    assert f"write {whole}" in problem.message


@pytest.mark.parametrize("text", ["a: !!python/object:os.system {x: 1}\n", "a: !foo [1]\n", "a: !!binary aGVsbG8=\n",
                                  "a: !!set {x}\n", "a: !!omap [{x: 1}]\n", "a: !local x\n"])
def test_every_unknown_tag_is_refused_wherever_it_is(text: str) -> None:
    located = yamlsource.load("first: 1\n" + text)
    assert [(p.key, p.line, p.path) for p in located.problems] == [("yaml-tag", 2, ("a",))]
    assert located.data == {"first": 1, "a": None}


def test_a_nul_byte_is_reported_at_its_own_line() -> None:
    text = "".join(f"k{i}: é{i}\n" for i in range(7)) + "k7: x\x00y\n"
    with pytest.raises(yamlsource.YamlProblem) as refused:
        yamlsource.load(text, first_line=2)
    assert (refused.value.key, refused.value.line) == ("yaml-character", 9)  # line 8 of the YAML, 9 of the file


def test_a_line_separator_in_a_value_does_not_shift_later_lines() -> None:
    page = '---\narchive:\n  title: "A\u2028B"\n  tittle: x\n  k: [1,\n---\n'
    front, first, _ = yamlsource.split_front_matter(page)
    assert front is not None and first == 2
    located = yamlsource.load('title: "A\u2028B"\nnext: 1\n')
    assert located.line_of(("next",)) == 2  # as grep -n counts
    with pytest.raises(yamlsource.YamlProblem) as broken:
        yamlsource.load(front, first)
    assert broken.value.line == 6  # the unclosed list of line 5 ends at the closing ---, line 6


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    with pytest.raises(yamlsource.YamlProblem) as refused:
        yamlsource.load("a: " + "[" * 900 + "]" * 900 + "\n")
    assert refused.value.key == "yaml-too-deep" and refused.value.line == 1
    with pytest.raises(yamlsource.YamlProblem) as refused:
        yamlsource.load("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert refused.value.key == "yaml-syntax"  # libyaml's own limit


def test_myst_is_handed_the_body_at_its_own_lines_after_a_line_separator() -> None:
    """The build hands MyST the page with its front matter blanked (sphinx/reader.py): counted at
    "\\n" as the front matter is, a U+2028 in it no longer leaves YAML lines (and a stray "---",
    read as a heading) in the body."""
    from seminar_archive.mystsource import neutral_front_matter

    page = '---\narchive:\n  kind: session\n  title: "A\u2028B"\n  "\u2028x": y\n---\n\nTexte.\n'
    handed = neutral_front_matter(page)
    assert handed == "---\n{}\n\n\n\n---\n\nTexte.\n"


def test_a_registry_entry_with_a_refused_value_is_reported_and_left_out(tmp_path: Path) -> None:
    from seminar_archive import registry
    from seminar_archive.diagnostics import Diagnostics

    file = tmp_path / "people.yaml"
    file.write_text("ada:\n  given: !!binary aGk=\n  family: Dupont\nbob:\n  given: Bob\n  family: E\n",
                    encoding="utf-8")
    diagnostics = Diagnostics()
    people = registry.load_people(file, "registry/people.yaml", diagnostics)
    assert sorted(people) == ["bob"]  # never a Person whose given name is None
    assert [(d.line, d.key) for d in diagnostics] == [(2, "yaml-tag")]


def test_an_error_at_the_end_of_the_text_is_on_its_last_line() -> None:
    # Found by the property test: PyYAML put this error on line 4 of a three-line file.
    with pytest.raises(yamlsource.YamlProblem) as raised:
        yamlsource.load("ada-dupont: ''\nx: [\n\t", first_line=1)
    assert raised.value.line == 3
