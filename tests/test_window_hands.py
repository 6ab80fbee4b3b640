"""The window changes hands (issue 17 item 2): Sign out and Switch user in the user menu, Quit on Ctrl+Q
and in the menu; after signing out nothing of the previous user is on screen."""

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.store.models import AuditEvent
from ui.admin.signin import SignInDialog
from ui.common import workers
from ui.shell.application import DeskStarter
from ui.shell.main_window import MainWindow


@pytest.fixture
def signed_in_demo(qtbot: QtBot, data_dir: Path) -> Iterator[tuple[MainWindow, DeskStarter]]:
    """The window as run_gui opens it with --demo: the demo clerk signed in."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    starter = DeskStarter(window, argparse.Namespace(data_dir=str(data_dir), demo=True, offline=True))
    with qtbot.waitSignal(window.status_shown, timeout=30_000):
        starter.start()
    assert window.ctx is not None
    window.ctx.desk.settings.set("mail.demo_server", "false")
    yield window, starter
    workers.wait_all(10_000)
    starter.stop()


def _search(qtbot: QtBot, window: MainWindow, text: str) -> QWidget:
    window.open_screen("assistance")
    qtbot.waitUntil(lambda: "assistance" in window.screens, timeout=10_000)
    screen = window.screens["assistance"]
    box = screen.findChild(QLineEdit, "memberSearch")
    assert box is not None
    box.setText(text)
    table = screen.findChild(QAbstractItemView, "memberResults")
    assert table is not None
    qtbot.waitUntil(lambda: table.model() is not None and table.model().rowCount() > 0, timeout=10_000)
    return screen


def _texts_on_screen() -> str:
    """Every text a person could read in the visible windows: labels, fields, table cells, titles."""
    seen: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        seen.append(top.windowTitle())
        for label in top.findChildren(QLabel):
            if label.isVisible():
                seen.append(label.text())
        for field in top.findChildren(QLineEdit):
            if field.isVisible():
                seen.append(field.text())
        for view in top.findChildren(QAbstractItemView):
            model = view.model()
            if view.isVisible() and model is not None:
                for r in range(model.rowCount()):
                    for c in range(model.columnCount()):
                        seen.append(str(model.index(r, c).data() or ""))
    for widget in QApplication.allWidgets():
        if widget.isVisible() and hasattr(widget, "text") and callable(widget.text):
            try:
                seen.append(str(widget.text()))
            except TypeError:
                pass
    return "\n".join(seen)


def _audit_kinds(window: MainWindow) -> list[tuple[str, str]]:
    assert window.ctx is not None
    with window.ctx.desk.db.read() as s:
        return [(e.actor, e.kind) for e in s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()]


def test_sign_out_leaves_nothing_of_the_previous_user_on_screen(
    qtbot: QtBot, signed_in_demo: tuple[MainWindow, DeskStarter], tmp_path: Path
) -> None:
    window, starter = signed_in_demo
    assert window.ctx is not None
    desk = window.ctx.desk
    assert desk.actor.username == "clerk"
    _search(qtbot, window, "cote helene")
    before = _texts_on_screen()
    assert "Demo Clerk" in before and "Côté" in before  # the check below can see these when they show

    window.sign_out_action.trigger()
    flow = starter.flow
    qtbot.waitUntil(lambda: isinstance(flow.dialog, SignInDialog) and flow.dialog.isVisible(), timeout=5000)
    assert not desk.actor.signed_in
    assert window.screens == {} and window.stack.currentWidget() is window.home
    assert not window.user_label.isVisible()
    assert window.home.grid.visible_tiles == []
    after = _texts_on_screen()
    for leftover in ("Demo Clerk", "clerk", "Côté", "Hélène", "104211"):
        assert leftover not in after, f"{leftover!r} still on screen after signing out"
    assert window.grab().save(str(tmp_path / "signed-out.png"))  # looked at: an empty home, no name
    assert ("clerk", "signout") in _audit_kinds(window)
    with pytest.raises(Exception):  # noqa: B017 - nobody at the desk may do anything
        desk.actor.require("search")

    # the next person signs in: their role's tiles, their name, screens built afresh
    dialog = flow.dialog
    assert isinstance(dialog, SignInDialog)
    dialog.username.setText("registrar")
    dialog.password.setText("demo-registrar")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.actor.username == "registrar", timeout=10_000)
    qtbot.waitUntil(lambda: window.user_label.isVisible(), timeout=5000)
    assert "Demo Registrar" in window.user_label.text()
    assert any(t.spec.key == "review" for t in window.home.grid.visible_tiles)


def test_a_wrong_password_after_sign_out_counts_and_lets_nobody_in(
    qtbot: QtBot, signed_in_demo: tuple[MainWindow, DeskStarter]
) -> None:
    window, starter = signed_in_demo
    assert window.ctx is not None
    window.sign_out_action.trigger()
    dialog = starter.flow.dialog
    assert isinstance(dialog, SignInDialog)
    dialog.username.setText("admin")
    dialog.password.setText("not-the-password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong username or password" in dialog.error.text(), timeout=10_000)
    assert not window.ctx.desk.actor.signed_in and window.home.grid.visible_tiles == []
    assert ("admin", "signin.failed") in _audit_kinds(window)


def test_switch_user_locks_at_once_and_the_other_person_takes_over(
    qtbot: QtBot, signed_in_demo: tuple[MainWindow, DeskStarter], tmp_path: Path
) -> None:
    window, starter = signed_in_demo
    assert window.ctx is not None
    desk = window.ctx.desk
    _search(qtbot, window, "cote helene")
    window.switch_user_action.trigger()
    flow = starter.flow
    lock = flow.lock
    assert lock is not None and lock.locked and lock.overlay.isVisible()  # covers the clerk's work at once
    dialog = flow.dialog
    assert isinstance(dialog, SignInDialog) and dialog.isVisible()
    assert window.grab().save(str(tmp_path / "switch-user.png"))  # looked at: only the lock card shows
    dialog.username.setText("admin")
    dialog.password.setText("demo-admin")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.actor.username == "admin", timeout=10_000)
    qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
    assert window.screens == {}  # the clerk's search is gone; screens are built for the admin
    assert "Demo Administrator" in window.user_label.text()
    kinds = _audit_kinds(window)
    # the hand-over is in the trail: the admin's sign-in, then the end of the clerk's session
    assert kinds[-2:] == [("admin", "signin"), ("clerk", "signout")]


def test_quit_is_in_the_user_menu_and_on_ctrl_q(
    qtbot: QtBot, signed_in_demo: tuple[MainWindow, DeskStarter]
) -> None:
    window, _starter = signed_in_demo
    menu_texts = [a.text() for a in window.user_menu.actions()]
    assert "&Switch user…" in menu_texts and "Sign o&ut" in menu_texts and "&Quit CPC Desk" in menu_texts
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    with qtbot.waitActive(window):
        window.activateWindow()
    target = window.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
