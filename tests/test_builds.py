"""Parallel and incremental builds give the pages a clean serial build gives."""

from __future__ import annotations

import gc
import itertools
import re
import shutil
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import BuildFn, cli_build, copy_root, html_files, warnings_of
from seminar_archive.sphinx.perf import templates

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.testing.util import SphinxTestApp

NEW_SESSION = """---
archive:
  kind: session
  id: ser-03
  series: ser
  number: 3
  date: 2022-06-01
  title: Troisième séance
  speakers:
    - person: elise-etienne
      affiliation: directrice de recherche
  themes: [santé publique]
  citekey: ser-2022-s03
  source: prog.txt
---

# Présentation

Une nouvelle séance.
"""


def assert_same_site(incremental: Path, clean: Path) -> None:
    """Every file of the clean build is in the incremental one, identical. (Sphinx leaves the
    output of a removed page where it was; a published build is a clean build.)"""
    a, b = html_files(incremental), html_files(clean)
    assert set(b) <= set(a)
    different = [name for name in b if a[name] != b[name]]
    assert different == [], f"pages differ: {different}"


def test_parallel_build_equals_serial(build: BuildFn, tmp_path: Path) -> None:
    serial = build(copy_root("basic", tmp_path / "serial"))
    parallel = build(copy_root("basic", tmp_path / "parallel"), parallel=2)
    assert warnings_of(serial) == warnings_of(parallel) == []
    assert_same_site(Path(serial.outdir), Path(parallel.outdir))


def edit_add(srcdir: Path) -> None:
    (srcdir / "sessions" / "ser-03.md").write_text(NEW_SESSION, encoding="utf-8")


def edit_change(srcdir: Path) -> None:
    page = srcdir / "sessions" / "ser-01.md"
    page.write_text(page.read_text(encoding="utf-8").replace("fabuliste, Université", "poète, Université"),
                    encoding="utf-8")


def edit_retitle(srcdir: Path) -> None:
    page = srcdir / "sessions" / "ser-02.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Deuxième séance", "Séance renommée"),
                    encoding="utf-8")


def edit_remove(srcdir: Path) -> None:
    (srcdir / "sessions" / "ser-02.md").unlink()
    # Élise Étienne appeared only there and in ser-01; Ada Dupont keeps ser-01.


def edit_registry(srcdir: Path) -> None:
    registry = srcdir / "registry" / "people.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("family: Dupont", "family: Dupont-Durand"),
                        encoding="utf-8")


@pytest.mark.parametrize("edit", [edit_add, edit_change, edit_retitle, edit_remove, edit_registry],
                         ids=lambda f: f.__name__)
def test_incremental_build_equals_clean_build(tmp_path: Path, edit: object) -> None:
    srcdir = copy_root("basic", tmp_path / "incremental")
    assert cli_build(srcdir).returncode == 0
    edit(srcdir)  # type: ignore[operator]
    incremental = cli_build(srcdir)
    assert incremental.written, "the edit was not noticed"
    clean_src = tmp_path / "clean" / "basic"
    shutil.copytree(srcdir, clean_src, ignore=shutil.ignore_patterns("_build", "people", "organisations", "themes"))
    clean = cli_build(clean_src)
    assert clean.warnings == incremental.warnings == []
    assert_same_site(incremental.outdir, clean.outdir)


