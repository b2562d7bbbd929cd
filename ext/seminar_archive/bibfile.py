"""references.bib read before sphinxcontrib-bibtex (pybtex) sees it, by ``archive check`` and the
build alike: entries that are not closed, keys given twice and @string abbreviations that expand
beyond :data:`~seminar_archive.limits.MAX_BIB_EXPANSION` characters are located (file:line).

pybtex reports a repeated key without its line, an unclosed entry on standard error at the
line where it noticed (outside Sphinx's warnings, so the build passed -W), and expands a chain of
@string definitions that doubles at each step until memory runs out. Reading the file once, in
time linear in its size, finds all three; the build then hands pybtex a copy without the
offending entries (:attr:`BibCheck.safe_text`), their lines left blank so that pybtex's own line
numbers stay the file's.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import limits
from .diagnostics import Diagnostics, Problem

_ENTRY_START = re.compile(r"@[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t\r\n]*([{(])")
# Braces, and a new entry at the start of a line: met while an entry is open, that one was not closed.
_BRACES = re.compile(r"[{}()]|\n[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]")
_NAME = re.compile(r"[^\s\"#%'(),={}]+")
_MONTHS = {m: 3 for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")}


@dataclass
class BibCheck:
    """What reading a .bib file found: the problems are in the diagnostics given to :func:`check`;
    ``safe_text`` is the file without the entries that broke a rule (None when nothing did)."""

    entries: dict[str, int] = field(default_factory=dict)  # key (lower case) -> line
    safe_text: str | None = None


def _line(index: int, newlines: list[int]) -> int:
    """The 1-based line of ``index``, from the index of each "\n" (a bisect keeps the read linear)."""
    return bisect.bisect_left(newlines, index) + 1


def check_text(text: str, shown: str, diagnostics: Diagnostics) -> BibCheck:
    """Check the text of a .bib file named ``shown`` in messages."""
    result = BibCheck()
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.MAX_BIB_BYTES:
        diagnostics.say(Problem.LIMIT, "bib-too-large", shown, 1, size=size, limit=limits.MAX_BIB_BYTES)
        result.safe_text = ""
        return result
    newlines = [i for i, c in enumerate(text) if c == "\n"]
    dropped: list[tuple[int, int]] = []  # spans of text pybtex must not see
    strings: dict[str, int] = dict(_MONTHS)  # @string name -> length once expanded
    position = 0
    while True:
        start = _ENTRY_START.search(text, position)
        if start is None:
            break
        kind = start.group(1).lower()
        closer = "}" if start.group(2) == "{" else ")"
        end, unclosed_at = _entry_end(text, start.end(), closer)
        line = _line(start.start(), newlines)
        body = text[start.end(): end if unclosed_at is None else unclosed_at]
        if kind == "comment":
            position = start.end() if end < 0 else end + 1
            continue
        if unclosed_at is not None or end < 0:
            stop = unclosed_at if unclosed_at is not None else len(text)
            key = body.split(",", 1)[0].strip() or kind
            diagnostics.say(Problem.BIBLIOGRAPHY, "bib-unclosed", shown, line, key=key)
            dropped.append((start.start(), stop))
            position = stop
            continue
        position = end + 1
        if kind == "preamble":
            continue
        if kind == "string":
            name, _, value = body.partition("=")
            name = name.strip().lower()
            expanded, over_from = _expanded_length(value, strings)
            strings[name] = expanded
            if expanded > limits.MAX_BIB_EXPANSION:
                if not over_from:  # the definition that crosses the limit, not each one built on it
                    diagnostics.say(Problem.LIMIT, "bib-expansion", shown, line, name=name,
                                    limit=limits.MAX_BIB_EXPANSION)
                dropped.append((start.start(), end + 1))
            continue
        key, _, fields = body.partition(",")
        key = key.strip()
        folded = key.lower()
        if folded in result.entries:
            diagnostics.say(Problem.BIBLIOGRAPHY, "bib-key-twice", shown, line, key=key,
                            first=result.entries[folded])
            dropped.append((start.start(), end + 1))
            continue
        result.entries[folded] = line
        for field_name, value in _fields(fields):
            expanded, over_from = _expanded_length(value, strings)
            if expanded > limits.MAX_BIB_EXPANSION:
                if not over_from:
                    diagnostics.say(Problem.LIMIT, "bib-expansion", shown, line, name=f"{key}.{field_name}",
                                    limit=limits.MAX_BIB_EXPANSION)
                dropped.append((start.start(), end + 1))
                break
    if dropped:
        result.safe_text = _blank(text, dropped)
    return result


def _entry_end(text: str, index: int, closer: str) -> tuple[int, int | None]:
    """(index of the entry's closing brace, or -1 at the end of the text; index of a new entry
    met while this one is open, or None)."""
    depth = 0
    for match in _BRACES.finditer(text, index):
        token = match.group()
        if token.startswith("\n"):
            return -1, match.start() + 1
        if token == "{":
            depth += 1
        elif token == "}":
            if depth == 0 and closer == "}":
                return match.start(), None
            depth -= 1
            if depth < 0:  # a stray "}" closes nothing: pybtex reads it as the end
                return match.start(), None
        elif token == ")" and closer == ")" and depth == 0:
            return match.start(), None
    return -1, None


def _fields(body: str) -> list[tuple[str, str]]:
    """The ``name = value`` pairs of an entry's body (after its key)."""
    found = []
    position = 0
    while position < len(body):
        equals = body.find("=", position)
        if equals < 0:
            break
        name = body[position:equals].strip(" \t\r\n,").lower()
        end = _value_end(body, equals + 1)
        found.append((name, body[equals + 1: end]))
        position = end + 1
    return found


