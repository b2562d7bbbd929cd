"""Files written beside the HTML at the end of a build: open data, schemas, original sources."""

from __future__ import annotations

import hashlib
import html
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from .. import schema
from ..export_json import archive_document
from ..feeds import atom_feed, calendar_ics
from ..readcache import code_digest
from .config import ArchiveConfig

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .state import BuildState

CALENDAR_FILE = "series.ics"
FEED_FILE = "additions.atom"
# In the doctrees directory, beside Sphinx's pickles: what the data files were last made from.
EXPORTS_DIGEST_FILE = "seminar_archive-exports.digest"
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


def _inputs_digest(app: Sphinx, state: BuildState, site: str, permanent: Callable[[str], str]) -> str:
    """A digest of everything the data files are made from. Every record is rendered by some page,
    so the pages' fingerprints (which also hold the site's address, the version and the pages'
    dates) cover the archive; the rest is the build's settings and where it writes."""
    inputs = (code_digest(), str(app.outdir), app.builder.name, site, permanent("index"), state.url_for("index"),
              str(app.config.release or ""), state.config.data_dir, sorted(state.fingerprints.items()))
    return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


def write_exports(app: Sphinx, state: BuildState) -> None:
    outdir = Path(app.outdir)
    data_dir = outdir / state.config.data_dir
    # Subscribers keep these addresses: a versioned build gives the latest version's.
    permanent = state.latest_url_for or state.url_for
    site = ArchiveConfig.base_url(app.config) or "https://archive.invalid/"
    # Making the calendar, the feed and the open data took a second at 1,000 sessions: a rebuild
    # whose records did not change keeps the files it wrote last time.
    digest_file = Path(app.doctreedir) / EXPORTS_DIGEST_FILE
    digest = _inputs_digest(app, state, site, permanent)
    made = [data_dir / "archive.json", data_dir / CALENDAR_FILE, data_dir / FEED_FILE]
    unchanged = (digest_file.is_file() and digest_file.read_text(encoding="utf-8") == digest
                 and all(path.is_file() for path in made))
    if unchanged:
        logger.verbose("[archive] data files kept: nothing they are made from changed")
    else:
        logger.verbose("[archive] data files made")
        document = archive_document(state.archive, lambda docname: app.builder.get_target_uri(docname),
                                    version=str(app.config.release or ""))
        _write_if_changed(data_dir / "archive.json", _dump(document))
        _write_bytes_if_changed(data_dir / CALENDAR_FILE, calendar_ics(state.archive, permanent, site))
        feed_url = permanent("index").removesuffix("index.html") + f"{state.config.data_dir}/{FEED_FILE}"
        _write_bytes_if_changed(data_dir / FEED_FILE, atom_feed(state.archive, permanent, feed_url,
                                                                permanent("index"), state.page_dates))
        _write_if_changed(digest_file, digest)
    _write_if_changed(data_dir / "archive.schema.json", _dump(schema.schema("archive.schema.json")))
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
