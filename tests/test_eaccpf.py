"""EAC-CPF 2.0 records of the registry: one per person and per organisation, from the model alone,
valid against the official schema read offline (tests/schemas/eac-cpf/), written by the build and
linked from each entry's page."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import urllib.request
import warnings
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest
import xmlschema
from bs4 import BeautifulSoup
from defusedxml import ElementTree

import xsd
from conftest import TESTS, CliBuild, cli_build, copy_root
from seminar_archive.archive import Archive
from seminar_archive.loader import load_archive
from seminar_archive.model import Appearance, Organisation, Person, PressRelease, Role, Series, Session
from seminar_archive.standards.eaccpf import Agency, eac_files, organisation_eac, person_eac

DOCS = TESTS.parent / "docs"
EAC = "{https://archivists.org/ns/eac/v2}"
URL = "https://archive.example/{}.html".format


def _files(srcdir: Path, changed: dt.date | None = None) -> dict[str, str]:
    archive, _ = load_archive(srcdir)
    return dict(eac_files(archive, "data", Agency("Archive du séminaire"), URL, lambda _docname: changed))


@pytest.fixture(scope="module")
def site_files() -> dict[str, str]:
    return _files(DOCS)


def test_every_entry_of_the_registry_has_one_valid_record(site_files: dict[str, str]) -> None:
    archive, _ = load_archive(DOCS)
    expected = {f"data/people/{p}.eac.xml" for p in archive.people} | {
        f"data/organisations/{o}.eac.xml" for o in archive.organisations}
    assert set(site_files) == expected and len(expected) > 50
    for text in site_files.values():
        xsd.validate_eac(text.encode("utf-8"))


def test_the_validator_rejects_a_broken_record(site_files: dict[str, str]) -> None:
    text = next(iter(site_files.values()))
    with pytest.raises(AssertionError, match=r"entityType|value"):
        xsd.validate_eac(text.replace('<entityType value="', '<entityType value="x', 1).encode())
    with pytest.raises(AssertionError):
        xsd.validate_eac(text.replace("<recordId>", "<otherRecordId>x</otherRecordId><recordId>", 1).encode())


def test_the_validator_never_reaches_the_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                  site_files: dict[str, str]) -> None:
    """The one XSD helper, with networking disabled: every schema loads again and every record
    validates; an import of a schema that is not vendored is refused, not fetched."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"network access: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    opener = urllib.request.OpenerDirector.open

    def local_only(self: urllib.request.OpenerDirector, url: object, *args: object, **kwargs: object) -> object:
        address = url if isinstance(url, str) else getattr(url, "full_url", "")
        if not str(address).startswith("file:"):
            refuse(address)
        return opener(self, url, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", local_only)
    xsd.clear_caches()
    for text in site_files.values():
        xsd.validate_eac(text.encode("utf-8"))
    xsd.static_repository_schema()  # OAI-PMH, oai_dc, DC, MODS, XLink
    xsd.schema(xsd.DATACITE)
    remote = tmp_path / "remote.xsd"
    remote.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">'
                      '<xs:import namespace="urn:x" schemaLocation="http://example.org/unknown.xsd"/>'
                      '<xs:element name="t"/></xs:schema>', encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = xsd.schema(remote)
    assert any("block access to remote resource" in str(w.message) for w in caught)
    assert "urn:x" not in loaded.maps.namespaces or not loaded.maps.namespaces["urn:x"]
    # A record naming an unknown schema location is validated against the vendored schema only.
    hinted = next(iter(site_files.values())).replace(
        xsd.EAC_NS + " https://raw.githubusercontent.com", xsd.EAC_NS + " http://example.org/other.xsd https://x", 1)
    xsd.validate_eac(hinted.encode("utf-8"))
    assert attempts == []


def _model() -> Archive:
    people = {
        "ada": Person("ada", "Ada", "Fontaine", particle="de La", variants=("A. de La Fontaine", "Ada Fontaine"),
                      orcid="0000-0002-1825-0097", idref="12345678X", wikidata="Q42"),
        "bob": Person("bob", "Bob", "Martin"),
    }
    orgs = {
        "univ": Organisation("univ", "Université d’exemple", ror="05a0dhs15"),
        "lab": Organisation("lab", "Laboratoire", acronym="LAB", parent="univ", variants=("Le Labo",)),
    }
    session = Session("s-1", "Première séance", "sessions/s-1", "prog.txt", series="ser", number=1,
                      date=dt.date(2021, 3, 1),
                      moderators=(Appearance("bob", Role.MODERATOR),),
                      speakers=(Appearance("ada", Role.SPEAKER, affiliation="directrice", organisations=("lab",)),))
    press = PressRelease("p-1", "Communiqué", "press/p-1", "cp.pdf", date=dt.date(2021, 4, 2), issuer=("univ",),
                         people=(Appearance("ada", Role.QUOTED, organisations=("lab",)),))
    series = Series("ser", "La série", "series/ser", "prog.txt", organisers=("univ",))
    return Archive(people=people, organisations=orgs, sessions={"s-1": session}, press={"p-1": press},
                   series={"ser": series})


def _relations(root: Element) -> list[tuple[str | None, str | None, str | None, str | None]]:
    found = []
    for relation in root.iter(f"{EAC}relation"):
        target = relation.find(f"{EAC}targetEntity")
        date = relation.find(f"{EAC}date")
        found.append((target.get("targetType"), target.get("valueURI"), relation.findtext(f"{EAC}relationType"),
                      date.get("standardDate") if date is not None else None))
    return found


def test_a_person_record_says_what_the_registry_and_the_items_say() -> None:
    archive = _model()
    text = person_eac(archive, archive.people["ada"], Agency("Archive du séminaire"), URL, dt.date(2025, 7, 1))
    xsd.validate_eac(text.encode("utf-8"))
    root = ElementTree.fromstring(text)
    control = root.find(f"{EAC}control")
    assert control.get("maintenanceStatus") == "new"
    assert control.findtext(f"{EAC}recordId") == "person:ada"
    assert control.findtext(f"{EAC}maintenanceAgency/{EAC}agencyName") == "Archive du séminaire"
    assert control.find(f"{EAC}maintenanceAgency/{EAC}agencyCode") is None  # none configured, none invented
    event = control.find(f"{EAC}maintenanceHistory/{EAC}maintenanceEvent")
    assert event.get("maintenanceEventType") == "created"
    assert event.find(f"{EAC}agent").get("agentType") == "machine"
    assert event.find(f"{EAC}eventDateTime").get("standardDateTime") == "2025-07-01"
    assert [s.findtext(f"{EAC}reference") for s in control.iter(f"{EAC}source")][1:] == ["prog.txt", "cp.pdf"]
    assert control.find(f"{EAC}representation").get("href") == URL("people/ada")
    identity = root.find(f"{EAC}cpfDescription/{EAC}identity")
    assert identity.find(f"{EAC}entityType").get("value") == "person"
    names = identity.findall(f"{EAC}nameEntry")
    assert [(p.get("localType"), p.text) for p in names[0]] == [
        ("familyName", "Fontaine"), ("givenName", "Ada"), ("particle", "de La")]
    assert names[0].get("status") == "authorized"
    assert [(n.get("status"), n.findtext(f"{EAC}part")) for n in names[1:]] == [
        ("alternative", "A. de La Fontaine"), ("alternative", "Ada Fontaine")]
    ids = [(i.get("localType"), i.text, i.get("valueURI")) for i in identity.iter(f"{EAC}identityId")]
    assert ids == [("ORCID", "0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
                   ("IdRef", "12345678X", "https://www.idref.fr/12345678X"),
                   ("Wikidata", "Q42", "https://www.wikidata.org/wiki/Q42")]
    assert root.find(f"{EAC}cpfDescription/{EAC}description") is None  # no dates, functions: none invented
    assert root.find(f".//{EAC}existDates") is None
    assert _relations(root) == [
        ("corporateBody", URL("organisations/lab"), "affiliation", None),
        ("resource", URL("sessions/s-1"), "speaker", "2021-03-01"),
        ("resource", URL("press/p-1"), "quoted", "2021-04-02"),
    ]
    span = root.find(f".//{EAC}relation/{EAC}dateRange")
    assert [d.get("standardDate") for d in span] == ["2021-03-01", "2021-04-02"]  # the days naming the lab


def test_a_person_without_identifiers_and_an_unknown_date() -> None:
    archive = _model()
    root = ElementTree.fromstring(person_eac(archive, archive.people["bob"], Agency("A"), URL, None))
    assert root.find(f".//{EAC}identityId") is None
    when = root.find(f".//{EAC}eventDateTime")
    assert when.get("standardDateTime") is None and when.text == "Date inconnue"  # not today's date
    assert _relations(root) == [("resource", URL("sessions/s-1"), "moderator", "2021-03-01")]


def test_an_organisation_record() -> None:
    archive = _model()
    lab = ElementTree.fromstring(organisation_eac(archive, archive.organisations["lab"], Agency("A"), URL))
    xsd.validate_eac(ElementTree.tostring(lab))
    identity = lab.find(f"{EAC}cpfDescription/{EAC}identity")
    assert identity.find(f"{EAC}entityType").get("value") == "corporateBody"
    names = [(n.get("status"), p.get("localType"), p.text) for n in identity.iter(f"{EAC}nameEntry")
             for p in n.iter(f"{EAC}part")]
    assert names == [("authorized", None, "Laboratoire"), ("alternative", "acronym", "LAB"),
                     ("alternative", None, "Le Labo")]
    assert _relations(lab)[0] == ("corporateBody", URL("organisations/univ"), "hierarchical-parent", None)
    assert ("person", URL("people/ada"), "affiliation", None) in _relations(lab)
    univ_text = organisation_eac(archive, archive.organisations["univ"], Agency("A"), URL)
    xsd.validate_eac(univ_text.encode("utf-8"))
    univ = ElementTree.fromstring(univ_text)
    assert [(i.get("localType"), i.text) for i in univ.iter(f"{EAC}identityId")] == [("ROR", "05a0dhs15")]
    assert _relations(univ) == [
        ("corporateBody", URL("organisations/lab"), "hierarchical-child", None),
        ("resource", URL("series/ser"), "organiser", None),
        ("resource", URL("press/p-1"), "issuer", "2021-04-02"),
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> CliBuild:
    tmp = tmp_path_factory.mktemp("eac")
    srcdir = copy_root("basic", tmp)
    # A person whose page moved: its old record address must stay (archive versions checks it).
    (srcdir / "redirects.yaml").write_text("redirects:\n  people/ada-ancienne: people/ada-dupont\n",
                                           encoding="utf-8")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": "2025-06-30T23:30:00-02:00",
           "GIT_AUTHOR_DATE": "2025-06-30T23:30:00-02:00", "PATH": "/usr/bin:/bin"}
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "import"]):
        subprocess.run(command, cwd=srcdir, check=True, env=env)
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-q", "-D", "html_baseurl=https://archive.test/",
                       outdir=tmp / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.parametrize(("page", "record"), [("people/elise-etienne", "people/elise-etienne"),
                                              ("organisations/lab", "organisations/lab")])
