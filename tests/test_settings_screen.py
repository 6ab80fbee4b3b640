"""The Settings screen: validation as the CLI does it, the password door, the test email, offline."""

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.access import secrets
from app.access.staff import Actor
from app.desk import Desk
from app.store.models import AuditEvent, StaffRole
from tests.smtp_servers import SmtpServer
from ui.admin.settings_screen import SettingsScreen
from ui.common import workers
from ui.shell.context import UiContext


@pytest.fixture
def admin_desk(desk: Desk) -> Desk:
    desk.actor = Actor("admin.test", StaffRole.ADMIN, "Test Admin")
    return desk


@pytest.fixture(autouse=True)
def _plain_style() -> Iterator[None]:
    yield
    workers.wait_all(10_000)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyleSheet("")


def open_screen(qtbot: QtBot, desk: Desk) -> SettingsScreen:
    screen = SettingsScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.resize(1180, 640)
    screen.show()
    return screen


def line(screen: SettingsScreen, key: str) -> QLineEdit:
    widget = screen.fields[key].widget
    assert isinstance(widget, QLineEdit)
    return widget


def test_every_setting_is_on_the_screen(qtbot: QtBot, admin_desk: Desk) -> None:
    from app.settings import OPTIONS

    screen = open_screen(qtbot, admin_desk)
    # smtp.oauth.authority: for tests only (an identity platform on this computer)
    assert set(OPTIONS) - set(screen.fields) == {
        "mail.paused",
        "mail.paused_settings",
        "smtp.oauth.authority",
    }


def test_bad_values_are_shown_next_to_their_fields_and_nothing_is_saved(
    qtbot: QtBot, admin_desk: Desk
) -> None:
    screen = open_screen(qtbot, admin_desk)
    line(screen, "smtp.port").setText("eighty")
    line(screen, "smtp.from_address").setText("not an address")
    line(screen, "smtp.host").setText("mail.example.org")
    assert screen.save_button.isEnabled() is False  # setText is not an edit; saving still checks all
    assert screen.save() is False
    assert "smtp.port: must be a whole number" in screen.fields["smtp.port"].error.text()
    assert "smtp.from_address" in screen.fields["smtp.from_address"].error.text()
    assert admin_desk.settings.get("smtp.port") == 8025
    assert admin_desk.settings.get("smtp.host") == "127.0.0.1"
    line(screen, "smtp.port").setText("2525")
    line(screen, "smtp.from_address").setText("cpc@cpso.example.org")
    assert screen.save() is True
    assert admin_desk.settings.get("smtp.port") == 2525
    # Saved, but the combination is not usable yet: said plainly next to the security setting.
    assert "allowed only for a server on this computer" in screen.fields["smtp.security"].error.text()
    with admin_desk.db.read() as session:
        changed = {
            e.subject
            for e in session.scalars(select(AuditEvent).where(AuditEvent.kind == "settings.changed"))
        }
    assert changed == {"smtp.port", "smtp.from_address", "smtp.host"}


def test_a_clerk_can_read_but_not_change(qtbot: QtBot, desk: Desk) -> None:
    screen = open_screen(qtbot, desk)
    assert not line(screen, "smtp.host").isEnabled()
    assert not screen.save()
    assert not screen.password_button.isEnabled()


def test_password_goes_to_the_keyring_never_to_the_settings_file(
    qtbot: QtBot, admin_desk: Desk, memory_keyring: object
) -> None:
    screen = open_screen(qtbot, admin_desk)
    assert not screen.session_only.isVisible()
    line(screen, "smtp.username").setText("cpc-desk")
    assert screen.save()
    screen.password_edit.setText("Keyring-Only-Secret-1")
    screen.password_button.click()
    assert secrets.get_secret(secrets.SMTP_PASSWORD_ENTRY) == "Keyring-Only-Secret-1"
    assert ("cpc-desk", "smtp") in memory_keyring.store  # type: ignore[attr-defined]
    assert screen.password_edit.text() == ""
    assert "An SMTP password is stored" in screen.keyring_label.text()
    admin_desk.close()
    files = [p for p in admin_desk.data_dir.rglob("*") if p.is_file()]
    # smtp.username is the register's: it is stored in the database, whose file is searched too
    if admin_desk.db.is_sqlite:
        assert any(p.suffix == ".sqlite3" for p in files)
    for path in files:
        assert b"Keyring-Only-Secret-1" not in path.read_bytes(), path
    # On any database, no table holds the secret either.
    from sqlalchemy import inspect, text

    with admin_desk.db.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                assert "Keyring-Only-Secret-1" not in repr(tuple(row)), table


