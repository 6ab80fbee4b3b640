"""The Settings screen's OAuth 2.0 mail sign-in: the fields follow smtp.auth, the secret goes to the keyring
only, and "Send a test message" names the step that failed, against a real identity platform and server."""

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.access import secrets
from app.access.staff import Actor
from app.desk import Desk
from app.mail import oauth
from app.store.models import StaffRole
from tests.oauth_servers import IdentityServer, XOAuth2Server
from ui.admin.settings_screen import SettingsScreen
from ui.common import workers
from ui.shell.context import UiContext

MAILBOX = "registrar@college.example.org"


@pytest.fixture
def admin_desk(desk: Desk) -> Desk:
    desk.actor = Actor("admin.test", StaffRole.ADMIN, "Test Admin")
    return desk


@pytest.fixture(autouse=True)
def _clean() -> Iterator[None]:
    oauth.forget_tokens()
    yield
    workers.wait_all(10_000)
    oauth.forget_tokens()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyleSheet("")


@pytest.fixture
def servers(tls_server_context: ssl.SSLContext) -> Iterator[tuple[IdentityServer, XOAuth2Server]]:
    identity = IdentityServer(tls_server_context).start()
    identity.state.granted_mailboxes.add(MAILBOX)
    smtp = XOAuth2Server(identity, tls_server_context).start()
    yield identity, smtp
    smtp.stop()
    identity.stop()


def open_screen(qtbot: QtBot, desk: Desk) -> SettingsScreen:
    screen = SettingsScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.resize(1180, 700)
    screen.show()
    return screen


def type_into(screen: SettingsScreen, key: str, text: str) -> None:
    widget = screen.fields[key].widget
    assert isinstance(widget, QLineEdit)
    widget.setText(text)
    widget.textEdited.emit(text)


def choose_auth(screen: SettingsScreen, mode: str) -> None:
    combo = screen.fields["smtp.auth"].widget
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(mode))  # each choice is shown by its name, stored as its value


def test_the_fields_follow_the_sign_in_method(qtbot: QtBot, admin_desk: Desk) -> None:
    screen = open_screen(qtbot, admin_desk)
    tenant = screen.fields["smtp.oauth.tenant"].widget
    assert screen.password_edit.isVisible() and not screen.oauth_edit.isVisible() and not tenant.isVisible()
    choose_auth(screen, "oauth2-microsoft")
    assert not screen.password_edit.isVisible() and screen.oauth_edit.isVisible() and tenant.isVisible()
    choose_auth(screen, "oauth2-google")
    assert screen.oauth_edit.isVisible() and not tenant.isVisible()
    assert screen.oauth_file_button.isVisible()


def test_secret_stored_and_test_message_names_the_step(
    qtbot: QtBot,
    admin_desk: Desk,
    servers: tuple[IdentityServer, XOAuth2Server],
    tls_ca_file: Path,
    data_dir: Path,
) -> None:
    identity, smtp = servers
    settings = admin_desk.settings
    # the test-only authority and the servers' ports are set as the CLI would; the screen does the rest
    settings.set("smtp.oauth.authority", identity.authority)
    settings.set("mail.demo_server", False)
    screen = open_screen(qtbot, admin_desk)
    type_into(screen, "smtp.host", smtp.host)
    type_into(screen, "smtp.port", str(smtp.port))
    combo = screen.fields["smtp.security"].widget
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("starttls"))
    type_into(screen, "smtp.ca_file", str(tls_ca_file))
    type_into(screen, "smtp.from_address", MAILBOX)
    choose_auth(screen, "oauth2-microsoft")
    type_into(screen, "smtp.oauth.tenant", identity.state.tenant)
    # saving without the client id: the screen names the field
    assert screen.save() is True  # saved; mail not usable yet
    assert "smtp.oauth.client_id" in screen.fields["smtp.security"].error.text()
    type_into(screen, "smtp.oauth.client_id", identity.state.client_id)

    screen.oauth_edit.setText("an-expired-secret")
    screen.oauth_button.click()  # saves the pending change first, then stores the secret
    assert settings.get("smtp.oauth.client_id") == identity.state.client_id
    assert secrets.get_secret(secrets.SMTP_OAUTH_ENTRY) == "an-expired-secret"
    assert screen.oauth_edit.text() == "" and "An OAuth secret is stored." in screen.keyring_label.text()
    assert "an-expired-secret" not in (data_dir / "settings.json").read_text()

    screen.test_to.setText("it@college.example.org")
    screen.test_button.click()
    qtbot.waitUntil(lambda: screen.test_button.isEnabled(), timeout=20_000)
    result = screen.test_result.text()
    assert "Failed at step 'token" in result and "AADSTS7000215" in result

    screen.oauth_edit.setText(identity.state.client_secret)
    screen.oauth_button.click()
    screen.test_button.click()
    qtbot.waitUntil(lambda: screen.test_button.isEnabled(), timeout=20_000)
    assert "accepted the test message" in screen.test_result.text()
    assert smtp.received[0].rcpt_tos == ["it@college.example.org"]
    screen.grab().save(str(data_dir.parent / "settings-oauth.png"))


def test_without_a_secure_keyring_the_session_only_box_stays_with_the_password(
    qtbot: QtBot, admin_desk: Desk
) -> None:
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())  # the autouse memory keyring is put back after the test
    screen = open_screen(qtbot, admin_desk)
    assert screen.session_only.isVisible()
    choose_auth(screen, "oauth2-microsoft")
    assert not screen.session_only.isVisible()  # its row is hidden; the box must not float elsewhere
    screen.oauth_edit.setText("secret-for-now")
    screen.oauth_button.click()
    assert "for this session only" in screen.status.text()
    assert secrets.get_secret(secrets.SMTP_OAUTH_ENTRY) == "secret-for-now"
    secrets.forget_session_secrets()


def test_a_bad_key_file_is_refused_naming_the_problem(qtbot: QtBot, admin_desk: Desk, tmp_path: Path) -> None:
    admin_desk.settings.set("smtp.auth", "oauth2-google")
    screen = open_screen(qtbot, admin_desk)
    key = tmp_path / "key.json"
    key.write_text('{"type": "authorized_user", "client_id": "x"}')
    screen.store_oauth_file(str(key))
    assert "not a service account key" in screen.oauth_error.text()
    assert secrets.get_secret(secrets.SMTP_OAUTH_ENTRY) is None
    screen.store_oauth_file(str(tmp_path / "missing.json"))
    assert "cannot be read" in screen.oauth_error.text()
