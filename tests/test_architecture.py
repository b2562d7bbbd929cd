"""The extension's layout, held to its rules (issue 20; the README's paragraph on the extension):
a core without the Sphinx stack, one warning emitter, one place that registers settings, a
``setup`` that only calls each feature's ``setup_<feature>``, and modules short enough to read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "ext" / "seminar_archive"
SPHINX_LAYER = PACKAGE / "sphinx"
MODULES = sorted(PACKAGE.rglob("*.py"))
CORE = [m for m in MODULES if SPHINX_LAYER not in m.parents]
LONGEST = 350
# The core modules that parse a page as the build does, with MyST and docutils, so that
# `archive check` reports the same problems at the same lines; each says why in its docstring.
PARSERS = {"bodyrefs.py", "pagescan.py", "doctreecheck.py"}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _imported(tree: ast.Module) -> set[str]:
    """Top-level packages a module imports, wherever the import is (in functions too)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("module", CORE, ids=_name)
def test_the_core_does_not_import_sphinx(module: Path) -> None:
    tree = _tree(module)
    imported = _imported(tree)
    if module.name == "__init__.py" and module.parent == PACKAGE:
        return  # setup() loads the Sphinx layer, inside the function, when Sphinx asks for it
    assert "sphinx" not in imported, _name(module)
    if imported & {"docutils", "markdown_it", "myst_parser"}:
        assert module.name in PARSERS, f"{_name(module)} imports the MyST/docutils stack"
        assert "Why this module imports" in (ast.get_docstring(tree) or ""), _name(module)


@pytest.mark.parametrize("module", MODULES, ids=_name)
def test_warnings_have_one_emitter_and_settings_one_registrar(module: Path) -> None:
    calls = [node for node in ast.walk(_tree(module)) if isinstance(node, ast.Call)]
    # Calls on a logger or a module (not docutils' nodes.warning, an admonition node).
    attributes = {node.func.attr for node in calls if isinstance(node.func, ast.Attribute)
                  and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "nodes")}
    names = {node.func.id for node in calls if isinstance(node.func, ast.Name)}
    if module != SPHINX_LAYER / "emit.py":
        assert "warning" not in attributes, f"{_name(module)}: warn through sphinx/emit.py"
    if module != SPHINX_LAYER / "config.py":
        assert "add_config_value" not in attributes, f"{_name(module)}: a setting belongs in settings.py"
    assert "print" not in names, f"{_name(module)}: no print in library code"


def test_setup_only_calls_each_features_setup() -> None:
    tree = _tree(SPHINX_LAYER / "__init__.py")
    setup = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "setup")
    *calls, last = setup.body
    assert isinstance(last, ast.Return)
    called = []
    for statement in calls:
        assert isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call), ast.dump(statement)
        function = statement.value.func
        assert isinstance(function, ast.Name) and function.id.startswith("setup_"), ast.dump(function)
        called.append(function.id)
    assert len(called) == len(set(called)) > 20
    defined = [node for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)]
    assert [node.name for node in defined] == ["setup"]  # wiring only


@pytest.mark.parametrize("module", MODULES, ids=_name)
def test_no_module_is_longer_than_it_says_it_must_be(module: Path) -> None:
    text = module.read_text(encoding="utf-8")
    if text.count("\n") > LONGEST:
        assert f"Longer than {LONGEST} lines" in (ast.get_docstring(_tree(module)) or ""), _name(module)
