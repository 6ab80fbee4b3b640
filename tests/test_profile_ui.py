"""The Profile screen: the certificate's statements, history newest first, and its actions (open/print the
PDF, send again, resend to a corrected address, reissue) on really issued, signed certificates."""

import io
from pathlib import Path
from typing import Any

import pytest
from members_data import RecordingNavigator, add_member
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import ui.desk.profile
from app.access.staff import Actor
from app.desk import Desk
from app.document.disclosure import NONE_ON_RECORD
from app.issuing.requests import RequestDraft, submit_request
from app.register.recipients import RecipientInput
from app.store.models import (
    Certificate,
    CertificateDocument,
    ConsentMethod,
    OutboxMessage,
    OutboxState,
    StaffRole,
)
from ui.desk.profile import ProfileScreen, print_pdf_to
from ui.shell.context import UiContext

TGH = RecipientInput(
    institution_type="Hospital",
    name="Toronto General Hospital",
    attention="Medical Staff Office",
    street1="200 Elizabeth Street",
    city="Toronto",
    state="ON",
    country="CA",
    postal_code="M5G 2C4",
    email="credentialing@uhn.example",
)


@pytest.fixture(autouse=True)
def no_system_viewer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.desk.profile, "OPEN_WITH_SYSTEM", False)


@pytest.fixture
def issued(desk: Desk, registrar: Actor) -> dict[str, Any]:
    desk.offline = True
    with desk.db.write() as s:
        member = add_member(
            s,
            "Hélène",
            "Côté-Gagnon",
            "104211",
            specialties="Family Medicine; Emergency Medicine",
            email="h.cote@example.org",
            phone="416-555-0100",
        )
        member_id = member.id
    first = submit_request(
        desk,
        registrar,
        RequestDraft(member_id, (TGH,), True, ConsentMethod.PHONE, "I consent to the disclosure."),
    )
    second = submit_request(
        desk,
        registrar,
        RequestDraft(
            member_id,
            (
                TGH.__class__(
                    **{**TGH.__dict__, "name": "Mount Sinai Hospital", "email": "cred@sinai.example"}
                ),
            ),
            True,
            ConsentMethod.IN_PERSON,
            "I consent to the disclosure.",
        ),
    )
    return {
        "member": member_id,
        "first": first,
        "second": second,
        "cert": first.recipients[0].certificate_id,
        "number": first.recipients[0].certificate_number,
        "msg": first.recipients[0].outbox_message_id,
    }


def make(qtbot: QtBot, desk: Desk, **kwargs: Any) -> tuple[ProfileScreen, RecordingNavigator]:
    nav = RecordingNavigator()
    screen = ProfileScreen(UiContext(desk, nav), **kwargs)
    qtbot.addWidget(screen)
    screen.show()
    return screen, nav


def history_texts(screen: ProfileScreen) -> list[tuple[str, str, str]]:
    p = screen.proxy
    return [(p.index(r, 1).data(), p.index(r, 2).data(), p.index(r, 3).data()) for r in range(p.rowCount())]


def form_values(screen: ProfileScreen) -> dict[str, str]:
    form = screen.cert_form
    return {
        form.itemAt(i, form.ItemRole.LabelRole).widget().text().rstrip(":"): form.itemAt(
            i, form.ItemRole.FieldRole
        )
        .widget()
        .text()
        for i in range(form.rowCount())
    }


def test_profile_shows_the_certificate_statements_and_history(
    qtbot: QtBot, desk: Desk, issued: dict[str, Any]
) -> None:
    desk.actor = Actor("registrar.test", StaffRole.REGISTRAR)
    screen, nav = make(qtbot, desk, member_id=issued["member"], certificate_id=issued["cert"])
    assert screen.name_label.text() == "Hélène Côté-Gagnon · CPSO #104211"
    values = form_values(screen)
    assert values["Name"] == "Hélène Côté-Gagnon"
    assert values["Specialties"] == "Family Medicine; Emergency Medicine"
    assert values["Discipline findings"] == NONE_ON_RECORD
    first, second = issued["first"], issued["second"]
    assert history_texts(screen) == [
        (f"Certificate {second.recipients[0].certificate_number}", "Mount Sinai Hospital", "queued"),
        (f"Request {second.request_number}", "Mount Sinai Hospital", "issued"),
        (f"Certificate {first.recipients[0].certificate_number}", "Toronto General Hospital", "queued"),
        (f"Request {first.request_number}", "Toronto General Hospital", "issued"),
    ]
    # opened on the certificate that was asked for
    row = screen.selected_row()
    assert row is not None and row.certificate_id == issued["cert"]
    assert screen.sentence_label.text().startswith(
        "Queued for Toronto General Hospital (credentialing@uhn.example)"
    )
    assert screen.open_button.isEnabled() and screen.reissue_button.isEnabled()
    screen.start_button.click()
    assert nav.started == [issued["member"]]


