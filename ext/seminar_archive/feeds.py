"""The series as a calendar (iCalendar, with the icalendar library) and the archive's additions as
an Atom feed (feedgen), from the model alone.

Both are reproducible: a build of the same sources writes the same bytes. iCalendar requires a
DTSTAMP on each event, the time the calendar file was made (RFC 5545, 3.8.7.2; not the event's
date). A reproducible stand-in for it: SOURCE_DATE_EPOCH when set, or else the last change (git)
of the pages the calendar is made from, or, outside git, the day of the last session; never the
clock of the build. Text is escaped by the libraries (iCalendar's backslash escapes, XML's entities);
characters XML cannot carry at all (control characters) are dropped first.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

import icalendar
from feedgen.feed import FeedGenerator

from .archive import Archive
from .model import Item, PressRelease, Session, date_of
from .textfr import date_fr

UrlFor = Callable[[str], str]
PRODID = "-//Archive du séminaire IA et santé//seminar-archive//FR"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (they are not text anyway)."""
    return _NOT_XML.sub("", text)


def _names(archive: Archive, appearances: tuple[object, ...]) -> str:
    names = []
    for appearance in appearances:
        person = archive.people.get(getattr(appearance, "person", ""))
        if person is not None:
            names.append(person.display_name)
    return ", ".join(names)


def session_description(archive: Archive, session: Session) -> str:
    series = archive.series.get(session.series)
    series_title = series.shown_title if series else ""
    lines = [f"Séance {session.number}" + (f" du séminaire {series_title}" if series else "") + ","
             f" {date_fr(session.date)}."]
    if session.speakers:
        lines.append(f"Intervention : {_names(archive, session.speakers)}.")
    if session.moderators:
        lines.append(f"Animation : {_names(archive, session.moderators)}.")
    return "\n".join(lines)


def calendar_stamp(archive: Archive, changed: Mapping[str, dt.datetime]) -> dt.datetime:
    """When the calendar was made, reproducibly: SOURCE_DATE_EPOCH, else the last change of a
    session page (``changed``: docname -> last change), else the last session's day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    sessions = archive.sessions_in_order()
    dates = [changed[s.docname] for s in sessions if s.docname in changed]
    if dates:
        return max(dates).astimezone(dt.UTC).replace(microsecond=0)
    day = sessions[-1].date if sessions else dt.date(1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


@dataclass(frozen=True)
class CalendarEvent:
    """What the calendar says of one session: all it is made from (a rebuild compares these)."""

    uid: str
    stamp: dt.datetime
    day: dt.date
    summary: str
    description: str
    url: str


def calendar_events(archive: Archive, url_for: UrlFor, site_url: str,
                    changed: Mapping[str, dt.datetime] | None = None) -> list[CalendarEvent]:
    """One all-day event per session (the sources give dates, not hours), in date order. UIDs are
    ``<session id>@<the site's host>``: the same in every version and every build. Every event's
    DTSTAMP is the file's (:func:`calendar_stamp`)."""
    host = urlparse(site_url).hostname or "archive.invalid"
    stamp = calendar_stamp(archive, changed or {})
    return [CalendarEvent(f"{session.id}@{host}", stamp, session.date, session.title,
                          session_description(archive, session), url_for(session.docname))
            for session in archive.sessions_in_order()]


def calendar_ics(events: list[CalendarEvent]) -> bytes:
    """The series' calendar (iCalendar) from its events (:func:`calendar_events`)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Séminaire IA et santé, Chaire santé (Sciences Po)")
    for found in events:
        event = icalendar.Event()
        event.add("uid", found.uid)
        event.add("dtstamp", found.stamp)
        event.add("dtstart", found.day)
        event.add("dtend", found.day + dt.timedelta(days=1))
        event.add("summary", found.summary)
        event.add("description", found.description)
        event.add("url", found.url, parameters={"VALUE": "URI"})
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def _entry_date(item: Item) -> dt.date:
    return date_of(item) or dt.date(1970, 1, 1)


@dataclass(frozen=True)
class FeedEntry:
    """What the feed says of one session or press release."""

    url: str  # also the entry's id: its page's permanent address
    title: str
    published: dt.datetime
    updated: dt.datetime
    summary: str
    term: str
    label: str


def feed_entries(archive: Archive, url_for: UrlFor,
                 changed: Mapping[str, dt.datetime] | None = None) -> list[FeedEntry]:
    """Sessions and press releases, newest first. An entry is updated when its page last changed
    (``changed``, by docname, from git) or else on its date."""
    items: list[Session | PressRelease] = [*archive.sessions.values(), *archive.press.values()]
    items.sort(key=lambda item: (_entry_date(item), item.id), reverse=True)
    changed = changed or {}
    entries = []
    for item in items:
        day = _entry_date(item)
        published = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        updated = max(published, changed.get(item.docname, published))
        if isinstance(item, Session):
            summary, term, label = session_description(archive, item), "seance", "Séance"
        else:
            summary, term, label = f"Communiqué de presse du {date_fr(day)}.", "communique", "Communiqué de presse"
        entries.append(FeedEntry(url_for(item.docname), xml_text(item.title), published, updated, xml_text(summary),
                                 term, label))
    return entries


def atom_feed(entries: list[FeedEntry], feed_url: str, home_url: str) -> bytes:
    """The feed of additions (Atom) from its entries (:func:`feed_entries`)."""
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title("Archive du séminaire IA et santé : ajouts")
    feed.subtitle("Les séances et les communiqués de presse de l’archive, du plus récent au plus ancien.")
    feed.link(href=feed_url, rel="self", type="application/atom+xml")
    feed.link(href=home_url, rel="alternate", type="text/html")
    feed.language("fr")
    feed.author({"name": "Les archivistes du séminaire"})
    feed.generator("seminar-archive")
    newest = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    for found in entries:
        newest = max(newest, found.updated)
        entry = feed.add_entry(order="append")
        entry.id(found.url)
        entry.title(found.title)
        entry.link(href=found.url, rel="alternate", type="text/html")
        entry.published(found.published)
        entry.updated(found.updated)
        entry.summary(found.summary)
        entry.category(term=found.term, label=found.label)
    feed.updated(newest)
    atom: bytes = feed.atom_str(pretty=True)
    return atom
