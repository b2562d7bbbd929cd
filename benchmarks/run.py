"""The build benchmark: synthetic archives of several sizes (benchmarks/generate.py), built side by
side with a plain Sphinx build of the same session pages, in one run.

    python benchmarks/run.py                      # small sizes, a few minutes (nox -s bench)
    python benchmarks/run.py --all                # N = 100, 500, 1000, 2000
    python benchmarks/run.py --sizes 100,1000 --variants plain,full,edit

Variants, for each N:
  plain     Sphinx + MyST + sphinx-book-theme, default options, the N session pages, flat toctree
  full      our clean build (generated pages included)
  noop      our rebuild with nothing changed
  edit      our rebuild after one speaker's affiliation changed in one session
  add       our rebuild after one session was added
  parallel  our clean build with -j 2
  floor     Sphinx's own floor: plain Sphinx + MyST + the book theme, no extension, as many
            near-empty pages as our full build read, in sections of 40, without the navigation
            sidebar (generate.generate_floor says why): what any build of that many pages costs
  floor-noop  that floor rebuilt with nothing changed (what any rebuild costs before our work)
  check     `archive check` on the same generated archive (no build): what archivists run first

Each build runs in its own process; wall and CPU seconds and peak RSS are that process's and its
children's (os.wait4). Pages written are the HTML files created or rewritten; pages read come
from Sphinx's log. Writes build/bench/results.csv, results.md and seconds-per-page.png (matplotlib,
when installed), and says whether each target of the performance issue is met.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
ALL_SIZES = (100, 500, 1000, 2000)
SMALL_SIZES = (20, 60)
VARIANTS = ("plain", "full", "noop", "edit", "add", "parallel", "floor", "floor-noop", "check")
COLUMNS = ("n", "variant", "wall_s", "cpu_s", "peak_rss_mb", "pages_written", "pages_read")
_READING = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] ", re.M)
_UPDATED = re.compile(r"updating environment: (?:\[[^\]]*\] )?(\d+) added, (\d+) changed, (\d+) removed")


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("generate", HERE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Measure:
    n: int
    variant: str
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    pages_written: int
    pages_read: int
    status: str = "ok"

    def row(self) -> dict[str, object]:
        return {"n": self.n, "variant": self.variant, "wall_s": round(self.wall_s, 2), "cpu_s": round(self.cpu_s, 2),
                "peak_rss_mb": round(self.peak_rss_mb, 1), "pages_written": self.pages_written,
                "pages_read": self.pages_read}


def _html_times(outdir: Path) -> dict[str, int]:
    return {str(p.relative_to(outdir)): p.stat().st_mtime_ns for p in outdir.rglob("*.html")} if outdir.exists() else {}


def _run(command: list[str], log: Path, timeout: float) -> tuple[float, int, Any, str]:
    """Run ``command`` with its output in ``log``: (wall seconds, wait status, resource usage, status)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        deadline = start + timeout
        status = "ok"
        while True:
            pid, exit_status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, exit_status, usage = os.wait4(process.pid, 0)
                status = "timeout"
                break
            time.sleep(0.05)
    return time.perf_counter() - start, exit_status, usage, status


def sphinx_build(n: int, variant: str, srcdir: Path, outdir: Path, *options: str, timeout: float) -> Measure:
    """One sphinx-build in its own process, measured."""
    before = _html_times(outdir)
    command = [sys.executable, "-m", "sphinx", "--no-color", "-b", "html", "-d", str(outdir / ".doctrees"),
               *options, str(srcdir), str(outdir)]
    log = outdir.parent / f"{outdir.name}-{variant}.log"
    wall, exit_status, usage, status = _run(command, log, timeout)
    if status == "ok" and os.waitstatus_to_exitcode(exit_status) != 0:
        status = f"failed (see {log})"
    after = _html_times(outdir)
    written = sum(1 for name, mtime in after.items() if before.get(name) != mtime)
    text = log.read_text(encoding="utf-8", errors="replace")
    updated = _UPDATED.search(text)
    if "-j" not in options:
        read = len(_READING.findall(text))
    elif updated:  # parallel reading logs ranges, not pages: take Sphinx's count ("new config" counts twice)
        read = int(updated[1]) + (0 if "new config" in updated[0] else int(updated[2]))
    else:
        read = 0
    # ru_maxrss is in kilobytes on Linux.
    return Measure(n, variant, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, written, read, status)


