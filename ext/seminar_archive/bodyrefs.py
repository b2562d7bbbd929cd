"""The references a page's text makes with the archive's roles, checked without a build.

``archive check`` reads front matter the way the build does; this module lets it see the
roles in the text too (``{person}`daniel-benamouzig```, ``{source}`prog.txt```), which only the
build saw before. It finds them with MyST's own Markdown parser, so a role inside code or a
code block is not one, as in the build; it looks into directives whose content is Markdown
(notes, dropdowns, tabs), not into code, math or toctrees. The build reports the same problems
through Sphinx, with the same messages; it does not call this module.

Why this module imports MyST (markdown_it, myst_parser), though the core runs without the
Sphinx stack: only MyST's own parser says, as the build will, whether a role is in code, in a
code block or in a directive whose content is not Markdown; a parser of our own would disagree
with the build on exactly the pages an archivist needs the check for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from . import docnames
from .archive import Archive
from .checks import closest
from .containment import inside
from .diagnostics import Diagnostics, Problem
from .loader import GENERATED_MARKER, Layout, iter_pages
from .pageplan import plan, theme_slug
from .sitefiles import RELEASES_FILE, Release

DOMAIN_NAME = "archive"
"""The Sphinx domain of the archive's roles (``{archive:person}``); by chance also the warnings' type."""

# The cross-reference roles (bare or as ``archive:kind``), and the French word for each kind.
REFERENCE_KINDS = {
    "session": "séance",
    "press": "communiqué",
    "event": "événement",
    "series": "série",
    "person": "personne",
    "org": "organisation",
    "theme": "thème",
}
# Every file the build writes into the data folder (sphinx/exports.py, sphinx/citing.py), which
# the ``{datafile}`` role links.
DATA_FILES = ("archive.json", "archive.schema.json", "series.ics", "additions.atom", "series.bib",
              "series-biblatex.bib", "series.ris", "series.csl.json")
# Folders of per-entry records the build writes into the data folder, linked from each entry's
# page rather than by ``{datafile}``: the EAC-CPF records of the registry (sphinx/eaccpf.py,
# people/<id>.eac.xml and organisations/<id>.eac.xml).
DATA_FOLDERS = (docnames.PEOPLE, docnames.ORGANISATIONS)
DEFAULT_MYST_EXTENSIONS = ("colon_fence", "deflist")
# Directives whose content is not Markdown: a role-like text there is not a role.
_LITERAL_DIRECTIVES = frozenset({
    "code", "code-block", "sourcecode", "code-cell", "literalinclude", "include", "math", "raw", "toctree",
    "eval-rst", "csv-table", "parsed-literal", "bibliography", "mermaid", "graphviz", "embed", "glue",
})
_DIRECTIVE = re.compile(r"^\{([^}\s]+)\}")
_OPTION_LINE = re.compile(r"^:[\w-]+:")
# Directives in directives, looked into this deep (a hostile page must not exhaust the stack).
_MAX_NESTING = 20
_EXPLICIT_TITLE = re.compile(r"^(.+?)\s*<([^<>]*)>$", re.DOTALL)


@dataclass(frozen=True)
class BodyReference:
    """One role in a page's text: ``kind`` is a reference kind, "source" or "datafile"."""

    line: int
    kind: str
    target: str


def is_source_document(source_dir: Path, name: str) -> bool:
    """Whether ``{source}`name``` names a file of the sources folder (a bare file name, not a
    symlink that leads out of it)."""
    return ("/" not in name and "\\" not in name and (source_dir / name).is_file()
            and inside(source_dir, source_dir / name))


def _role_kind(name: str) -> str | None:
    bare = name.removeprefix(f"{DOMAIN_NAME}:")
    if bare in REFERENCE_KINDS and (bare == name or name.startswith(f"{DOMAIN_NAME}:")):
        return bare
    return name if name in ("source", "datafile") else None


def _target(kind: str, content: str) -> str | None:
    """What the role points at, read as Sphinx's cross-reference roles read it; None for
    ``!id``, which Sphinx shows as text without looking the id up."""
    if kind in ("source", "datafile"):
        return content
    if content.startswith("!"):
        return None
    text = content.removeprefix("~")
    explicit = _EXPLICIT_TITLE.match(text)
    return (explicit.group(2) if explicit else text).strip()


