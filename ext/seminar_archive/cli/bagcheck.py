"""``archive bag-check``: the fixity of one BagIt preservation package."""

from __future__ import annotations

import sys
from pathlib import Path

from ..messages import render_message
from .common import (
    PROBLEMS,
    err,
)


def run_bag_check(lang: str, given: str) -> int:
    """The fixity of one BagIt bag (seminar_archive.bags): 0 intact, 1 not, each problem naming its file."""
    from ..bags import check_bag

    result = check_bag(Path(given))
    for key, values in result.problems:
        sys.stdout.write(render_message(key, values, lang) + "\n")
    if not result.valid:
        err(render_message("bag-broken", {"path": given, "count": len(result.problems)}, lang))
        return PROBLEMS
    unknown = render_message("bag-not-given", {}, lang)
    sys.stdout.write(render_message("bag-valid", {
        "path": given, "files": result.files, "release": result.info.get("External-Identifier", unknown),
        "organization": result.info.get("Source-Organization", unknown),
        "date": result.info.get("Bagging-Date", unknown)}, lang) + "\n")
    return 0
