"""What MyST sees of an archive page's front matter.

MyST would parse the front matter again, warn about YAML we already reported (with a worse
message), and copy the ``archive:`` mapping into the page as text. We hand it an empty
mapping padded to the same number of lines, so line numbers in the body stay true.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..frontmatter import is_archive_page
from ..yamlsource import split_front_matter

if TYPE_CHECKING:
    from sphinx.application import Sphinx


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


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    replaced = neutral_front_matter(source[0])
    if replaced is not None:
        source[0] = replaced
