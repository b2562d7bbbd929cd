"""When each source file last changed, from git: one ``git log`` for the whole source folder.

A page says when it last changed; a build date would not say that, and would make two builds of
the same sources differ. Outside a git checkout (or without git) there are no dates, and pages
say nothing rather than something false.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path


def file_dates(folder: Path) -> dict[str, dt.datetime]:
    """Path relative to ``folder`` -> the time of the last commit that touched it (UTC).

    Files never committed are absent; so is everything when ``folder`` is not in a git checkout.
    """
    git = shutil.which("git")
    if git is None:
        return {}
    try:
        log = subprocess.run(
            [git, "log", "--format=%x00%x01%ct", "--name-only", "--relative", "--no-renames", "-z", "--", "."],
            cwd=folder, capture_output=True, check=True,
        ).stdout.decode("utf-8", errors="replace")
    except (subprocess.CalledProcessError, OSError):
        return {}
    dates: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    # With -z, each commit is "\0\x01<time>\0" then "\n" and its file names, each ended by "\0";
    # newest first, so the first time a file appears is its last change.
    for field in log.split("\0"):
        if field.startswith("\x01"):
            when = dt.datetime.fromtimestamp(int(field[1:]), dt.UTC)
            continue
        name = field.removeprefix("\n")
        if name and when is not None and name not in dates:
            dates[name] = when
    return dates
