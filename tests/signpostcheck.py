"""Reading FAIR Signposting as agents read it: the ``signposting`` package's own HTML and linkset
parsers (no network: the text is handed to them as if downloaded from its address)."""

from __future__ import annotations

import json
import warnings
from typing import Any

from signposting import Signposting
from signposting.htmllinks import HTML, _parse_html
from signposting.linkset import LinksetJSON, _parse_linkset_json
from signposting.signpost import AbsoluteURI

LINKSET_TYPE = "application/linkset+json"


def page_signposts(text: str, url: str) -> Signposting:
    """The signposts of a page's head, as signposting's find_signposting_html reads them."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an invalid link (no href, a bad URI) warns: fail on it
        return _parse_html(HTML(text, "text/html", AbsoluteURI(url), AbsoluteURI(url)))


def linkset_signposts(text: str, url: str) -> Signposting:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return _parse_linkset_json(LinksetJSON(text, LINKSET_TYPE, AbsoluteURI(url), AbsoluteURI(url)))


def check_linkset_structure(data: Any) -> None:
    """RFC 9264 section 4.2: an object with one member "linkset", an array of link context objects,
    each with an absolute "anchor" and relation members that are arrays of target objects, each
    with an "href" and string attributes."""
    assert isinstance(data, dict) and list(data) == ["linkset"], data
    assert isinstance(data["linkset"], list) and data["linkset"]
    for context in data["linkset"]:
        assert isinstance(context, dict)
        assert isinstance(context.get("anchor"), str) and context["anchor"].startswith(("https://", "http://"))
        for rel, targets in context.items():
            if rel == "anchor":
                continue
            assert isinstance(targets, list) and targets, (rel, targets)
            for target in targets:
                assert isinstance(target, dict) and isinstance(target.get("href"), str), target
                assert target["href"].startswith(("https://", "http://")), target
                assert all(isinstance(v, str) for v in target.values()), target


def load_linkset(text: str) -> Any:
    return json.loads(text)
