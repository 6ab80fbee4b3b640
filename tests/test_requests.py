"""The request service: one transaction per Submit, idempotency, review routing, reissue."""

import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from app.access.staff import Actor
from app.audit.trail import verify_chain
from app.desk import Desk
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError, ValidationErrors
from app.issuing.requests import (
    RequestDraft,
    approve_request,
    awaiting_review,
    decline_request,
    find_members,
    local_today,
    reissue_certificate,
    request_result,
    submit_request,
)
from app.register.recipients import RecipientInput, validate_recipient
from app.store.models import (
    AuditEvent,
    Certificate,
    CertificateDocument,
    CertificateRequest,
    CertificateSequence,
    ConsentMethod,
    Institution,
    OutboxMessage,
    OutboxState,
    RequestStatus,
    StaffRole,
)
from tests.factories import make_member
from tests.smtp_servers import SmtpServer
from tests.wizard_driver import flat, pdf_text

CLERK = Actor("clerk.test", StaffRole.CLERK, "Test Clerk")

HOSPITAL = validate_recipient(
    {
        "institution_type": "Hospital",
        "name": "Toronto General Hospital",
        "street1": "200 Elizabeth Street",
        "city": "Toronto",
        "state": "ON",
        "country": "CA",
        "postal_code": "M5G 2C4",
        "email": "credentials@tgh.example.org",
    }
)
SCHOOL = validate_recipient(
    {
        "institution_type": "Medical school or university",
        "name": "Karolinska Institutet",
        "attention": "Studentexpeditionen",
        "street1": "Solnavägen 1",
        "city": "Solna",
        "country": "Sweden",
        "postal_code": "171 77",
        "email": "registrar@ki.example.se",
        "save_to_directory": True,
    }
)


def draft(member_id: int, *recipients: RecipientInput, **changes: Any) -> RequestDraft:
    values: dict[str, Any] = {
        "member_id": member_id,
        "recipients": recipients or (HOSPITAL,),
        "consent_given": True,
        "consent_method": ConsentMethod.PHONE,
        "consent_statement": "I certify that I have read and understand the section above.",
    }
    values.update(changes)
    return RequestDraft(**values)


@pytest.fixture
def member_id(desk: Desk) -> int:
    with desk.db.write() as session:
        return make_member(session, cpso_number="104512").id


@pytest.fixture
def flagged_id(desk: Desk) -> int:
    with desk.db.write() as session:
        return make_member(
            session, cpso_number="209876", pending_investigations="An allegation under review."
        ).id


def count(desk: Desk, model: Any) -> int:
    with desk.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_submit_issues_signs_and_queues_in_one_go(desk: Desk, member_id: int) -> None:
    result = submit_request(desk, CLERK, draft(member_id, HOSPITAL, SCHOOL, notes="Called at 10:05"))
    assert result.status == RequestStatus.ISSUED and not result.already_submitted
    assert [r.name for r in result.recipients] == ["Toronto General Hospital", "Karolinska Institutet"]
    for r in result.recipients:
        assert r.certificate_number.startswith(f"CPC-{local_today().year}-")
        assert r.delivery_state == OutboxState.QUEUED and r.pdf_available
        assert r.valid_until == local_today() + timedelta(days=90)
    with desk.db.read() as session:
        request = session.get(CertificateRequest, result.request_id)
        assert request is not None
        assert request.consent_method == ConsentMethod.PHONE and request.consent_at is not None
        assert request.notes == "Called at 10:05" and request.issued_at is not None
        certs = list(session.scalars(select(Certificate).order_by(Certificate.id)))
        assert [c.issue_seq for c in certs] == [0, 0]
        assert all(c.issue_date == local_today() for c in certs)
        messages = list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        assert [m.to_address for m in messages] == ["credentials@tgh.example.org", "registrar@ki.example.se"]
        saved = session.scalar(select(Institution).where(Institution.name == "Karolinska Institutet"))
        assert saved is not None and saved.verified is False and saved.country == "SE"
        kinds = [e.kind for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
        assert verify_chain(session).ok
    for kind in ("request.created", "request.consent_recorded", "request.submitted", "request.issued"):
        assert kind in kinds
    assert kinds.count("certificate.issued") == 2 and kinds.count("institution.added") == 1
    text = flat(pdf_text(desk, result.recipients[1].certificate_id or 0))
    assert "Karolinska Institutet" in text and "Solnavägen 1" in text and "104512" in text


def test_validity_follows_the_institution_type_setting(desk: Desk, member_id: int) -> None:
    desk.settings.set("validity.days_by_type", "Hospital=30; Medical school or university=180")
    result = submit_request(desk, CLERK, draft(member_id, HOSPITAL, SCHOOL))
    assert [r.valid_until for r in result.recipients] == [
        local_today() + timedelta(days=30),
        local_today() + timedelta(days=180),
    ]


def test_the_same_key_submitted_twice_finds_the_first_request(desk: Desk, member_id: int) -> None:
    d = draft(member_id)
    first = submit_request(desk, CLERK, d)
    again = submit_request(desk, CLERK, d)
    assert again.already_submitted and again.request_id == first.request_id
    assert again.recipients[0].certificate_number == first.recipients[0].certificate_number
    assert (count(desk, CertificateRequest), count(desk, Certificate), count(desk, OutboxMessage)) == (
        1,
        1,
        1,
    )


def test_concurrent_submits_with_one_key_issue_once(desk: Desk, member_id: int) -> None:
    from app.document.signing import load_signer

    load_signer(desk)  # the desk's demo key exists before the race (its first-run creation is not raced here)
    d = draft(member_id)
    results: list[Any] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def go() -> None:
        barrier.wait()
        try:
            results.append(submit_request(desk, CLERK, d))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=go) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert len({r.request_id for r in results}) == 1 and len(results) == 3
    assert sum(1 for r in results if not r.already_submitted) >= 1
    assert (count(desk, CertificateRequest), count(desk, Certificate), count(desk, OutboxMessage)) == (
        1,
        1,
        1,
    )
    with desk.db.read() as session:
        assert session.scalar(select(CertificateSequence.last_value)) == 1  # no number used up by a loser


