"""The Staff accounts screen: admin only; add, change role, reset password, deactivate, unlock."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.access.staff import Actor, SignInFailed, create_first_admin, sign_in
from app.desk import Desk
from app.store.models import StaffRole
from ui.admin.staff_screen import StaffScreen
from ui.common import messages
from ui.shell.context import UiContext


def _screen(qtbot: QtBot, desk: Desk) -> StaffScreen:
    screen = StaffScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.resize(1100, 600)
    screen.show()
    return screen


def _rows(screen: StaffScreen) -> list[list[str]]:
    return [
        [screen.table.item(r, c).text() for c in range(screen.table.columnCount())]  # type: ignore[union-attr]
        for r in range(screen.table.rowCount())
    ]


def test_only_administrators_see_the_accounts(qtbot: QtBot, desk: Desk, registrar: Actor) -> None:
    desk.actor = registrar
    screen = _screen(qtbot, desk)
    notice = screen.findChild(QLabel, "notAllowed")
    assert notice is not None and "administrators" in notice.text()
    assert not hasattr(screen, "table")


def test_admin_manages_accounts(qtbot: QtBot, desk: Desk) -> None:
    boss = create_first_admin(desk, "boss", "Bea Boss", "boss-password")
    desk.actor = boss
    screen = _screen(qtbot, desk)
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1)
    # add a clerk
    qtbot.keyClicks(screen.new_username, "kim")
    qtbot.keyClicks(screen.new_name, "Kim Clerk")
    qtbot.keyClicks(screen.new_password, "kims-password")
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.table.rowCount() == 2)
    assert _rows(screen)[1][:4] == ["kim", "Kim Clerk", "Clerk", "yes"]
    assert screen.new_password.text() == ""
    # a bad value is refused with the field named
    qtbot.keyClicks(screen.new_username, "x")
    qtbot.keyClicks(screen.new_password, "long-enough")
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.status.text().startswith("username:"))
    assert messages.shown[-1][0] == "error"
    # make kim a registrar
    screen.select("kim")
    screen.role.setCurrentIndex(screen.role.findData(StaffRole.REGISTRAR.value))
    qtbot.mouseClick(screen.apply_role_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rows(screen)[1][2] == "Registrar")
    # reset kim's password
    screen.select("kim")
    qtbot.keyClicks(screen.reset_password, "fresh-password")
    qtbot.mouseClick(screen.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Password of kim changed" in screen.status.text())
    assert sign_in(desk, "kim", "fresh-password").role == StaffRole.REGISTRAR
    # lock kim out, then unlock from the screen
    for _ in range(5):
        with pytest.raises(SignInFailed):
            sign_in(desk, "kim", "nope-nope")
    screen.reload()
    qtbot.waitUntil(lambda: _rows(screen)[1][4] != "")
    screen.select("kim")
    assert screen.unlock_button.isEnabled()
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rows(screen)[1][4] == "")
    # deactivate kim
    screen.select("kim")
    assert screen.active_button.text() == "&Deactivate"
    qtbot.mouseClick(screen.active_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rows(screen)[1][3] == "no")
    with pytest.raises(SignInFailed, match="deactivated"):
        sign_in(desk, "kim", "fresh-password")
    screen.grab().save("/tmp/sec/staff_screen.png")
    # the administrator cannot lock themself out
    screen.select("boss")
    qtbot.mouseClick(screen.active_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "your own account" in screen.status.text())
    assert _rows(screen)[0][3] == "yes"
