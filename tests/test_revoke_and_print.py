"""Revoking a certificate (profile action and `certificates revoke`) and recording prints (`mark_printed`,
from the profile and the wizard's final page): real SQLite, really signed PDFs, a real print to a PDF file."""

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from members_data import RecordingNavigator
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import ui.desk.profile
from app.access.staff import Actor
from app.audit import trail as audit
from app.desk import Desk
from app.document.verification import revoke_certificate, verify_pdf
from app.errors import NotFound
from app.issuing.requests import certificate_pdf
from app.printing.record import mark_printed
from app.store.models import AuditEvent, Certificate, CertificateRequest, StaffRole
from tests.cli_runner import TEST_ADMIN, run_cli
from tests.factories import make_certificate, make_member, make_request
from tests.wizard_driver import Known, add_directory, open_wizard, run_to_review, submit
from ui.desk.profile import ProfileScreen
from ui.shell.context import UiContext

T1 = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def no_system_viewer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.desk.profile, "OPEN_WITH_SYSTEM", False)


@pytest.fixture
def two_certs(desk: Desk) -> dict[str, Any]:
    """One request to two hospitals, each with its issued, signed certificate."""
    with desk.db.write() as s:
        member = make_member(s)
        request = make_request(
            s, member, [{}, {"name": "Mount Sinai Hospital", "email": "cred@sinai.example.org"}]
        )
        member_id, request_id = member.id, request.id
        recipient_ids = [r.id for r in request.recipients]
    certs = [make_certificate(desk, rid) for rid in recipient_ids]
    return {
        "member": member_id,
        "request": request_id,
        "ids": [c.id for c in certs],
        "numbers": [c.number for c in certs],
    }


def events(desk: Desk, kind: str) -> list[AuditEvent]:
    with desk.db.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.kind == kind).order_by(AuditEvent.id)))


def printed_at(desk: Desk, certificate_id: int) -> datetime | None:
    with desk.db.read() as s:
        cert = s.get(Certificate, certificate_id)
        assert cert is not None
        return cert.printed_at


def request_printed_at(desk: Desk, request_id: int) -> datetime | None:
    with desk.db.read() as s:
        req = s.get(CertificateRequest, request_id)
        assert req is not None
        return req.printed_at


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


# --- mark_printed ---------------------------------------------------------------------------------


def test_mark_printed_keeps_the_latest_time_and_audits_every_print(
    desk: Desk, two_certs: dict[str, Any]
) -> None:
    first, second = two_certs["ids"]
    assert mark_printed(desk, desk.actor, [first], at=T1) == 1
    assert printed_at(desk, first) == T1 and printed_at(desk, second) is None
    # one of the request's two certificates is still unprinted: the request is not printed yet
    assert request_printed_at(desk, two_certs["request"]) is None

    later = T1 + timedelta(hours=2)
    assert mark_printed(desk, desk.actor, [second, first, first], at=later) == 2  # duplicates count once
    assert printed_at(desk, first) == later and printed_at(desk, second) == later
    assert request_printed_at(desk, two_certs["request"]) == later

    printed = events(desk, "certificate.printed")
    assert [e.subject for e in printed] == [
        two_certs["numbers"][0],
        two_certs["numbers"][1],
        two_certs["numbers"][0],
    ]
    assert {e.actor for e in printed} == {"clerk.test"}
    assert {e.member_id for e in printed} == {two_certs["member"]}
    assert json.loads(printed[0].before_json) == {"printed_at": None}
    assert json.loads(printed[2].before_json) == {"printed_at": T1.isoformat()}
    assert json.loads(printed[2].after_json) == {"printed_at": later.isoformat()}
    with desk.db.read() as s:
        assert audit.verify_chain(s).ok


def test_a_request_is_printed_once_every_certificate_in_force_is(
    desk: Desk, two_certs: dict[str, Any], registrar: Actor
) -> None:
    first, _second = two_certs["ids"]
    revoke_certificate(desk, registrar, two_certs["numbers"][1], "Sent to the wrong hospital")
    mark_printed(desk, desk.actor, [first], at=T1)
    assert request_printed_at(desk, two_certs["request"]) == T1


def test_mark_printed_with_an_unknown_id_records_nothing(desk: Desk, two_certs: dict[str, Any]) -> None:
    first, _second = two_certs["ids"]
    with pytest.raises(NotFound, match="999999"):
        mark_printed(desk, desk.actor, [first, 999999])
    assert printed_at(desk, first) is None
    assert events(desk, "certificate.printed") == []
    assert mark_printed(desk, desk.actor, []) == 0


