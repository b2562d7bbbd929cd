"""Shared fixtures: sphinx.testing's ``app``/``make_app`` over tests/roots, and site builds."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

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
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


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


def html_files(outdir: Path) -> dict[str, bytes]:
    """Every page and export of a built site, by path (for comparing two builds)."""
    found = {}
    for path in sorted(outdir.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".inv", ".txt") and "_static" not in path.parts:
            found[path.relative_to(outdir).as_posix()] = path.read_bytes()
    return found
