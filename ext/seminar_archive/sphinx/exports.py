"""Files written beside the HTML at the end of a build: open data, schemas, original sources."""

from __future__ import annotations

import hashlib
import html
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from .. import schema
from ..containment import inside, is_active_file
from ..export_json import archive_document
from ..feeds import atom_feed, calendar_events, calendar_ics, feed_entries
from ..outputs import MadeFrom, write_if_changed
from ..readcache import code_digest
from .config import published_base
from .domain import build_state

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .state import BuildState

CALENDAR_FILE = "series.ics"
FEED_FILE = "additions.atom"
# In the doctrees directory, beside Sphinx's pickles: what the data files were last made from.
EXPORTS_DIGEST_FILE = "seminar_archive-exports.json"
# Schemas for editors, one per kind of file an archivist writes (see docs/contributing.md).
EDITOR_SCHEMAS = schema.EDITOR_SCHEMAS


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _digest(*inputs: object) -> str:
    return hashlib.sha256(repr((code_digest(), *inputs)).encode("utf-8")).hexdigest()


def _archive_inputs(app: Sphinx, state: BuildState) -> tuple[object, ...]:
    """What the open data is made from. Every record is rendered by some page, so the pages'
    fingerprints (which also hold the site's address, the version and the pages' dates) cover the
    archive; the rest is the build's settings."""
    return (app.builder.name, state.url_for("index"), str(app.config.release or ""), state.config.data_dir,
            sorted(state.fingerprints.items()))


def write_exports(app: Sphinx, state: BuildState) -> None:
    outdir = Path(app.outdir)
    data_dir = outdir / state.config.data_dir
    # Subscribers keep these addresses: a versioned build gives the latest version's.
    permanent = state.latest_url_for or state.url_for
    site = published_base(app.config) or "https://archive.invalid/"
    feed_url = permanent("index").removesuffix("index.html") + f"{state.config.data_dir}/{FEED_FILE}"
    # Each data file is made again only when what it is made from changed (the calendar took two
    # seconds at 1,000 sessions, and an affiliation is not in it). Each is made from exactly the
    # values digested: the calendar's events, the feed's entries, the open data's records.
    events = calendar_events(state.archive, permanent, site, state.page_dates)
    entries = feed_entries(state.archive, permanent, state.page_dates)
    files: list[tuple[str, str, Callable[[], bytes]]] = [
        ("archive.json", _digest(str(outdir), *_archive_inputs(app, state)),
         lambda: _dump(archive_document(state.archive, lambda docname: app.builder.get_target_uri(docname),
                                        version=str(app.config.release or ""))).encode("utf-8")),
        (CALENDAR_FILE, _digest(str(outdir), events), lambda: calendar_ics(events)),
        (FEED_FILE, _digest(str(outdir), feed_url, permanent("index"), entries),
         lambda: atom_feed(entries, feed_url, permanent("index"))),
    ]
    made_from = MadeFrom.load(Path(app.doctreedir) / EXPORTS_DIGEST_FILE)
    made = []
    for name, digest, make in files:
        if made_from.stale(name, digest, data_dir / name):
            write_if_changed(data_dir / name, make())
            made.append(name)
    if made:
        logger.verbose("[archive] data files made: %s", ", ".join(made))
    else:
        logger.verbose("[archive] data files kept: nothing they are made from changed")
    made_from.save()
    # The published schema names its own address (the package's copy names a placeholder).
    published_schema = dict(schema.schema("archive.schema.json"))
    base = published_base(app.config)
    if base:
        published_schema["$id"] = f"{base}{state.config.data_dir}/archive.schema.json"
    else:
        published_schema.pop("$id", None)
    write_if_changed(data_dir / "archive.schema.json", _dump(published_schema))
    for name, text in schema.editor_schema_texts().items():
        write_if_changed(outdir / "_static" / "schemas" / name, text)
    sources = Path(app.srcdir) / state.config.sources_dir
    if sources.is_dir():
        target = outdir / state.config.sources_dir
        target.mkdir(parents=True, exist_ok=True)
        for file in sorted(sources.iterdir()):
            # No symlink out of the tree, nothing a browser would run as a page of the site.
            if file.is_file() and file.suffix != ".md" and inside(sources, file) and not is_active_file(file):
                shutil.copyfile(file, target / file.name)


def feed_links(state: BuildState, pathto: Callable[[str, int], str]) -> str:
    """<head> links to the feed and the calendar, for readers' feed and calendar apps."""
    feed = html.escape(pathto(f"{state.config.data_dir}/{FEED_FILE}", 1), quote=True)
    calendar = html.escape(pathto(f"{state.config.data_dir}/{CALENDAR_FILE}", 1), quote=True)
    return (f'<link rel="alternate" type="application/atom+xml" title="Archive du séminaire IA et santé : ajouts" '
            f'href="{feed}" />\n'
            f'<link rel="alternate" type="text/calendar" title="Séances du séminaire (iCalendar)" '
            f'href="{calendar}" />\n')


def _add_feed_links(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: object) -> None:
    state = build_state(app.env)
    if state is not None and callable(context.get("pathto")):
        context["metatags"] = context.get("metatags", "") + feed_links(state, context["pathto"])


def setup_feed_links(app: Sphinx) -> None:
    app.connect("html-page-context", _add_feed_links, priority=900)
