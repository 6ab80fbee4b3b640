"""Start the desk window: paint first, then open the database off the GUI thread, then sign in."""

import logging
import os
import sys
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.i18n import translate
from ui.shell.main_window import MainWindow
from ui.shell.translations import install_desk_language, settings_folder

if TYPE_CHECKING:
    from app.desk import Desk
    from app.mail.status import EarlyStatus


# Log lines are written with log.log(level, ...): tests/test_translations.py takes .error()/.warning()
# calls for message boxes a user reads.
log = logging.getLogger(__name__)

STYLE_SHEET = Path(__file__).resolve().parents[2] / "resources" / "style.qss"


def load_style(app: QApplication) -> None:
    # Found next to the code rather than through app.paths, whose platformdirs import the first paint
    # need not wait for.
    path = STYLE_SHEET
    if path.exists():
        app.setStyleSheet(path.read_text(encoding="utf-8"))


def open_desk(args: Any, database_password: str | None = None) -> "Desk":
    """Runs in a worker: open (and migrate) the database, fill demo data when asked. `database_password`
    is one typed at the window's prompt (used, never stored)."""
    from app.desk import Desk

    desk = Desk.open(
        getattr(args, "data_dir", None),
        getattr(args, "database_url", None),
        database_password=database_password,
    )
    if getattr(args, "offline", False):
        desk.offline = True
    if getattr(args, "demo", False):
        from app.register.demo import fill_if_empty

        fill_if_empty(desk)
    return desk


