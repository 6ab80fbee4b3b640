"""Copies of Documents: the Certificate of Registration, Membership Card and Membership Diploma of demo
members of every status and class, issued through the one engine, read back with pypdf, signed, verified,
refused where the rules say so, and emailed to the member through a real loopback SMTP server."""

import re
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.desk import Desk
from app.document.member_documents import CARD_H, CARD_W, card_sheet_positions, crop_marks
from app.document.standing import Status, certificate_standing
from app.document.verification import verify_pdf
from app.errors import PermissionDenied, ValidationError, ValidationErrors
from app.issuing import rules
from app.issuing.documents import document_pdf, document_refusals, issue_copies
from app.mail.outbox import send_due
from app.register.demo import demo_members
from app.register.members import member_history, refresh_search_name, status_sentence
from app.store.models import (
    AuditEvent,
    Certificate,
    Member,
    MemberStatus,
    OutboxMessage,
    OutboxState,
    StaffRole,
)
from tests.cli_runner import run_cli
from tests.smtp_servers import SmtpServer

KINDS = ("registration", "card", "diploma")


def _demo(desk: Desk) -> dict[str, Member]:
    """Demo members, one of every status and (active) every registration class, plus one with terms."""
    members = demo_members(80)
    picked: dict[str, Member] = {}
    for m in members:
        picked.setdefault(f"status:{m.status.value}", m)
        if m.status == MemberStatus.ACTIVE:
            picked.setdefault(f"class:{m.registration_class}", m)
            if m.terms_conditions:
                picked.setdefault("terms", m)
    with desk.db.write() as session:
        for m in {id(m): m for m in picked.values()}.values():
            refresh_search_name(m)
            session.add(m)
    return {key: m for key, m in picked.items()}


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


def _lowest_baseline(reader: PdfReader) -> float:
    """The lowest baseline of any text on any page, in page coordinates (what ran off the page is < 0)."""
    lowest: list[float] = []

    def baseline(text: str, cm: list[float], tm: list[float], _fd: object, _fs: object) -> None:
        if text.strip():  # the text matrix's origin through the current matrix
            lowest.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    for page in reader.pages:
        page.extract_text(visitor_text=baseline)
    return min(lowest)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_demo_member_gets_the_documents_the_rules_allow_each_right_signed_and_valid(desk: Desk) -> None:
    picked = _demo(desk)
    assert {f"status:{s.value}" for s in MemberStatus} <= set(picked)  # every kind of member is here
    issued = 0
    for key, member in picked.items():
        allowed = [k for k in KINDS if not rules.document_refusal(member, k)]
        refused = [k for k in KINDS if k not in allowed]
        for kind in refused:
            with pytest.raises(ValidationErrors) as caught:
                issue_copies(desk, desk.actor, member.cpso_number, [kind])
            assert caught.value.errors[0].field == "document", key
        if not allowed:
            continue
        result = issue_copies(desk, desk.actor, member.cpso_number, allowed)
        assert [c.kind for c in result.copies] == allowed
        for copy in result.copies:
            issued += 1
            series = {"registration": "REG", "card": "CARD", "diploma": "DIP"}[copy.kind]
            assert re.fullmatch(rf"{series}-\d{{4}}-\d{{6}}", copy.number)
            pdf = document_pdf(desk, desk.actor, copy.number)
            text = _flat(_text(pdf))
            assert _flat(member.full_name) in text, (key, copy.kind)
            assert copy.number in text
            with desk.db.read() as session:
                cert = session.scalar(select(Certificate).where(Certificate.number == copy.number))
                assert cert is not None
                code = cert.verification_code
            assert code in text
            if copy.kind != "diploma":
                assert member.cpso_number in text
                assert member.registration_class in text
                assert member.status.value.capitalize() in text
            else:
                assert f"CPSO number {member.cpso_number}" in text
                assert f"class of {member.registration_class}" in text
            if copy.kind == "registration":
                expected_terms = _flat(member.terms_conditions) or "None on record."
                assert expected_terms in text
            result_check = verify_pdf(desk, pdf)
            assert result_check.ok, (key, copy.kind, result_check.problems)
            assert result_check.number == copy.number
            assert "the digital signature is intact" in result_check.checks
    assert issued >= 15  # five classes and the statuses that may have documents


def test_the_rules_refuse_a_card_to_a_member_not_active_and_everything_to_a_deceased_one(desk: Desk) -> None:
    picked = _demo(desk)
    deceased = picked["status:deceased"]
    with pytest.raises(ValidationErrors) as caught:
        issue_copies(desk, desk.actor, deceased.cpso_number, list(KINDS))
    assert len(caught.value.errors) == 3
    assert all("deceased" in str(e) for e in caught.value.errors)
    revoked = document_refusals(desk, desk.actor, picked["status:revoked"].cpso_number)
    assert (
        revoked["registration"] == ""
        and "active member" in revoked["card"]
        and "revoked" in revoked["diploma"]
    )
    suspended = document_refusals(desk, desk.actor, picked["status:suspended"].cpso_number)
    assert "active member" in suspended["card"] and suspended["diploma"] == ""
    with desk.db.read() as session:
        assert session.scalar(select(Certificate.id)) is None  # nothing was numbered for a refusal


