"""Classic BibTeX and biblatex from citation records, written through pybtex.

Field values are built as LaTeX here and handed to pybtex's writer, which is only asked to
delimit them with braces (never quotes) and to check their braces balance. The rules, learnt
from real clients (DESIGN.md, "Citation rules learnt from the field"):

* Plain UTF-8 for accents and typography; ``& % # $ _`` escaped with a backslash, ``{ }`` as
  ``\\{ \\}`` (an unpaired brace as ``\\{\\iffalse\\}\\fi{}``, see :func:`latex_text`), ``~ ^ \\``
  as ``\\textasciitilde{}``, ``\\textasciicircum{}``, ``\\textbackslash{}``. TeX ligatures
  (``--``, ``''``, ``<<``…) are broken with ``{}`` so that the text prints as typed, and a
  backtick is braced alone (pandoc would pair it with a later apostrophe).
* URLs raw in ``url`` fields (they are verbatim fields for biblatex and ``\\url`` for natbib).
* Titles are not title-cased; every word holding a capital is braced (``{IA} et innovations
  médicales``) so that styles which change case leave acronyms and proper nouns alone.
* Names as ``Family, Given``. A particle is BibTeX's "von" part: ``de La Fontaine, Jean`` reads
  as von ``de``, family ``La Fontaine`` (biber's ``useprefix=false`` then sorts it under L, as
  French usage does). A family name BibTeX would otherwise split (a lowercase word, ``and``,
  a comma) is braced whole. Corporate authors in double braces: ``{{Health Data Hub}}``.
* Moderators are never authors: a ``note`` says "Animation : …".
* Titles are plain (no square brackets, which are for the page a person reads); what the archive
  supplied is said in the ``note`` ("Titre de la série attribué par l’archive").

latexcodec (pybtex's own encoder, ``ulatex+utf8``) is not used: it keeps UTF-8 as we want, but
escapes only ``& % # _``, turns ``~`` into ``\\textasciitilde\\ `` and leaves ``$ { } ^ \\`` as
they are, and it would escape URLs too.

Longer than 350 lines because each rule above is a small function with the reason it exists,
and the rules act on one another (a brace group inside a title, a particle inside a name): split
over several modules, a reader would lose what each escape protects against.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TextIO

from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer

from ..textfr import date_fr
from .common import one_line, reading_list
from .record import CitationRecord, Name, supplied_note

LANGID = {"fr": "french", "en": "english"}
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
KEY = re.compile(r"[A-Za-z0-9_:./+-]+")  # what bibtex, biber and pandoc all accept in a key

_CHARS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    # TeX prints ` as ‘ either way; alone in a group it cannot open a quotation that pandoc
    # would pair with a later ' (turning ‘…’ into “…” and joining the names between them).
    "`": "{`}",
}
# Pairs TeX would merge into one glyph (en dash, closing quotes, guillemets in T1...); those
# with a ` (``, ?`, !`) are already broken by its braces.
_LIGATURES = frozenset({"--", "''", "<<", ">>", ",,"})
# \fi{} and not "\fi ": a control word would swallow the space after it.
_LONE_OPEN = r"\{\iffalse\}\fi{}"
_LONE_CLOSE = r"\iffalse\{\fi\}"
# A URL that \url can take inside another command's argument, as it is in a note.
_URL_IN_ARGUMENT = re.compile(r"[A-Za-z0-9\-._~:/?\[\]@!$&'()*+,;=]+")


def _unpaired_braces(text: str) -> set[int]:
    """Positions of braces with no partner: BibTeX counts every brace, escaped or not."""
    opened: list[int] = []
    lone: set[int] = set()
    for i, char in enumerate(text):
        if char == "{":
            opened.append(i)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                lone.add(i)
    return lone | set(opened)


def _escape(text: str, start: int, end: int, lone: set[int]) -> str:
    out: list[str] = []
    for i in range(start, end):
        char = text[i]
        if char in "{}":
            if i in lone:
                # An unpaired \{ would unbalance the value for bibtex and biber; the hidden
                # partner inside \iffalse...\fi balances it and prints nothing.
                out.append(_LONE_OPEN if char == "{" else _LONE_CLOSE)
            else:
                out.append("\\" + char)
        else:
            out.append(_CHARS.get(char, char))
        if i + 1 < len(text) and text[i:i + 2] in _LIGATURES:
            out.append("{}")
    return "".join(out)


def latex_text(text: str) -> str:
    """Plain Unicode text as the LaTeX of a BibTeX value, on one line."""
    text = one_line(text)
    return _escape(text, 0, len(text), _unpaired_braces(text))


_WORD = re.compile(r"[^ ]+")  # the text is folded: words are separated by one space (not by no-break ones)
_CORE = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)


def latex_title(text: str) -> str:
    """A title: escaped, and words holding a capital braced against case changes; a run of such
    words makes one group (``{Health Data Hub}``), punctuation stays outside (``“{IA}``)."""
    text = one_line(text)
    lone = _unpaired_braces(text)
    out: list[str] = []
    group: list[str] = []  # escaped words of the brace group being built

    def close() -> None:
        if group:
            inner = " ".join(group)
            # "{\" opens a BibTeX special character, whose letters styles still lowercase.
            out.append("{{" + inner + "}}" if inner.startswith("\\") else "{" + inner + "}")
            group.clear()

    for n, word in enumerate(_WORD.finditer(text)):
        start, end = word.span()
        space = " " if n else ""
        if not any(char.isupper() for char in word.group()):
            close()
            out.append(space + _escape(text, start, end, lone))
            continue
        core = _CORE.match(word.group())
        assert core is not None  # the pattern matches any string
        lead_end = start + len(core.group(1))
        body_end = lead_end + len(core.group(2))
        if not (group and lead_end == start):
            close()
            out.append(space + _escape(text, start, lead_end, lone))
        group.append(_escape(text, lead_end, body_end, lone))
        if body_end < end:
            close()
            out.append(_escape(text, body_end, end, lone))
    close()
    return "".join(out)


def latex_url_text(url: str) -> str:
    """A URL inside a note: ``\\url`` when it survives being an argument, escaped text otherwise."""
    url = one_line(url)
    if _URL_IN_ARGUMENT.fullmatch(url) and "{" not in url:
        return r"\url{" + url + "}"
    return latex_text(url)


def raw_url(url: str) -> str:
    """A ``url`` field: verbatim for biblatex and natbib, so only braces could hurt."""
    url = one_line(url)
    if _unpaired_braces(url) or "\\" in url:
        raise ValueError(f"URL {url!r} has a backslash or an unpaired brace: not a valid URL")
    return url


# ---------------------------------------------------------------------------------- names

_NAME_TOKEN = re.compile(r"[^\s~-]+")  # BibTeX splits name words at spaces, ties and hyphens


def _splits_in_bibtex(part: str) -> bool:
    """Would BibTeX cut this family name (a lowercase word reads as "von"; "and" and commas
    separate names or parts)?"""
    if "," in part:
        return True
    for token in _NAME_TOKEN.findall(part):
        if token.lower() == "and":
            return True
        first_letter = next((char for char in token if char.isalpha()), "")
        if first_letter and not first_letter.isupper():
            return True
    return False


def _protect_words(part: str) -> str:
    """Commas and the word "and" in a given name or particle, braced so BibTeX reads them as text."""
    part = part.replace(",", "{,}")
    return " ".join("{" + word + "}" if word.lower() == "and" else word for word in part.split(" "))


def person(name: Name) -> Person:
    """A pybtex Person that the writer prints as ``Family, Given`` (or ``{Corporate}``)."""
    given, particle, family = (one_line(part) for part in (name.given, name.particle, name.family))
    if particle.endswith(("'", "’")):
        # An elided particle is one word with the family name: "d’Alembert".
        particle, family = "", particle + family
    if name.is_corporate or not family:
        # One brace group: BibTeX takes it whole, never as given and family names.
        return Person(last="{" + latex_text(name.literal or given) + "}")
    family_tex = latex_text(family)
    if _splits_in_bibtex(family) or (not given and " " in family):
        family_tex = "{" + family_tex + "}"
    return Person(first=_protect_words(latex_text(given)), prelast=_protect_words(latex_text(particle)),
                  last=family_tex)


# --------------------------------------------------------------------------------- writing

class _BracesWriter(Writer):  # type: ignore[misc]  # pybtex ships no type hints
    """pybtex's BibTeX writer, with every value in braces and written as given (already LaTeX)."""

    def quote(self, s: str) -> str:
        self.check_braces(s)
        return "{" + s + "}"

    def _encode(self, text: str) -> str:
        return text

    def _write_field(self, stream: TextIO, type: str, value: str) -> None:  # pybtex names it "type"
        if type.lower() == "month" and value in MONTH_MACROS:
            # The standard month macro (bare), which every style and biber localise.
            stream.write(f",\n    {type} = {value}")
        else:
            super()._write_field(stream, type, value)


