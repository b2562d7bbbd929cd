"""What a page's "Source" line shows of its source document: the document's own heading (its first
line of text, as the source writes it) and its size, with the file as the link. A document
without a line of text is named by the archive, and that name is marked as supplied."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .textfr import supplied

# A heading is a line, not a paragraph: longer first lines are cut at a word.
TITLE_LIMIT = 120
SUPPLIED_TITLE = "Document source"


@dataclass(frozen=True)
class SourceDocument:
    name: str  # the file name, in the sources folder
    title: str  # as the source gives it, or supplied (in brackets)
    size: int  # bytes; 0 when the file is missing


def _first_line(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            for number, line in enumerate(file):
                words = " ".join(line.split())
                if words:
                    return words
                if number > 200:
                    break
    except OSError:
        return ""
    return ""


@lru_cache(maxsize=512)
def _document(path: Path, mtime_ns: int) -> SourceDocument:
    title = _first_line(path)
    if len(title) > TITLE_LIMIT:
        title = title[:TITLE_LIMIT].rsplit(" ", 1)[0] + " …"
    size = path.stat().st_size if path.is_file() else 0
    return SourceDocument(path.name, title or supplied(SUPPLIED_TITLE), size)


def source_document(folder: Path, name: str) -> SourceDocument:
    path = folder / name
    if "/" in name or "\\" in name or not path.is_file():
        return SourceDocument(name, name, 0)
    return _document(path, path.stat().st_mtime_ns)


def size_fr(size: int) -> str:
    """'14 ko', '980 octets', '1,2 Mo': how the site says a file's size."""
    if size < 1000:
        return f"{size} octets"
    if size < 1_000_000:
        return f"{round(size / 1000)} ko"
    return f"{size / 1_000_000:.1f} Mo".replace(".", ",")
