"""Where the pages the extension generates live: their folders and docnames, spelled once.

The plan (pageplan.py) places its pages with these; the exports, the embedded metadata and the
EAC-CPF records link to them; the loader keeps archivists' pages out of the generated folders.
"""

from __future__ import annotations

PEOPLE = "people"
ORGANISATIONS = "organisations"
THEMES = "themes"
GENERATED_FOLDERS = (PEOPLE, ORGANISATIONS, THEMES)
"""The folders whose every page is generated (an archivist's file there is in the way)."""


def person(person_id: str) -> str:
    return f"{PEOPLE}/{person_id}"


def organisation(org_id: str) -> str:
    return f"{ORGANISATIONS}/{org_id}"
