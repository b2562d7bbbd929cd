"""Files written beside the HTML at the end of a build: open data, schemas, original sources."""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import schema
from ..export_json import archive_document
from ..feeds import atom_feed, calendar_ics
from .config import ArchiveConfig

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .state import BuildState

CALENDAR_FILE = "series.ics"
FEED_FILE = "additions.atom"
# Schemas for editors, one per kind of file an archivist writes (see docs/contributing.md).
EDITOR_SCHEMAS = schema.EDITOR_SCHEMAS


def _write_if_changed(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_bytes_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def write_exports(app: Sphinx, state: BuildState) -> None:
    outdir = Path(app.outdir)
    data_dir = outdir / state.config.data_dir
    document = archive_document(state.archive, lambda docname: app.builder.get_target_uri(docname),
                                version=str(app.config.release or ""))
    _write_if_changed(data_dir / "archive.json", _dump(document))
    _write_if_changed(data_dir / "archive.schema.json", _dump(schema.schema("archive.schema.json")))
    # Subscribers keep these addresses: a versioned build gives the latest version's.
    permanent = state.latest_url_for or state.url_for
    site = ArchiveConfig.base_url(app.config) or "https://archive.invalid/"
    _write_bytes_if_changed(data_dir / CALENDAR_FILE, calendar_ics(state.archive, permanent, site))
    feed_url = permanent("index").removesuffix("index.html") + f"{state.config.data_dir}/{FEED_FILE}"
    _write_bytes_if_changed(data_dir / FEED_FILE, atom_feed(state.archive, permanent, feed_url, permanent("index"),
                                                            state.page_dates))
    for name, text in schema.editor_schema_texts().items():
        _write_if_changed(outdir / "_static" / "schemas" / name, text)
    sources = Path(app.srcdir) / state.config.sources_dir
    if sources.is_dir():
        target = outdir / state.config.sources_dir
        target.mkdir(parents=True, exist_ok=True)
        for file in sorted(sources.iterdir()):
            if file.is_file() and file.suffix != ".md":
                shutil.copyfile(file, target / file.name)


def feed_links(state: BuildState, pathto: Callable[[str, int], str]) -> str:
    """<head> links to the feed and the calendar, for readers' feed and calendar apps."""
    feed = html.escape(pathto(f"{state.config.data_dir}/{FEED_FILE}", 1), quote=True)
    calendar = html.escape(pathto(f"{state.config.data_dir}/{CALENDAR_FILE}", 1), quote=True)
    return (f'<link rel="alternate" type="application/atom+xml" title="Archive du séminaire IA et santé : ajouts" '
            f'href="{feed}" />\n'
            f'<link rel="alternate" type="text/calendar" title="Séances du séminaire (iCalendar)" '
            f'href="{calendar}" />\n')
