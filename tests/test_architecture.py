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


# --- the import graph of app/ --------------------------------------------------------------------------


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Every module name an import in `tree` may load: top-level, inside functions and under
    `if TYPE_CHECKING:` alike (a cycle hidden there still ties the modules together), `from a import b`
    as both `a` and `a.b` (b may be a submodule), relative imports resolved, and the string literals given
    to importlib.import_module / __import__."""
    package = module if is_package else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                kept = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*kept, base] if base else kept)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module",
            "__import__",
        }:
            names.update(
                a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
            )
    return names


def import_graph(root: Path = APP) -> dict[str, set[str]]:
    """Module -> the modules of app/ it imports (module granularity)."""
    files = {_module_name(f, root): f for f in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = _imported_modules(tree, name, path.name == "__init__.py")
        graph[name] = {m for m in imported if m in files and m != name}
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a -> b -> ... -> a) for each group of modules that import each other, found by a
    depth-first search that reports each back edge's loop once per group."""
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []
    in_a_cycle: set[str] = set()

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                loop = path[path.index(nxt) :]
                if not in_a_cycle & set(loop):
                    cycles.append([*loop, nxt])
                in_a_cycle.update(loop)
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start)
    return cycles


def test_app_has_no_import_cycle() -> None:
    graph = import_graph()
    assert "app.desk" in graph and "app.audit.trail" in graph["app.cli.audit"]  # the scan sees app/
    cycles = find_cycles(graph)
    assert cycles == [], "import cycles in app/:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_cycle_finder_sees_function_level_submodule_and_importlib_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "app"
    (pkg / "low").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "low" / "__init__.py").write_text("")
    (pkg / "low" / "a.py").write_text("def f():\n    from app.high import b\n")
    (pkg / "high.py").write_text("import importlib\nimportlib.import_module('app.low.c')\n")
    (pkg / "low" / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n"
    )
    graph = import_graph(pkg)
    assert graph["app.low.a"] == {"app.high"} and graph["app.high"] == {"app.low.c"}
    assert find_cycles(graph) == [["app.high", "app.low.c", "app.low.a", "app.high"]]


def test_no_domain_module_imports_the_command_line() -> None:
    """app/cli is the outermost layer: thin over the services, imported by nothing else in app/."""
    graph = import_graph()
    offenders = {
        module: sorted(m for m in imported if m == "app.cli" or m.startswith("app.cli."))
        for module, imported in graph.items()
        if not (module == "app.cli" or module.startswith("app.cli."))
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert any(m.startswith("app.cli.") for m in graph["app.cli.main"])  # the scan sees cli imports
