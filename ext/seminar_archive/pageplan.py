"""Which pages the archive generates, what each one lists, and what each one depends on.

No Sphinx here: a plan is data. The Sphinx layer writes a small source file per planned page
(its navigation), and renders the page's body from the model when Sphinx reads it. Each
page's *fingerprint* hashes every record the page renders, so a build re-reads exactly the
pages whose records changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from . import docnames
from .collation import index_letter, organisation_key, organisation_name_for_sorting, person_key, sort_key
from .model import Archive, Item, Organisation, Person, SourceRef, theme_key


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


# --- what each page depends on -------------------------------------------------------------

_PLAIN = frozenset({str, int, float, bool, type(None), dt.date})


class Canonical:
    """A stable, comparable form of model values, without source positions (moving a line in a
    file changes no page). Each record is reduced once to a digest of its content: index pages
    depend on every person, and re-serialising the registry for each of them made computing the
    fingerprints grow with the square of the archive."""

    def __init__(self) -> None:
        # id -> (the record, kept alive so its id is not reused; its digest)
        self._digests: dict[int, tuple[Any, str]] = {}
        self._shared: dict[str, Any] = {}

    def shared(self, key: str, make: Callable[[], Any]) -> Any:
        """The canonical form of what many pages depend on alike, made once."""
        if key not in self._shared:
            self._shared[key] = make()
        return self._shared[key]

    def __call__(self, value: Any) -> Any:
        kind = type(value)
        if kind in _PLAIN:  # most values: checked first, the walk visits hundreds of thousands
            return value
        if kind is tuple or kind is list:
            plain = _PLAIN  # plain elements are kept as they are, without a call each
            return tuple([v if type(v) in plain else self(v) for v in value])
        known = self._digests.get(id(value))
        if known is not None:
            return known[1]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            content = (type(value).__name__, tuple(
                (f.name, self(getattr(value, f.name))) for f in dataclasses.fields(value) if f.name != "where"
            ))
            known = (value, hashlib.sha256(repr(content).encode("utf-8")).hexdigest()[:24])
            self._digests[id(value)] = known
            return known[1]
        if isinstance(value, (list, tuple)):
            return tuple(self(v) for v in value)
        if isinstance(value, (set, frozenset)):
            return tuple(sorted(self(v) for v in value))
        if isinstance(value, dict):
            return tuple((k, self(v)) for k, v in sorted(value.items()))
        return value


def _people_of(archive: Archive, items: Iterable[Item]) -> list[Person | None]:
    ids = sorted({a.person for i in items for a in getattr(i, "appearances", ())})
    return [archive.people.get(p) for p in ids]


def _orgs_of(archive: Archive, items: Iterable[Item]) -> list[Organisation | None]:
    ids: set[str] = set()
    for item in items:
        for appearance in getattr(item, "appearances", ()):
            ids.update(appearance.organisations)
        for attr in ("organisations", "issuer", "organisers", "supporters"):
            ids.update(getattr(item, attr, ()))
    # Citations name an organisation with its parent ("Chaire santé, Sciences Po").
    ids.update(archive.organisations[o].parent or "" for o in list(ids) if o in archive.organisations)
    ids.discard("")
    return [archive.organisations.get(o) for o in sorted(ids)]


# Pages of an A–Z index, which all list from the same records.
_INDEX_GROUPS = {PageKind.PEOPLE_INDEX: docnames.PEOPLE, PageKind.PEOPLE_LETTER: docnames.PEOPLE,
                 PageKind.ORGS_INDEX: docnames.ORGANISATIONS, PageKind.ORGS_LETTER: docnames.ORGANISATIONS}


def _index_records(archive: Archive, group: str) -> tuple[Any, ...]:
    if group == "people":
        return (tuple(sorted(archive.people.values(), key=lambda p: p.id)),
                tuple(sorted((p, len(a)) for p, a in archive.appearances_by_person.items())))
    return (tuple(sorted(archive.organisations.values(), key=lambda o: o.id)),)


def summary(item: Item | None) -> tuple[Any, ...]:
    """What lists of items show of one: enough to name, date and order it, and who spoke."""
    if item is None:
        return ()
    speakers = tuple(a.person for a in getattr(item, "speakers", ()))
    return (item.kind, item.id, item.docname, item.title, tuple(sorted(item.supplied)), str(getattr(item, "date", "")),
            getattr(item, "number", None), speakers, item.themes)


def dependencies(archive: Archive, page: PlannedPage) -> tuple[Any, ...]:
    """Every record ``page`` renders. A spurious re-read is cheap, a stale page is not: when
    in doubt, depend on the whole record."""
    kind, key = page.kind, page.key
    if kind == PageKind.UNUSABLE:
        return (page, archive.unusable_pages[key])
    if kind in ITEM_KINDS:
        item: Any = archive.item(kind, key)
        listed: list[Any] = []
        if kind == PageKind.SERIES:
            listed += archive.sessions_of_series(key)
        if kind == PageKind.PRESS and item.event:
            listed.append(archive.events.get(item.event))
        if kind == PageKind.EVENT:
            listed += [p for p in archive.press.values() if p.event == key]
        if kind == PageKind.SESSION:
            listed.append(archive.series.get(item.series))
        # A session's citation names its series and the series' organisers.
        context = [archive.series.get(item.series)] if kind == PageKind.SESSION else []
        return (page, item, tuple(summary(i) for i in listed), tuple(_people_of(archive, [item, *listed])),
                tuple(_orgs_of(archive, [item, *[c for c in context if c]])), tuple(context))
    if kind == PageKind.PERSON:
        appearances = archive.appearances_by_person.get(key, [])
        rows = tuple((summary(pa.item), pa.appearance) for pa in appearances)
        items = [pa.item for pa in appearances]
        others = tuple(sorted({a.person for i in items for a in getattr(i, "appearances", ())}))
        return (page, archive.people.get(key), rows, others, tuple(_people_of(archive, items)),
                tuple(_orgs_of(archive, items)))
    if kind == PageKind.ORGANISATION:
        entries = archive.items_by_organisation.get(key, [])
        org = archive.organisations.get(key)
        parent = archive.organisations.get(org.parent) if org and org.parent else None
        org_rows = tuple((summary(i), [a for a in getattr(i, "appearances", ()) if a.person == p])
                         for i, p in entries)
        people = [archive.people.get(p) for _, p in entries if p]
        # Its page also lists the people of its entities, at any depth.
        below = descendants(archive, key)
        below_entries = [(sub.id, i, p) for sub in below for i, p in archive.items_by_organisation.get(sub.id, [])]
        below_rows = tuple((sub_id, summary(i), [a for a in getattr(i, "appearances", ()) if a.person == p])
                           for sub_id, i, p in below_entries)
        people += [archive.people.get(p) for _, _, p in below_entries if p]
        return (page, org, parent, tuple(archive.children_of(key)), tuple(below), org_rows, below_rows, tuple(people))
    if kind in _INDEX_GROUPS:
        return (page, *_index_records(archive, _INDEX_GROUPS[kind]))
    if kind == PageKind.YEAR:
        listed = list(archive.sessions_by_year.get(int(key), ())) if key.isdigit() else []
    elif kind == PageKind.DECADE:
        listed = [s for year in range(int(key), int(key) + 10) for s in archive.sessions_by_year.get(year, ())]
    elif kind == PageKind.CHRONOLOGY:
        listed = archive.sessions_in_order()
    elif kind == PageKind.PRESS_INDEX:
        listed = [*archive.press.values(), *archive.events.values()]
    elif kind == PageKind.THEME:
        listed = archive.items_by_theme().get(key, [])
    else:  # themes
        listed = archive.items()
    return (page, tuple(summary(i) for i in listed), tuple(_people_of(archive, listed)))


def fingerprint(archive: Archive, page: PlannedPage, salt: str = "", canonical: Canonical | None = None) -> str:
    """A hash of what ``page`` renders; ``salt`` adds settings every page depends on (the site's
    address and version, which citations print). Pass one ``canonical`` to every page of a build:
    it remembers each record's digest."""
    canonical = canonical or Canonical()
    group = _INDEX_GROUPS.get(page.kind)
    if group is None:
        content = canonical(dependencies(archive, page))
    else:  # the same records for every page of the index: digested once
        content = (canonical(page), *canonical.shared(group, lambda: canonical(_index_records(archive, group))))
    digest = hashlib.sha256((salt + repr(content)).encode("utf-8"))
    return digest.hexdigest()[:20]


def item_paths(archive: Archive) -> dict[str, str]:
    """Each item's docname -> the file it is written in (for :func:`source_files`)."""
    return {item.docname: item.where.path for item in archive.items()}


def source_files(archive: Archive, page: PlannedPage, paths_of_docnames: dict[str, str]) -> frozenset[str]:
    """The files (relative to the source dir) that ``page`` is made from: the records it renders
    (:func:`dependencies`) and, for items it only lists, their pages (``paths_of_docnames``, from
    :func:`item_paths`). A page's "last changed" date is the latest change to any of them."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        where = getattr(value, "where", None)
        if isinstance(where, SourceRef) and where.path:
            found.add(where.path)
        if isinstance(value, str):
            if value in paths_of_docnames:
                found.add(paths_of_docnames[value])
        elif isinstance(value, tuple | list | frozenset | set):
            for element in value:
                walk(element)
        elif isinstance(value, dict):
            for element in value.values():
                walk(element)

    walk(dependencies(archive, page))
    return frozenset(found)
