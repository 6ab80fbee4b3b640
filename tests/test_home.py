"""The tile home window: tiles, keyboard navigation, reflow, placeholders, status bar."""

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.access.staff import Actor
from app.desk import Desk
from app.store.models import StaffRole
from ui.shell.home import Tile
from ui.shell.main_window import MainWindow
from ui.shell.placeholder import PlaceholderScreen

PORTAL_TITLES = [
    "About your Portal",
    "Profile",
    "Membership Services",
    "Membership Renewal",
    "My Practice",
    "Registration",
]
STAFF_TITLES = [
    "Assistance Desk",
    "Batch Printing",
    "Outbox",
    "Settings",
    "Registrar Review",
    "Institutions",
    "Verify a Certificate",
    "Audit Trail",
    "Staff Accounts",
    "Demo Mailbox",
]


def make_window(qtbot: QtBot, desk: Desk | None = None) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if desk is not None:
        window.attach_desk(desk)
    return window


def test_home_has_the_portal_and_staff_tiles_with_accessible_names(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    titles = [t.spec.title for t in window.home.tiles]
    assert titles == PORTAL_TITLES + STAFF_TITLES
    for tile in window.home.tiles:
        assert tile.accessibleName() == tile.spec.title
        assert len(tile.accessibleDescription()) > 20
        assert tile.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert [t.spec.staff for t in window.home.tiles] == [False] * 6 + [True] * len(STAFF_TITLES)


@pytest.mark.parametrize(
    ("role", "hidden"),
    [
        (StaffRole.CLERK, {"Settings", "Registrar Review", "Audit Trail", "Staff Accounts"}),
        (StaffRole.REGISTRAR, {"Settings", "Staff Accounts"}),
        (StaffRole.ADMIN, set()),
    ],
)
def test_tiles_follow_the_signed_in_role(qtbot: QtBot, desk: Desk, role: StaffRole, hidden: set[str]) -> None:
    desk.actor = Actor(f"{role.value}.x", role, "X")
    window = make_window(qtbot, desk)
    shown = {t.spec.title for t in window.home.grid.visible_tiles}
    assert shown == set(PORTAL_TITLES + STAFF_TITLES) - hidden
    assert role.value in window.user_label.text()
    if hidden:
        key = next(t.spec.key for t in window.home.tiles if t.spec.title in hidden)
        window.open_screen(key)
        assert window.stack.currentWidget() is window.home
        assert record_messages_titles() == ["Not available to your role"]


def record_messages_titles() -> list[str]:
    from ui.common import messages

    return [title for _kind, title, _text in messages.shown]


def test_window_fits_a_1366x768_laptop(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.width() <= 1366 and window.height() <= 768 - 40
    assert window.minimumSizeHint().width() <= 800


def test_arrow_keys_move_between_tiles_and_enter_opens(qtbot: QtBot, desk: Desk) -> None:
    window = make_window(qtbot, desk)
    grid = window.home.grid
    tiles = window.home.tiles
    tiles[0].setFocus()
    qtbot.waitUntil(lambda: tiles[0].hasFocus())
    qtbot.keyClick(tiles[0], Qt.Key.Key_Right)
    assert tiles[1].hasFocus()
    qtbot.keyClick(tiles[1], Qt.Key.Key_Down)
    assert tiles[1 + grid.columns].hasFocus()
    qtbot.keyClick(tiles[1 + grid.columns], Qt.Key.Key_Up)
    assert tiles[1].hasFocus()
    qtbot.keyClick(tiles[1], Qt.Key.Key_Left)
    assert tiles[0].hasFocus()
    qtbot.keyClick(tiles[0], Qt.Key.Key_Left)  # the edge: focus stays
    assert tiles[0].hasFocus()
    qtbot.keyClick(tiles[0], Qt.Key.Key_Return)
    assert window.stack.currentWidget() is not window.home
    assert window.title_label.text() == "About your Portal"
    assert desk.db.location in " ".join(
        w.text() for w in window.stack.currentWidget().findChildren(type(window.title_label))
    )


def test_tiles_reflow_when_the_window_is_narrow(qtbot: QtBot, desk: Desk) -> None:
    window = make_window(qtbot, desk)  # the tiles show once the signed-in role is known
    window.resize(1300, 700)
    qtbot.waitUntil(lambda: window.home.grid.columns >= 4)
    wide = window.home.grid.columns
    window.resize(600, 700)
    qtbot.waitUntil(lambda: window.home.grid.columns < wide)
    assert window.home.grid.columns in (1, 2)
    tiles = window.home.tiles
    # Still in reading order: the second tile sits right of (or below) the first.
    assert tiles[1].geometry().top() >= tiles[0].geometry().top()


def test_tile_not_built_yet_opens_an_honest_placeholder_and_home_returns(qtbot: QtBot, desk: Desk) -> None:
    window = make_window(qtbot, desk)
    renewal = window.home.tile("renewal")
    qtbot.mouseClick(renewal, Qt.MouseButton.LeftButton)
    page = window.stack.currentWidget()
    assert isinstance(page, PlaceholderScreen)
    text = " ".join(lbl.text() for lbl in page.findChildren(type(window.title_label)))
    assert "not available" in text
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home
    assert isinstance(renewal, Tile)


def test_opening_a_tile_before_the_database_is_ready_waits_for_it(qtbot: QtBot, desk: Desk) -> None:
    window = make_window(qtbot)
    window.open_screen("about")
    assert window.stack.currentWidget() is window.home
    window.attach_desk(desk)
    assert window.title_label.text() == "About your Portal"


def test_status_bar_shows_database_outbox_and_mail_mode(qtbot: QtBot, desk: Desk) -> None:
    window = make_window(qtbot, desk)
    assert desk.db.location in window.db_label.text()
    qtbot.waitUntil(lambda: window.outbox_label.text() == "Outbox: 0 waiting")
    assert window.mode_label.text() == "Mail: online"
    desk.offline = True
    window.refresh_status()
    qtbot.waitUntil(lambda: window.mode_label.text() == "Mail: offline")


def test_a_second_sign_in_at_the_window_follows_the_new_role(qtbot: QtBot, desk: Desk) -> None:
    window = make_window(qtbot, desk)
    window.open_screen("about")
    assert "settings" not in {t.spec.key for t in window.home.grid.visible_tiles}
    desk.actor = Actor("admin.x", StaffRole.ADMIN, "Admin X")
    window.attach_desk(desk)
    assert window.stack.currentWidget() is window.home
    assert window.screens == {}
    assert "settings" in {t.spec.key for t in window.home.grid.visible_tiles}
    assert "Admin X" in window.user_label.text()


def test_user_menu_switches_this_session_offline_and_back(qtbot: QtBot, desk: Desk) -> None:
    window = make_window(qtbot, desk)
    assert window.user_label.isVisible()
    window.offline_action.trigger()
    assert desk.offline is True
    qtbot.waitUntil(lambda: window.mode_label.text() == "Mail: offline")
    assert desk.settings.get("mail.offline") is False  # this session only, not saved
    window.offline_action.trigger()
    assert desk.offline is False
    qtbot.waitUntil(lambda: window.mode_label.text() == "Mail: online")


def test_user_menu_opens_change_password(qtbot: QtBot, desk: Desk) -> None:
    from ui.admin.signin import ChangePasswordDialog

    window = make_window(qtbot, desk)
    window.password_action.trigger()
    dialogs = window.findChildren(ChangePasswordDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].reject()
