"""French collation for indexes: É files under E, œ as oe, particles after the family name.

A primary key ignores accents and case; a secondary key orders words that differ only by
them, so the order is total and stable (as in dictionary order, accents break ties).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .folding import strip_accents
from .model import Organisation, Person

# Opened before an article is looked for ("L’Œuvre" files as "oeuvre").
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": "'"})
_IGNORED = re.compile(r"[\s'\-.,()\[\]«»“”\"]+")
_ARTICLES = re.compile(r"^(l'|le |la |les )", re.IGNORECASE)


def base_letters(text: str) -> str:
    """Lower-case letters and digits without accents: 'Élodie Œuvray' -> 'elodie oeuvray'."""
    return strip_accents(text.replace("’", "'")).casefold()  # casefold also opens ß as ss


# Pure functions of a name, asked again by every A–Z page of a large archive.
@lru_cache(maxsize=1 << 16)
def sort_key(text: str) -> tuple[str, str, str]:
    """Key for sorting French text: accents and punctuation ignored first, then used to break ties."""
    primary = _IGNORED.sub(" ", base_letters(text)).strip()
    return primary, text.casefold(), text


def index_letter(text: str) -> str:
    """The A–Z heading a name files under: 'Élodie' -> 'E'; digits and others -> '#'."""
    for char in base_letters(text):
        if char.isalpha() and "a" <= char <= "z":
            return char.upper()
        if char.isalnum():
            return "#"
    return "#"


def person_key(person: Person) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """People sort by family name (particle ignored), then given name."""
    return sort_key(person.family), sort_key(person.given)


def person_letter(person: Person) -> str:
    return index_letter(person.family)


def organisation_name_for_sorting(org: Organisation) -> str:
    """Leading French articles do not count: 'L’Académie …' files under A."""
    return _ARTICLES.sub("", org.name.translate(_LIGATURES))


def organisation_key(org: Organisation) -> tuple[str, str, str]:
    return sort_key(organisation_name_for_sorting(org))


def organisation_letter(org: Organisation) -> str:
    return index_letter(organisation_name_for_sorting(org))
