"""French search that ignores accents: "securite" finds "sécurité", "Benamouzig" finds
"BENAMOUZIG", "cœur" finds "coeur".

Sphinx's French search stems words with the Snowball French stemmer, in Python for the index and
in JavaScript for the reader's query. We fold accents and ligatures before stemming on both sides:
the index holds stems of folded words, and the query's words are folded by the same rule before
the same stemmer. Registered in place of Sphinx's French (``app.add_search_language``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sphinx.search
from sphinx.search.fr import SearchFrench

from ..folding import strip_accents

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Sphinx's own minified Snowball stemmers (base and French), as its French search uses them.
_MINIFIED = Path(sphinx.search.__file__).parent / "minified-js"

# The same folding as fold() below, for the reader's browser.
_JS_FOLDING = """
(function () {
  const Snowball = window.Stemmer;
  const fold = (word) => word.replace(/œ/g, "oe").replace(/Œ/g, "OE").replace(/æ/g, "ae").replace(/Æ/g, "AE")
    .normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "");
  window.Stemmer = class FoldingFrenchStemmer {
    constructor() { this.stemmer = new Snowball(); }
    stemWord(word) { return this.stemmer.stemWord(fold(word).toLowerCase()); }
  };
})();
"""


def fold(word: str) -> str:
    """Lower case, accents removed, ligatures opened: 'Sécurité' -> 'securite', 'cœur' -> 'coeur'."""
    return strip_accents(word).lower()  # lower, not casefold: as the browser's fold (above) does


class FoldingFrench(SearchFrench):
    lang = "fr"
    language_name = "French"
    # Sphinx copies a raw stemmer file when this is set and joins its own; we give the whole code.
    js_stemmer_rawcode = ""
    js_stemmer_code = "\n".join((
        (_MINIFIED / "base-stemmer.js").read_text(encoding="utf-8"),
        (_MINIFIED / "french-stemmer.js").read_text(encoding="utf-8"),
        "window.Stemmer = FrenchStemmer;",
        _JS_FOLDING,
    ))

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        # Stemming is a tenth of a build's time and pages repeat their words: stem each word once.
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        stemmed = self._stems.get(word)
        if stemmed is None:
            stemmed = self._stems[word] = str(self.stemmer.stemWord(fold(word)))
        return stemmed


def setup_french_search(app: Sphinx) -> None:
    # French search that ignores accents, in the index and in the reader's query.
    app.add_search_language(FoldingFrench)
