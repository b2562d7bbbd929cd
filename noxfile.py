"""Sessions: `nox` (lint and tests, what CI runs), `nox -s docs`, `nox -s serve`, `nox -s versions`,
`nox -s publish`, `nox -s preview`, `nox -s check`."""

from __future__ import annotations

import shutil
import socket
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
    session.log("Try the version switcher: nox -s preview -- build/versions")


@nox.session
def tests(session: nox.Session) -> None:
    """Every test: unit, sphinx.testing roots, the real site."""
    session.install("-e", ".[test,dev]")  # dev: mypy, which test_messages runs on a misspelt key
    session.run("pytest", *session.posargs)


@nox.session
def captures(session: nox.Session) -> None:
    """The screenshots of docs/captures.md, taken again from the current site in Chromium
    (tests/test_captures_browser.py), then copied into docs/captures/ to be committed."""
    session.install("-e", ".[test]")
    shutil.rmtree(BUILD / "screenshots" / "captures", ignore_errors=True)
    session.run("pytest", "-q", "tests/test_captures_browser.py", "-k", "not docs_page", "-p", "no:cacheprovider")
    target = ROOT / "docs" / "captures"
    target.mkdir(exist_ok=True)
    for old in target.glob("*.png"):
        old.unlink()
    for shot in sorted((BUILD / "screenshots" / "captures").glob("*.png")):
        shutil.copy2(shot, target / shot.name)
    session.log(f"Captures copied into {target}; look at them, then commit them.")


@nox.session
def bench(session: nox.Session) -> None:
    """The build benchmark at small sizes (a few minutes); `nox -s bench -- --all` for N up to 2,000.
    Results in build/bench/ (results.csv, results.md, seconds-per-page.png)."""
    session.install("-e", ".[bench]")
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff and mypy over the extension and the tests."""
    session.install("-e", ".[dev,test]")  # mypy reads the tests' libraries too
    session.run("ruff", "check", "ext", "tests", "benchmarks", "noxfile.py")
    session.run("mypy")


def _port(session: nox.Session) -> tuple[int, list[str]]:
    """``--port N`` from the session's arguments, else a port free now; and the other arguments."""
    args = list(session.posargs)
    if "--port" in args:
        at = args.index("--port")
        port = int(args[at + 1])
        return port, args[:at] + args[at + 2:]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1]), args


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview on a free port (or `-- --port N`), rebuilt on every save; prints its address."""
    session.install("-e", ".[dev]")
    port, args = _port(session)
    session.log(f"The preview will be at http://127.0.0.1:{port}/ once the first build is done (about 10 s)")
    session.run("sphinx-autobuild", "-n", "--keep-going", "docs", str(BUILD / "html-live"),
                "--host", "127.0.0.1", "--port", str(port),
                # Generated pages are written only when they change; ignoring them avoids loops.
                "--ignore", "*/people/*", "--ignore", "*/organisations/*", "--ignore", "*/themes/*",
                *args)


@nox.session
def publish(session: nox.Session) -> None:
    """Every release and main in build/publish, at the address given (`-- --base-url https://…`, or
    ARCHIVE_BASE_URL), ready for a static host, then checked: links, anchors, addresses."""
    session.install("-e", ".[publish]")
    session.run("archive", "publish", "--out", str(BUILD / "publish"), *session.posargs)
    session.log("Try it: nox -s preview -- build/publish --base-url <the same address>")


@nox.session
def preview(session: nox.Session) -> None:
    """Serve build/versions or build/publish (`-- FOLDER`) at its site's path on a free port (or
    `--port N`), as a static host would, to try the version switcher; prints its address."""
    session.install("-e", ".")
    port, args = _port(session)
    session.run("python", "-m", "seminar_archive.preview", "--port", str(port), *args)


@nox.session
def check(session: nox.Session) -> None:
    """`archive check` without installing anything yourself: `nox -s check -- docs/sessions --lang en`."""
    session.install("-e", ".")
    session.run("archive", "check", *session.posargs)