def _write(entries: Iterable[tuple[str, Entry]]) -> str:
    data = BibliographyData()
    for key, entry in entries:
        if not KEY.fullmatch(key):
            raise ValueError(f"citation key {key!r} is not plain ASCII (letters, digits, - _ : . / +)")
        if key in data.entries:  # pybtex would only warn, and keep the first
            raise ValueError(f"citation key {key!r} is used twice")
        data.add_entry(key, entry)
    text: str = _BracesWriter(encoding="UTF-8").to_string(data)
    return text


def _entry(kind: str, persons: Sequence[Name], fields: Sequence[tuple[str, str]]) -> Entry:
    entry = Entry(kind, fields=[(name, value) for name, value in fields if value],
                  persons={"author": [person(name) for name in persons]} if persons else None)
    return entry


def _sentences(*parts: str) -> str:
    """Note text: non-empty parts joined as sentences."""
    return ". ".join(part.rstrip(".") for part in parts if part)


def _moderators(record: CitationRecord) -> str:
    return latex_text(f"Animation : {reading_list(record.chairs)}") if record.chairs else ""


def _supplied(record: CitationRecord) -> str:
    return latex_text(supplied_note(record))


def _version(record: CitationRecord) -> str:
    return latex_text(f"Version de l’archive : {record.version}") if record.version else ""


