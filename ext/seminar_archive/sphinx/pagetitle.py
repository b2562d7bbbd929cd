"""The home page's ``<title>``: Sphinx writes "<page title> — <html_title>", which reads twice the
same words when the home page's heading is the site's name. The suffix is dropped there; the
theme's logo text, which falls back on the same value, keeps it."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_TAGS = re.compile(r"<[^>]+>")


def _single_title(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object) -> None:
    site_title = str(context.get("docstitle") or "")
    page_title = html.unescape(_TAGS.sub("", str(context.get("title") or ""))).strip()
    if not site_title or page_title != site_title:
        return
    logo = dict(context.get("theme_logo") or {})
    if not logo.get("text"):
        logo["text"] = site_title
        context["theme_logo"] = logo
    context["docstitle"] = ""


def setup_page_title(app: Sphinx) -> None:
    app.connect("html-page-context", _single_title, priority=990)
