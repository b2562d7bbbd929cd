"""DataCite and MODS records: built by the extension, valid against the official schemas read
offline (tests/schemas/), with the facts of the model in the right elements."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from defusedxml import ElementTree

import xsd
from conftest import TESTS, cli_build, copy_root
from seminar_archive.citations.record import citable, citation_record
from seminar_archive.loader import load_archive
from seminar_archive.standards.records import standard_files

DOCS = TESTS.parent / "docs"
DC = "{http://datacite.org/schema/kernel-4}"
MODS = "{http://www.loc.gov/mods/v3}"


def _files(srcdir: Path) -> dict[str, str]:
    archive, _ = load_archive(srcdir)
    return dict(standard_files(archive, lambda d: f"https://archive.example/{d}.html",
                               lambda item: citation_record(archive, item,
                                                            lambda d: f"https://archive.example/{d}.html")))


@pytest.fixture(scope="module")
def site_files() -> dict[str, str]:
    return _files(DOCS)


def test_every_item_of_the_site_has_both_records_and_each_is_valid(site_files: dict[str, str]) -> None:
    archive, _ = load_archive(DOCS)
    pages = [item.docname for item in citable(archive)]
    assert sorted(site_files) == sorted([f"{p}.datacite.xml" for p in pages] + [f"{p}.mods.xml" for p in pages])
    for path, text in site_files.items():
        xsd.validate(text.encode("utf-8"), xsd.DATACITE if path.endswith(".datacite.xml") else xsd.MODS)


def test_the_validator_rejects_a_broken_record(site_files: dict[str, str]) -> None:
    text = site_files["sessions/ia-sante-02.datacite.xml"]
    with pytest.raises(AssertionError, match=r"Séance"):
        xsd.validate(text.replace('resourceTypeGeneral="Event"', 'resourceTypeGeneral="Séance"').encode(), xsd.DATACITE)
    mods = site_files["sessions/ia-sante-02.mods.xml"]
    with pytest.raises(AssertionError):
        xsd.validate(mods.replace("<titleInfo>", "<titleInfo><nope/>", 1).encode(), xsd.MODS)


def test_the_validator_never_reaches_the_network(monkeypatch: pytest.MonkeyPatch, site_files: dict[str, str]) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the schema validator opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    xsd.schema.cache_clear()  # load the schemas again, with networking disabled
    for path, text in site_files.items():
        xsd.validate(text.encode("utf-8"), xsd.DATACITE if path.endswith(".datacite.xml") else xsd.MODS)
    # A schema location that is not vendored is refused, not fetched.
    remote = site_files["sessions/ia-sante-02.mods.xml"].replace(
        "http://www.loc.gov/standards/mods/v3/mods-3-8.xsd", "http://example.org/other.xsd")
    remote = remote.replace("<mods ", '<mods xmlns:x="urn:x" ', 1).replace(
        'xsi:schemaLocation="', 'xsi:schemaLocation="urn:x http://example.org/x.xsd ', 1)
    try:
        xsd.validate(remote.encode("utf-8"), xsd.MODS)
    except AssertionError as refused:
        assert "network" not in str(refused)


def test_session_2_datacite_record(site_files: dict[str, str]) -> None:
    root = ElementTree.fromstring(site_files["sessions/ia-sante-02.datacite.xml"])
    assert root.find(f"{DC}resourceType").get("resourceTypeGeneral") == "Event"
    identifier = root.find(f"{DC}identifier")
    assert identifier.get("identifierType") == "URL"  # no DOI configured: none invented
    assert identifier.text == "https://archive.example/sessions/ia-sante-02.html"
    assert root.find(f"{DC}alternateIdentifiers/{DC}alternateIdentifier").text == identifier.text
    creators = [c.find(f"{DC}creatorName").text or "" for c in root.iter(f"{DC}creator")]
    assert creators and all(", " in name for name in creators)
    affiliations = [a.text for a in root.iter(f"{DC}affiliation")]
    assert len(affiliations) == len(creators) + len(root.findall(f"{DC}contributors/{DC}contributor")) - 1
    moderators = [c for c in root.iter(f"{DC}contributor") if c.get("contributorType") == "Other"]
    assert moderators
    hosts = [c for c in root.iter(f"{DC}contributor") if c.get("contributorType") == "HostingInstitution"]
    assert [h.find(f"{DC}contributorName").get("nameType") for h in hosts] == ["Organizational"] * len(hosts)
    part_of = [r for r in root.iter(f"{DC}relatedIdentifier") if r.get("relationType") == "IsPartOf"]
    assert [r.text for r in part_of] == ["https://archive.example/series/ia-sante.html"]
    assert root.find(f"{DC}publicationYear").text == "2021"  # session 2: 2021-09-07 in the programme
    assert root.find(f"{DC}language").text == "fr"


def test_a_session_without_speakers_has_an_unavailable_creator(site_files: dict[str, str]) -> None:
    root = ElementTree.fromstring(site_files["sessions/ia-sante-06.datacite.xml"])
    assert [c.text for c in root.iter(f"{DC}creatorName")] == [":unav"]


def test_press_and_series_types(site_files: dict[str, str]) -> None:
    press = site_files["press/communique-2022-10-21.datacite.xml"]
    root = ElementTree.fromstring(press)
    assert root.find(f"{DC}resourceType").get("resourceTypeGeneral") == "Text"
    assert root.find(f"{DC}resourceType").text == "Communiqué de presse"
    assert next(d.get("dateType") for d in root.iter(f"{DC}date")) == "Issued"
    series = ElementTree.fromstring(site_files["series/ia-sante.datacite.xml"])
    assert series.find(f"{DC}resourceType").get("resourceTypeGeneral") == "Collection"
    parts = [r.text for r in series.iter(f"{DC}relatedIdentifier") if r.get("relationType") == "HasPart"]
    assert len(parts) == 8


def test_session_2_mods_record(site_files: dict[str, str]) -> None:
    root = ElementTree.fromstring(site_files["sessions/ia-sante-02.mods.xml"])
    roles: dict[str | None, list[str | None]] = {}
    for name in root.findall(f"{MODS}name"):
        code = name.find(f"{MODS}role/{MODS}roleTerm[@type='code']").text
        roles.setdefault(code, []).append(name.find(f"{MODS}displayForm").text)
    assert roles["spk"] and roles["mod"]
    assert not set(roles["spk"]) & set(roles["mod"])
    series = root.find(f"{MODS}relatedItem[@type='series']")
    assert series.find(f"{MODS}titleInfo/{MODS}partNumber").text == "Séance 2"
    assert series.find(f"{MODS}location/{MODS}url").text == "https://archive.example/series/ia-sante.html"
    assert root.find(f"{MODS}originInfo/{MODS}dateOther").get("keyDate") == "yes"


def test_the_build_writes_and_links_the_records(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-q", outdir=tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.outdir
    from bs4 import BeautifulSoup

    page = BeautifulSoup((out / "sessions" / "ser-01.html").read_text(encoding="utf-8"), "html.parser")
    links = [str(a["href"]) for a in page.select(".archive-standard-records a")]
    assert links == ["ser-01.datacite.xml", "ser-01.mods.xml"]
    for link in links:
        target = (out / "sessions" / link).resolve()
        xsd.validate(target.read_bytes(), xsd.DATACITE if "datacite" in link else xsd.MODS)


def test_the_press_release_mods_names_its_event_as_subject(site_files: dict[str, str]) -> None:
    root = ElementTree.fromstring(site_files["press/communique-2022-10-21.mods.xml"])
    meeting = root.find(f"{MODS}subject/{MODS}name[@type='conference']")
    assert meeting.find(f"{MODS}namePart[@type='date']").text == "2022-10-20"
    assert root.find(f"{MODS}originInfo/{MODS}dateIssued").text == "2022-10-21"
    assert [t.text for t in root.iter(f"{MODS}roleTerm") if t.get("type") == "code"] == ["isb"] * len(
        root.findall(f"{MODS}name"))


def test_a_configured_doi_goes_into_every_format_and_the_page_head(tmp_path: Path) -> None:
    """ser-01 of tests/roots/test-basic given 10.5072/ser-2021-s01 (DataCite's test prefix)."""
    import json

    from bs4 import BeautifulSoup
    from pybtex.database import parse_string

    doi = "10.5072/ser-2021-s01"
    srcdir = copy_root("basic", tmp_path)
    page = srcdir / "sessions" / "ser-01.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("  citekey: ser-2021-s01\n", f"  citekey: ser-2021-s01\n  doi: {doi}\n"),
                    encoding="utf-8")
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-q", outdir=tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.outdir
    bib = parse_string((out / "sessions" / "ser-01.bib").read_text(encoding="utf-8"), "bibtex")
    assert [e.fields["doi"] for e in bib.entries.values()] == [doi]
    biblatex = parse_string((out / "sessions" / "ser-01.biblatex.bib").read_text(encoding="utf-8"), "bibtex")
    assert [e.fields["doi"] for e in biblatex.entries.values()] == [doi]
    ris = (out / "sessions" / "ser-01.ris").read_bytes().decode("utf-8").split("\r\n")
    assert f"DO  - {doi}" in ris
    assert [item["DOI"] for item in json.loads((out / "sessions" / "ser-01.csl.json").read_text())] == [doi]
    head = BeautifulSoup((out / "sessions" / "ser-01.html").read_text(encoding="utf-8"), "html.parser")
    assert head.find("meta", attrs={"name": "citation_doi"})["content"] == doi
    assert f"https://doi.org/{doi}" in [m["content"] for m in head.find_all("meta", attrs={"name": "DC.identifier"})]
    ld = json.loads(head.find("script", type="application/ld+json").get_text())
    assert ld["sameAs"] == f"https://doi.org/{doi}"
    assert {"@type": "PropertyValue", "propertyID": "DOI", "value": doi} in ld["identifier"]
    datacite = ElementTree.fromstring((out / "sessions" / "ser-01.datacite.xml").read_bytes())
    identifier = datacite.find(f"{DC}identifier")
    assert (identifier.get("identifierType"), identifier.text) == ("DOI", doi)
    mods = ElementTree.fromstring((out / "sessions" / "ser-01.mods.xml").read_bytes())
    assert mods.find(f"{MODS}identifier[@type='doi']").text == doi
    # The other session has none, and none is invented for it.
    other = (out / "sessions" / "ser-02.html").read_text(encoding="utf-8")
    assert "citation_doi" not in other and "doi.org" not in other
    assert "doi" not in (out / "sessions" / "ser-02.bib").read_text(encoding="utf-8")
    for path in out.rglob("*.xml"):
        if path.name.endswith((".datacite.xml", ".mods.xml")):
            xsd.validate(path.read_bytes(), xsd.DATACITE if ".datacite" in path.name else xsd.MODS)


