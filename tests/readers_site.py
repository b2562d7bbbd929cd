"""The real site (docs/), built once per test session as it is published, for the readers'
tests: what the HTML, the calendar and the feed say, and the same pages in a browser.
A plugin of conftest.py."""

from __future__ import annotations

import pytest

from browser_support import Serve
from conftest import CliBuild, cli_build, copy_root

BASE = "https://archive.test/"
VERSION = "2026.1"


@pytest.fixture(scope="session")
def readers_site(tmp_path_factory: pytest.TempPathFactory) -> CliBuild:
    srcdir = copy_root("site", tmp_path_factory.mktemp("readers"))
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-D", f"html_baseurl={BASE}",
                       "-D", f"archive_version={VERSION}")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def addressed_site(tmp_path_factory: pytest.TempPathFactory) -> CliBuild:
    """The real site with an address (``html_baseurl``) and nothing else set, read but never
    changed by the tests of the page's head, the citation clients and the citation styles."""
    srcdir = copy_root("site", tmp_path_factory.mktemp("addressed"))
    result = cli_build(srcdir, "-n", "-W", "--keep-going", "-D", f"html_baseurl={BASE}")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def site_url(readers_site: CliBuild, serve: Serve) -> str:
    """The readers' site served as it is built (no compression); modules that need it served
    otherwise (compressed, or the published site) define their own ``site_url``."""
    return serve(readers_site.outdir)