def test_a_failure_while_issuing_leaves_nothing_behind(desk: Desk, member_id: int) -> None:
    # A right-to-left letter (Hebrew) passes the text rule but the certificate does not print it: that fails
    # the second certificate while issuing, and the first must roll back with it. (A letter no font draws,
    # and an emoji, are refused earlier, by the text rule.)
    unprintable = RecipientInput(
        **{**HOSPITAL.__dict__, "name": "Clinic \u05d0", "email": "x@clinic.example"}
    )
    events_before = count(desk, AuditEvent)  # the member's row, sealed by the trail when it was written
    with pytest.raises(ValidationError) as info:
        submit_request(desk, CLERK, draft(member_id, HOSPITAL, unprintable))
    assert "U+05D0" in str(info.value)
    for model in (CertificateRequest, Certificate, CertificateDocument, OutboxMessage):
        assert count(desk, model) == 0, model
    assert count(desk, AuditEvent) == events_before
    with desk.db.read() as session:
        assert (session.scalar(select(CertificateSequence.last_value)) or 0) == 0


def test_draft_is_checked_before_anything_is_written(desk: Desk, member_id: int) -> None:
    bad = RecipientInput(**{**HOSPITAL.__dict__, "city": " ", "email": "a@x.org\nBcc: b@y.org"})
    with pytest.raises(ValidationErrors) as info:
        submit_request(desk, CLERK, draft(member_id, HOSPITAL, bad, consent_given=False, consent_method=None))
    fields = [e.field for e in info.value.errors]
    assert fields == ["Recipient 2 – City", "Recipient 2 – Email address", "Consent", "How consent was given"]
    with pytest.raises(ValidationErrors) as info:
        submit_request(desk, CLERK, draft(member_id, recipients=()))
    assert info.value.errors[0].field == "Recipient"
    with pytest.raises(NotFound):
        submit_request(desk, CLERK, draft(999))
    assert count(desk, CertificateRequest) == 0


def test_member_needing_review_gets_no_certificate_until_approved(
    desk: Desk, flagged_id: int, registrar: Actor
) -> None:
    result = submit_request(desk, CLERK, draft(flagged_id))
    assert result.status == RequestStatus.AWAITING_REVIEW
    assert result.review_reasons == ["has a pending investigation"]
    assert result.recipients[0].certificate_number == ""
    assert count(desk, Certificate) == 0 and count(desk, OutboxMessage) == 0
    assert [r.request_id for r in awaiting_review(desk, registrar)] == [result.request_id]

    with pytest.raises(PermissionDenied):
        approve_request(desk, CLERK, result.request_id)
    approved = approve_request(desk, registrar, result.request_id)
    assert approved.status == RequestStatus.ISSUED and approved.recipients[0].delivery_state == "queued"
    assert awaiting_review(desk, registrar) == []
    with pytest.raises(ConflictError, match="no longer awaiting review"):
        approve_request(desk, registrar, result.request_id)
    assert count(desk, Certificate) == 1
    text = flat(pdf_text(desk, approved.recipients[0].certificate_id or 0))
    assert "An allegation under review." in text


