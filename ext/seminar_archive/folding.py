"""Accent folding, written once: the letters of a French text without their accents and with
œ and æ opened, for sorting (collation.py), theme keys (model.py), near-duplicate names
(duplicates.py) and the search index (sphinx/searchfr.py). Each caller then chooses its case
rule: ``casefold`` (which also opens ß as ss) or ``lower`` (as the browser's fold does)."""

from __future__ import annotations

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def strip_accents(text: str) -> str:
    """'Élodie Œuvray' -> 'Elodie OEuvray': ligatures opened, combining marks dropped (NFKD)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
