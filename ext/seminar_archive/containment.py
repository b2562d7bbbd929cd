"""The one rule for files a page reads: inside the docs tree, after symlinks.

Docutils, Sphinx and MyST let ``include``, ``literalinclude``, ``raw :file:``, ``csv-table :file:``,
images and downloads read any path the build can read, ``../`` and absolute paths included, and
follow symlinks. Pages come from outside contributors: the build and ``archive check`` both ask
this module whether a file may be read, and refuse it otherwise (docs/securite.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path


def real(path: str | Path) -> Path | None:
    """``path`` with every symlink resolved (None for a path no file system can hold: a NUL byte)."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return None


def inside(root: str | Path, path: str | Path) -> bool:
    """Whether ``path``, symlinks resolved, is ``root`` or below it (``root``'s own links resolved too)."""
    resolved, base = real(path), real(root)
    return resolved is not None and base is not None and (resolved == base or resolved.is_relative_to(base))


def requested_path(root: str | Path, base_dir: str | Path, requested: str, *, rooted: bool) -> Path | None:
    """The file a directive opens for ``requested``, written in a document of ``base_dir``.

    ``rooted``: the directive reads an absolute path from the docs root (Sphinx's ``include``,
    ``literalinclude``, ``csv-table``, images and downloads); otherwise (docutils' ``raw``) from the
    file system's root. None when the path cannot name a file (a NUL byte).
    """
    if "\0" in requested:
        return None
    if requested.startswith(("/", os.sep)):
        return Path(root) / requested.lstrip("/" + os.sep) if rooted else Path(requested)
    return Path(base_dir) / requested


def readable_inside(root: str | Path, base_dir: str | Path, requested: str, *, rooted: bool = True) -> bool:
    """Whether the file a page asks for (see :func:`requested_path`) may be read: it is inside
    ``root``, symlinks resolved. An absolute path that names an existing file outside (``/etc/passwd``)
    is refused too, though Sphinx would look for it below the docs root: that is not what was meant."""
    path = requested_path(root, base_dir, requested, rooted=rooted)
    if path is None or not inside(root, path):
        return False
    return not (rooted and requested.startswith("/") and os.path.lexists(requested) and not inside(root, requested))


def outside_links(root: Path, skip: tuple[str, ...] = ("_build", ".git")) -> Iterator[str]:
    """Every symlink below ``root`` (its path relative to ``root``, POSIX) whose target is outside
    ``root``; links are not followed, so a linked folder is named once, not walked."""
    for folder, dirs, files in os.walk(root):
        rel_folder = Path(folder).relative_to(root)
        dirs[:] = sorted(d for d in dirs if (rel_folder / d).as_posix() not in skip)
        for name in sorted([*dirs, *files]):
            path = Path(folder) / name
            if path.is_symlink() and not inside(root, path):
                yield (rel_folder / name).as_posix()
        # A linked folder that stays inside is walked where it really is, not through the link.
        dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]


# Files a browser opens as a page of the site, where they could run script with the site's
# rights: never published from a download or the sources folder (an image of these kinds is
# shown by <img>, which runs nothing, but opened on its own it would: see :func:`svg_runs_script`).
ACTIVE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt",
                             ".mht", ".mhtml", ".js", ".mjs"})
_SVG_SCRIPT = re.compile(rb"<\s*script|<\s*foreignobject|\bon[a-z]+\s*=|javascript\s*:|<\s*iframe|<\s*embed|"
                         rb"<\s*object|<\s*handler", re.IGNORECASE)


def is_active_file(name: str | Path) -> bool:
    """Whether a file of this name would run as a page of the site if a reader opened it."""
    return Path(str(name).split("#", 1)[0].split("?", 1)[0]).suffix.lower() in ACTIVE_SUFFIXES


def svg_runs_script(path: Path) -> bool:
    """Whether an SVG file holds script, an event handler, a ``javascript:`` address or embedded
    markup (unreadable counts as yes): opened on its own, it would run in the site's pages."""
    try:
        return bool(_SVG_SCRIPT.search(path.read_bytes()))
    except OSError:
        return False
