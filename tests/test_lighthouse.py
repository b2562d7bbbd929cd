"""Lighthouse (npm, pinned to 12.2.3 in tests/lighthouse/package-lock.json) on Debian's node and
Chromium: the mobile performance score of the home, a session and a person page of the real site,
served compressed as static hosts serve it, is at least 90. The scores and the measures behind
them are written to build/lighthouse/scores.json (docs/page-weight.md shows a run)."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from clients import require_tool
from compressed_host import compressed_site
from conftest import REPO, CliBuild

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LIGHTHOUSE = Path(__file__).parent / "lighthouse"
VERSION = "12.2.3"
PAGES = {"accueil": "index.html", "seance": "sessions/ia-sante-02.html", "personne": "people/daniel-benamouzig.html"}
MINIMUM = 90
OUT = REPO / "build" / "lighthouse"
# Headless, no sandbox (CI containers run as root), and nothing that reaches the network.
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
MEASURES = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
            "speed-index")


@pytest.fixture(scope="module")
def lighthouse() -> list[str]:
    """The command that runs the pinned Lighthouse (installed from the lock file the first time)."""
    node = require_tool("node")
    cli = LIGHTHOUSE / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        npm = require_tool("npm")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE, check=True, timeout=900)
    installed = json.loads((LIGHTHOUSE / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == VERSION, "tests/lighthouse/node_modules is not the locked Lighthouse: npm ci"
    return [node, str(cli)]


@pytest.fixture(scope="module")
def site_url(readers_site: CliBuild) -> Iterator[str]:
    with compressed_site(readers_site.outdir) as url:
        yield url


@pytest.mark.parametrize("name", sorted(PAGES))
def test_mobile_performance(lighthouse: list[str], site_url: str, name: str, tmp_path: Path) -> None:
    chromium = require_tool("chromium")
    report = tmp_path / f"{name}.json"
    run = subprocess.run(
        [*lighthouse, site_url + PAGES[name], "--quiet", "--only-categories=performance", "--output=json",
         f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}"],
        env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["configSettings"]["formFactor"] == "mobile"
    assert result["lighthouseVersion"] == VERSION
    score = round(result["categories"]["performance"]["score"] * 100)
    measures = {key: result["audits"][key]["displayValue"] for key in MEASURES}
    OUT.mkdir(parents=True, exist_ok=True)
    scores_file = OUT / "scores.json"
    scores = json.loads(scores_file.read_text(encoding="utf-8")) if scores_file.is_file() else {}
    scores[PAGES[name]] = {"performance": score, **measures}
    scores_file.write_text(json.dumps(scores, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
    assert score >= MINIMUM, (PAGES[name], score, measures)
