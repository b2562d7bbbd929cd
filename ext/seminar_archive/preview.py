"""``python -m seminar_archive.preview [FOLDER] --base-url URL --port N``: serve a versions or
publish folder on loopback at its site's path (``/ia/`` for ``https://host/ia/``), as a static
host serves it, with the archive's 404 page; prints the address it really serves. For trying
the version switcher, which reads addresses from the site's root path."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .address import from_environment


class SiteHandler(SimpleHTTPRequestHandler):
    """The folder at ``root_path``; anything else, and any missing file, gets the archive's 404 page."""

    root_path = "/"

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.root_path):
            return str(Path(self.directory) / ".no-such-file")
        return super().translate_path("/" + path[len(self.root_path):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a preview is for looking at."""


# The content types a host must give the archive's files (docs/publishing.md says the same).
SiteHandler.extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".bib": "text/x-bibtex; charset=utf-8",
                              ".ris": "application/x-research-info-systems", ".ics": "text/calendar; charset=utf-8",
                              ".atom": "application/atom+xml", ".json": "application/json"}


def server(folder: Path, root_path: str, port: int = 0) -> ThreadingHTTPServer:
    handler = type("Handler", (SiteHandler,), {"root_path": root_path if root_path.endswith("/") else root_path + "/"})
    return ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(folder)))


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(prog="python -m seminar_archive.preview", description=__doc__)
    options.add_argument("folder", nargs="?", default="build/versions")
    options.add_argument("--base-url", default=None, help="the address it was built for (ARCHIVE_BASE_URL)")
    options.add_argument("--port", type=int, default=0, help="0: a free port")
    args = options.parse_args(argv)
    folder = Path(args.folder)
    if not (folder / "index.html").is_file():
        sys.stderr.write(f"{folder}: no index.html; build it first (nox -s versions or nox -s publish)\n")
        return 2
    base = args.base_url or from_environment("", os.environ)
    if not base and (folder / "switcher.json").is_file():  # its addresses say where the folder was built for
        entries = json.loads((folder / "switcher.json").read_text(encoding="utf-8"))
        base = str(entries[0]["url"]).rstrip("/").rsplit("/", 1)[0] + "/" if entries else "/"
    root_path = urlsplit(base).path or "/"
    httpd = server(folder, root_path, args.port)
    sys.stdout.write(f"Serving {folder} at http://127.0.0.1:{httpd.server_address[1]}{root_path} (Ctrl-C to stop)\n")
    sys.stdout.flush()
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how a preview ends
        httpd.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
