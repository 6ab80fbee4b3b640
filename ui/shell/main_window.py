"""The desk window: the tile home page, the screens opened from it, and the status bar.

The window is built and shown before the database is opened (so it paints at once); `attach_desk`
is called when the desk is ready. Screens are created on first use from ui/shell/screens.py.
"""

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate, translate_marked
from ui.common.eliding_label import ElidingLabel
from ui.common.error_sentence import error_sentence
from ui.shell.home import HomePage, portal_tiles
from ui.shell.placeholder import PlaceholderScreen
from ui.shell.screens import SCREENS

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from app.desk import Desk
    from app.mail.status import EarlyStatus
    from ui.shell.context import UiContext


def role_name(role: str) -> str:
    """A staff role as the window names it ("registrar"), in the desk's language."""
    names = {
        "clerk": translate("MainWindow", "clerk"),
        "registrar": translate("MainWindow", "registrar"),
        "admin": translate("MainWindow", "admin"),
    }
    return names.get(role, role)


class MainWindow(QMainWindow):
    desk_ready = Signal()
    # Emitted once, when the status bar first shows the desk's counts: the desk is ready for work.
    status_shown = Signal()
    # Emitted once, after the home page has been painted: slow start-up work waits for it.
    first_painted = Signal()
    # The user menu's Sign out and Switch user: the sign-in flow (ui.admin.signin) acts on them.
    sign_out_requested = Signal()
    switch_user_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(translate("MainWindow", "CPC Desk"))
        self.resize(1180, 720)  # fits a 1366x768 laptop with its task bar
        self.ctx: UiContext | None = None
        self._pending: list[Callable[[], None]] = []
        self._wizard: QWidget | None = None

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        header = QWidget()
        header.setObjectName("header")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(18, 10, 18, 10)
        self.back_button = QPushButton(translate("MainWindow", "&Home"))
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(translate("MainWindow", "Back to the home tiles (Alt+Home)"))
        self.back_button.clicked.connect(self.go_home)
        self.back_button.hide()
        self.title_label = QLabel(translate("MainWindow", "CPC Desk"))
        self.title_label.setObjectName("headerTitle")
        # The signed-in user, with a menu: change my password, work offline for this session, switch user,
        # sign out, quit.
        self.user_label = QToolButton()
        self.user_label.setObjectName("headerUser")
        self.user_label.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.user_label.setAccessibleName(translate("MainWindow", "Signed-in user menu"))
        user_menu = QMenu(self.user_label)
        self.password_action = user_menu.addAction(
            translate("MainWindow", "Change my &password…"), self._change_password
        )
        self.offline_action = user_menu.addAction(translate("MainWindow", "Work &offline (this session)"))
        self.offline_action.setCheckable(True)
        self.offline_action.toggled.connect(self._set_offline)
        user_menu.addSeparator()
        self.switch_user_action = user_menu.addAction(
            translate("MainWindow", "&Switch user…"), lambda: self._change_hands(self.switch_user_requested)
        )
        self.sign_out_action = user_menu.addAction(
            translate("MainWindow", "Sign o&ut"), lambda: self._change_hands(self.sign_out_requested)
        )
        user_menu.addSeparator()
        # Ctrl+Q everywhere (the standard Quit key is empty on Windows), from any screen of the window.
        self.quit_action = QAction(translate("MainWindow", "&Quit CPC Desk"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.quit_action.triggered.connect(self.close)
        self.addAction(self.quit_action)
        user_menu.addAction(self.quit_action)
        self.user_menu = user_menu
        self.user_label.setMenu(user_menu)
        self.user_label.hide()  # until someone is signed in
        hl.addWidget(self.back_button)
        hl.addWidget(self.title_label, 1)
        hl.addWidget(self.user_label)
        outer.addWidget(header)
        # A notice that must be read whole (no secure password store, say): a status bar message is cut
        # to the width its permanent fields leave, so it is shown here, wrapped, until dismissed.
        self.notice_bar = QWidget()
        self.notice_bar.setObjectName("noticeBar")
        self.notice_bar.setStyleSheet("#noticeBar { background: #fff4ce; border-bottom: 1px solid #e0c36a; }")
        nl = QHBoxLayout(self.notice_bar)
        nl.setContentsMargins(18, 6, 18, 6)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dismiss = QPushButton(translate("MainWindow", "&Dismiss"))
        dismiss.setAutoDefault(False)
        dismiss.clicked.connect(self.notice_bar.hide)
        nl.addWidget(self.notice_label, 1)
        nl.addWidget(dismiss)
        self.notice_bar.hide()
        outer.addWidget(self.notice_bar)

        self.stack = QStackedWidget()
        self.home = HomePage()
        self.home.activated.connect(self._tile_chosen)
        self._last_tile = ""  # the home gives this tile focus again when it is shown
        self.stack.addWidget(self.home)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.screens: dict[str, QWidget] = {}

        home_action = QAction(self)
        home_action.setShortcuts([QKeySequence("Alt+Home"), QKeySequence(QKeySequence.StandardKey.Back)])
        home_action.triggered.connect(self.go_home)
        self.addAction(home_action)

        status = QStatusBar()
        # A long database path must not hold the window wider than the screen: cut in the middle.
        self.db_label = ElidingLabel(translate("MainWindow", "Opening the database…"))
        self.outbox_label = QLabel("")
        self.mode_label = QLabel("")
        for w in (self.db_label, self.outbox_label, self.mode_label):
            w.setObjectName("statusField")
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.outbox_label)
        status.addPermanentWidget(self.mode_label)
        self.setStatusBar(status)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(15_000)
        self._refresh_timer.timeout.connect(self.refresh_status)
        self._painted = False
        self._status_shown = False
        self._counts_asked = 0
        self.home.grid.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and watched is self.home.grid and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.home.grid.removeEventFilter(self)
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)

    # --- desk -----------------------------------------------------------------------------------

    def attach_desk(self, desk: "Desk") -> None:
        from ui.shell.context import UiContext

        if self.ctx is not None and self.ctx.desk is desk:
            # Another staff member signed in at this window (after the inactivity lock): screens built
            # for the previous user's role are dropped and the tiles follow the new role.
            self.go_home()
            for widget in self.screens.values():
                self.stack.removeWidget(widget)
                widget.deleteLater()
            self.screens.clear()
            self.apply_role()
            return
        self.ctx = UiContext(desk, self)
        self.ctx.data_changed.connect(self.refresh_status)
        # A bound method, not a lambda: Qt drops the connection when the window goes.
        self.ctx.status_message.connect(self._show_status_message)
        self.db_label.setText(translate("MainWindow", "Database: {0}").format(desk.db.location))
        self.apply_role()
        self.refresh_status()
        self._refresh_timer.start()
        self.desk_ready.emit()
        pending, self._pending = self._pending, []
        for action in pending:
            action()

    def show_notice(self, text: str) -> None:
        """A notice shown whole, above the screens, until the person dismisses it."""
        self.notice_label.setText(text)
        self.notice_bar.show()

    def clear_user(self) -> None:
        """Signed out: nothing of the previous user stays on screen (their screens, wizard, dialogs,
        search results, name and tiles); the next sign-in builds every screen afresh."""
        if self._wizard is not None:
            wizard, self._wizard = self._wizard, None
            if isinstance(wizard, QDialog):
                wizard.done(QDialog.DialogCode.Rejected)  # discarded unasked: the next person must not see it
            wizard.deleteLater()
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible() or widget.inherits("QMenu"):
                continue
            if isinstance(widget, QDialog):
                widget.done(QDialog.DialogCode.Rejected)
            widget.hide()
        self.go_home()
        for widget in self.screens.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.screens.clear()
        self.home.grid.show_only(set())
        self.user_label.setText("")
        self.user_label.hide()
        self.statusBar().clearMessage()

    def _change_hands(self, signal: Any) -> None:
        """Sign out / Switch user, unless a request is being submitted (its result must be seen)."""
        if self._wizard is not None and getattr(self._wizard, "submitting", False):
            from ui.common import messages

            messages.info(
                self,
                translate("MainWindow", "A request is being submitted"),
                translate(
                    "MainWindow",
                    "Wait until the request is submitted and its result is shown, then sign out.",
                ),
            )
            return
        signal.emit()

    def _show_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def apply_role(self) -> None:
        """Show the signed-in user and only the tiles their role may use (the services enforce it too)."""
        assert self.ctx is not None
        desk = self.ctx.desk
        actor = desk.actor
        self.user_label.show()
        self.offline_action.setChecked(desk.offline)
        self.user_label.setText(
            translate("MainWindow", "Signed in: {0} ({1})").format(
                actor.display_name or actor.username, role_name(actor.role.value)
            )
        )
        demo_mail = bool(desk.settings.get("mail.demo_server"))
        keys = {
            t.key
            for t in portal_tiles()
            if (not t.permission or actor.can(t.permission)) and (demo_mail or not t.demo_only)
        }
        self.home.grid.show_only(keys)
        state = self._window_state()
        if not self._last_tile and state is not None:  # the tile used last time the desk was open
            self._last_tile = str(state.value("home/last_tile", "") or "")
        self.focus_home_tile()
        for key in list(self.screens):
            if key not in keys and key in {t.key for t in portal_tiles()}:
                self.stack.removeWidget(self.screens.pop(key))

    def _change_password(self) -> None:
        if self.ctx is not None:
            from ui.admin.signin import open_change_password

            open_change_password(self.ctx.desk, self)

    def _set_offline(self, offline: bool) -> None:
        """Queue everything, send nothing, until unticked or the app restarts (the setting is permanent)."""
        if self.ctx is not None:
            self.ctx.desk.offline = offline
            self.ctx.data_changed.emit()
            self.refresh_status()

    def refresh_status(self) -> None:
        """Count the outbox off the GUI thread, then show it."""
        if self.ctx is None:
            return
        desk = self.ctx.desk

        def count(_progress: Any, _cancelled: Any) -> tuple[int, bool, int]:
            from app.access.permissions import Permission
            from app.mail.status import count_awaiting_review, count_waiting

            review = count_awaiting_review(desk, desk.actor) if desk.actor.can(Permission.REVIEW) else -1
            return count_waiting(desk), desk.is_offline, review

        from ui.common import workers  # imported on first use: nothing before the first paint needs it

        # Counts asked for one after the other may come back in another order: only the last one is shown
        # (an earlier count, taken before "Work offline" was ticked, would say "online" again).
        self._counts_asked += 1
        asked = self._counts_asked

        def show(result: tuple[int, ...]) -> None:
            if asked == self._counts_asked:
                self._show_counts(result)

        def failed(exc: BaseException) -> None:
            if asked == self._counts_asked:
                self.outbox_label.setText(error_sentence(exc))

        workers.start(count, on_finished=show, on_failed=failed, owner=self)

    def show_early_status(self, early: "EarlyStatus") -> None:
        """The counts read before the desk is open (app.mail.status.early_status); attach_desk follows."""
        self.db_label.setText(translate("MainWindow", "Database: {0}").format(early.location))
        self._show_counts((early.status.outbox_waiting, early.status.offline))

    def _show_counts(self, result: tuple[int, ...]) -> None:
        waiting, offline = result[0], bool(result[1])
        if len(result) > 2 and result[2] >= 0:  # the Registrar Review tile says how many wait
            review = result[2]
            # The badge is terse ("2 waiting": the same words for any count, in English and French); its
            # tooltip says it in a sentence, whose words follow the count.
            self.home.tile("review").set_note(
                translate("MainWindow", "{0} waiting").format(review)
                if review
                else translate("MainWindow", "none waiting"),
                urgent=review > 0,
                sentence=translate("MainWindow", "%n request(s) await a registrar's decision.", None, review)
                if review
                else translate("MainWindow", "No request awaits a registrar's decision."),
            )
        self.outbox_label.setText(translate("MainWindow", "Outbox: {0} waiting").format(waiting))
        self.outbox_label.setToolTip(
            translate("MainWindow", "%n message(s) waiting to be sent.", None, waiting)
            if waiting
            else translate("MainWindow", "No message waiting to be sent.")
        )
        self.mode_label.setText(
            translate("MainWindow", "Mail: offline") if offline else translate("MainWindow", "Mail: online")
        )
        self.mode_label.setProperty("offline", offline)
        # status_shown means the desk is open and counted: the early counts alone do not say it.
        if self.ctx is not None and not self._status_shown:
            self._status_shown = True
            self.status_shown.emit()

    # --- navigation -----------------------------------------------------------------------------

    def _when_ready(self, action: Callable[[], None]) -> None:
        if self.ctx is not None:
            action()
        else:
            self.statusBar().showMessage(
                translate("MainWindow", "Still opening the database; this will open in a moment…"), 4000
            )
            self._pending.append(action)

    def open_screen(self, key: str, **kwargs: Any) -> None:
        self._when_ready(lambda: self._open_screen(key, **kwargs))

    def _open_screen(self, key: str, **kwargs: Any) -> None:
        assert self.ctx is not None
        tile = next((t for t in portal_tiles() if t.key == key), None)
        actor = self.ctx.desk.actor
        if tile is not None and tile.permission and not actor.can(tile.permission):
            from ui.common import messages

            messages.warn(
                self,
                translate("MainWindow", "Not available to your role"),
                translate(
                    "MainWindow", "{0} needs a role that allows it; you are signed in as {1} ({2})."
                ).format(tile.title, actor.username, role_name(actor.role.value)),
            )
            return
        spec = SCREENS.get(key)
        title = (
            translate_marked("Screens", spec.title)
            if spec
            else next((t.title for t in portal_tiles() if t.key == key), key)
        )
        widget = self.screens.get(key) if not kwargs else None
        if widget is None:
            if spec is None:
                widget = PlaceholderScreen(title, key)
            else:
                module_name, _, class_name = spec.target.partition(":")
                cls = getattr(importlib.import_module(module_name), class_name)
                widget = cls(self.ctx, **kwargs)
            if key in self.screens:
                old = self.screens.pop(key)
                self.stack.removeWidget(old)
                old.deleteLater()
            self.screens[key] = widget
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        self.title_label.setText(title)
        self.back_button.show()
        widget.setFocus()
        first = widget.focusProxy() or widget.nextInFocusChain()
        if first is not None and widget.isAncestorOf(first):
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def go_home(self) -> None:
        self.stack.setCurrentWidget(self.home)
        self.title_label.setText(translate("MainWindow", "CPC Desk"))
        self.back_button.hide()
        self.focus_home_tile()

    def _window_state(self) -> "QSettings | None":
        """This window's own state (not a setting of the desk): a small file in the data folder."""
        if self.ctx is None:
            return None
        from PySide6.QtCore import QSettings

        return QSettings(str(self.ctx.desk.data_dir / "window.ini"), QSettings.Format.IniFormat)

    def _tile_chosen(self, key: str) -> None:
        self._last_tile = key
        state = self._window_state()
        if state is not None:
            state.setValue("home/last_tile", key)
        self.open_screen(key)

    def focus_home_tile(self) -> None:
        """The last tile used (or the first), focused and drawn as focused from the start."""
        shown = self.home.grid.visible_tiles
        if not shown:
            return
        tile = next((t for t in shown if t.spec.key == self._last_tile), shown[0])
        tile.setFocus(Qt.FocusReason.OtherFocusReason)
        self.home.ensureWidgetVisible(tile)

    def start_cpc_request(self, member_id: int | None = None) -> None:
        def start() -> None:
            assert self.ctx is not None
            try:
                module = importlib.import_module("ui.request.wizard")
            except ImportError:
                self._open_screen("cpc_unavailable")
                return
            self._wizard = module.CpcWizard(self.ctx, member_id=member_id, parent=self)
            self._wizard.finished.connect(lambda _r: self.refresh_status())
            self._wizard.open()

        self._when_ready(start)
