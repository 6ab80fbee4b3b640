"""The desk points to the verification service: Settings tests the address against the real service, the
profile opens a certificate's page in the system browser (caught here by a Qt URL handler), and the
wizard's review says why a certificate's validity is shorter than usual."""

import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from app.access.staff import Actor
from app.desk import Desk
from app.store.models import StaffRole
from tests.test_profile_ui import RecordingNavigator
from tests.verification_service import fill_register, free_port, running_service
from ui.admin.settings_screen import SettingsScreen
from ui.common import workers
from ui.desk.profile import ProfileScreen
from ui.shell.context import UiContext


class OpenedUrls(QObject):
    """Where QDesktopServices.openUrl sends http(s) links during a test, instead of a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened() -> Any:
    catcher = OpenedUrls()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture(autouse=True)
def _workers_done() -> Any:
    yield
    workers.wait_all(10_000)


def test_settings_tests_the_verification_address(
    qtbot: QtBot, desk: Desk, data_dir: Path, database_url: str
) -> None:
    desk.actor = Actor("admin.test", StaffRole.ADMIN, "Test Admin")
    port = free_port()
    with running_service(data_dir, database_url, port=port):
        screen = SettingsScreen(UiContext(desk))
        qtbot.addWidget(screen)
        screen.show()
        field = screen.fields["verification.url"]
        field.set_value(f"http://127.0.0.1:{port}/cpc")
        screen.verification_button.click()
        qtbot.waitUntil(lambda: "answers at" in screen.verification_result.text(), timeout=15_000)
        assert (
            screen.verification_result.text()
            == f"The verification page answers at http://127.0.0.1:{port}/cpc."
        )
        field.set_value(f"http://127.0.0.1:{port}/elsewhere")
        screen.verification_button.click()
        qtbot.waitUntil(lambda: "404" in screen.verification_result.text(), timeout=15_000)
    nobody = free_port()
    field.set_value(f"http://127.0.0.1:{nobody}/cpc")
    screen.verification_button.click()
    qtbot.waitUntil(lambda: "cannot be reached" in screen.verification_result.text(), timeout=15_000)
    assert screen.verification_result.property("error") is True


def test_the_profile_opens_the_certificate_s_verification_page(
    qtbot: QtBot, desk: Desk, data_dir: Path, database_url: str, opened: OpenedUrls
) -> None:
    port = free_port()
    desk.settings.set("verification.url", f"http://127.0.0.1:{port}/cpc")
    register = fill_register(desk)
    desk.actor = Actor("clerk.test", StaffRole.CLERK)
    from sqlalchemy import select

    from app.store.models import Certificate, CertificateRequest, RequestRecipient

    with desk.db.read() as session:
        cert_id, member_id = session.execute(
            select(Certificate.id, CertificateRequest.member_id)
            .join(RequestRecipient, RequestRecipient.id == Certificate.recipient_id)
            .join(CertificateRequest, CertificateRequest.id == RequestRecipient.request_id)
            .where(Certificate.number == register.suspended.number)
        ).one()
    screen = ProfileScreen(UiContext(desk, RecordingNavigator()), member_id=member_id, certificate_id=cert_id)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.web_button.isEnabled()
    screen.web_button.click()
    assert len(opened.urls) == 1
    link = opened.urls[0]
    assert link.startswith(f"http://127.0.0.1:{port}/cpc?number={register.suspended.number}&code=")
    # and the link is one the service answers with this certificate's page
    with running_service(data_dir, database_url, port=port):
        page = httpx.get(link)
        assert page.status_code == 200 and "Sam Suspended" in page.text


def test_the_review_says_why_validity_is_shorter_and_done_opens_the_page(
    qtbot: QtBot, desk: Desk, opened: OpenedUrls
) -> None:
    from app.document.disclosure import format_date
    from tests.factories import make_member
    from tests.wizard_driver import Known, add_directory, open_wizard, run_to_review, submit

    desk.offline = True  # the email waits in the outbox; this test is about the pages
    desk.settings.set("verification.url", "https://verify.example.org/cpc")
    soon = date.today() + timedelta(days=12)
    with desk.db.write() as session:
        member_id = make_member(session, certificate_expiry_date=soon).id
    add_directory(desk)
    wizard = open_wizard(qtbot, desk, member_id=member_id)
    run_to_review(qtbot, wizard, None, [Known("Toronto General Hospital")])
    note = wizard.review_page.validity
    assert note.isVisible()
    assert note.text().startswith(f"Valid until {format_date(soon)}, not ")
    assert "certificate of registration expires" in note.text()
    if os.environ.get("CPC_DESK_SCREENSHOT_DIR"):
        wizard.grab().save(str(Path(os.environ["CPC_DESK_SCREENSHOT_DIR"]) / "wizard-4-review-shortened.png"))
    submit(qtbot, wizard, wait_delivery=False)
    done = wizard.done_page
    assert done.web_button.isEnabled()
    done.web_button.click()
    [result] = wizard.result_.recipients
    assert opened.urls == [
        f"https://verify.example.org/cpc?number={result.certificate_number}&code={result.verification_code}"
    ]