_CHECKED = re.compile(r"\((\d+) pages (?:checked|vérifiées)\)")


def archive_check(n: int, srcdir: Path, log: Path, *, timeout: float) -> Measure:
    """``archive check`` on the generated archive, measured as a build is: what archivists run
    before each build, which must stay a few seconds as the archive grows."""
    command = [sys.executable, "-m", "seminar_archive", "--lang", "en", "--docs", str(srcdir), "check"]
    wall, exit_status, usage, status = _run(command, log, timeout)
    # 1 is "problems found" (a generated archive may have some): the check itself ran.
    if status == "ok" and os.waitstatus_to_exitcode(exit_status) not in (0, 1):
        status = f"failed (see {log})"
    counted = _CHECKED.search(log.read_text(encoding="utf-8", errors="replace"))
    pages = int(counted[1]) if counted else 0  # pages checked, printed when there is no problem
    return Measure(n, "check", wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, 0, pages, status)


def edit_one_session(srcdir: Path, n: int) -> Path:
    """Change one speaker's affiliation in the middle session: what archivists correct most."""
    page = srcdir / "sessions" / f"bench-{max(1, n // 2):05d}.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("affiliation: chercheuse,", "affiliation: directrice de recherche,", 1),
                    encoding="utf-8")
    return page


def add_one_session(srcdir: Path, n: int) -> Path:
    source = srcdir / "sessions" / f"bench-{n:05d}.md"
    number = n + 1
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"id: bench-\d+", f"id: bench-{number:05d}", text)
    text = re.sub(r"number: \d+", f"number: {number}", text)
    text = re.sub(r"citekey: bench-(\d+)-s\d+", lambda m: f"citekey: bench-{m[1]}-s{number:05d}", text)
    text = re.sub(r"date: (\d{4}-\d\d-\d\d)", lambda m: "date: " + (
        dt.date.fromisoformat(m[1]) + dt.timedelta(days=36)).isoformat(), text)
    target = srcdir / "sessions" / f"bench-{number:05d}.md"
    target.write_text(text, encoding="utf-8")
    return target


def run_size(n: int, variants: tuple[str, ...], work: Path, timeout: float, report: list[Measure]) -> None:
    generate = _generator().generate  # type: ignore[attr-defined]
    ours, plain = work / f"n{n}" / "src", work / f"n{n}" / "plain-src"
    out = work / f"n{n}" / "out"
    shutil.rmtree(work / f"n{n}", ignore_errors=True)

    def note(measure: Measure) -> None:
        report.append(measure)
        print(f"n={n:5d} {measure.variant:9s} {measure.wall_s:8.1f} s wall {measure.cpu_s:8.1f} s cpu "
              f"{measure.peak_rss_mb:7.1f} MB  written {measure.pages_written:5d}  read {measure.pages_read:5d}"
              f"  {measure.status}", flush=True)

    if "plain" in variants:
        generate(plain, n, True)
        note(sphinx_build(n, "plain", plain, out / "plain", timeout=timeout))
    generate(ours, n, False)
    if "check" in variants:
        note(archive_check(n, ours, out / "check.log", timeout=timeout))
    incremental = ("noop", "edit", "add", "floor", "floor-noop")
    if "full" in variants or any(v in variants for v in incremental):
        measure = sphinx_build(n, "full", ours, out / "ours", timeout=timeout)
        if "full" in variants:
            note(measure)
    if "noop" in variants:
        note(sphinx_build(n, "noop", ours, out / "ours", timeout=timeout))
    if "edit" in variants:
        edit_one_session(ours, n)
        note(sphinx_build(n, "edit", ours, out / "ours", timeout=timeout))
    if "add" in variants:
        add_one_session(ours, n)
        note(sphinx_build(n, "add", ours, out / "ours", timeout=timeout))
    if "parallel" in variants:
        generate(ours, n, False)
        note(sphinx_build(n, "parallel", ours, out / "parallel", "-j", "2", timeout=timeout))
    if "floor" in variants or "floor-noop" in variants:
        floor = work / f"n{n}" / "floor-src"
        # As many pages as our full build read (sessions, generated pages, indexes).
        _generator().generate_floor(floor, measure.pages_read)  # type: ignore[attr-defined]
        floor_build = sphinx_build(n, "floor", floor, out / "floor", timeout=timeout)
        if "floor" in variants:
            note(floor_build)
        if "floor-noop" in variants:
            note(sphinx_build(n, "floor-noop", floor, out / "floor", timeout=timeout))


