"""Test data that goes through the real code: members, requests and really rendered, signed certificates.

Generic on purpose, for every test module: `make_member(session, **overrides)`,
`make_request(session, member, recipients=[{...}, ...])` and `make_certificate(desk, recipient_id, ...)`.
"""

import itertools
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.desk import Desk
from app.issuing.rules import validity_days
from app.store.models import (
    Certificate,
    CertificateDocument,
    CertificateRequest,
    Member,
    MemberStatus,
    OutboxMessage,
    OutboxState,
    RequestRecipient,
    RequestStatus,
)

_cpso = itertools.count(500001)


def make_member(session: Session, **overrides: Any) -> Member:
    values: dict[str, Any] = {
        "cpso_number": str(next(_cpso)),
        "first_name": "Hélène",
        "middle_name": "",
        "last_name": "Côté-Gagnon",
        "registration_class": "Independent Practice",
        "status": MemberStatus.ACTIVE,
        "initial_registration_date": date(2004, 7, 1),
        "certificate_expiry_date": date(2027, 6, 30),
        "specialties": "Family Medicine; Emergency Medicine",
        "terms_conditions": "",
        "discipline": "",
        "pending_investigations": "",
        "email": "helene.cote@members.example.org",
    }
    values.update(overrides)
    member = Member(**values)
    try:
        from app.register.members import refresh_search_name

        refresh_search_name(member)
    except ImportError:  # pragma: no cover - app.register.members is part of every release
        member.search_name = member.full_name.lower()
    session.add(member)
    session.flush()
    return member


DEFAULT_RECIPIENT: dict[str, Any] = {
    "institution_type": "Hospital",
    "name": "Toronto General Hospital",
    "attention": "Medical Staff Office",
    "street1": "200 Elizabeth Street",
    "street2": "Room 1-001",
    "city": "Toronto",
    "state": "ON",
    "country": "CA",
    "postal_code": "M5G 2C4",
    "email": "credentials@tgh.example.org",
}


def make_request(
    session: Session,
    member: Member,
    recipients: list[dict[str, Any]] | None = None,
    **overrides: Any,
) -> CertificateRequest:
    """A request with one recipient per dict (each overriding DEFAULT_RECIPIENT); default: one."""
    values: dict[str, Any] = {
        "member": member,
        "status": RequestStatus.ISSUED,
        "consent_given": True,
        "created_by": "clerk.test",
    }
    values.update(overrides)
    request = CertificateRequest(**values)
    for position, recipient in enumerate(recipients if recipients is not None else [{}]):
        request.recipients.append(RequestRecipient(position=position, **{**DEFAULT_RECIPIENT, **recipient}))
    session.add(request)
    session.flush()
    return request


def make_certificate(
    desk: Desk,
    recipient_id: int,
    *,
    issue_date: date | None = None,
    valid_days: int | None = None,
    issue_seq: int = 0,
    replaces_id: int | None = None,
    signer: Any = None,
) -> Certificate:
    """Issue a certificate to a recipient the way the desk does: number, code, rendered and signed PDF,
    its SHA-256 on the record. Returns the certificate with `.document.pdf` loaded."""
    from app.document.certificates import content_for_certificate
    from app.document.signing import issue_document, load_signer
    from app.store.numbering import allocate_certificate_number, new_verification_code

    signer = signer or load_signer(desk)
    issued_on = issue_date or date.today()
    with desk.db.write() as session:
        recipient = session.get(RequestRecipient, recipient_id)
        assert recipient is not None, f"no recipient {recipient_id}"
        days = (
            valid_days if valid_days is not None else validity_days(desk.settings, recipient.institution_type)
        )
        cert = Certificate(
            number=allocate_certificate_number(session, issued_on.year),
            recipient=recipient,
            issue_seq=issue_seq,
            issued_by="clerk.test",
            issue_date=issued_on,
            valid_until=issued_on + timedelta(days=days),
            verification_code=new_verification_code(),
            replaces_id=replaces_id,
        )
        session.add(cert)
        session.flush()
        pdf, digest = issue_document(content_for_certificate(desk.settings, cert), signer)
        cert.pdf_sha256 = digest
        cert.document = CertificateDocument(pdf=pdf)
        session.flush()
    return cert


def issued_certificate(desk: Desk, **member_overrides: Any) -> Certificate:
    """Member + request + one recipient + a signed certificate, in one call."""
    with desk.db.write() as session:
        member = make_member(session, **member_overrides)
        request = make_request(session, member)
        recipient_id = request.recipients[0].id
    return make_certificate(desk, recipient_id)


def add_outbox_messages(desk: Desk, counts: dict[OutboxState, int]) -> None:
    """Bare outbox rows in the given states (no certificate): what the status-bar counts read."""
    with desk.db.write() as session:
        for state, n in counts.items():
            for i in range(n):
                session.add(
                    OutboxMessage(
                        message_id=f"<{state.value}-{i}@test>",
                        to_address="credentials@example.org",
                        subject="CPC",
                        state=state,
                    )
                )
