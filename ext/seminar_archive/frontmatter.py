"""A page's front matter, from text to a model item, with every problem located by line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from . import schema, yamlsource
from .diagnostics import Diagnostics, Problem
from .model import Appearance, Event, Item, PressRelease, Role, Series, Session, SourceRef

FRONT_MATTER_KEY = "archive"
# Keys a page's front matter may hold beside the archive's: MyST's and Sphinx's own.
TOP_LEVEL_KEYS = frozenset({FRONT_MATTER_KEY, "myst", "orphan", "nosearch", "tocdepth"})
_HAS_KEY = re.compile(rf"^{FRONT_MATTER_KEY}\s*:", re.MULTILINE)


def is_archive_page(text: str) -> bool:
    """Whether a page's front matter has the archive's key (whether or not it is valid)."""
    front, _, _ = yamlsource.split_front_matter(text)
    return front is not None and bool(_HAS_KEY.search(front))


@dataclass(frozen=True)
class PageRead:
    """What reading a page gave: its item, or for an archive page too broken to use, a title
    to show it under (so the site still builds and the page can be found)."""

    item: Item | None
    is_archive_page: bool
    fallback_title: str = ""


def read_page(text: str, path: str, docname: str, diagnostics: Diagnostics) -> PageRead:
    """Read the item a page describes. ``path`` names the file in messages."""
    if not is_archive_page(text):
        return PageRead(None, False)
    front, first_line, _ = yamlsource.split_front_matter(text)
    assert front is not None
    try:
        located = yamlsource.load(front, first_line)
    except yamlsource.YamlProblem as unreadable:
        diagnostics.say(unreadable.problem, unreadable.key, path, unreadable.line, **unreadable.values)
        return PageRead(None, True, docname)
    for dup_path, line, first in located.duplicate_keys:
        diagnostics.say(Problem.YAML, "given-twice", path, line, name=dup_path[-1], first=first)
    data = located.data
    if not isinstance(data, dict) or not isinstance(data.get(FRONT_MATTER_KEY), dict):
        diagnostics.say(Problem.BAD_VALUE, "must-hold-fields", path, located.line_of((FRONT_MATTER_KEY,)),
                        key=FRONT_MATTER_KEY)
        return PageRead(None, True, docname)
    for name in data:
        if name not in TOP_LEVEL_KEYS:  # a field written outside "archive:" (or a stray key) is lost
            diagnostics.say(Problem.UNKNOWN_FIELD, "unknown-top-key", path, located.line_of((name,)), name=name)
    raw_title = data[FRONT_MATTER_KEY].get("title")
    fallback = " ".join(raw_title.split()) if isinstance(raw_title, str) and raw_title.strip() else docname
    yamlsource.say_problems(located, diagnostics, path)
    failed = bool(located.problems)
    for problem, value_path, key, args in schema.validate(data, "page.schema.json"):
        if located.refused(value_path):
            continue
        diagnostics.say(problem, key, path, located.line_of(value_path), **args)
        failed = True
    if failed:
        return PageRead(None, True, fallback)
    themes = data[FRONT_MATTER_KEY].get("themes", [])
    for index, theme in enumerate(themes):
        if not any(c.isalnum() for c in theme):
            # Its anchor would be empty: said at the theme itself, and the theme left out.
            diagnostics.say(Problem.BAD_VALUE, "theme-no-letter", path,
                            located.line_of((FRONT_MATTER_KEY, "themes", index)), theme=theme)
    data[FRONT_MATTER_KEY]["themes"] = [t for t in themes if any(c.isalnum() for c in t)]
    return PageRead(_build(data[FRONT_MATTER_KEY], located, path, docname), True, fallback)


def _appearances(raw: list[dict[str, Any]], role: Role | None, base: tuple[str | int, ...],
                 located: yamlsource.LocatedYaml, path: str) -> tuple[Appearance, ...]:
    found = []
    for index, entry in enumerate(raw):
        this_role = role or Role(entry.get("mention", "named"))
        found.append(Appearance(
            person=entry["person"],
            role=this_role,
            honorific=entry.get("honorific", ""),
            postnominals=entry.get("postnominals", ""),
            affiliation=" ".join(entry.get("affiliation", "").split()),
            organisations=tuple(entry.get("organisations", ())),
            note=" ".join(entry.get("note", "").split()),
            where=SourceRef(path, located.line_of((*base, index))),
        ))
    return tuple(found)


def _build(raw: dict[str, Any], located: yamlsource.LocatedYaml, path: str, docname: str) -> Item:
    key = (FRONT_MATTER_KEY,)
    common: dict[str, Any] = {
        "id": raw["id"],
        "title": " ".join(raw["title"].split()),
        "docname": docname,
        "source": raw["source"],
        "supplied": frozenset(raw.get("supplied", ())),
        "themes": tuple(raw.get("themes", ())),
        "citekey": raw.get("citekey", ""),
        "doi": raw.get("doi", ""),
        "where": SourceRef(path, located.line_of((*key, "id"))),
    }
    kind = raw["kind"]
    if kind == "session":
        return Session(
            **common,
            series=raw["series"],
            number=raw["number"],
            date=dt.date.fromisoformat(raw["date"]),
            moderators=_appearances(raw.get("moderators", []), Role.MODERATOR, (*key, "moderators"), located, path),
            speakers=_appearances(raw.get("speakers", []), Role.SPEAKER, (*key, "speakers"), located, path),
            organisations=tuple(raw.get("organisations", ())),
        )
    if kind == "press":
        return PressRelease(
            **common,
            date=dt.date.fromisoformat(raw["date"]),
            place=raw.get("place", ""),
            issuer=tuple(raw.get("issuer", ())),
            event=raw.get("event"),
            people=_appearances(raw.get("people", []), None, (*key, "people"), located, path),
            organisations=tuple(raw.get("organisations", ())),
        )
    if kind == "event":
        return Event(
            **common,
            date=dt.date.fromisoformat(raw["date"]),
            edition=raw.get("edition"),
            venue=raw.get("venue", ""),
            organisers=tuple(raw.get("organisers", ())),
            supporters=tuple(raw.get("supporters", ())),
            moderators=_appearances(raw.get("moderators", []), Role.MODERATOR, (*key, "moderators"), located, path),
            speakers=_appearances(raw.get("speakers", []), Role.SPEAKER, (*key, "speakers"), located, path),
        )
    return Series(**common, organisers=tuple(raw.get("organisers", ())))