def _by(report: list[Measure]) -> dict[tuple[int, str], Measure]:
    return {(m.n, m.variant): m for m in report if m.status == "ok"}


def targets(report: list[Measure]) -> list[tuple[str, str, str]]:
    """(target, measured, verdict) for each target the run has the numbers for."""
    found = _by(report)
    out: list[tuple[str, str, str]] = []

    def per_page(n: int) -> float | None:
        full = found.get((n, "full"))
        return full.wall_s / full.pages_written if full and full.pages_written else None

    if (1000, "full") in found and (1000, "plain") in found:
        ratio = found[1000, "full"].wall_s / found[1000, "plain"].wall_s
        out.append(("full(1000) ≤ 0.10 × plain(1000)", f"{ratio:.2f}", "atteint" if ratio <= 0.10 else "non atteint"))
    small, large = min((n for n, _ in found), default=0), max((n for n, _ in found), default=0)
    if small != large and per_page(small) and per_page(large):
        ratio = per_page(large) / per_page(small)  # type: ignore[operator]
        out.append((f"s/page({large}) ≤ 1.5 × s/page({small})", f"{ratio:.2f}",
                    "atteint" if ratio <= 1.5 else "non atteint"))
    if (1000, "edit") in found and (1000, "full") in found:
        ratio = found[1000, "edit"].wall_s / found[1000, "full"].wall_s
        out.append(("edit(1000) ≤ 0.02 × full(1000)", f"{ratio:.3f}", "atteint" if ratio <= 0.02 else "non atteint"))
    if (2000, "full") in found:
        rss = found[2000, "full"].peak_rss_mb
        out.append(("RSS max(2000) ≤ 400 Mo", f"{rss:.0f} Mo", "atteint" if rss <= 400 else "non atteint"))
    return out


def floors(report: list[Measure]) -> list[tuple[str, str, str]]:
    """What Sphinx alone costs for as many pages, against the targets: where a target is below
    the floor, no extension can meet it."""
    found = _by(report)
    out: list[tuple[str, str, str]] = []
    for n in sorted({n for n, variant in found if variant == "floor"}):
        floor, full = found[n, "floor"], found.get((n, "full"))
        if (n, "plain") in found:
            ratio = floor.wall_s / found[n, "plain"].wall_s
            out.append((f"floor({n}) / plain({n})", f"{ratio:.2f}",
                        "Sphinx seul, mêmes pages que full : le plancher de l’objectif 0,10"))
        if full:
            out.append((f"full({n}) / floor({n})", f"{full.wall_s / floor.wall_s:.2f}",
                        "ce que l’extension coûte en plus de Sphinx pour autant de pages"))
        if (n, "floor-noop") in found and full:
            ratio = found[n, "floor-noop"].wall_s / full.wall_s
            out.append((f"floor-noop({n}) / full({n})", f"{ratio:.3f}",
                        "Sphinx seul relancé sans changement : le plancher de l’objectif 0,02"))
    return out


