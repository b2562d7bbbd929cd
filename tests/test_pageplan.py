"""pageplan and pagedeps as units: the plan of the real archive (kinds, docnames, navigation)
and the fingerprints that decide which pages a rebuild reads again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import copy_root
from seminar_archive import docnames, pagedeps, pageplan
from seminar_archive.archive import Archive
from seminar_archive.loader import load_archive
from seminar_archive.model import SourceRef
from seminar_archive.pageplan import ITEM_KINDS, PageKind


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Archive]:
    srcdir = copy_root("site", tmp_path_factory.mktemp("plan"))
    archive, _ = load_archive(srcdir)
    return srcdir, archive


def test_every_planned_page_has_one_kind_and_archivists_pages_are_not_generated(real: tuple[Path, Archive]) -> None:
    _srcdir, archive = real
    pages = pageplan.plan(archive)
    assert all(isinstance(page.kind, PageKind) for page in pages.values())
    items = {item.docname for item in archive.items()}
    for docname, page in pages.items():
        assert page.docname == docname
        assert page.generated == (page.kind not in ITEM_KINDS), docname
        assert (docname in items) == (page.kind in ITEM_KINDS), docname
    kinds = {page.kind for page in pages.values()}
    assert kinds == set(PageKind) - {PageKind.UNUSABLE, PageKind.DECADE}  # none is broken; 3 years, no decade
    for person_id in archive.people:
        assert pages[docnames.person(person_id)].kind == PageKind.PERSON
    for org_id in archive.organisations:
        assert pages[docnames.organisation(org_id)].kind == PageKind.ORGANISATION
    assert {page.docname.split("/")[0] for page in pages.values() if page.generated} >= set(docnames.GENERATED_FOLDERS)


def test_the_chronology_lists_each_year_and_each_year_its_sessions(real: tuple[Path, Archive]) -> None:
    _srcdir, archive = real
    pages = pageplan.plan(archive)
    assert pages["sessions/index"].children[:3] == ("2020", "2021", "2022")
    assert pages["sessions/2021"].children == tuple(f"/{s.docname}" for s in archive.sessions_by_year[2021])


def test_a_moved_line_changes_no_fingerprint_and_a_changed_name_changes_those_that_show_it(
        real: tuple[Path, Archive]) -> None:
    _srcdir, archive = real
    pages = pageplan.plan(archive)
    before = {d: pagedeps.fingerprint(archive, p) for d, p in pages.items()}
    person = archive.people["daniel-benamouzig"]
    moved = dataclasses.replace(archive, people={**archive.people, person.id: dataclasses.replace(
        person, where=SourceRef(person.where.path, person.where.line + 40))})
    assert {d: pagedeps.fingerprint(moved, p) for d, p in pages.items()} == before
    renamed = dataclasses.replace(archive, people={**archive.people, person.id: dataclasses.replace(
        person, family="Benamouzig-Dupont")})
    after = {d: pagedeps.fingerprint(renamed, p) for d, p in pages.items()}
    changed = {d for d in pages if after[d] != before[d]}
    assert docnames.person(person.id) in changed
    assert "people/a-z/b" in changed or "people/index" in changed
    # Each session he took part in shows his name; a session he did not take part in does not change.
    his = {pa.item.docname for pa in archive.appearances_by_person[person.id]}
    assert his and his <= changed
    others = [s.docname for s in archive.sessions.values() if s.docname not in his]
    assert all(after[d] == before[d] for d in others)


def test_a_person_page_is_made_from_the_registry_and_the_pages_that_name_them(real: tuple[Path, Archive]) -> None:
    _srcdir, archive = real
    page = pageplan.plan(archive)[docnames.person("daniel-benamouzig")]
    files = pagedeps.source_files(archive, page, pagedeps.item_paths(archive))
    assert "registry/people.yaml" in files
    named = {pa.item.where.path for pa in archive.appearances_by_person["daniel-benamouzig"]}
    assert named and named <= files


def test_a_session_of_an_unknown_series_still_has_a_fingerprint(real: tuple[Path, Archive]) -> None:
    """The series is reported by the checks; the plan must not fail on it (the build goes on)."""
    _srcdir, archive = real
    session = next(iter(archive.sessions.values()))
    broken = dataclasses.replace(archive, sessions={**archive.sessions, session.id: dataclasses.replace(
        session, series="no-such-series")})
    page = pageplan.plan(broken)[session.docname]
    assert pagedeps.fingerprint(broken, page) != pagedeps.fingerprint(archive, page)
