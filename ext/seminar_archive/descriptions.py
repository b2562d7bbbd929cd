"""One plain French description of an item, for the page's ``description`` and ``og:description``.

Reference managers keep it (Zotero stores it as the abstract of every item it makes from a page)
and link previews show it: so it is a few labelled sentences built from the record, never the
page's first lines flattened (which read "Séance, n° 2 de la série[…],, Date, …").
"""

from __future__ import annotations

from .archive import Archive
from .citations.record import organisation_name
from .model import Appearance, Event, Item, PressRelease, Series, Session
from .textfr import date_fr, supplied


def _sentence(text: str) -> str:
    """``text`` ending with one full stop (not after its own "." "?" "!" or "…")."""
    text = " ".join(text.split())
    return text if not text or text.endswith((".", "?", "!", "…")) else text + "."


def _people(archive: Archive, appearances: tuple[Appearance, ...]) -> str:
    names = [archive.people[a.person].display_name for a in appearances if a.person in archive.people]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " et " + names[-1]


def _organisations(archive: Archive, ids: tuple[str, ...]) -> str:
    orgs = archive.organisations
    return ", ".join(organisation_name(orgs[i], orgs.get(orgs[i].parent or "")) for i in ids if i in orgs)


def _title(item: Item | None) -> str:
    if item is None:
        return ""
    return item.shown_title


def _labelled(label: str, text: str) -> str:
    return _sentence(f"{label} : {text}") if text else ""


def describe(archive: Archive, item: Item) -> str:
    """The description of a session, press release, event or series page ("" for other items)."""
    parts: list[str]
    if isinstance(item, Session):
        series = archive.series.get(item.series)
        what = f"Séance {item.number}" if item.number else "Séance"
        if series is not None:
            what += f" du séminaire {_title(series)}"
        parts = [_sentence(f"{what}, {date_fr(item.date)}"),
                 _labelled("Organisation", _organisations(archive, series.organisers) if series else ""),
                 _labelled("Intervenants" if len(item.speakers) > 1 else "Intervenant",
                           _people(archive, item.speakers)),
                 _labelled("Animation", _people(archive, item.moderators))]
        if not item.speakers and not item.moderators:
            parts.append("Le programme ne nomme ni intervenant ni animateur.")
    elif isinstance(item, PressRelease):
        event = archive.events.get(item.event) if item.event else None
        about = ""
        if event is not None:
            facts = ", ".join(part for part in (date_fr(event.date), event.venue) if part)
            about = f"{_title(event)} ({facts})"
        issuer = _organisations(archive, item.issuer)
        what = ", ".join(part for part in ("Communiqué de presse", item.place, date_fr(item.date)) if part)
        parts = [_sentence(what),
                 _labelled("Émetteur", supplied(issuer) if issuer and item.is_supplied("issuer") else issuer),
                 _labelled("Au sujet de", about)]
    elif isinstance(item, Event):
        edition = f" ({item.edition}e édition)" if item.edition else ""
        what = ", ".join(part for part in (f"Événement{edition}", date_fr(item.date), item.venue) if part)
        parts = [_sentence(what),
                 _labelled("Organisation", _organisations(archive, item.organisers)),
                 _labelled("Avec le soutien de", _organisations(archive, item.supporters))]
    elif isinstance(item, Series):
        sessions = archive.sessions_of_series(item.id)
        span = ""
        if sessions:
            count = f"{len(sessions)} séance" + ("s" if len(sessions) > 1 else "")
            span = (f", {count} du {date_fr(sessions[0].date)} au {date_fr(sessions[-1].date)}"
                    if len(sessions) > 1 else f", {count} le {date_fr(sessions[0].date)}")
        parts = [_sentence(f"Séminaire{span}"), _labelled("Organisation", _organisations(archive, item.organisers))]
    else:
        return ""
    return " ".join(part for part in parts if part)