def _latest(record: CitationRecord) -> str:
    if not record.latest_url or record.latest_url == record.url:
        return ""
    return latex_text("Version la plus récente :") + " " + latex_url_text(record.latest_url)


def _about_event(record: CitationRecord) -> str:
    """The event a press release is about (a session's event is its series, said elsewhere)."""
    if record.kind != "press" or not record.event_title:
        return ""
    where = " " + latex_text(f"({record.event_place})") if record.event_place else ""
    return latex_text("Au sujet de :") + " " + latex_title(record.event_title) + where


def _language(record: CitationRecord) -> str:
    return LANGID.get(record.language, record.language)


def _howpublished(record: CitationRecord) -> str:
    """The classic @misc's one line saying what the item is and where. Not when: every classic
    style prints ``month year`` right after it, so a date here was printed twice ("Sciences Po,
    7 septembre 2021, September 2021"); the month macro is named by each style in its language.
    The day is in the other formats (biblatex, RIS, CSL-JSON) and the formatted citation."""
    if record.kind == "session":
        what = f"Séance {record.number}" if record.number else record.genre
        if record.event_title:
            what += f" du séminaire {record.event_title}"
        parts = [what, record.publisher, record.event_place]
    elif record.kind == "press":
        parts = [record.genre, record.publisher, record.place]
    else:
        parts = [record.genre, record.publisher]
    return latex_text(", ".join(part for part in parts if part))


def _span(record: CitationRecord) -> str:
    """For an item over several days (the series), its first and last day: month and year say
    only when it began."""
    if not record.date or not record.end_date or record.end_date == record.date:
        return ""
    return latex_text(f"Du {date_fr(record.date)} au {date_fr(record.end_date)}")


# ------------------------------------------------------------------------------- formats

def bibtex_entry(record: CitationRecord) -> Entry:
    """Classic BibTeX: ``@misc`` with howpublished, year, month, note, url and language."""
    fields = [
        # BibTeX's own field for sorting and labelling an entry with no author (a session without
        # speakers): its title, as such works are cited, never its organisers as authors.
        ("key", "" if record.authors else latex_text(record.title)),
        ("title", latex_title(record.title)),
        ("howpublished", _howpublished(record)),
        ("year", record.year),
        ("month", MONTH_MACROS[record.date.month - 1] if record.date else ""),
        ("note", _sentences(_span(record), _moderators(record), _about_event(record), _supplied(record),
                            _version(record), _latest(record))),
        ("doi", record.doi),  # the schema's pattern keeps it to characters safe in any BibTeX field
        ("url", raw_url(record.url)),
        ("language", _language(record)),
        # bibtex ignores it; pandoc and biber read the language from langid only (and pandoc
        # otherwise capitalises the first word of a title as if it were English).
        ("langid", _language(record)),
    ]
    return _entry("misc", record.authors, fields)


