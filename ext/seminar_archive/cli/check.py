"""``archive check``: the build's checks without a build, each problem as ``file:line: message
[archive.subtype]``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .. import pageplan
from ..addresses import config_address_problems
from ..bibfile import check_configured
from ..bodyrefs import check_body_references, check_release_references
from ..diagnostics import Diagnostic, Diagnostics
from ..loader import load_archive
from ..pagescan import scan_pages
from ..settings import build as settings_from
from ..settings import read_conf
from ..sitefiles import check_redirects, load_redirects, load_releases
from .common import (
    PROBLEMS,
    Context,
    UsageError,
    err,
    out,
)


def _selected(diagnostic: Diagnostic, wanted: list[str]) -> bool:
    return not wanted or any(diagnostic.path == w or diagnostic.path.startswith(w.rstrip("/") + "/") or w == ""
                             for w in wanted)


def format_diagnostic(ctx: Context, diagnostic: Diagnostic) -> str:
    """``file:line: message [archive.subtype]``, the form editors and terminals make clickable."""
    path = ctx.shown(ctx.docs / diagnostic.path)
    return f"{path}:{max(diagnostic.line, 1)}: {diagnostic.render(ctx.lang)} [archive.{diagnostic.problem.subtype}]"


def run_check(ctx: Context, paths: Sequence[str]) -> int:
    wanted: list[str] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise UsageError(ctx.t("no-such-path", path=given))
        resolved = path.resolve()
        if not resolved.is_relative_to(ctx.docs):
            raise UsageError(ctx.t("outside", path=given, docs=ctx.shown(ctx.docs)))
        relative = resolved.relative_to(ctx.docs).as_posix()
        wanted.append("" if relative == "." else relative)
    archive, diagnostics = load_archive(ctx.docs, ctx.layout, report_unused=ctx.report_unused)
    # The roles in the pages' text, which the build resolves (without a build, the same messages).
    check_body_references(ctx.docs, ctx.layout, archive, diagnostics, ctx.myst_extensions)
    _check_outside_and_addresses(ctx, diagnostics)
    # The site's own files: releases, and redirects (to pages written or generated).
    releases = load_releases(ctx.docs, diagnostics)
    check_release_references(ctx.docs, ctx.layout, archive, releases, diagnostics, ctx.myst_extensions)
    check_configured(ctx.docs, ctx.bibfiles, diagnostics)  # references.bib, as the build reads it
    documents = {p.relative_to(ctx.docs).with_suffix("").as_posix() for p in ctx.docs.rglob("*.md")
                 if not {"_build", "_static", "_templates"} & set(p.relative_to(ctx.docs).parts)}
    check_redirects(load_redirects(ctx.docs, diagnostics), documents | set(pageplan.plan(archive)), diagnostics)
    # As Sphinx does: "archive" silences every kind, "archive.unused" one.
    silenced = {"archive", "archive.*"} & ctx.suppressed
    shown = sorted((d for d in diagnostics if _selected(d, wanted) and not silenced
                    and f"archive.{d.problem.subtype}" not in ctx.suppressed), key=lambda d: (d.path, d.line))
    # Problems on standard error, as compilers and linters print them; the result (the summary) on
    # standard output, so that `archive check > report.txt` keeps the verdict and a terminal shows both.
    for diagnostic in shown:
        err(format_diagnostic(ctx, diagnostic))
    if not shown:
        out(ctx.t("clean", count=len(archive.items()) + len(archive.unusable_pages)))
        return 0
    out(ctx.t("found-one") if len(shown) == 1 else ctx.t("found", count=len(shown)))
    return PROBLEMS


def _check_outside_and_addresses(ctx: Context, diagnostics: Diagnostics) -> None:
    """What the pages would read from outside the tree and the addresses they may not publish,
    and configuration values that would become unsafe links: the build's guards, without a build."""
    conf = read_conf(ctx.docs)
    hosts = settings_from(conf)[0].image_hosts
    scan_pages(ctx.docs, ctx.layout, diagnostics, ctx.myst_extensions, [str(host) for host in hosts])
    try:
        conf_text = (ctx.docs / "conf.py").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        conf_text = ""
    config_address_problems(conf, conf_text, diagnostics)
