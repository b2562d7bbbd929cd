"""Citations in the site: the "cite this" block of item pages, their downloads, the page head.

Every format comes from :mod:`seminar_archive.citations`; this module only places them.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging

from .. import docnames, itemfiles, pageplan
from ..archive import Archive
from ..citations.bibtex import biblatex_text, bibtex_text, join_entries
from ..citations.csl import csl_item
from ..citations.embedded import json_ld, meta_tags
from ..citations.record import CitationRecord, citable, citation_record
from ..citations.ris import join_records, ris_text
from ..itemfiles import ItemFile
from ..model import Item
from ..outputs import MadeFrom, write_if_changed
from ..pageplan import PageKind
from ..readcache import code_digest
from ..textfr import typo_fr
from .citecopy import citation_box
from .config import published_base
from .domain import build_state
from .nodes_util import file_link, para, section
from .pagemeta import card_url

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .state import BuildState


@dataclass(frozen=True)
class Format:
    file: ItemFile  # its suffix after the item's page name, its label and media type
    language: str  # for highlighting
    one: Callable[[CitationRecord], Any]  # one record, rendered once per build (see render)
    join: Callable[[list[tuple[CitationRecord, Any]]], str]  # a file from rendered records


def _join_bib(rendered: list[tuple[CitationRecord, Any]]) -> str:
    return join_entries((record.key, text) for record, text in rendered)


def _join_ris(rendered: list[tuple[CitationRecord, Any]]) -> str:
    return join_records(text for _, text in rendered)


def _join_csl(rendered: list[tuple[CitationRecord, Any]]) -> str:
    return json.dumps([item for _, item in rendered], ensure_ascii=False, indent=2) + "\n"


FORMATS = (
    Format(itemfiles.BIBTEX, "bibtex", bibtex_text, _join_bib),
    Format(itemfiles.BIBLATEX, "bibtex", biblatex_text, _join_bib),
    Format(itemfiles.RIS, "text", ris_text, _join_ris),
    Format(itemfiles.CSL_JSON, "json", csl_item, _join_csl),
)
CITABLE_KINDS = pageplan.CITABLE_KINDS
# Whole-series files in the data folder, by format.
DOWNLOADS_STAMP = "seminar_archive-downloads.json"
SERIES_FILES = {".bib": "series.bib", ".biblatex.bib": "series-biblatex.bib", ".ris": "series.ris",
                ".csl.json": "series.csl.json"}


def url_maker(app: Sphinx) -> Callable[[str], str]:
    """docname -> the page's URL: absolute when ``html_baseurl`` is set."""
    base = published_base(app.config)
    builder = app.builder
    return lambda docname: base + builder.get_target_uri(docname)


def record_for(state: BuildState, item: Item) -> CitationRecord:
    """An item's citation record, computed once per build: the cite block, the page head and the
    downloads all use it."""
    record = state.caches.citation_records.get(item.id)
    if record is None:
        record = state.caches.citation_records[item.id] = citation_record(state.archive, item, state.url_for,
                                                                   state.config.version, state.latest_url_for)
    return record


def render(state: BuildState, fmt: Format, records: list[CitationRecord]) -> str:
    """``records`` in format ``fmt``. Each record is rendered once per build and kept: a session
    is in its cite block, its download, the series files and each of its speakers' bibliographies,
    and rendering BibTeX through pybtex was a tenth of a clean build at 1,000 sessions."""
    rendered = []
    for record in records:
        memo = (fmt.file.suffix, record)  # by content: two items with one key stay apart
        if memo not in state.caches.citation_texts:
            state.caches.citation_texts[memo] = fmt.one(record)
        rendered.append((record, state.caches.citation_texts[memo]))
    return fmt.join(rendered)


def cite_section(state: BuildState, record: CitationRecord, docname: str) -> nodes.section:
    """The "cite this" block: a formatted citation, then each format in a tab, copyable and downloadable."""
    citation = citation_box(record)
    tab_set = nodes.container("", is_div=True, design_component="tab-set", classes=["sd-tab-set", "archive-cite"])
    for index, fmt in enumerate(FORMATS):
        text = render(state, fmt, [record])
        block = nodes.literal_block(text, text, language=fmt.language, classes=["archive-cite-text"])
        link = file_link(docname, fmt.file.path(docname), f"Télécharger ({fmt.file.label})")
        link["classes"].append("archive-download")
        content = nodes.container("", block, para(link), is_div=True, design_component="tab-content",
                                  classes=["sd-tab-content"])
        label = nodes.rubric(fmt.file.label, fmt.file.label, classes=["sd-tab-label"])
        tab_set += nodes.container("", label, content, is_div=True, design_component="tab-item",
                                   classes=["sd-tab-item"], selected=(index == 0))
    title = "Citer cette séance" if record.kind == "session" else "Citer ce document"
    if record.kind == "series":
        title = "Citer la série"
    parts: list[nodes.Node] = [citation]
    if record.latest_url and record.latest_url != record.url:
        latest = nodes.reference(record.latest_url, record.latest_url, refuri=record.latest_url)
        parts.append(para(typo_fr("Cette page dans la version la plus récente de l’archive : "), latest,
                          classes=["archive-latest-link"]))
    block = section("citer", title, *parts, tab_set)
    # Out of the search index (Sphinx skips "no-search"): the block repeats the page's facts in
    # four formats, whose field names and URLs would make every citable page a hit for "misc".
    block["classes"].append("no-search")
    return block


