"""YAML that remembers where each value was written.

PyYAML's composer keeps a mark on every node; we turn the node tree into plain Python
values plus a map from each value's path (a tuple of keys and indexes) to its 1-based line.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import limits
from .diagnostics import Diagnostics, Problem
from .messages import MessageKey, render_message

try:  # the C loader is several times faster on large archives
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]


class YamlProblem(ValueError):
    """YAML that cannot be read: the message is for people, the line is 1-based in the file.

    ``problem`` is the kind reported; ``path`` the value it concerns, for a problem that leaves
    the rest of the file readable (:attr:`LocatedYaml.problems`)."""

    def __init__(self, key: MessageKey, line: int, /, problem: Problem = Problem.YAML, path: Path = (),
                 **args: object) -> None:
        message = render_message(key, args, "en")
        super().__init__(message)
        self.message = message
        self.line = line
        self.key = key
        self.values = args
        self.problem = problem
        self.path = path


@dataclass
class LocatedYaml:
    """Plain values from a YAML text, and the line where each was written."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path, int, int]] = field(default_factory=list)  # path, line, first line
    first_line: int = 1
    # Values refused (an unknown tag, 9.0 for 9, a number too long): each reported, the value
    # left out (None), the rest of the file read, so that every problem is said at once.
    problems: list[YamlProblem] = field(default_factory=list)

    def refused(self, path: Path) -> bool:
        """Whether ``path`` is, or is inside, a refused value (its schema errors say nothing new)."""
        return any(path[: len(problem.path)] == problem.path for problem in self.problems)

    def line_of(self, path: Path) -> int:
        """The line of the value at ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), self.first_line)


class _Lines:
    """The line an editor and ``grep -n`` show for a character of the text. YAML also breaks
    lines at U+0085, U+2028 and U+2029, so its own line count drifts after one of them."""

    def __init__(self, text: str, first_line: int) -> None:
        self.first_line = first_line
        # PyYAML can place an error at the end of the stream one line past the text's last
        # (a text ending in a tab after its last line break): no editor shows that line.
        self.last_line = first_line + text.count("\n")
        self.breaks: list[int] | None = None
        if any(c in text for c in "\x85\u2028\u2029"):
            self.breaks = [i for i, c in enumerate(text) if c == "\n"]

    def of(self, mark: Any) -> int:
        if mark is None:
            return self.first_line
        if self.breaks is None:
            return min(self.first_line + int(mark.line), self.last_line)
        return min(self.at(int(mark.index)), self.last_line)

    def at(self, index: int) -> int:
        if self.breaks is None:
            raise ValueError("at() needs the breaks")  # pragma: no cover - callers make them
        return self.first_line + bisect.bisect_left(self.breaks, index)


def load(text: str, first_line: int = 1) -> LocatedYaml:
    """Parse ``text`` (whose first line is line ``first_line`` of its file).

    Raises :class:`YamlProblem` for text that is not YAML, or whose aliases would repeat more
    than :data:`~seminar_archive.limits.ALIAS_VALUES` values or refer to themselves; values that
    cannot be accepted (unknown tags, 9.0 for 9) are in :attr:`LocatedYaml.problems`.
    """
    lines = _Lines(text, first_line)
    try:
        if "&" in text:  # without an anchor there is no alias
            _check_aliases(text, lines)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        what = err.problem or "unreadable YAML"
        raise YamlProblem("yaml-syntax", lines.of(err.problem_mark or err.context_mark), detail=what) from None
    except yaml.reader.ReaderError as err:
        # A character YAML forbids (a NUL, a control character): at its own line. libyaml gives
        # its position in the UTF-8 bytes, not in characters.
        line = first_line + text.encode("utf-8", "surrogatepass")[: err.position].count(b"\n")
        raise YamlProblem("yaml-character", line,
                          character=f"U+{err.character if isinstance(err.character, int) else 0:04X}") from None
    except yaml.YAMLError as err:
        raise YamlProblem("yaml-error", first_line, detail=str(err)) from None
    except RecursionError:  # pragma: no cover - libyaml refuses deeper nesting first
        raise YamlProblem("yaml-too-deep", first_line, problem=Problem.LIMIT, limit=limits.MAX_DEPTH) from None
    located = LocatedYaml(data=None, first_line=first_line)
    if node is None:
        return located
    located.data = _convert(node, (), located, lines, 0)
    return located


def _check_aliases(text: str, lines: _Lines) -> None:
    """Count, from the parser's events, the values the aliases would repeat: a few bytes can stand
    for billions of values (an alias bomb), or for themselves (a cycle)."""
    sizes: dict[str, int] = {}  # anchor -> values it stands for
    open_collections: list[list[Any]] = []  # [anchor, values so far] for each list or mapping not yet closed
    repeated = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            open_collections.append([event.anchor, 1])
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, count = open_collections.pop()
            if anchor:
                sizes[anchor] = count
            if open_collections:
                open_collections[-1][1] += count
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            if open_collections:
                open_collections[-1][1] += 1
        elif isinstance(event, yaml.AliasEvent):
            if any(anchor == event.anchor for anchor, _ in open_collections):
                raise YamlProblem("yaml-alias-cycle", lines.of(event.start_mark), name=event.anchor)
            size = sizes.get(str(event.anchor))
            if size is None:
                continue  # an undefined alias: the composer says so
            repeated += size
            if repeated > limits.ALIAS_VALUES:
                raise YamlProblem("yaml-alias-budget", lines.of(event.start_mark), problem=Problem.LIMIT,
                                  name=event.anchor, limit=limits.ALIAS_VALUES)
            if open_collections:
                open_collections[-1][1] += size


def _convert(node: yaml.Node, path: Path, out: LocatedYaml, lines: _Lines, depth: int) -> Any:
    out.lines[path] = lines.of(node.start_mark)
    if depth > limits.MAX_DEPTH:
        raise YamlProblem("yaml-too-deep", out.lines[path], problem=Problem.LIMIT, limit=limits.MAX_DEPTH)
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            return _refuse(out, YamlProblem("yaml-tag", out.lines[path], path=path, tag=repr(node.tag)))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem("yaml-key-not-text", lines.of(key_node.start_mark))
            key = str(key_node.value)
            key_line = lines.of(key_node.start_mark)
            if key in result:
                out.duplicate_keys.append(((*path, key), key_line, out.lines[(*path, key)]))
                continue
            # A key's line is where the key is written, which is where a reader looks.
            out.lines[(*path, key)] = key_line
            result[key] = _convert(value_node, (*path, key), out, lines, depth + 1)
            out.lines[(*path, key)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            return _refuse(out, YamlProblem("yaml-tag", out.lines[path], path=path, tag=repr(node.tag)))
        return [_convert(child, (*path, i), out, lines, depth + 1) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, path, out)
    raise YamlProblem("yaml-error", out.lines[path],  # pragma: no cover
                      detail="unsupported YAML node")


def _refuse(out: LocatedYaml, problem: YamlProblem) -> None:
    out.problems.append(problem)
    return None


_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


def _scalar(node: yaml.ScalarNode, path: Path, out: LocatedYaml) -> Any:
    line = out.lines[path]
    if node.tag == "tag:yaml.org,2002:timestamp":
        # Dates stay text: the schema checks their form, the model parses them, and an
        # impossible date such as 2021-02-30 gets our message instead of PyYAML's.
        return node.value
    if node.tag not in _SAFE_TAGS:
        return _refuse(out, YamlProblem("yaml-tag", line, path=path, tag=repr(node.tag)))
    text = str(node.value)
    if node.tag == "tag:yaml.org,2002:int":
        digits = sum(c.isdigit() for c in text)
        if digits > limits.MAX_INTEGER_DIGITS:  # before Python converts it (4,300 digits raise)
            return _refuse(out, YamlProblem("yaml-number-too-long", line, problem=Problem.LIMIT, path=path,
                                            digits=digits, limit=limits.MAX_INTEGER_DIGITS))
    constructor = _Loader("")
    try:
        value = constructor.construct_object(node, deep=True)
    finally:
        constructor.dispose()
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        # 9.0 would pass the schema as a whole number and be printed "9.0" in citations.
        if abs(value) >= 10 ** limits.MAX_INTEGER_DIGITS:
            return _refuse(out, YamlProblem("yaml-number-too-long", line, problem=Problem.LIMIT, path=path,
                                            digits=len(text), limit=limits.MAX_INTEGER_DIGITS))
        return _refuse(out, YamlProblem("yaml-float-whole", line, problem=Problem.BAD_VALUE, path=path,
                                        value=text, whole=int(value)))
    return value


def say_problems(located: LocatedYaml, diagnostics: Diagnostics, shown: str) -> None:
    """Report the values of a read file that were refused (each at its line)."""
    for problem in located.problems:
        diagnostics.say(problem.problem, problem.key, shown, problem.line, **problem.values)


def split_front_matter(text: str) -> tuple[str | None, int, int]:
    """Find a page's front matter: (yaml text or None, its first line, the line after the block).

    Line numbers are 1-based; the YAML starts on the line after the opening ``---``.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    # Lines as editors and grep -n count them: at "\n" only (str.splitlines also breaks at
    # U+2028, U+0085 and others, which shifted every later line of the page).
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, 0, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]) + "\n", 2, index + 2
    return None, 0, 1
