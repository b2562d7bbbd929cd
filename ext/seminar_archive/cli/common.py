"""What every command shares: the exit codes, output, refusals, and the context read from the
site's conf.py (the folders, the language, what is suppressed)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..bodyrefs import DEFAULT_MYST_EXTENSIONS
from ..loader import Layout
from ..messages import COMMAND_TEXTS, CommandKey, did_you_mean
from ..settings import build as settings_from
from ..settings import read_conf

USAGE_ERROR = 2
PROBLEMS = 1
SCHEMA_LINE = "# yaml-language-server: $schema=../_static/schemas/{name}"
SCHEMA_DIR = "_static/schemas"


def out(text: str) -> None:
    """The command's results, on standard output."""
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    """Summaries and refusals, on standard error."""
    sys.stderr.write(text + "\n")


class UsageError(Exception):
    """Bad command-line input: reported in one line, exit code 2."""


class Refused(Exception):
    """``new`` will not write (the file or id exists, an id is unknown): exit code 1."""


@dataclass(frozen=True)
class Context:
    lang: str
    docs: Path
    layout: Layout = field(default_factory=Layout)
    report_unused: bool = True
    suppressed: frozenset[str] = frozenset()
    myst_extensions: tuple[str, ...] = DEFAULT_MYST_EXTENSIONS
    bibfiles: tuple[str, ...] = ()  # bibtex_bibfiles, when sphinxcontrib.bibtex is on

    def t(self, key: CommandKey, **args: object) -> str:
        french, english = COMMAND_TEXTS[key]
        return (french if self.lang == "fr" else english).format(**args)

    def hint(self, suggestion: str) -> str:
        return did_you_mean(suggestion, self.lang)

    def shown(self, path: Path) -> str:
        """A path as the archivist typed it: relative to the current folder when inside it."""
        try:
            return os.path.relpath(path, Path.cwd()) if path.is_relative_to(Path.cwd()) else str(path)
        except ValueError:  # pragma: no cover - another drive on Windows
            return str(path)


# --- finding the archive -------------------------------------------------------------------

def find_docs(start: Path) -> Path | None:
    """The site's source folder: ``start`` or a parent holding conf.py, or their docs/ folder."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / "docs" / "conf.py").is_file():
            return folder / "docs"
        if (folder / "conf.py").is_file():
            return folder
    return None


def _docs_for(args: argparse.Namespace, paths: Sequence[str] = ()) -> Path:
    if args.docs:
        docs = Path(args.docs)
        if not docs.is_dir():
            raise UsageError(COMMAND_TEXTS["not-a-folder"][0 if args.lang == "fr" else 1].format(path=args.docs))
        return docs.resolve()
    starts = [Path(p) if Path(p).is_dir() else Path(p).parent for p in paths] or [Path.cwd()]
    found = find_docs(starts[0]) if starts[0].exists() else None
    found = found or find_docs(Path.cwd())
    if found is None:
        raise UsageError(COMMAND_TEXTS["no-docs"][0 if args.lang == "fr" else 1])
    return found


def context(lang: str, docs: Path) -> Context:
    """What the site's conf.py says that matters to the checks: folders, unused entries, suppressed kinds."""
    conf = read_conf(docs)
    settings = settings_from(conf)[0]  # the build's own reading of the archive_* values
    suppress = conf.get("suppress_warnings", [])
    suppressed = frozenset(str(s) for s in suppress) if isinstance(suppress, list | tuple) else frozenset()
    extensions = conf.get("myst_enable_extensions", ())  # MyST's own default: none
    myst_extensions = tuple(str(e) for e in extensions) if isinstance(extensions, list | tuple | set) else ()
    bibfiles = conf.get("bibtex_bibfiles", ())
    with_bibtex = "sphinxcontrib.bibtex" in (conf.get("extensions") or ())  # type: ignore[operator]
    return Context(lang, docs, settings.layout, settings.report_unused, suppressed,
                   myst_extensions, tuple(str(b) for b in bibfiles) if with_bibtex and isinstance(
                       bibfiles, list | tuple) else ())
