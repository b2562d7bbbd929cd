"""The site's address as configuration: ``ARCHIVE_BASE_URL`` wins over ``html_baseurl`` of conf.py
(and ``ARCHIVE_CORRECTIONS_TO`` over ``archive_corrections_to``), and a build at a placeholder
address says so on every page ("version de travail, adresse provisoire")."""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING

from ..address import ENV_CORRECTIONS, from_environment, is_placeholder
from ..messages import render_message
from ..textfr import typo_fr
from .versioning import PYDATA_THEMES, site_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

BANNER_CLASS = "archive-provisional"


def _address_from_environment(app: Sphinx, config: Config) -> None:
    # Before versioning's handler, which derives every version's address from html_baseurl.
    config.html_baseurl = from_environment(str(config.html_baseurl or ""))
    corrections = os.environ.get(ENV_CORRECTIONS)
    if corrections is not None:
        config.archive_corrections_to = corrections.strip()


def _placeholder_banner(app: Sphinx, config: Config) -> None:
    # After versioning's handler: the older-version notice, when there is one, stays after it.
    if config.html_theme not in PYDATA_THEMES or not is_placeholder(site_url(config)):
        return
    options = dict(config.html_theme_options or {})
    text = html.escape(typo_fr(render_message("placeholder-banner", {}, "fr")))
    banner = f'<strong class="{BANNER_CLASS}">{text}</strong>'
    notice = str(options.get("announcement") or "")
    options["announcement"] = f"{banner} {notice}" if notice else banner
    config.html_theme_options = options


def setup_publishing(app: Sphinx) -> None:
    app.connect("config-inited", _address_from_environment, priority=400)
    app.connect("config-inited", _placeholder_banner, priority=600)
