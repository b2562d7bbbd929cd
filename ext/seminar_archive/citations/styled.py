"""The reference in the official CSL styles scholars use, rendered at build time by citeproc-py
from the record's CSL-JSON item, in the fr-FR locale.

The styles are the Citation Style Language project's files, vendored unchanged in ``styles/``
(their licence and commit: ``styles/README.md``). The text must be the one citeproc-js (Zotero's
processor) gives from the same item, style and locale (tests/test_cite_styles.py checks it).
citeproc-py 0.x differs from it in ways diagnosed one by one:

- English dates ("September 7"): the styles' ``default-locale`` is en-US; the locale must be
  asked for (``fr-FR``). citeproc-py's packaged ``locales-fr-FR.xml`` is byte for byte the
  official one vendored for the JavaScript tests, so no locale is vendored here.
- Notes run together ("….htmlAnimation : …"): ISO 690 puts the note in a
  ``<group display="block">``, which citeproc-py ignores; for it only, such a group gets a
  space before it (citeproc-js starts a new line: the same text once whitespace is normalised).
- A date printed though the title stood for the author (a session with no speaker): CSL
  suppresses the variables a ``<substitute>`` rendered in the rest of the entry; citeproc-py
  suppresses only a ``<text variable>`` given directly in the substitute, not the variables of
  a macro (ISO 690 substitutes ``<text macro="title"/>``), and never a date.
  :func:`_patch_citeproc` makes it suppress every text and date variable the substitute
  rendered (and only those). It changes nothing for ``archive-fr.csl``, whose substitute is a
  ``<text variable>``.
- Straight apostrophes in the locale's terms ("l'adresse"): citeproc-js prints them curly; so
  does this module.

- The moderators missing (APA, Chicago): they are CSL 1.0.2's ``chair`` name variable, which
  citeproc-py's lists of variables predate; it is added to them.
- Given names as initials (Chicago): ``initialize="false"`` is ignored by citeproc-py; it is
  honoured.
- "présidents" (APA): a ``<label text-case="title">`` is a locale term; citeproc-js title-cases
  it, citeproc-py only English items' text; labels are title-cased as citeproc-js does.
- The suppression above stores each variable under the tag citeproc-py checks (its namespaced
  one), so a title a substitute rendered is not printed again (APA, Chicago, session 6).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import citeproc
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc import model as citeproc_model
from citeproc.source.json import CiteProcJSON

from .citeproc_lookups import remember_style_lookups
from .common import one_line
from .csl import csl_item
from .record import CitationRecord

LOCALE = "fr-FR"


@dataclass(frozen=True)
class Style:
    key: str  # the anchor and the file's stem
    label: str
    file: str


# Only the styles citeproc-py renders as citeproc-js does (see the module's docstring).
STYLES = (
    Style("apa", "APA 7", "apa.csl"),
    Style("chicago", "Chicago (auteur-date)", "chicago-author-date.csl"),
    Style("iso690", "ISO 690", "iso690-author-date-fr.csl"),
)
_BLOCK = re.compile(r'<group display="block"(?=[ >])')


_USED = "_archive_substituted"  # on the layout: (tag, variable) rendered by the substitute running


def _layout(*elements: Any) -> Any:
    for element in elements:
        found = element.xpath_search("./ancestor-or-self::cs:layout[1]") if element is not None else []
        if found:
            return found[0]
    return None


def _note(layout: Any, tag: str, variable: str | None) -> None:
    used = getattr(layout, _USED, None) if layout is not None else None
    if used is not None and variable:
        used.append((tag, variable))


@cache
def _patch_citeproc() -> None:
    """Make citeproc-py suppress, after a ``<substitute>``, the text and date variables the
    substitute rendered (CSL 1.0.2, "Substitute": "substituted variables are suppressed in the
    rest of the output"). citeproc-py keeps its layout elements alive while rendering (its own
    ``repressed`` lists live on them), so an attribute set on the layout lasts the entry."""
    text_class, date_class, substitute_class = citeproc_model.Text, citeproc_model.Date, citeproc_model.Substitute
    text_variable, date_process, substitute_render = text_class._variable, date_class.process, substitute_class.render

    def _variable(self: Any, item: Any, context: Any) -> Any:
        text = text_variable(self, item, context)
        if text:
            _note(_layout(context, self), self.tag, self.get("variable"))  # the tag as citeproc-py checks it
        return text

    def process(self: Any, item: Any, variable: str | None = None, *args: Any, **kwargs: Any) -> Any:
        name = variable or self.get("variable")
        layout = _layout(kwargs.get("context"), self)
        if not self.is_locale_date() and layout is not None and name in layout.repressed.get(self.tag, []):
            return None
        text = date_process(self, item, variable, *args, **kwargs)
        if text and not self.is_locale_date():
            _note(layout, self.tag, name)
        return text

    def render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        layout = _layout(context, self)
        if layout is None:
            return substitute_render(self, item, context=context, **kwargs)
        outer = getattr(layout, _USED, None)
        setattr(layout, _USED, [])
        try:
            text = substitute_render(self, item, context=context, **kwargs)
            used = getattr(layout, _USED)
        finally:
            setattr(layout, _USED, outer)
        if text:
            for tag, name in used:
                layout.repressed.setdefault(tag, []).append(name)
            if outer is not None:
                outer.extend(used)
        return text

    text_class._variable = _variable
    date_class.process = process
    substitute_class.render = render

    # CSL 1.0.2's "chair" name variable (the session's moderators): citeproc-py's lists of name
    # variables predate it, and its CSL-JSON reader and <names> both read those lists.
    for names in (citeproc.NAMES, citeproc.VARIABLES):
        if "chair" not in names:
            names.append("chair")

    # CSL 1.0.1, "initialize": with initialize="false", given names are not turned into
    # initials even when initialize-with is set (Chicago); citeproc-py ignores the attribute.
    name_class = citeproc_model.Name
    initialize = name_class.initialize

    def initialize_unless_told_not_to(self: Any, given: Any, mark: Any, context: Any) -> Any:
        if self.get("initialize", "true") == "false":
            return given
        return initialize(self, given, mark, context)

    name_class.initialize = initialize_unless_told_not_to

    # A <label text-case="title"> is a term of the output locale, not an item's text: citeproc-js
    # title-cases it (APA's "Présidents"); citeproc-py title-cases only English items' text.
    label_class = citeproc_model.Label

    def case(self: Any, text: Any, language: Any = None) -> Any:
        return citeproc_model.TextCased.case(self, text, "en" if self.get("text-case") == "title" else language)

    label_class.case = case


def _known() -> set[str]:
    _patch_citeproc()
    return {name.replace("_", "-") for name in citeproc.VARIABLES} | {"id", "type"}


def style_file_text(style: Style) -> str:
    """An official style as vendored."""
    return resources.files(__package__).joinpath("styles", style.file).read_text(encoding="utf-8")


@cache
def _style(style: Style) -> CitationStylesStyle:
    _patch_citeproc()
    remember_style_lookups()
    text = _BLOCK.sub('<group display="block" prefix=" "', style_file_text(style))
    return CitationStylesStyle(io.BytesIO(text.encode("utf-8")), locale=LOCALE, validate=False)


def _item(record: CitationRecord) -> dict[str, Any]:
    # The CSL-JSON the archive publishes, less the keys citeproc-py does not know (it warns).
    return {key: value for key, value in csl_item(record).items() if key in _known()}


def styled_citation(record: CitationRecord, style: Style) -> str:
    """The reference in ``style``, as plain text on one line."""
    item = _item(record)
    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(str(item["id"]).lower())]))  # citeproc-py lowercases ids
    text = one_line(str(bibliography.bibliography()[0]))
    url = one_line(record.url)
    # Curly apostrophes, as citeproc-js prints them; not in the address.
    return url.join(part.replace("'", "\u2019") for part in text.split(url)) if url else text.replace("'", "\u2019")
