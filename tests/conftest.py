"""Shared fixtures: sphinx.testing's ``app``/``make_app`` over tests/roots, and site builds."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import hypothesis
import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures", "versions_repo", "browser_support", "readers_site")

# Property tests explore new inputs on every local run; in CI they replay the same examples, so that
# a landing is judged on the code it changes, not on the draw (a failure found locally becomes a
# corpus case: tests/corpus/bad/). The examples themselves are unchanged.
hypothesis.settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    hypothesis.settings.load_profile("ci")

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
REPO = TESTS.parent
DOCS = REPO / "docs"

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def warnings_of(app: SphinxTestApp) -> list[str]:
    """The build's warnings, one per line, without colours."""
    text = _ANSI.sub("", app.warning.getvalue())
    return [line for line in text.splitlines() if ("WARNING" in line or "ERROR" in line)
            # Several apps in one process re-register docutils nodes: a test-harness artefact.
            and "while setting up extension" not in line]


def copy_root(name: str, destination: Path) -> Path:
    """A private copy of tests/roots/test-<name> (or of docs/ for name 'site')."""
    source = DOCS if name == "site" else ROOTS / f"test-{name}"
    target = destination / name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("_build", "people", "organisations", "themes"))
    return target


BuildFn = Callable[..., SphinxTestApp]


@pytest.fixture()
def build(make_app: Callable[..., SphinxTestApp]) -> BuildFn:
    """Build a source folder with the html builder and return the app (its outdir holds the site)."""

    def run(srcdir: Path, **kwargs: object) -> SphinxTestApp:
        app = make_app("html", srcdir=srcdir, **kwargs)
        app.build()
        return app

    return run


@dataclass
class CliBuild:
    returncode: int
    stdout: str
    stderr: str
    outdir: Path

    @property
    def warnings(self) -> list[str]:
        return [line for line in _ANSI.sub("", self.stderr).splitlines() if "WARNING" in line or "ERROR" in line]

    @property
    def written(self) -> set[str]:
        """Documents this build wrote, from its log."""
        return set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", _ANSI.sub("", self.stdout)))


def cli_build(srcdir: Path, *options: str, outdir: Path | None = None) -> CliBuild:
    """Build as archivists do, with sphinx-build in its own process (incremental when outdir exists)."""
    outdir = outdir or srcdir / "_build" / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "--no-color", "-b", "html", *options, str(srcdir), str(outdir)],
        capture_output=True, text=True, check=False, env={**os.environ, "NO_COLOR": "1"},
    )
    return CliBuild(result.returncode, result.stdout, result.stderr, outdir)


def _search_index(path: Path) -> bytes:
    """Sphinx's search index, without the empty term lists an incremental build leaves behind
    for words that left the site (a Sphinx quirk, invisible to readers)."""
    text = path.read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1: text.rindex(")")])
    for key in ("terms", "titleterms"):
        index[key] = {term: docs for term, docs in index[key].items() if docs != []}
    return json.dumps(index, sort_keys=True).encode("utf-8")


def html_files(outdir: Path) -> dict[str, bytes]:
    """Every page and export of a built site, by path (for comparing two builds)."""
    found = {}
    for path in sorted(outdir.rglob("*")):
        if (path.is_file() and path.suffix in (".html", ".json", ".js", ".inv", ".txt", ".bib", ".ris", ".ics", ".atom",
                                               ".xml") and "_static" not in path.parts
                and ".doctrees" not in path.parts  # Sphinx's and our build caches, not the site
                and not pagefind_unstable(name_of(path, outdir))):
            name = path.relative_to(outdir).as_posix()
            found[name] = _search_index(path) if name == "searchindex.js" else path.read_bytes()
    return found


def name_of(path: Path, outdir: Path) -> str:
    return path.relative_to(outdir).as_posix()


def pagefind_unstable(name: str) -> bool:
    """Pagefind 1.5 writes its filter and metadata indexes (and the entry file that names them)
    in an order of its own that changes from run to run on the same pages (upstream issue
    Pagefind/pagefind#638: its fragments and word index are stable, these are not)."""
    return name.startswith("pagefind/") and (name.endswith((".pf_filter", ".pf_meta"))
                                              or name == "pagefind/pagefind-entry.json")