class _Finder:
    def __init__(self, extensions: Iterable[str]) -> None:
        config = MdParserConfig(enable_extensions=set(extensions))
        self.parser = create_md_parser(config, RendererHTML)

    def references(self, text: str, first_line: int = 1, depth: int = 0) -> Iterator[BodyReference]:
        lines = text.splitlines()
        for token in self.parser.parse(text):
            if token.type == "inline" and token.map:
                yield from self._inline(token, lines, first_line)
            elif token.type in ("fence", "colon_fence") and token.map and depth < _MAX_NESTING:
                yield from self._directive(token, first_line, depth + 1)

    def _inline(self, token: Token, lines: Sequence[str], first_line: int) -> Iterator[BodyReference]:
        assert token.map is not None
        start, end = token.map
        # A paragraph may span lines: each role is placed on the first line that holds it, in order.
        row, column = start, 0
        for child in token.children or ():
            if child.type != "myst_role":
                continue
            kind = _role_kind(str(child.meta.get("name", "")))
            if kind is None:
                continue
            needle = "{" + str(child.meta["name"]) + "}`"
            for candidate in range(row, min(max(end, row + 1), len(lines))):
                found = lines[candidate].find(needle, column if candidate == row else 0)
                if found >= 0:
                    row, column = candidate, found + len(needle)
                    break
            target = _target(kind, child.content)
            if target is not None:
                yield BodyReference(first_line + row, kind, target)

    def _directive(self, token: Token, first_line: int, depth: int) -> Iterator[BodyReference]:
        assert token.map is not None
        name = _DIRECTIVE.match(token.info.strip())
        if name is None or name.group(1) in _LITERAL_DIRECTIVES:
            return
        content = token.content.splitlines()
        skipped = 0
        # Options come first: ":key: value" lines, or a YAML block between "---" lines.
        if content and content[0].strip() == "---":
            closing = next((i for i, line in enumerate(content[1:], 1) if line.strip() == "---"), None)
            skipped = closing + 1 if closing is not None else 0
        else:
            while skipped < len(content) and _OPTION_LINE.match(content[skipped]):
                skipped += 1
        body = "\n".join(content[skipped:])
        # The content starts on the line after the opening fence.
        yield from self.references(body, first_line + token.map[0] + 1 + skipped, depth)


def find_references(text: str, extensions: Iterable[str] = DEFAULT_MYST_EXTENSIONS) -> list[BodyReference]:
    """The archive's roles in a page's text (front matter included in ``text``), with their lines."""
    return list(_Finder(extensions).references(text))


def known_targets(archive: Archive) -> dict[str, set[str]]:
    """The ids each reference kind can name: the pages the build writes, as its domain notes them."""
    known: dict[str, set[str]] = {kind: set() for kind in REFERENCE_KINDS}
    for page in plan(archive).values():
        if page.kind in known and page.kind != "theme":
            known[page.kind].add(page.key)
    known["theme"] = {theme_slug(theme) for theme in archive.items_by_theme()}
    return known


def check_body_references(srcdir: Path, layout: Layout, archive: Archive, diagnostics: Diagnostics,
                          extensions: Iterable[str] = DEFAULT_MYST_EXTENSIONS) -> None:
    """Report each role in a page's text that names nothing: an unknown id, source document or
    data file. Generated pages are skipped (the build writes their references itself)."""
    finder = _Finder(extensions)
    known = known_targets(archive)
    source_dir = srcdir / layout.sources_dir
    for path, docname in iter_pages(srcdir, layout):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the loader has reported it
        if text.startswith(GENERATED_MARKER):
            continue
        shown = f"{docname}.md"
        for ref in finder.references(text):
            _check_reference(ref, shown, ref.line, known, source_dir, layout, diagnostics)


def _check_reference(ref: BodyReference, shown: str, line: int, known: dict[str, set[str]], source_dir: Path,
                     layout: Layout, diagnostics: Diagnostics) -> None:
    if ref.kind == "source":
        if not is_source_document(source_dir, ref.target):
            diagnostics.say(Problem.MISSING_SOURCE, "unknown-source-doc", shown, line,
                            name=ref.target, folder=layout.sources_dir)
    elif ref.kind == "datafile":
        if ref.target not in DATA_FILES:
            diagnostics.say(Problem.REFERENCE, "unknown-data-file", shown, line,
                            name=ref.target, files=", ".join(DATA_FILES))
    elif ref.target not in known[ref.kind]:
        diagnostics.say(Problem.REFERENCE, "unknown-ref", shown, line, label=REFERENCE_KINDS[ref.kind],
                        target=ref.target, kind=ref.kind, suggestion=closest(ref.target, known[ref.kind]))


def check_release_references(srcdir: Path, layout: Layout, archive: Archive, releases: Sequence[Release],
                             diagnostics: Diagnostics, extensions: Iterable[str] = DEFAULT_MYST_EXTENSIONS) -> None:
    """The roles in releases.yaml's entries (the changelog renders them), each at its entry's line,
    as the build reports them."""
    finder = _Finder(extensions)
    known = known_targets(archive)
    for release in releases:
        for entries, lines in ((release.added, release.added_lines), (release.corrected, release.corrected_lines)):
            for entry, line in zip(entries, lines, strict=False):
                for ref in finder.references(entry):
                    if ref.kind in REFERENCE_KINDS:  # the only roles the changelog relocates
                        _check_reference(ref, RELEASES_FILE, line, known, srcdir / layout.sources_dir, layout,
                                         diagnostics)
