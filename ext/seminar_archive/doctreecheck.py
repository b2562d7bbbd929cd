"""What a parsed page points at, checked on its doctree: the build and ``archive check`` alike.

After parsing, whatever the syntax (Markdown, ``{eval-rst}``, a directive's option), every
address and every file a page names is a node: a reference, a link target, an image, a
download, a ``meta`` tag. :func:`findings` names each one the policies refuse
(:mod:`seminar_archive.addresses`, :mod:`seminar_archive.containment`); the build then
neutralises the node, the check reports it. Docutils only, no Sphinx.

Why this module imports docutils, though the core runs without the Sphinx stack: the findings
are made on the doctree itself, the one object both front-ends have, so that check and build
cannot disagree about what a page points at.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst.directives.misc import Meta

from .addresses import host_allowed, is_safe_address, remote_host
from .addresses import shown as shown_address
from .containment import inside, is_active_file, readable_inside, requested_path, svg_runs_script
from .diagnostics import Problem
from .messages import MessageKey


@dataclass(frozen=True)
class Finding:
    """One refused node: what is wrong (a catalogue message and its values) and where."""

    node: nodes.Element
    problem: Problem
    key: MessageKey
    args: dict[str, object] = field(default_factory=dict)
    repeated: bool = False
    """Another finding already says the same at the same line: neutralise, do not report again."""

    @property
    def line(self) -> int:
        return node_line(self.node)


def node_line(node: nodes.Node) -> int:
    """The line of ``node``; else of its first descendant that has one (a link around an image),
    else of its nearest ancestor that has one (0 if none does)."""
    if isinstance(node, nodes.reference) and len(node.children) == 1 and isinstance(node[0], nodes.image) \
            and node[0].line:
        # An image's :target: link: docutils gives it no line, and MyST an earlier block's.
        return int(node[0].line)
    if node.line:
        return int(node.line)
    for inner in node.findall(include_self=False):
        if inner.line:
            return int(inner.line)
    current = node.parent
    while current is not None:
        if current.line:
            return int(current.line)
        current = current.parent
    return 0


class LocatedMeta(Meta):  # type: ignore[misc]
    """docutils' ``meta`` directive, whose tags keep the line they were written on (docutils
    leaves it out, and a refused tag must be reported where it is)."""

    def run(self) -> list[nodes.Node]:
        document = self.state.document
        before = {id(tag) for tag in document.findall(nodes.meta)}
        made = list(super().run())  # docutils puts the tags in the document itself
        source, line = self.state_machine.get_source_and_line(self.lineno)
        for tag in [*document.findall(nodes.meta), *(t for node in made for t in node.findall(nodes.meta))]:
            if id(tag) not in before:
                tag.source, tag.line = source, line  # MyST gives it an earlier block's line
        return made


def local_file_outside(root: Path, base_dir: Path, address: str, *, existing: bool = False) -> bool:
    """Whether a relative ``address`` (no scheme, not an anchor) names a file or folder that must
    not be read (:func:`seminar_archive.containment.readable_inside`); with ``existing``, only one
    that exists (a link to a missing path reads nothing). Sphinx's ``*`` (any image format) is
    expanded as Sphinx expands it, and every match must be inside."""
    if not address or address.startswith(("#", "?")) or remote_host(address) is not None or ":" in address:
        return False
    requested = address.split("#", 1)[0].split("?", 1)[0]
    path = requested_path(root, base_dir, requested, rooted=True)
    if path is None:
        return True
    if "*" in requested:
        pattern = glob.escape(str(path)).replace("[*]", "*")
        return not inside(root, path.parent) or any(not inside(root, match) for match in glob.glob(pattern))
    if existing and not (os.path.lexists(path) or (requested.startswith("/") and os.path.lexists(requested))):
        return False
    return not readable_inside(root, base_dir, requested)


def _existing_local_file(root: Path, base_dir: Path, address: str) -> bool:
    if remote_host(address) is not None or ":" in address:
        return False
    path = requested_path(root, base_dir, address.split("#", 1)[0].split("?", 1)[0], rooted=True)
    return path is not None and os.path.isfile(path)  # False, not an error, for an impossible name


def findings(document: nodes.Node, root: Path, base_dir: Path, image_hosts: Sequence[str] = ()) -> Iterator[Finding]:
    """Each node of ``document`` (a page of folder ``base_dir`` in the docs tree ``root``) that
    publishes an address or a file the policies refuse. A link written once is one finding,
    though docutils makes it two nodes (the reference and its target)."""
    seen: set[tuple[int, str, str]] = set()
    for finding in _all_findings(document, root, base_dir, image_hosts):
        key = (finding.line, finding.key, repr(sorted(finding.args.items())))
        yield Finding(finding.node, finding.problem, finding.key, finding.args, repeated=key in seen)
        seen.add(key)


def _all_findings(document: nodes.Node, root: Path, base_dir: Path, image_hosts: Sequence[str]) -> Iterator[Finding]:
    for node in list(document.findall(nodes.Element)):
        if isinstance(node, nodes.image):
            yield from _image(node, root, base_dir, image_hosts)
        elif node.tagname == "download_reference":  # Sphinx's node, known here by its name
            target = str(node.get("reftarget", ""))
            if not is_safe_address(target):
                yield Finding(node, Problem.UNSAFE_ADDRESS, "unsafe-address", {"address": shown_address(target)})
            elif local_file_outside(root, base_dir, target):
                yield Finding(node, Problem.OUTSIDE_FILE, "outside-file", {"path": shown_address(target)})
            elif is_active_file(target):
                yield Finding(node, Problem.UNSAFE_ADDRESS, "active-file", {"path": shown_address(target)})
        elif isinstance(node, nodes.reference | nodes.target) and "refuri" in node:
            address = str(node["refuri"])
            if not is_safe_address(address):
                yield Finding(node, Problem.UNSAFE_ADDRESS, "unsafe-address", {"address": shown_address(address)})
            elif local_file_outside(root, base_dir, address, existing=True):
                yield Finding(node, Problem.OUTSIDE_FILE, "outside-file", {"path": shown_address(address)})
            elif is_active_file(address) and _existing_local_file(root, base_dir, address):
                # MyST makes a link to such a file a download: it would be published as it is.
                yield Finding(node, Problem.UNSAFE_ADDRESS, "active-file", {"path": shown_address(address)})
        elif node.tagname == "toctree":  # Sphinx's node: an entry that is an address is a link in every sidebar
            for ref in toctree_addresses(node):
                if not is_safe_address(ref):
                    yield Finding(node, Problem.UNSAFE_ADDRESS, "unsafe-address", {"address": shown_address(ref)})
        elif node.tagname == "meta" and any(key.lower() == "http-equiv" for key in node.attributes):
            yield Finding(node, Problem.UNSAFE_ADDRESS, "http-equiv",
                          {"value": shown_address(str(node.get("http-equiv", "")))})


def toctree_addresses(node: nodes.Element) -> list[str]:
    """The entries of a toctree that are addresses, not documents (Sphinx keeps them as written)."""
    included = set(node.get("includefiles", ()))
    return [str(ref) for _title, ref in node.get("entries", ()) if ref not in included and ref != "self"]


def _image(node: nodes.image, root: Path, base_dir: Path, image_hosts: Sequence[str]) -> Iterator[Finding]:
    uri = str(node.get("uri", ""))
    host = remote_host(uri)
    if not is_safe_address(uri):
        yield Finding(node, Problem.UNSAFE_ADDRESS, "unsafe-address", {"address": shown_address(uri)})
    elif host is not None:
        if not host_allowed(host, image_hosts):
            yield Finding(node, Problem.REMOTE_IMAGE, "remote-image", {"address": shown_address(uri), "host": host})
    elif local_file_outside(root, base_dir, uri):
        yield Finding(node, Problem.OUTSIDE_FILE, "outside-file", {"path": shown_address(uri)})
    elif uri.lower().endswith((".svg", ".svgz")):
        path = requested_path(root, base_dir, uri, rooted=True)
        if path is not None and svg_runs_script(path):
            yield Finding(node, Problem.UNSAFE_ADDRESS, "active-svg", {"path": shown_address(uri)})
