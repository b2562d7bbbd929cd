"""French typography of the text the archive generates, checked on built HTML pages.

A page's text is read in document order, outside code, scripts, styles and English
passages (``lang="en"``); each rule's matches are kept unless the same words, character for
character, are in the archive's sources (the page sources, the registry, the source
documents): the sources' own words stay as written."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import html

SKIPPED = frozenset({"code", "pre", "script", "style", "kbd", "samp", "tt", "svg", "math", "template",
                     "textarea", "head"})
BREAK = "\x00"  # where a skipped element was: no rule matches across it

RULES: dict[str, re.Pattern[str]] = {
    # "Séance:" -> "Séance :" (no-break space): a word, a colon, then a space or the end.
    "colon without space": re.compile(r"[^\W\d_](?<!mailto)(?<!https)(?<!http)[)\]»]?:(?=[\s\x00]|$)"),
    "plain space before : ; ! ?": re.compile(r"(?<=[^\s\x00]) [:;!?](?=[\s\x00]|$)"),
    "no space before ; ! ?": re.compile(r"[^\W\d_][;!?](?=[\s\x00]|$)"),
    "plain space inside « »": re.compile(r"« | »"),
    "no space inside « »": re.compile(r"«[^\s\x00]|[^\s\x00]»"),
    "doubled punctuation": re.compile(r"[.!?]\s*»\s*\.|(?<=\w)\.\.(?!\.)|,,|;;|::"),
    "straight apostrophe": re.compile(r"[^\W\d_]'[^\W\d_]"),
}


@dataclass(frozen=True)
class Problem:
    page: str
    rule: str
    text: str


def _english(element: html.HtmlElement) -> bool:
    return (element.get("lang") or "").lower().startswith("en")


def _segments(element: html.HtmlElement) -> Iterator[str]:
    """The element's French, readable text in document order (BREAK for each skipped element)."""
    if not isinstance(element.tag, str) or element.tag in SKIPPED or _english(element):
        yield BREAK
        return
    if element.text:
        yield element.text
    for child in element:
        yield from _segments(child)
        if child.tail:
            yield child.tail


def _spans(element: html.HtmlElement) -> tuple[str, list[tuple[int, int]]]:
    stream, spans, at = [], [], 0
    for segment in _segments(element):
        stream.append(segment)
        spans.append((at, at + len(segment)))
        at += len(segment)
    return "".join(stream), spans


def _normal(text: str) -> str:
    return " ".join(text.replace(BREAK, " ").split())


# Markdown's own marks, which the page does not show: inline code and roles (shown apart, or
# as a link's text), emphasis, table rules, list markers.
_MARKUP = re.compile(r"(?:\{[\w:-]+\})?`[^`\n]*`|\*\*|(?<=\s)\||\|(?=\s)|^[ \t]*(?:[-*+]|\d+\.)[ \t]",
                     re.MULTILINE)


def source_corpus(roots: Iterable[Path]) -> str:
    """Every source text the archive is built from, whitespace normalised."""
    texts = []
    for root in roots:
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in files:
            source = path.suffix in (".md", ".yaml", ".yml", ".txt", ".bib")
            if path.is_file() and source and "_build" not in path.parts:
                texts.append(_normal(_MARKUP.sub(" ", path.read_text(encoding="utf-8"))))
    return "\n".join(texts)


CONTEXT = 16  # characters of the text around a match looked up in the sources
MIN_CONTEXT = 8  # at least this many, beside the match itself, for the proof to count


def _from_sources(stream: str, spans: list[tuple[int, int]], start: int, end: int, corpus: str) -> bool:
    """True when the match and the words before it, or the match and the words after it, are in
    the sources as written: read within one text node (markup in a source splits nodes) or across
    nodes, never across code or English (BREAK). One side is enough: a source's title ("… en
    santé ?") is followed on the page by what the archive adds after it."""
    bounds = [(0, len(stream))] + [(first, last) for first, last in spans if first <= start and end <= last]
    for first, last in bounds:
        before = stream[max(first, start - CONTEXT): start]
        after = stream[end: min(last, end + CONTEXT)]
        match = stream[start:end]
        for context, candidate in ((before, before + match), (after, match + after)):
            if len(context.strip()) >= MIN_CONTEXT and _normal(candidate) in corpus:
                return True
        # A short text node (a table cell "« 2021 »") that the sources hold whole.
        whole = _normal(stream[first:last])
        if (first, last) != (0, len(stream)) and len(whole) >= 6 and whole in corpus:
            return True
    return False


def page_problems(path: Path, name: str, corpus: str) -> list[Problem]:
    root = html.parse(str(path), parser=html.HTMLParser(encoding="utf-8")).getroot()
    if root is None:
        return []
    body = root.find("body")
    if body is None or _english(root):
        return []
    stream, spans = _spans(body)
    found = []
    for rule, pattern in RULES.items():
        for match in pattern.finditer(stream):
            if not _from_sources(stream, spans, match.start(), match.end(), corpus):
                found.append(Problem(name, rule, _normal(stream[max(0, match.start() - 30): match.end() + 15])))
    return found


def site_problems(outdir: Path, corpus: str) -> list[Problem]:
    problems = []
    for path in sorted(outdir.rglob("*.html")):
        if "_static" in path.parts or ".doctrees" in path.parts:
            continue
        problems += page_problems(path, path.relative_to(outdir).as_posix(), corpus)
    return problems
