"""The corpus of broken and hostile input (tests/corpus/bad/): each case is laid over the small
archive of tests/roots/test-basic and built as archivists build.

Each case folder holds ``files/`` (a file whose text starts with "+" is appended to the archive's
file of that name) and ``expected.yaml``: the warnings it must give (file, line, subtype, words of
the message), or none, and for hostile-but-valid input the outputs to check with their own parsers.
Every case: no traceback, no warning but the expected ones (each located and typed), the rest of
the site built, nothing from a page live in the HTML, and every export still parses."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import icalendar
import jsonschema
import pybtex.errors
import pytest
import yaml
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from pybtex.database import parse_string

import xsd
from conftest import TESTS, cli_build, copy_root
from seminar_archive import schema
from seminar_archive.standards.xmltext import xml_safe
from signpostcheck import check_linkset_structure, linkset_signposts, page_signposts
from xsd import validate_oai_dc, validate_static_repository

CORPUS = TESTS / "corpus" / "bad"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): WARNING: (?P<message>.*) \[archive\.(?P<subtype>[a-z-]+)\]$")
CHECK_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<message>.*) \[archive\.(?P<subtype>[a-z-]+)\]$")
# Cases (issue 23) also run through `archive check`, which must agree with the build line for line.
CHECKED_TOO = ("yaml-", "limit-", "bib-", "line-", "ident-", "agree-")
CRASHES = ("Traceback", "Exception occurred", "Encoding error", "Extension error")


def lay_over(case: Path, srcdir: Path) -> None:
    for source in sorted((case / "files").rglob("*")):
        if not source.is_file():
            continue
        target = srcdir / source.relative_to(case / "files")
        target.parent.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes()
        if data == b"GENERATED-LARGE":
            data = large_page().encode("utf-8")
        if data.startswith(b"+"):
            data = target.read_bytes() + data[1:]
        target.write_bytes(data)


def large_page() -> str:
    body = "\n\n".join(f"Paragraphe {i} : l’intelligence artificielle en santé, encore et encore." for i in range(5000))
    return ("---\narchive:\n  kind: session\n  id: ser-03\n  series: ser\n  number: 3\n  date: 2022-03-01\n"
            "  title: Très longue séance\n  speakers:\n    - person: ada-dupont\n  citekey: k-ser-03\n"
            "  source: prog.txt\n---\n\n" + body + "\n")


# --- one checker per kind of output: each parses the files with a real parser -----------------

def check_html(out: Path) -> None:
    for page in out.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":  # data: it must stay one JSON value
                json.loads(script.get_text())
                continue
            assert "alert" not in script.get_text(), f"{page}: a page's script became live"
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                shown = " ".join(value) if isinstance(value, list) else str(value)
                assert not (name.startswith("on") and "alert" in shown), f"{page}: live {name} on <{tag.name}>"
                if name == "http-equiv":  # a page must not redirect or reload its readers
                    raise AssertionError(f"{page}: <{tag.name} http-equiv={shown}>")
                if name in ("href", "src", "action"):
                    assert not shown.strip().lower().startswith("javascript:"), f"{page}: {name}={shown}"
        assert soup.find("svg", onload=True) is None and soup.find("img", src="x") is None, page


def check_bib(out: Path) -> None:
    pybtex.errors.set_strict_mode(True)
    for bib in out.rglob("*.bib"):
        parse_string(bib.read_text(encoding="utf-8"), "bibtex")


def check_ris(out: Path) -> None:
    for ris in out.rglob("*.ris"):
        lines = [line for line in ris.read_bytes().decode("utf-8").split("\r\n") if line]
        assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines), ris
        assert sum(line.startswith("TY  - ") for line in lines) == sum(line.startswith("ER  - ") for line in lines)


def check_csl(out: Path) -> None:
    for csl in out.rglob("*.csl.json"):
        items = json.loads(csl.read_text(encoding="utf-8"))
        jsonschema.validate(items, schema.schema("csl-items.schema.json"))


def check_json(out: Path) -> None:
    document = json.loads((out / "data" / "archive.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema.schema("archive.schema.json"))


def check_ics(out: Path) -> None:
    calendar = icalendar.Calendar.from_ical((out / "data" / "series.ics").read_bytes())
    sessions = json.loads((out / "data" / "archive.json").read_text(encoding="utf-8"))["sessions"]
    events = calendar.walk("VEVENT")
    assert sorted(str(e["UID"]).split("@")[0] for e in events) == sorted(s["id"] for s in sessions)
    titles = {s["id"]: s["title"] for s in sessions}
    for event in events:
        assert str(event["SUMMARY"]) == titles[str(event["UID"]).split("@")[0]]


def check_atom(out: Path) -> None:
    feed = ElementTree.fromstring((out / "data" / "additions.atom").read_bytes())
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"


def check_outside(out: Path) -> None:
    """Nothing of the file outside the tree that the file-* cases name (/etc/passwd) is in any
    output, Sphinx's pickled doctrees included."""
    secret = Path("/etc/passwd").read_bytes().splitlines()[0]
    for path in out.rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes(), path
            # An SVG opened on its own runs its script in the site's pages (the addr-* cases plant one).
            assert not (path.suffix == ".svg" and b"alert(" in path.read_bytes()), path


