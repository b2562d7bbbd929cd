"""Which pages the archive generates, of which kind, where, and what each one lists below it.

No Sphinx here: a plan is data. The Sphinx layer writes a small source file per planned page
(its navigation), and renders the page's body from the model when Sphinx reads it
(sphinx/pages/). What each page depends on, and its fingerprint, are in pagedeps.py.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from . import docnames
from .archive import Archive
from .collation import index_letter, organisation_key, organisation_name_for_sorting, person_key, sort_key
from .model import Organisation, theme_key


class PageKind(StrEnum):
    """Every kind of page the plan holds: an archivist's page has its item's kind (the model's
    ``Item.kind``), the pages the extension generates have theirs. The plan, the page transform,
    the search filters and the page head all name kinds through this one enum."""

    SESSION = "session"
    PRESS = "press"
    EVENT = "event"
    SERIES = "series"
    PEOPLE_INDEX = "people-index"
    PEOPLE_LETTER = "people-letter"
    PERSON = "person"
    ORGS_INDEX = "org-index"
    ORGS_LETTER = "org-letter"
    ORGANISATION = "org"
    THEMES = "themes"
    THEME = "theme"  # a theme's own page; its key is the theme as most pages spell it
    CHRONOLOGY = "chronology"
    YEAR = "year"
    DECADE = "decade"
    PRESS_INDEX = "press-index"
    UNUSABLE = "unusable"  # an archivist's page whose front matter could not be read


ITEM_KINDS = frozenset({PageKind.SESSION, PageKind.PRESS, PageKind.EVENT, PageKind.SERIES})
"""The archivists' pages: one per item, rendered into (not generated)."""
CITABLE_KINDS = (PageKind.SESSION, PageKind.PRESS, PageKind.SERIES)
"""The items with a citation (BibTeX, RIS, CSL-JSON and the styled references)."""


# The most entries a letter of an A–Z index lists in the navigation before it is split by
# two-letter prefix (Da, De, Du …): keeps each page's sidebar, hence its cost, bounded.
DEFAULT_GROUP_LIMIT = 40


@dataclass(frozen=True)
class PlannedPage:
    """A page the extension renders. ``key`` is the id (person, letter, year) it is about."""

    docname: str
    kind: PageKind
    key: str = ""
    children: tuple[str, ...] = ()  # docnames for its (hidden) toctree: the navigation below it
    generated: bool = True  # False for archivists' pages, which we only render into


def decade_docname(decade: int) -> str:
    """The page of a decade's sessions, when the years are many: 2010 -> 'sessions/annees-2010'."""
    return f"sessions/annees-{decade}"


def theme_slug(theme: str) -> str:
    """An anchor for a theme: 'données de santé' -> 'donnees-de-sante' (model.theme_key)."""
    return theme_key(theme)


def theme_docname(theme: str) -> str:
    """A theme's page: 'données de santé' -> 'themes/donnees-de-sante' (never the index's name)."""
    slug = theme_slug(theme)
    return f"themes/{'theme-index' if slug == 'index' else slug}"


