"""The "report a correction" link of each record page: a prefilled message (mail or issue) that
names the page, its address and the archive version, so that the archivists know what to check."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from docutils import nodes

from ..textfr import typo_fr
from .nodes_util import para


def correction_uri(target: str, title: str, record: str, url: str, version: str) -> str:
    """``target`` is a mail address, or the address of a tracker's "new issue" form (which reads
    ``title`` and ``body`` from the query, as GitHub's and GitLab's do)."""
    subject = f"Correction : {title}"
    body = (f"Page : {title}\nFiche : {record}\nAdresse : {url}\n"
            f"Version de l’archive : {version or 'non publiée'}\n\n"
            "Ce qui est inexact, ce qu’il faudrait lire, et la source qui le montre :\n")
    if "://" in target:
        separator = "&" if "?" in target else "?"
        return target + separator + urlencode({"title": subject, "body": body}, quote_via=quote)
    return f"mailto:{quote(target, safe='@')}?" + urlencode({"subject": subject, "body": body}, quote_via=quote)


def correction_link(target: str, title: str, record: str, url: str, version: str) -> nodes.paragraph:
    uri = correction_uri(target, title, record, url, version)
    link = nodes.reference("", "Signaler une erreur sur cette page", refuri=uri)
    return para(link, typo_fr(" : dites-nous ce qui est inexact, et d’après quelle source."),
                classes=["archive-correction"])
