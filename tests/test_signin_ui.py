"""Sign-in at start, the first administrator, demo mode, and the inactivity lock, driven through the UI."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.access.staff import Actor, create_first_admin, create_staff_user
from app.desk import Desk
from app.store.models import AuditEvent, StaffRole
from ui.admin.signin import FirstAdminDialog, SignInDialog, sign_in_flow
from ui.shell.main_window import MainWindow


def _window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _kinds(desk: Desk) -> list[str]:
    with desk.db.read() as s:
        return list(s.execute(select(AuditEvent.kind).order_by(AuditEvent.id)).scalars())


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_first_start_creates_the_administrator(qtbot: QtBot, desk: Desk) -> None:
    window = _window(qtbot)
    signed: list[Actor] = []
    flow = sign_in_flow(desk, window, signed.append, lock_timeout_ms=60_000)
    dialog = flow.dialog
    assert isinstance(dialog, FirstAdminDialog) and dialog.isVisible()
    _type(qtbot, dialog.display_name, "Pat Admin")
    _type(qtbot, dialog.password, "a long secret")
    _type(qtbot, dialog.repeat, "a long secreT")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.error.text() and dialog.error.isVisible()
    _type(qtbot, dialog.password, "short")
    _type(qtbot, dialog.repeat, "short")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "at least 8" in dialog.error.text())
    assert signed == []
    _type(qtbot, dialog.password, "a long secret")
    _type(qtbot, dialog.repeat, "a long secret")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed))
    assert signed == [Actor("admin", StaffRole.ADMIN, "Pat Admin")]
    assert desk.actor == signed[0]
    assert not dialog.isVisible()
    assert _kinds(desk) == ["staff.first_admin", "signin"]
    assert flow.lock is not None and not flow.lock.locked
    flow.lock.stop()


def test_sign_in_with_wrong_then_right_password(qtbot: QtBot, desk: Desk) -> None:
    boss = create_first_admin(desk, "boss", "Bea Boss", "boss-password")
    create_staff_user(desk, boss, "kim", "Kim Clerk", StaffRole.CLERK, "kims-password")
    window = _window(qtbot)
    signed: list[Actor] = []
    flow = sign_in_flow(desk, window, signed.append, lock_timeout_ms=60_000)
    dialog = flow.dialog
    assert isinstance(dialog, SignInDialog)
    assert desk.db.location in [w.text().split(": ", 1)[-1] for w in dialog.findChildren(type(dialog.error))]
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Enter your username."
    _type(qtbot, dialog.username, "kim")
    _type(qtbot, dialog.password, "guess-one")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text().startswith("Wrong username or password"))
    assert dialog.password.text() == "" and signed == []
    _type(qtbot, dialog.password, "kims-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(signed))
    assert signed[0].username == "kim" and signed[0].role == StaffRole.CLERK
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _kinds(desk)[-2:] == ["signin.failed", "signin"]
    assert flow.lock is not None
    flow.lock.stop()


def test_five_wrong_passwords_in_the_dialog_lock_the_account(qtbot: QtBot, desk: Desk) -> None:
    create_first_admin(desk, "boss", "Bea Boss", "boss-password")
    window = _window(qtbot)
    signed: list[Actor] = []
    flow = sign_in_flow(desk, window, signed.append)
    dialog = flow.dialog
    assert isinstance(dialog, SignInDialog)
    _type(qtbot, dialog.username, "boss")
    for attempt in range(5):
        _type(qtbot, dialog.password, f"wrong-{attempt}")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled() and dialog.error.isVisible())
        assert dialog.sign_in_button.isEnabled()
    assert "locked" in dialog.error.text()
    _type(qtbot, dialog.password, "boss-password")
    dialog.error.clear()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "locked" in dialog.error.text())
    assert signed == []


def test_quit_closes_the_window(qtbot: QtBot, desk: Desk) -> None:
    create_first_admin(desk, "boss", "Bea Boss", "boss-password")
    window = _window(qtbot)
    cancelled: list[bool] = []
    flow = sign_in_flow(desk, window, lambda a: None, on_cancelled=lambda: cancelled.append(True))
    assert isinstance(flow.dialog, SignInDialog)
    qtbot.mouseClick(flow.dialog.quit_button, Qt.MouseButton.LeftButton)
    assert cancelled == [True]


def test_demo_mode_signs_in_as_the_clerk(qtbot: QtBot, desk: Desk) -> None:
    window = _window(qtbot)
    signed: list[Actor] = []
    flow = sign_in_flow(desk, window, signed.append, demo=True, lock_timeout_ms=60_000)
    qtbot.waitUntil(lambda: bool(signed))
    assert signed[0] == Actor("clerk", StaffRole.CLERK, "Demo Clerk")
    assert flow.dialog is None
    assert flow.lock is not None
    flow.lock.stop()


def test_inactivity_locks_the_window_until_the_password_is_given(qtbot: QtBot, desk: Desk) -> None:
    boss = create_first_admin(desk, "boss", "Bea Boss", "boss-password")
    create_staff_user(desk, boss, "kim", "Kim Clerk", StaffRole.CLERK, "kims-password")
    window = _window(qtbot)
    window.attach_desk(desk)
    signed: list[Actor] = []
    flow = sign_in_flow(desk, window, signed.append, lock_timeout_ms=300)
    dialog = flow.dialog
    assert isinstance(dialog, SignInDialog)
    _type(qtbot, dialog.username, "kim")
    _type(qtbot, dialog.password, "kims-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(signed))
    lock = flow.lock
    assert lock is not None
    overlay = lock.overlay
    # activity keeps it open: input every 100 ms for 0.8 s (well past the 300 ms idle limit)
    for i in range(8):
        qtbot.mouseMove(window.home, QPoint(10 + i, 10 + i))
        qtbot.keyClick(window.home.tiles[0], Qt.Key.Key_Shift)
        qtbot.wait(100)
        assert not lock.locked
    # then nobody touches it
    qtbot.waitUntil(lambda: lock.locked and overlay.isVisible(), timeout=3000)
    assert overlay.geometry() == window.rect()
    assert "Kim Clerk" in overlay.who.text()
    window.grab().save("/tmp/sec/locked.png")
    # the desk underneath takes no input while locked
    tile = window.home.tiles[0]
    opened: list[str] = []
    window.home.activated.connect(opened.append)
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert opened == []
    # a wrong password keeps it locked
    _type(qtbot, overlay.password, "not-it")
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong" in overlay.error.text())
    assert lock.locked
    _type(qtbot, overlay.password, "kims-password")
    qtbot.mouseClick(overlay.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not lock.locked)
    assert not overlay.isVisible()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert opened == ["about"]
    assert _kinds(desk)[-3:] == ["signin", "signin.failed", "signin"]
    # and the idle count starts again
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    lock.stop()


def test_someone_else_signs_in_at_a_locked_desk(qtbot: QtBot, desk: Desk) -> None:
    boss = create_first_admin(desk, "boss", "Bea Boss", "boss-password")
    create_staff_user(desk, boss, "kim", "Kim Clerk", StaffRole.CLERK, "kims-password")
    window = _window(qtbot)
    signed: list[Actor] = []
    flow = sign_in_flow(desk, window, signed.append, lock_timeout_ms=200)
    dialog = flow.dialog
    assert isinstance(dialog, SignInDialog)
    _type(qtbot, dialog.username, "kim")
    _type(qtbot, dialog.password, "kims-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(signed))
    lock = flow.lock
    assert lock is not None
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert lock.overlay.switch_button.isVisible()
    qtbot.mouseClick(lock.overlay.switch_button, Qt.MouseButton.LeftButton)
    other = flow.dialog
    assert isinstance(other, SignInDialog) and other is not dialog and other.isVisible()
    _type(qtbot, other.username, "boss")
    _type(qtbot, other.password, "boss-password")
    qtbot.mouseClick(other.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(signed) == 2)
    assert signed[1].username == "boss" and desk.actor.role == StaffRole.ADMIN
    assert not lock.locked and not lock.overlay.isVisible()
    lock.stop()


def test_change_my_password(qtbot: QtBot, desk: Desk) -> None:
    from app.access.staff import sign_in
    from ui.admin.signin import open_change_password
    from ui.common import messages

    boss = create_first_admin(desk, "boss", "Bea Boss", "boss-password")
    create_staff_user(desk, boss, "kim", "Kim Clerk", StaffRole.CLERK, "kims-password")
    desk.actor = sign_in(desk, "kim", "kims-password")
    window = _window(qtbot)
    dialog = open_change_password(desk, window)
    _type(qtbot, dialog.current, "not-my-password")
    _type(qtbot, dialog.new, "brand-new-password")
    _type(qtbot, dialog.repeat, "brand-new-password")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "current password" in dialog.error.text())
    _type(qtbot, dialog.current, "kims-password")
    _type(qtbot, dialog.repeat, "brand-new-passwort")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.error.text()
    _type(qtbot, dialog.repeat, "brand-new-password")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: messages.shown[-1:] == [("info", "Password changed", "Your password has been changed.")]
    )
    assert sign_in(desk, "kim", "brand-new-password").username == "kim"


def test_demo_mode_on_a_database_with_real_staff_asks_who_is_working(qtbot: QtBot, desk: Desk) -> None:
    create_first_admin(desk, "boss", "Bea Boss", "boss-password")
    window = _window(qtbot)
    signed: list[Actor] = []
    flow = sign_in_flow(desk, window, signed.append, demo=True)
    qtbot.waitUntil(lambda: isinstance(flow.dialog, SignInDialog))
    assert isinstance(flow.dialog, SignInDialog)
    assert "demo sign-in is off" in flow.dialog.error.text()
    assert signed == []
