"""The site's own records beside the archive: its releases (docs/releases.yaml) and the
redirects that keep moved pages' addresses (docs/redirects.yaml).

Both are small YAML files read with line numbers and checked against a JSON Schema, like the
registry; problems go into :class:`~seminar_archive.diagnostics.Diagnostics`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema, yamlsource
from .checks import closest
from .containment import inside
from .diagnostics import Diagnostics, Problem

RELEASES_FILE = "releases.yaml"
REDIRECTS_FILE = "redirects.yaml"


@dataclass(frozen=True)
class Release:
    name: str
    date: dt.date
    commit: str = ""
    added: tuple[str, ...] = ()
    corrected: tuple[str, ...] = ()
    line: int = 0
    # The line of each entry of ``added`` and ``corrected``, where its roles are reported.
    added_lines: tuple[int, ...] = ()
    corrected_lines: tuple[int, ...] = ()


def _load(file: Path, schema_name: str, problem: Problem, diagnostics: Diagnostics
          ) -> tuple[Any, yamlsource.LocatedYaml | None, set[tuple[str | int, ...]]]:
    """The file's data (None if absent or unreadable), its lines, and the paths of values that
    break the schema (reported)."""
    shown = file.name
    if not file.exists() or not inside(file.parent, file):  # a symlink out of the tree is not read
        return None, None, set()
    try:
        located = yamlsource.load(file.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as err:
        diagnostics.say(Problem.YAML, "registry-not-utf8", shown, 0, reason=err.reason, start=err.start)
        return None, None, set()
    except OSError:  # a folder named like the file, a file that cannot be read: the same in check and build
        diagnostics.say(Problem.YAML, "registry-not-a-file", shown, 1, path=shown)
        return None, None, set()
    except yamlsource.YamlProblem as unreadable:
        diagnostics.say(unreadable.problem, unreadable.key, shown, unreadable.line, **unreadable.values)
        return None, None, set()
    for dup_path, line, first in located.duplicate_keys:
        diagnostics.say(problem, "field-twice", shown, line, name=dup_path[-1], first=first)
    yamlsource.say_problems(located, diagnostics, shown)
    broken: set[tuple[str | int, ...]] = {problem.path for problem in located.problems}
    for kind, value_path, key, args in schema.validate(located.data, schema_name):
        if located.refused(tuple(value_path)):
            continue
        diagnostics.say(kind, key, shown, located.line_of(value_path), **args)
        broken.add(tuple(value_path))
    return located.data, located, broken


def load_releases(srcdir: Path, diagnostics: Diagnostics) -> list[Release]:
    """The releases, oldest first; [] when the file is absent or broken (and said so)."""
    data, located, broken = _load(srcdir / RELEASES_FILE, "releases.schema.json", Problem.RELEASES, diagnostics)
    # A broken entry is left out (and reported); the others still count.
    if data is None or located is None or any(len(path) < 2 for path in broken):
        return []
    skipped = {path[1] for path in broken}
    releases: list[Release] = []
    for index, entry in enumerate(data["releases"]):
        if index in skipped:
            continue
        line = located.line_of(("releases", index))
        try:
            date = dt.date.fromisoformat(entry["date"])
        except ValueError:
            diagnostics.say(Problem.BAD_DATE, "bad-date", RELEASES_FILE, located.line_of(("releases", index, "date")),
                            field="date", value=entry["date"])
            continue
        added, corrected = tuple(entry.get("added", ())), tuple(entry.get("corrected", ()))
        release = Release(entry["name"], date, entry.get("commit", ""), added, corrected, line,
                          tuple(located.line_of(("releases", index, "added", i)) for i in range(len(added))),
                          tuple(located.line_of(("releases", index, "corrected", i)) for i in range(len(corrected))))
        if any(r.name == release.name for r in releases):
            diagnostics.say(Problem.RELEASES, "release-twice", RELEASES_FILE, line, name=release.name)
            continue
        if releases and (release.date, release.name) < (releases[-1].date, releases[-1].name):
            diagnostics.say(Problem.RELEASES, "release-order", RELEASES_FILE, line, name=release.name,
                            previous=releases[-1].name)
        releases.append(release)
    return releases


def load_redirects(srcdir: Path, diagnostics: Diagnostics) -> dict[str, tuple[str, int]]:
    """Old page path -> (new page path, line in the file)."""
    data, located, broken = _load(srcdir / REDIRECTS_FILE, "redirects.schema.json", Problem.REDIRECT, diagnostics)
    # Old paths that break the schema are reported on the mapping itself: then nothing is used.
    if data is None or located is None or any(len(path) < 2 for path in broken) or not data["redirects"]:
        return {}
    skipped = {path[1] for path in broken}
    return {old: (new, located.line_of(("redirects", old))) for old, new in data["redirects"].items()
            if old not in skipped}


def check_redirects(redirects: dict[str, tuple[str, int]], documents: set[str], diagnostics: Diagnostics
                    ) -> dict[str, str]:
    """The usable redirects: an old path must not be a page (the redirect would overwrite it) and
    the new one must be a page, or a redirect that leads to one."""
    usable: dict[str, str] = {}
    for old, (new, line) in sorted(redirects.items()):
        if old in documents:
            diagnostics.say(Problem.REDIRECT, "redirect-over-page", REDIRECTS_FILE, line, old=old)
            continue
        target, seen = new, {old}
        while target in redirects and target not in documents and target not in seen:
            seen.add(target)
            target = redirects[target][0]
        if target not in documents:
            diagnostics.say(Problem.REDIRECT, "redirect-nowhere", REDIRECTS_FILE, line, old=old, new=new,
                            suggestion=closest(new, documents))
            continue
        usable[old] = target
    return usable