def test_without_a_secure_keyring_it_says_so_and_offers_the_session(qtbot: QtBot, admin_desk: Desk) -> None:
    keyring.set_keyring(FailKeyring())
    screen = open_screen(qtbot, admin_desk)
    assert "No secure password store" in screen.keyring_label.text()
    assert screen.session_only.isVisible() and screen.session_only.isChecked()
    screen.session_only.setChecked(False)
    screen.password_edit.setText("Session-Secret-2")
    screen.password_button.click()
    assert "Keep for this session only" in screen.password_error.text()
    assert secrets.get_secret(secrets.SMTP_PASSWORD_ENTRY) is None
    screen.session_only.setChecked(True)
    screen.password_button.click()
    assert secrets.get_secret(secrets.SMTP_PASSWORD_ENTRY) == "Session-Secret-2"
    assert "this session only" in screen.status.text()


def test_send_a_test_email_reports_success_or_the_servers_exact_answer(
    qtbot: QtBot, admin_desk: Desk, plain_smtp: SmtpServer
) -> None:
    plain_smtp.configure(admin_desk.settings)
    from ui.shell.application import load_style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_style(app)  # as the desk shows it, for the screenshot below
    screen = open_screen(qtbot, admin_desk)
    screen.test_to.setText("it@cpso.example.org")
    screen.test_button.click()
    qtbot.waitUntil(lambda: screen.test_button.isEnabled(), timeout=10_000)
    assert "accepted the test message" in screen.test_result.text() and "250" in screen.test_result.text()
    assert plain_smtp.received[0].rcpt_tos == ["it@cpso.example.org"]
    plain_smtp.handler.data_replies.append("554 5.7.1 Relay access denied")
    screen.test_button.click()
    qtbot.waitUntil(lambda: screen.test_button.isEnabled(), timeout=10_000)
    assert "554 5.7.1 Relay access denied" in screen.test_result.text()
    assert screen.test_result.property("error") is True
    screen.grab().save("/tmp/settings_screen.png")
    scroll = screen.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(screen.test_result)
    screen.grab().save("/tmp/settings_screen_test.png")


def test_offline_switch_is_saved_and_announced(qtbot: QtBot, admin_desk: Desk) -> None:
    screen = open_screen(qtbot, admin_desk)
    announced: list[bool] = []
    screen.ctx.data_changed.connect(lambda: announced.append(True))
    screen.fields["mail.offline"].widget.setChecked(True)  # type: ignore[attr-defined]
    assert screen.save()
    assert admin_desk.is_offline and announced


def test_a_test_address_the_mail_service_refuses_is_marked_under_the_address(
    qtbot: QtBot, admin_desk: Desk, plain_smtp: SmtpServer
) -> None:
    """The screen does not check the address itself; the mail service refuses it in the worker, and the
    ValidationError it raises comes back as an object, so the address field is marked, not a status line."""
    plain_smtp.configure(admin_desk.settings)
    screen = open_screen(qtbot, admin_desk)
    screen.show()
    assert screen.test_to_error.isHidden()
    screen.test_to.setText("it at cpso")
    screen.test_button.click()
    qtbot.waitUntil(lambda: screen.test_button.isEnabled(), timeout=10_000)
    assert screen.test_to_error.isVisibleTo(screen)
    assert screen.test_to_error.text().startswith("Send a test email to: ")
    assert screen.test_result.property("error") is True
    assert plain_smtp.received == []
    screen.test_to.setText("it@cpso.example.org")  # corrected, the mark goes and the test is sent
    screen.test_button.click()
    qtbot.waitUntil(lambda: screen.test_button.isEnabled(), timeout=10_000)
    assert screen.test_to_error.isHidden()
    assert plain_smtp.received[0].rcpt_tos == ["it@cpso.example.org"]
