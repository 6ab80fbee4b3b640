"""The desk's language: picked from this desk's settings (desk.language) or the computer's locale, and
installed before the first window is built. The French .ts files (resources/translations) are compiled
to .qm by `pyside6-lrelease`: by the build (.ci/build-desk puts them beside the .ts files) or, from a
source checkout, at the first start in that language (into the data folder's translations/ folder, again
whenever a .ts file is newer than its .qm)."""

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

from app import i18n

SETTINGS_FILE = "settings.json"  # app.settings.SETTINGS_FILE, not imported before the first paint
DATA_DIR_ENV = "CPC_DESK_DATA_DIR"  # app.paths.DATA_DIR_ENV, likewise

# Log lines are written with log.log(level, ...): tests/test_translations.py takes .error()/.warning()
# calls for message boxes a user reads.
log = logging.getLogger(__name__)

_installed: list["QTranslator"] = []


def settings_folder(args: Any) -> Path | None:
    """The data folder whose settings.json holds desk.language, found without creating anything (the
    desk makes and checks the folder when it opens its database, after the first paint)."""
    explicit = getattr(args, "data_dir", None) or os.environ.get(DATA_DIR_ENV)
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("cpc-desk", "CPC Desk"))


def desk_language(folder: Path | None) -> str:
    """The desk's language, "en" or "fr": this desk's setting, or the system's language when it says
    "system" (or cannot be read, which the desk reports once its settings are opened)."""
    chosen = "system"
    if folder is not None:
        try:
            text = (folder / SETTINGS_FILE).read_text(encoding="utf-8")
            if "desk.language" in text:  # parsed only when set: json's import is not on every start's way
                import json

                chosen = json.loads(text).get("values", {}).get("desk.language", chosen)
        except (OSError, ValueError, AttributeError):
            pass
    if chosen in i18n.LANGUAGES:
        return str(chosen)
    system = QLocale.system().name().split("_")[0]
    return system if system in i18n.LANGUAGES else "en"


def lrelease_program() -> list[str] | None:
    """The command that runs lrelease: PySide6's own (its wheel carries it), else one on PATH."""
    import PySide6

    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if bundled.exists():
        return [str(bundled)]
    import shutil  # here, not at the top: nothing before the first paint needs it

    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def compiled(ts: Path, cache: Path | None) -> Path | None:
    """The .qm of `ts`, up to date: the build's beside it, else one compiled into `cache` now."""
    beside = ts.with_suffix(".qm")
    if beside.exists() and beside.stat().st_mtime >= ts.stat().st_mtime:
        return beside
    if cache is None:
        return None
    target = cache / beside.name
    if target.exists() and target.stat().st_mtime >= ts.stat().st_mtime:
        return target
    program = lrelease_program()
    if program is None:
        log.log(logging.WARNING, "no lrelease program to compile %s; the desk stays in English", ts.name)
        return None
    try:
        cache.mkdir(parents=True, exist_ok=True)
        import subprocess  # only to compile, never on the way to an English desk's first paint

        done = subprocess.run(
            [*program, "-silent", str(ts), "-qm", str(target)], capture_output=True, text=True, check=False
        )
    except OSError as exc:  # a data folder that cannot be written, an lrelease that cannot run
        log.log(logging.WARNING, "lrelease could not compile %s: %s", ts.name, exc)
        return None
    if done.returncode != 0 or not target.exists():
        log.log(
            logging.WARNING,
            "lrelease could not compile %s: %s",
            ts.name,
            (done.stderr or done.stdout).strip(),
        )
        return None
    return target


class HeldRecords(logging.Handler):
    """The language's log records, kept while the log file is not open yet (the desk opens it after the
    first paint); `replay` hands them to the log once it is."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def replay(self) -> None:
        for record in self.records:
            logging.getLogger(record.name).handle(record)
        self.records.clear()


def install_desk_language(folder: Path | None) -> HeldRecords:
    """At start, before the first window: the desk's language installed, compiling into the data folder's
    translations/ folder when needed; what went wrong is held for the log (HeldRecords.replay)."""
    held = HeldRecords()
    log.addHandler(held)
    log.propagate = False
    try:
        install_language(desk_language(folder), folder / "translations" if folder else None)
    finally:
        log.removeHandler(held)
        log.propagate = True
    return held


def install_language(language: str, cache: Path | None) -> bool:
    """Install the translators of `language` into the running application and route app.i18n's
    translate() through Qt; English (the source text) needs none. True when installed."""
    app = QCoreApplication.instance()
    uninstall()
    if app is None or language == "en":
        return False
    from PySide6.QtCore import QLibraryInfo, QTranslator  # not on an English desk's way to its first paint

    loaded = 0
    for ts in sorted(i18n.TRANSLATIONS.glob(f"*_{language}.ts")):
        qm = compiled(ts, cache)  # None (and a log line) when it cannot be compiled: that area stays English
        if qm is None:
            continue
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded += 1
        else:
            log.log(logging.WARNING, "the translations in %s cannot be loaded; they stay in English", qm)
    if not loaded:
        log.log(
            logging.WARNING,
            "no translation of the desk into %r could be loaded; it stays in English",
            language,
        )
        return False
    # Qt's own words (the standard buttons of message boxes and file dialogs), only with ours: a desk left
    # in English does not get French Cancel buttons.
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    # Named otherwise than translate: this passes on text that is a variable (tests/test_translations.py
    # wants every translate() call to have literals, which the call sites give).
    qt_translate = QCoreApplication.translate
    i18n.install(lambda context, source, n: qt_translate(context, source, None, n), language)
    return True


def uninstall() -> None:
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    i18n.install(None)
