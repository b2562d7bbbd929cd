"""Following the archive from its home page: the calendar's download and its ``webcal:``
subscription, and the feed of additions, on the home page whatever that page says (older
versions' home pages do not link them). The ``webcal:`` address is the archive's own: the address
policy still refuses it in a contributor's page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import BuildFn, CliBuild, copy_root
from seminar_archive.addresses import is_safe_address
from seminar_archive.subscribe import webcal_address


def home(outdir: Path) -> BeautifulSoup:
    return BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_webcal_address_is_made_from_the_sites_address() -> None:
    assert webcal_address("https://archive.test/2026.1/", "data/series.ics") == \
        "webcal://archive.test/2026.1/data/series.ics"
    assert webcal_address("http://archive.test", "/data/series.ics") == "webcal://archive.test/data/series.ics"
    # Without an absolute http(s) address there is no subscription address to give.
    for site in ("", "data/", "javascript:alert(1)//", "file:///etc/"):
        assert webcal_address(site, "data/series.ics") is None


def test_page_authors_still_cannot_publish_webcal_links() -> None:
    # The policy of pages is unchanged: the archive's own link does not open it.
    assert not is_safe_address("webcal://archive.test/data/series.ics")
    assert not is_safe_address("WEBCAL://evil.test/x.ics")


def test_a_home_page_without_them_gets_the_calendar_and_the_feed(build: BuildFn, tmp_path: Path) -> None:
    app = build(copy_root("basic", tmp_path), confoverrides={"html_baseurl": "https://archive.test/"})
    section = home(Path(app.outdir)).find("section", id="suivre-l-archive")
    assert section is not None and section.h2 is not None
    assert "Suivre l’archive" in section.h2.get_text()
    links = {a["href"]: a.get_text() for a in section.p.find_all("a")}
    assert links == {"data/series.ics": "télécharger",
                     "webcal://archive.test/data/series.ics": "s’abonner dans une application de calendrier",
                     "data/additions.atom": "fil des ajouts"}
    for href in ("data/series.ics", "data/additions.atom"):
        assert (Path(app.outdir) / href).is_file()
    # French spacing in what the archive writes: no-break space before ":", narrow before ";".
    text = section.p.get_text()
    assert "séances\u00a0: " in text and "\u202f; le fil" in text


def test_without_the_sites_address_the_download_stays_and_no_webcal(build: BuildFn, tmp_path: Path) -> None:
    app = build(copy_root("basic", tmp_path))
    section = home(Path(app.outdir)).find("section", id="suivre-l-archive")
    assert section is not None
    hrefs = [a["href"] for a in section.p.find_all("a")]
    assert hrefs == ["data/series.ics", "data/additions.atom"]


@pytest.mark.slow
def test_the_sites_home_page_subscribes_beside_its_download(readers_site: CliBuild) -> None:
    page = home(readers_site.outdir)
    download = page.find("a", href="data/series.ics")
    assert download is not None
    subscribe = download.find_next_sibling("a")
    assert subscribe is not None and subscribe["href"] == "webcal://archive.test/data/series.ics"
    assert "archive-subscribe" in subscribe["class"]
    # The page already links both: nothing is repeated.
    assert page.find("section", id="suivre-l-archive") is None
    assert len(page.find_all("a", href="data/additions.atom")) == 1