def test_the_build_writes_and_links_each_record(built: CliBuild, page: str, record: str) -> None:
    out = built.outdir
    soup = BeautifulSoup((out / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
    links = soup.select(".archive-meta a.archive-eac-download")
    assert [a["href"] for a in links] == [f"../data/{record}.eac.xml"]
    data = (out / page).parent.joinpath(str(links[0]["href"])).resolve().read_bytes()
    xsd.validate_eac(data)
    root = ElementTree.fromstring(data)
    # The day the entry's page last changed, in UTC (23:30 at UTC-2 is the next day).
    assert root.find(f".//{EAC}eventDateTime").get("standardDateTime") == "2025-07-01"
    assert root.find(f".//{EAC}representation").get("href") == f"https://archive.test/{page}.html"


def test_the_build_writes_one_record_per_entry(built: CliBuild) -> None:
    archive, _ = load_archive(TESTS / "roots" / "test-basic")
    people = {p.name for p in (built.outdir / "data" / "people").iterdir()} - {"ada-ancienne.eac.xml"}
    orgs = {p.name for p in (built.outdir / "data" / "organisations").iterdir()}
    assert people == {f"{p}.eac.xml" for p in archive.people}
    assert orgs == {f"{o}.eac.xml" for o in archive.organisations}
    variants = ElementTree.fromstring((built.outdir / "data" / "people" / "elise-etienne.eac.xml").read_bytes())
    assert [n.findtext(f"{EAC}part") for n in variants.iter(f"{EAC}nameEntry")][1:] == ["Elise Etienne"]
    with pytest.raises(xmlschema.XMLSchemaException):
        xmlschema.XMLSchema(str(xsd.EAC_CPF)).validate("<eac xmlns='https://archivists.org/ns/eac/v2'/>")


def test_a_moved_entry_keeps_its_record_at_the_old_address(built: CliBuild) -> None:
    data = built.outdir / "data" / "people"
    assert (data / "ada-ancienne.eac.xml").read_bytes() == (data / "ada-dupont.eac.xml").read_bytes()
    assert (built.outdir / "people" / "ada-ancienne.html").is_file()  # the page's own redirect
