"""The Outbox screen, driven with qtbot against a real SMTP server; asserts on the database and the server."""

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.store.models import OutboxMessage, OutboxState
from tests.smtp_fixtures import queue_certificate_email
from tests.smtp_servers import SmtpServer
from ui.common import messages, workers
from ui.mail.outbox_screen import OutboxScreen
from ui.mail.outbox_sender import sender_for
from ui.shell.context import UiContext


def states(desk: Desk) -> dict[str, OutboxState]:
    with desk.db.read() as session:
        return {r.to_address: r.state for r in session.scalars(select(OutboxMessage))}


def styled() -> None:
    """The application's style sheet, as the desk shows it (for the screenshots)."""
    from PySide6.QtWidgets import QApplication

    from ui.shell.application import load_style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_style(app)


def open_screen(qtbot: QtBot, desk: Desk) -> OutboxScreen:
    ctx = UiContext(desk)
    screen = OutboxScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1180, 640)
    screen.show()
    return screen


def wait_loaded(qtbot: QtBot, screen: OutboxScreen) -> None:
    qtbot.waitUntil(lambda: not screen._loading and not screen.sender_driver.running, timeout=10_000)
    workers.wait_all(5_000)
    qtbot.waitUntil(lambda: not screen._loading, timeout=5_000)


def test_outbox_screen_sends_and_staff_resend_to_a_corrected_address(
    qtbot: QtBot, desk: Desk, plain_smtp: SmtpServer, tmp_path: object
) -> None:
    plain_smtp.configure(desk.settings)
    plain_smtp.handler.refused_recipients["typo@clinc.example.org"] = (
        "550 5.1.1 <typo@clinc.example.org>: no such user"
    )
    queue_certificate_email(desk, email="typo@clinc.example.org")
    queue_certificate_email(desk, email="credentials@tgh.example.org")
    screen = open_screen(qtbot, desk)
    # The screen starts the sender in a worker thread; wait for its first run.
    with qtbot.waitSignal(screen.sender_driver.finished, timeout=10_000):
        pass
    wait_loaded(qtbot, screen)
    assert states(desk) == {
        "typo@clinc.example.org": OutboxState.FAILED_PERMANENT,
        "credentials@tgh.example.org": OutboxState.SENT,
    }
    # Only the failed one is listed until "Show sent and cancelled" is ticked.
    assert screen.model.rowCount() == 1
    failed = screen.model.rows[0]
    assert "550 5.1.1" in failed.last_error
    screen.table.selectRow(0)
    assert "550 5.1.1 <typo@clinc.example.org>: no such user" in screen.detail.toPlainText()
    styled()
    screen.grab().save("/tmp/outbox_screen.png")

    # A bad corrected address is refused inline, naming the field.
    screen.address_edit.setText("not-an-address")
    screen.resend_button.click()
    assert "Corrected email address" in screen.address_error.text()
    messages.auto_answer = lambda _title, _text: True
    screen.address_edit.setText("credentials@clinic.example.org")
    with qtbot.waitSignal(screen.sender_driver.finished, timeout=10_000):
        screen.resend_button.click()
        screen.resend_button.click()  # a double click queues one message, not two
    wait_loaded(qtbot, screen)
    assert states(desk)["credentials@clinic.example.org"] == OutboxState.SENT
    assert [r.rcpt_tos for r in plain_smtp.received] == [
        ["credentials@tgh.example.org"],
        ["credentials@clinic.example.org"],
    ]
    screen.show_done.setChecked(True)
    wait_loaded(qtbot, screen)
    assert screen.model.rowCount() == 3


def test_outbox_screen_shows_a_pause_and_resumes(qtbot: QtBot, desk: Desk, smtp_server: object) -> None:
    from app.access import secrets

    server = smtp_server("starttls", username="cpc-desk", password="right")  # type: ignore[operator]
    server.configure(desk.settings)
    desk.settings.set("smtp.username", "cpc-desk")
    secrets.set_secret(secrets.SMTP_PASSWORD_ENTRY, "wrong")
    queue_certificate_email(desk)
    screen = open_screen(qtbot, desk)
    with qtbot.waitSignal(screen.sender_driver.finished, timeout=10_000):
        pass
    wait_loaded(qtbot, screen)
    assert "Sending is paused" in screen.banner.text() and "535" in screen.banner.text()
    assert screen.resume_button.isVisible() and not screen.send_button.isEnabled()
    screen.grab().save("/tmp/outbox_paused.png")
    secrets.set_secret(secrets.SMTP_PASSWORD_ENTRY, "right")
    with qtbot.waitSignal(screen.sender_driver.finished, timeout=10_000):
        screen.resume_button.click()
    wait_loaded(qtbot, screen)
    assert list(states(desk).values()) == [OutboxState.SENT]
    assert not screen.resume_button.isVisible()


def test_offline_mode_is_shown_and_nothing_is_sent(qtbot: QtBot, desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    desk.settings.set("mail.offline", True)
    queue_certificate_email(desk)
    screen = open_screen(qtbot, desk)
    wait_loaded(qtbot, screen)
    assert "Offline mode" in screen.banner.text() and not screen.send_button.isEnabled()
    screen.send_now()
    wait_loaded(qtbot, screen)
    assert plain_smtp.received == [] and list(states(desk).values()) == [OutboxState.QUEUED]
    sender_for(screen.ctx).stop()


@pytest.fixture(autouse=True)
def _stop_senders(qtbot: QtBot) -> object:
    yield None
    workers.wait_all(10_000)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyleSheet("")
