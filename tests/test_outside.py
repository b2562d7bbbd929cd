"""Nothing a page says leaves the project: no file from outside the docs tree, no live address.

The corpus (tests/corpus/bad/file-* and addr-*) holds one case per form, each built by
tests/test_corpus.py, which asserts the build's exact warnings; here ``archive check`` runs on
the same cases and must give the same problems. Then one site holds every form at once against
a marker file planted outside the tree (and symlinks to it): the marker must be in no output
file and in no message of the build or of the check.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from docutils import frontend, nodes
from docutils.parsers.rst import Parser as RstParser
from docutils.utils import new_document

from conftest import REPO, cli_build, copy_root
from seminar_archive.addresses import host_allowed, is_safe_address, remote_host
from seminar_archive.containment import inside, outside_links, readable_inside
from seminar_archive.doctreecheck import findings
from test_corpus import CORPUS, LINE, lay_over

CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name.startswith(("file-", "addr-")))
MARKER = "MARKER-OUTSIDE-3f9c1e"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5Er"
                       "kJggg==")


def archive_check(srcdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "ext")}
    env.pop("ARCHIVE_LANG", None)
    return subprocess.run([sys.executable, "-m", "seminar_archive", "--lang", "en", "check", *args], cwd=srcdir,
                          capture_output=True, text=True, check=False, env=env, timeout=120)


def test_the_corpus_has_a_case_for_each_form() -> None:
    assert len(CASES) >= 22
    assert len([c for c in CASES if c.name.startswith("file-")]) >= 11
    assert len([c for c in CASES if c.name.startswith("addr-")]) >= 11


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_reports_what_the_build_reports(case: Path, tmp_path: Path) -> None:
    """tests/test_corpus.py asserts the build gives exactly the case's expected warnings; the
    check must give exactly those too (file, line, subtype, words of the message)."""
    expected = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))["expect"]
    srcdir = copy_root("basic", tmp_path)
    lay_over(case, srcdir)
    result = archive_check(srcdir)
    assert "Traceback" not in result.stderr, result.stderr
    found = []
    for line in result.stderr.splitlines():
        path, number, rest = line.split(":", 2)
        message, subtype = rest.strip().rsplit(" [archive.", 1)
        found.append((path, int(number), subtype.rstrip("]"), message))
    assert sorted(f[:3] for f in found) == sorted((w["file"], w["line"], w["subtype"]) for w in expected), found
    for want in expected:
        assert any(f[:3] == (want["file"], want["line"], want["subtype"]) and want["message"] in f[3] for f in found)
    assert result.returncode == (1 if expected else 0)


# --- every form at once, against a marker outside the tree -----------------------------------

def every_form(outside: Path) -> str:
    """A page that asks for the marker file in every way a page can, and links it."""
    secret, table, picture = outside / "secret.txt", outside / "secret.csv", outside / "pic.png"
    up = "../" * 12
    rel = f"{up}{str(secret).lstrip('/')}"
    return f"""# Toutes les formes

```{{include}} {secret}
```

```{{literalinclude}} {rel}
```

```{{raw}} html
:file: {secret}
```

```{{csv-table}} T
:file: {up}{str(table).lstrip('/')}
```

```{{image}} {picture}
```

```{{figure}} {up}{str(picture).lstrip('/')}
```

![image]({up}{str(picture).lstrip('/')})

[lien]({rel}) et {{download}}`fichier <{secret}>`.

```{{literalinclude}} linked.txt
```

```{{image}} linked.png
```

