"""settings.py: the ``archive_*`` values written once (default, type, allowed values, help),
registered in Sphinx from there, validated at their line of conf.py, and read alike by the
``archive`` command."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import BuildFn, copy_root, warnings_of
from seminar_archive import cli
from seminar_archive.settings import PREFIX, ArchiveSettings, build, default_of
from seminar_archive.sphinx.config import settings_of

PERFORMANCE_SWITCHES = {"sidebar_cache", "title_cache", "freeze_long_lived", "freeze_every"}


def _with_conf_line(srcdir: Path, old: str, new: str) -> int:
    """Replace one line of the root's conf.py; its line number."""
    conf = srcdir / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines()
    index = lines.index(old)
    lines[index] = new
    conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def test_an_unknown_language_is_reported_at_its_line_and_french_is_used(build: BuildFn, tmp_path: Path) -> None:
    srcdir = copy_root("errors", tmp_path)
    line = _with_conf_line(srcdir, 'archive_language = "en"', 'archive_language = "de"')
    app = build(srcdir)
    found = [w for w in warnings_of(app) if "archive_language" in w]
    assert len(found) == 1, warnings_of(app)
    warning = found[0]
    assert re.search(rf"conf\.py:{line}: WARNING: ", warning), warning
    assert warning.endswith("[archive.bad-value]"), warning
    assert "« archive_language » ne peut pas valoir 'de' (valeurs permises : 'fr', 'en')" in warning
    assert "la valeur par défaut 'fr' est utilisée" in warning
    # The fallback is French, not English: the page warnings that follow are in French.
    assert any("« number » doit être un nombre entier, pas 'deux'" in w for w in warnings_of(app))
    assert not any("must be a whole number" in w for w in warnings_of(app))
    assert settings_of(app).language == "fr" and app.config.archive_language == "fr"


def test_sphinx_registers_every_setting_with_its_one_default(build: BuildFn, tmp_path: Path) -> None:
    app: SphinxTestApp = build(copy_root("basic", tmp_path))
    for item in fields(ArchiveSettings):
        name = PREFIX + item.name
        assert name in app.config, name
        assert app.config.values[name].default == default_of(item), name
        expected = "" if item.name in PERFORMANCE_SWITCHES else item.metadata["rebuild"]
        assert app.config.values[name].rebuild == expected, name
        assert item.metadata["help"].strip(), name
    assert {f.name for f in fields(ArchiveSettings) if f.metadata["rebuild"] == ""} == PERFORMANCE_SWITCHES
    assert settings_of(app) is settings_of(app.env)  # kept once the config is set up


def test_every_archive_value_sphinx_knows_is_a_setting(build: BuildFn, tmp_path: Path) -> None:
    """No module registers an ``archive_*`` value of its own, with a default of its own."""
    app: SphinxTestApp = build(copy_root("basic", tmp_path))
    known = {name for name in app.config.values if name.startswith(PREFIX)}
    assert known == {PREFIX + item.name for item in fields(ArchiveSettings)}


def test_build_keeps_valid_values_and_replaces_the_others_by_their_default() -> None:
    settings, invalid = build({"archive_sources_dir": "documents", "archive_nav_group_limit": "40",
                               "archive_report_unused": 0, "archive_language": "en", "archive_image_hosts": ("a.b",)})
    assert settings.sources_dir == "documents" and settings.layout.sources_dir == "documents"
    assert settings.language == "en"
    assert settings.image_hosts == ("a.b",)  # conf.py's tuple, kept as written
    assert settings.nav_group_limit == 40 and settings.report_unused is True
    assert [(bad.name, bad.value, bad.default, bad.allowed) for bad in invalid] == [
        ("archive_report_unused", 0, True, ()), ("archive_nav_group_limit", "40", 40, ())]
    assert build({"archive_language": "de"})[1][0].allowed == ("fr", "en")
    assert build({})[0] == ArchiveSettings()


def test_the_command_reads_conf_py_through_the_same_settings(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "conf.py").write_text('archive_registry_dir = "people-reg"\narchive_sources_dir = 3\n'
                                  "archive_report_unused = False\n", encoding="utf-8")
    ctx = cli.context("fr", docs)
    assert ctx.layout.registry_dir == "people-reg"
    assert ctx.layout.sources_dir == "sources"  # not a folder name: the build's default too
    assert ctx.report_unused is False
