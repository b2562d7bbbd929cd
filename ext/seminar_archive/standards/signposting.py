"""FAIR Signposting (https://signposting.org/FAIR/): the typed links of an item's landing page,
as ``<link>`` elements (level 1) and as an RFC 9264 linkset (level 2). Core: no Sphinx.

Authors are linked only by a persistent identifier the registry gives (ORCID, else IdRef, for a
person; ROR for an organisation): Signposting's ``author`` is a PID, and a person page is not one.
A licence is linked only when configured; ``cite-as`` is the item's DOI when one is registered,
its page's address otherwise. Nothing is invented.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..archive import Archive
from ..itemfiles import LINKSET
from ..model import Item, PressRelease, Series, Session

LINKSET_TYPE = LINKSET.media_type
HTML_TYPE = "text/html"
SCHEMA_ORG = "https://schema.org/"
ABOUT_PAGE = SCHEMA_ORG + "AboutPage"
# schema.org types of the landing pages' items (as their JSON-LD says), and the series as a collection.
SCHEMA_TYPES = {"session": ("Event",), "press": ("NewsArticle",), "series": ("EventSeries", "Collection")}


@dataclass(frozen=True)
class Link:
    rel: str
    href: str
    type: str = ""
    profile: str = ""


@dataclass(frozen=True)
class Signposts:
    """Everything one landing page signposts."""

    page: str  # the landing page's absolute URL (the linkset's anchor)
    links: tuple[Link, ...]  # from the page
    linkset: str  # the linkset's absolute URL

    def targets(self, rel: str) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.rel == rel)


def author_uris(archive: Archive, item: Item) -> tuple[str, ...]:
    """The PID of each author who has one: speakers of a session, a press release's issuer, the
    series' organisers. Moderators are not authors."""
    uris: list[str] = []
    if isinstance(item, Session):
        for appearance in item.speakers:
            person = archive.people.get(appearance.person)
            if person is not None and person.orcid:
                uris.append(f"https://orcid.org/{person.orcid}")
            elif person is not None and person.idref:
                uris.append(f"https://www.idref.fr/{person.idref}")
    organisations = (item.issuer if isinstance(item, PressRelease)
                     else item.organisers if isinstance(item, Series) else ())
    for org_id in organisations:
        org = archive.organisations.get(org_id)
        if org is not None and org.ror:
            uris.append(f"https://ror.org/{org.ror}")
    return tuple(dict.fromkeys(uris))


def signposts(archive: Archive, item: Item, page: str, metadata: Iterable[Link], items: Iterable[Link],
              linkset: str, license_url: str = "") -> Signposts:
    """The links of ``item``'s page at ``page``; ``metadata`` are its ``describedby`` files and
    ``items`` its source documents (absolute URLs with their media types)."""
    links = [Link("cite-as", f"https://doi.org/{item.doi}" if item.doi else page)]
    links += [Link("describedby", m.href, m.type, m.profile) for m in metadata]
    links += [Link("item", i.href, i.type) for i in items]
    links += [Link("author", uri) for uri in author_uris(archive, item)]
    links += [Link("type", SCHEMA_ORG + name) for name in SCHEMA_TYPES.get(item.kind, ())]
    links.append(Link("type", ABOUT_PAGE))
    if license_url:
        links.append(Link("license", license_url))
    links.append(Link("linkset", linkset, LINKSET_TYPE))
    return Signposts(page, tuple(links), linkset)


def head_links(found: Signposts) -> str:
    """Level 1: one ``<link>`` per signpost, every value escaped for an attribute."""
    lines = []
    for link in found.links:
        attributes = [("rel", link.rel), ("href", link.href)]
        if link.type:
            attributes.append(("type", link.type))
        if link.profile:
            attributes.append(("profile", link.profile))
        lines.append("<link " + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attributes) + " />")
    return "\n".join(lines) + "\n"


def _target(link: Link) -> dict[str, str]:
    found = {"href": link.href}
    if link.type:
        found["type"] = link.type
    if link.profile:
        found["profile"] = link.profile
    return found


def linkset(found: Signposts) -> dict[str, object]:
    """Level 2 (RFC 9264, application/linkset+json): the page's links, and each metadata file
    (``describes``) and each source document (``collection``) pointing back at the page, since a
    static site cannot send those as HTTP Link headers."""
    page: dict[str, object] = {"anchor": found.page}
    for link in found.links:
        if link.rel != "linkset":
            targets = page.setdefault(link.rel, [])
            assert isinstance(targets, list)
            targets.append(_target(link))
    contexts: list[dict[str, object]] = [page]
    back = Link("", found.page, HTML_TYPE)
    for link in found.links:
        if link.rel == "describedby":
            contexts.append({"anchor": link.href, "describes": [_target(back)]})
        elif link.rel == "item":
            contexts.append({"anchor": link.href, "collection": [_target(back)]})
    return {"linkset": contexts}


def linkset_json(found: Signposts) -> str:
    return json.dumps(linkset(found), ensure_ascii=False, indent=1) + "\n"
