"""A ready-to-paste citation (French, author-date), rendered by citeproc-py from our CSL-JSON.

The style, ``styles/archive-fr.csl``, is standard CSL 1.0.2: it names the moderators with
the ``chair`` role and the series with ``event-title``. citeproc-py 0.x implements CSL 1.0.1:
it knows the ``speech`` type but reads ``chair`` as a plain string and does not know
``event-title``. So, for citeproc-py only, both the style and the item are mapped to 1.0.1
variables: ``chair`` to ``recipient`` (a name variable our data never uses: citeproc-py
misses hyphenated name variables such as ``editorial-director`` in styles) and
``event-title`` to ``event``; the style shipped stays valid CSL 1.0.2 for other processors.
citeproc-py also puts a space after a particle ending in an apostrophe ("d’ Alembert"), so
for it such a particle is glued to the family name.

This is the one view of a record meant for a person: supplied titles are in square brackets here
(and in no file). A title that ends with its own punctuation ("… en santé ?", "… internationaux.")
is not followed by the style's full stop, as citeproc-js does and citeproc-py does not. Titles
are cited with the case the source gives them ("séance de travail…", "introduction"): the archive
does not recapitalise a source's words (docs/citer.md).

HTML: citeproc-py's HTML formatter escapes the style's own text but not the item's variables
(a title "<script>" comes out as markup), so the HTML citation is the plain one, escaped. The
style has no italics or other markup, so nothing is lost.
"""

from __future__ import annotations

import html
import io
import re
from functools import cache
from importlib import resources
from typing import Any

import citeproc
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from .citeproc_lookups import remember_style_lookups
from .common import one_line
from .csl import csl_item
from .record import CitationRecord

STYLE = "archive-fr.csl"
# CSL 1.0.2 variable -> the CSL 1.0.1 variable citeproc-py renders in its place.
_TO_CITEPROC_PY = {"chair": "recipient", "event-title": "event"}
_KNOWN = {name.replace("_", "-") for name in citeproc.VARIABLES} | {"id", "type"}
# A full stop the style adds after text that already ends a sentence: "? ».", "..".
_DOUBLED_STOP = re.compile("([.?!…](?:\u00a0?»)?)\\.(?=\\s|$)")


def style_text() -> str:
    """The CSL style we ship, as written."""
    return resources.files(__package__).joinpath("styles", STYLE).read_text(encoding="utf-8")


@cache
def _style() -> CitationStylesStyle:
    remember_style_lookups()
    text = style_text()
    for new, old in _TO_CITEPROC_PY.items():
        text = text.replace(f'variable="{new}"', f'variable="{old}"')
    # Checked against the CSL schema by the tests; not again on every build.
    return CitationStylesStyle(io.BytesIO(text.encode("utf-8")), validate=False)


def _glue_elided(name: dict[str, str]) -> dict[str, str]:
    particle = name.get("non-dropping-particle", "")
    if particle.endswith(("'", "’")):
        name = {key: value for key, value in name.items() if key != "non-dropping-particle"}
        name["family"] = particle + name.get("family", "")
    return name


def _citeproc_item(record: CitationRecord) -> dict[str, Any]:
    item = csl_item(record)
    # A person reads this one: what the archive supplied is bracketed, and the event a press
    # release is about (a note in the files) is shown by the style's "about" macro.
    item["title"] = record.shown("title")
    if record.event_title:
        item["event-title"] = record.shown("event_title")
    if record.kind == "press" and record.event_place:
        item["event-place"] = record.event_place
    item.pop("event", None)
    for new, old in _TO_CITEPROC_PY.items():
        if new in item:
            item[old] = item.pop(new)
    for role in ("author", _TO_CITEPROC_PY["chair"]):
        if role in item:
            item[role] = [_glue_elided(name) for name in item[role]]
    # citeproc-py 0.x fails on a date range within one year (render_date_range joins with None):
    # such a range is shown as its year, which is what the author-date style prints anyway.
    for key in ("issued", "event-date"):
        parts = item.get(key, {}).get("date-parts", []) if isinstance(item.get(key), dict) else []
        if len(parts) == 2 and parts[0][:1] == parts[1][:1]:
            item[key] = {"date-parts": [parts[0][:1]]}
    # Keys citeproc-py does not know ("citation-key"...) would only make it warn.
    return {key: value for key, value in item.items() if key in _KNOWN}


def _render(record: CitationRecord, output: Any) -> str:
    item = _citeproc_item(record)
    bibliography = CitationStylesBibliography(_style(), CiteProcJSON([item]), output)
    # citeproc-py lowercases ids when it reads them.
    bibliography.register(Citation([CitationItem(str(item["id"]).lower())]))
    return str(bibliography.bibliography()[0])


def formatted_citation(record: CitationRecord) -> str:
    """The citation as plain text."""
    return _DOUBLED_STOP.sub(r"\1", one_line(_render(record, formatter.plain)))


def formatted_citation_html(record: CitationRecord) -> str:
    """The citation as HTML (escaped; one line), its URL a link."""
    text = formatted_citation(record)
    url = one_line(record.url)
    if url and text.endswith(url):
        link = f'<a href="{html.escape(url, quote=True)}">{html.escape(url, quote=False)}</a>'
        return html.escape(text[: -len(url)], quote=False) + link
    return html.escape(text, quote=False)
