"""The series as a calendar (iCalendar, with the icalendar library) and the archive's additions as
an Atom feed (feedgen), from the model alone.

Both are reproducible: a build of the same sources writes the same bytes. iCalendar requires a
DTSTAMP on each event; it is SOURCE_DATE_EPOCH when set, or else the session's own date, never the
time of the build. Text is escaped by the libraries (iCalendar's backslash escapes, XML's entities);
characters XML cannot carry at all (control characters) are dropped first.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping
from urllib.parse import urlparse

import icalendar
from feedgen.feed import FeedGenerator

from .model import Archive, Item, PressRelease, Session
from .textfr import date_fr, supplied

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
    series_title = (supplied(series.title) if series.is_supplied("title") else series.title) if series else ""
    lines = [f"Séance {session.number}" + (f" du séminaire {series_title}" if series else "") + ","
             f" {date_fr(session.date)}."]
    if session.speakers:
        lines.append(f"Intervention : {_names(archive, session.speakers)}.")
    if session.moderators:
        lines.append(f"Animation : {_names(archive, session.moderators)}.")
    return "\n".join(lines)


def _stamp(day: dt.date) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def calendar_ics(archive: Archive, url_for: UrlFor, site_url: str) -> bytes:
    """One all-day event per session (the sources give dates, not hours), in date order. UIDs are
    ``<session id>@<the site's host>``: the same in every version and every build."""
    host = urlparse(site_url).hostname or "archive.invalid"
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Séminaire IA et santé (Chaire santé, Sciences Po)")
    for session in archive.sessions_in_order():
        event = icalendar.Event()
        event.add("uid", f"{session.id}@{host}")
        event.add("dtstamp", _stamp(session.date))
        event.add("dtstart", session.date)
        event.add("dtend", session.date + dt.timedelta(days=1))
        event.add("summary", session.title)
        event.add("description", session_description(archive, session))
        event.add("url", url_for(session.docname), parameters={"VALUE": "URI"})
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def _entry_date(item: Item) -> dt.date:
    return getattr(item, "date", dt.date(1970, 1, 1))


def atom_feed(archive: Archive, url_for: UrlFor, feed_url: str, home_url: str,
              changed: Mapping[str, dt.datetime] | None = None) -> bytes:
    """Sessions and press releases, newest first. An entry's id is its page's permanent address;
    it is updated when its page last changed (``changed``, by docname, from git) or else on its date."""
    items: list[Session | PressRelease] = [*archive.sessions.values(), *archive.press.values()]
    items.sort(key=lambda item: (_entry_date(item), item.id), reverse=True)
    changed = changed or {}
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
    for item in items:
        day = _entry_date(item)
        published = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        updated = max(published, changed.get(item.docname, published))
        newest = max(newest, updated)
        entry = feed.add_entry(order="append")
        url = url_for(item.docname)
        entry.id(url)
        entry.title(xml_text(item.title))
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(published)
        entry.updated(updated)
        if isinstance(item, Session):
            entry.summary(xml_text(session_description(archive, item)))
            entry.category(term="seance", label="Séance")
        else:
            entry.summary(xml_text(f"Communiqué de presse du {date_fr(day)}."))
            entry.category(term="communique", label="Communiqué de presse")
    feed.updated(newest)
    atom: bytes = feed.atom_str(pretty=True)
    return atom
