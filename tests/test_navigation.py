"""Navigation stays bounded as the archive grows: a synthetic archive from benchmarks/generate.py."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import REPO, cli_build
from seminar_archive.pageplan import index_group

LIMIT = 5


def load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_person_sidebars_list_one_small_group(tmp_path: Path) -> None:
    srcdir = tmp_path / "archive"
    load_generator().generate(srcdir, 30, plain=False)
    build = cli_build(srcdir, "-n", "-W", "--keep-going", "-D", f"archive_nav_group_limit={LIMIT}")
    assert build.returncode == 0, build.stderr
    people = yaml.safe_load((srcdir / "registry" / "people.yaml").read_text(encoding="utf-8"))
    letters = Counter(index_group(p["family"])[0] for p in people.values())
    prefixes = Counter(index_group(p["family"])[1] for p in people.values())
    assert max(letters.values()) > LIMIT, "the sample must have a letter to split"
    bound = max(LIMIT, max(prefixes.values()))
    for person_id in people:
        html = BeautifulSoup((build.outdir / "people" / f"{person_id}.html").read_text(encoding="utf-8"),
                             "html.parser")
        nav = html.select_one("nav.bd-docs-nav")
        assert nav is not None
        # Links to sibling person pages (the current page itself links to "#").
        siblings = [a for a in nav.find_all("a", href=True)
                    if re.fullmatch(r"[a-z0-9-]+\.html", a["href"]) and a["href"] != "index.html"]
        assert len(siblings) < bound, (person_id, len(siblings))
        assert len(nav.find_all("a")) < len(people)  # never the whole registry
