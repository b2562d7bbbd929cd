"""Sessions: `nox` (lint and tests, what CI runs), `nox -s docs`, `nox -s serve`, `nox -s versions`."""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.sessions = ["lint", "tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"

ROOT = Path(__file__).parent
BUILD = ROOT / "build"
SPHINX_STRICT = ["-n", "-W", "--keep-going"]


@nox.session
def docs(session: nox.Session) -> None:
    """A clean build of the site into build/html, every warning an error."""
    session.install("-e", ".")
    for folder in (BUILD / "html", BUILD / "doctrees"):
        shutil.rmtree(folder, ignore_errors=True)
    session.run("sphinx-build", *SPHINX_STRICT, "-b", "html", "-d", str(BUILD / "doctrees"),
                "docs", str(BUILD / "html"), *session.posargs)
    session.log(f"The site is in {BUILD / 'html'}; open {BUILD / 'html' / 'index.html'} or run `nox -s serve`.")


@nox.session
def versions(session: nox.Session) -> None:
    """Every release in docs/releases.yaml, and the current checkout as "main", side by side in
    build/versions (with switcher.json, latest/ and the root index). Needs git and the history."""
    session.install("-e", ".")
    session.run("archive", "versions", "--out", str(BUILD / "versions"), *session.posargs)
    session.log(f"Serve it to try the version switcher: python -m http.server -d {BUILD / 'versions'} 8000")


@nox.session
def tests(session: nox.Session) -> None:
    """Every test: unit, sphinx.testing roots, the real site."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """The build benchmark at small sizes (a few minutes); `nox -s bench -- --all` for N up to 2,000.
    Results in build/bench/ (results.csv, results.md, seconds-per-page.png)."""
    session.install("-e", ".[bench]")
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff and mypy over the extension and the tests."""
    session.install("-e", ".[dev]")
    session.run("ruff", "check", "ext", "tests", "benchmarks", "noxfile.py")
    session.run("mypy")


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000, rebuilt on every save."""
    session.install("-e", ".[dev]")
    session.run("sphinx-autobuild", "-n", "--keep-going", "docs", str(BUILD / "html-live"),
                "--host", "127.0.0.1", "--port", "8000",
                # Generated pages are written only when they change; ignoring them avoids loops.
                "--ignore", "*/people/*", "--ignore", "*/organisations/*", "--ignore", "*/themes/*",
                *session.posargs)