# --- certificates revoke (CLI) -----------------------------------------------------------------------


def cli(data_dir: Path, database_url: str, *words: str) -> int:
    return run_cli(["--data-dir", str(data_dir), "--database-url", database_url, *words])


def test_cli_revokes_with_a_reason(
    desk: Desk,
    two_certs: dict[str, Any],
    data_dir: Path,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    number = two_certs["numbers"][0]
    reason = "Issued to the wrong hospital"
    assert cli(data_dir, database_url, "certificates", "revoke", number.lower(), "--reason", reason) == 0
    out = capsys.readouterr().out
    assert f"Revoked {number}" in out and reason in out
    with desk.db.read() as s:
        cert = s.get(Certificate, two_certs["ids"][0])
        assert cert is not None and cert.revoked and cert.revoked_reason == reason
        assert cert.revoked_by == TEST_ADMIN  # who signed in (tests/cli_runner.py), not the OS account
    [event] = events(desk, "certificate.revoked")
    assert event.subject == number and event.actor == TEST_ADMIN
    result = verify_pdf(desk, certificate_pdf(desk, desk.actor, two_certs["ids"][0]))
    assert not result.ok and any(reason in p for p in result.problems)

    # a second revoke, a blank reason and an unknown number are refused in words, exit status 2
    assert cli(data_dir, database_url, "certificates", "revoke", number, "--reason", "again") == 2
    assert "already revoked" in capsys.readouterr().err
    other = two_certs["numbers"][1]
    assert cli(data_dir, database_url, "certificates", "revoke", other, "--reason", "   ") == 2
    assert "reason" in capsys.readouterr().err.lower()
    assert cli(data_dir, database_url, "certificates", "revoke", "CPC-2026-999999", "--reason", "x") == 2
    assert "no certificate CPC-2026-999999" in capsys.readouterr().err
    assert len(events(desk, "certificate.revoked")) == 1


def test_cli_revoke_requires_a_reason(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_cli(["certificates", "revoke", "CPC-2026-000001"])
    assert exit_info.value.code == 2
    assert "--reason" in capsys.readouterr().err


# --- the profile --------------------------------------------------------------------------------------


def make_profile(qtbot: QtBot, desk: Desk, **kwargs: Any) -> tuple[ProfileScreen, list[int]]:
    ctx = UiContext(desk, RecordingNavigator())
    changed: list[int] = []
    ctx.data_changed.connect(lambda: changed.append(1))
    screen = ProfileScreen(ctx, **kwargs)
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    return screen, changed


def test_registrar_revokes_from_the_profile_with_a_required_reason(
    qtbot: QtBot, desk: Desk, two_certs: dict[str, Any]
) -> None:
    desk.actor = Actor("registrar.test", StaffRole.REGISTRAR, "Test Registrar")
    first, second = two_certs["ids"]
    screen, changed = make_profile(qtbot, desk, member_id=two_certs["member"], certificate_id=first)
    assert screen.revoke_button.isVisible() and screen.revoke_button.isEnabled()
    qtbot.mouseClick(screen.revoke_button, Qt.MouseButton.LeftButton)
    dialog = screen.findChild(ui.desk.profile.ReasonDialog)
    assert dialog is not None and dialog.isVisible()  # open(), not exec(): we got here
    assert two_certs["numbers"][0] in dialog.windowTitle()

    # whitespace only: refused inline, the box stays open, nothing changes
    dialog.reason.setText("   ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Reason" in dialog.error.text()
    assert events(desk, "certificate.revoked") == []

    qtbot.keyClicks(dialog.reason, "Sent to the wrong hospital")
    assert not dialog.error.isVisible()  # typing clears the complaint
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (r := screen.selected_row()) is not None and r.revoked, timeout=15000)

    with desk.db.read() as s:
        cert = s.get(Certificate, first)
        other = s.get(Certificate, second)
        assert cert is not None and cert.revoked and cert.revoked_by == "registrar.test"
        assert cert.revoked_reason == "Sent to the wrong hospital"
        assert other is not None and not other.revoked
    [event] = events(desk, "certificate.revoked")
    assert event.subject == two_certs["numbers"][0] and event.actor == "registrar.test"
    row = screen.selected_row()
    assert row is not None and row.certificate_id == first and row.state == "revoked"
    assert changed
    # the revoked line: no second revoke, no printing; it may still be reissued
    assert not screen.revoke_button.isEnabled() and not screen.print_button.isEnabled()
    assert screen.reissue_button.isEnabled() and screen.open_button.isEnabled()


def test_a_failed_revoke_is_shown_as_a_message(
    qtbot: QtBot, desk: Desk, two_certs: dict[str, Any], registrar: Actor, record_messages: list[Any]
) -> None:
    desk.actor = registrar
    first = two_certs["ids"][0]
    screen, _changed = make_profile(qtbot, desk, member_id=two_certs["member"], certificate_id=first)
    revoke_certificate(desk, registrar, two_certs["numbers"][0], "Revoked at another desk")
    screen.revoke_selected("Sent to the wrong hospital")
    qtbot.waitUntil(lambda: bool(record_messages), timeout=15000)
    kind, title, text = record_messages[-1]
    assert (kind, title) == ("error", "Revoke") and "already revoked" in text
    assert screen.revoke_button.isEnabled()  # the screen is usable again
    with desk.db.read() as s:
        cert = s.get(Certificate, first)
        assert cert is not None and cert.revoked_reason == "Revoked at another desk"


def test_a_clerk_sees_no_revoke(qtbot: QtBot, desk: Desk, two_certs: dict[str, Any]) -> None:
    assert desk.actor.role == StaffRole.CLERK
    screen, _changed = make_profile(qtbot, desk, member_id=two_certs["member"])
    assert screen.revoke_button.isHidden() and screen.reissue_button.isHidden()


def test_reissue_asks_for_its_reason_the_same_way(
    qtbot: QtBot, desk: Desk, two_certs: dict[str, Any], registrar: Actor
) -> None:
    desk.actor = registrar
    first = two_certs["ids"][0]
    screen, _changed = make_profile(qtbot, desk, member_id=two_certs["member"], certificate_id=first)
    dialog = screen.ask_reissue_reason()
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "required" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "Corrected attention line")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (r := screen.selected_row()) is not None and r.certificate_id not in two_certs["ids"],
        timeout=15000,
    )
    with desk.db.read() as s:
        old = s.get(Certificate, first)
        assert old is not None and old.revoked_reason == "Reissued: Corrected attention line"


