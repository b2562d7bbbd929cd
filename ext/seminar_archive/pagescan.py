"""``archive check``'s view of what pages read and link: the problems the build reports, without a build.

Each page that may name a file or an address is parsed with MyST's own docutils parser, as the
build parses it (``{eval-rst}`` included), with the file-reading directives replaced by
recorders that note what they would read and read nothing. The requests go through the
containment rule, the parsed page through the doctree checks: the same functions the build's
guards call (sphinx/guards.py), so that check and build report the same problems at the same lines.

Why this module imports docutils, though the core runs without the Sphinx stack: a page must
be parsed as the build parses it for its lines and its directives to be the build's.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives, roles
from docutils.parsers.rst.directives.misc import Include as DocutilsInclude
from docutils.parsers.rst.directives.misc import Raw
from docutils.parsers.rst.directives.tables import CSVTable
from myst_parser.parsers.docutils_ import Parser as MystParser

from .addresses import shown
from .containment import inside, readable_inside, requested_path
from .diagnostics import Diagnostics, Problem
from .doctreecheck import LocatedMeta, findings
from .loader import GENERATED_MARKER, Layout, iter_pages
from .mystsource import neutral_front_matter

# Only a page holding one of these can name a file or an address: the others are not parsed.
_MAY_POINT = re.compile(r"\{(?:include|literalinclude|raw|csv-table|image|figure|eval-rst|download)\}|"
                        r"!\[|\]\(|\]:|<[A-Za-z][\w+.\-]*:|<img\b|toctree|html_meta", re.IGNORECASE)


@dataclass(frozen=True)
class Request:
    """A file (or an address) a directive or role would read."""

    name: str
    line: int
    requested: str
    rooted: bool
    fetch: bool = False
    from_working_folder: bool = False
    """Read as written, from the working folder (literalinclude's ``:diff:``), not the page's."""
    parsed: bool = False
    """An include whose text is parsed as part of the page (not ``:literal:`` or ``:code:``)."""


class _Recorder(Directive):  # type: ignore[misc]
    """Notes what the directive would read (``settings.archive_requests``), reads nothing."""

    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {}
    rooted = True

    def _note(self, requested: str, *, rooted: bool = True, fetch: bool = False, cwd: bool = False,
              parsed: bool = False) -> None:
        _, line = self.state_machine.get_source_and_line(self.lineno)
        requests: list[Request] = self.state.document.settings.archive_requests
        joined = "".join(part.strip() for part in requested.splitlines())
        requests.append(Request(self.name, int(line or 0), joined, rooted, fetch, cwd, parsed))


class _ArgumentRecorder(_Recorder):  # include, literalinclude
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        self._note(self.arguments[0])
        return []


class _FileRecorder(_Recorder):  # csv-table
    optional_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = dict(CSVTable.option_spec)

    def run(self) -> list[nodes.Node]:
        if "url" in self.options:
            self._note(str(self.options["url"]), fetch=True)
        elif "file" in self.options:
            self._note(str(self.options["file"]), rooted=self.rooted)
        return []


class _RawRecorder(_FileRecorder):
    required_arguments = 1
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = dict(Raw.option_spec)
    rooted = False  # docutils' raw reads an absolute path from the file system's root


class _IncludeRecorder(_ArgumentRecorder):
    # docutils' options, and MyST's own for Markdown includes.
    option_spec: ClassVar[dict[str, Any]] = {**DocutilsInclude.option_spec, "relative-images": directives.flag,
                                             "relative-docs": directives.path,
                                             "heading-offset": directives.nonnegative_int}

    def run(self) -> list[nodes.Node]:
        self._note(self.arguments[0], parsed=not {"literal", "code"} & set(self.options))
        return []


class _LiteralIncludeRecorder(_ArgumentRecorder):
    # Sphinx's literalinclude options (sphinx.directives.code), named here: the core imports no Sphinx.
    option_spec: ClassVar[dict[str, Any]] = {name: directives.unchanged for name in (
        "dedent", "linenos", "lineno-start", "lineno-match", "tab-width", "language", "force", "encoding",
        "pyobject", "lines", "start-after", "end-before", "start-at", "end-at", "prepend", "append",
        "emphasize-lines", "caption", "class", "name", "diff")}

    def run(self) -> list[nodes.Node]:
        self._note(self.arguments[0])
        if self.options.get("diff"):
            self._note(str(self.options["diff"]), rooted=False, cwd=True)
        return []


class _ToctreeRecorder(_Recorder):
    """Sphinx's toctree, as the links it makes of entries that are addresses (``Title <https://…>``):
    Sphinx takes an entry with "://" for an address and links it in the navigation."""

    option_spec: ClassVar[dict[str, Any]] = {name: directives.unchanged for name in (
        "maxdepth", "name", "class", "caption", "glob", "hidden", "includehidden", "numbered", "titlesonly",
        "reversed")}

    def run(self) -> list[nodes.Node]:
        _, line = self.state_machine.get_source_and_line(self.lineno)
        made: list[nodes.Node] = []
        for entry in (str(e) for e in self.content if e):
            if _URL.match(entry):
                explicit = _EXPLICIT_TITLE.match(entry)
                link = nodes.reference("", "", refuri=explicit.group(2) if explicit else entry)
                link.line = line
                made.append(link)
        return made


# Sphinx's own patterns (sphinx.util.url_re, sphinx.util.docutils' explicit titles).
_URL = re.compile(r"(?P<schema>.+)://.*")
_EXPLICIT_TITLE = re.compile(r"^(.+?)\s*(?<!\x00)<(.*?)>$", re.DOTALL)

_RECORDERS: dict[str, type[Directive]] = {
    "toctree": _ToctreeRecorder, "include": _IncludeRecorder, "literalinclude": _LiteralIncludeRecorder,
    "raw": _RawRecorder, "csv-table": _FileRecorder, "meta": LocatedMeta,
}


def _download_role(name: str, rawtext: str, text: str, lineno: int, inliner: Any,
                   options: dict[str, Any] | None = None, content: list[str] | None = None
                   ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """Sphinx's ``{download}`` (``title <path>`` or ``path``), as the node the build checks."""
    match = re.match(r"^(.*?)\s*<([^<>]*)>$", text, re.DOTALL)
    target = match.group(2) if match else text
    node = nodes.reference(rawtext, match.group(1) if match else text)
    node.tagname = "download_reference"
    node["reftarget"] = target
    node.line = lineno
    return [node], []


@contextmanager
def _recorders() -> Iterator[None]:
    """The recorders in docutils' registries for the time of a scan, then what was there before."""
    saved_directives = {name: directives._directives.get(name) for name in _RECORDERS}
    saved_role = roles._roles.get("download")
    try:
        for name, recorder in _RECORDERS.items():
            directives.register_directive(name, recorder)
        roles.register_local_role("download", _download_role)
        yield
    finally:
        for name, previous in saved_directives.items():
            if previous is None:
                directives._directives.pop(name, None)
            else:
                directives._directives[name] = previous
        if saved_role is None:
            roles._roles.pop("download", None)
        else:
            roles._roles["download"] = saved_role


def _request_problem(request: Request, root: Path, page_dir: Path, diagnostics: Diagnostics, shown_page: str) -> None:
    if request.fetch:
        diagnostics.say(Problem.OUTSIDE_FILE, "outside-fetch", shown_page, request.line, name=request.name,
                        address=shown(request.requested))
        return
    if request.requested.startswith("<") and request.requested.endswith(">") and request.name == "include":
        standard = Path(DocutilsInclude.standard_include_path)
        allowed = inside(standard, standard / request.requested[1:-1])
    else:
        base = Path.cwd() if request.from_working_folder else page_dir
        allowed = readable_inside(root, base, request.requested, rooted=request.rooted)
    if not allowed:
        diagnostics.say(Problem.OUTSIDE_FILE, "outside-file", shown_page, request.line,
                        path=shown(request.requested))


# Includes in includes, followed this deep (the build's own limit is docutils').
_MAX_INCLUDE_DEPTH = 10


def scan_page(text: str, path: Path, root: Path, shown_page: str, diagnostics: Diagnostics,
              extensions: Iterable[str] = (), image_hosts: Iterable[str] = (), *, depth: int = 0,
              seen: set[Path] | None = None, base_dir: Path | None = None) -> None:
    """Report what one page would read from outside the tree, and each address it may not publish.
    A file it includes from the tree, parsed as part of it, is scanned too, at its own lines, as
    the build reports it (a Markdown page of the tree is scanned on its own already). Paths in an
    included file start from the including page's folder (``base_dir``), as in Sphinx and MyST."""
    seen = seen if seen is not None else {path.resolve()}
    base = base_dir or path.parent
    if not _MAY_POINT.search(text):
        return
    text = neutral_front_matter(text) or text  # what the build hands MyST
    requests: list[Request] = []
    settings = {"report_level": 5, "halt_level": 5, "warning_stream": io.StringIO(), "file_insertion_enabled": True,
                "raw_enabled": True, "archive_requests": requests, "myst_enable_extensions": list(extensions),
                # Local links as the plain addresses they are (the build makes them downloads).
                "myst_all_links_external": True,
                "traceback": True, "input_encoding": "utf-8"}
    with _recorders():
        try:
            document = publish_doctree(text, source_path=str(path), parser=MystParser(), settings_overrides=settings)
        except Exception:  # the build reports what docutils cannot parse; check goes on
            return
    for request in requests:
        _request_problem(request, root, base, diagnostics, shown_page)
        if request.parsed and depth < _MAX_INCLUDE_DEPTH:
            _scan_included(request, root, base, diagnostics, tuple(extensions), tuple(image_hosts), depth, seen)
    for finding in findings(document, root, base, tuple(image_hosts)):
        if not finding.repeated:
            # No line: the front matter (MyST's html_meta), said at line 1 as the build says it.
            diagnostics.say(finding.problem, finding.key, shown_page, finding.line or 1, **finding.args)


def _scan_included(request: Request, root: Path, base: Path, diagnostics: Diagnostics, extensions: tuple[str, ...],
                   image_hosts: tuple[str, ...], depth: int, seen: set[Path]) -> None:
    if request.requested.startswith("<") or not readable_inside(root, base, request.requested):
        return
    included = requested_path(root, base, request.requested, rooted=True)
    if included is None or not os.path.isfile(included) or included.suffix == ".md" or included.resolve() in seen:
        return
    seen.add(included.resolve())
    try:
        text = included.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    shown_file = included.resolve().relative_to(root.resolve()).as_posix()
    scan_page(text, included, root, shown_file, diagnostics, extensions, image_hosts, depth=depth + 1, seen=seen,
              base_dir=base)


def scan_pages(srcdir: Path, layout: Layout, diagnostics: Diagnostics, extensions: Iterable[str] = (),
               image_hosts: Iterable[str] = ()) -> None:
    """:func:`scan_page` on every page of the archive but the generated ones."""
    extensions, image_hosts = tuple(extensions), tuple(image_hosts)
    for path, docname in iter_pages(srcdir, layout):
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            continue  # the loader has reported it
        if not text.startswith(GENERATED_MARKER):
            scan_page(text, path, srcdir, f"{docname}.md", diagnostics, extensions, image_hosts)
