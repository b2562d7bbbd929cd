"""Harvestable metadata: Dublin Core in the head, oai_dc records, the OAI-PMH Static Repository
validated offline against the vendored schemas, and harvested by sickle through a loopback gateway."""

from __future__ import annotations

import socket
import subprocess
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from sickle import Sickle

import xsd
from conftest import CliBuild, cli_build, copy_root
from oai_gateway import serve

OPTIONS = ("-D", "archive_oai_admin_email=archives@example.org", "-D", "html_baseurl=https://archive.test/")
MODS_NS = "http://www.loc.gov/mods/v3"
ITEMS = {"ser", "ser-01", "ser-02"}  # the series and its two sessions (tests/roots/test-basic)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> CliBuild:
    tmp = tmp_path_factory.mktemp("harvest")
    srcdir = copy_root("basic", tmp)
    result = cli_build(srcdir, "-q", *OPTIONS, outdir=tmp / "out")
    assert result.returncode == 0, result.stderr
    return result


def test_every_item_has_a_valid_oai_dc_record(site: CliBuild) -> None:
    records = {p.name.removesuffix(".oai_dc.xml"): p.read_bytes() for p in site.outdir.rglob("*.oai_dc.xml")}
    assert set(records) == ITEMS
    for data in records.values():
        xsd.validate_oai_dc(data)
    root = ElementTree.fromstring(records["ser-01"])
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert root.findtext(f"{dc}title") == "Première séance"
    assert [e.text for e in root.findall(f"{dc}type")] == ["Event", "Séance de séminaire"]
    assert [e.text for e in root.findall(f"{dc}contributor")] == ["Dupont, Ada"]  # the moderator
    assert root.find(f"{dc}coverage") is None and root.find(f"{dc}rights") is None


def test_the_static_repository_validates(site: CliBuild) -> None:
    data = (site.outdir / "data" / "oai.xml").read_bytes()
    xsd.validate_static_repository(data)
    root = ElementTree.fromstring(data)
    blocks = root.findall("{http://www.openarchives.org/OAI/2.0/static-repository}ListRecords")
    assert [b.get("metadataPrefix") for b in blocks] == ["oai_dc", "mods"]
    for block in blocks:
        ids = [e.text or "" for e in block.iter("{http://www.openarchives.org/OAI/2.0/}identifier")]
        assert sorted(ids) == sorted(f"oai:archive.test:{i}" for i in ITEMS)
    # Each MODS record is the item's own <page>.mods.xml, and valid against MODS alone too.
    mods = list(blocks[1].iter(f"{{{MODS_NS}}}mods"))
    assert len(mods) == len(ITEMS)
    for record in mods:
        item_id = record.findtext(f"{{{MODS_NS}}}recordInfo/{{{MODS_NS}}}recordIdentifier")
        [own_file] = site.outdir.rglob(f"{item_id}.mods.xml")
        own = ElementTree.fromstring(own_file.read_bytes())
        assert _shape(record) == _shape(own)
    # The records' metadata is validated strictly: a broken MODS record breaks the file.
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        xsd.validate_static_repository(data.replace(b"<mods:titleInfo>", b"<mods:titleInfo><mods:nope/>", 1))


def _shape(root: Any) -> list[tuple[str, list[tuple[str, str]], str]]:
    return [(e.tag, sorted(e.attrib.items()), (e.text or "").strip()) for e in root.iter()]


def test_the_validator_rejects_what_breaks_the_schemas(site: CliBuild) -> None:
    data = (site.outdir / "data" / "oai.xml").read_bytes()
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        xsd.validate_static_repository(data.replace(b"<oai:protocolVersion>2.0", b"<oai:protocolVersion>3.0"))
    with pytest.raises(AssertionError):  # the static repository's own restriction, checked in code
        xsd.validate_static_repository(data.replace(b"YYYY-MM-DD<", b"YYYY-MM-DDThh:mm:ssZ<"))
    record = (site.outdir / "sessions" / "ser-01.oai_dc.xml").read_bytes()
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        xsd.validate_oai_dc(record.replace(b"<dc:title>", b"<dc:titre>x</dc:titre><dc:title>", 1))


def test_the_validator_never_reaches_the_network(site: CliBuild, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    xsd.clear_caches()
    xsd.validate_static_repository((site.outdir / "data" / "oai.xml").read_bytes())
    for path in site.outdir.rglob("*.oai_dc.xml"):
        xsd.validate_oai_dc(path.read_bytes())
    # A schema naming a remote location is refused outright, before any connection.
    remote = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="urn:x" '
              'schemaLocation="http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"/></xs:schema>')
    with pytest.warns(xmlschema.XMLSchemaImportWarning, match="block access to remote resource"):
        xmlschema.XMLSchema(remote, allow="local")


