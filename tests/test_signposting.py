"""FAIR Signposting on the real site (level 1 links in each item page's head, level 2 linksets),
read with the ``signposting`` package's parsers, and CITATION.cff validated by cffconvert."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from signposting import Signposting

from conftest import REPO, CliBuild, cli_build, copy_root
from seminar_archive.loader import load_archive
from seminar_archive.standards.citationcff import ArchiveFacts, citation_cff
from signpostcheck import check_linkset_structure, linkset_signposts, load_linkset, page_signposts

BASE = "https://archive.test/"
# Identifiers given to the test copy's registry only (ORCID's documented example iD, a pattern-valid
# IdRef and ROR, DataCite's test prefix): the real registry has none, and none is invented.
ORCID, IDREF, ROR, DOI = "0000-0002-1825-0097", "12345678X", "0abcdef12", "10.5072/ia-sante-02"
SESSION, PRESS, SERIES = "sessions/ia-sante-02", "press/communique-2022-10-21", "series/ia-sante"
SPDX_URL = "https://spdx.org/licenses/CC-BY-4.0.html"
CFFCONVERT = "cffconvert==2.0.0"


def _give(path: Path, entry: str, field: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    head, found, tail = text.partition(f"\n{entry}:\n")
    assert found, entry
    block, rest = tail.split(f"  {field}: null\n", 1)
    path.write_text(f"{head}{found}{block}  {field}: \"{value}\"\n{rest}", encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> CliBuild:
    tmp = tmp_path_factory.mktemp("signpost")
    srcdir = copy_root("site", tmp)
    _give(srcdir / "registry" / "people.yaml", "alain-livartowski", "orcid", ORCID)
    _give(srcdir / "registry" / "people.yaml", "olivier-vire", "idref", IDREF)
    _give(srcdir / "registry" / "organisations.yaml", "health-data-hub", "ror", ROR)
    page = srcdir / "sessions" / "ia-sante-02.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("  citekey: iasante-2021-s02\n", f"  citekey: iasante-2021-s02\n  doi: \"{DOI}\"\n"),
                    encoding="utf-8")
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-q", "-D", f"html_baseurl={BASE}",
                       "-D", "archive_license=CC-BY-4.0", "-D", "archive_doi=10.5072/archive",
                       outdir=tmp / "out")
    assert result.returncode == 0, result.stderr
    return result


def head_of(site: CliBuild, docname: str) -> Signposting:
    return page_signposts((site.outdir / f"{docname}.html").read_text(encoding="utf-8"), f"{BASE}{docname}.html")


def described(docname: str, item_id: str) -> set[tuple[str, str | None]]:
    return {
        (f"{BASE}{docname}.bib", "application/x-bibtex"),
        (f"{BASE}{docname}.biblatex.bib", "application/x-bibtex"),
        (f"{BASE}{docname}.ris", "application/x-research-info-systems"),
        (f"{BASE}{docname}.csl.json", "application/vnd.citationstyles.csl+json"),
        (f"{BASE}{docname}.datacite.xml", "application/vnd.datacite.datacite+xml"),
        (f"{BASE}{docname}.mods.xml", "application/mods+xml"),
        (f"{BASE}{docname}.oai_dc.xml", "application/xml"),
        (f"{BASE}{docname}.jsonld", "application/ld+json"),
    }


def test_session_2_signposts_every_link_type(site: CliBuild) -> None:
    found = head_of(site, SESSION)
    assert found.citeAs is not None and found.citeAs.target == f"https://doi.org/{DOI}"
    assert {(s.target, s.type) for s in found.describedBy} == described(SESSION, "ia-sante-02")
    [oai_dc] = [s for s in found.describedBy if s.target.endswith("ia-sante-02.oai_dc.xml")]
    assert oai_dc.profiles == {"http://www.openarchives.org/OAI/2.0/oai_dc/"}
    assert {(s.target, s.type) for s in found.items} == {(f"{BASE}sources/000_01517cb4f730b06c.txt", "text/plain")}
    # Two of the five speakers have an identifier in the registry: only they are linked, and no
    # moderator, no person page, and not Sphinx's "about" page (rel="author" in its layout).
    assert {s.target for s in found.authors} == {f"https://orcid.org/{ORCID}", f"https://www.idref.fr/{IDREF}"}
    assert {s.target for s in found.types} == {"https://schema.org/Event", "https://schema.org/AboutPage"}
    assert found.license is not None and found.license.target == SPDX_URL
    assert {(s.target, s.type) for s in found.linksets} == {(f"{BASE}sessions/ia-sante-02.linkset.json",
                                                             "application/linkset+json")}
    assert not found._extras  # nothing unrecognised, no second cite-as or licence


def test_press_release_signposts_every_link_type(site: CliBuild) -> None:
    found = head_of(site, PRESS)
    assert found.citeAs is not None and found.citeAs.target == f"{BASE}{PRESS}.html"  # no DOI: its address
    assert {(s.target, s.type) for s in found.describedBy} == described(PRESS, "communique-2022-10-21")
    assert {(s.target, s.type) for s in found.items} == {(f"{BASE}sources/003_0be8fc24b0174986.txt", "text/plain")}
    assert {s.target for s in found.authors} == {f"https://ror.org/{ROR}"}  # the issuer, by its ROR id
    assert {s.target for s in found.types} == {"https://schema.org/NewsArticle", "https://schema.org/AboutPage"}
    assert found.license is not None and found.license.target == SPDX_URL
    assert {s.target for s in found.linksets} == {f"{BASE}{PRESS}.linkset.json"}


def test_the_series_is_signposted_as_a_collection(site: CliBuild) -> None:
    found = head_of(site, SERIES)
    assert {s.target for s in found.types} == {"https://schema.org/EventSeries", "https://schema.org/Collection",
                                               "https://schema.org/AboutPage"}
    assert found.citeAs is not None and found.citeAs.target == f"{BASE}{SERIES}.html"
    assert not found.authors  # its organisers have no ROR id in the registry


def test_pages_that_are_not_items_are_not_signposted(site: CliBuild) -> None:
    found = page_signposts((site.outdir / "about.html").read_text(encoding="utf-8"), f"{BASE}about.html")
    assert found.citeAs is None and not found.describedBy and not found.linksets


def test_each_linkset_says_what_the_head_says_and_points_back(site: CliBuild) -> None:
    archive, _ = load_archive(site.outdir.parent / "site")
    items = [*archive.series.values(), *archive.sessions.values(), *archive.press.values()]
    assert len(items) == 10
    for item in items:
        page = f"{BASE}{item.docname}.html"
        url = f"{BASE}{item.docname}.linkset.json"
        text = (site.outdir / f"{item.docname}.linkset.json").read_text(encoding="utf-8")
        check_linkset_structure(load_linkset(text))
        parsed = linkset_signposts(text, url)
        head = head_of(site, item.docname)
        of_page = parsed.for_context(page)
        assert {(s.rel, s.target, s.type) for s in of_page} == {(s.rel, s.target, s.type) for s in head
                                                                 if s.rel.value != "linkset"}
        # Level 2: each metadata file "describes" the page, each source document is in its "collection".
        for signpost in head.describedBy:
            back = parsed.for_context(signpost.target)
            assert {(s.target, s.type) for s in back.describes} == {(page, "text/html")}
            assert (site.outdir / signpost.target.removeprefix(BASE)).is_file(), signpost.target
        for signpost in head.items:
            back = parsed.for_context(signpost.target)
            assert back.collection is not None and back.collection.target == page
            assert (site.outdir / signpost.target.removeprefix(BASE)).is_file(), signpost.target


# CITATION.cff --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def cffconvert() -> Path:
    """cffconvert in its own environment (it pins jsonschema 3, which ours cannot share), made once
    under build/tools. Without PyPI the test is skipped locally and fails under CI=true."""
    venv = REPO / "build" / "tools" / "cffconvert-venv"
    program = venv / "bin" / "cffconvert"
    if not program.is_file():
        try:
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=120)
            subprocess.run([str(venv / "bin" / "pip"), "install", "-q", CFFCONVERT], check=True,
                           capture_output=True, timeout=600)
        except (subprocess.SubprocessError, OSError) as error:
            if os.environ.get("CI") == "true":
                pytest.fail(f"cannot install {CFFCONVERT}: {error}")
            pytest.skip(f"cannot install {CFFCONVERT}: {error}")
    return program


def validate_cff(cffconvert: Path, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(cffconvert), "--validate", "-i", str(path)], capture_output=True, text=True,
                          check=False, timeout=120)


def test_citation_cff_validates(site: CliBuild, cffconvert: Path, tmp_path: Path) -> None:
    path = site.outdir / "CITATION.cff"
    checked = validate_cff(cffconvert, path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["cff-version"] == "1.2.0" and data["type"] == "dataset"
    assert data["title"] == "Archive du séminaire IA et santé de la Chaire santé"
    assert data["authors"] == [{"name": "Chaire santé (Sciences Po)"}]  # the series' organiser
    assert data["license"] == "CC-BY-4.0" and data["doi"] == "10.5072/archive"
    assert "url" not in data  # archive.test is a placeholder address: not where the archive is
    assert "données de santé" in data["keywords"]
    # The validator can fail: without authors, the file is refused.
    broken = tmp_path / "CITATION.cff"
    broken.write_text(yaml.safe_dump({k: v for k, v in data.items() if k != "authors"}), encoding="utf-8")
    assert validate_cff(cffconvert, broken).returncode != 0


def test_citation_cff_leaves_out_what_is_not_given(cffconvert: Path, tmp_path: Path) -> None:
    archive, _ = load_archive(REPO / "docs")
    text = citation_cff(archive, ArchiveFacts(title="Archive", url="https://archive.example.org/"))
    path = tmp_path / "CITATION.cff"
    path.write_text(text, encoding="utf-8")
    checked = validate_cff(cffconvert, path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    data = yaml.safe_load(text)
    assert data["url"] == "https://archive.example.org/"
    assert not {"license", "doi", "version", "orcid", "contact"} & set(data)


def test_the_repository_citation_cff_is_the_one_the_site_publishes(cffconvert: Path) -> None:
    """GitHub and Zenodo read CITATION.cff at the repository's root: it is the file a plain build
    of docs/ writes (copy build/html/CITATION.cff there when this fails), and it validates."""
    import runpy

    conf = runpy.run_path(str(REPO / "docs" / "conf.py"))
    archive, _ = load_archive(REPO / "docs")
    facts = ArchiveFacts(title=conf["project"], fallback_author=conf["author"],
                         license=conf.get("archive_license", ""), doi=conf.get("archive_doi", ""))
    assert conf["html_baseurl"].endswith(".invalid/")  # a placeholder: the file names no address yet
    assert (REPO / "CITATION.cff").read_text(encoding="utf-8") == citation_cff(archive, facts)
    checked = validate_cff(cffconvert, REPO / "CITATION.cff")
    assert checked.returncode == 0, checked.stdout + checked.stderr
