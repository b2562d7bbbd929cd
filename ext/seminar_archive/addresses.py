"""The one address policy: which links, link targets and images a page may publish.

MyST's Markdown filter drops ``javascript:`` links, but reStructuredText (``{eval-rst}``) and the
configuration do not go through it. The build and ``archive check`` apply this policy to the
parsed page (its doctree), whatever the syntax: http, https and mailto addresses and relative
ones pass; any other scheme (``javascript:``, ``data:``, ``vbscript:``, ``file:`` …), written in
any case or hidden behind spaces, control characters or HTML entities, is refused.
"""

from __future__ import annotations

import ast
import html
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from urllib.parse import urlsplit

from .diagnostics import Diagnostics, Problem

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# What a browser takes for a scheme: letters, then letters, digits, + . -, then a colon.
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def _hidden(char: str) -> bool:
    """Characters a browser drops or a reader cannot see in an address: spaces, controls, format marks."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")


def _scheme(address: str) -> str | None:
    # A hidden character is never a colon, so the scheme ends at the text's first colon: only
    # what comes before it is squeezed (a page's addresses are read several times per build).
    colon = address.find(":")
    if colon < 0:
        return None
    squeezed = "".join(char for char in address[: colon + 1] if not _hidden(char)).lower()
    match = _SCHEME.match(squeezed)
    return match.group(1) if match else None


def is_safe_address(address: str) -> bool:
    """Whether a page may publish ``address`` as a link or an image: http, https, mailto, or a
    relative address (a path, ``#anchor``, ``?query``). Judged on the text as written, on its
    HTML entities decoded (twice, for ``&amp;#58;``), and with hidden characters dropped; any
    control character refuses it outright."""
    if any(unicodedata.category(char) == "Cc" for char in address):
        return False
    seen = [address, html.unescape(address), html.unescape(html.unescape(address))]
    return all(_scheme(text) in (None, *SAFE_SCHEMES) for text in seen)


def remote_host(address: str) -> str | None:
    """The host of an address on another site (``https://host/…`` or ``//host/…``), else None."""
    scheme = _scheme(address)
    if scheme is None and not address.startswith("//"):
        return None
    if scheme not in (None, "http", "https"):
        return None
    try:
        return (urlsplit(address).hostname or "").lower()
    except ValueError:
        return ""


def host_allowed(host: str, allowed: Sequence[str]) -> bool:
    """Whether ``host`` is one of ``allowed`` (an entry ``example.org`` also allows its subdomains)."""
    host = host.lower().rstrip(".")
    return any(host == entry.lower().strip(".") or host.endswith("." + entry.lower().strip("."))
               for entry in allowed if entry.strip("."))


def is_link_address(value: str) -> bool:
    """Whether a configuration value that becomes a link is an http(s) address (or empty)."""
    return not value or (is_safe_address(value) and _scheme(value) in ("http", "https"))


# Configuration values that become links on every page (a mail address is also allowed for the
# corrections link, which the extension turns into a mailto: address itself).
LINK_SETTINGS = ("archive_corrections_to", "archive_site_url", "html_baseurl")


def assignment_lines(conf_text: str) -> dict[str, int]:
    """The line of each ``name = …`` in conf.py, and of each key of a dict literal (``name.key``)."""
    try:
        tree = ast.parse(conf_text)
    except (SyntaxError, ValueError, RecursionError):
        return {}
    lines: dict[str, int] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name):
                lines[target.id] = node.lineno
                value = getattr(node, "value", None)
                if isinstance(value, ast.Dict):
                    for key in value.keys:
                        if isinstance(key, ast.Constant) and isinstance(key.value, str):
                            lines[f"{target.id}.{key.value}"] = key.lineno
    return lines


def config_address_problems(values: Mapping[str, object], conf_text: str,
                            diagnostics: Diagnostics) -> list[tuple[str, str | None]]:
    """The configuration values that would publish an unsafe link, each reported at its line of
    conf.py: (setting, None) for a whole value, (setting, key) for a key of ``html_theme_options``
    whose name ends in "url". The caller does not use them."""
    lines = assignment_lines(conf_text)
    refused: list[tuple[str, str | None]] = []
    for name in LINK_SETTINGS:
        value = values.get(name)
        if not isinstance(value, str) or not value:
            continue
        scheme = _scheme(value)
        mail = name == "archive_corrections_to" and scheme is None and "://" not in value
        if not mail and not is_link_address(value):
            wanted = ("une adresse http(s) ou une adresse électronique", "an http(s) address or a mail address") \
                if name == "archive_corrections_to" else ("une adresse http: ou https:", "an http: or https: address")
            diagnostics.say(Problem.UNSAFE_ADDRESS, "unsafe-config", "conf.py", lines.get(name, 0), name=name,
                            value=repr(shown(value)), wanted_fr=wanted[0], wanted_en=wanted[1])
            refused.append((name, None))
    options = values.get("html_theme_options")
    if isinstance(options, Mapping):
        for key, value in options.items():
            # A theme's links: "repository_url", or the "url" of each of "icon_links" …
            for where, address in _addresses_in(value, str(key)):
                if not is_safe_address(address):
                    diagnostics.say(Problem.UNSAFE_ADDRESS, "unsafe-config", "conf.py",
                                    lines.get(f"html_theme_options.{key}", lines.get("html_theme_options", 0)),
                                    name=f"html_theme_options{where}", value=repr(shown(address)),
                                    wanted_fr="une adresse http: ou https:", wanted_en="an http: or https: address")
                    refused.append(("html_theme_options", str(key)))
                    break
    return refused


def _addresses_in(value: object, key: str, where: str = "", depth: int = 0) -> Iterator[tuple[str, str]]:
    """The text values under keys that name an address ("…url", "href", "link"), at any depth."""
    where = f"{where}[{key!r}]" if key else where
    if isinstance(value, str):
        if key.lower().endswith(("url", "href", "link")):
            yield where, value
    elif isinstance(value, Mapping) and depth < 10:
        for inner_key, inner in value.items():
            yield from _addresses_in(inner, str(inner_key), where, depth + 1)
    elif isinstance(value, list | tuple) and depth < 10:
        for index, inner in enumerate(value):
            yield from _addresses_in(inner, key if isinstance(inner, str) else "", f"{where}[{index}]", depth + 1)


def shown(address: str) -> str:
    """An address as a message may show it: hidden characters made visible, shortened."""
    visible = "".join(char if char.isprintable() and not char.isspace() else
                      (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}") for char in address)
    return visible if len(visible) <= 80 else visible[:77] + "…"
