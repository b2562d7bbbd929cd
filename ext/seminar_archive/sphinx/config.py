"""The extension's configuration in Sphinx: the ``archive_*`` values registered from the core's
settings dataclass (settings.py, where each one's default, type and help are written once) and
read through one cached accessor, ``settings_of``."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, cast

from ..settings import PREFIX, ArchiveSettings, build, default_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

__all__ = ["PREFIX", "published_base", "settings_of", "setup_settings"]


_FROZEN = "_archive_settings"


def _from_config(config: Config) -> ArchiveSettings:
    return build({PREFIX + f.name: getattr(config, PREFIX + f.name) for f in fields(ArchiveSettings)})[0]


def published_base(config: Config) -> str:
    """Where the site is published (Sphinx's ``html_baseurl``), with a final slash, or ""."""
    base = str(getattr(config, "html_baseurl", "") or "")
    return base if not base or base.endswith("/") else base + "/"


def settings_of(app_or_env: Sphinx | BuildEnvironment | Config) -> ArchiveSettings:
    """The archive's settings. Read afresh while conf.py's values are still being adjusted (the
    config-inited handlers); once they all ran, the settings are kept with the config."""
    config = cast("Config", getattr(app_or_env, "config", app_or_env))
    frozen = config.__dict__.get(_FROZEN)
    return frozen if isinstance(frozen, ArchiveSettings) else _from_config(config)


def _freeze(app: Sphinx, config: Config) -> None:
    config.__dict__[_FROZEN] = _from_config(config)


def setup_settings(app: Sphinx) -> None:
    for f in fields(ArchiveSettings):
        app.add_config_value(PREFIX + f.name, default_of(f), f.metadata["rebuild"], types=f.metadata["types"])
    # After every config-inited handler that adjusts a value (they run at 100-600).
    app.connect("config-inited", _freeze, priority=999)