def test_the_card_is_wallet_size_for_a_phone_then_one_letter_sheet_with_crop_marks(desk: Desk) -> None:
    member = _demo(desk)["status:active"]
    number = issue_copies(desk, desk.actor, member.cpso_number, ["card"]).copies[0].number
    reader = PdfReader(BytesIO(document_pdf(desk, desk.actor, number)))
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    assert sizes[0] == pytest.approx((85.6 * 72 / 25.4, 54 * 72 / 25.4), abs=0.01)
    assert sizes[1] == pytest.approx(sizes[0])
    assert sizes[2] == (612, 792)
    sheet = reader.pages[2]
    stream = sheet.get_contents()
    assert stream is not None
    drawn = {
        tuple(round(float(v), 1) for v in m.groups())
        for m in re.finditer(rb"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S", stream.get_data())
    }
    (fx, fy), (bx, by) = card_sheet_positions()
    for x, y in ((fx, fy), (bx, by)):
        for mark in crop_marks(x, y, CARD_W, CARD_H):
            assert tuple(round(v, 1) for v in mark) in drawn
    text = _flat(sheet.extract_text())
    assert "Front" in text and "Back" in text and "crop marks" in text


def test_the_diploma_is_landscape(desk: Desk) -> None:
    member = _demo(desk)["status:active"]
    number = issue_copies(desk, desk.actor, member.cpso_number, ["diploma"]).copies[0].number
    reader = PdfReader(BytesIO(document_pdf(desk, desk.actor, number)))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (792, 612)
    assert "Membership Diploma" in page.extract_text()


def test_documents_are_filed_numbered_and_audited_like_a_cpc_in_their_own_series(desk: Desk) -> None:
    member = _demo(desk)["status:active"]
    first = issue_copies(desk, desk.actor, member.cpso_number, ["registration", "card"])
    second = issue_copies(desk, desk.actor, member.cpso_number, ["card"])
    year = date.today().year
    assert [c.number for c in first.copies] == [f"REG-{year}-000001", f"CARD-{year}-000001"]
    assert second.copies[0].number == f"CARD-{year}-000002"
    with desk.db.read() as session:
        kinds = [
            e.kind
            for e in session.scalars(
                select(AuditEvent)
                .where(AuditEvent.subject.in_([second.request_number, second.copies[0].number]))
                .order_by(AuditEvent.id)
            )
        ]
        history = member_history(
            session, session.scalar(select(Member.id).where(Member.cpso_number == member.cpso_number)) or 0
        )
        sentence = status_sentence(session, f"card {year} 2")
    assert kinds == [
        "request.created",
        "request.consent_recorded",
        "request.submitted",
        "certificate.issued",
        "request.issued",
        "certificate.signed",
        "outbox.queued",
    ]
    listed = {row.certificate_number for row in history}
    assert {c.number for c in first.copies + second.copies} <= listed
    assert sentence is not None and sentence.startswith("Waiting in the outbox") and member.email in sentence


def test_a_corrected_email_is_validated_and_a_member_without_one_is_asked_for_it(desk: Desk) -> None:
    member = _demo(desk)["status:active"]
    with pytest.raises(ValidationError) as caught:
        issue_copies(desk, desk.actor, member.cpso_number, ["card"], email="not an address")
    assert caught.value.field == "email"
    with pytest.raises(ValidationError) as caught:
        issue_copies(
            desk, desk.actor, member.cpso_number, ["card"], email="a@example.org\r\nBcc: x@evil.example"
        )
    assert caught.value.field == "email"
    with desk.db.write() as session:
        row = session.scalar(select(Member).where(Member.cpso_number == member.cpso_number))
        assert row is not None
        row.email = ""
    with pytest.raises(ValidationErrors) as many:
        issue_copies(desk, desk.actor, member.cpso_number, ["card"])
    assert [e.field for e in many.value.errors] == ["email"]
    done = issue_copies(desk, desk.actor, member.cpso_number, ["card"], email="New.Address@Example.org")
    assert done.email == "New.Address@example.org"


def test_an_unknown_kind_is_named(desk: Desk) -> None:
    member = _demo(desk)["status:active"]
    with pytest.raises(ValidationError) as caught:
        issue_copies(desk, desk.actor, member.cpso_number, ["passport"])
    assert caught.value.field == "document" and "passport" in str(caught.value)


def test_a_role_without_filing_may_not_issue(desk: Desk) -> None:
    from app.access.staff import Actor

    member = _demo(desk)["status:active"]

    class Nobody(Actor):
        def can(self, permission: str) -> bool:
            return False

    with pytest.raises(PermissionDenied):
        issue_copies(desk, Nobody("x", StaffRole.CLERK), member.cpso_number, ["card"])


