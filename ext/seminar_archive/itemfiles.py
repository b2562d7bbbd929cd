"""The files the build writes beside each citable item's page, in one table: their suffix (after
the page's name: ``sessions/ia-sante-02.ris``), a label for readers and their media type (and
profile) for the links that announce them (signposting, ``<link rel="describedby">``).

A moved page keeps every one of them at its old address too, copied once all are written
(sphinx/versioning.py): a file cannot redirect.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ItemFile:
    suffix: str
    label: str
    media_type: str  # registered or in common use, as signposting.org's examples give them
    profile: str = ""

    def path(self, docname: str) -> str:
        """Beside the page: ``sessions/ia-sante-02`` -> ``sessions/ia-sante-02.ris``."""
        return f"{docname}{self.suffix}"


BIBTEX = ItemFile(".bib", "BibTeX", "application/x-bibtex")
BIBLATEX = ItemFile(".biblatex.bib", "biblatex", "application/x-bibtex")
RIS = ItemFile(".ris", "RIS", "application/x-research-info-systems")
CSL_JSON = ItemFile(".csl.json", "CSL-JSON", "application/vnd.citationstyles.csl+json")
DATACITE = ItemFile(".datacite.xml", "DataCite 4", "application/vnd.datacite.datacite+xml")
MODS = ItemFile(".mods.xml", "MODS 3.8", "application/mods+xml")
OAI_DC = ItemFile(".oai_dc.xml", "Dublin Core (OAI)", "application/xml", "http://www.openarchives.org/OAI/2.0/oai_dc/")
LINKSET = ItemFile(".linkset.json", "Linkset", "application/linkset+json")
JSONLD = ItemFile(".jsonld", "JSON-LD", "application/ld+json")

ITEM_FILES = (BIBTEX, BIBLATEX, RIS, CSL_JSON, DATACITE, MODS, OAI_DC, LINKSET, JSONLD)