def write_results(report: list[Measure], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "results.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        for measure in report:
            row = measure.row()
            if measure.status != "ok":
                row.update(wall_s=measure.status, cpu_s="", peak_rss_mb="")
            writer.writerow(row)
    lines = [f"Mesuré le {dt.date.today().isoformat()} sur {platform.machine()}, {os.cpu_count()} cœurs, "
             f"Python {platform.python_version()}, charge moyenne au départ {os.getloadavg()[0]:.2f}.", "",
             "| N | variante | secondes (mur) | secondes (CPU) | RSS max (Mo) | pages écrites | pages lues | s/page |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for m in report:
        per_page = f"{m.wall_s / m.pages_written:.3f}" if m.status == "ok" and m.pages_written else ""
        wall = f"{m.wall_s:.1f}" if m.status == "ok" else m.status
        lines.append(f"| {m.n} | {m.variant} | {wall} | {m.cpu_s:.1f} | {m.peak_rss_mb:.0f} | {m.pages_written} | "
                     f"{m.pages_read} | {per_page} |")
    checked = targets(report)
    if checked:
        lines += ["", "| objectif | mesuré | |", "|---|---:|---|"]
        lines += [f"| {target} | {value} | {verdict} |" for target, value, verdict in checked]
    bounds = floors(report)
    if bounds:
        lines += ["", "| repère | mesuré | ce qu’il dit |", "|---|---:|---|"]
        lines += [f"| {name} | {value} | {meaning} |" for name, value, meaning in bounds]
    (out / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    plot(report, out / "seconds-per-page.png")


def plot(report: list[Measure], path: Path) -> None:
    try:
        import matplotlib
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib, or nox -s bench)", file=sys.stderr)
        return
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=110)
    for variant in ("plain", "full", "parallel", "floor"):
        points = sorted((m.n, m.wall_s / m.pages_written) for m in report
                        if m.variant == variant and m.status == "ok" and m.pages_written)
        if points:
            axes.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=variant)
    axes.set_xlabel("N (séances)")
    axes.set_ylabel("secondes par page écrite")
    axes.set_title("Coût d’une page selon la taille de l’archive")
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, metadata={"Software": None})
    plt.close(figure)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help=f"sizes {', '.join(map(str, ALL_SIZES))}")
    parser.add_argument("--sizes", help="comma-separated N (default: small sizes, a few minutes)")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--skip-plain-above", type=int, default=0,
                        help="leave out the plain build above this N (it grows quadratically)")
    parser.add_argument("--lean-above", type=int, default=0,
                        help="above this N, measure only full, noop, edit and the floors (the targets need no more)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per build before it is stopped")
    parser.add_argument("--out", type=Path, default=HERE.parent / "build" / "bench")
    args = parser.parse_args(argv)
    sizes = ALL_SIZES if args.all else SMALL_SIZES
    if args.sizes:
        sizes = tuple(int(s) for s in args.sizes.split(","))
    variants = tuple(v for v in args.variants.split(",") if v)
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        parser.error(f"unknown variants: {', '.join(sorted(unknown))}")
    report: list[Measure] = []
    for n in sizes:
        chosen = tuple(v for v in variants if not (v == "plain" and args.skip_plain_above
                                                   and n > args.skip_plain_above))
        if args.lean_above and n > args.lean_above:
            chosen = tuple(v for v in chosen if v in ("full", "noop", "edit", "floor", "floor-noop"))
        run_size(n, chosen, args.out / "work", args.timeout, report)
        write_results(report, args.out)
    print((args.out / "results.md").read_text(encoding="utf-8"))
    return 0 if all(m.status == "ok" for m in report) else 1


if __name__ == "__main__":
    sys.exit(main())
