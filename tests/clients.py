"""Real citation clients (biber, bibtex with pdflatex, pandoc, pybtex) run on generated files,
and the crafted records that try to break them.

A missing tool skips the test with its name, except under CI (``CI=true``), where the tests
exist precisely to run them: there a missing tool fails.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pybtex.errors
import pytest
from pybtex.database import BibliographyData, parse_string

from seminar_archive.citations.common import one_line
from seminar_archive.citations.record import CitationRecord, Name


def require_tool(name: str) -> str:
    """The path of a command-line tool; skip without it, or fail when ``CI`` is "true"."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (Debian: see .ci/run for the packages the citation tests need)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; CI=true, so this is a failure, not a skip")
    pytest.skip(message)


def _run(args: list[str], cwd: Path, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout, check=False)


# ------------------------------------------------------------------------------- biber

_BIBER_PROBLEM = re.compile(r"^(WARN|ERROR) - .*$", re.MULTILINE)


def biber_problems(bib: str, workdir: Path) -> list[str]:
    """``biber --tool --validate-datamodel``'s WARN and ERROR lines for a .bib text."""
    biber = require_tool("biber")
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "input.bib").write_text(bib, encoding="utf-8")
    result = _run([biber, "--tool", "--validate-datamodel", "--output-file", "checked.bib", "input.bib"], workdir)
    lines = [m.group(0) for m in _BIBER_PROBLEM.finditer(result.stdout + result.stderr)]
    if result.returncode != 0 and not lines:
        lines.append(f"biber exited with {result.returncode}: {result.stderr or result.stdout}")
    return lines


# ------------------------------------------------------------------------- bibtex + pdflatex

# A French document as an author would write it: T1 fonts (for « » and accents), url for the
# url fields, natbib with plainnat, every entry cited.
LATEX_DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage{times}
\usepackage{url}
\usepackage[round]{natbib}
\begin{document}
%(cites)s
\nocite{*}
\bibliographystyle{plainnat}
\bibliography{refs}
\end{document}
"""


@dataclass
class LatexRun:
    ok: bool
    log: str  # pdflatex's last log
    blg: str  # bibtex's log
    bbl: str  # the bibliography bibtex wrote
    transcript: str  # every command's output, for failure messages

    @property
    def problems(self) -> list[str]:
        """Errors, undefined citations and bibtex warnings."""
        found = [line for line in self.log.splitlines()
                 if line.startswith("!") or "undefined" in line.lower() or "Error" in line]
        found += [line for line in self.blg.splitlines()
                  if "error" in line.lower() or line.startswith("Warning--")]
        return found


def bibtex_compile(bib: str, keys: list[str], workdir: Path) -> LatexRun:
    """pdflatex, bibtex, pdflatex twice: a document citing each key (and \\nocite{*})."""
    pdflatex, bibtex = require_tool("pdflatex"), require_tool("bibtex")
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "refs.bib").write_text(bib, encoding="utf-8")
    cites = "\n".join(rf"\citet{{{key}}}\par" for key in keys)
    (workdir / "doc.tex").write_text(LATEX_DOCUMENT % {"cites": cites}, encoding="utf-8")
    latex = [pdflatex, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"]
    transcript = []
    ok = True
    for step in (latex, [bibtex, "doc"], latex, latex):
        result = _run(step, workdir)
        transcript.append(f"$ {' '.join(step)}\n{result.stdout}{result.stderr}")
        if result.returncode != 0:
            ok = False
            break

    def read(name: str) -> str:
        path = workdir / name
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    return LatexRun(ok, read("doc.log"), read("doc.blg"), read("doc.bbl"), "\n".join(transcript))


# ------------------------------------------------------------------------------- pandoc

def pandoc_csl(bib: str, workdir: Path, source_format: str = "biblatex") -> list[dict[str, Any]]:
    """``pandoc -f biblatex -t csljson``: how pandoc (and so Zotero-like readers) decode the file."""
    pandoc = require_tool("pandoc")
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "refs.bib").write_text(bib, encoding="utf-8")
    result = _run([pandoc, "-f", source_format, "-t", "csljson", "refs.bib"], workdir)
    assert result.returncode == 0, result.stderr
    assert "[WARNING]" not in result.stderr, result.stderr
    items: list[dict[str, Any]] = json.loads(result.stdout)
    return items


def pandoc_name(name: dict[str, str]) -> str:
    """A CSL name from pandoc, in reading order. Pandoc splits particles off family names, even
    braced ones ("{x-voj}" -> "x-" + "voj"); a particle ending in an apostrophe or a hyphen is
    printed against what follows, as CSL processors do."""
    if "literal" in name:
        return name["literal"]
    parts = [name.get(part, "") for part in ("given", "dropping-particle", "non-dropping-particle", "family")]
    text = ""
    for part in filter(None, parts):
        text += part if not text or text.endswith(("'", "’", "-")) else " " + part
    return text


def tex_reading(text: str) -> str:
    """What TeX (and so pandoc) makes of plain text: one line, and ASCII quotes as typographic
    ones, since that is how TeX prints ' and ` (BibTeX has no way to ask otherwise)."""
    return one_line(text).replace("'", "’").replace("`", "‘")


