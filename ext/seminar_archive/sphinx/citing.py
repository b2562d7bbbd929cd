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

from ..citations.bibtex import to_biblatex, to_bibtex
from ..citations.csl import to_csl_json
from ..citations.embedded import json_ld, meta_tags
from ..citations.formatted import formatted_citation
from ..citations.record import CitationRecord, citable, citation_record
from ..citations.ris import to_ris
from ..model import Archive, Item
from .config import ArchiveConfig
from .nodes_util import file_link, para, section

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .state import BuildState


@dataclass(frozen=True)
class Format:
    label: str
    suffix: str  # file name suffix of the download, after the item's id
    language: str  # for highlighting
    render: Callable[[list[CitationRecord]], str]


def _csl_text(records: list[CitationRecord]) -> str:
    return json.dumps(to_csl_json(records), ensure_ascii=False, indent=2) + "\n"


FORMATS = (
    Format("BibTeX", ".bib", "bibtex", to_bibtex),
    Format("biblatex", ".biblatex.bib", "bibtex", to_biblatex),
    Format("RIS", ".ris", "text", to_ris),
    Format("CSL-JSON", ".csl.json", "json", _csl_text),
)
DOWNLOAD_SUFFIXES = tuple(fmt.suffix for fmt in FORMATS)
CITABLE_KINDS = ("session", "press", "series")
# Whole-series files in the data folder, by format.
DOWNLOADS_STAMP = ".downloads-stamp"
SERIES_FILES = {".bib": "series.bib", ".biblatex.bib": "series-biblatex.bib", ".ris": "series.ris",
                ".csl.json": "series.csl.json"}


def url_maker(app: Sphinx) -> Callable[[str], str]:
    """docname -> the page's URL: absolute when ``html_baseurl`` is set."""
    base = ArchiveConfig.base_url(app.config)
    builder = app.builder
    return lambda docname: base + builder.get_target_uri(docname)


def record_for(state: BuildState, item: Item) -> CitationRecord:
    """An item's citation record, computed once per build: the cite block, the page head and the
    downloads all use it."""
    record = state.citation_records.get(item.id)
    if record is None:
        record = state.citation_records[item.id] = citation_record(state.archive, item, state.url_for,
                                                                   state.config.version, state.latest_url_for)
    return record


def download_name(docname: str, suffix: str) -> str:
    """Where an item's citation file is published, beside its page: sessions/ia-sante-02.bib."""
    return f"{docname}{suffix}"


def cite_section(record: CitationRecord, docname: str) -> nodes.section:
    """The "cite this" block: a formatted citation, then each format in a tab, copyable and downloadable."""
    citation = para(formatted_citation(record), classes=["archive-citation"])
    tab_set = nodes.container("", is_div=True, design_component="tab-set", classes=["sd-tab-set", "archive-cite"])
    for index, fmt in enumerate(FORMATS):
        text = fmt.render([record])
        block = nodes.literal_block(text, text, language=fmt.language, classes=["archive-cite-text"])
        link = file_link(docname, download_name(docname, fmt.suffix), f"Télécharger ({fmt.label})")
        link["classes"].append("archive-download")
        content = nodes.container("", block, para(link), is_div=True, design_component="tab-content",
                                  classes=["sd-tab-content"])
        label = nodes.rubric(fmt.label, fmt.label, classes=["sd-tab-label"])
        tab_set += nodes.container("", label, content, is_div=True, design_component="tab-item",
                                   classes=["sd-tab-item"], selected=(index == 0))
    title = "Citer cette séance" if record.kind == "session" else "Citer ce document"
    if record.kind == "series":
        title = "Citer la série"
    parts: list[nodes.Node] = [citation]
    if record.latest_url and record.latest_url != record.url:
        latest = nodes.reference(record.latest_url, record.latest_url, refuri=record.latest_url)
        parts.append(para("Cette page dans la version la plus récente de l’archive : ", latest,
                          classes=["archive-latest-link"]))
    return section("citer", title, *parts, tab_set)


def head_html(state: BuildState, item: Item) -> str:
    """Meta tags and JSON-LD for an item page, every value escaped for where it lands."""
    record = record_for(state, item)
    tags = [f'<meta name="{html.escape(name)}" content="{html.escape(content)}" />'
            for name, content in meta_tags(record)]
    data = json_ld(state.archive, item, state.url_for)
    # In a <script>, only "</" could end the element early; escape <, > and & for good measure.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    tags.append(f'<script type="application/ld+json">{text}</script>')
    return "\n".join(tags) + "\n"


def add_head(state: BuildState, pagename: str, context: dict[str, Any]) -> None:
    """Add an item page's embedded metadata to its head; other pages get none."""
    item = state.items_by_docname.get(pagename)
    if item is not None and item.kind in CITABLE_KINDS:
        context["metatags"] = context.get("metatags", "") + head_html(state, item)


def write_downloads(app: Sphinx, state: BuildState) -> None:
    """Each item's citation files beside its page, each person's bibliography beside theirs,
    and the whole series in the data folder."""
    outdir = Path(app.outdir)
    archive = state.archive
    records = {item.id: record_for(state, item) for item in citable(archive)}
    # Rendering every file is most of a no-change rebuild: skip it when no record changed since
    # the files were last written (the stamp is a hash of every record and where it goes).
    plan = (sorted((i.id, i.docname) for i in citable(archive)), [records[k] for k in sorted(records)],
            sorted((p, [pa.item.id for pa in a]) for p, a in archive.appearances_by_person.items()))
    stamp = hashlib.sha256(repr(plan).encode("utf-8")).hexdigest()
    stamp_file = outdir / state.config.data_dir / DOWNLOADS_STAMP
    if stamp_file.is_file() and stamp_file.read_text(encoding="utf-8") == stamp and all(
            (outdir / state.config.data_dir / name).is_file() for name in SERIES_FILES.values()):
        return
    for item in citable(archive):
        for fmt in FORMATS:
            _write(outdir / download_name(item.docname, fmt.suffix), fmt.render([records[item.id]]))
    everything = list(records.values())
    for fmt in FORMATS:
        _write(outdir / state.config.data_dir / SERIES_FILES[fmt.suffix], fmt.render(everything))
    for person_id, appearances in archive.appearances_by_person.items():
        cited = [records[pa.item.id] for pa in appearances if pa.item.id in records]
        if not cited:
            continue
        for fmt in FORMATS:
            _write(outdir / download_name(person_bibliography_docname(person_id), fmt.suffix), fmt.render(cited))
    _write(stamp_file, stamp)


def person_bibliography_docname(person_id: str) -> str:
    return f"people/{person_id}"


def person_downloads(archive: Archive, person_id: str, docname: str) -> nodes.Node | None:
    """Links to a person's bibliography (every cited item they appear in), in each format."""
    appearances = archive.appearances_by_person.get(person_id, [])
    if not any(pa.item.kind in ("session", "press") for pa in appearances):
        return None
    links: list[Any] = ["Bibliographie de ses participations : "]
    for index, fmt in enumerate(FORMATS):
        if index:
            links.append(" · ")
        links.append(file_link(docname, download_name(person_bibliography_docname(person_id), fmt.suffix), fmt.label))
    return para(*links, classes=["archive-person-bibliography"])


def _write(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
