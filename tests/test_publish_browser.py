"""The published folder (`archive publish`, what `nox -s publish` runs) served on loopback like a
static host and browsed in Debian's Chromium through the version switcher."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser_support import Serve, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def served(published_site: tuple[Path, Path, str], serve: Serve) -> str:
    """build/publish at http://127.0.0.1:<port>/ia/, the path of the address it was published at."""
    _repo, out, _stdout = published_site
    host = out.parent / "publish-host"
    host.mkdir(exist_ok=True)
    if not (host / "ia").exists():
        (host / "ia").symlink_to(out, target_is_directory=True)
    (host / "404.html").write_bytes((out / "404.html").read_bytes())
    return serve(host) + "ia/"


def test_the_published_folder_is_browsed_through_the_version_switcher(served: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served)  # the root leads to the latest release
    page.wait_for_url(served + "latest/")
    page.goto(served + "latest/sessions/ser-01.html")
    # The page names its address under the configured one, and says nothing of a provisional one.
    assert page.locator("link[rel=canonical]").get_attribute("href") == \
        "https://archive.example.org/ia/2026.2/sessions/ser-01.html"
    assert page.locator(".archive-provisional").count() == 0
    page.wait_for_function("document.querySelectorAll('.bd-sidebar-primary .version-switcher__menu a').length == 3")
    page.locator(".bd-sidebar-primary .version-switcher__button").click()
    screenshot(page, "publish-switcher-open")
    with page.expect_navigation():
        page.locator(".bd-sidebar-primary .version-switcher__menu a[data-version='2026.1']").click()
    assert page.url == served + "2026.1/sessions/ser-01.html"
    # The older release says which is the latest, and its link leads there.
    notice = page.locator(".bd-header-announcement")
    assert "2026.2" in notice.inner_text()
    with page.expect_navigation():
        notice.locator("a").first.click()
    assert page.url == served + "latest/"
    # The moved page keeps its address in every version.
    page.goto(served + "latest/sessions/ser-02.html")
    page.wait_for_url(served + "latest/sessions/ser-deux.html")
    page.close()