def plan(archive: Archive, group_limit: int = DEFAULT_GROUP_LIMIT) -> dict[str, PlannedPage]:
    """Every page the extension renders, by docname."""
    pages: dict[str, PlannedPage] = {}

    def add(page: PlannedPage) -> None:
        pages[page.docname] = page

    for item in archive.items():
        add(PlannedPage(item.docname, PageKind(item.kind), item.id, generated=False))
    for docname in archive.unusable_pages:
        add(PlannedPage(docname, PageKind.UNUSABLE, docname, generated=False))

    by_year: dict[int, list[str]] = defaultdict(list)
    for session in archive.sessions_in_order():
        by_year[session.date.year].append(session.docname)
    for year, of_year in by_year.items():
        add(PlannedPage(f"sessions/{year}", PageKind.YEAR, str(year), tuple("/" + d for d in of_year)))
    # Pages too broken to use are still built (with a notice) and kept in the navigation.
    broken = sorted(archive.unusable_pages)
    broken_sessions = tuple("/" + d for d in broken if d.startswith("sessions/"))
    years = sorted(by_year)
    decades: dict[int, list[int]] = defaultdict(list)
    for year in years:
        decades[year - year % 10].append(year)
    if len(years) <= group_limit or len(decades) == 1:
        under_chronology = tuple(str(y) for y in years)
    else:  # like a large letter of an A–Z index: the years go under their decade
        for decade, its_years in decades.items():
            add(PlannedPage(decade_docname(decade), PageKind.DECADE, str(decade), tuple(str(y) for y in its_years)))
        under_chronology = tuple(decade_docname(d).removeprefix("sessions/") for d in sorted(decades))
    add(PlannedPage("sessions/index", PageKind.CHRONOLOGY, children=(*under_chronology, *broken_sessions)))

    press_children = [*("/" + p.docname for p in archive.press_in_order()),
                      *("/" + e.docname for e in sorted(archive.events.values(), key=lambda e: (e.date, e.id))),
                      *("/" + d for d in broken if not d.startswith("sessions/") and "/" in d)]
    add(PlannedPage("press/index", PageKind.PRESS_INDEX, children=tuple(press_children)))

    people = sorted(archive.people.values(), key=person_key)
    for person in people:
        add(PlannedPage(docnames.person(person.id), PageKind.PERSON, person.id))
    for page in _alphabetical(docnames.PEOPLE, [(p.id, p.family) for p in people], PageKind.PEOPLE_INDEX,
                              PageKind.PEOPLE_LETTER, group_limit):
        add(page)
    orgs = sorted(archive.organisations.values(), key=organisation_key)
    for org in orgs:
        add(PlannedPage(docnames.organisation(org.id), PageKind.ORGANISATION, org.id))
    for page in _alphabetical(docnames.ORGANISATIONS, [(o.id, organisation_name_for_sorting(o)) for o in orgs],
                              PageKind.ORGS_INDEX, PageKind.ORGS_LETTER, group_limit):
        add(page)

    themes = sorted(archive.items_by_theme(), key=sort_key)
    for theme in themes:
        add(PlannedPage(theme_docname(theme), PageKind.THEME, theme))
    add(PlannedPage("themes/index", PageKind.THEMES, children=tuple("/" + theme_docname(t) for t in themes)))
    return pages


def descendants(archive: Archive, org_id: str) -> list[Organisation]:
    """The entities under an organisation, at any depth, each once, nearest first (a registry
    whose ``parent`` links make a loop ends there)."""
    found: list[Organisation] = []
    seen = {org_id}
    queue = [org_id]
    while queue:
        for child in archive.children_of(queue.pop(0)):
            if child.id not in seen:
                seen.add(child.id)
                found.append(child)
                queue.append(child.id)
    return found


@lru_cache(maxsize=1 << 16)
def index_group(name: str) -> tuple[str, str]:
    """(letter, two-letter prefix) a name files under: 'Dubois' -> ('D', 'Du'), 'Éluard' -> ('E', 'El')."""
    letter = index_letter(name)
    primary = "".join(c for c in sort_key(name)[0] if c.isalnum())
    return letter, (letter + primary[1:2]) if letter != "#" else "#"


def _alphabetical(base: str, entries: list[tuple[str, str]], index_kind: PageKind, letter_kind: PageKind,
                  group_limit: int) -> list[PlannedPage]:
    """An A–Z index with a page per letter; a letter with more than ``group_limit`` entries gets
    a page per two-letter prefix below it, so that no page's navigation grows with the archive."""
    letters: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for entry_id, name in entries:
        letter, prefix = index_group(name)
        letters[letter][prefix].append(entry_id)
    pages = []
    for letter, prefixes in letters.items():
        members = [f"/{base}/{i}" for ids in prefixes.values() for i in ids]
        if len(members) <= group_limit or len(prefixes) == 1:
            pages.append(PlannedPage(f"{base}/a-z/{letter.lower()}", letter_kind, letter, tuple(members)))
            continue
        for prefix, ids in prefixes.items():
            pages.append(PlannedPage(f"{base}/a-z/{prefix.lower()}", letter_kind, prefix,
                                     tuple(f"/{base}/{i}" for i in ids)))
        pages.append(PlannedPage(f"{base}/a-z/{letter.lower()}", letter_kind, letter,
                                 tuple(prefix.lower() for prefix in sorted(prefixes))))
    pages.append(PlannedPage(f"{base}/index", index_kind,
                             children=tuple(f"a-z/{letter.lower()}" for letter in sorted(letters))))
    return pages
