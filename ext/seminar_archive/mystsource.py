"""What MyST is given to parse of a page: the build (sphinx/reader.py) and ``archive check``
(pagescan.py) hand it the same text, so that both see the same nodes at the same lines.

MyST would parse an archive page's front matter again, warn about YAML already reported (with a
worse message), and copy the ``archive:`` mapping into the page as text; nor may a page's
``myst:`` key reach it (``html_meta`` would put tags in the page's head). It gets an empty
mapping padded to the same number of lines, so line numbers in the body stay true.
"""

from __future__ import annotations

from .frontmatter import is_archive_page
from .yamlsource import split_front_matter


def neutral_front_matter(text: str) -> str | None:
    """The page with its front matter replaced, or None if it is not an archive page."""
    if not is_archive_page(text):
        return None
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    _front, first_line, after = split_front_matter(body)
    # Lines at "\n" only, as split_front_matter counts them (str.splitlines also breaks at U+2028).
    lines = body.split("\n")
    yaml_lines = after - first_line - 1  # lines between the two fences
    replacement = ["---\n", "{}\n", *["\n"] * max(yaml_lines - 1, 0), "---\n"]
    return bom + "".join(replacement) + "\n".join(lines[after - 1:])
