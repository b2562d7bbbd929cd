"""The calendar's subscription address (``webcal:``), which only the archive itself writes.

Pages, the registry and the configuration come from contributors, and the address policy
(:mod:`seminar_archive.addresses`) lets their links be http, https, mailto or relative only:
``webcal:`` stays refused there. The one ``webcal:`` address of the site is made here, from
the site's published address (``html_baseurl``, itself held to http or https by that policy)
and the calendar's path in the site, both ours; a contributor's text never reaches it.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit


def webcal_address(site_url: str, path: str) -> str | None:
    """``webcal://host/…/path`` for a calendar published at ``site_url`` + ``path``, or None when
    the site's address is unknown or not http(s): a calendar app needs an absolute address."""
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    base = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit(("webcal", parts.netloc, base + quote(path.lstrip("/")), "", ""))
