"""What each planned page depends on, and its fingerprint: the records a page renders
(``dependencies``), reduced to a stable form without source positions (``Canonical``) and hashed
(``fingerprint``), so that a rebuild reads again exactly the pages whose records changed; and the
files each page is made from (``source_files``), for its "last changed" date. The plan itself
is pageplan.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from . import docnames
from .archive import Archive
from .model import Item, Organisation, Person, Session, SourceRef, date_of, speakers_of
from .pageplan import ITEM_KINDS, PageKind, PlannedPage, descendants

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


def _people_of(archive: Archive, items: Iterable[Item | None]) -> list[Person | None]:
    # A page may list an item its record names but the archive lacks (an unknown series): None.
    ids = sorted({a.person for i in items if i is not None for a in i.appearances})
    return [archive.people.get(p) for p in ids]


def _orgs_of(archive: Archive, items: Iterable[Item]) -> list[Organisation | None]:
    ids: set[str] = set()
    for item in items:
        for appearance in item.appearances:
            ids.update(appearance.organisations)
        for _field, named in item.organisation_fields:
            ids.update(named)
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
    speakers = tuple(a.person for a in speakers_of(item))
    return (item.kind, item.id, item.docname, item.title, tuple(sorted(item.supplied)), str(date_of(item) or ""),
            item.number if isinstance(item, Session) else None, speakers, item.themes)


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
        others = tuple(sorted({a.person for i in items for a in i.appearances}))
        return (page, archive.people.get(key), rows, others, tuple(_people_of(archive, items)),
                tuple(_orgs_of(archive, items)))
    if kind == PageKind.ORGANISATION:
        entries = archive.items_by_organisation.get(key, [])
        org = archive.organisations.get(key)
        parent = archive.organisations.get(org.parent) if org and org.parent else None
        org_rows = tuple((summary(i), [a for a in i.appearances if a.person == p])
                         for i, p in entries)
        people = [archive.people.get(p) for _, p in entries if p]
        # Its page also lists the people of its entities, at any depth.
        below = descendants(archive, key)
        below_entries = [(sub.id, i, p) for sub in below for i, p in archive.items_by_organisation.get(sub.id, [])]
        below_rows = tuple((sub_id, summary(i), [a for a in i.appearances if a.person == p])
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
