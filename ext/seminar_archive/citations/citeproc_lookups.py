"""citeproc-py's lookups in a style, remembered: the same answers, each searched for once.

Rendering one entry, citeproc-py searches the parsed style again and again for what its text
fixes once and for all: the element of a macro by its name (an XPath search from the root), a
locale's term by name and form (another), and whether an element calls a variable (a walk of
its subtree, through the macros it calls). A clean build renders each item in four styles, and
these searches were most of citeproc's time (docs/performance.md, « Les mécanismes »).

The answers are kept per element. lxml hands out the same Python object for an element as long
as one is alive, and the tables below keep them alive: the styles are parsed once per process
(``functools.cache`` in formatted.py and styled.py), so the tables hold a few thousand entries.
Nothing here changes an answer; tests/test_cite_styles.py compares the text with citeproc-js's.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from citeproc import model as citeproc_model

# citeproc-py's own methods, which the remembered ones call once per question (and tests compare).
ORIGINAL_LOOKUPS: dict[str, Any] = {}


@cache
def remember_style_lookups() -> None:
    element_class, parent_class, text_class = (citeproc_model.CitationStylesElement, citeproc_model.Parent,
                                               citeproc_model.Text)
    locale_class = citeproc_model.Locale
    get_macro, get_term = element_class.get_macro, locale_class.get_term
    parent_calls, text_calls = parent_class.calls_variable, text_class.calls_variable
    ORIGINAL_LOOKUPS.update(get_macro=get_macro, get_term=get_term, parent_calls_variable=parent_calls,
                            text_calls_variable=text_calls)
    macros: dict[tuple[Any, str], Any] = {}
    terms: dict[tuple[Any, str, str | None, bool], Any] = {}
    calls: dict[Any, bool] = {}

    def remembered_macro(self: Any, name: str) -> Any:
        key = (self.get_root(), name)
        if key not in macros:
            macros[key] = get_macro(self, name)
        return macros[key]

    def remembered_term(self: Any, name: str, form: str | None = None, zero_padded: bool = False) -> Any:
        key = (self, name, form, zero_padded)
        if key not in terms:
            try:
                terms[key] = get_term(self, name, form, zero_padded=zero_padded)
            except IndexError:  # no such term: citeproc-py's callers try the next locale
                terms[key] = None
        if terms[key] is None:
            raise IndexError(name)
        return terms[key]

    def calls_of(method: Any) -> Any:
        def remembered_calls(self: Any) -> bool:
            if self not in calls:
                calls[self] = bool(method(self))
            return calls[self]
        remembered_calls.__wrapped__ = method  # type: ignore[attr-defined]
        return remembered_calls

    element_class.get_macro = remembered_macro
    locale_class.get_term = remembered_term
    parent_class.calls_variable = calls_of(parent_calls)
    text_class.calls_variable = calls_of(text_calls)