```{{eval-rst}}
.. include:: {secret}

.. include:: {rel}
   :literal:

.. literalinclude:: {secret}

.. raw:: html
   :file: {secret}

.. csv-table:: T2
   :file: {table}

.. image:: {picture}

.. figure:: {rel}

Un `lien <{rel}>`_ et :download:`fichier <{secret}>`.
```
"""


@pytest.fixture()
def planted(tmp_path: Path) -> Path:
    """tests/roots/test-basic with the page above, symlinks out of the tree, and the marker outside."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{MARKER}\n", encoding="utf-8")
    (outside / "secret.csv").write_text(f"a,b\n{MARKER},1\n", encoding="utf-8")
    (outside / "pic.png").write_bytes(PNG + MARKER.encode())
    (outside / "page.md").write_text(f"# {MARKER}\n\n{MARKER}\n", encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "page.md").write_text(f"# {MARKER}\n", encoding="utf-8")
    srcdir = copy_root("basic", tmp_path)
    (srcdir / "forms.md").write_text("---\norphan: true\n---\n\n" + every_form(outside), encoding="utf-8")
    (srcdir / "linked.txt").symlink_to(outside / "secret.txt")
    (srcdir / "linked.png").symlink_to(outside / "pic.png")
    (srcdir / "sessions" / "linked.md").symlink_to(outside / "page.md")
    (srcdir / "sources" / "linked.txt").symlink_to(outside / "secret.txt")
    (srcdir / "linked-folder").symlink_to(outside / "folder")
    (outside / "redirects.yaml").write_text(f"redirects:\n  {MARKER}: sessions/ser-01\n", encoding="utf-8")
    (outside / "releases.yaml").write_text(f"releases:\n  - name: {MARKER}\n    date: 2026-01-01\n", encoding="utf-8")
    (srcdir / "redirects.yaml").symlink_to(outside / "redirects.yaml")
    (srcdir / "releases.yaml").symlink_to(outside / "releases.yaml")
    (srcdir / "_static").mkdir()
    (srcdir / "_static" / "linked.txt").symlink_to(outside / "secret.txt")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('html_static_path = ["_static"]\n')
    return srcdir


def test_a_marker_outside_the_tree_is_in_no_output_and_no_message(planted: Path, tmp_path: Path) -> None:
    built = cli_build(planted, "-n", "--keep-going", outdir=tmp_path / "out")
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    assert MARKER not in built.stdout + built.stderr
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes(), path
    # Every refusal is an archive warning at its line; nothing of Sphinx's own about the files.
    page = f"{planted / 'forms.md'}:"
    refused = sorted(int(LINE.match(w)["line"]) for w in built.warnings if w.startswith(page) and LINE.match(w))
    assert refused == [7, 10, 13, 17, 21, 24, 27, 29, 29, 31, 34, 38, 40, 43, 45, 48, 51, 53, 55, 55], built.warnings
    assert all(LINE.match(w) for w in built.warnings if w.startswith(page)), built.warnings
    links = sorted(w.split(":", 1)[0] for w in built.warnings if "this symbolic link" in w)
    assert links == sorted(str(planted / p) for p in ("_static/linked.txt", "linked-folder", "linked.png",
                                                      "linked.txt", "redirects.yaml", "releases.yaml",
                                                      "sessions/linked.md", "sources/linked.txt"))
    # The check finds the same problems at the same lines, and says nothing of the marker either.
    checked = archive_check(planted)
    assert MARKER not in checked.stdout + checked.stderr
    from_check = sorted(int(line.split(":")[1]) for line in checked.stderr.splitlines()
                        if line.startswith("forms.md:"))
    assert from_check == refused
    assert sum("this symbolic link" in line for line in checked.stderr.splitlines()) == 8


# --- the two policies, as functions -----------------------------------------------------------

@pytest.mark.parametrize("address", [
    "https://www.sciencespo.fr/", "http://example.org/a?b=c#d", "mailto:chaire@example.org", "ser-01.html",
    "../index.html", "#section", "?q=1", "//cdn.example.org/x.png", "/sessions/ser-01.html", "",
])
def test_safe_addresses_pass(address: str) -> None:
    assert is_safe_address(address)


@pytest.mark.parametrize("address", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "java\x00script:alert(1)", "jav&#x61;script:alert(1)", "javascript&#58;alert(1)",
    "&#106;avascript:alert(1)", "jav&amp;#x61;script:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)", "file:///etc/passwd", "java\u200bscript:alert(1)", "\u2028javascript:alert(1)",
    "ftp://example.org/", "c:\\windows",
])
def test_unsafe_addresses_are_refused(address: str) -> None:
    assert not is_safe_address(address)


