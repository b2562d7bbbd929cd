"""The site's search: Pagefind, run on the built HTML at the end of the build.

Sphinx's search lists an item once per page and again per domain object (to anchors that do not
exist), cuts its excerpts from the theme's chrome, and has no filters. Pagefind (PyPI ``pagefind``
with ``pagefind-bin``, pinned in pyproject.toml) indexes only what a page marks as its body, ranks
by weighted fields, stems French, folds diacritics, and filters with counts. Each page's body is
wrapped here in ``data-pagefind-body``; the archive's own pages add, from the model, their filters
(type, année, thème, personne) and a weighted line of what readers type for them: the title, names,
acronyms and the date as « octobre 2021 », « 2021-10 » and « 2021 ». The search page
(``templates/search.html``) loads Pagefind's UI, and nothing else loads it.
"""

from __future__ import annotations

import html
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from .. import pageplan
from ..diagnostics import Problem
from ..messages import MessageKey
from ..model import Event, Organisation, Person, PressRelease, Session
from ..pageplan import PageKind
from ..textfr import MONTHS, date_fr
from .citestyles import STYLE_BOX
from .config import settings_of
from .configcheck import _lines as config_lines
from .domain import build_state
from .emit import warn

if TYPE_CHECKING:
    import datetime as dt

    from sphinx.application import Sphinx

    from ..archive import Archive
    from ..pageplan import PlannedPage

logger = logging.getLogger(__name__)

# Filter names and values as the search page shows them (French: the site's language).
TYPE, YEAR, THEME, PERSON = "type", "année", "thème", "personne"
TYPE_NAMES = {PageKind.SESSION: "séance", PageKind.PRESS: "communiqué", PageKind.EVENT: "événement",
              PageKind.SERIES: "série", PageKind.PERSON: "personne", PageKind.ORGANISATION: "organisation",
              PageKind.THEME: "thème"}
# Pagefind's highest weight: what a reader types for an item outranks words met in its text.
TERMS_WEIGHT = 10
# The pages of one item (a session, a person, a theme…) rank before the pages that list items (a
# year, an A–Z letter), and those before the pages that speak of the archive (the guides, the
# changelog), whose text names sessions and types in every paragraph: their words count for less.
ITEM_KINDS = frozenset(TYPE_NAMES)
LISTING_WEIGHT = 0.5
OTHER_PAGES_WEIGHT = 0.3
# Begins the terms line, a word of its own: archive-search.js finds where the page's text ends.
TERMS_MARKER = "⁂"
# Pagefind writes its index and UI here, inside the site (the search page loads them from it).
OUTPUT_SUBDIR = "pagefind"
# Left out of the index: code blocks (the citation downloads, YAML examples), which readers do not
# search and which filled excerpts with CSL-JSON, the "#" of each heading's link, and the
# reference in the official styles (three more copies of the item's names and dates, which
# outweighed a session's own page for its date: "juin 2020" put the series first).
EXCLUDED = f"div.highlight, a.headerlink, div.{STYLE_BOX}"
# A build must not hang on the indexer: the real site takes a few seconds.
TIMEOUT_SECONDS = 600


def _date_terms(day: dt.date) -> list[str]:
    return [date_fr(day), f"{MONTHS[day.month - 1]} {day.year}", f"{day.year}-{day.month:02d}", day.isoformat(),
            str(day.year)]


def _names(archive: Archive, person_ids: list[str]) -> list[str]:
    return [archive.people[p].display_name for p in dict.fromkeys(person_ids) if p in archive.people]


def describe(archive: Archive, page: PlannedPage) -> tuple[list[tuple[str, str]], list[str]]:
    """(filters as (name, value), terms) for one of the archive's pages, from the model alone."""
    filters: list[tuple[str, str]] = []
    terms: list[str] = []
    kind = TYPE_NAMES.get(page.kind)
    if kind:
        filters.append((TYPE, kind))
        terms.append(kind)
    item = archive.items_by_id.get(page.key) if page.kind in pageplan.ITEM_KINDS else None
    if item is not None:
        terms.append(item.title)
        dated = item if isinstance(item, Session | Event | PressRelease) else None
        if dated is not None:
            filters.append((YEAR, str(dated.date.year)))
            terms += _date_terms(dated.date)
        filters += [(THEME, theme) for theme in item.themes]
        if dated is not None:
            people = _names(archive, [a.person for a in dated.appearances])
            filters += [(PERSON, name) for name in people]
            terms += people
        if isinstance(item, Session):
            terms.append(f"Séance {item.number}")
    if page.kind == PageKind.PERSON and page.key in archive.people:
        person: Person = archive.people[page.key]
        filters.append((PERSON, person.display_name))
        terms += [person.display_name, *person.variants]
    if page.kind == PageKind.ORGANISATION and page.key in archive.organisations:
        org: Organisation = archive.organisations[page.key]
        terms += [t for t in (org.name, org.acronym, org.full_name, *org.variants) if t]
    if page.kind == PageKind.THEME and page.key:
        filters.append((THEME, page.key))
        terms.append(page.key)
    return filters, list(dict.fromkeys(terms))


