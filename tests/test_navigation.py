"""Navigation stays bounded as the archive grows: a synthetic archive from benchmarks/generate.py."""

from __future__ import annotations

import importlib.util
import pickle
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import yaml
from bs4 import BeautifulSoup

from conftest import REPO, cli_build, html_files
from seminar_archive.pageplan import index_group

LIMIT = 5


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_person_sidebars_list_one_small_group(tmp_path: Path) -> None:
    srcdir = tmp_path / "archive"
    load_generator().generate(srcdir, 30, plain=False)
    build = cli_build(srcdir, "-n", "-W", "--keep-going", "-D", f"archive_nav_group_limit={LIMIT}")
    assert build.returncode == 0, build.stderr
    people = yaml.safe_load((srcdir / "registry" / "people.yaml").read_text(encoding="utf-8"))
    letters = Counter(index_group(p["family"])[0] for p in people.values())
    prefixes = Counter(index_group(p["family"])[1] for p in people.values())
    assert max(letters.values()) > LIMIT, "the sample must have a letter to split"
    bound = max(LIMIT, max(prefixes.values()))
    for person_id in people:
        html = BeautifulSoup((build.outdir / "people" / f"{person_id}.html").read_text(encoding="utf-8"),
                             "html.parser")
        nav = html.select_one("nav.bd-docs-nav")
        assert nav is not None
        # Links to sibling person pages (the current page itself links to "#").
        siblings = [a for a in nav.find_all("a", href=True)
                    if re.fullmatch(r"[a-z0-9-]+\.html", str(a["href"])) and a["href"] != "index.html"]
        assert len(siblings) < bound, (person_id, len(siblings))
        assert len(nav.find_all("a")) < len(people)  # never the whole registry


def test_shared_sidebars_are_the_themes_own(tmp_path: Path) -> None:
    """Sidebars derived from their section's (perf/sidebars.py) and titles rendered once (perf/titles.py) are
    byte for byte what the theme and Sphinx render page by page, across sessions, people,
    organisations, split letters and decades."""
    srcdir = tmp_path / "archive"
    load_generator().generate(srcdir, 30, plain=False)
    spread_over_decades(srcdir)
    limit = "archive_nav_group_limit=2"  # letters split by prefix, years under their decades
    shared = cli_build(srcdir, "-v", "-D", limit, outdir=tmp_path / "shared")
    own = cli_build(srcdir, "-D", limit, "-D", "archive_sidebar_cache=0", "-D", "archive_title_cache=0",
                    outdir=tmp_path / "own")
    assert shared.returncode == own.returncode == 0, shared.stderr + own.stderr
    hits = re.search(r"sidebars derived from their section's in this process: (\d+) \((\d+) rendered", shared.stdout)
    pages = len(list((tmp_path / "shared").rglob("*.html")))
    # Many pages took the shared path (groups of two or three here: each group's first page does not).
    assert hits and int(hits.group(1)) > pages // 3, (hits, pages)
    # The theme rendered one sidebar per group, a section's page with its pages (a year and its
    # sessions, a letter and its people, in another folder), and one per page in none (the home
    # page, a decade, a letter split by prefix).
    with (tmp_path / "shared" / ".doctrees" / "environment.pickle").open("rb") as handle:
        env = pickle.load(handle)
    includes = {docname: children for docname, children in env.toctree_includes.items() if children}
    parent_of = {child: parent for parent, children in includes.items() for child in children}
    leaves = [docname for docname in env.found_docs if docname not in includes]
    groups = {parent_of[docname] for docname in leaves if docname in parent_of}
    in_none = [docname for docname in env.found_docs if docname not in parent_of and docname not in includes]
    in_none += [docname for docname, children in includes.items() if any(child in includes for child in children)]
    # And the pages that are not documents (the index, the search page, the 404 page) have one.
    written = {path.relative_to(tmp_path / "shared").with_suffix("").as_posix(): path
               for path in (tmp_path / "shared").rglob("*.html")}
    in_none += [name for name, path in written.items()
                if name not in env.found_docs and "bd-docs-nav" in path.read_text(encoding="utf-8")]
    assert "people/a-z/da" in groups and "people/a-z/d" in in_none and "search" in in_none
    assert int(hits.group(2)) == len(groups) + len(in_none), (hits.groups(), len(groups), len(in_none))
    assert "sidebars derived" not in own.stdout
    titles = re.search(r"titles rendered once and shown again in this process: (\d+)", shared.stdout)
    assert titles and int(titles.group(1)) > 2 * pages, (titles, pages)  # parents, neighbours, each page's own
    assert "titles rendered once" not in own.stdout
    assert (tmp_path / "shared" / "sessions" / "annees-2010.html").is_file()
    assert (tmp_path / "shared" / "people" / "a-z" / "da.html").is_file()
    shared_files, own_files = html_files(tmp_path / "shared"), html_files(tmp_path / "own")
    assert shared_files.keys() == own_files.keys()
    differing = [name for name in shared_files if shared_files[name] != own_files[name]]
    assert not differing, differing[:5]


def spread_over_decades(srcdir: Path) -> None:
    """Move the synthetic sessions of 2001 and 2002 ten years on: three years in two decades."""
    for page in (srcdir / "sessions").glob("bench-*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"date: 200([12])-", r"date: 201\1-", text), encoding="utf-8")


def test_many_years_go_under_their_decade(tmp_path: Path) -> None:
    srcdir = tmp_path / "archive"
    load_generator().generate(srcdir, 30, plain=False)
    spread_over_decades(srcdir)
    build = cli_build(srcdir, "-n", "-W", "--keep-going", "-D", "archive_nav_group_limit=2")
    assert build.returncode == 0, build.stderr

    def page(name: str) -> BeautifulSoup:
        return BeautifulSoup((build.outdir / name).read_text(encoding="utf-8"), "html.parser")

    def nav_titles(soup: BeautifulSoup) -> list[str]:
        nav = soup.select_one("nav.bd-docs-nav")
        assert nav is not None
        return [" ".join(a.get_text().split()) for a in nav.find_all("a")]

    decade = page("sessions/annees-2010.html")
    assert decade.h1 is not None and "Séances des années 2010" in decade.h1.get_text()
    main = decade.select_one("main")
    assert main is not None
    years = [a.get_text() for a in main.select(".archive-letters a")]
    assert years == ["2011", "2012"]
    listed = {str(a["href"]) for a in main.select(".archive-chronology a[href]") if "bench-" in a["href"]}
    in_2010s = {p.stem for p in (srcdir / "sessions").glob("bench-*.md")
                if re.search(r"date: 201", p.read_text(encoding="utf-8"))}
    assert {Path(h).stem for h in listed} == in_2010s

    # A session of 2011: the decades, the years of its own decade, the sessions of its year.
    session = sorted(in_2010s)[0]
    titles = nav_titles(page(f"sessions/{session}.html"))
    assert "Séances des années 2000" in titles and "Séances des années 2010" in titles
    assert "Séances de 2011" in titles and "Séances de 2012" in titles
    assert "Séances de 2000" not in titles  # another decade's years stay folded away
    chronology = nav_titles(page("sessions/index.html"))
    assert "Séances des années 2010" in chronology
