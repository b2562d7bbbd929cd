"""French wording for dates and labels shown to readers."""

from __future__ import annotations

import datetime as dt
import re

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


# French typography of the text the archive writes itself (issue 24): a no-break space (U+00A0)
# before ":" and inside « », a narrow no-break space (U+202F) before ";", "!" and "?", the
# typographic apostrophe, and no doubled full stop after a title that ends with its own.
NBSP = "\u00a0"
NNBSP = "\u202f"
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|mailto:|www\.)\S+|\S+@\S+\.\S+", re.IGNORECASE)
_SPACES = "[ \u00a0\u202f]"
# "mailto:" and "http:" named as such are schemes, not a label and its colon.
_BEFORE_COLON = re.compile(rf"(?:(?<=\S)|^)(?<!mailto)(?<!https)(?<!http){_SPACES}?:(?=\s|$)")
_BEFORE_HIGH = re.compile(rf"(?:(?<=[^\s;!?])|^){_SPACES}?([;!?]+)(?=\s|$|[»)\]])")
_AFTER_OPEN = re.compile(rf"«{_SPACES}?")
_BEFORE_CLOSE = re.compile(rf"{_SPACES}?»")
_DOUBLED = re.compile(rf"([.!?…]){_SPACES}?»\.")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")


def _typo_piece(text: str) -> str:
    text = _APOSTROPHE.sub("’", text)
    text = _BEFORE_COLON.sub(f"{NBSP}:", text)
    text = _BEFORE_HIGH.sub(lambda match: NNBSP + match.group(1), text)
    text = _AFTER_OPEN.sub(f"«{NBSP}", text)
    text = _BEFORE_CLOSE.sub(f"{NBSP}»", text)
    return _DOUBLED.sub(lambda match: f"{match.group(1)}{NBSP}»", text)


def typo_fr(text: str) -> str:
    """French typography applied to a piece of generated text; idempotent.

    Addresses (URLs, e-mail) are left as they are, and so are clock times ("10:30") and
    other colons that a digit or a non-space follows. Only for words the archive writes: a
    source's own words are not passed through it."""
    urls: list[str] = []

    def hide(match: re.Match[str]) -> str:
        urls.append(match.group(0))
        return f"\x01{len(urls) - 1}\x02"

    done = _typo_piece(_URL.sub(hide, text))
    return re.sub("\x01(\\d+)\x02", lambda match: urls[int(match.group(1))], done)
