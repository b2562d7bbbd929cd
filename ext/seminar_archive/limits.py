"""The archive's documented limits (docs/limits.md): what one file or one value may hold.

Each keeps the cost of reading an archive linear in its size, whatever a contributor writes;
going beyond one is a located message (``archive.limit``), never a hang or a crash.
"""

from __future__ import annotations

# YAML (pages' front matter, the registry, releases.yaml, redirects.yaml).
ALIAS_VALUES = 10_000  # values that aliases (*name) may repeat in one file, all aliases together
MAX_DEPTH = 40  # lists and mappings inside one another
MAX_INTEGER_DIGITS = 12  # digits of a whole number (a session's number, a year)

# Dates: a plausible range for a seminar and its press (the schema's date pattern says the same).
FIRST_YEAR = 1900
LAST_YEAR = 2199

# One page: people in one list (speakers, moderators, people named by a release).
MAX_PEOPLE = 500

# references.bib, read before sphinxcontrib-bibtex (bibfile.py).
MAX_BIB_BYTES = 2_000_000  # the file
MAX_BIB_EXPANSION = 100_000  # characters of one value once its @string abbreviations are expanded
