"""The DataCite and MODS files of the archive: which items, under which names (core, no Sphinx)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..archive import Archive
from ..citations.record import CitationRecord, citable
from ..itemfiles import DATACITE, MODS
from ..model import Item, Session
from .datacite import datacite_xml
from .mods import mods_xml

UrlFor = Callable[[str], str]


# Beside the item's page, as its citation files are (sessions/ser-01.datacite.xml).
STANDARD_FORMATS = (DATACITE, MODS)


def series_url_of(archive: Archive, item: Item, url_for: UrlFor) -> str:
    """The page of the series a session belongs to, "" for any other item."""
    series = archive.series.get(item.series) if isinstance(item, Session) else None
    return url_for(series.docname) if series else ""


def mods_record(archive: Archive, item: Item, record: CitationRecord, url_for: UrlFor) -> str:
    """An item's MODS record, as its <page>.mods.xml file and data/oai.xml give it."""
    return mods_xml(archive, item, record, series_url_of(archive, item, url_for), item.doi)


def standard_files(archive: Archive, url_for: UrlFor,
                   record_of: Callable[[Item], CitationRecord]) -> Iterator[tuple[str, str]]:
    """(path in the output, text) of every DataCite and MODS file of the archive."""
    for item in citable(archive):
        record = record_of(item)
        doi = item.doi
        series_url = series_url_of(archive, item, url_for)
        parts = tuple(url_for(s.docname) for s in archive.sessions_of_series(item.id)) if item.kind == "series" else ()
        yield DATACITE.path(item.docname), datacite_xml(archive, item, record, series_url, parts, doi)
        yield MODS.path(item.docname), mods_record(archive, item, record, url_for)
