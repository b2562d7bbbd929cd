"""``CITATION.cff`` (Citation File Format 1.2.0, https://citation-file-format.github.io/) for the
archive as a whole, from the model and conf.py values alone. Core: no Sphinx.

The authors are the organisations that hold the series (as entities); without any, conf.py's
``author``. A DOI, a licence or an address that is not configured is left out, never invented
(nor a placeholder address: it is not where the archive is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..archive import Archive
from ..citations.record import organisation_name

CFF_VERSION = "1.2.0"
MESSAGE = "Pour citer cette archive, utilisez les métadonnées de ce fichier."
SPDX_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+-]*$")


@dataclass(frozen=True)
class ArchiveFacts:
    title: str
    fallback_author: str = ""  # conf.py's author, when no series names its organisers
    url: str = ""  # the site's address ("" when none is known or it is a placeholder)
    version: str = ""
    license: str = ""  # an SPDX identifier
    doi: str = ""  # the archive's DOI, bare


def citation_cff(archive: Archive, facts: ArchiveFacts) -> str:
    orgs = archive.organisations
    authors: list[dict[str, str]] = []
    for series in sorted(archive.series.values(), key=lambda s: s.id):
        for org_id in series.organisers:
            org = orgs.get(org_id)
            if org is not None:
                entity = {"name": organisation_name(org, orgs.get(org.parent or ""))}
                if entity not in authors:
                    authors.append(entity)
    if not authors and facts.fallback_author:
        authors.append({"name": facts.fallback_author})
    data: dict[str, object] = {"cff-version": CFF_VERSION, "message": MESSAGE, "type": "dataset",
                               "title": facts.title, "authors": authors}
    if facts.url:
        data["url"] = facts.url
    if facts.doi:
        data["doi"] = facts.doi
    if facts.version:
        data["version"] = facts.version
    if facts.license and SPDX_ID.match(facts.license):
        data["license"] = facts.license
    themes = sorted({theme for item in archive.items() for theme in item.themes})
    if themes:
        data["keywords"] = themes
    dumped: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return "# Généré par la construction du site (seminar_archive) : ne pas modifier à la main.\n" + dumped