def test_the_documents_go_to_the_member_through_the_outbox(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    member = _demo(desk)["status:active"]
    issued = issue_copies(desk, desk.actor, member.cpso_number, ["registration", "diploma"])
    report = send_due(desk)
    assert report.sent == 2, report.summary()
    got = {m.message["X-CPC-Certificate"]: m for m in plain_smtp.received}
    assert set(got) == {c.number for c in issued.copies}
    for copy in issued.copies:
        received = got[copy.number]
        assert received.rcpt_tos == [member.email]
        msg = received.message
        assert msg["Subject"] == f"Your {copy.title} {copy.number} (CPSO #{member.cpso_number})"
        attachment = next(p for p in msg.iter_attachments())
        assert attachment.get_filename() == f"{copy.number}.pdf"
        pdf = attachment.get_content()
        assert verify_pdf(desk, pdf).ok
        body = msg.get_body(("plain",))
        assert body is not None and f"copy of your {copy.title}" in body.get_content()
    with desk.db.read() as session:
        states = set(session.scalars(select(OutboxMessage.state)))
    assert states == {OutboxState.SENT}


def test_documents_issue_on_the_command_line(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picked = _demo(desk)
    active, deceased = picked["status:active"].cpso_number, picked["status:deceased"].cpso_number
    base = ["--data-dir", str(desk.data_dir), "--database-url", str(desk.db.url)]
    out = tmp_path / "out"
    status = run_cli(
        [*base, "documents", "issue", active, "--kind", "card", "--kind", "diploma", "--out", str(out)]
    )
    printed = capsys.readouterr()
    assert status == 0, printed.err
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2 and files[0].startswith("CARD-") and files[1].startswith("DIP-")
    assert "emailed to" in printed.out
    assert run_cli([*base, "verify", str(out / files[0])]) == 0
    assert "Result: VALID" in capsys.readouterr().out
    status = run_cli([*base, "documents", "issue", deceased, "--kind", "registration"])
    printed = capsys.readouterr()
    assert status == 2
    assert "deceased" in printed.err and "Traceback" not in printed.err


def test_how_long_a_copy_verifies() -> None:
    from datetime import timedelta

    from app.store.models import Member

    today = date(2026, 12, 6)
    member = Member(status=MemberStatus.ACTIVE, certificate_expiry_date=date(2027, 6, 30))
    assert rules.document_valid_until(member, "card", today) == date(2027, 6, 30)
    assert rules.document_valid_until(member, "registration", today) == date(2027, 6, 30)
    assert rules.document_valid_until(member, "diploma", today) == date(2076, 12, 6)
    member.certificate_expiry_date = date(2026, 1, 1)  # passed: a year from issue, not a date gone by
    assert rules.document_valid_until(member, "card", today) == today + timedelta(days=365)
    member.certificate_expiry_date = None
    assert rules.document_valid_until(member, "registration", today) == today + timedelta(days=365)
    assert rules.document_valid_until(member, "diploma", date(2028, 2, 29)) == date(2078, 2, 28)
    assert rules.document_valid_until(member, "diploma", date(2026, 1, 31)) == date(2076, 1, 31)


def test_long_register_entries_and_any_script_fit_every_document(desk: Desk) -> None:
    terms = " ".join(
        f"Condition {i}: the member shall practise only under the supervision named." for i in range(60)
    )
    with desk.db.write() as session:
        from tests.factories import make_member

        member = make_member(
            session,
            first_name="美咲",
            last_name="Wolfeschlegelsteinhausenbergerdorff-Ōtomo",
            middle_name="Αλέξανδρος",
            terms_conditions=terms,
        )
        cpso = member.cpso_number
    issued = issue_copies(desk, desk.actor, cpso, list(KINDS))
    for copy in issued.copies:
        pdf = document_pdf(desk, desk.actor, copy.number)
        text = _flat(_text(pdf))
        assert "Wolfeschlegelsteinhausenbergerdorff-Ōtomo" in text and "Αλέξανδρος" in text, copy.kind
        assert verify_pdf(desk, pdf).ok
        if copy.kind == "registration":
            reader = PdfReader(BytesIO(pdf))
            assert len(reader.pages) >= 2  # the conditions run on to the next page, nothing cut off
            assert "Condition 59:" in text and "Page 2" in text
            assert _lowest_baseline(reader) >= 20, "text drawn below the page's footer"


def test_a_copy_of_a_document_is_found_by_the_verification_services_look_up(desk: Desk) -> None:
    """The verification page and `verify` share one look-up: the REG-, CARD- and DIP- series answer too."""
    member = _demo(desk)["status:active"]
    issued = issue_copies(desk, desk.actor, member.cpso_number, ["diploma"])
    copy = issued.copies[0]
    with desk.db.read() as session:
        code = session.scalar(select(Certificate.verification_code).where(Certificate.number == copy.number))
    assert code
    typed = copy.number.lower().replace("-", " ")
    standing = certificate_standing(desk, typed, code)
    assert standing.number == copy.number
    assert standing.status is Status.VALID
    assert standing.cpso_number == member.cpso_number
    assert certificate_standing(desk, copy.number, "WRNG-CODE-0000").status is Status.NOT_FOUND