def head_html(state: BuildState, item: Item, image: str = "") -> str:
    """Meta tags and JSON-LD for an item page, every value escaped for where it lands. An event
    page (not citable) gets its JSON-LD only: the press release's points to it."""
    tags = []
    if item.kind in CITABLE_KINDS:
        tags = [f'<meta name="{html.escape(name)}" content="{html.escape(content)}" />'
                for name, content in meta_tags(record_for(state, item))]
    data = json_ld(state.archive, item, state.url_for, image)
    # In a <script>, only "</" could end the element early; escape <, > and & for good measure.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    tags.append(f'<script type="application/ld+json">{text}</script>')
    return "\n".join(tags) + "\n"


def add_head(state: BuildState, pagename: str, context: dict[str, Any], image_for: Callable[[Item], str]) -> None:
    """Add an item page's embedded metadata to its head; other pages get none."""
    item = state.items_by_docname.get(pagename)
    if item is not None and item.kind in (*CITABLE_KINDS, PageKind.EVENT):
        context["metatags"] = context.get("metatags", "") + head_html(state, item, image_for(item))


def write_downloads(app: Sphinx, state: BuildState) -> None:
    """Each item's citation files beside its page, each person's bibliography beside theirs,
    and the whole series in the data folder."""
    outdir = Path(app.outdir)
    archive = state.archive
    records = {item.id: record_for(state, item) for item in citable(archive)}
    files: dict[str, list[CitationRecord]] = {}  # where (in the output folder, less the suffix) -> records
    for item in citable(archive):
        files[item.docname] = [records[item.id]]
    for person_id, appearances in archive.appearances_by_person.items():
        # Once per item: a person may both moderate and speak in one session.
        cited = [records[item_id] for item_id in dict.fromkeys(pa.item.id for pa in appearances)
                 if item_id in records]
        if cited:
            files[person_bibliography_docname(person_id)] = cited
    series = [*records.values()]
    # A file is rendered again only when a record it holds changed since it was written: after
    # one edit, the edited item's files, its people's and the series files (the stamp keeps a
    # digest of each file's records). Rendering every file was most of a rebuild after an edit.
    digest_of = {key: hashlib.sha256(repr(record).encode("utf-8")).hexdigest() for key, record in records.items()}
    # Beside Sphinx's pickles, not in the published site: a build from clean renders everything.
    made_from = MadeFrom.load(Path(app.doctreedir) / DOWNLOADS_STAMP)
    rendered = 0

    def place(path: str, fmt: Format, cited: list[CitationRecord]) -> None:
        nonlocal rendered
        held = " ".join([code_digest(), fmt.file.suffix, *(digest_of[r.item_id] for r in cited)])
        if made_from.stale(path, hashlib.sha256(held.encode("utf-8")).hexdigest()[:24], outdir / path):
            write_if_changed(outdir / path, render(state, fmt, cited))
            rendered += 1

    for fmt in FORMATS:
        for base, cited in files.items():
            place(fmt.file.path(base), fmt, cited)
        place(f"{state.config.data_dir}/{SERIES_FILES[fmt.file.suffix]}", fmt, series)
    logger.verbose("[archive] citation files: %d made, %d kept", rendered, len(made_from.current) - rendered)
    made_from.save()


def person_bibliography_docname(person_id: str) -> str:
    return docnames.person(person_id)


def person_downloads(archive: Archive, person_id: str, docname: str) -> nodes.Node | None:
    """Links to a person's bibliography (every cited item they appear in), in each format."""
    appearances = archive.appearances_by_person.get(person_id, [])
    if not any(pa.item.kind in (PageKind.SESSION, PageKind.PRESS) for pa in appearances):
        return None
    links: list[Any] = [typo_fr("Bibliographie de ses participations : ")]
    for index, fmt in enumerate(FORMATS):
        if index:
            links.append(" · ")
        links.append(file_link(docname, fmt.file.path(person_bibliography_docname(person_id)), fmt.file.label))
    # Out of the search index, as the cite block is: the format names are on every such page.
    return para(*links, classes=["archive-person-bibliography", "no-search"])


def _add_citation_head(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                       doctree: object) -> None:
    state = build_state(app.env)
    if state is not None:
        add_head(state, pagename, context, lambda item: card_url(app, item))


def setup_citation_head(app: Sphinx) -> None:
    # After the theme's own handlers; the feed links and the theme's mends follow at the same priority.
    app.connect("html-page-context", _add_citation_head, priority=900)