def name_reading(text: str) -> str:
    """A name as :func:`tex_reading`, compared modulo a space after an apostrophe or a hyphen,
    which pandoc's particle heuristics may remove (see :func:`pandoc_name`)."""
    return re.sub(r"(?<=[’-]) ", "", tex_reading(text))


# ------------------------------------------------------------------------------- pybtex

def pybtex_strict(bib: str) -> BibliographyData:
    """Parse with pybtex in strict mode: any problem pybtex notices raises."""
    pybtex.errors.set_strict_mode(True)
    try:
        data: BibliographyData = parse_string(bib, "bibtex")
    finally:
        pybtex.errors.set_strict_mode(False)
    return data


# ------------------------------------------------------------------------- crafted records

HOSTILE_TITLE = ("Coûts & bénéfices : 100 % des données #1, 2 $ l’unité, a_b, {x}, ~, ^, \\, \"guillemets\", "
                 "@misc, « l’IA » — x--y, c'est ''cité'', ?`, } seule, et { seule\n\nsur deux lignes")
HOSTILE_URL = "https://archive.example/v2026.1/a_b/c%20d.html?x=1&y=~z#ancre"


def hostile_records() -> list[CitationRecord]:
    """Records with every character and name shape that breaks naive BibTeX, RIS or CSL."""
    people = (
        Name(family="La Fontaine", given="Jean", particle="de"),
        Name(family="Rikhtegar Nezami", given="Farhad"),
        Name(family="Commaille-Chapus", given="Catherine"),
        Name(family="van der Berg", given="Anne-Marie"),  # no particle recorded: the family stays whole
        Name(family="Smith and Wesson", given="Ann"),
        Name(family="Ó Briain", given="Dara"),
        Name(family="Alembert", given="Jean Le Rond", particle="d’"),
        Name(family="Backtick", given="`Jo"),  # pandoc would pair this ` with the next name's '
        Name(family="Quote", given="Al'"),
        Name(family="O'Neil & Co_", given="{Zoé} ~%#$^\\"),
        Name(family="others", given=""),
        Name(literal="Procter & Gamble, Research and Development"),
    )
    chairs = (Name(family="Benamouzig", given="Daniel"), Name(family="Dupont", given="Marie-Ève", particle="d’"))
    common: dict[str, Any] = {"url": HOSTILE_URL, "latest_url": "https://archive.example/latest/a#b%20c",
                              "version": "2026.1-rc_1"}
    return [
        CitationRecord(
            key="hostile-session", kind="session", item_id="s", title=HOSTILE_TITLE, authors=people, chairs=chairs,
            date=dt.date(2021, 9, 7), end_date=None, genre="Séance de séminaire",
            event_title="[Séminaire {IA} & santé] 100 %", event_place="Salle #1, 27 rue Saint-Guillaume",
            place="", publisher="Chaire santé, Sciences Po", number=2, **common,
        ),
        CitationRecord(
            key="hostile-press", kind="press", item_id="p", title="Communiqué : « 50 % » & ~ _ # $ } {",
            authors=(Name(literal="Health Data Hub"),), chairs=(), date=dt.date(2022, 10, 1), end_date=None,
            genre="Communiqué de presse", event_title="IA et médecine, promesses & limites",
            event_place="Académie nationale de médecine, à Paris", place="Paris",
            publisher="Health Data Hub", number=None, **common,
        ),
        CitationRecord(
            key="hostile-series", kind="series", item_id="ser", title="[Intelligence artificielle et santé]",
            authors=(Name(literal="Chaire santé, Sciences Po"),), chairs=(), date=dt.date(2020, 6, 1),
            end_date=dt.date(2022, 5, 3), genre="Séminaire", event_title="", event_place="", place="",
            publisher="Chaire santé, Sciences Po", number=None, url="https://archive.example/series/x.html",
            latest_url="https://archive.example/series/x.html", version="",
        ),
    ]