def _iso_range(record: CitationRecord) -> str:
    if not record.date:
        return ""
    if record.end_date and record.end_date != record.date:
        return f"{record.date.isoformat()}/{record.end_date.isoformat()}"
    return record.date.isoformat()


def biblatex_entry(record: CitationRecord) -> Entry:
    """biblatex: a session is ``@unpublished`` (an event; ``@misc`` when it has no speakers), a press
    release ``@online`` (its issuer the ``organization``), the series ``@misc`` with a date range.
    Only fields of biblatex's data model for the type are used (``biber --validate-datamodel``):
    what has no field (the place of a press release, the event it is about, the archive version)
    goes into ``note`` or ``addendum``."""
    addendum = _sentences(_version(record), _latest(record))
    common = [("doi", record.doi), ("url", raw_url(record.url)), ("langid", _language(record))]
    fields: list[tuple[str, str]]
    if record.kind == "session" and not record.authors:
        # @unpublished requires an author, and a session without speakers has none (its organisers
        # did not present it): @misc requires only a title and a date.
        kind = "misc"
        fields = [
            ("title", latex_title(record.title)),
            ("type", latex_text(record.genre)),
            ("howpublished", _howpublished(record)),
            ("organization", latex_text(record.publisher)),
            ("date", _iso_range(record)),
            ("note", _sentences(_moderators(record), _supplied(record))),
            ("addendum", addendum),
            *common,
        ]
    elif record.kind == "session":
        number = f"Séance {record.number}" if record.number else record.genre
        kind = "unpublished"
        fields = [
            ("title", latex_title(record.title)),
            ("howpublished", latex_text(", ".join(p for p in (number, record.publisher) if p))),
            ("eventtitle", latex_title(record.event_title)),
            ("eventdate", record.date.isoformat() if record.date else ""),
            ("venue", latex_text(record.event_place)),
            ("date", _iso_range(record)),
            ("note", _sentences(_moderators(record), _supplied(record))),
            ("addendum", addendum),
            *common,
        ]
    elif record.kind == "press":
        kind = "online"
        fields = [
            ("title", latex_title(record.title)),
            # The issuer as @online's organisation (citation-js reads it as the publisher).
            ("organization", latex_text(record.publisher)),
            ("date", _iso_range(record)),
            ("note", _sentences(latex_text(", ".join(p for p in (record.genre, record.place) if p)),
                                _about_event(record), _supplied(record))),
            ("addendum", addendum),
            *common,
        ]
    else:
        kind = "misc"
        fields = [
            ("title", latex_title(record.title)),
            ("type", latex_text(record.genre)),
            ("date", _iso_range(record)),
            ("note", _sentences(_moderators(record), _supplied(record))),
            ("addendum", addendum),
            *common,
        ]
    return _entry(kind, record.authors, fields)


def bibtex_text(record: CitationRecord) -> str:
    """One record as a classic BibTeX ``@misc`` entry."""
    return _write([(record.key, bibtex_entry(record))])


def biblatex_text(record: CitationRecord) -> str:
    """One record as a biblatex entry."""
    return _write([(record.key, biblatex_entry(record))])


def join_entries(entries: Iterable[tuple[str, str]]) -> str:
    """A .bib file from (key, entry text) pairs, laid out as pybtex's writer lays out several
    entries (a blank line between them): the site renders each record once and files join them."""
    seen: set[str] = set()
    texts = []
    for key, text in entries:
        if key in seen:
            raise ValueError(f"citation key {key!r} is used twice")
        seen.add(key)
        texts.append(text)
    return "\n".join(texts)


def to_bibtex(records: Iterable[CitationRecord]) -> str:
    """Classic BibTeX (bibtex, natbib styles): one ``@misc`` per record."""
    return join_entries((record.key, bibtex_text(record)) for record in records)


def to_biblatex(records: Iterable[CitationRecord]) -> str:
    """biblatex (biber): ``@unpublished`` sessions, ``@online`` press releases, ``@misc`` series."""
    return join_entries((record.key, biblatex_text(record)) for record in records)


__all__ = ["biblatex_entry", "biblatex_text", "bibtex_entry", "bibtex_text", "join_entries", "latex_text",
           "latex_title", "person", "to_biblatex", "to_bibtex"]
