"""Load a whole archive from its source directory: registry, pages, checks.

The one entry point the Sphinx extension and the ``archive`` command share.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from . import frontmatter
from .archive import Archive
from .checks import check_archive, check_items
from .containment import inside, is_active_file, outside_links
from .diagnostics import Diagnostics, Problem
from .docnames import GENERATED_FOLDERS
from .duplicates import check_duplicates
from .homoglyphs import check_scripts
from .mentions import mentioned_ids
from .model import Event, Item, PressRelease, Series, Session
from .readcache import ReadCache
from .registry import ORGANISATIONS_FILE, PEOPLE_FILE, load_organisations, load_people
from .settings import ArchiveSettings

# The first line of every page the extension generates (sphinx/generate.py writes it).
GENERATED_MARKER = "% seminar_archive: generated page; do not edit, it is rewritten from the archive at each build"


@dataclass(frozen=True)
class Layout:
    """Where things are, relative to the site's source directory."""

    registry_dir: str = ArchiveSettings.registry_dir
    sources_dir: str = ArchiveSettings.sources_dir
    # Directories that hold only generated pages: never scanned for archive pages.
    generated_dirs: tuple[str, ...] = GENERATED_FOLDERS
    skip_dirs: tuple[str, ...] = ("_build", "_static", "_templates", ".git")
    # Directories of archive pages: a page there without the archive's front matter is a mistake.
    item_dirs: tuple[str, ...] = ("sessions", "press", "events", "series")


def iter_pages(srcdir: Path, layout: Layout, exclude: Iterable[str] = ()) -> list[tuple[Path, str]]:
    """Markdown files that may be archive pages, as (path, docname), in a stable order."""
    skipped = set(layout.skip_dirs) | set(layout.generated_dirs) | set(exclude)
    found = []
    for root, dirs, files in os.walk(srcdir):
        rel_root = Path(root).relative_to(srcdir)
        dirs[:] = sorted(d for d in dirs if (rel_root / d).as_posix() not in skipped and not d.startswith("."))
        for name in sorted(files):
            # A page that is a symlink out of the tree is never read (load_archive reports it).
            if name.endswith(".md") and inside(srcdir, Path(root) / name):
                rel = (rel_root / name).as_posix()
                found.append((Path(root) / name, rel[: -len(".md")]))
    return found


def read_text(path: Path, shown: str, diagnostics: Diagnostics) -> str | None:
    """A page's text. Bytes that are not UTF-8 are reported (file and line) and read as U+FFFD,
    as the build reads them (sphinx/encoding.py): the page is still built, nothing is lost."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        diagnostics.say(Problem.YAML, "not-utf8", shown, line, byte=f"{data[err.start]:02x}")
        return data.decode("utf-8-sig", errors="replace")


def _content(path: Path) -> bytes:
    """A file's bytes (none for a missing file, which reads as empty)."""
    return path.read_bytes() if path.is_file() else b"\0missing"


def load_archive(srcdir: Path, layout: Layout = Layout(), *, exclude: Iterable[str] = (),
                 report_unused: bool = True, read_cache: ReadCache | None = None) -> tuple[Archive, Diagnostics]:
    """Read the registry and every archive page below ``srcdir``; check the whole. With a
    ``read_cache``, a page whose text an earlier build read is not read again (readcache.py)."""
    diagnostics = Diagnostics()
    for link in outside_links(srcdir):
        diagnostics.say(Problem.OUTSIDE_FILE, "outside-link", link, 1)
    registry = srcdir / layout.registry_dir
    people_file, people_shown = registry / PEOPLE_FILE, f"{layout.registry_dir}/{PEOPLE_FILE}"
    orgs_file, orgs_shown = registry / ORGANISATIONS_FILE, f"{layout.registry_dir}/{ORGANISATIONS_FILE}"
    # A registry file that is a symlink out of the tree (reported above) is read as absent.
    not_read = registry / ".outside-link-not-read"
    people_file = people_file if inside(srcdir, people_file) else not_read / PEOPLE_FILE
    orgs_file = orgs_file if inside(srcdir, orgs_file) else not_read / ORGANISATIONS_FILE
    if read_cache is None:
        people = load_people(people_file, people_shown, diagnostics)
        organisations = load_organisations(orgs_file, orgs_shown, diagnostics)
    else:
        people = read_cache.read(people_shown, _content(people_file), diagnostics,
                                 partial(load_people, people_file, people_shown))
        organisations = read_cache.read(orgs_shown, _content(orgs_file), diagnostics,
                                        partial(load_organisations, orgs_file, orgs_shown))
    items: list[Item] = []
    unusable: dict[str, str] = {}
    mentioned_people: set[str] = set()
    mentioned_orgs: set[str] = set()
    for path, docname in iter_pages(srcdir, layout, exclude):
        shown = f"{docname}.md"
        text = read_text(path, shown, diagnostics)
        if text is None:
            continue
        if read_cache is None:
            read = frontmatter.read_page(text, shown, docname, diagnostics)
        else:
            read = read_cache.read(docname, text, diagnostics, partial(frontmatter.read_page, text, shown, docname))
        in_item_dir = docname.split("/", 1)[0] in layout.item_dirs and "/" in docname
        if not read.is_archive_page and in_item_dir and not text.startswith(GENERATED_MARKER):
            # An empty page, or one without its front matter, where archive pages live.
            diagnostics.say(Problem.MISSING_FIELD, "not-an-archive-page", shown, 1,
                            folder=docname.split("/", 1)[0])
            unusable[docname] = docname.rsplit("/", 1)[-1]
            continue
        if read.item is not None:
            items.append(read.item)
        elif read.is_archive_page:
            unusable[docname] = read.fallback_title
            # Who it cites is still cited: its own problems are the ones to report.
            people_named, orgs_named = mentioned_ids(text)
            mentioned_people |= people_named
            mentioned_orgs |= orgs_named
    kept = check_items(items, diagnostics)
    kept_ids = {id(item) for item in kept}
    set_aside = [item for item in items if id(item) not in kept_ids]
    for item in set_aside:
        unusable[item.docname] = item.title
    archive = Archive(
        people=people,
        organisations=organisations,
        sessions={i.id: i for i in kept if isinstance(i, Session)},
        press={i.id: i for i in kept if isinstance(i, PressRelease)},
        events={i.id: i for i in kept if isinstance(i, Event)},
        series={i.id: i for i in kept if isinstance(i, Series)},
        unusable_pages=unusable,
    )
    sources_dir = srcdir / layout.sources_dir
    sources = {p.name for p in sources_dir.iterdir() if p.is_file() and inside(sources_dir, p)} \
        if sources_dir.is_dir() else set()
    for name in sorted(n for n in sources if is_active_file(n)):  # never copied into the site (exports.py)
        diagnostics.say(Problem.UNSAFE_ADDRESS, "active-file", f"{layout.sources_dir}/{name}", 1, path=name)
    sources = {name for name in sources if not is_active_file(name)}
    check_archive(archive, diagnostics, sources, report_unused=report_unused, set_aside=set_aside,
                  mentioned=(mentioned_people, mentioned_orgs))
    check_duplicates(people, diagnostics)
    check_scripts(people, diagnostics)
    return archive, diagnostics
