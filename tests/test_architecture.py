"""The core knows no screen: nothing under app/ may import Qt."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}


def _imported_roots(tree: ast.AST) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module",
            "__import__",
        }:
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    roots.add(arg.value.split(".")[0])
    return roots


def test_app_imports_no_qt() -> None:
    files = sorted(APP.rglob("*.py"))
    assert len(files) > 5, "app/ should hold the domain modules"
    offenders = {
        str(f.relative_to(APP)): sorted(_imported_roots(ast.parse(f.read_text(encoding="utf-8"))) & QT_ROOTS)
        for f in files
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert offenders == {}, f"app/ must not import Qt: {offenders}"


def test_app_imports_nothing_from_ui() -> None:
    for f in APP.rglob("*.py"):
        roots = _imported_roots(ast.parse(f.read_text(encoding="utf-8")))
        assert "ui" not in roots, f"{f} imports ui/"


def test_checker_catches_a_qt_import() -> None:
    tree = ast.parse(
        "from PySide6.QtWidgets import QWidget\nimport importlib\nimportlib.import_module('shiboken6')"
    )
    assert _imported_roots(tree) & QT_ROOTS == {"PySide6", "shiboken6"}
