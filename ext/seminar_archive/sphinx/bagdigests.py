"""The digest of each earlier release's BagIt bag (seminar_archive.bags) in the changelog.

The versions build bags each release right after building it and passes the digests of the
releases bagged so far to the next builds (``archive_bag_digests = "2026.1=<sha256>;…"``): the
entry of a release then shows its bag's digest in every later version and in the current one.
A release's own build cannot show it (the bag holds that build). Nothing is shown when no
digest is given (a plain ``sphinx-build``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import ConfigError

from ..bags import DIGEST, TAGMANIFEST
from .config import settings_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SETTING = "archive_bag_digests"


def parse_digests(value: str) -> dict[str, str]:
    """``name=digest;name=digest`` → {name: digest}; a malformed pair is a configuration error."""
    found: dict[str, str] = {}
    for pair in filter(None, (part.strip() for part in value.split(";"))):
        name, _, digest = pair.partition("=")
        if not name.strip() or not DIGEST.fullmatch(digest.strip()):
            raise ConfigError(f"{SETTING}: '{pair}' is not release=<64 hex digits of SHA-256>")
        found[name.strip()] = digest.strip()
    return found


def _add_digests(app: Sphinx, doctree: nodes.document) -> None:
    digests = parse_digests(settings_of(app).bag_digests)
    if not digests:
        return
    by_id = {f"version-{name.replace('.', '-')}": digest for name, digest in digests.items()}
    for section in doctree.findall(nodes.section):
        digest = next((by_id[i] for i in section["ids"] if i in by_id), None)
        if digest is None:
            continue
        paragraph = nodes.paragraph(classes=["archive-bag-digest"])
        paragraph += nodes.Text("Paquet de conservation (BagIt) de cette version : empreinte SHA-256 de "
                                f"{TAGMANIFEST} ")
        paragraph += nodes.literal(text=digest)
        title = next(iter(section.findall(nodes.title)), None)
        section.insert(section.index(title) + 1 if title is not None else 0, paragraph)


def setup_bag_digests(app: Sphinx) -> None:
    # archive_bag_digests and archive_bag_organization (read by the versions build): settings.py.
    app.connect("doctree-read", _add_digests)
