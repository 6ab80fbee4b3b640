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


def test_every_package_the_product_imports_is_an_install_dependency() -> None:
    """The README's run command installs only [project].dependencies: a module that app/, ui/ or
    main.py imports but that only the test extras bring (pypdf once was) works in the tests and fails
    on a desk. Every third-party import must come from a listed dependency."""
    import re
    import sys
    import tomllib
    from importlib.metadata import PackageNotFoundError, packages_distributions, requires

    root = APP.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def name(requirement: str) -> str:
        return re.split(r"[\s<>=!~\[;]", requirement, maxsplit=1)[0].lower().replace("_", "-")

    listed = {name(r) for r in project["dependencies"]}
    test_only = {name(r) for r in project["optional-dependencies"]["test"]} - listed
    # What installing the listed ones brings: their own requirements, recursively (extras aside).
    installed, todo = set(), list(listed)
    while todo:
        dist = todo.pop()
        if dist in installed:
            continue
        installed.add(dist)
        try:
            needs = requires(dist) or []
        except PackageNotFoundError:
            continue
        todo.extend(name(r) for r in needs if "extra ==" not in r)
    files = [*APP.rglob("*.py"), *(root / "ui").rglob("*.py"), root / "main.py"]
    roots: set[str] = set()
    for path in files:
        roots |= _imported_roots(ast.parse(path.read_text(encoding="utf-8")))
    third_party = sorted(r for r in roots - {"app", "ui", "main"} if r not in sys.stdlib_module_names)
    providers = packages_distributions()
    missing = {
        module: sorted(providers.get(module, ["?"]))
        for module in third_party
        if not {d.lower().replace("_", "-") for d in providers.get(module, [])} & installed
    }
    assert "pypdf" in roots and "pyhanko" in roots  # the scan sees the product's imports
    assert not missing, f"imported by the product but not an install dependency: {missing}"
    assert "pypdf" in listed  # at run time, not for the tests only
    assert not {m for m in third_party if m.lower() in test_only - installed}
