"""Source files for generated pages: written before Sphinx looks for documents, only when changed.

A generated file holds only the page's navigation (a hidden toctree); its body is rendered
from the model when Sphinx reads it. Every file we write starts with MARKER: we overwrite or
delete only files that carry it, so nothing an archivist wrote is ever lost.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostics, Problem
from ..loader import GENERATED_MARKER
from ..pageplan import PlannedPage

MARKER = GENERATED_MARKER
# Folders that hold nothing but generated pages, and generated pages among archivists' files.
OWNED_DIRS = ("people", "organisations", "themes")
OWNED_FILES_IN = ("sessions", "press")


def source_text(page: PlannedPage) -> str:
    lines = [MARKER, ""]
    if page.children:
        lines += ["```{toctree}", ":hidden:", "", *page.children, "```", ""]
    return "\n".join(lines)


def is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return handle.readline().rstrip("\n") == MARKER
    except (OSError, UnicodeDecodeError):
        return False


def write_pages(srcdir: Path, pages: dict[str, PlannedPage], diagnostics: Diagnostics) -> tuple[set[str], set[str]]:
    """Write the planned pages' files; remove generated files no longer planned.

    Returns (docnames written or rewritten, docnames that could not be generated because a
    file of an archivist's is in the way).
    """
    written: set[str] = set()
    blocked: set[str] = set()
    for docname, page in sorted(pages.items()):
        if not page.generated:
            continue
        path = srcdir / f"{docname}.md"
        text = source_text(page)
        if path.exists():
            if not is_generated(path):
                diagnostics.say(Problem.GENERATED, "generated", f"{docname}.md", 1, docname=docname)
                blocked.add(docname)
                continue
            if path.read_text(encoding="utf-8") == text:
                continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.add(docname)
    _remove_stale(srcdir, pages)
    return written, blocked


def _remove_stale(srcdir: Path, pages: dict[str, PlannedPage]) -> None:
    candidates: list[Path] = []
    for folder in OWNED_DIRS:
        candidates += (srcdir / folder).rglob("*.md") if (srcdir / folder).is_dir() else []
    for folder in OWNED_FILES_IN:
        candidates += (srcdir / folder).glob("*.md") if (srcdir / folder).is_dir() else []
    for path in candidates:
        docname = path.relative_to(srcdir).with_suffix("").as_posix()
        if docname not in pages and is_generated(path):
            path.unlink()
