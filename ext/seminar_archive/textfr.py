"""French wording for dates and labels shown to readers."""

from __future__ import annotations

import datetime as dt

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")


def date_fr(day: dt.date) -> str:
    """'1er juin 2020', '7 septembre 2021'."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def supplied(text: str) -> str:
    """Cataloguers' square brackets for what the archive supplied."""
    return f"[{text}]"


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
