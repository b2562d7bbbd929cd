"""YAML that remembers where each value was written.

PyYAML's composer keeps a mark on every node; we turn the node tree into plain Python
values plus a map from each value's path (a tuple of keys and indexes) to its 1-based line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .messages import render_message

try:  # the C loader is several times faster on large archives
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]


class YamlProblem(ValueError):
    """YAML that cannot be read: the message is for people, the line is 1-based in the file."""

    def __init__(self, key: str, line: int, /, **args: object) -> None:
        message = render_message(key, args, "en")
        super().__init__(message)
        self.message = message
        self.line = line
        self.key = key
        self.values = args


@dataclass
class LocatedYaml:
    """Plain values from a YAML text, and the line where each was written."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path, int, int]] = field(default_factory=list)  # path, line, first line
    first_line: int = 1

    def line_of(self, path: Path) -> int:
        """The line of the value at ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), self.first_line)


def load(text: str, first_line: int = 1) -> LocatedYaml:
    """Parse ``text`` (whose first line is line ``first_line`` of its file).

    Raises :class:`YamlProblem` for text that is not YAML or uses tags we do not accept.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = first_line + (mark.line if mark else 0)
        what = err.problem or "unreadable YAML"
        raise YamlProblem("yaml-syntax", line, detail=what) from None
    except yaml.YAMLError as err:
        raise YamlProblem("yaml-error", first_line, detail=str(err)) from None
    located = LocatedYaml(data=None, first_line=first_line)
    if node is None:
        return located
    located.data = _convert(node, (), located, first_line - 1)
    return located


def _convert(node: yaml.Node, path: Path, out: LocatedYaml, offset: int) -> Any:
    out.lines[path] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem("yaml-key-not-text", key_node.start_mark.line + 1 + offset)
            key = str(key_node.value)
            key_line = key_node.start_mark.line + 1 + offset
            if key in result:
                out.duplicate_keys.append(((*path, key), key_line, out.lines[(*path, key)]))
                continue
            result[key] = _convert(value_node, (*path, key), out, offset)
            # A key's line is where the key is written, which is where a reader looks.
            out.lines[(*path, key)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, (*path, i), out, offset) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, offset)
    raise YamlProblem("yaml-error", node.start_mark.line + 1 + offset,  # pragma: no cover
                      detail="unsupported YAML node")


_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


def _scalar(node: yaml.ScalarNode, offset: int) -> Any:
    if node.tag == "tag:yaml.org,2002:timestamp":
        # Dates stay text: the schema checks their form, the model parses them, and an
        # impossible date such as 2021-02-30 gets our message instead of PyYAML's.
        return node.value
    if node.tag not in _SAFE_TAGS:
        raise YamlProblem("yaml-tag", node.start_mark.line + 1 + offset, tag=repr(node.tag))
    constructor = _Loader("")
    try:
        return constructor.construct_object(node, deep=True)
    finally:
        constructor.dispose()


def split_front_matter(text: str) -> tuple[str | None, int, int]:
    """Find a page's front matter: (yaml text or None, its first line, the line after the block).

    Line numbers are 1-based; the YAML starts on the line after the opening ``---``.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None, 0, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]) + "\n", 2, index + 2
    return None, 0, 1