def check_standards(out: Path) -> None:
    """Every DataCite and MODS file of the build is valid against its official schema (offline)."""
    records = [*out.rglob("*.datacite.xml"), *out.rglob("*.mods.xml")]
    assert records, "no DataCite or MODS file"
    for record in records:
        xsd.validate(record.read_bytes(), xsd.DATACITE if record.name.endswith(".datacite.xml") else xsd.MODS)


def check_doi_title(out: Path) -> None:
    """The hostile title of ser-03 comes back from its DataCite and MODS files as the text it was
    (less the control characters XML cannot hold), not as markup."""
    sessions = json.loads((out / "data" / "archive.json").read_text(encoding="utf-8"))["sessions"]
    title = xml_safe(next(s["title"] for s in sessions if s["id"] == "ser-03"))
    datacite = ElementTree.fromstring((out / "sessions" / "ser-03.datacite.xml").read_bytes())
    mods = ElementTree.fromstring((out / "sessions" / "ser-03.mods.xml").read_bytes())
    assert datacite.find("{http://datacite.org/schema/kernel-4}titles/{http://datacite.org/schema/kernel-4}title"
                         ).text == title
    assert mods.find("{http://www.loc.gov/mods/v3}titleInfo/{http://www.loc.gov/mods/v3}title").text == title


def check_xml(out: Path) -> None:
    """The harvestable files (data/oai.xml, each page's .oai_dc.xml) parse and validate against their schemas."""
    records = sorted(out.rglob("*.oai_dc.xml"))
    ids = sorted(s["id"] for s in json.loads((out / "data" / "archive.json").read_text(encoding="utf-8"))["sessions"])
    assert {f"{i}.oai_dc.xml" for i in ids} <= {r.name for r in records}, records
    for record in records:
        validate_oai_dc(record.read_bytes())
    validate_static_repository((out / "data" / "oai.xml").read_bytes())