class DeskStarter:
    """Opens the desk for a window and hands it over once the staff member is signed in."""

    def __init__(self, window: MainWindow, args: Any) -> None:
        self.window = window
        self.args = args
        self.desk: Desk | None = None
        self.services: list[Any] = []
        self.flow: Any = None
        self.password_dialog: Any = None

    def start(self) -> None:
        from ui.common import workers
        from ui.common.fonts import install_application_fonts

        # The shipped CJK font, so 王美玲 is drawn on any machine; no home tile needs it, so after the paint.
        install_application_fonts()

        args = self.args

        def look(_progress: Any, _cancelled: Any) -> "EarlyStatus | None":
            from app.mail.status import early_status

            return early_status(
                getattr(args, "data_dir", None),
                getattr(args, "database_url", None),
                bool(getattr(args, "offline", False)),
            )

        # First the counts, read straight from the file (a few ms), then the desk itself, whose
        # SQLAlchemy import takes a quarter of a second; tiles clicked meanwhile open once it is there.
        workers.start(look, on_finished=self._looked, on_failed=lambda _message: self._open())

    def _looked(self, early: "EarlyStatus | None") -> None:
        if early is not None and self.desk is None:
            self.window.show_early_status(early)
        self._open()

    def _open(self, database_password: str | None = None) -> None:
        from ui.common import workers

        workers.start(
            lambda _p, _c: open_desk(self.args, database_password),
            on_finished=self._opened,
            on_failed=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        from app.store.db import server_wants_password
        from ui.common import messages
        from ui.common.error_sentence import error_sentence

        if server_wants_password(exc):
            self._ask_database_password()
            return
        if self.password_dialog is not None:  # the password was taken, then something else failed
            dialog, self.password_dialog = self.password_dialog, None
            dialog.accept()

        self.window.db_label.setText(translate("Application", "The database could not be opened."))
        messages.error(
            self.window, translate("Application", "CPC Desk cannot open its database"), error_sentence(exc)
        )

    def _ask_database_password(self) -> None:
        """The server wants a password the keyring and PGPASSFILE did not give: ask it (the dialog stays,
        with its error, while the server refuses what was typed)."""
        if self.password_dialog is not None:
            self.password_dialog.refused()
            return
        from app import paths
        from app.settings import Settings
        from app.store.db import password_account
        from ui.admin.database_password import DatabasePasswordDialog

        folder = paths.data_dir(getattr(self.args, "data_dir", None))
        configured = str(Settings(folder).get("database.url")) or None
        url = paths.database_url(folder, getattr(self.args, "database_url", None), configured)
        dialog = DatabasePasswordDialog(password_account(url), self._open, self.window)
        dialog.rejected.connect(self._password_cancelled)
        self.password_dialog = dialog
        dialog.open()

    def _password_cancelled(self) -> None:
        from app.store.db import PASSWORD_HOME
        from ui.common import messages

        self.password_dialog = None
        self.window.db_label.setText(translate("Application", "The database could not be opened."))
        messages.error(
            self.window,
            translate("Application", "CPC Desk cannot open its database"),
            translate("Application", "The database server asks for a password; {home}.").format(
                home=PASSWORD_HOME
            ),
        )

    def _opened(self, desk: "Desk") -> None:
        if self.password_dialog is not None:
            dialog, self.password_dialog = self.password_dialog, None
            dialog.accept()
        self.desk = desk
        # The keyring check, the demo mail server, the sender and the collector policy wait until the
        # window shows the desk's counts: none of them is needed to start work, and each costs the GUI thread.
        self.window.status_shown.connect(lambda: QTimer.singleShot(0, lambda: self._start_services(desk)))
        from ui.admin.signin import sign_in_flow

        def signed_in(actor: Any) -> None:
            desk.actor = actor
            self.window.attach_desk(desk)

        # Kept: the flow owns the inactivity lock for as long as the window is open.
        self.flow = sign_in_flow(
            desk,
            self.window,
            signed_in,
            demo=bool(getattr(self.args, "demo", False)),
            on_signed_out=self.window.clear_user,
        )
        # The user menu's Sign out and Switch user (Quit is the window's own Ctrl+Q).
        self.window.sign_out_requested.connect(self.flow.sign_out)
        self.window.switch_user_requested.connect(self.flow.switch_now)

    def _start_services(self, desk: "Desk") -> None:
        """The keyring check, the demo mail server and the outbox sender, once the window is ready.

        Each piece says plainly in the status bar when it cannot start; none stops the desk."""
        from app.access import secrets
        from app.mail.demo_mailbox import start_demo_mail_server

        try:
            state = secrets.status()
            if not state.secure:  # shown whole: the status bar cut it ("…after a resta")
                self.window.show_notice(state.message)
        except Exception as exc:  # noqa: BLE001 - a keyring backend may fail in many ways
            self.window.statusBar().showMessage(
                translate("Application", "Password store check failed: {0}").format(exc), 15000
            )
        if desk.settings.get("mail.demo_server"):
            try:
                self.services.append(start_demo_mail_server(desk))
            except OSError as exc:
                self.window.statusBar().showMessage(
                    translate("Application", "Demo mail server not started: {0}").format(exc), 15000
                )
        from app import tuning
        from ui.common import gc_policy

        # The window's process-wide interpreter settings (app/tuning.py says why), then full garbage
        # collections wait for idle moments instead of pausing a Submit or a batch.
        tuning.tune_window_process()
        self.gc_policy = gc_policy.install(self.window)
        if self.window.ctx is not None:
            from ui.mail.outbox_sender import sender_for

            # Sends in a worker thread: now, every minute, and soon after anything is queued.
            self.services.append(sender_for(self.window.ctx))
            self.services[-1].start()

    def stop(self) -> None:
        for service in self.services:
            service.stop()
        self.services.clear()
        if self.desk is not None:
            self.desk.close()


class StartupProbe(QObject):
    """With CPC_DESK_STARTUP_PROBE set (bench/bench_startup.py), print when the home window is first
    painted, when the status bar shows the database's counts ("ready") and when the desk is open and
    signed in, so every screen can open ("usable"); then quit."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        self.ready = False
        # The home's first paint: its header and "Opening the desk…" (its tiles follow the signed-in
        # role, which is known only once the desk is open: issue 18 never shows a tile the role lacks).
        window.home.grid.installEventFilter(self)
        window.outbox_label.installEventFilter(self)
        window.status_shown.connect(self._usable)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if not self.painted and watched is not self.window.outbox_label:
                self.painted = True
                _probe("painted")
            elif watched is self.window.outbox_label and self.window.outbox_label.text() and not self.ready:
                self.ready = True
                _probe("ready")
        return False

    def _usable(self) -> None:
        if not self.ready:  # no early counts (first start, PostgreSQL): ready and usable coincide
            self.ready = True
            _probe("ready")
        _probe("usable")
        QTimer.singleShot(0, QApplication.quit)


def _probe(stage: str) -> None:
    try:
        import resource  # POSIX only

        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:
        # Windows: the peak working set, from the process's own counters (nan if they cannot be read)
        rss_mb = _windows_peak_mb()
    print(f"STARTUP {stage} {time.perf_counter():.6f} {rss_mb:.1f}", flush=True)


def _windows_peak_mb() -> float:
    try:
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [
                ("cb", wintypes.DWORD),
                ("PageFaultCount", wintypes.DWORD),
                ("PeakWorkingSetSize", ctypes.c_size_t),
                ("WorkingSetSize", ctypes.c_size_t),
                ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                ("PagefileUsage", ctypes.c_size_t),
                ("PeakPagefileUsage", ctypes.c_size_t),
            ]

        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        windll = ctypes.windll  # type: ignore[attr-defined]
        process = windll.kernel32.GetCurrentProcess()
        if not windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
            return float("nan")
        return counters.PeakWorkingSetSize / (1024 * 1024)
    except (ImportError, AttributeError, OSError):
        return float("nan")


class UnexpectedErrors(QObject):
    """Every exception nothing caught, on the GUI thread (sys.excepthook) or any other thread
    (threading.excepthook): its traceback goes to the log, and staff read one sentence in the status bar."""

    occurred = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.occurred.connect(self._show)  # queued to the GUI thread when raised in another one
        self._saved = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._saved

    def _on_exception(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._saved[0](kind, value, tb)
            return
        log.log(logging.ERROR, "unexpected error on the GUI thread", exc_info=(kind, value, tb))
        self._tell(value)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        exc_info = (args.exc_type, args.exc_value, args.exc_traceback)
        log.log(logging.ERROR, "unexpected error in thread %s", name, exc_info=exc_info)
        if args.exc_value is not None:
            self._tell(args.exc_value)

    def _tell(self, exc: BaseException) -> None:
        from ui.common.error_sentence import error_sentence

        if shiboken6.isValid(self):
            self.occurred.emit(error_sentence(exc))

    def _show(self, text: str) -> None:
        if shiboken6.isValid(self.window):
            self.window.statusBar().showMessage(text, 30_000)


def start_logging(args: Any) -> Path | None:
    """The window's log, in the data folder (after the first paint: finding the folder costs ~10 ms)."""
    from app import paths
    from app.log import configure_logging

    try:
        folder = paths.data_dir(getattr(args, "data_dir", None))
    except OSError:
        return None  # the desk will say why when it fails to open its database there
    return configure_logging(folder, console=True)


def run_gui(args: Any) -> int:
    """Open the desk window; `args` holds the global options (app.cli.window_args or the full parser)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("CPC Desk")
    app.setOrganizationName("CPC Desk")
    load_style(app)
    held = install_desk_language(settings_folder(args))
    window = MainWindow()
    errors = UnexpectedErrors(window)
    if os.environ.get("CPC_DESK_STARTUP_PROBE"):
        StartupProbe(window)
    window.show()
    starter = DeskStarter(window, args)

    # Open the database only once the home window is on screen, so nothing competes with the first paint.
    def open_log() -> None:
        start_logging(args)
        held.replay()  # what choosing the language logged before the log file was open

    window.first_painted.connect(open_log)
    window.first_painted.connect(starter.start)
    try:
        return app.exec()
    finally:
        from app.log import stop_logging
        from ui.common import workers

        workers.wait_all(10_000)
        starter.stop()
        errors.uninstall()
        stop_logging()
