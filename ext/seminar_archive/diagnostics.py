"""The problems the archive reports, and the one shape they take.

Each kind of problem is a :class:`Problem` member: its value is the warning subtype
(``archive.<subtype>`` in Sphinx, so ``suppress_warnings = ["archive.unused"]`` works),
and it carries a description, an example and the fix, from which the documentation
page of warnings is generated.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from .messages import render_message

WARNING_TYPE = "archive"

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = ("fr", "en")


class Problem(Enum):
    """Documented warning subtypes: (subtype, what it means, an example, the fix)."""

    YAML = ("yaml", "Front matter or a registry file is not valid YAML.",
            "title: [IA et santé", "Close the bracket or quote the value.")
    MISSING_FIELD = ("missing-field", "A required field is absent.",
                     "A session without `date:`.", "Add the field; the message names it.")
    UNKNOWN_FIELD = ("unknown-field", "A field the schema does not define (often a typo).",
                     "`tittle: ...`", "Fix the name; the message suggests the closest field.")
    BAD_VALUE = ("bad-value", "A value of the wrong type or form.",
                 "`number: deux` or `id: Séance 2`", "Write the value in the form the message gives.")
    BAD_DATE = ("bad-date", "A date that does not exist or is not written YYYY-MM-DD.",
                "`date: 2021-02-30`", "Write a real calendar date as YYYY-MM-DD.")
    DUPLICATE_ID = ("duplicate-id", "Two pages or registry entries share an id.",
                    "Two session pages with `id: ia-sante-02`.",
                    "Ids are permanent: give the new page a new id, keep the published one.")
    DUPLICATE_NUMBER = ("duplicate-number", "Two sessions of one series share a number.",
                        "Two pages of series ia-sante with `number: 2`.", "Renumber the new session.")
    DUPLICATE_KEY = ("duplicate-key", "Two pages share a citation key.",
                     "Two pages with `citekey: iasante-2021-s02`.",
                     "Keys are permanent: give the new page a new key.")
    ID_MISMATCH = ("id-mismatch", "A page's id differs from its file name.",
                   "docs/sessions/ia-sante-03.md with `id: ia-sante-02`.",
                   "Name the file after the id (the id is what URLs and citations use).")
    UNKNOWN_PERSON = ("unknown-person", "A page names a person id that the registry does not have.",
                      "`person: daniel-benamousig`",
                      "Use the id the message suggests, or add the person to docs/registry/people.yaml.")
    UNKNOWN_ORG = ("unknown-org", "A page or entry names an organisation id the registry does not have.",
                   "`organisations: [cnrs-cso]`",
                   "Use the id the message suggests, or add it to docs/registry/organisations.yaml.")
    UNKNOWN_ITEM = ("unknown-item", "A page names a series or event that no page defines.",
                    "`series: ia-sant`", "Use an existing id; the message suggests the closest.")
    ORG_CYCLE = ("org-cycle", "An organisation is its own parent, directly or through others.",
                 "`parent: cnrs` on the entry cnrs.", "Remove or correct the `parent:`.")
    MISSING_SOURCE = ("missing-source", "The source document a page names is not in docs/sources/.",
                      "`source: 000_programme.txt`", "Add the file to docs/sources/ or fix the name.")
    UNUSED = ("unused", "A registry entry that no page refers to.",
              "A person in people.yaml who appears nowhere.",
              "Refer to it from a page, or remove it if it was added by mistake.")
    REFERENCE = ("ref", "A cross-reference role names an id that does not exist.",
                 "{person}`daniel-benamousig`", "Use the id the message suggests.")
    GENERATED = ("generated", "A file is in the way of a page the extension generates.",
                 "A hand-written docs/people/daniel-benamouzig.md.",
                 "Move the file: that path belongs to generated pages.")
    POSSIBLE_DUPLICATE = ("possible-duplicate",
                          "Two registry entries look like the same person (accents, initials, honorifics, "
                          "hyphens or particles aside).",
                          "`elise-etienne: {given: Elise, family: Etienne}` beside "
                          "`elise-etienne-2: {given: Élise, family: Étienne}`.",
                          "Keep one entry, move the other's spelling to its `variants:`, and point the pages "
                          "at the kept id. If they really are two people, list the other's id in `distinct:`.")

    RAW_HTML = ("raw-html", "HTML written in a page's text; it is shown as text, not used as markup.",
                "`<script>…</script>` or `<img onerror=…>` in a session's presentation.",
                "Write the text in Markdown (MyST); links and emphasis have their own syntax.")
    THEME_SPELLING = ("theme-spelling", "One theme written in several ways (accents, case, spaces or hyphens).",
                      "`themes: [Éthique]` on one page, `themes: [éthique]` on the others.",
                      "Write the theme as the other pages do: the message gives that spelling.")
    REDIRECT = ("redirect", "A redirect in docs/redirects.yaml that cannot work.",
                "`sessions/ia-sante-2: sessions/ia-sante-20` when no page sessions/ia-sante-20 exists.",
                "Point the old path at an existing page; never redirect from a path that is still a page.")
    RELEASES = ("releases", "docs/releases.yaml names a release twice or out of order.",
                "Two entries `name: 2026.1`.", "Give each release a new name, oldest first.")
    OUTSIDE_FILE = ("outside-file", "A page reads a file outside the docs folder (`../`, an absolute path, a "
                    "symbolic link that leads out, an address fetched at build time): it is neither read nor "
                    "published.",
                    "```{literalinclude} /etc/passwd``` or a symlink docs/sources/prog.txt → /home/….",
                    "Copy the file into docs/ (sources into docs/sources/) and name it by a relative path.")
    UNSAFE_ADDRESS = ("unsafe-address", "A link, link target, image, download or meta tag that could run script "
                      "or send the reader elsewhere (`javascript:`, `data:`, `http-equiv`, an HTML or SVG file "
                      "published as it is, …); it is removed from the page.",
                      "`` `x <javascript:alert(1)>`_ `` in `{eval-rst}`, or `.. meta:: :http-equiv=refresh:`.",
                      "Link with http:, https:, mailto: or a relative address; pages give no http-equiv.")
    REMOTE_IMAGE = ("remote-image", "An image loaded from another site, which would see every reader of the page; "
                    "it is left out.",
                    "```{image} https://tracker.example/pixel.png```",
                    "Copy the image into docs/, or allow its site in `archive_image_hosts` (conf.py).")
    LIMIT = ("limit", "A file or a value goes beyond a documented limit of the archive (docs/limits.md).",
             "YAML aliases that repeat one another (`&a [*b, *b, …]`), 10,000 speakers on one page.",
             "Write the values out; stay within the limit the message gives.")
    BIBLIOGRAPHY = ("bib", "docs/references.bib has an unclosed entry, a key given twice or @string values "
                    "that expand too far.", "Two entries `@report{ccne-2018, …}`.",
                    "Close the entry, give a new key, write the value without chaining @string.")
    MIXED_SCRIPT = ("mixed-script", "A registry name mixes scripts (a Cyrillic 'е' in a Latin name) or differs "
                    "from another only by such letters.", "`given: Еlise` (Cyrillic E) beside `given: Elise`.",
                    "Type the name again on a Latin keyboard; keep one entry.")
    SEARCH_INDEX = ("search-index", "The site's search index (Pagefind) could not be made: its program is missing "
                    "or cannot run here, or it failed.", "`pagefind_bin` not installed, or a binary for another "
                    "system.", "Install the project with its dependencies (`pip install -e .`); the message "
                    "gives Pagefind's own error.")

    def __init__(self, subtype: str, meaning: str, example: str, fix: str) -> None:
        self.subtype = subtype
        self.meaning = meaning
        self.example = example
        self.fix = fix


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place. ``path`` is relative to the site's source directory.

    ``message`` is the English text; ``key`` and ``args`` name the message in the catalogue
    (:mod:`seminar_archive.messages`), from which :meth:`render` gives it in another language.
    """

    problem: Problem
    message: str
    path: str
    line: int = 0
    key: str = ""
    args: tuple[tuple[str, object], ...] = ()

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` ("fr" or "en"); a message outside the catalogue stays as written."""
        if not self.key:
            return self.message
        return render_message(self.key, dict(self.args), lang)

    def __str__(self) -> str:
        return f"{self.location}: {self.message} [{WARNING_TYPE}.{self.problem.subtype}]"


class Diagnostics(list[Diagnostic]):
    """Problems found so far, in the order found."""

    def add(self, problem: Problem, message: str, path: str, line: int = 0) -> None:
        """A problem whose message is not in the catalogue (it is shown as written, in any language)."""
        self.append(Diagnostic(problem, message, path, line))

    def say(self, problem: Problem, key: str, path: str, line: int = 0, /, **args: object) -> None:
        """A problem with the catalogue's message ``key``, filled with ``args``."""
        self.append(Diagnostic(problem, render_message(key, args, "en"), path, line, key, tuple(args.items())))
