"""Demo mode: the local mailbox server, delivery into it through the outbox, and the Demo mailbox screen."""

import socket
from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.mail import outbox
from app.mail.demo_mailbox import (
    DemoMailServer,
    attachment_bytes,
    demo_active,
    is_listening,
    list_mailbox,
    start_demo_mail_server,
)
from tests.smtp_fixtures import queue_certificate_email
from tests.smtp_servers import closed_port
from ui.common import workers
from ui.shell.context import UiContext


@pytest.fixture
def demo_server(desk: Desk) -> Iterator[DemoMailServer]:
    desk.settings.set("smtp.port", closed_port())
    server = start_demo_mail_server(desk)
    yield server
    server.stop()


def test_demo_server_receives_certificate_email_into_the_mailbox(
    desk: Desk, demo_server: DemoMailServer
) -> None:
    assert demo_server.running and demo_active(desk.settings)
    _cert, _box = queue_certificate_email(desk, email="credentials@tgh.example.org")
    report = outbox.send_due(desk)
    assert report.sent == 1
    (item,) = list_mailbox(desk, desk.actor)
    assert item.path.parent == desk.data_dir / "mailbox" and item.path.suffix == ".eml"
    assert item.subject.startswith("Certificate of Professional Conduct \u2013 Hélène Côté-Gagnon")
    assert item.envelope_to == "<credentials@tgh.example.org>"
    (attachment,) = item.attachments
    assert attachment.filename.startswith("CPC-") and attachment.content_type == "application/pdf"
    pdf = attachment_bytes(item.path, attachment.filename)
    assert (
        "Certificate of Professional Conduct"
        in PdfReader(__import__("io").BytesIO(pdf)).pages[0].extract_text()
    )
    demo_server.stop()
    assert not is_listening("127.0.0.1", demo_server.port)
    demo_server.stop()  # twice is harmless


def test_a_taken_port_moves_the_demo_server_and_the_settings_follow(desk: Desk) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        desk.settings.set("smtp.port", port)
        server = start_demo_mail_server(desk)
        try:
            assert server.port != port and server.running
            assert desk.settings.get("smtp.port") == server.port  # the transport sends to the same place
            queue_certificate_email(desk)
            assert outbox.send_due(desk).sent == 1
            assert len(list_mailbox(desk, desk.actor)) == 1
        finally:
            server.stop()


def test_no_demo_server_when_demo_mode_is_off_or_mail_goes_elsewhere(desk: Desk) -> None:
    desk.settings.set("mail.demo_server", False)
    assert not start_demo_mail_server(desk).running
    desk.settings.set("mail.demo_server", True)
    desk.settings.set("smtp.security", "starttls")
    assert not start_demo_mail_server(desk).running


def test_mailbox_screen_lists_messages_and_opens_the_pdf(
    qtbot: QtBot, desk: Desk, demo_server: DemoMailServer
) -> None:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    from ui.mail.mailbox_screen import MailboxScreen, PdfWindow
    from ui.shell.application import load_style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_style(app)
    queue_certificate_email(desk, email="credentials@tgh.example.org", first_name="Zoë")
    queue_certificate_email(
        desk, email="privileges@sickkids.example.org", institution="Hospital for Sick Children"
    )
    assert outbox.send_due(desk).sent == 2
    screen = MailboxScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.resize(1180, 640)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: screen.current() is not None, timeout=5_000)
    assert "2 messages received" in screen.info.text() and "listening" in screen.info.text()
    assert "Message-ID" in screen.headers.text() and "Verification code" in screen.body.toPlainText()
    assert screen.attachments.count() == 1 and screen.open_button.isEnabled()
    screen.grab().save("/tmp/mailbox_screen.png")
    screen.open_button.click()
    (viewer,) = screen.viewers
    assert isinstance(viewer, PdfWindow)
    assert viewer.document.status() == QPdfDocument.Status.Ready and viewer.document.pageCount() >= 1
    viewer.close()
    # A new message appears by itself (the folder is watched).
    queue_certificate_email(desk, email="third@clinic.example.org")
    assert outbox.send_due(desk).sent == 1
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=10_000)
    workers.wait_all(5_000)
    app.setStyleSheet("")