def test_a_versioned_build_names_its_version_and_the_latest_page() -> None:
    archive, _ = load_archive(DOCS)
    item = archive.sessions["ia-sante-02"]
    record = citation_record(archive, item, lambda d: f"https://archive.example/1.0/{d}.html", "1.0",
                             lambda d: f"https://archive.example/latest/{d}.html")
    files = dict(standard_files(archive, lambda d: f"https://archive.example/1.0/{d}.html",
                                lambda other: record if other.id == item.id else citation_record(
                                    archive, other, lambda d: f"https://archive.example/1.0/{d}.html", "1.0")))
    datacite = files["sessions/ia-sante-02.datacite.xml"]
    xsd.validate(datacite.encode("utf-8"), xsd.DATACITE)
    root = ElementTree.fromstring(datacite)
    assert root.find(f"{DC}version").text == "1.0"
    versions = [r.text for r in root.iter(f"{DC}relatedIdentifier") if r.get("relationType") == "IsVersionOf"]
    assert versions == ["https://archive.example/latest/sessions/ia-sante-02.html"]
    mods = ElementTree.fromstring(files["sessions/ia-sante-02.mods.xml"])
    assert mods.find(f"{MODS}originInfo/{MODS}edition").text == "Version 1.0 de l’archive"
    # Unversioned (the site's own build): neither.
    plain = ElementTree.fromstring(_files(DOCS)["sessions/ia-sante-02.datacite.xml"])
    assert plain.find(f"{DC}version") is None
    assert not [r for r in plain.iter(f"{DC}relatedIdentifier") if r.get("relationType") == "IsVersionOf"]
