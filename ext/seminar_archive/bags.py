"""A BagIt preservation package (RFC 8493) per release, written by the versions build, and the
check of a bag's fixity (``archive bag-check``).

    build/versions-bags/<release>/      beside the versions folder, never inside a site
        bagit.txt  bag-info.txt  manifest-sha256.txt  tagmanifest-sha256.txt
        data/site/       the release's built site, as the versions build wrote it (but for
                         Pagefind's search index, which is not reproducible: NOT_BAGGED)
        data/sources/    the source documents of the release's commit (archive_sources_dir)
        data/registry/   the registry files of that commit (archive_registry_dir)

SHA-256 only. ``bag-info.txt`` gives what is known, never more: Source-Organization only when
conf.py's ``archive_bag_organization`` gives it; Bagging-Date is the release commit's date (not
today), so that two runs on the same commits write the same bytes. The bag's digest, the SHA-256
of its ``tagmanifest-sha256.txt`` (which fixes every other file through the manifests), is shown
in the changelog of the later versions (sphinx/bagdigests.py).

No Sphinx import here.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from .messages import MessageKey
from .settings import ArchiveSettings
from .settings import settings_from_conf as read_settings

ALGORITHM = "sha256"
TAGMANIFEST = f"tagmanifest-{ALGORITHM}.txt"
DIGEST = re.compile(r"[0-9a-f]{64}")
# Left out of the bagged site: Pagefind's search index (sphinx/sitesearch.py) is derived from the
# pages, and its files' names and bytes differ from one run to the next; Pagefind rebuilds it.
NOT_BAGGED = ("pagefind",)


class BagBuildError(Exception):
    """A bag could not be written; the message says why."""


@dataclass(frozen=True)
class BagSettings:
    """What conf.py says about the bags (read without running it)."""

    organization: str = ""
    sources_dir: str = ArchiveSettings.sources_dir
    registry_dir: str = ArchiveSettings.registry_dir


def settings_from_conf(docs: Path) -> BagSettings:
    settings = read_settings(docs)
    return BagSettings(settings.bag_organization.strip(), settings.sources_dir.strip() or ArchiveSettings.sources_dir,
                       settings.registry_dir.strip() or ArchiveSettings.registry_dir)


def file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, ALGORITHM).hexdigest()


def bag_digest(bag: Path) -> str:
    """The digest recorded in the changelog: SHA-256 of the bag's tag manifest."""
    return file_digest(bag / TAGMANIFEST)


def _sorted_tagmanifest(bag: Path) -> None:
    """bagit lists the tag files in directory order, which no file system promises: sorted here,
    so that the tag manifest's bytes (and the bag's digest) are the same on every machine."""
    names = sorted(p.name for p in bag.iterdir() if p.is_file() and not p.name.startswith("tagmanifest-"))
    (bag / TAGMANIFEST).write_text("".join(f"{file_digest(bag / name)} {name}\n" for name in names),
                                   encoding="utf-8")


def write_release_bag(bag: Path, *, site: Path, docs: Path, release: str, date: str,
                      settings: BagSettings) -> str:
    """Write the bag of ``release`` into ``bag`` (replaced): its built ``site`` and, from its
    ``docs`` folder, the source documents and the registry. ``date`` is YYYY-MM-DD. Returns the
    bag's digest. Raises :class:`BagBuildError`."""
    shutil.rmtree(bag, ignore_errors=True)
    bag.mkdir(parents=True)
    shutil.copytree(site, bag / "site", ignore=lambda folder, names: [
        name for name in names if Path(folder) == site and name in NOT_BAGGED])
    for name, folder in (("sources", settings.sources_dir), ("registry", settings.registry_dir)):
        if (docs / folder).is_dir():
            shutil.copytree(docs / folder, bag / name)
    info = {"External-Identifier": release, "Bagging-Date": date,
            "External-Description": f"Version {release} de l’archive : site construit (site/), documents "
                                    f"sources (sources/) et registre (registry/)",
            "Bag-Software-Agent": f"seminar_archive, bagit.py {bagit.VERSION}"}
    if settings.organization:
        info["Source-Organization"] = settings.organization
    quiet = logging.getLogger("bagit")
    level = quiet.level
    quiet.setLevel(logging.WARNING)
    try:
        bagit.make_bag(str(bag), info, checksums=[ALGORITHM])
    except (bagit.BagError, OSError, RuntimeError) as failed:
        raise BagBuildError(f"the bag of version {release} could not be written in {bag}: {failed}") from failed
    finally:
        quiet.setLevel(level)
    os.chmod(bag / "data", 0o755)  # bagit copies the mode of the folder it was given
    _sorted_tagmanifest(bag)
    return bag_digest(bag)


@dataclass
class BagCheck:
    """What ``archive bag-check`` found: messages of the catalogue (key, values)."""

    problems: list[tuple[MessageKey, dict[str, object]]] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)
    files: int = 0

    @property
    def valid(self) -> bool:
        return not self.problems


def check_bag(path: Path) -> BagCheck:
    """Fixity and completeness of the bag at ``path`` (bagit's validate), each problem naming its file."""
    result = BagCheck()
    quiet = logging.getLogger("bagit")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        try:
            bag = bagit.Bag(str(path))
        except bagit.BagError as failed:
            result.problems.append(("bag-not-a-bag", {"path": str(path), "detail": str(failed)}))
            return result
        result.info = {k: v if isinstance(v, str) else ", ".join(v) for k, v in bag.info.items()}
        result.files = len(bag.payload_entries())
        try:
            bag.validate(processes=1)
        except bagit.BagValidationError as failed:
            result.problems += _details(bag, failed)
        except bagit.BagError as failed:
            result.problems.append(("bag-invalid", {"detail": str(failed)}))
    finally:
        quiet.setLevel(level)
    return result


def _details(bag: bagit.Bag, failed: bagit.BagValidationError) -> list[tuple[MessageKey, dict[str, object]]]:
    found: list[tuple[MessageKey, dict[str, object]]] = []
    for detail in failed.details:
        if isinstance(detail, bagit.ChecksumMismatch):
            found.append(("bag-changed", {"file": str(detail.path)}))
        elif isinstance(detail, bagit.FileMissing):
            found.append(("bag-missing", {"file": str(detail.path)}))
        elif isinstance(detail, bagit.UnexpectedFile):
            found.append(("bag-unexpected", {"file": str(detail.path)}))
        else:
            found.append(("bag-invalid", {"detail": str(detail)}))
    if not found:
        # Payload-Oxum (the count of files and bytes) failed before the files were compared: name them.
        listed = set(bag.payload_entries())
        present = {p.replace(os.sep, "/") for p in bag.payload_files()}
        found += [("bag-missing", {"file": name}) for name in sorted(listed - present)]
        found += [("bag-unexpected", {"file": name}) for name in sorted(present - listed)]
        for name, hashes in sorted(bag.payload_entries().items()):
            if name in present and file_digest(Path(bag.path) / name) != hashes.get(ALGORITHM):
                found.append(("bag-changed", {"file": name}))
        if not found:
            found.append(("bag-invalid", {"detail": failed.message}))
    return found
