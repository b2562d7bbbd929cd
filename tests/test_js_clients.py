"""The JavaScript citation clients on the built site's files: citation-js (``@citation-js/core``
with its BibTeX, RIS and CSL plugins) parses every downloadable file, and citeproc-js renders the
CSL-JSON with the official APA, Chicago author-date and ISO 690 (French) styles in fr-FR.

They live in tests/js (package.json, a committed package-lock.json with exact versions, the styles
and locale vendored with their licence: tests/js/csl/README.md). The test installs them with
``npm ci`` and runs ``node tests/js/clients.cjs``, which prints JSON. Node and npm come from Debian
(.ci/run); without them the tests skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from clients import require_tool
from conftest import CliBuild
from readers_site import BASE  # the address the shared site is built with

JS = Path(__file__).parent / "js"
SERIES_TITLE = "Intelligence artificielle et santé"
ORGANISER = "Chaire santé (Sciences Po)"
SUFFIXES = (".bib", ".biblatex.bib", ".ris", ".csl.json")


@pytest.fixture(scope="module")
def node() -> str:
    found = require_tool("node")
    npm = require_tool("npm")
    installed = JS / "node_modules" / ".package-lock.json"
    if not installed.is_file() or installed.stat().st_mtime < (JS / "package-lock.json").stat().st_mtime:
        run = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=JS, capture_output=True, text=True,
                             timeout=600, check=False)
        if run.returncode != 0:
            message = f"npm ci failed in {JS}: {run.stderr[-2000:]}"
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message + " (no registry here?)")
    return found


@pytest.fixture(scope="module")
def site(addressed_site: CliBuild) -> CliBuild:
    return addressed_site


def downloads(site: CliBuild) -> list[Path]:
    """Every citation file the site offers: each item's, each person's bibliography, the series'."""
    found = [path for path in site.outdir.rglob("*") if path.name.endswith(SUFFIXES) and path.is_file()]
    assert len(found) > 40
    return sorted(found)


def run_js(node: str, command: str, files: list[Path]) -> dict[str, Any]:
    run = subprocess.run([node, str(JS / "clients.cjs"), command, *map(str, files)], capture_output=True,
                         text=True, encoding="utf-8", timeout=300, check=False)
    assert run.returncode == 0, run.stderr[-4000:]
    output: dict[str, Any] = json.loads(run.stdout)
    return output


@pytest.fixture(scope="module")
def parsed(node: str, site: CliBuild) -> dict[str, list[dict[str, Any]]]:
    """citation-js's CSL items of every downloadable file, by path relative to the site."""
    output = run_js(node, "parse", downloads(site))
    assert output["warnings"] == []
    return {str(Path(path).relative_to(site.outdir)): found["items"] for path, found in output["result"].items()}


@pytest.fixture(scope="module")
def rendered(node: str, site: CliBuild) -> dict[str, dict[str, str]]:
    """citeproc-js's bibliography entry for sessions 2, 6, 7 and the press release, by style."""
    files = [site.outdir / f"{name}.csl.json" for name in ("sessions/ia-sante-02", "sessions/ia-sante-06",
                                                           "sessions/ia-sante-07", "press/communique-2022-10-21")]
    output = run_js(node, "render", files)
    return {Path(path).name.removesuffix(".csl.json"): {style: entries[0] for style, entries in styles.items()}
            for path, styles in output["result"].items()}


def one(parsed: dict[str, list[dict[str, Any]]], path: str) -> dict[str, Any]:
    [item] = parsed[path]
    return item


def names(item: dict[str, Any], role: str) -> list[str]:
    return [n.get("literal") or " ".join(p for p in (n.get("given"), n.get("family")) if p)
            for n in item.get(role, [])]


def notes(item: dict[str, Any]) -> str:
    note = item.get("note", "")
    return " | ".join(note) if isinstance(note, list) else note


# ----------------------------------------------------------------------------- citation-js

def test_citation_js_reads_every_file(parsed: dict[str, list[dict[str, Any]]], site: CliBuild) -> None:
    for path, items in parsed.items():
        assert items, path
        source = (site.outdir / path).read_text(encoding="utf-8")
        for item in items:
            assert item.get("type"), (path, item)  # RIS PRESS gave an entry with no type
            assert item["title"] and "[" not in item["title"], (path, item["title"])
            assert "issued" in item and item.get("URL", "").startswith(BASE), path
            for key in ("event-title", "container-title", "publisher"):
                assert "[" not in item.get(key, ""), (path, key, item.get(key))
        if path.endswith(".csl.json"):
            assert len(items) == len(json.loads(source)), path
        elif path.endswith(".ris"):
            assert len(items) == source.count("ER  - "), path
        else:
            assert len(items) == len(re.findall(r"^@\w+\{", source, re.MULTILINE)), path


