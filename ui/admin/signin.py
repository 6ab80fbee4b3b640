"""Who is at the desk: the sign-in dialog, the first-start "create the administrator" dialog, and the
inactivity lock that asks for the password again after `session.lock_minutes` without input.

The main window calls `sign_in_flow(desk, window, on_signed_in)` once the database is open. Nothing here
blocks: dialogs open with open(), password checks (argon2) run on the worker pool.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.access.permissions import NOBODY
from app.access.staff import (
    Actor,
    change_password,
    create_first_admin,
    ensure_demo_users,
    needs_first_admin,
    sign_in,
    sign_out,
)
from app.desk import Desk
from app.errors import CpcDeskError
from app.i18n import translate
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.common.field_errors import field_errors


def _error_label() -> QLabel:
    label = QLabel("")
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setAccessibleName(translate("SignIn", "Problem"))
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class SignInDialog(QDialog):
    """Username and password; `signed_in(actor)` is called once they are right."""

    def __init__(self, desk: Desk, on_signed_in: Callable[[Actor], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self._on_signed_in = on_signed_in
        self.setObjectName("signInDialog")
        self.setWindowTitle(translate("SignIn", "Sign in to CPC Desk"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        heading = QLabel(translate("SignIn", "Who is working at this desk?"))
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        where = QLabel(translate("SignIn", "Database: {0}").format(desk.db.location))
        where.setObjectName("hint")
        where.setWordWrap(True)
        layout.addWidget(where)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(64)
        self.username.setAccessibleName(translate("SignIn", "Username"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(1024)
        self.password.setAccessibleName(translate("SignIn", "Password"))
        form.addRow(translate("SignIn", "&Username:"), self.username)
        form.addRow(translate("SignIn", "&Password:"), self.password)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(
            translate("SignIn", "&Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.quit_button = buttons.addButton(
            translate("SignIn", "&Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.sign_in_button.clicked.connect(self.try_sign_in)
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.username.setFocus()
        self.setMinimumWidth(420)

    def try_sign_in(self) -> None:
        username, password = self.username.text(), self.password.text()
        if not username.strip():
            _show_error(self.error, translate("SignIn", "Enter your username."))
            self.username.setFocus()
            return
        if not password:
            _show_error(self.error, translate("SignIn", "Enter your password."))
            self.password.setFocus()
            return
        self._busy(True)
        desk = self.desk
        workers.start(
            lambda _p, _c: sign_in(desk, username, password), on_finished=self._done, on_failed=self._failed
        )

    def _busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(
            translate("SignIn", "Checking…") if busy else translate("SignIn", "&Sign in")
        )

    def _done(self, actor: Actor) -> None:
        self._busy(False)
        self.password.clear()
        self.accept()
        self._on_signed_in(actor)

    def _failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self._busy(False)
        self.password.clear()
        self.password.setFocus()
        _show_error(self.error, message)


class FirstAdminDialog(QDialog):
    """A new database: the person at the desk creates the administrator account and its password."""

    def __init__(self, desk: Desk, on_signed_in: Callable[[Actor], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self._on_signed_in = on_signed_in
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(translate("SignIn", "Create the administrator"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "SignIn",
                "This database has no staff accounts yet. Create the administrator: the account that "
                "adds the other staff and changes settings. Choose a password only you know.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        where = QLabel(translate("SignIn", "Database: {0}").format(desk.db.location))
        where.setObjectName("hint")
        where.setWordWrap(True)
        layout.addWidget(where)
        form = QFormLayout()
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.username.setMaxLength(64)
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.display_name.setMaxLength(200)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassword")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        for widget, name in (
            (self.username, translate("SignIn", "Username")),
            (self.display_name, translate("SignIn", "Your name")),
            (self.password, translate("SignIn", "Password")),
            (self.repeat, translate("SignIn", "Password again")),
        ):
            widget.setAccessibleName(name)
        form.addRow(translate("SignIn", "&Username:"), self.username)
        form.addRow(translate("SignIn", "Your &name:"), self.display_name)
        form.addRow(translate("SignIn", "&Password:"), self.password)
        form.addRow(translate("SignIn", "Password &again:"), self.repeat)
        layout.addLayout(form)
        hint = QLabel(
            translate(
                "SignIn", "At least 8 characters; a short sentence is easy to remember and hard to guess."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            translate("SignIn", "&Create and sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        quit_button = buttons.addButton(translate("SignIn", "&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self.try_create)
        quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.display_name.setFocus()
        self.setMinimumWidth(460)

    def try_create(self) -> None:
        if self.password.text() != self.repeat.text():
            _show_error(self.error, translate("SignIn", "The two passwords are not the same."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        desk = self.desk
        username, name, password = self.username.text(), self.display_name.text(), self.password.text()
        self.create_button.setEnabled(False)
        workers.start(
            lambda _p, _c: create_first_admin(desk, username, name, password),
            on_finished=self._done,
            on_failed=self._failed,
        )

    def _done(self, actor: Actor) -> None:
        self.create_button.setEnabled(True)
        self.accept()
        self._on_signed_in(actor)

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        _show_error(self.error, error_sentence(exc))
        named = field_errors(exc)
        field = named[0].field if named else ""
        target = {"username": self.username, "display name": self.display_name}.get(field, self.password)
        target.setFocus()


class LockOverlay(QFrame):
    """Covers the window while the session is locked; only the password brings the desk back."""

    def __init__(self, lock: "InactivityLock", parent: QWidget) -> None:
        super().__init__(parent)
        self.lock = lock
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#lockOverlay { background: #20303f; } #lockOverlay QLabel { color: white; }"
            " #lockCard { background: #2c4257; border-radius: 8px; }"
        )
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setMinimumWidth(400)
        card.setMaximumWidth(480)
        box = QVBoxLayout(card)
        box.setContentsMargins(28, 24, 28, 24)
        box.setSpacing(12)
        title = QLabel(translate("SignIn", "Session locked"))
        title.setObjectName("dialogHeading")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.who = QLabel("")
        self.who.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("SignIn", "Password"))
        self.password.setPlaceholderText(translate("SignIn", "Password"))
        self.password.returnPressed.connect(self.try_unlock)
        self.error = _error_label()
        self.error.setStyleSheet("color: #ffb4b4;")
        self.unlock_button = QPushButton(translate("SignIn", "&Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button = QPushButton(translate("SignIn", "Sign in as &someone else"))
        self.switch_button.setObjectName("switchButton")
        self.switch_button.setVisible(lock.on_switch is not None)
        if lock.on_switch is not None:
            self.switch_button.clicked.connect(lock.on_switch)
        self.quit_button = QPushButton(translate("SignIn", "&Quit CPC Desk"))
        self.quit_button.setObjectName("quitButton")
        self.quit_button.clicked.connect(lambda: lock.window.close())
        for w in (
            title,
            self.who,
            self.password,
            self.error,
            self.unlock_button,
            self.switch_button,
            self.quit_button,
        ):
            box.addWidget(w)
        # Centred by stretches, not by an alignment flag: a widget placed with an alignment is not given
        # the height its wrapped text needs at its width (a longer French line was cut).
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.hide()

    def try_unlock(self) -> None:
        password = self.password.text()
        if not password:
            _show_error(self.error, translate("SignIn", "Enter your password."))
            return
        self.unlock_button.setEnabled(False)
        desk, username = self.lock.desk, self.lock.desk.actor.username
        workers.start(
            lambda _p, _c: sign_in(desk, username, password),
            on_finished=self._done,
            on_failed=self._failed,
        )

    def _done(self, actor: Actor) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        _show_error(self.error, "")
        self.lock.unlock(actor)

    def _failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        _show_error(self.error, message)


_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
_INPUT = _ACTIVITY | {
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.Shortcut,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.ContextMenu,
}


class InactivityLock(QObject):
    """Watches every input event of the application; after `timeout_ms` without one, locks the window.

    While locked, input to anything but the lock overlay is swallowed and other windows are hidden.
    """

    def __init__(
        self,
        desk: Desk,
        window: QWidget,
        timeout_ms: int | None = None,
        on_switch: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.desk = desk
        self.window = window
        self.locked = False
        self.on_switch = on_switch
        # Windows that take input while locked (the "someone else" sign-in dialog).
        self.allowed: list[QWidget] = []
        if timeout_ms is None:
            timeout_ms = int(desk.settings.get("session.lock_minutes")) * 60_000
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.lock)
        self.overlay = LockOverlay(self, window)
        self._hidden: list[QWidget] = []
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Resize and self.locked:
            self.overlay.setGeometry(self.window.rect())
        if kind not in _INPUT:
            return False
        if not self.locked:
            if kind in _ACTIVITY and self.desk.actor.signed_in:
                self.timer.start()  # restart the idle count (nobody signed in: nothing to lock)
            return False
        # Locked: let input reach the overlay only. Events to a QWindow pass; its widget is checked next.
        if isinstance(watched, QWidget):
            if watched is self.overlay or self.overlay.isAncestorOf(watched):
                return False
            return watched.window() not in self.allowed
        return False

    def lock(self) -> None:
        if self.locked or not self.desk.actor.signed_in:
            return
        self.locked = True
        self.timer.stop()
        actor = self.desk.actor
        self.overlay.who.setText(
            translate("SignIn", "{0} is signed in. Enter the password to continue.").format(
                actor.display_name or actor.username
            )
        )
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible() and not widget.inherits("QMenu"):
                widget.hide()
                self._hidden.append(widget)
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password.setFocus()

    def unlock(self, actor: Actor) -> None:
        self.locked = False
        self.overlay.hide()
        self.desk.actor = actor  # role changes made meanwhile by an administrator take effect now
        for widget in self._hidden:
            widget.show()
        self._hidden.clear()
        self.timer.start()


class SignInFlow(QObject):
    """Runs the start-up sign-in (or first-admin) dialog, then keeps the inactivity lock."""

    def __init__(
        self,
        desk: Desk,
        window: QWidget,
        on_signed_in: Callable[[Actor], None],
        on_cancelled: Callable[[], None] | None = None,
        lock_timeout_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self.desk = desk
        self.window = window
        self._on_signed_in = on_signed_in
        self._on_cancelled = on_cancelled or window.close
        self._on_signed_out: Callable[[], None] | None = None
        self._lock_timeout_ms = lock_timeout_ms
        self.dialog: QDialog | None = None
        self.lock: InactivityLock | None = None

    def start(self, demo: bool = False) -> None:
        if demo:
            workers.start(
                lambda _p, _c: ensure_demo_users(self.desk), on_finished=self._signed_in, on_failed=self._ask
            )
            return
        try:
            first = needs_first_admin(self.desk)
        except CpcDeskError as exc:
            messages.error(self.window, translate("SignIn", "Cannot sign in"), str(exc))
            return
        if first:
            self.dialog = FirstAdminDialog(self.desk, self._signed_in, self.window)
        else:
            self.dialog = SignInDialog(self.desk, self._signed_in, self.window)
        self.dialog.rejected.connect(self._on_cancelled)
        self.dialog.open()

    def _ask(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        # Demo sign-in failed (the demo clerk was deactivated): fall back to asking.
        self.start(demo=False)
        if isinstance(self.dialog, SignInDialog):
            _show_error(self.dialog.error, message)

    def _signed_in(self, actor: Actor) -> None:
        self.desk.actor = actor
        self._on_signed_in(actor)
        # the signing key's PIN or passphrase, when it needs one this session lacks (kept in memory only)
        from ui.admin.signing_pin import ask_signing_pin_if_needed

        self.pin_dialog = ask_signing_pin_if_needed(self.desk, self.window)
        if self.lock is None:
            self.lock = InactivityLock(self.desk, self.window, self._lock_timeout_ms, self.switch_user)
        else:
            self.lock.timer.start()

    def sign_out(self) -> None:
        """The user menu's Sign out: recorded, nobody at the desk, the window cleared (by
        `on_signed_out`), then the sign-in dialog for whoever comes next (Quit there closes the app)."""
        try:
            sign_out(self.desk, self.desk.actor)
        except CpcDeskError as exc:  # the record could not be written: still nobody is at the desk
            self.desk.actor = NOBODY
            messages.error(self.window, translate("SignIn", "Sign out"), error_sentence(exc))
        if self.lock is not None:
            self.lock.timer.stop()
        if self._on_signed_out is not None:
            self._on_signed_out()
        self.dialog = SignInDialog(self.desk, self._signed_in, self.window)
        self.dialog.setWindowTitle(translate("SignIn", "Signed out: who is working?"))
        self.dialog.rejected.connect(self._on_cancelled)
        self.dialog.open()

    def switch_now(self) -> None:
        """The user menu's Switch user: the window locks at once (nothing of this user's work shows), and
        someone else signs in; cancelling leaves it locked for this user's password."""
        if self.lock is not None:
            self.lock.lock()
        self.switch_user()

    def switch_user(self) -> None:
        """Another staff member takes over this desk (from the lock, or a "Switch user" action)."""
        dialog = SignInDialog(self.desk, self._switched, self.window)
        dialog.setWindowTitle(translate("SignIn", "Sign in as someone else"))
        if self.lock is not None:
            self.lock.allowed.append(dialog)
            dialog.finished.connect(lambda _r: self.lock.allowed.remove(dialog) if self.lock else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog = dialog
        dialog.open()

    def _switched(self, actor: Actor) -> None:
        if self.desk.actor.username != actor.username:
            sign_out(self.desk, self.desk.actor)  # the previous user's session ends in the trail too
        self.desk.actor = actor
        if self.lock is not None and self.lock.locked:
            self.lock.unlock(actor)
        self._on_signed_in(actor)


def sign_in_flow(
    desk: Desk,
    parent: QWidget,
    on_signed_in: Callable[[Actor], None],
    *,
    demo: bool = False,
    on_cancelled: Callable[[], None] | None = None,
    lock_timeout_ms: int | None = None,
    on_signed_out: Callable[[], None] | None = None,
) -> SignInFlow:
    """Ask who is working (or create the first administrator), call `on_signed_in(actor)`, then lock the
    window after `session.lock_minutes` without input. Demo mode signs in as the demo clerk at once.

    Never blocks; Quit in a dialog calls `on_cancelled` (default: close `parent`). `flow.sign_out()` and
    `flow.switch_now()` are the user menu's Sign out and Switch user; `on_signed_out` clears the window.
    """
    flow = SignInFlow(desk, parent, on_signed_in, on_cancelled, lock_timeout_ms)
    flow._on_signed_out = on_signed_out
    flow.start(demo=demo)
    return flow


class ChangePasswordDialog(QDialog):
    """The signed-in staff member changes their own password (the current one is asked first)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(translate("SignIn", "Change my password"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for edit, name, label in (
            (self.current, "currentPassword", translate("SignIn", "&Current password:")),
            (self.new, "newPassword", translate("SignIn", "&New password:")),
            (self.repeat, "repeatPassword", translate("SignIn", "New password &again:")),
        ):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, edit)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            translate("SignIn", "&Change password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        if self.new.text() != self.repeat.text():
            _show_error(self.error, translate("SignIn", "The two new passwords are not the same."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        desk, actor = self.desk, self.desk.actor
        current, new = self.current.text(), self.new.text()
        self.save_button.setEnabled(False)
        workers.start(
            lambda _p, _c: change_password(desk, actor, actor.username, new, current_password=current),
            on_finished=self._done,
            on_failed=self._failed,
        )

    def _done(self, _result: object) -> None:
        self.save_button.setEnabled(True)
        messages.info(
            self.parentWidget(),
            translate("SignIn", "Password changed"),
            translate("SignIn", "Your password has been changed."),
        )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self.save_button.setEnabled(True)
        _show_error(self.error, message)


def open_change_password(desk: Desk, parent: QWidget | None = None) -> ChangePasswordDialog:
    """Open the "change my password" dialog (non-blocking)."""
    dialog = ChangePasswordDialog(desk, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
