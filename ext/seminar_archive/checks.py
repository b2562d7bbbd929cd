"""Rules about the archive as a whole: what no single page can know about itself."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import PurePosixPath

from .archive import Archive
from .diagnostics import Diagnostics, Problem
from .model import Item, PressRelease, Session, SourceRef


def closest(wanted: str, known: Iterable[str]) -> str:
    """The closest known id (for a "did you mean" hint), or an empty string."""
    match = difflib.get_close_matches(wanted, list(known), n=1, cutoff=0.6)
    return match[0] if match else ""


def equally_close(wanted: str, known: Iterable[str], margin: float = 0.03) -> list[str]:
    """Known ids that are about as close to ``wanted`` as the closest one: more than one means
    the reference is ambiguous and no single suggestion is safe."""
    scored = sorted(((difflib.SequenceMatcher(None, wanted, k).ratio(), k) for k in known), reverse=True)
    scored = [(score, k) for score, k in scored if score >= 0.75]
    if len(scored) < 2:
        return []
    best = scored[0][0]
    return sorted(k for score, k in scored if best - score <= margin)


def check_items(items: list[Item], diagnostics: Diagnostics) -> list[Item]:
    """Drop items whose id or key another item already has, reporting each clash. Returns the kept ones."""
    kept: list[Item] = []
    seen_ids: dict[str, Item] = {}
    seen_keys: dict[str, Item] = {}
    # A page whose file is named after its id is the original: a copy saved under another
    # name is the one reported, whichever file name sorts first.
    for item in sorted(items, key=lambda i: PurePosixPath(i.docname).name != i.id):
        earlier = seen_ids.get(item.id)
        if earlier is not None:
            diagnostics.say(Problem.DUPLICATE_ID, "duplicate-id", item.where.path, item.where.line,
                            id=item.id, where=_where(earlier.where))
            continue
        if item.citekey:
            clash = seen_keys.get(item.citekey)
            if clash is not None:
                diagnostics.say(Problem.DUPLICATE_KEY, "duplicate-key", item.where.path, item.where.line,
                                key=item.citekey, where=_where(clash.where))
                continue
            seen_keys[item.citekey] = item
        seen_ids[item.id] = item
        kept.append(item)
    order = {id(item): index for index, item in enumerate(items)}
    return sorted(kept, key=lambda i: order[id(i)])


def _where(ref: SourceRef) -> str:
    return f"{ref.path}:{ref.line}" if ref.line else ref.path


def check_archive(archive: Archive, diagnostics: Diagnostics, sources: set[str], report_unused: bool = True,
                  set_aside: Iterable[Item] = (),
                  mentioned: tuple[Iterable[str], Iterable[str]] = ((), ())) -> None:
    """Every cross-record rule; ``sources`` are the file names present in docs/sources/.

    ``set_aside`` are items read but left out for clashing with others, and ``mentioned`` the
    (people, organisations) that pages too broken to read name: what they refer to is not
    reported as unused (the page's own problem is the one to fix).
    """
    for spellings in archive.theme_spellings().values():
        usual = archive.usual_spelling(spellings)
        for spelling, item in spellings:
            if spelling != usual:
                diagnostics.say(Problem.THEME_SPELLING, "theme-spelling", item.where.path, item.where.line,
                                theme=spelling, usual=usual)
    for item in archive.items():
        stem = PurePosixPath(item.docname).name
        if stem != item.id:
            diagnostics.say(Problem.ID_MISMATCH, "id-mismatch", item.where.path, item.where.line,
                            id=item.id, stem=stem)
        if item.source not in sources:
            diagnostics.say(Problem.MISSING_SOURCE, "missing-source", item.where.path, item.where.line,
                            source=item.source, suggestion=closest(item.source, sources))
    _check_numbers(archive, diagnostics)
    _check_references(archive, diagnostics)
    _check_parents(archive, diagnostics)
    if report_unused:
        _check_unused(archive, diagnostics, set_aside, mentioned)


def _check_numbers(archive: Archive, diagnostics: Diagnostics) -> None:
    seen: dict[tuple[str, int], SourceRef] = {}
    for session in sorted(archive.sessions.values(), key=lambda s: (s.where.path, s.where.line)):
        key = (session.series, session.number)
        if key in seen:
            diagnostics.say(Problem.DUPLICATE_NUMBER, "duplicate-number", session.where.path, session.where.line,
                            series=session.series, number=session.number, where=_where(seen[key]))
        else:
            seen[key] = session.where


def _check_references(archive: Archive, diagnostics: Diagnostics) -> None:
    people, orgs = archive.people, archive.organisations
    for item in archive.items():
        for appearance in item.appearances:
            if appearance.person not in people:
                candidates = equally_close(appearance.person, people)
                if candidates:
                    diagnostics.say(Problem.UNKNOWN_PERSON, "ambiguous-person", appearance.where.path,
                                    appearance.where.line, person=appearance.person,
                                    candidates=", ".join(candidates))
                else:
                    diagnostics.say(Problem.UNKNOWN_PERSON, "unknown-person", appearance.where.path,
                                    appearance.where.line, person=appearance.person,
                                    suggestion=closest(appearance.person, people))
            for org in appearance.organisations:
                if org not in orgs:
                    diagnostics.say(Problem.UNKNOWN_ORG, "unknown-org", appearance.where.path, appearance.where.line,
                                    org=org, suggestion=closest(org, orgs))
        for attr, named in item.organisation_fields:
            for org_id in named:
                if org_id not in orgs:
                    diagnostics.say(Problem.UNKNOWN_ORG, "unknown-org-in", item.where.path, item.where.line,
                                    org=org_id, field=attr, suggestion=closest(org_id, orgs))
        series = item.series if isinstance(item, Session) else None
        if isinstance(item, Session) and series not in archive.series:
            diagnostics.say(Problem.UNKNOWN_ITEM, "unknown-series", item.where.path, item.where.line,
                            series=series, suggestion=closest(str(series), archive.series))
        event = item.event if isinstance(item, PressRelease) else None
        if event and event not in archive.events:
            diagnostics.say(Problem.UNKNOWN_ITEM, "unknown-event", item.where.path, item.where.line,
                            event=event, suggestion=closest(event, archive.events))
    for entry in orgs.values():
        if entry.parent and entry.parent not in orgs:
            diagnostics.say(Problem.UNKNOWN_ORG, "unknown-parent", entry.where.path, entry.where.line,
                            org=entry.parent, suggestion=closest(entry.parent, orgs))


def _check_parents(archive: Archive, diagnostics: Diagnostics) -> None:
    orgs = archive.organisations
    for org in orgs.values():
        chain = [org.id]
        current = org.parent
        while current and current in orgs:
            if current in chain:
                if current == org.id:
                    shown = " → ".join([*chain, current])
                    diagnostics.say(Problem.ORG_CYCLE, "org-cycle", org.where.path, org.where.line,
                                    org=org.id, chain=shown)
                break
            chain.append(current)
            current = orgs[current].parent


def _check_unused(archive: Archive, diagnostics: Diagnostics, set_aside: Iterable[Item],
                  mentioned: tuple[Iterable[str], Iterable[str]] = ((), ())) -> None:
    used_people = set(archive.appearances_by_person) | set(mentioned[0])
    used_orgs = (set(archive.items_by_organisation) | {o.parent for o in archive.organisations.values() if o.parent}
                 | set(mentioned[1]))
    for item in set_aside:
        for appearance in item.appearances:
            used_people.add(appearance.person)
            used_orgs.update(appearance.organisations)
        for _field, named in item.organisation_fields:
            used_orgs.update(named)
    for person in archive.people.values():
        if person.id not in used_people:
            diagnostics.say(Problem.UNUSED, "unused-person", person.where.path, person.where.line, id=person.id)
    for org in archive.organisations.values():
        if org.id not in used_orgs:
            diagnostics.say(Problem.UNUSED, "unused-org", org.where.path, org.where.line, id=org.id)