def check_signposting(out: Path) -> None:
    """Each linkset is RFC 9264 JSON that signposting's parser reads; the head of each page it
    anchors says the same, through signposting's HTML parser; nothing from a page became a link;
    CITATION.cff is YAML holding the project's name as conf.py gives it."""
    linksets = sorted(out.rglob("*.linkset.json"))
    assert {p.name.removesuffix(".linkset.json") for p in linksets} == {"ser", "ser-01", "ser-02", "ser-03"}
    for path in linksets:
        text = path.read_text(encoding="utf-8")
        check_linkset_structure(json.loads(text))
        parsed = linkset_signposts(text, f"https://archive.test/{path.relative_to(out).as_posix()}")
        [page] = [c["anchor"] for c in json.loads(text)["linkset"] if c["anchor"].endswith(".html")]
        head = page_signposts((out / page.removeprefix("https://archive.test/")).read_text(encoding="utf-8"), page)
        assert {(s.rel, s.target) for s in parsed.for_context(page)} == {(s.rel, s.target) for s in head
                                                                        if s.rel.value != "linkset"}
        assert all(s.target.startswith(("https://archive.test/", "https://schema.org/", "https://orcid.org/",
                                        "https://spdx.org/")) for s in head), head
    head = page_signposts((out / "sessions" / "ser-03.html").read_text(encoding="utf-8"),
                          "https://archive.test/sessions/ser-03.html")
    assert {s.target for s in head.authors} == {"https://orcid.org/0000-0002-1825-0097"}
    assert head.citeAs is not None and head.citeAs.target == "https://archive.test/sessions/ser-03.html"
    cff = yaml.safe_load((out / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["title"] == 'Archive <link rel="author" href="x"> & &amp; "quoted" ]]> : - # {not: yaml}'


def check_eac(out: Path) -> None:
    """Every EAC-CPF record (data/people/, data/organisations/) parses and validates against the
    EAC-CPF 2.0 schema, one per registry entry; names and variants come back as the text they
    were (less the control characters XML cannot hold), not as markup."""
    document = json.loads((out / "data" / "archive.json").read_text(encoding="utf-8"))
    eac = "{https://archivists.org/ns/eac/v2}"
    for folder, entries in (("people", document["people"]), ("organisations", document["organisations"])):
        records = {p.name: p for p in (out / "data" / folder).glob("*.eac.xml")}
        assert set(records) == {f"{entry['id']}.eac.xml" for entry in entries}
        for entry in entries:
            data = records[f"{entry['id']}.eac.xml"].read_bytes()
            xsd.validate_eac(data)
            identity = ElementTree.fromstring(data).find(f"{eac}cpfDescription/{eac}identity")
            names = [[part.text for part in name.iter(f"{eac}part")] for name in identity.iter(f"{eac}nameEntry")]
            if folder == "people":
                assert names[0][:2] == [xml_safe(entry["family"]), xml_safe(entry["given"])]
                expected = [xml_safe(v) for v in entry["variants"]]
            else:
                assert names[0] == [xml_safe(entry["name"])]
                expected = [xml_safe(v) for v in [entry["acronym"] or "", *entry["variants"]] if v]
            assert [n for [n] in names[1:]] == expected


CHECKERS: dict[str, Callable[[Path], None]] = {"html": check_html, "bib": check_bib, "ris": check_ris,
                                                "csl": check_csl, "json": check_json, "ics": check_ics,
                                                "atom": check_atom, "outside": check_outside,
                                                "standards": check_standards, "doi-title": check_doi_title,
                                                "xml": check_xml, "eac": check_eac,
                                                "signposting": check_signposting}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    manifest = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    srcdir = copy_root("basic", tmp_path)
    lay_over(case, srcdir)
    result = cli_build(srcdir, "-n", "--keep-going", "-q", outdir=tmp_path / "out")
    output = result.stdout + result.stderr
    assert not any(crash in output for crash in CRASHES), output
    assert result.returncode == 0, output  # without -W, the site builds
    found = []
    for line in result.warnings:
        match = LINE.match(line)
        assert match, f"a warning without file:line and archive subtype: {line}"
        found.append((Path(match["path"]).relative_to(srcdir).as_posix(), int(match["line"]), match["subtype"],
                      match["message"]))
    expected = manifest["expect"]
    for want in expected:
        hits = [f for f in found if f[:3] == (want["file"], want["line"], want["subtype"])]
        assert hits, f"expected {want}, got {found}"
        assert any(want["message"] in f[3] for f in hits), (want, hits)
    assert len(found) == len(expected), found  # nothing else
    if case.name.startswith(CHECKED_TOO):
        # archive check, as archivists run it before building, finds the same problems at the same lines.
        checked = subprocess.run([sys.executable, "-m", "seminar_archive", "--lang", "en", "check"], cwd=srcdir,
                                 capture_output=True, text=True, check=False, timeout=120)
        assert "Traceback" not in checked.stderr + checked.stdout, checked.stderr
        assert checked.returncode == (1 if expected else 0), checked.stderr
        from_check = [CHECK_LINE.match(line) for line in checked.stderr.splitlines()]
        assert all(from_check), checked.stderr
        assert sorted((m["path"], int(m["line"]), m["subtype"], m["message"]) for m in from_check if m) == sorted(found)
    # The rest of the site is there.
    out = result.outdir
    for page in ("index.html", "sessions/ser-01.html", "sessions/index.html", "people/ada-dupont.html"):
        assert (out / page).is_file(), page
    # Whatever the input, nothing from a page is live markup, and every export parses.
    for name in ("html", "bib", "ris", "csl", "json", "standards", *manifest.get("escaped", [])):
        CHECKERS[name](out)


@pytest.mark.parametrize("name", ["yaml-unclosed-list", "duplicate-key", "unresolved-session-ref", "not-utf8",
                                  "raw-html-in-presentation", "org-own-parent"])
def test_with_W_the_build_fails(name: str, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    lay_over(CORPUS / name, srcdir)
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-q", outdir=tmp_path / "out")
    assert result.returncode != 0
    assert not any(crash in result.stdout + result.stderr for crash in CRASHES)


def test_the_corpus_is_large_and_covers_the_issue() -> None:
    assert len(CASES) >= 40
    subtypes = {w["subtype"] for case in CASES
                for w in yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))["expect"]}
    assert {"yaml", "bad-value", "bad-date", "missing-field", "duplicate-id", "duplicate-key", "duplicate-number",
            "unknown-person", "org-cycle", "ref", "raw-html", "theme-spelling"} <= subtypes