def test_sickle_harvests_every_record_through_a_gateway(site: CliBuild) -> None:
    with serve((site.outdir / "data" / "oai.xml").read_bytes()) as url:
        client = Sickle(url, max_retries=0)
        identify = client.Identify()
        assert identify.repositoryName and identify.granularity == "YYYY-MM-DD" and identify.baseURL == url
        listed = {f.metadataPrefix: f.metadataNamespace for f in client.ListMetadataFormats()}
        assert listed == {"oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/", "mods": MODS_NS}
        records = list(client.ListRecords(metadataPrefix="oai_dc"))
        assert sorted(r.header.identifier for r in records) == sorted(f"oai:archive.test:{i}" for i in ITEMS)
        titles = {r.header.identifier: r.metadata["title"] for r in records}
        assert titles["oai:archive.test:ser-02"] == ["Deuxième séance"]
        one = client.GetRecord(identifier="oai:archive.test:ser-01", metadataPrefix="oai_dc")
        assert one.metadata["creator"] == ["de La Fontaine, Jean", "Étienne, Élise"]
        headers = list(client.ListIdentifiers(metadataPrefix="oai_dc"))
        assert len(headers) == len(ITEMS)
        # Every record in MODS too, under the same identifiers and datestamps.
        mods = list(client.ListRecords(metadataPrefix="mods"))
        assert ({(r.header.identifier, r.header.datestamp) for r in mods}
                == {(r.header.identifier, r.header.datestamp) for r in records})
        one_mods = client.GetRecord(identifier="oai:archive.test:ser-02", metadataPrefix="mods")
        assert one_mods.xml.find(f".//{{{MODS_NS}}}mods/{{{MODS_NS}}}titleInfo/{{{MODS_NS}}}title").text == (
            "Deuxième séance")
        assert len(list(client.ListIdentifiers(metadataPrefix="mods"))) == len(ITEMS)
        # Incremental harvesting, in both formats: only what changed since the last harvest.
        stamps = sorted({r.header.datestamp for r in records})
        assert len(stamps) >= 2
        for prefix in ("oai_dc", "mods"):
            latest = list(client.ListRecords(**{"metadataPrefix": prefix, "from": stamps[-1]}))
            assert latest and {r.header.datestamp for r in latest} == {stamps[-1]}
            earlier = list(client.ListRecords(**{"metadataPrefix": prefix, "until": stamps[0]}))
            assert earlier and {r.header.datestamp for r in earlier} == {stamps[0]}
            assert len(latest) + len(earlier) <= len(ITEMS)


def test_datestamps_are_the_last_commit_in_utc(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": "2025-06-30T23:30:00-02:00",
           "GIT_AUTHOR_DATE": "2025-06-30T23:30:00-02:00", "PATH": "/usr/bin:/bin"}
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "import"]):
        subprocess.run(command, cwd=srcdir, check=True, env=env)
    result = cli_build(srcdir, "-q", *OPTIONS, outdir=tmp_path / "out")
    data = (result.outdir / "data" / "oai.xml").read_bytes()
    stamps = {e.text for e in ElementTree.fromstring(data).iter("{http://www.openarchives.org/OAI/2.0/}datestamp")}
    assert stamps == {"2025-07-01"}  # 23:30 at UTC-2 is the next day in UTC


def test_item_head_has_dublin_core_and_links_its_record(site: CliBuild) -> None:
    soup = BeautifulSoup((site.outdir / "sessions" / "ser-01.html").read_text(encoding="utf-8"), "html.parser")
    meta = [(m["name"], m["content"]) for m in soup.find_all("meta") if str(m.get("name", "")).startswith("DC")]
    assert ("DC.title", "Première séance") in meta and ("DCTERMS.isPartOf", "Série de test") in meta
    assert ("DC.contributor", "Dupont, Ada") in meta and ("DC.type", "Séance de séminaire") in meta
    assert not [m for m in meta if m[0] == "DC.coverage"]
    assert soup.find("link", rel="schema.DC")["href"] == "http://purl.org/dc/elements/1.1/"
    link = soup.select_one("#citer .archive-harvest-link a")
    assert link is not None and link["href"] == "ser-01.oai_dc.xml"
    assert (site.outdir / "sessions" / link["href"]).resolve().is_file()


def test_without_an_address_no_oai_file_is_invented(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    result = cli_build(srcdir, "-q", outdir=tmp_path / "out")
    assert result.returncode == 0
    assert not (result.outdir / "data" / "oai.xml").exists()
    assert (result.outdir / "sessions" / "ser-01.oai_dc.xml").is_file()
