"""The ``archive`` domain: sessions, press releases, events, series, people, organisations, themes.

Objects are noted while documents are read (so parallel and incremental builds keep them
right through ``clear_doc`` and ``merge_domaindata``) and resolved at write time. The
build's model is held by the domain for the duration of one build; it is not pickled.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from ..bodyrefs import DOMAIN_NAME, REFERENCE_KINDS
from ..checks import closest
from ..diagnostics import Problem
from .emit import warn

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .state import BuildState


OBJECT_TYPES = REFERENCE_KINDS  # kind -> its French name


class ArchiveXRefRole(XRefRole):
    """``{person}`id``` as well as ``{archive:person}`id```: always this domain, always warn."""

    def __init__(self, reftype: str) -> None:
        super().__init__(warn_dangling=True)
        self.archive_reftype = reftype

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # Registered under bare names too, where XRefRole would not know the domain.
        self.name = f"{DOMAIN_NAME}:{self.archive_reftype}"
        return super().run()


class ArchiveDomain(Domain):
    name = DOMAIN_NAME
    label = "Archive"
    object_types = {kind: ObjType(_(label), kind) for kind, label in OBJECT_TYPES.items()}
    roles = {kind: ArchiveXRefRole(kind) for kind in OBJECT_TYPES}
    initial_data = {
        "objects": {kind: {} for kind in OBJECT_TYPES},  # kind -> id -> (docname, anchor, title)
        # docname -> [(kind, id)] it noted: clearing a page need not scan every object (a clean
        # build clears each page before reading it, which made reading grow with N squared).
        "objects_of": {},
        "fingerprints": {},  # docname -> fingerprint of the records it rendered
        "titles": {},  # docname -> title, to notice renamed pages at the next build
        "listings": {},  # docname -> fingerprint of the archive listings its directives show
    }
    data_version = 3

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        # Set at builder-inited: the model of this build (per instance, never pickled).
        self.build: BuildState | None = None

    @property
    def objects(self) -> dict[str, dict[str, tuple[str, str, str]]]:
        return self.data["objects"]  # type: ignore[no-any-return]

    @property
    def fingerprints(self) -> dict[str, str]:
        return self.data["fingerprints"]  # type: ignore[no-any-return]

    def note_object(self, kind: str, object_id: str, docname: str, anchor: str, title: str) -> None:
        self.objects[kind][object_id] = (docname, anchor, title)
        self.data["objects_of"].setdefault(docname, []).append((kind, object_id))

    def note_page(self, docname: str, fingerprint: str, title: str) -> None:
        self.fingerprints[docname] = fingerprint
        self.data["titles"][docname] = title

    def note_listing(self, docname: str, fingerprint: str) -> None:
        self.data["listings"][docname] = fingerprint

    @property
    def listings(self) -> dict[str, str]:
        return self.data["listings"]  # type: ignore[no-any-return]

    def clear_doc(self, docname: str) -> None:
        self.data["listings"].pop(docname, None)
        for kind, object_id in self.data["objects_of"].pop(docname, ()):
            # Another page may have noted the same id since (a duplicate, reported): keep its entry.
            if self.objects[kind].get(object_id, ("",))[0] == docname:
                del self.objects[kind][object_id]
        self.fingerprints.pop(docname, None)
        self.data["titles"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for kind, table in otherdata["objects"].items():
            for object_id, entry in table.items():
                if entry[0] in docnames:
                    self.objects[kind][object_id] = entry
        for key in ("objects_of", "fingerprints", "titles", "listings"):
            for docname, value in otherdata[key].items():
                if docname in docnames:
                    self.data[key][docname] = value

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str,
                     node: pending_xref, contnode: nodes.Element) -> nodes.reference | None:
        entry = self.objects.get(typ, {}).get(target)
        if entry is None:
            return None
        docname, anchor, title = entry
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title, classes=["xref", DOMAIN_NAME, f"{DOMAIN_NAME}-{typ}"])
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
                         node: pending_xref, contnode: nodes.Element) -> list[tuple[str, nodes.reference]]:
        found = []
        for kind in self.objects:
            refnode = self.resolve_xref(env, fromdocname, builder, kind, target, node, contnode)
            if refnode is not None:
                found.append((f"{self.name}:{kind}", refnode))
        return found

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for kind, table in self.objects.items():
            for object_id, (docname, anchor, title) in sorted(table.items()):
                yield object_id, title, kind, docname, anchor, 1

    def closest(self, kind: str, target: str) -> str:
        return closest(target, self.objects.get(kind, {}))

    def documents(self) -> Iterable[str]:
        return self.fingerprints.keys()


def warn_missing_reference(app: Any, domain: Domain | None, node: pending_xref) -> bool | None:
    """Our own message for an unresolved archive reference: file, line and the closest id."""
    if domain is None or domain.name != DOMAIN_NAME:
        return None
    assert isinstance(domain, ArchiveDomain)
    kind, target = node["reftype"], node["reftarget"]
    label = OBJECT_TYPES.get(kind, kind)
    warn(app, Problem.REFERENCE, "unknown-ref", {"label": label, "target": target, "kind": kind,
                                                 "suggestion": domain.closest(kind, target)}, node)
    return True


def archive_domain(env: BuildEnvironment) -> ArchiveDomain:
    """The archive's domain of this build (an error if another extension took its name)."""
    domain = env.domains[DOMAIN_NAME]
    if not isinstance(domain, ArchiveDomain):  # pragma: no cover - another extension took the name
        raise ExtensionError(f"the '{DOMAIN_NAME}' domain is not seminar_archive's")
    return domain


def build_state(env: BuildEnvironment) -> BuildState | None:
    """The build's model and caches, which the archive domain holds (None until the registry
    has been read, or when another extension took the domain's name)."""
    domain = env.domains[DOMAIN_NAME]
    return domain.build if isinstance(domain, ArchiveDomain) else None


def setup_domain(app: Sphinx) -> None:
    app.add_domain(ArchiveDomain)
    for kind in OBJECT_TYPES:
        app.add_role(kind, ArchiveXRefRole(kind))
    app.connect("warn-missing-reference", warn_missing_reference)
