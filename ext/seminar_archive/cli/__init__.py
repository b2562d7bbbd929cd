"""The ``archive`` command: check the archive without a build, and start new pages and entries.

One module per command: ``check``, ``new`` (session, press, person, org), ``site`` (schemas,
versions, publish), ``bagcheck``; ``common`` holds the context and the exit codes, ``main`` the
parser. Its texts are in the one catalogue module (messages.COMMAND_TEXTS, keys typed as messages.CommandKey).

It uses the core only (the same :func:`seminar_archive.loader.load_archive` as the Sphinx
build), so both front-ends report the same problems with the same words. Output goes through
:func:`out` and :func:`err`; nothing else prints.

Exit codes: 0 when all is well, 1 when problems were found (or ``new`` refused to write),
2 for a usage error (unknown option, missing folder, a path outside the archive).
"""

from __future__ import annotations

from .common import context
from .main import main, parser
from .new import citekey_prefix, slug

__all__ = ["citekey_prefix", "context", "main", "parser", "slug"]