def _attribute(text: str) -> str:
    # Pagefind splits "name:value" at the first colon and a list of them at commas.
    return html.escape(text.replace(",", " ").strip(), quote=True)


def marked_body(body: str, filters: list[tuple[str, str]], terms: list[str], weight: float = 1.0) -> str:
    """The page's body inside Pagefind's marks; every text from a page is escaped."""
    marks = "".join(f'<span data-pagefind-filter="{_attribute(name)}:{_attribute(value)}"></span>'
                    for name, value in filters)
    if terms:
        # Read by the indexer only: hidden from every reader. Last, after the marker, so that the
        # search page cuts excerpts from the page's own text before it (archive-search.js).
        marks += (f'<p hidden class="archive-search-terms" data-pagefind-weight="{TERMS_WEIGHT}">'
                  f'{TERMS_MARKER} {html.escape(" · ".join(terms))}</p>')
    weighted = f' data-pagefind-weight="{weight:g}"' if weight != 1.0 else ""
    return f'<div data-pagefind-body{weighted}>{body}{marks}</div>'


# A person's, an organisation's or a theme's page is found by its name (the terms line, at
# TERMS_WEIGHT); its text is mostly the titles of the sessions it lists, which must not outrank
# those sessions' own pages ("Séance 3" found a speaker's page before the session's).
ENTITY_KINDS = frozenset({PageKind.PERSON, PageKind.ORGANISATION, PageKind.THEME})


def _page_weight(page: PlannedPage | None) -> float:
    if page is None:  # a page written by hand: a guide, the changelog
        return OTHER_PAGES_WEIGHT
    if page.kind in ENTITY_KINDS:
        return LISTING_WEIGHT
    return 1.0 if page.kind in ITEM_KINDS else LISTING_WEIGHT


def _mark_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object) -> None:
    body = context.get("body")
    if doctree is None or not isinstance(body, str) or not settings_of(app).search_index:
        return  # pages Sphinx makes (search, genindex) are not searched
    state = build_state(app.env)
    page = state.pages.get(pagename) if state is not None else None
    filters, terms = describe(state.archive, page) if state is not None and page is not None else ([], [])
    weight = _page_weight(page)
    context["body"] = marked_body(body, filters, terms, weight)


def _warn(app: Sphinx, key: MessageKey, **args: object) -> None:
    conf = Path(app.confdir) / "conf.py"
    # At the line that names the program when conf.py does, else at its top.
    line = config_lines(conf).get("archive_pagefind", 1) if conf.is_file() else 1
    warn(app, Problem.SEARCH_INDEX, key, args, f"{conf}:{line}")


def _program(app: Sphinx) -> str:
    configured = settings_of(app).pagefind
    if configured:
        return configured
    import pagefind_bin  # type: ignore[import-untyped]  # no type hints; installed with the project

    return str(pagefind_bin.get_executable())


def index_site(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html" or not settings_of(app).search_index:
        return
    try:
        program = _program(app)
        done = subprocess.run([program, "--site", str(app.outdir), "--output-subdir", OUTPUT_SUBDIR,
                               "--force-language", "fr", "--exclude-selectors", EXCLUDED, "--quiet"],
                              capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except (ImportError, OSError, subprocess.TimeoutExpired) as error:
        _warn(app, "search-index-no-program", error=str(error) or type(error).__name__)
        return
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()
        _warn(app, "search-index-failed", code=done.returncode, error=last[-1] if last else "")
        return
    logger.verbose("[archive] search index written by Pagefind in %s", Path(app.outdir) / OUTPUT_SUBDIR)


def setup_site_search(app: Sphinx) -> None:
    # archive_search_index and archive_pagefind: settings.py.
    # Before the light pages' handler (960), which reads the body as the page will show it.
    app.connect("html-page-context", _mark_page, priority=600)
    app.connect("build-finished", index_site)