def test_decline_needs_a_reason_and_issues_nothing(desk: Desk, flagged_id: int, registrar: Actor) -> None:
    result = submit_request(desk, CLERK, draft(flagged_id))
    with pytest.raises(ValidationError, match="Reason"):
        decline_request(desk, registrar, result.request_id, "   ")
    with pytest.raises(PermissionDenied):
        decline_request(desk, CLERK, result.request_id, "no")
    declined = decline_request(desk, registrar, result.request_id, "Investigation must conclude first.")
    assert declined.status == RequestStatus.DECLINED
    with desk.db.read() as session:
        request = session.get(CertificateRequest, result.request_id)
        assert request is not None and request.review_reason == "Investigation must conclude first."
        assert request.reviewed_by == "registrar.test"
        event = session.scalar(select(AuditEvent).where(AuditEvent.kind == "request.declined"))
        assert event is not None and "Investigation must conclude first." in event.after_json
    assert count(desk, Certificate) == 0
    with pytest.raises(ConflictError):
        approve_request(desk, registrar, result.request_id)


def test_reissue_to_a_corrected_address(
    desk: Desk, member_id: int, registrar: Actor, plain_smtp: SmtpServer
) -> None:
    from app.mail.outbox import send_due

    plain_smtp.configure(desk.settings)
    first = submit_request(desk, CLERK, draft(member_id)).recipients[0]
    corrected = RecipientInput(
        **{**HOSPITAL.__dict__, "email": "medical.staff@tgh.example.org", "street2": "Room 5"}
    )
    with pytest.raises(PermissionDenied):
        reissue_certificate(desk, CLERK, first.certificate_number, corrected, reason="wrong address")
    new = reissue_certificate(
        desk, registrar, first.certificate_number, corrected, reason="Wrong email address"
    )
    assert new.number != first.certificate_number
    with desk.db.read() as session:
        old = session.scalar(select(Certificate).where(Certificate.number == first.certificate_number))
        fresh = session.scalar(select(Certificate).where(Certificate.number == new.number))
        assert old is not None and fresh is not None
        assert (
            old.revoked and old.revoked_by == "registrar.test" and "Wrong email address" in old.revoked_reason
        )
        assert fresh.replaces_id == old.id and not fresh.revoked
        assert old.recipient.email == "credentials@tgh.example.org"  # the history keeps the old address
        assert fresh.recipient.email == "medical.staff@tgh.example.org"
        assert fresh.recipient.request_id == old.recipient.request_id
    with pytest.raises(ConflictError, match="already reissued"):
        reissue_certificate(desk, registrar, first.certificate_number, reason="again")
    send_due(desk)
    # The revoked certificate's queued email is not sent; the new one is.
    assert [m.rcpt_tos for m in plain_smtp.received] == [["medical.staff@tgh.example.org"]]
    assert "Room 5" in flat(pdf_text(desk, new.id))


def test_reissue_to_the_same_recipient_takes_the_next_issue_seq(
    desk: Desk, member_id: int, registrar: Actor
) -> None:
    first = submit_request(desk, CLERK, draft(member_id)).recipients[0]
    new = reissue_certificate(desk, registrar, first.certificate_number, reason="Damaged in the post")
    with desk.db.read() as session:
        fresh = session.get(Certificate, new.id)
        assert fresh is not None and fresh.issue_seq == 1 and fresh.recipient_id == first.recipient_id
        events = list(session.scalars(select(AuditEvent.kind).where(AuditEvent.subject.in_([new.number]))))
    assert "certificate.reissued" in events
    result = request_result(desk, CLERK, request_result(desk, CLERK, 1).request_id)
    assert result.recipients[0].certificate_number == new.number  # the current certificate is shown


def test_find_members_ignores_accents_and_case(desk: Desk, member_id: int) -> None:
    assert [m.cpso_number for m in find_members(desk, desk.actor, "HELENE cote")] == ["104512"]
    assert [m.full_name for m in find_members(desk, desk.actor, "1045")] == ["Hélène Côté-Gagnon"]
    assert find_members(desk, desk.actor, "   ") == []
