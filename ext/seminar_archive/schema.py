"""The JSON Schemas of pages and registry files, and plain-words messages for their errors."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from . import limits
from .checks import closest
from .diagnostics import Problem
from .messages import MessageKey

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

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


Args = dict[str, object]


# Schemas for editors, one per kind of file an archivist writes: name -> (schema file, pointer).
EDITOR_SCHEMAS = {
    "page.schema.json": ("page.schema.json", ""),
    "people.schema.json": ("registry.schema.json", "/properties/people"),
    "organisations.schema.json": ("registry.schema.json", "/properties/organisations"),
    "releases.schema.json": ("releases.schema.json", ""),
    "redirects.schema.json": ("redirects.schema.json", ""),
}


def editor_schema_texts() -> dict[str, str]:
    """Each editor schema as the text published under _static/schemas/ (and kept in docs/)."""
    texts = {}
    for name, (source, pointer) in EDITOR_SCHEMAS.items():
        value = editor_schema(source, pointer) if pointer else schema(source)
        texts[name] = json.dumps(value, ensure_ascii=False, indent=1) + "\n"
    return texts


def validate(data: Any, name: str, pointer: str = ""
             ) -> Iterator[tuple[Problem, tuple[str | int, ...], MessageKey, Args]]:
    """Yield (kind of problem, path of the value, message key, its values) for each way ``data``
    breaks the schema; :func:`seminar_archive.messages.render_message` words the message."""
    validator = _validator(name, pointer)
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    seen: set[tuple[Problem, tuple[str | int, ...]]] = set()
    for error in errors:
        problem, path, key, args = _describe(error)
        # One value can break several rules (a date's pattern and its format): say it once. Each
        # missing field is its own problem (a page missing four fields hears of all four).
        said = (problem, (*path, str(args["field"])) if key.startswith("required") else path)
        if said not in seen:
            seen.add(said)
            yield problem, path, key, args


def _field(path: tuple[str | int, ...]) -> str:
    shown = [str(p) if isinstance(p, str) else f"[{p + 1}]" for p in path if p != "archive"]
    return ".".join(shown).replace(".[", "[") or "front matter"


_PLAIN_TYPES = {"integer": ("un nombre entier", "a whole number"), "string": ("du texte", "text"),
                "array": ("une liste", "a list"), "object": ("un ensemble de champs", "a mapping"),
                "boolean": ("true ou false", "true or false"), "null": ("vide (null)", "null")}


def _describe(error: jsonschema.ValidationError) -> tuple[Problem, tuple[str | int, ...], MessageKey, Args]:
    path = tuple(error.absolute_path)
    schema_part = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        where = _field(path)
        if where == "front matter":
            return Problem.MISSING_FIELD, path, "required", {"field": missing}
        return Problem.MISSING_FIELD, path, "required-in", {"field": missing, "where": where}
    if kind == "additionalProperties":
        allowed = sorted(schema_part.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed] if isinstance(error.instance, dict) else []
        name = extra[0] if extra else "?"
        close = closest(name, allowed)
        if close:
            return Problem.UNKNOWN_FIELD, (*path, name), "unknown-field", {"name": name, "suggestion": close}
        return Problem.UNKNOWN_FIELD, (*path, name), "unknown-field-known", {"name": name, "known": ", ".join(allowed)}
    field = _field(path)
    value = error.instance
    is_date = schema_part.get("format") == "date" or "date" in field.split(".")[-1:]
    if is_date and kind == "pattern" and isinstance(value, str) and _ISO_DATE.match(value):
        # Written right but outside the years the archive can hold (a typo, or a date that breaks
        # the calendar's and the feeds' arithmetic).
        return Problem.BAD_DATE, path, "date-out-of-range", {"field": field, "value": value,
                                                              "first": limits.FIRST_YEAR, "last": limits.LAST_YEAR}
    if is_date and kind in ("format", "pattern", "type"):
        return Problem.BAD_DATE, path, "bad-date", {"field": field, "value": value}
    if kind == "type":
        expected = schema_part.get("type")
        names = expected if isinstance(expected, list) else [str(expected)]
        french = " ou ".join(_PLAIN_TYPES.get(n, (n, n))[0] for n in names)
        english = " or ".join(_PLAIN_TYPES.get(n, (n, n))[1] for n in names)
        return Problem.BAD_VALUE, path, "bad-type", {"field": field, "wanted_fr": french, "wanted_en": english,
                                                     "value": value}
    if kind == "pattern":
        rule = schema_part.get("description", f"the form {schema_part.get('pattern')}")
        return Problem.BAD_VALUE, path, "bad-form", {"field": field, "value": value, "rule": rule,
                                                     "pattern": schema_part.get("pattern")}
    if kind in ("enum", "const"):
        options = schema_part.get("enum") or [schema_part.get("const")]
        return Problem.BAD_VALUE, path, "one-of", {"field": field, "options": ", ".join(map(str, options)),
                                                   "value": value}
    if kind in ("minLength", "minItems"):
        return Problem.BAD_VALUE, path, "empty", {"field": field}
    if kind == "maxItems" and schema_part.get("items") == {"$ref": "#/$defs/appearance"}:
        count = len(value) if isinstance(value, list) else 0
        return Problem.LIMIT, path, "too-many-people", {"field": field, "count": count, "limit": error.validator_value}
    if kind in ("maxLength", "maxItems"):
        return Problem.BAD_VALUE, path, "too-long", {"field": field, "limit": error.validator_value}
    if kind == "uniqueItems":
        return Problem.BAD_VALUE, path, "listed-twice", {"field": field}
    if kind in ("minimum", "maximum"):
        return Problem.BAD_VALUE, path, "out-of-range", {"field": field, "value": value}
    return Problem.BAD_VALUE, path, "schema-other", {"field": field, "detail": error.message}
