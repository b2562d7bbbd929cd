"""CSL-JSON (CSL 1.0.2 input data) from citation records.

* A session is a ``speech`` (CSL's type for a talk or presentation; Zotero's *presentation*),
  its speakers the ``author``s, its moderators the ``chair``s (CSL 1.0.2's role for who chairs a
  session: never merged into authors) and also a ``note`` "Animation : …", since Zotero's CSL
  import has no mapping for ``chair`` and would drop them. Its series is the ``event-title``
  (and the older ``event``, which CSL 1.0.1 processors and Zotero read). Its date is ``issued``
  alone: with an ``event-date`` too, APA and Chicago print the same day twice.
* A press release is a ``report`` (Zotero's *report*: ``publisher`` its institution,
  ``publisher-place`` its place, ``genre`` its type, "Communiqué de presse"). ``article`` became a
  preprint in Zotero, and an ``event-title`` made APA and Chicago print it as presented at the
  symposium: the event it is about is in the ``note``.
* The series is an ``event`` (new in CSL 1.0.2: the event itself rather than a contribution to
  it), ``issued`` spanning its first to its last session.

Titles are plain (no square brackets); what the archive supplied is said in the ``note``.

Names are ``{"family", "given", "non-dropping-particle"}`` or ``{"literal"}`` for an
organisation. A French particle ("de") is a non-dropping particle: styles keep the default
``demote-non-dropping-particle="display-and-sort"``, which prints "La Fontaine, Jean de" in
inverted names and sorts under L, as French usage does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from .common import about_event, moderators_note
from .record import CitationRecord, Name, supplied_note

SCHEMA_FILE = "csl-items.schema.json"  # ours, written from the CSL 1.0.2 specification
TYPES = {"session": "speech", "press": "report", "series": "event"}


def csl_name(name: Name) -> dict[str, str]:
    if name.is_corporate:
        return {"literal": name.literal}
    found = {"family": name.family, "given": name.given, "non-dropping-particle": name.particle}
    return {key: value for key, value in found.items() if value}


def csl_date(*days: dt.date | None) -> dict[str, list[list[int]]]:
    """A CSL date object; two different days make a range."""
    parts = [[day.year, day.month, day.day] for day in days if day]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts.pop()
    return {"date-parts": parts}


def csl_item(record: CitationRecord) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": record.key,
        "citation-key": record.key,
        "type": TYPES[record.kind],
        "title": record.title,
        "language": record.language,
        "genre": record.genre,
        "URL": record.url,
    }
    if record.doi:
        item["DOI"] = record.doi
    if record.authors:
        item["author"] = [csl_name(name) for name in record.authors]
    if record.chairs:
        item["chair"] = [csl_name(name) for name in record.chairs]
    if record.date:
        item["issued"] = csl_date(record.date, record.end_date)
    if record.kind == "session" and record.event_title:
        item["event-title"] = item["event"] = record.event_title
    if record.kind == "session" and record.event_place:
        item["event-place"] = record.event_place
    if record.publisher:
        item["publisher"] = record.publisher
    if record.place:
        item["publisher-place"] = record.place
    if record.number is not None:
        item["number"] = str(record.number)
    if record.version:
        item["version"] = record.version
    notes = [moderators_note(record), about_event(record), supplied_note(record)]
    if record.latest_url and record.latest_url != record.url:
        notes.append(f"Version la plus récente : {record.latest_url}")
    if any(notes):
        item["note"] = ". ".join(note.rstrip(".") for note in notes if note)
    return item


def to_csl_json(records: Iterable[CitationRecord]) -> list[dict[str, Any]]:
    """CSL-JSON items (``json.dumps(..., ensure_ascii=False)`` them for a file)."""
    return [csl_item(record) for record in records]


@cache
def csl_data_schema() -> dict[str, Any]:
    """A JSON Schema of CSL 1.0.2 input data, written for this project from the specification."""
    text = resources.files("seminar_archive").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
