"""The registry of people and organisations: one YAML mapping per file, id -> entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import schema, yamlsource
from .diagnostics import Diagnostics, Problem
from .messages import MessageKey
from .model import Organisation, Person, SourceRef

PEOPLE_FILE = "people.yaml"
ORGANISATIONS_FILE = "organisations.yaml"


def _load_mapping(file: Path, shown: str, pointer: str, diagnostics: Diagnostics
                  ) -> tuple[dict[str, Any], yamlsource.LocatedYaml | None]:
    if not file.exists():
        return {}, None
    try:
        located = yamlsource.load(file.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as err:
        diagnostics.say(Problem.YAML, "registry-not-utf8", shown, 0, reason=err.reason, start=err.start)
        return {}, None
    except OSError:  # a folder named like the file, a file that cannot be read: the same in check and build
        diagnostics.say(Problem.YAML, "registry-not-a-file", shown, 1, path=shown)
        return {}, None
    except yamlsource.YamlProblem as unreadable:
        diagnostics.say(unreadable.problem, unreadable.key, shown, unreadable.line, **unreadable.values)
        return {}, None
    for dup_path, line, first in located.duplicate_keys:
        what: MessageKey = "id-twice" if len(dup_path) == 1 else "field-twice"
        problem_kind = Problem.DUPLICATE_ID if len(dup_path) == 1 else Problem.YAML
        diagnostics.say(problem_kind, what, shown, line, name=dup_path[-1], first=first)
    data = located.data if located.data is not None else {}
    if not isinstance(data, dict):
        diagnostics.say(Problem.BAD_VALUE, "registry-not-mapping", shown, 1)
        return {}, None
    yamlsource.say_problems(located, diagnostics, shown)
    valid: dict[str, Any] = {}
    for entry_id, entry in data.items():
        problems = [found for found in schema.validate({pointer: {entry_id: entry}}, "registry.schema.json")
                    if not located.refused(tuple(found[1][1:]))]
        if any(problem.path[:1] == (entry_id,) for problem in located.problems):
            continue  # a value of the entry was refused (reported above): the entry is not used
        for problem, value_path, key, args in problems:
            shown_args = {name: value.removeprefix(f"{pointer}.") if isinstance(value, str) else value
                          for name, value in args.items()}
            if len(value_path) <= 1:  # the id itself (a key of the mapping) breaks the rules
                shown_args["field"] = "id"
            diagnostics.say(problem, key, shown, located.line_of(tuple(value_path[1:]) or (entry_id,)), **shown_args)
        if not problems:
            valid[entry_id] = entry
    return valid, located


def load_people(file: Path, shown: str, diagnostics: Diagnostics) -> dict[str, Person]:
    raw, located = _load_mapping(file, shown, "people", diagnostics)
    people = {}
    for person_id, entry in raw.items():
        assert located is not None
        people[person_id] = Person(
            id=person_id,
            given=entry["given"],
            family=entry["family"],
            particle=entry.get("particle") or "",
            variants=tuple(entry.get("variants") or ()),
            orcid=entry.get("orcid"),
            idref=entry.get("idref"),
            wikidata=entry.get("wikidata"),
            note=entry.get("note") or "",
            where=SourceRef(shown, located.line_of((person_id,))),
            distinct=tuple(entry.get("distinct") or ()),
        )
    return people


def load_organisations(file: Path, shown: str, diagnostics: Diagnostics) -> dict[str, Organisation]:
    raw, located = _load_mapping(file, shown, "organisations", diagnostics)
    organisations = {}
    for org_id, entry in raw.items():
        assert located is not None
        organisations[org_id] = Organisation(
            id=org_id,
            name=entry["name"],
            acronym=entry.get("acronym") or "",
            full_name=entry.get("full_name") or "",
            parent=entry.get("parent"),
            variants=tuple(entry.get("variants") or ()),
            ror=entry.get("ror"),
            wikidata=entry.get("wikidata"),
            note=entry.get("note") or "",
            where=SourceRef(shown, located.line_of((org_id,))),
        )
    return organisations
