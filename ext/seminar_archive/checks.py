"""Rules about the archive as a whole: what no single page can know about itself."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import PurePosixPath

from .diagnostics import Diagnostics, Problem
from .model import Archive, Item, SourceRef


def closest(wanted: str, known: Iterable[str]) -> str:
    """A ' did you mean …?' hint with the closest known id, or an empty string."""
    match = difflib.get_close_matches(wanted, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


def check_items(items: list[Item], diagnostics: Diagnostics) -> list[Item]:
    """Drop items whose id or key another item already has, reporting each clash. Returns the kept ones."""
    kept: list[Item] = []
    seen_ids: dict[str, Item] = {}
    seen_keys: dict[str, Item] = {}
    for item in items:
        earlier = seen_ids.get(item.id)
        if earlier is not None:
            diagnostics.add(Problem.DUPLICATE_ID,
                            f"id '{item.id}' is already used by {_where(earlier.where)}; ids are permanent, "
                            "give this page a new one", item.where.path, item.where.line)
            continue
        if item.citekey:
            clash = seen_keys.get(item.citekey)
            if clash is not None:
                diagnostics.add(Problem.DUPLICATE_KEY,
                                f"citation key '{item.citekey}' is already used by {_where(clash.where)}; "
                                "keys are permanent, give this page a new one", item.where.path, item.where.line)
                continue
            seen_keys[item.citekey] = item
        seen_ids[item.id] = item
        kept.append(item)
    return kept


def _where(ref: SourceRef) -> str:
    return f"{ref.path}:{ref.line}" if ref.line else ref.path


def check_archive(archive: Archive, diagnostics: Diagnostics, sources: set[str], report_unused: bool = True,
                  set_aside: Iterable[Item] = ()) -> None:
    """Every cross-record rule; ``sources`` are the file names present in docs/sources/.

    ``set_aside`` are items read but left out for clashing with others: what they refer to
    is not reported as unused (the clash is the problem to fix).
    """
    for item in archive.items():
        stem = PurePosixPath(item.docname).name
        if stem != item.id:
            diagnostics.add(Problem.ID_MISMATCH,
                            f"the page's id is '{item.id}' but its file is named '{stem}'; "
                            f"rename the file to '{item.id}.md'", item.where.path, item.where.line)
        if item.source not in sources:
            diagnostics.add(Problem.MISSING_SOURCE,
                            f"source document '{item.source}' is not in docs/sources/{closest(item.source, sources)}",
                            item.where.path, item.where.line)
    _check_numbers(archive, diagnostics)
    _check_references(archive, diagnostics)
    _check_parents(archive, diagnostics)
    if report_unused:
        _check_unused(archive, diagnostics, set_aside)


def _check_numbers(archive: Archive, diagnostics: Diagnostics) -> None:
    seen: dict[tuple[str, int], SourceRef] = {}
    for session in sorted(archive.sessions.values(), key=lambda s: (s.where.path, s.where.line)):
        key = (session.series, session.number)
        if key in seen:
            diagnostics.add(Problem.DUPLICATE_NUMBER,
                            f"series '{session.series}' already has a session number {session.number} "
                            f"({_where(seen[key])})", session.where.path, session.where.line)
        else:
            seen[key] = session.where


def _check_references(archive: Archive, diagnostics: Diagnostics) -> None:
    people, orgs = archive.people, archive.organisations
    for item in archive.items():
        for appearance in getattr(item, "appearances", ()):
            if appearance.person not in people:
                diagnostics.add(Problem.UNKNOWN_PERSON,
                                f"unknown person '{appearance.person}'{closest(appearance.person, people)}",
                                appearance.where.path, appearance.where.line)
            for org in appearance.organisations:
                if org not in orgs:
                    diagnostics.add(Problem.UNKNOWN_ORG, f"unknown organisation '{org}'{closest(org, orgs)}",
                                    appearance.where.path, appearance.where.line)
        for attr in ("organisations", "issuer", "organisers", "supporters"):
            for org in getattr(item, attr, ()):
                if org not in orgs:
                    diagnostics.add(Problem.UNKNOWN_ORG,
                                    f"unknown organisation '{org}' in {attr}{closest(org, orgs)}",
                                    item.where.path, item.where.line)
        series = getattr(item, "series", None)
        if item.kind == "session" and series not in archive.series:
            diagnostics.add(Problem.UNKNOWN_ITEM,
                            f"unknown series '{series}'{closest(str(series), archive.series)}",
                            item.where.path, item.where.line)
        event = getattr(item, "event", None)
        if event and event not in archive.events:
            diagnostics.add(Problem.UNKNOWN_ITEM, f"unknown event '{event}'{closest(event, archive.events)}",
                            item.where.path, item.where.line)
    for org in orgs.values():
        if org.parent and org.parent not in orgs:
            diagnostics.add(Problem.UNKNOWN_ORG, f"unknown parent organisation '{org.parent}'"
                            f"{closest(org.parent, orgs)}", org.where.path, org.where.line)


def _check_parents(archive: Archive, diagnostics: Diagnostics) -> None:
    orgs = archive.organisations
    for org in orgs.values():
        chain = [org.id]
        current = org.parent
        while current and current in orgs:
            if current in chain:
                if current == org.id:
                    shown = " → ".join([*chain, current])
                    diagnostics.add(Problem.ORG_CYCLE, f"organisation '{org.id}' is its own parent ({shown})",
                                    org.where.path, org.where.line)
                break
            chain.append(current)
            current = orgs[current].parent


def _check_unused(archive: Archive, diagnostics: Diagnostics, set_aside: Iterable[Item]) -> None:
    used_people = set(archive.appearances_by_person)
    used_orgs = set(archive.items_by_organisation) | {o.parent for o in archive.organisations.values() if o.parent}
    for item in set_aside:
        for appearance in getattr(item, "appearances", ()):
            used_people.add(appearance.person)
            used_orgs.update(appearance.organisations)
        for attr in ("organisations", "issuer", "organisers", "supporters"):
            used_orgs.update(getattr(item, attr, ()))
    for person in archive.people.values():
        if person.id not in used_people:
            diagnostics.add(Problem.UNUSED, f"person '{person.id}' is in the registry but no page refers to them",
                            person.where.path, person.where.line)
    for org in archive.organisations.values():
        if org.id not in used_orgs:
            diagnostics.add(Problem.UNUSED, f"organisation '{org.id}' is in the registry but nothing refers to it",
                            org.where.path, org.where.line)
