"""The registrar review screen: held-back requests listed, approved (issued and emailed) or declined."""

import os
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.access.staff import Actor
from app.desk import Desk
from app.issuing.requests import submit_request
from app.register.recipients import RecipientInput
from app.store.models import Certificate, CertificateRequest, RequestStatus
from tests.factories import make_member
from tests.smtp_servers import SmtpServer
from tests.test_requests import HOSPITAL, draft
from tests.wizard_driver import WAIT_MS, flat, pdf_text
from ui.desk.review_screen import ReviewScreen
from ui.shell.context import UiContext

SHOTS = os.environ.get("CPC_WIZARD_SHOTS", "")


@pytest.fixture
def held(desk: Desk) -> list[int]:
    """Two requests held for review (discipline; suspended) and one clean one, issued at once."""
    with desk.db.write() as session:
        a = make_member(
            session, cpso_number="301001", discipline="2019: professional misconduct (reprimand)."
        )
        b = make_member(
            session, cpso_number="301002", first_name="Łukasz", last_name="Ødegård", status="suspended"
        )
        c = make_member(session, cpso_number="301003")
        ids = (a.id, b.id, c.id)
    clerk = desk.actor
    clean = RecipientInput(**{**HOSPITAL.__dict__, "email": "other.office@tgh.example.org"})
    return [
        submit_request(desk, clerk, draft(i, r)).request_id
        for i, r in zip(ids, (HOSPITAL, HOSPITAL, clean), strict=True)
    ]


def screen_for(qtbot: Any, desk: Desk, actor: Actor) -> ReviewScreen:
    desk.actor = actor
    screen = ReviewScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    return screen


def status_of(desk: Desk, request_id: int) -> RequestStatus:
    with desk.db.read() as session:
        request = session.get(CertificateRequest, request_id)
        assert request is not None
        return request.status


def test_a_clerk_sees_no_list(qtbot: Any, desk: Desk, held: list[int]) -> None:
    screen = screen_for(qtbot, desk, desk.actor)
    assert screen.table is None
    from PySide6.QtWidgets import QLabel

    note = screen.findChild(QLabel, "notAllowed")
    assert note is not None and "Only a registrar can review" in note.text()


def test_registrar_approves_and_the_certificate_is_emailed(
    qtbot: Any, desk: Desk, held: list[int], registrar: Actor, plain_smtp: SmtpServer, record_messages: Any
) -> None:
    from ui.common import messages

    plain_smtp.configure(desk.settings)
    screen = screen_for(qtbot, desk, registrar)
    assert screen.table is not None and screen.table.rowCount() == 2
    assert [screen.table.item(i, 2).text() for i in range(2)] == ["301001", "301002"]
    assert screen.table.item(0, 3).text() == "has discipline findings"
    assert "registration status is suspended" in screen.table.item(1, 3).text()
    assert "2019: professional misconduct" in screen.details.text()
    if SHOTS:
        screen.grab().save(f"{SHOTS}/review-screen.png")
    messages.auto_answer = lambda _t, _x: True
    qtbot.mouseClick(screen.approve_button, Qt.MouseButton.LeftButton)
    assert record_messages[-1][0] == "question"
    qtbot.waitUntil(lambda: "Sent" in screen.status.text(), timeout=WAIT_MS)
    assert status_of(desk, held[0]) == RequestStatus.ISSUED
    assert screen.table.rowCount() == 1
    # The approved certificate went to its recipient (the clean request's email left in the same run).
    to_hospital = [m for m in plain_smtp.received if m.rcpt_tos == ["credentials@tgh.example.org"]]
    assert len(to_hospital) == 1 and "301001" in to_hospital[0].message["Subject"]
    with desk.db.read() as session:
        issued = list(session.scalars(select(Certificate).order_by(Certificate.id)))
    assert len(issued) == 2  # the clean member's at Submit, and the approved one now
    text = flat(pdf_text(desk, issued[-1].id))
    assert "301001" in text and "2019: professional misconduct (reprimand)." in text


def test_decline_needs_a_reason(qtbot: Any, desk: Desk, held: list[int], registrar: Actor) -> None:
    screen = screen_for(qtbot, desk, registrar)
    assert screen.table is not None
    screen.table.setCurrentCell(1, 0)
    qtbot.mouseClick(screen.decline_button, Qt.MouseButton.LeftButton)
    assert screen.error.isVisibleTo(screen) and screen.error.text().startswith("Decline reason: is required")
    assert status_of(desk, held[1]) == RequestStatus.AWAITING_REVIEW
    screen.reason.setPlainText("Suspended: no certificate can be issued until reinstated.")
    qtbot.mouseClick(screen.decline_button, Qt.MouseButton.LeftButton)
    assert status_of(desk, held[1]) == RequestStatus.DECLINED
    assert not screen.error.isVisibleTo(screen)
    assert screen.table.rowCount() == 1 and screen.table.item(0, 2).text() == "301001"
    with desk.db.read() as session:
        request = session.get(CertificateRequest, held[1])
        assert request is not None and request.review_reason.startswith("Suspended")
        assert all(not r.certificates for r in request.recipients)
