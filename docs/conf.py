"""Sphinx configuration of the archive site."""

from __future__ import annotations

import contextlib
import io
import os

project = "Archive du séminaire IA et santé de la Chaire santé"
author = "les archivistes du séminaire"  # the footer prints "Par {author}"
copyright = "2026, les archivistes du séminaire"  # noqa: A001 - Sphinx's name
release = os.environ.get("ARCHIVE_VERSION", "dev")
version = release
# The version citations name: "" for a plain build; the versions build (`nox -s versions`)
# sets it, with archive_latest_version, for each release it builds.
archive_version = os.environ.get("ARCHIVE_VERSION", "")
# Where the archive is published (above its versions): citations, the canonical link, feeds,
# the calendar and the embedded metadata use it. This is the one place to set it; the
# ARCHIVE_BASE_URL environment variable wins over it, and `nox -s publish -- --base-url` over
# both. The real address is not decided yet: `.invalid` says so (it can never resolve), every
# page of such a build says "version de travail, adresse provisoire", and the release builds
# (`nox -s versions`, `nox -s publish`) refuse it. See docs/publishing.md.
html_baseurl = "https://archive-ia-sante.invalid/"

language = "fr"
extensions = [
    "myst_parser",
    "sphinx_copybutton",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "sphinxext.opengraph",
    "seminar_archive",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
# performance/*.md are parts of performance.md (included), not pages.
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "README.md", "performance/*.md"]
# Archival texts are quoted as the sources give them: no typographic rewriting.
smartquotes = False
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings: list[str] = []

bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

html_theme = "sphinx_book_theme"
html_title = "Archive du séminaire IA et santé"
html_static_path: list[str] = []
# No build date: it is not when a page changed, and it would make two builds of the same sources
# differ. Each page says instead when its sources last changed, from git (the extension).
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    # A sidebar of the current section only: its cost stays bounded as the archive grows.
    "show_navbar_depth": 1,
    "max_navbar_depth": 3,
    "collapse_navbar": True,
    "show_toc_level": 2,
    "home_page_in_toc": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "search_bar_text": "Rechercher dans l’archive…",
}
html_search_language = "fr"

# OpenGraph tags for link previews. ogp_site_url follows html_baseurl (the extension sets it,
# per version). sphinxext-opengraph's own cards stay off (they need matplotlib and differ between
# builds): the extension draws one card per item page itself (seminar_archive/cards.py).
ogp_site_name = html_title
# Off: another engineer may later generate cards (see the clients issue).
ogp_social_cards = {"enable": False}
# sphinxext-opengraph 0.13 prints "matplotlib is not installed, social cards will not be
# generated" when it is imported without matplotlib, whatever ogp_social_cards says: with the
# cards off that line is noise on every build, so the module is imported here once, quietly
# (Sphinx then finds it already imported).
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401
