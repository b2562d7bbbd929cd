"""RIS from citation records, as Zotero's RIS translator (and EndNote, Mendeley) read it.

* A session is ``TY  - SLIDE``, which Zotero imports as a *presentation*: speakers are ``AU``
  (presenters), the series is ``T2`` (the meeting name), ``M3`` the presentation type.
  (citation-js reads ``SLIDE`` as a ``motion_picture``; no RIS type is a talk for both.)
* A press release is ``TY  - RPRT``, a *report* in Zotero and citation-js: its issuer ``AU`` and
  ``PB`` (Zotero's institution), its place ``CY``, ``M3`` "Communiqué de presse" (the report
  type). ``PRESS`` became a journal article in Zotero (with the symposium, in ``T2``, as the
  journal) and an entry with no type in citation-js; the event it is about is now a note.
* The series is ``TY  - GEN`` (generic), dated from its first session, the span in a note.

Titles are plain (no square brackets); what the archive supplied is said in a note.

Moderators are not ``AU``. RIS has no "chair" role, and the only tags Zotero maps to another
creator of a presentation (``A2``, ``A3``) give presenters again, while ``A4`` (translator)
is not a creator of presentations at all. So they are one ``N1`` note, "Animation : …",
which Zotero keeps as a note attached to the item.

Values are one line each: newlines and runs of spaces fold to one space, so a title can
never end a record or start a tag. Lines end with CRLF, as the RIS specification says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..textfr import date_fr
from .common import about_event, family_with_particle, moderators_note, one_line
from .record import CitationRecord, Name, supplied_note

TYPES = {"session": "SLIDE", "press": "RPRT", "series": "GEN"}


def ris_name(name: Name) -> str:
    """``Family, Given`` (particle with the family name), or an organisation's name.

    Zotero reads an ``AU`` without a comma as an organisation and splits one with a comma into
    family and given names, and RIS has no other way to mark an organisation: so commas in an
    organisation's name become dashes (the archive's own names have none: "Chaire santé (Sciences Po)")."""
    if name.is_corporate:
        # A name of nothing but commas still names someone: keep it, as dashes.
        return (" – ".join(part.strip() for part in name.literal.split(",") if part.strip())
                or name.literal.replace(",", "–"))
    family = family_with_particle(name)
    return f"{family}, {name.given}" if name.given else family


def _date(day: dt.date | None) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}" if day else ""


def ris_tags(record: CitationRecord) -> list[tuple[str, str]]:
    """The record's (tag, value) pairs, in the order written, ``TY`` first and ``ER`` last."""
    tags: list[tuple[str, str]] = [("TY", TYPES[record.kind]), ("ID", record.key), ("TI", record.title)]
    tags += [("AU", ris_name(name)) for name in record.authors]
    tags += [("T2", record.event_title if record.kind == "session" else ""), ("M3", record.genre)]
    tags += [("DA", _date(record.date)), ("PY", record.year)]
    tags += [("CY", record.event_place if record.kind == "session" else record.place), ("PB", record.publisher)]
    tags += [("LA", record.language), ("UR", record.url), ("DO", record.doi)]
    if record.kind == "session" and record.number:
        tags.append(("N1", f"Séance {record.number}" + (f" du séminaire {record.event_title}"
                                                        if record.event_title else "")))
    tags += [("N1", moderators_note(record)), ("N1", about_event(record)), ("N1", supplied_note(record))]
    if record.kind == "series" and record.date and record.end_date and record.end_date != record.date:
        tags.append(("N1", f"Du {date_fr(record.date)} au {date_fr(record.end_date)}"))
    if record.version:
        tags.append(("N1", f"Version de l’archive : {record.version}"))
    if record.latest_url and record.latest_url != record.url:
        tags.append(("N1", f"Version la plus récente : {record.latest_url}"))
    tags.append(("ER", ""))
    return [(tag, one_line(value)) for tag, value in tags if value or tag == "ER"]


def ris_text(record: CitationRecord, newline: str = "\r\n") -> str:
    """One RIS record, ending with its ``ER`` line."""
    # "ER  - " keeps its trailing space, as the specification writes it.
    return "".join(f"{tag}  - {value}{newline}" for tag, value in ris_tags(record))


def join_records(texts: Iterable[str], newline: str = "\r\n") -> str:
    """RIS records (from :func:`ris_text`) separated by a blank line."""
    return newline.join(texts)


def to_ris(records: Iterable[CitationRecord], newline: str = "\r\n") -> str:
    """RIS records separated by a blank line (pass ``newline="\\n"`` to show them in a page)."""
    return join_records((ris_text(record, newline) for record in records), newline)