def test_printing_from_the_profile_marks_it_printed(
    qtbot: QtBot, desk: Desk, two_certs: dict[str, Any], tmp_path: Path
) -> None:
    first = two_certs["ids"][0]
    screen, changed = make_profile(qtbot, desk, member_id=two_certs["member"], certificate_id=first)
    out = tmp_path / "printed.pdf"
    dialog = screen.print_pdf(printer=pdf_printer(out))
    assert dialog is not None and dialog.isVisible()
    before = datetime.now(UTC)
    dialog.accept()
    qtbot.waitUntil(lambda: printed_at(desk, first) is not None, timeout=15000)
    qtbot.waitUntil(lambda: bool(changed), timeout=15000)

    stored = PdfReader(io.BytesIO(certificate_pdf(desk, desk.actor, first)))
    assert len(PdfReader(str(out)).pages) == len(stored.pages) >= 1
    when = printed_at(desk, first)
    assert when is not None and before <= when <= datetime.now(UTC)
    assert printed_at(desk, two_certs["ids"][1]) is None
    [event] = events(desk, "certificate.printed")
    assert event.subject == two_certs["numbers"][0] and event.actor == "clerk.test"
    # the history shows it
    qtbot.waitUntil(lambda: (r := screen.selected_row()) is not None and r.printed_at is not None)
    row = screen.selected_row()
    assert row is not None and row.certificate_id == first
    source_row = next(i for i, r in enumerate(screen.history) if r.certificate_id == first)
    assert screen.model.index(source_row, 3).data() == "printed"  # the Status column
    assert "printed at" in screen.sentence_label.text()


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt says so when the printer cannot start; that is the test
def test_a_printer_that_cannot_start_records_nothing(
    qtbot: QtBot, desk: Desk, two_certs: dict[str, Any], tmp_path: Path, record_messages: list[Any]
) -> None:
    first = two_certs["ids"][0]
    screen, _changed = make_profile(qtbot, desk, member_id=two_certs["member"], certificate_id=first)
    printer = pdf_printer(tmp_path / "no-such-folder" / "printed.pdf")  # cannot be written
    dialog = screen.print_pdf(printer=printer)
    assert dialog is not None
    dialog.accept()
    assert record_messages and record_messages[-1][:2] == ("error", "Print")
    assert "nothing was printed" in record_messages[-1][2]
    assert printed_at(desk, first) is None and events(desk, "certificate.printed") == []


# --- the wizard's final page -------------------------------------------------------------------------