def test_remote_hosts() -> None:
    assert remote_host("https://Tracker.Example/p.gif") == "tracker.example"
    assert remote_host("//cdn.example.org/x.png") == "cdn.example.org"
    assert remote_host("pic.png") is None
    assert host_allowed("img.example.org", ["example.org"]) and not host_allowed("example.org.evil", ["example.org"])
    assert not host_allowed("anything", [])


def test_containment_resolves_symlinks(tmp_path: Path) -> None:
    root, outside = tmp_path / "docs", tmp_path / "outside.txt"
    (root / "sub").mkdir(parents=True)
    outside.write_text("x", encoding="utf-8")
    (root / "in.txt").write_text("x", encoding="utf-8")
    (root / "sub" / "out.txt").symlink_to(outside)
    (root / "sub" / "in.txt").symlink_to(root / "in.txt")
    assert readable_inside(root, root / "sub", "../in.txt") and readable_inside(root, root / "sub", "in.txt")
    assert readable_inside(root, root / "sub", "/in.txt")  # Sphinx: "/" is the docs root
    assert not readable_inside(root, root / "sub", "out.txt")
    assert not readable_inside(root, root / "sub", "../../outside.txt")
    assert not readable_inside(root, root, str(outside))  # an absolute path to an existing file outside
    assert not readable_inside(root, root, str(outside), rooted=False)
    assert not readable_inside(root, root, "in\0.txt")
    assert not inside(root, root.parent)
    assert list(outside_links(root)) == ["sub/out.txt"]


def test_files_of_the_tree_are_still_read(tmp_path: Path) -> None:
    """The guards hand an allowed file to the real directive: Markdown and reStructuredText
    includes, literalinclude, raw and csv-table of files inside the tree, and images, still work."""
    srcdir = copy_root("basic", tmp_path)
    (srcdir / "parts").mkdir()
    (srcdir / "parts" / "part.md").write_text("Texte **inclus** en Markdown.\n", encoding="utf-8")
    (srcdir / "parts" / "part.rst").write_text("Texte *inclus* en reStructuredText.\n", encoding="utf-8")
    (srcdir / "parts" / "table.csv").write_text("a,b\ncellule-csv,1\n", encoding="utf-8")
    (srcdir / "parts" / "pic.png").write_bytes(PNG)
    (srcdir / "inside.md").write_text("""---
orphan: true
---

# Dedans

```{include} parts/part.md
```

```{literalinclude} /sources/prog.txt
```

```{csv-table} T
:file: parts/table.csv
```

```{image} parts/pic.png
```

```{eval-rst}
.. include:: parts/part.rst

.. raw:: html
   :file: parts/part.rst
```
""", encoding="utf-8")
    built = cli_build(srcdir, "-n", "--keep-going", outdir=tmp_path / "out")
    page = (tmp_path / "out" / "inside.html").read_text(encoding="utf-8")
    assert "<strong>inclus</strong>" in page and "<em>inclus</em>" in page and "cellule-csv" in page
    # Highlighted: the literal block's words are in spans.
    assert (srcdir / "sources" / "prog.txt").read_text(encoding="utf-8").splitlines()[0] in \
        BeautifulSoup(page, "html.parser").get_text()
    assert (tmp_path / "out" / "_images" / "pic.png").is_file()
    assert not [w for w in built.warnings if "inside.md" in w and "raw-html" not in w], built.warnings


def test_a_remote_image_is_kept_only_from_an_allowed_host(tmp_path: Path) -> None:
    document = new_document("page.md", frontend.get_default_settings(RstParser))
    document += nodes.image(uri="https://cdn.images.example.org/affiche.png")
    document += nodes.image(uri="https://images.example.org.evil/pixel.png")
    refused = [f.node["uri"] for f in findings(document, tmp_path, tmp_path, ["images.example.org"])]
    assert refused == ["https://images.example.org.evil/pixel.png"]
    assert len(list(findings(document, tmp_path, tmp_path))) == 2
