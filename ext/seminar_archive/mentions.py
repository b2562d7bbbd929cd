"""The people and organisations a page names, read from its front matter as plain YAML, for a
page too broken to become an item (a bad date, a wrong type). Without them, every entry that
page cites would be reported "in the registry but cited by no page": consequences of the page's
real problem, reported as causes."""

from __future__ import annotations

from typing import Any

import yaml

from .yamlsource import split_front_matter

PERSON_KEYS = ("person",)
ORG_KEYS = ("organisations", "issuer", "organisers", "supporters")
# A hostile page cannot make this walk deep or long (YAML aliases can make a small text a huge
# tree): nesting past this is not front matter we know, and a page names far fewer values.
MAX_DEPTH = 12
MAX_NODES = 20_000


def _ids(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


def _walk(root: Any, people: set[str], orgs: set[str]) -> None:
    stack: list[tuple[Any, int]] = [(root, 0)]
    visited = 0
    while stack and visited < MAX_NODES:
        node, depth = stack.pop()
        visited += 1
        if depth > MAX_DEPTH:
            continue
        if isinstance(node, dict):
            for key, value in node.items():
                if key in PERSON_KEYS:
                    people.update(_ids(value))
                elif key in ORG_KEYS:
                    orgs.update(_ids(value))
                stack.append((value, depth + 1))
        elif isinstance(node, list):
            stack.extend((value, depth + 1) for value in node)


def mentioned_ids(text: str) -> tuple[set[str], set[str]]:
    """(people ids, organisation ids) the page's front matter names; empty when it is not YAML."""
    front, _first, _after = split_front_matter(text)
    people: set[str] = set()
    orgs: set[str] = set()
    if front is None:
        return people, orgs
    try:
        # Every scalar as text: a bad date (2021-02-30) must not stop the reading here.
        data = yaml.load(front, Loader=yaml.BaseLoader)  # only str, list and dict: nothing runs
    except (yaml.YAMLError, RecursionError, ValueError):
        return people, orgs
    if isinstance(data, dict):
        _walk(data.get("archive"), people, orgs)
    return people, orgs
