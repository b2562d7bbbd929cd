"""``archive schemas``, ``archive versions`` and ``archive publish``: the editor schemas, every
release side by side, and the published site at its address."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import schema
from ..address import ENV_CORRECTIONS, PLACEHOLDER_CORRECTIONS, AddressError, from_environment
from ..messages import render_message
from ..publish import PublishError, publish
from ..settings import read_conf
from ..versions import VersionsError, build_versions
from .common import (
    PROBLEMS,
    SCHEMA_DIR,
    USAGE_ERROR,
    Context,
    UsageError,
    err,
)


def run_schemas(ctx: Context) -> int:
    """Write the editor schemas into docs/_static/schemas/, where each file's first line points."""
    folder = ctx.docs / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema.editor_schema_texts().items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    err(ctx.t("schemas-written", path=ctx.shown(folder)))
    return 0


# --- versions ---------------------------------------------------------------------------------

def run_versions(ctx: Context, args: argparse.Namespace) -> int:
    """Every release of docs/releases.yaml and the current checkout, side by side (seminar_archive.versions)."""
    repo = ctx.docs.parent
    out = Path(args.out) if Path(args.out).is_absolute() else Path.cwd() / args.out
    try:
        result = build_versions(repo, out, site_url=site_address(ctx, args.site_url), docs=ctx.docs.name,
                                strict=not args.no_strict, log=err)
    except AddressError as problem:
        err(f"archive versions: {problem.render(ctx.lang)}")
        return USAGE_ERROR
    except VersionsError as problem:
        err(f"archive versions: {problem}")
        return PROBLEMS
    err(ctx.t("versions-built", count=len(result.versions), path=ctx.shown(out), latest=result.latest))
    return 0


def site_address(ctx: Context, given: str | None) -> str:
    """--base-url, else ARCHIVE_BASE_URL, else html_baseurl of conf.py: the one address."""
    if given:
        return given
    conf = read_conf(ctx.docs).get("html_baseurl", "")
    return from_environment(conf if isinstance(conf, str) else "")


def corrections_address(ctx: Context, given: str | None) -> str:
    if given is not None:
        return given
    if ENV_CORRECTIONS in os.environ:
        return os.environ[ENV_CORRECTIONS]
    conf = read_conf(ctx.docs).get("archive_corrections_to", PLACEHOLDER_CORRECTIONS)
    return conf if isinstance(conf, str) else ""


def run_publish(ctx: Context, args: argparse.Namespace) -> int:
    """Every version at the site's address, the host's files, and the check (seminar_archive.publish)."""
    out = Path(args.out) if Path(args.out).is_absolute() else Path.cwd() / args.out
    previous: list[str] = []
    if args.previous:
        try:
            previous = Path(args.previous).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise UsageError(ctx.t("unreadable", path=args.previous, reason=error.strerror)) from None
    site_url = site_address(ctx, args.base_url)
    try:
        _result, report = publish(ctx.docs.parent, out, site_url=site_url,
                                  corrections_to=corrections_address(ctx, args.corrections_to), docs=ctx.docs.name,
                                  previous=previous, lang=ctx.lang, log=err)
    except AddressError as problem:
        err(f"archive publish: {problem.render(ctx.lang)}")
        return USAGE_ERROR
    except (VersionsError, PublishError) as problem:
        err(f"archive publish: {problem}")
        return PROBLEMS
    for broken in report.broken:
        err(broken.render(ctx.lang))
    out_text = report.summary(ctx.lang)
    sys.stdout.write(out_text + "\n")
    if report.broken:
        return PROBLEMS
    sys.stdout.write(render_message("publish-done", {"path": ctx.shown(out), "url": site_url}, ctx.lang) + "\n")
    return 0
