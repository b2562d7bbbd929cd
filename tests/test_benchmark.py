"""The benchmark script runs (at a tiny N, in seconds) and writes what the performance page shows.
No timings are asserted: machines are noisy; the numbers are for the benchmark's own report."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow


def load_runner() -> object:
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_benchmark_at_tiny_size_writes_csv_and_table(tmp_path: Path) -> None:
    runner = load_runner()
    arguments = ["--sizes", "6", "--variants", "plain,full,noop,edit,add,floor,floor-noop", "--out", str(tmp_path)]
    status = runner.main(arguments)  # type: ignore[attr-defined]
    assert status == 0
    with (tmp_path / "results.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0])[:6] == ["n", "variant", "wall_s", "cpu_s", "peak_rss_mb", "pages_written"]
    by_variant = {row["variant"]: row for row in rows}
    assert set(by_variant) == {"plain", "full", "noop", "edit", "add", "floor", "floor-noop"}
    assert int(by_variant["plain"]["pages_written"]) >= 7  # 6 sessions and the index
    full = int(by_variant["full"]["pages_written"])
    assert full > int(by_variant["plain"]["pages_written"])  # people, organisations, indexes too
    # An edit of one affiliation rewrites its session, person and organisation pages, not the site.
    assert 0 < int(by_variant["edit"]["pages_written"]) < full
    assert float(by_variant["full"]["peak_rss_mb"]) > 0
    # Sphinx's floor writes as many pages as our build read (and its own search and index pages).
    assert int(by_variant["floor"]["pages_read"]) == int(by_variant["full"]["pages_read"])
    assert int(by_variant["floor-noop"]["pages_read"]) == 0
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "| 6 | full |" in table
    assert "| floor(6) / plain(6) |" in table and "| floor-noop(6) / full(6) |" in table


def test_benchmark_times_archive_check_on_the_generated_archive(tmp_path: Path) -> None:
    """The check variant: ``archive check`` on the same generated archive as the builds."""
    runner = load_runner()
    status = runner.main(["--sizes", "6", "--variants", "check", "--out", str(tmp_path)])  # type: ignore[attr-defined]
    assert status == 0
    with (tmp_path / "results.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [row["variant"] for row in rows] == ["check"]
    log = (tmp_path / "work" / "n6" / "out" / "check.log").read_text(encoding="utf-8")
    assert "Traceback" not in log and ("pages checked" in log or "problem" in log), log
    assert float(rows[0]["cpu_s"]) > 0
