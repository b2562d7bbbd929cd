"""A small Static Repository Gateway for the tests: serves one data/oai.xml as OAI-PMH on
127.0.0.1, as the OAI's specification describes a gateway (Identify, ListMetadataFormats,
ListSets, ListIdentifiers, ListRecords, GetRecord; from/until on the records' datestamps)."""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree as ET  # building responses only; the input is parsed by defusedxml

from defusedxml import ElementTree

OAI = "http://www.openarchives.org/OAI/2.0/"
SR = "http://www.openarchives.org/OAI/2.0/static-repository"


def _error(code: str) -> ET.Element:
    element = ET.Element(f"{{{OAI}}}error", code=code)
    element.text = code
    return element


def respond(repository: ET.Element, base_url: str, query: dict[str, str]) -> bytes:
    ET.register_namespace("", OAI)
    root = ET.Element(f"{{{OAI}}}OAI-PMH")
    ET.SubElement(root, f"{{{OAI}}}responseDate").text = "2026-01-01T00:00:00Z"
    request = ET.SubElement(root, f"{{{OAI}}}request", {k: v for k, v in query.items()})
    request.text = base_url
    root.append(_answer(repository, base_url, query))
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)  # bytes for any encoding but "unicode"
    return document


def _answer(repository: ET.Element, base_url: str, query: dict[str, str]) -> ET.Element:
    verb = query.get("verb", "")
    formats = {f.findtext(f"{{{OAI}}}metadataPrefix"): f
               for f in repository.iter(f"{{{OAI}}}metadataFormat")}
    blocks = {b.get("metadataPrefix"): b for b in repository.findall(f"{{{SR}}}ListRecords")}
    if verb == "Identify":
        identify = copy.deepcopy(repository.find(f"{{{SR}}}Identify"))
        assert identify is not None
        identify.tag = f"{{{OAI}}}Identify"
        url = identify.find(f"{{{OAI}}}baseURL")
        assert url is not None
        url.text = base_url
        return identify
    if verb == "ListMetadataFormats":
        listed = ET.Element(f"{{{OAI}}}ListMetadataFormats")
        listed.extend(copy.deepcopy(f) for f in formats.values())
        return listed
    if verb == "ListSets":
        return _error("noSetHierarchy")  # a static repository has no sets
    if verb not in ("ListRecords", "ListIdentifiers", "GetRecord"):
        return _error("badVerb")
    prefix = query.get("metadataPrefix")
    if prefix is None:
        return _error("badArgument")
    if prefix not in blocks:
        return _error("cannotDisseminateFormat")
    records = list(blocks[prefix].findall(f"{{{OAI}}}record"))
    if verb == "GetRecord":
        found = [r for r in records if r.findtext(f"{{{OAI}}}header/{{{OAI}}}identifier") == query.get("identifier")]
        if not found:
            return _error("idDoesNotExist")
        answer = ET.Element(f"{{{OAI}}}GetRecord")
        answer.append(copy.deepcopy(found[0]))
        return answer
    if "set" in query:
        return _error("noSetHierarchy")
    since, until = query.get("from", "0000"), query.get("until", "9999")
    stamp = f"{{{OAI}}}header/{{{OAI}}}datestamp"
    records = [r for r in records if since[:10] <= (r.findtext(stamp) or "") <= until[:10]]
    if not records:
        return _error("noRecordsMatch")
    answer = ET.Element(f"{{{OAI}}}{verb}")
    for record in records:
        part = record.find(f"{{{OAI}}}header") if verb == "ListIdentifiers" else record
        assert part is not None
        answer.append(copy.deepcopy(part))
    return answer


@contextmanager
def serve(static_file: bytes) -> Iterator[str]:
    """The gateway's base URL while it runs on a free port of 127.0.0.1."""
    repository = ElementTree.fromstring(static_file)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
            body = respond(repository, base_url, query)
            self.send_response(200)
            self.send_header("Content-Type", "text/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/oai"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()
