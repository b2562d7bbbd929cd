"""Where the archive is published: one address, from the command line, the ``ARCHIVE_BASE_URL``
environment variable or ``html_baseurl`` in docs/conf.py (in that order: the variable wins over
conf.py). A development build may use the placeholder (``.invalid`` can never resolve) and then
says so on every page; a release build (``archive versions``, ``archive publish``) refuses it.

No Sphinx here: the command line and the Sphinx layer both use it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from .messages import MessageKey, render_message

PLACEHOLDER_URL = "https://archive-ia-sante.invalid/"
PLACEHOLDER_CORRECTIONS = "corrections@archive-ia-sante.invalid"
ENV_BASE_URL = "ARCHIVE_BASE_URL"
ENV_CORRECTIONS = "ARCHIVE_CORRECTIONS_TO"
# RFC 2606 / 6761 names that never resolve on the public internet: an address there is a placeholder.
PLACEHOLDER_TLDS = ("invalid", "example", "test", "localhost")


class AddressError(Exception):
    """A release build cannot use this address; ``render`` says why and where to set it."""

    def __init__(self, key: MessageKey, **args: object) -> None:
        super().__init__(render_message(key, args, "en"))
        self.key = key
        self.args_ = args

    def render(self, lang: str) -> str:
        return render_message(self.key, self.args_, lang)


def with_slash(url: str) -> str:
    return url if not url or url.endswith("/") else url + "/"


def from_environment(conf_value: str, environ: Mapping[str, str] = os.environ) -> str:
    """The site's address: ``ARCHIVE_BASE_URL`` when set (and not empty), else conf.py's value."""
    return with_slash(environ.get(ENV_BASE_URL, "").strip() or conf_value.strip())


def is_placeholder_host(host: str) -> bool:
    last = host.lower().rstrip(".").rsplit(".", 1)[-1]
    return last in PLACEHOLDER_TLDS


def is_placeholder(url: str) -> bool:
    """A web address or a mail address on a name that never resolves (``x.invalid``)."""
    host = url.rpartition("@")[2] if "://" not in url else (urlsplit(url).hostname or "")
    return bool(host) and is_placeholder_host(host)


_REASON_KEYS: dict[str, MessageKey] = {
    "spaces": "address-spaces", "syntax": "address-syntax", "scheme": "address-scheme", "host": "address-host",
    "credentials": "address-credentials", "query": "address-query"}


def malformed_reason(url: str) -> str:
    """Why ``url`` cannot be the root of a published site ("" when it can), in English and as a key."""
    if any(c.isspace() for c in url) or '"' in url or "<" in url or ">" in url:
        return "spaces"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "syntax"
    if parts.scheme not in ("http", "https"):
        return "scheme"
    if not parts.hostname:
        return "host"
    if parts.username or parts.password:
        return "credentials"
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        return "query"
    return ""


def release_site_url(url: str) -> str:
    """The address a release build publishes at, with its final slash; raises :class:`AddressError`
    when it is empty, malformed or a placeholder."""
    url = url.strip()
    if not url:
        raise AddressError("address-missing")
    reason = malformed_reason(url)
    if reason:
        raise AddressError(_REASON_KEYS[reason], url=url)
    if is_placeholder(url):
        raise AddressError("address-placeholder", url=url)
    return with_slash(url)


def release_corrections_to(target: str) -> str:
    """Where readers report mistakes in a release: a mail address or an http(s) form, never a
    placeholder ("" when there is none: the pages then carry no link). Raises :class:`AddressError`."""
    target = target.strip()
    if not target or is_placeholder(target):
        return ""
    if "://" in target:
        if malformed_reason(target) not in ("", "query"):
            raise AddressError("corrections-malformed", target=target)
        return target
    local, at, domain = target.partition("@")
    if not (local and at and "." in domain) or any(c.isspace() or c in "<>\"'" for c in target):
        raise AddressError("corrections-malformed", target=target)
    return target