def test_without_a_member_the_profile_starts_with_the_search(
    qtbot: QtBot, desk: Desk, issued: dict[str, Any]
) -> None:
    screen, _nav = make(qtbot, desk)
    assert screen.stack.currentIndex() == 0
    qtbot.keyClicks(screen.search.box, "cote 1042")
    qtbot.waitUntil(lambda: screen.search.proxy.rowCount() == 1, timeout=3000)
    screen.search.table.doubleClicked.emit(screen.search.proxy.index(0, 0))
    assert screen.stack.currentIndex() == 1 and screen.member_id == issued["member"]
    screen.change_button.click()
    assert screen.stack.currentIndex() == 0


def test_open_pdf_writes_the_signed_certificate_to_exports(
    qtbot: QtBot, desk: Desk, issued: dict[str, Any]
) -> None:
    screen, _nav = make(qtbot, desk, member_id=issued["member"], certificate_id=issued["cert"])
    screen.open_pdf()
    path = desk.folder("exports") / f"{issued['number']}.pdf"
    with desk.db.read() as s:
        stored = s.scalar(
            select(CertificateDocument.pdf).where(CertificateDocument.certificate_id == issued["cert"])
        )
    assert path.read_bytes() == stored
    text = PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text()
    assert issued["number"] in text


def test_print_draws_every_page(qtbot: QtBot, desk: Desk, issued: dict[str, Any], tmp_path: Path) -> None:
    with desk.db.read() as s:
        pdf = s.scalar(
            select(CertificateDocument.pdf).where(CertificateDocument.certificate_id == issued["cert"])
        )
    assert pdf is not None
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = print_pdf_to(printer, pdf)
    assert pages == len(PdfReader(io.BytesIO(pdf)).pages) >= 1
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == pages


def test_resend_to_a_corrected_address_and_send_again(
    qtbot: QtBot, desk: Desk, issued: dict[str, Any], record_messages: list[tuple[str, str, str]]
) -> None:
    with desk.db.write() as s:
        msg = s.get(OutboxMessage, issued["msg"])
        assert msg is not None
        msg.state, msg.attempts, msg.last_error = OutboxState.FAILED_PERMANENT, 1, "550 5.1.1 No such user"
    screen, _nav = make(qtbot, desk, member_id=issued["member"], certificate_id=issued["cert"])
    assert screen.sentence_label.text().startswith("Could not be delivered to Toronto General Hospital")
    assert screen.retry_button.isEnabled() and screen.resend_button.isEnabled()
    assert screen.resend_selected_to("not an address") is False
    assert record_messages and record_messages[-1][0] == "error"
    assert screen.resend_selected_to("medical.staff@uhn.example") is True
    with desk.db.read() as s:
        latest = s.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.certificate_id == issued["cert"])
            .order_by(OutboxMessage.id)
        ).all()[-1]
        assert (latest.to_address, latest.state, latest.resend_of_id) == (
            "medical.staff@uhn.example",
            OutboxState.QUEUED,
            issued["msg"],
        )
    row = screen.selected_row()
    assert row is not None and row.certificate_id == issued["cert"] and row.delivery_state == "queued"
    assert "(medical.staff@uhn.example)" in screen.sentence_label.text()


def test_reissue_revokes_and_shows_the_new_certificate(
    qtbot: QtBot, desk: Desk, issued: dict[str, Any]
) -> None:
    desk.actor = Actor("registrar.test", StaffRole.REGISTRAR)
    screen, _nav = make(qtbot, desk, member_id=issued["member"], certificate_id=issued["cert"])
    screen.reissue_selected("Hospital asked for a fresh copy")
    qtbot.waitUntil(
        lambda: (r := screen.selected_row()) is not None and r.certificate_id != issued["cert"], timeout=15000
    )
    with desk.db.read() as s:
        old = s.get(Certificate, issued["cert"])
        new = s.scalar(select(Certificate).where(Certificate.replaces_id == issued["cert"]))
        assert old is not None and old.revoked and new is not None
        new_number = new.number
    row = screen.selected_row()
    assert row is not None and row.certificate_number == new_number and row.has_pdf
    old_row = next(r for r in screen.history if r.certificate_id == issued["cert"])
    assert old_row.state == "revoked"


def test_a_clerk_cannot_reissue(qtbot: QtBot, desk: Desk, issued: dict[str, Any]) -> None:
    assert desk.actor.role == StaffRole.CLERK
    screen, _nav = make(qtbot, desk, member_id=issued["member"])
    assert screen.reissue_button.isHidden()
    assert not screen.resend_button.isHidden()
