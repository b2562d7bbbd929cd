"""Browser tests: Debian's Chromium driven by Playwright (never Playwright's own download), and
built sites served over HTTP as a static host serves them. A plugin of conftest.py."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from clients import require_tool

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).parent.parent / "build" / "screenshots"


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves a folder, and its root 404.html for a missing address, as static hosts do."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file() and self.command in ("GET", "HEAD"):
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:
        pass


Serve = Callable[[Path], str]


@pytest.fixture(scope="session")
def serve() -> Iterator[Serve]:
    """serve(folder) -> its address, http://127.0.0.1:<port>/ (each folder on its own port)."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                 functools.partial(StaticHost, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    chromium = require_tool("chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def screenshot(page: Any, name: str) -> Path:
    """A full-page screenshot in build/screenshots/, to look at (tests do not compare pixels)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def wait_for_search_results(page: Any) -> str:
    """The search page (Pagefind's UI) writes its summary once the results are in: return it."""
    page.wait_for_function("(() => { const m = document.querySelector('.pagefind-ui__message');"
                           " return m && m.textContent.trim() && !m.textContent.startsWith('Recherche de'); })()",
                           timeout=20000)
    page.wait_for_function("document.querySelectorAll('.pagefind-ui__result-link').length > 0"
                           " || /Aucun/.test(document.querySelector('.pagefind-ui__message').textContent)")
    return str(page.locator(".pagefind-ui__message").inner_text())


def wait_for_transitions(page: Any) -> None:
    """Wait until no CSS transition or animation runs: the theme's buttons fade their colours in
    (0.15 s) when the dark mode is set at load, and a colour measured halfway is neither mode's."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