def test_printing_from_the_wizard_marks_it_printed(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    desk.offline = True
    add_directory(desk)
    with desk.db.write() as s:
        member_id = make_member(s).id
    wizard = open_wizard(qtbot, desk, member_id)
    run_to_review(qtbot, wizard, None, [Known("Toronto General Hospital")])
    submit(qtbot, wizard)
    result = wizard.result_
    assert result is not None
    certificate_id = result.recipients[0].certificate_id
    assert certificate_id is not None and printed_at(desk, certificate_id) is None
    assert wizard.done_page.print_button.isEnabled()
    out = tmp_path / "wizard-printed.pdf"
    dialog = wizard.print_pdf(printer=pdf_printer(out))
    assert dialog is not None and dialog.isVisible()
    dialog.accept()
    qtbot.waitUntil(lambda: printed_at(desk, certificate_id) is not None, timeout=15000)
    qtbot.waitUntil(lambda: "printed" in wizard.done_page.table.item(0, 4).text(), timeout=15000)
    assert wizard.done_page.table.item(0, 4).text().startswith("Queued — offline mode")  # still said
    assert len(PdfReader(str(out)).pages) >= 1
    [event] = events(desk, "certificate.printed")
    assert event.subject == result.recipients[0].certificate_number
    assert request_printed_at(desk, result.request_id) is not None


def test_the_status_column_says_printed(qtbot: QtBot) -> None:
    from app.register.members import HistoryRow

    base = dict(
        at=T1, kind="certificate", request_id=1, request_number="R-0000001", request_status="issued",
        certificate_id=1, certificate_number="CPC-2026-000001", recipient="TGH", recipient_email="",
        state="sent", sentence="", who="clerk.test", delivery_state="sent", attempts=1, last_error="",
        outbox_message_id=1, valid_until=None, revoked=False, replaced=False, printed_at=None, has_pdf=True,
    )  # fmt: skip
    assert ui.desk.profile.status_text(HistoryRow(**base)) == "sent"  # type: ignore[arg-type]
    printed = HistoryRow(**{**base, "printed_at": T1})  # type: ignore[arg-type]
    assert ui.desk.profile.status_text(printed) == "sent · printed"
    not_emailed = HistoryRow(**{**base, "printed_at": T1, "state": "printed"})  # type: ignore[arg-type]
    assert ui.desk.profile.status_text(not_emailed) == "printed"


def test_reissue_to_a_corrected_address_from_the_profile(
    qtbot: QtBot, desk: Desk, two_certs: dict[str, Any], registrar: Actor
) -> None:
    from app.store.models import RequestRecipient

    desk.actor = registrar
    first = two_certs["ids"][0]
    screen, changed = make_profile(qtbot, desk, member_id=two_certs["member"], certificate_id=first)
    dialog = screen.ask_reissue_reason()
    assert dialog is not None and not dialog.address_box.isVisibleTo(dialog)
    assert dialog.fields["name"].text() == "Toronto General Hospital"  # starts from the address on file
    qtbot.keyClicks(dialog.reason, "Wrong attention line and email")
    qtbot.mouseClick(dialog.correct_box, Qt.MouseButton.LeftButton)
    assert dialog.address_box.isVisible()

    # a bad email and an emptied city are both named inline; nothing is issued
    dialog.fields["email"].setText("not an address")
    dialog.fields["city"].setText("")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Email address" in dialog.error.text() and "City" in dialog.error.text()
    assert events(desk, "certificate.reissued") == []

    dialog.fields["city"].setText("Toronto")
    dialog.fields["attention"].setText("Credentialing Office")
    dialog.fields["email"].setText("credentialing@uhn.example.org")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(
        lambda: (r := screen.selected_row()) is not None and r.certificate_id not in two_certs["ids"],
        timeout=15000,
    )
    assert changed
    row = screen.selected_row()
    assert row is not None and row.recipient_email == "credentialing@uhn.example.org"
    with desk.db.read() as s:
        old = s.get(Certificate, first)
        new = s.scalar(select(Certificate).where(Certificate.replaces_id == first))
        assert old is not None and old.revoked and new is not None
        assert old.recipient.email == "credentials@tgh.example.org"  # the old one keeps its address
        target = s.get(RequestRecipient, new.recipient_id)
        assert target is not None and target.request_id == two_certs["request"]
        assert (target.attention, target.email) == ("Credentialing Office", "credentialing@uhn.example.org")
        new_pdf = certificate_pdf(desk, desk.actor, new.id)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(new_pdf)).pages)
    assert "Credentialing Office" in text