def _value_end(body: str, index: int) -> int:
    """Where a value ends: the first "," outside braces and quotes."""
    depth = 0
    quoted = False
    for offset in range(index, len(body)):
        char = body[offset]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "," and depth == 0 and not quoted:
            return offset
    return len(body)


def _expanded_length(value: str, strings: dict[str, int]) -> tuple[int, bool]:
    """The length of ``value`` with its @string names expanded, and whether a name it uses is
    already beyond the limit (then that name's definition was the one reported)."""
    total = 0
    over_from = False
    for part in value.split("#"):
        part = part.strip()
        if not part:
            continue
        if part[0] in "{\"":
            total += max(len(part) - 2, 0)
        elif part.isdigit():
            total += len(part)
        elif _NAME.fullmatch(part):
            size = strings.get(part.lower(), 0)
            over_from = over_from or size > limits.MAX_BIB_EXPANSION
            total += size
        else:
            total += len(part)
    return total, over_from


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span's characters removed but its line breaks kept."""
    pieces = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        pieces.append(text[position:start])
        pieces.append("\n" * text.count("\n", start, end))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def check_file(file: Path, shown: str, diagnostics: Diagnostics) -> BibCheck | None:
    """Check a .bib file; None when it is absent or unreadable (said so when it is not a file)."""
    if not file.exists():
        return None
    try:
        size = file.stat().st_size
        if size > limits.MAX_BIB_BYTES:
            diagnostics.say(Problem.LIMIT, "bib-too-large", shown, 1, size=size, limit=limits.MAX_BIB_BYTES)
            return BibCheck(safe_text="")
        text = file.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        diagnostics.say(Problem.BIBLIOGRAPHY, "bib-not-a-file", shown, 1, path=shown)
        return BibCheck(safe_text="")
    return check_text(text, shown, diagnostics)


def check_configured(srcdir: Path, names: list[str] | tuple[str, ...], diagnostics: Diagnostics
                     ) -> dict[str, BibCheck]:
    """Check each .bib file the configuration names (``bibtex_bibfiles``, relative to the site's
    folder), by name. A name that leads outside the folder is not read here."""
    checked = {}
    root = srcdir.resolve()
    for name in names:
        file = (srcdir / name).resolve()
        if not file.is_relative_to(root):
            continue
        found = check_file(file, file.relative_to(root).as_posix(), diagnostics)
        if found is not None:
            checked[name] = found
    return checked
