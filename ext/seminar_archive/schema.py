"""The JSON Schemas of pages and registry files, and plain-words messages for their errors."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from .diagnostics import Problem

SCHEMA_FILES = ("page.schema.json", "registry.schema.json")


@cache
def schema(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath("schemas", name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator(name: str, pointer: str) -> jsonschema.protocols.Validator:
    root = schema(name)
    sub = root
    if pointer:
        for part in pointer.strip("/").split("/"):
            sub = sub[part]
        sub = {**sub, "$defs": root["$defs"]}
    cls = jsonschema.validators.validator_for(root)
    return cls(sub, format_checker=cls.FORMAT_CHECKER)


def editor_schema(name: str, pointer: str) -> dict[str, Any]:
    """A standalone schema for one kind of file, for editors (registry files are bare mappings)."""
    root = schema(name)
    sub = root
    for part in pointer.strip("/").split("/"):
        sub = sub[part]
    return {"$schema": root["$schema"], **sub, "$defs": root["$defs"]}


def validate(data: Any, name: str, pointer: str = "") -> Iterator[tuple[Problem, tuple[str | int, ...], str]]:
    """Yield (kind of problem, path of the value, message) for each way ``data`` breaks the schema."""
    validator = _validator(name, pointer)
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    seen: set[tuple[Problem, tuple[str | int, ...]]] = set()
    for error in errors:
        problem, path, message = _describe(error)
        # One value can break several rules (a date's pattern and its format): say it once.
        if (problem, path) not in seen:
            seen.add((problem, path))
            yield problem, path, message


def _field(path: tuple[str | int, ...]) -> str:
    shown = [str(p) if isinstance(p, str) else f"[{p + 1}]" for p in path if p != "archive"]
    return ".".join(shown).replace(".[", "[") or "front matter"


def _describe(error: jsonschema.ValidationError) -> tuple[Problem, tuple[str | int, ...], str]:
    path = tuple(error.absolute_path)
    schema_part = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        where = _field(path)
        place = "" if where == "front matter" else f" in {where}"
        return Problem.MISSING_FIELD, path, f"required field '{missing}' is missing{place}"
    if kind == "additionalProperties":
        allowed = sorted(schema_part.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed] if isinstance(error.instance, dict) else []
        name = extra[0] if extra else "?"
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known fields: {', '.join(allowed)}"
        return Problem.UNKNOWN_FIELD, (*path, name), f"unknown field '{name}'{hint}"
    field = _field(path)
    is_date = schema_part.get("format") == "date" or "date" in field.split(".")[-1:]
    if is_date and kind in ("format", "pattern", "type"):
        return Problem.BAD_DATE, path, f"'{field}' is not a real date written YYYY-MM-DD: {error.instance!r}"
    if kind == "type":
        expected = schema_part.get("type")
        wanted = " or ".join(expected) if isinstance(expected, list) else str(expected)
        plain = {"integer": "a whole number", "string": "text", "array": "a list", "object": "a mapping"}
        wanted = plain.get(wanted, wanted)
        return Problem.BAD_VALUE, path, f"'{field}' must be {wanted}, not {error.instance!r}"
    if kind == "pattern":
        rule = schema_part.get("description", f"the form {schema_part.get('pattern')}")
        return Problem.BAD_VALUE, path, f"'{field}' has the wrong form: {error.instance!r}. {rule}"
    if kind in ("enum", "const"):
        options = schema_part.get("enum") or [schema_part.get("const")]
        listed = ", ".join(map(str, options))
        return Problem.BAD_VALUE, path, f"'{field}' must be one of {listed}, not {error.instance!r}"
    if kind in ("minLength", "minItems"):
        return Problem.BAD_VALUE, path, f"'{field}' must not be empty"
    if kind in ("maxLength", "maxItems"):
        return Problem.BAD_VALUE, path, f"'{field}' is too long ({error.validator_value} at most)"
    if kind == "uniqueItems":
        return Problem.BAD_VALUE, path, f"'{field}' lists the same value twice"
    if kind in ("minimum", "maximum"):
        return Problem.BAD_VALUE, path, f"'{field}' is out of range: {error.instance!r}"
    return Problem.BAD_VALUE, path, f"'{field}': {error.message}"