def test_edit_rewrites_dependent_pages_only(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    cli_build(srcdir)
    edit_change(srcdir)  # an affiliation of Jean de La Fontaine at ser-01
    build = cli_build(srcdir)
    pages = build.written
    # The session, the person whose affiliation changed and the organisation named there
    # must be current (and Sphinx rewrites the pages whose toctree holds them) ...
    assert {"sessions/ser-01", "people/jean-de-la-fontaine", "organisations/univ"} <= pages
    # ... while pages that render nothing of that affiliation are left alone.
    assert not pages & {"index", "series/ser", "sessions/index", "sessions/ser-02", "sessions/2022",
                        "people/index", "organisations/index", "people/ada-dupont", "themes/index"}
    html = (build.outdir / "people" / "jean-de-la-fontaine.html").read_text(encoding="utf-8")
    # The affiliation links the organisation it names ("poète, <a>Université</a>"): read its text.
    assert "poète, Université" in re.sub(r"<[^>]+>", "", html) and "fabuliste" not in html


def test_nothing_changed_rewrites_nothing(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    cli_build(srcdir)
    generated = srcdir / "people" / "ada-dupont.md"
    before = generated.stat().st_mtime_ns
    again = cli_build(srcdir)
    assert again.returncode == 0
    assert again.written == set()
    assert generated.stat().st_mtime_ns == before  # generated sources are not rewritten either


def test_data_files_are_made_again_only_when_their_sources_change(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    first = cli_build(srcdir, "-v")
    assert "[archive] data files made" in first.stdout
    data = first.outdir / "data"
    made = {name: (data / name).read_bytes() for name in ("archive.json", "series.ics", "additions.atom")}
    assert "[archive] data files kept" in cli_build(srcdir, "-v").stdout
    (data / "series.ics").unlink()  # a file gone from the output is made again
    assert "[archive] data files made: series.ics\n" in cli_build(srcdir, "-v").stdout
    assert {name: (data / name).read_bytes() for name in made} == made
    edit_change(srcdir)  # an affiliation: in the open data, not in the calendar or the feed
    assert "[archive] data files made: archive.json\n" in cli_build(srcdir, "-v").stdout
    assert "poète, Université" in (data / "archive.json").read_text(encoding="utf-8")
    edit_retitle(srcdir)
    assert "[archive] data files made: archive.json, series.ics, additions.atom\n" in cli_build(srcdir, "-v").stdout
    for name in made:
        assert "Séance renommée" in (data / name).read_text(encoding="utf-8"), name


def test_citation_files_are_rewritten_only_for_the_records_that_changed(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    first = cli_build(srcdir)
    suffixes = (".bib", ".biblatex.bib", ".ris", ".csl.json")

    def times() -> dict[str, int]:
        return {p.relative_to(first.outdir).as_posix(): p.stat().st_mtime_ns for p in first.outdir.rglob("*")
                if p.is_file() and p.name.endswith(suffixes)}

    before = times()
    assert len(before) > 20
    edit_retitle(srcdir)  # ser-02, where Ada Dupont and Élise Étienne speak
    again = cli_build(srcdir, "-v")
    assert again.returncode == 0
    # Only the files holding ser-02 are made again: its own, its two speakers', the series' (4 formats each).
    assert "[archive] citation files: 16 made," in again.stdout, again.stdout[-2000:]
    after = times()
    rewritten = {name for name in after if after[name] != before.get(name)}
    stems = {name.split(".", 1)[0] for name in rewritten}
    assert stems == {"sessions/ser-02", "people/ada-dupont", "people/elise-etienne", "data/series",
                     "data/series-biblatex"}, stems
    assert "{Séance} renommée" in (first.outdir / "people" / "ada-dupont.bib").read_text(encoding="utf-8")
    # A file gone from the output is written again, though its record did not change.
    (first.outdir / "sessions" / "ser-01.ris").unlink()
    assert cli_build(srcdir).returncode == 0
    assert (first.outdir / "sessions" / "ser-01.ris").is_file()


def test_changing_the_base_url_updates_citations(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    cli_build(srcdir, "-D", "html_baseurl=https://one.test/")
    again = cli_build(srcdir, "-D", "html_baseurl=https://two.test/")
    page = (again.outdir / "sessions" / "ser-01.html").read_text(encoding="utf-8")
    assert "https://two.test/sessions/ser-01.html" in page and "https://one.test/" not in page


def test_written_pages_do_not_stay_in_memory(build: BuildFn, tmp_path: Path) -> None:
    """Sphinx keeps the pickled doctree of each page it loads to write; the extension lets each
    go once the page is resolved, so a large build does not end with every page in memory."""
    app = build(copy_root("basic", tmp_path))
    assert warnings_of(app) == []
    written = {docname for docname in app.env.found_docs if (Path(app.outdir) / f"{docname}.html").is_file()}
    assert len(written) > 10
    # The root page is loaded once more for the navigation (env.master_doctree) and kept: one page.
    assert set(app.env._pickled_doctree_cache) & written <= {app.config.root_doc}


def test_page_titles_do_not_keep_the_documents_they_were_rendered_in(build: BuildFn, tmp_path: Path) -> None:
    """Sphinx renders each title kept for the whole build (its own page's, and as neighbour or
    parent of others) in a throwaway document and leaves it attached; the extension detaches it."""
    app = build(copy_root("basic", tmp_path))
    titles = [*app.env.titles.values(), *app.env.longtitles.values()]
    assert len(titles) > 20
    held = [title.astext() for title in titles
            if title.parent is not None or any(node.document is not None for node in title.findall())]
    assert held == []
    # ... and the pages still show them: the session's title, its neighbour's, its parents'.
    page = (Path(app.outdir) / "sessions" / "ser-02.html").read_text(encoding="utf-8")
    assert "Deuxième séance" in page and "Séances de 2021" in page


def test_a_build_leaves_its_objects_frozen_until_the_next_build(build: BuildFn, tmp_path: Path) -> None:
    """perf/gcfreeze.py: a build ends with what it made frozen, so the process's exit does not walk
    it; the next build in the same process first gives it back to the collector (here, one that
    freezes nothing), so builds in one process do not pile up."""
    first = build(copy_root("basic", tmp_path / "frozen"))
    assert warnings_of(first) == []
    assert gc.get_freeze_count() > 10_000
    second = build(copy_root("basic", tmp_path / "thawed"), confoverrides={"archive_freeze_long_lived": False})
    assert warnings_of(second) == []
    assert gc.get_freeze_count() == 0
    assert html_files(Path(first.outdir)) == html_files(Path(second.outdir))


class _Cycle:
    """Garbage that only the cycle collector frees."""

    def __init__(self) -> None:
        self.me = self


def test_objects_are_frozen_in_batches_while_pages_are_read_and_written(
        make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    """perf/gcfreeze.py: every ``archive_freeze_every`` pages read, and again every so many pages
    written, what is alive is frozen, after a collection: garbage made just before a freeze is
    freed, not frozen with the rest."""
    frozen: dict[str, list[int]] = {"source-read": [], "doctree-resolved": []}
    garbage: dict[str, list[weakref.ref[_Cycle]]] = {"source-read": [], "doctree-resolved": []}

    def build(name: str, every: int, parallel: int = 0) -> SphinxTestApp:
        for event in frozen:
            frozen[event].clear()
            garbage[event].clear()
        app = make_app("html", srcdir=copy_root("basic", tmp_path / name), parallel=parallel,
                       confoverrides={"archive_freeze_every": every})
        for event in frozen:
            def make_garbage(app: Sphinx, *arguments: object, event: str = event) -> None:
                garbage[event].append(weakref.ref(_Cycle()))  # unreachable, freed only by a collection

            def count_frozen(app: Sphinx, *arguments: object, event: str = event) -> None:
                frozen[event].append(gc.get_freeze_count())

            app.connect(event, make_garbage, priority=999)
            app.connect(event, count_frozen, priority=1001)
        app.build()
        assert warnings_of(app) == []
        return app

    batched = build("batched", 3)
    for event, counts in frozen.items():
        assert len(counts) >= 9, event
        for page in range(3, len(counts) + 1, 3):
            assert counts[page - 1] > counts[page - 2], (event, page)
            assert garbage[event][page - 1]() is None, (event, page)
    unbatched = build("unbatched", 0)
    for event, counts in frozen.items():
        # Frozen objects are still freed when no reference is left: without batches, only fewer.
        assert all(later <= earlier for earlier, later in itertools.pairwise(counts)), event
    # Once every page is read (env-updated), the environment is frozen, batches or not.
    assert frozen["doctree-resolved"][0] > frozen["source-read"][-1]
    assert html_files(Path(batched.outdir)) == html_files(Path(unbatched.outdir))
    # Written in parallel, the main process holds a whole chunk of resolved doctrees while a
    # child writes the previous one: a freeze would keep them all, so none is made.
    in_parallel = build("parallel", 3, parallel=2)
    written = frozen["doctree-resolved"]
    assert len(written) >= 9
    assert all(later <= earlier for earlier, later in itertools.pairwise(written))
    assert html_files(Path(in_parallel.outdir)) == html_files(Path(batched.outdir))


def test_compiled_templates_are_kept_and_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    """perf/templates.py: the templates' bytecode is kept beside the doctrees; a template edited between
    two builds shows its new text (the cache checks the template's text, not only its name)."""
    srcdir = copy_root("basic", tmp_path)
    (srcdir / "_templates").mkdir()
    probe = srcdir / "_templates" / "archive-last-changed.html"
    probe.write_text('<p class="probe">first</p>\n', encoding="utf-8")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'templates_path = ["_templates"]\n', encoding="utf-8")
    first = cli_build(srcdir, "-W")
    assert first.returncode == 0, first.stderr
    page = first.outdir / "sessions" / "ser-01.html"
    assert '<p class="probe">first</p>' in page.read_text(encoding="utf-8")
    cached = list((first.outdir / ".doctrees" / templates.CACHE_DIR).iterdir())
    assert len(cached) > 10  # the theme's templates and ours
    probe.write_text('<p class="probe">second</p>\n', encoding="utf-8")
    second = cli_build(srcdir, "-W")
    assert second.returncode == 0, second.stderr
    text = page.read_text(encoding="utf-8")
    assert '<p class="probe">second</p>' in text and "first" not in text


def test_templates_are_not_checked_for_changes_while_a_build_runs(build: BuildFn, tmp_path: Path) -> None:
    """perf/templates.py: Jinja does not stat every included template on every page, and compiles into
    the cache beside the doctrees."""
    app = build(copy_root("basic", tmp_path))
    environment = app.builder.templates.environment
    assert environment.auto_reload is False
    assert Path(environment.bytecode_cache.directory) == Path(app.doctreedir) / templates.CACHE_DIR