def test_citation_js_session_2(parsed: dict[str, list[dict[str, Any]]]) -> None:
    speakers = ["Alain Livartowski", "Olivier Vire", "Laurence Gavit", "Nicolas Garcelon", "Lydia Morlet"]
    moderators = "Animation : Daniel Benamouzig, Catherine Commaille-Chapus"
    csl = one(parsed, "sessions/ia-sante-02.csl.json")
    assert csl["type"] == "speech" and names(csl, "author") == speakers
    assert names(csl, "chair") == ["Daniel Benamouzig", "Catherine Commaille-Chapus"]
    assert csl["event-title"] == SERIES_TITLE and "event-date" not in csl
    ris = one(parsed, "sessions/ia-sante-02.ris")
    assert ris["type"] == "motion_picture"  # citation-js's reading of RIS SLIDE (Zotero: presentation)
    assert names(ris, "author") == speakers and moderators in notes(ris)
    for path in ("sessions/ia-sante-02.bib", "sessions/ia-sante-02.biblatex.bib"):
        item = one(parsed, path)
        assert names(item, "author") == speakers and moderators in notes(item), path
        assert not set(names(item, "author")) & {"Daniel Benamouzig", "Catherine Commaille-Chapus"}
    assert one(parsed, "sessions/ia-sante-02.biblatex.bib")["event-title"] == SERIES_TITLE
    assert one(parsed, "sessions/ia-sante-02.biblatex.bib")["issued"] == {"date-parts": [[2021, 9, 7]]}


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_citation_js_session_6_has_no_author(parsed: dict[str, list[dict[str, Any]]], suffix: str) -> None:
    item = one(parsed, f"sessions/ia-sante-06{suffix}")
    assert "author" not in item, item
    assert item["title"] == "séance de travail sur le livrable final"
    assert ORGANISER in json.dumps(item, ensure_ascii=False)  # as publisher, spelt one way


def test_citation_js_press_release_is_a_report(parsed: dict[str, list[dict[str, Any]]]) -> None:
    for suffix in (".ris", ".csl.json"):
        item = one(parsed, f"press/communique-2022-10-21{suffix}")
        assert item["type"] == "report", suffix
        assert names(item, "author") == ["Health Data Hub"] and item["publisher"] == "Health Data Hub"
        assert item["publisher-place"] == "Paris" and item["genre"] == "Communiqué de presse"
        assert item["issued"] == {"date-parts": [[2022, 10, 21]]}
        assert "event-title" not in item and "event-place" not in item
        assert "Au sujet de : IA et médecine, promesses et limites" in notes(item)
    # biblatex @online (DESIGN.md): a web page to citation-js, with the issuer as publisher.
    online = one(parsed, "press/communique-2022-10-21.biblatex.bib")
    assert online["type"] == "webpage" and online["publisher"] == "Health Data Hub"
    assert "Communiqué de presse, Paris" in notes(online)


# ----------------------------------------------------------------------------- citeproc-js

STYLES = ("apa", "chicago-author-date", "iso690-author-date-fr")
CHAIR_LABEL = {"apa": "Président", "chicago-author-date": "Présidé par", "iso690-author-date-fr": "Animation"}


@pytest.mark.parametrize("style", STYLES)
def test_citeproc_session_2(rendered: dict[str, dict[str, str]], style: str) -> None:
    text = rendered["ia-sante-02"][style]
    assert "IA et innovations médicales" in text and "[Intelligence" not in text  # ISO 690 has its own "[en ligne]"
    assert "LIVARTOWSKI, A" in text.upper() and "MORLET" in text.upper()  # ISO 690 writes family names in capitals
    # The day once (the CSL item has no event-date equal to issued any more).
    assert len(re.findall(r"7 septembre|septembre 7", text)) == 1, text
    # Moderators present, and labelled as moderators (CSL's chair term, or our note).
    assert "Benamouzig" in text and CHAIR_LABEL[style] in text, text
    assert ORGANISER in text


@pytest.mark.parametrize("style", STYLES)
def test_citeproc_session_6_names_no_author(rendered: dict[str, dict[str, str]], style: str) -> None:
    text = rendered["ia-sante-06"][style]
    assert text.lstrip("«\u00a0 ").startswith("séance de travail sur le livrable final"), text
    assert text.count(ORGANISER) == 1  # the publisher, not also an author


@pytest.mark.parametrize("style", STYLES)
def test_citeproc_session_7_one_moderator(rendered: dict[str, dict[str, str]], style: str) -> None:
    text = rendered["ia-sante-07"][style]
    assert "Gruson" in text and CHAIR_LABEL[style] in text
    assert len(re.findall(r"8 mars|mars 8", text)) == 1, text


@pytest.mark.parametrize("style", STYLES)
def test_citeproc_press_release_is_not_presented_at_the_symposium(rendered: dict[str, dict[str, str]],
                                                                  style: str) -> None:
    text = rendered["communique-2022-10-21"][style]
    assert text.startswith(("Health Data Hub", "HEALTH DATA HUB")), text
    assert "Communiqué de presse" in text
    if style == "iso690-author-date-fr":
        # ISO 690 prints the place of a report, and our note with the event it is about.
        assert "Paris\u00a0: Health Data Hub" in text and "Au sujet de" in text
    else:
        # APA 7 and Chicago 18 print no place of publication; the event is not a venue.
        assert "IA et médecine, promesses et limites" not in text and "Académie nationale" not in text


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_citation_js_templates_and_the_moderators(node: str, site: CliBuild, suffix: str) -> None:
    """What docs/citer.md says: citation-js's own APA, Vancouver and Harvard templates never print
    a note, so the moderators of a .bib or .ris file do not show; from CSL-JSON, APA prints the
    chairs. The speakers always show, the moderators never as authors."""
    output = run_js(node, "parse", [site.outdir / f"sessions/ia-sante-02{suffix}"])
    [found] = output["result"].values()
    for template, text in found["templates"].items():
        assert "Livartowski" in text and "[Intelligence" not in text, template
        shows = "Benamouzig" in text
        assert shows == (suffix == ".csl.json" and template == "apa"), (template, text)
        if shows:
            assert "Chairs" in text  # labelled as chairs, not listed with the authors
