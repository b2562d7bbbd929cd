"""docs/releases.yaml and docs/redirects.yaml: read with line numbers, checked, and every problem
a located, typed warning; the redirects that work become pages that lead to the new address."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import BuildFn, copy_root, warnings_of
from seminar_archive.itemfiles import ITEM_FILES
from test_errors import parse


def test_bad_redirects_and_releases_are_located_warnings(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    (srcdir / "redirects.yaml").write_text(
        "redirects:\n"
        "  sessions/old-one: sessions/ser-01\n"      # works
        "  sessions/ser-02: sessions/ser-01\n"      # ser-02 is still a page
        "  sessions/gone: sessions/ser-1\n"         # leads nowhere
        "  sessions/chain: sessions/old-one\n",     # leads to a redirect that works
        encoding="utf-8")
    (srcdir / "releases.yaml").write_text(
        "releases:\n"
        "  - name: '2026.1'\n    date: 2026-01-15\n"
        "  - name: '2026.1'\n    date: 2026-02-01\n"
        "  - name: 'v2'\n    date: 2026-02-30\n",
        encoding="utf-8")
    (srcdir / "changelog.md").write_text("---\norphan: true\n---\n# Versions\n\n```{archive-changelog}\n```\n",
                                         encoding="utf-8")
    app = build(srcdir)
    found = {(path, line, subtype) for path, line, subtype, _message in parse(warnings_of(app), srcdir)}
    assert ("redirects.yaml", 3, "redirect") in found
    assert ("redirects.yaml", 4, "redirect") in found
    assert ("releases.yaml", 4, "releases") in found
    assert ("releases.yaml", 6, "bad-value") in found or ("releases.yaml", 6, "bad-date") in found
    messages = "\n".join(warnings_of(app))
    assert "'sessions/ser-02' is still a page" in messages
    assert "leads to 'sessions/ser-1', which is not a page; did you mean 'sessions/ser-01'?" in messages
    assert "Traceback" not in messages
    outdir = Path(app.outdir)
    # The page ser-02 was not overwritten by a redirect; the working redirects lead to ser-01.
    assert "Deuxième séance" in (outdir / "sessions" / "ser-02.html").read_text(encoding="utf-8")
    for old in ("old-one", "chain"):
        stub = BeautifulSoup((outdir / "sessions" / f"{old}.html").read_text(encoding="utf-8"), "html.parser")
        assert stub.find("a")["href"] == "../sessions/ser-01.html", old
    assert not (outdir / "sessions" / "gone.html").exists()
    # A moved item's files (citations, records, linked data: itemfiles.ITEM_FILES) are kept at the old address.
    assert (outdir / "sessions" / "old-one.bib").read_text(encoding="utf-8") == (
        outdir / "sessions" / "ser-01.bib").read_text(encoding="utf-8")
    written = [kind for kind in ITEM_FILES if (outdir / kind.path("sessions/ser-01")).is_file()]
    assert len(written) >= len(ITEM_FILES) - 1, written  # the linkset only with a site address
    for kind in written:
        assert (outdir / kind.path("sessions/old-one")).read_bytes() == (
            outdir / kind.path("sessions/ser-01")).read_bytes(), kind.suffix


def test_plain_build_has_sitemap_404_and_no_switcher(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path)
    app = build(srcdir, confoverrides={"html_baseurl": "https://example.org/archive/"})
    outdir = Path(app.outdir)
    sitemap = (outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/archive/sessions/ser-01.html</loc>" in sitemap
    assert "404.html" not in sitemap
    page = BeautifulSoup((outdir / "sessions" / "ser-01.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select(".version-switcher__button") == []
    assert page.select_one(".archive-latest-link") is None  # no versions: one address
    not_found = BeautifulSoup((outdir / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert not_found.select_one("a[href='/archive/index.html']") is not None
    assert not_found.select_one(".archive-other-versions") is None
    # Outside git, pages say nothing of when they changed rather than something false.
    assert page.select_one(".archive-last-changed") is None
