"""Property-based tests of hostile input (issue 23): front matter, registry entries, releases.yaml
and references.bib generated from the schema and mutated, as a contributor's mistakes or an
attacker's would be.

For many examples the core readers alone (what ``archive check`` runs): no exception, every
problem located at a line of the file and typed. For a few, the whole way: ``archive check`` and
the build on a small root, which must report the same problems at the same lines, without a
traceback, with every output still parsed by its own parser (HTML, JSON-LD, BibTeX with pybtex
in strict mode, RIS, CSL-JSON against its schema, iCal, Atom)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import cli_build, copy_root
from seminar_archive import bibfile, duplicates, frontmatter, homoglyphs, registry, sitefiles
from seminar_archive.diagnostics import Diagnostics, Problem
from test_corpus import CHECK_LINE, CHECKERS, CRASHES, LINE

SUBTYPES = {p.subtype for p in Problem}
PEOPLE = ["ada-dupont", "jean-de-la-fontaine", "elise-etienne"]

# Text as contributors write it, and as attackers do: accents, markup, BibTeX and LaTeX specials,
# quotes, a line separator, emoji.
HOSTILE_TEXT = st.lists(st.sampled_from(list("aéÉœ z0") + list("<>&\"'{}%#$_\\~^`*[]|:!@") +
                                        ["\u2028", "\u00a0", "😀", "</script>", "javascript:", "\\end{"]),
                        max_size=12).map("".join)
SCALAR = st.one_of(HOSTILE_TEXT, st.integers(-10**15, 10**15), st.floats(allow_nan=True), st.booleans(), st.none())
VALUE = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE_TEXT, inner,
                                                                                            max_size=3), max_leaves=6)


def session(number: int, date: dt.date, title: str, speakers: list[str], themes: list[str]) -> dict[str, Any]:
    return {"archive": {"kind": "session", "id": "ser-03", "series": "ser", "number": number,
                        "date": date.isoformat(), "title": title or "Séance",
                        "speakers": [{"person": p, "affiliation": "Université"} for p in speakers],
                        "themes": themes, "citekey": "k-ser-03", "source": "prog.txt"}}


SESSIONS = st.builds(session, st.integers(3, 40), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
                     HOSTILE_TEXT, st.lists(st.sampled_from(PEOPLE), max_size=3),
                     st.lists(HOSTILE_TEXT.filter(lambda t: len(t) >= 2), max_size=2, unique=True))
FIELDS = ["kind", "id", "series", "number", "date", "title", "speakers", "moderators", "themes", "citekey", "source",
          "supplied", "organisations"]

# Text-level mutations: what no YAML dumper writes.
SNIPPETS = ["  bomb0: &b0 [x, x, x, x, x, x, x, x, x]\n  bomb1: &b1 [*b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0]\n"
            "  bomb2: &b2 [*b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1]\n"
            "  bomb3: [*b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2]\n",
            "  loop: &l [1, *l]\n", "  tagged: !!python/object:os.system {x: 1}\n", "  big: " + "9" * 400 + "\n",
            "  number: 3.0\n", "  date: 9999-12-31\n", "  themes: ['!!']\n", "\x00", "\u2028", "\t", "  x: [\n",
            "  " + "[" * 45 + "]" * 45 + "\n", "  x: *undefined\n", "  title: !!binary aGk=\n"]


@st.composite
def mutated_page(draw: st.DrawFn) -> str:
    data = draw(SESSIONS)
    fields = data["archive"]
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["set", "drop", "add"]))
        name = draw(st.sampled_from(FIELDS))
        if action == "set":
            fields[name] = draw(VALUE)
        elif action == "drop":
            fields.pop(name, None)
        else:
            fields[draw(HOSTILE_TEXT)] = draw(VALUE)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(0, 2))):
        where = draw(st.integers(1, len(lines)))
        lines.insert(where, draw(st.sampled_from(SNIPPETS)))
    return "---\n" + "".join(lines) + "---\n\nTexte de la séance.\n"


def assert_located(diagnostics: Diagnostics, text: str) -> None:
    last = text.count("\n") + 1
    for diagnostic in diagnostics:
        assert diagnostic.problem.subtype in SUBTYPES
        assert 1 <= diagnostic.line <= last, (diagnostic, last)
        assert diagnostic.render("fr") and diagnostic.render("en")


@settings(max_examples=300, deadline=None)
@given(mutated_page())
def test_any_front_matter_reads_without_exception_and_each_problem_is_located(page: str) -> None:
    diagnostics = Diagnostics()
    frontmatter.read_page(page, "sessions/ser-03.md", "sessions/ser-03", diagnostics)
    assert_located(diagnostics, page)


ENTRY = st.fixed_dictionaries({"given": HOSTILE_TEXT, "family": HOSTILE_TEXT},
                              optional={"particle": HOSTILE_TEXT, "variants": st.lists(HOSTILE_TEXT, max_size=2),
                                        "orcid": HOSTILE_TEXT, "note": VALUE, "distinct": VALUE, "extra": VALUE})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(PEOPLE) | HOSTILE_TEXT, ENTRY | VALUE, max_size=4),
       st.lists(st.sampled_from(SNIPPETS), max_size=2))
def test_any_registry_file_reads_without_exception(entries: dict[str, Any], snippets: list[str]) -> None:
    text = yaml.safe_dump(entries, allow_unicode=True) + "".join(s.replace("  ", "", 1) for s in snippets)
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "people.yaml"
        file.write_text(text, encoding="utf-8")
        diagnostics = Diagnostics()
        people = registry.load_people(file, "registry/people.yaml", diagnostics)
        # What the loader does next with the entries it kept.
        duplicates.check_duplicates(people, diagnostics)
        homoglyphs.check_scripts(people, diagnostics)
        assert_located(diagnostics, text)


RELEASE = st.fixed_dictionaries({"name": HOSTILE_TEXT | st.integers(), "date": st.dates().map(str) | VALUE},
                                optional={"commit": HOSTILE_TEXT | st.integers(0, 10**50), "added": VALUE,
                                          "corrected": st.lists(HOSTILE_TEXT, max_size=2)})


@settings(max_examples=150, deadline=None)
@given(st.lists(RELEASE, max_size=3), st.lists(st.sampled_from(SNIPPETS), max_size=2))
def test_any_releases_file_reads_without_exception(releases: list[dict[str, Any]], snippets: list[str]) -> None:
    text = yaml.safe_dump({"releases": releases}, allow_unicode=True) + "".join(snippets)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / sitefiles.RELEASES_FILE).write_text(text, encoding="utf-8")
        diagnostics = Diagnostics()
        sitefiles.load_releases(Path(folder), diagnostics)
        assert_located(diagnostics, text)


BIB_PIECES = st.sampled_from(["@misc{k1, title = {T}}\n", "@misc{K1, title={again}}\n", "@book{k2,\n  title = {Open\n",
                              '@string{a = "ab"}\n', "@string{b = a # a}\n", "@misc{k3, title = b # {x}}\n",
                              "@comment{ { }\n", "}\n", "@misc(k4, title={P})\n", "@preamble{\"\\x\"}\n", "% note\n",
                              "@misc{k5, author = {Dupont, Ada and {Comité}}, year = 2021,}\n", "@\n", "{{{\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(BIB_PIECES | HOSTILE_TEXT, max_size=8))
def test_any_references_bib_is_read_in_one_pass_and_its_safe_copy_parses(pieces: list[str]) -> None:
    import pybtex.errors
    from pybtex.database import parse_string
    from pybtex.scanner import PybtexError

    text = "".join(pieces)
    diagnostics = Diagnostics()
    result = bibfile.check_text(text, "references.bib", diagnostics)
    assert_located(diagnostics, text)
    if result.safe_text is not None:
        assert result.safe_text.count("\n") == text.count("\n")
        pybtex.errors.set_strict_mode(False)
        try:
            parsed = parse_string(result.safe_text, "bibtex")
        except PybtexError:
            return  # text that is not BibTeX at all: pybtex's own message, no repeated key left
        assert len({key.lower() for key in parsed.entries}) == len(parsed.entries)


# What the build is given: pieces whose every problem is the archive's (pybtex prints its own syntax
# warnings, unlocated, for text that is not BibTeX at all; those are the core test's above).
BUILD_BIB_PIECES = st.sampled_from(["@misc{k1, title = {T}}\n", "@misc{K1, title={again}}\n",
                                    "@book{k2,\n  title = {Open\n", "@misc(k4, title={P})\n", "% note\n",
                                    "@misc{k5, author = {Dupont, Ada and {Comité}}, year = 2021,}\n"])


# --- the whole way, for a few examples: check and build agree, outputs parse ---------------------

# A build and a check each (about 10 s on a busy 2-core machine): a few in CI, more on request
# (ARCHIVE_HOSTILE_EXAMPLES=50 found the U+2028 line shift that sphinx/reader.py now avoids).
# Checkers that look for one corpus case's own planted text or settings (a page may lose ser-03
# here; the generated site has no address, so no linkset).
CASE_SPECIFIC_CHECKERS = frozenset({"doi-title", "signposting"})
FULL_WAY_EXAMPLES = int(os.environ.get("ARCHIVE_HOSTILE_EXAMPLES", "6"))

def problems_of_the_build(srcdir: Path, outdir: Path) -> list[tuple[str, int, str, str]]:
    result = cli_build(srcdir, "-n", "--keep-going", "-q", outdir=outdir)
    output = result.stdout + result.stderr
    assert not any(crash in output for crash in CRASHES), output
    assert result.returncode == 0, output
    found = []
    for line in result.warnings:
        match = LINE.match(line)
        assert match, f"a warning without file:line and archive subtype: {line}"
        found.append((Path(match["path"]).relative_to(srcdir).as_posix(), int(match["line"]), match["subtype"],
                      match["message"]))
    return sorted(found)


def problems_of_the_check(srcdir: Path) -> list[tuple[str, int, str, str]]:
    checked = subprocess.run([sys.executable, "-m", "seminar_archive", "--lang", "en", "check"], cwd=srcdir,
                             capture_output=True, text=True, check=False, timeout=120)
    assert "Traceback" not in checked.stdout + checked.stderr, checked.stderr
    matches = [CHECK_LINE.match(line) for line in checked.stderr.splitlines()]
    assert all(matches), checked.stderr
    return sorted((m["path"], int(m["line"]), m["subtype"], m["message"]) for m in matches if m)


@settings(max_examples=FULL_WAY_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_page(), st.lists(RELEASE, max_size=2), st.lists(BUILD_BIB_PIECES, max_size=4))
def test_check_and_build_agree_and_every_output_parses(page: str, releases: list[dict[str, Any]],
                                                       bib: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        srcdir = copy_root("basic", Path(folder))
        (srcdir / "sessions" / "ser-03.md").write_text(page, encoding="utf-8")
        (srcdir / sitefiles.RELEASES_FILE).write_text(yaml.safe_dump({"releases": releases}, allow_unicode=True),
                                                      encoding="utf-8")
        conf = (srcdir / "conf.py").read_text(encoding="utf-8")
        (srcdir / "conf.py").write_text(conf.replace('"seminar_archive"]', '"seminar_archive", "sphinxcontrib.bibtex"]')
                                        + 'bibtex_bibfiles = ["references.bib"]\n'
                                        # So that data/oai.xml is written, and parsed below.
                                        + 'archive_oai_admin_email = "archive@example.org"\n', encoding="utf-8")
        (srcdir / "references.bib").write_text("".join(bib), encoding="utf-8")
        from_build = problems_of_the_build(srcdir, Path(folder) / "out")
        assert problems_of_the_check(srcdir) == from_build
        out = Path(folder) / "out"
        for name, check in CHECKERS.items():
            if name not in CASE_SPECIFIC_CHECKERS:
                check(out)
