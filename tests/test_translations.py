"""Nothing the desk shows is left untranslated: lupdate, run over each area of the code against its
French file, finds no message without a French translation and none marked unfinished; every call to the
translation helper has literal text lupdate can extract; and no Qt widget in ui/ is given a bare English
literal. English plurals come from the English files (plural forms only)."""

import ast
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import i18n

ROOT = Path(__file__).resolve().parent.parent
LUPDATE = shutil.which("pyside6-lupdate") or str(Path(__import__("PySide6").__file__).parent / "lupdate")

# Qt calls whose string arguments a user reads.
TEXT_CALLS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "setTitle",
    "setSubTitle", "setButtonText", "addItem", "addTab", "setTabText", "showMessage", "addRow",
    "setHeaderLabels", "setHorizontalHeaderLabels", "information", "warning", "critical", "question",
    "info", "warn", "error", "ask", "confirm", "setWhatsThis", "setInformativeText", "setDetailedText",
    "Column", "emit",
}  # fmt: skip


def _python_files(*paths: str) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        path = ROOT / p
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def _lupdate(sources: list[Path], ts: Path, *extra: str) -> None:
    done = subprocess.run(
        [LUPDATE, "-silent", "-no-obsolete", *extra, *map(str, sources), "-ts", str(ts)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _incomplete(ts: Path) -> list[str]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            element = message.find("translation")
            assert element is not None
            source = message.findtext("source")
            if message.get("numerus") == "yes":
                forms = [f.text for f in element.iter("numerusform")]
                empty = len(forms) < 2 or not all(forms)
            else:
                empty = not element.text
            if element.get("type") == "unfinished" or empty:
                missing.append(f"{name}: {source!r}")
    return missing


@pytest.mark.parametrize("area", sorted(i18n.AREAS))
def test_lupdate_finds_nothing_untranslated(area: str, tmp_path: Path) -> None:
    sources = _python_files(*i18n.AREAS[area])
    for language, extra in (("fr", ()), ("en", ("-pluralonly",))):
        kept = i18n.TRANSLATIONS / f"{area}_{language}.ts"
        ts = tmp_path / kept.name
        if kept.exists():
            shutil.copy(kept, ts)
        _lupdate(sources, ts, *extra)
        if not ts.exists():  # nothing to translate in this area (English: no plural message)
            continue
        missing = _incomplete(ts)
        assert not missing, f"{kept.name} lacks {len(missing)} translation(s):\n" + "\n".join(missing[:80])


def test_every_file_that_translates_is_in_exactly_one_area() -> None:
    owner: dict[Path, list[str]] = {}
    for area, paths in i18n.AREAS.items():
        for path in _python_files(*paths):
            owner.setdefault(path, []).append(area)
    assert not {p: a for p, a in owner.items() if len(a) > 1}
    for path in _python_files("ui", "app"):
        if path in owner or path.name == "i18n.py":
            continue
        assert "translate(" not in path.read_text(encoding="utf-8"), f"{path} translates but is in no area"
    outside = [p for p in _python_files("ui") if p not in owner and p != ROOT / "ui" / "__init__.py"]
    assert not outside, f"every ui/ file is in an area: {outside}"


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _called(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _translate_calls(path: Path) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and _called(node) in ("translate", "QT_TRANSLATE_NOOP")
        # a method named translate is ours only with a literal context (catalogue(lang).translate("Ctx",
        # ...)); reportlab's canvas.translate(x, y) and str.translate(table) are not
        and (isinstance(node.func, ast.Name) or (node.args and _literal(node.args[0])))
    ]


def _shape_is_extractable(node: ast.Call) -> bool:
    # The only shapes lupdate reads: (context, text) and, for plurals, (context, text, None, n).
    if node.keywords or len(node.args) not in (2, 4):
        return False
    if not (_literal(node.args[0]) and _literal(node.args[1])):
        return False
    return len(node.args) == 2 or (isinstance(node.args[2], ast.Constant) and node.args[2].value is None)


def test_every_translate_call_has_literal_text() -> None:
    """lupdate reads only literals, and only Qt's shapes of call: a variable, an f-string, `n=` or a third
    argument that is not None makes lupdate skip the message without a word, so it is never translated."""
    bad = []
    for path in _python_files("ui", "app"):
        if path.name == "i18n.py":
            continue
        for node in _translate_calls(path):
            if not _shape_is_extractable(node):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert not bad, "translate() calls lupdate cannot read:\n" + "\n".join(bad)


def test_lupdate_extracts_every_translate_call(tmp_path: Path) -> None:
    """What the code asks to translate is exactly what lupdate puts in the .ts files, plurals as plurals:
    a call lupdate skips would pass the completeness test while staying English."""
    for area, paths in sorted(i18n.AREAS.items()):
        sources = _python_files(*paths)
        wanted = {
            (node.args[0].value, node.args[1].value, len(node.args) == 4)  # type: ignore[attr-defined]
            for path in sources
            for node in _translate_calls(path)
            if _shape_is_extractable(node)
        }
        if not wanted:
            continue
        ts = tmp_path / f"{area}.ts"
        _lupdate(sources, ts)
        found = {
            (context.findtext("name"), message.findtext("source"), message.get("numerus") == "yes")
            for context in ET.parse(ts).getroot().iter("context")
            for message in context.iter("message")
        }
        assert not wanted - found, f"{area}: lupdate does not extract {sorted(wanted - found)[:20]}"


def _has_words(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    return (
        _literal(node)
        and any(ch.isalpha() for ch in node.value)
        and " " in node.value.strip()
        or (_literal(node) and node.value[:1].isupper() and node.value.isalpha())
    )


def test_no_widget_is_given_bare_english() -> None:
    bad = []
    for path in _python_files("ui"):
        if path.name in ("screenshots.py", "document_screenshots.py"):
            continue  # the developer's screenshot command
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _called(node) in TEXT_CALLS:
                for arg in node.args:
                    if _has_words(arg):
                        bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(arg)[:70]}")
    assert not bad, "text shown without translate():\n" + "\n".join(bad)


def test_english_plural_forms() -> None:
    english = i18n.catalogue("en")
    plurals = [key for key, value in english.messages.items() if isinstance(value, list)]
    assert plurals, "the desk has plural messages, each with English forms"
    for context, source in plurals:
        one, many = english.translate(context, source, 1), english.translate(context, source, 2)
        assert "1" in one and "2" in many and one.replace("1", "") != many.replace("2", ""), source


def test_french_plural_rule_counts_zero_and_one_as_singular() -> None:
    assert [i18n.plural_form("fr", n) for n in (0, 1, 2, 5)] == [0, 0, 1, 1]
    assert [i18n.plural_form("en", n) for n in (0, 1, 2)] == [1, 0, 1]


def test_accept_language_picks_the_best_supported_language() -> None:
    assert i18n.language_from_accept("fr-CA,fr;q=0.9,en;q=0.8") == "fr"
    assert i18n.language_from_accept("en-GB,fr;q=0.5") == "en"
    assert i18n.language_from_accept("de, fr;q=0.3") == "fr"
    assert i18n.language_from_accept("de") == "en"
    assert i18n.language_from_accept("fr;q=0, en;q=0.1") == "en"
    assert i18n.language_from_accept("x" * 5000) == "en"
    assert i18n.language_from_accept(None) == "en"
