"""Builders for the assistance-desk tests: real rows in the real database (no stand-ins)."""

from datetime import UTC, date, datetime, timedelta
from itertools import count

from sqlalchemy.orm import Session

from app.register.members import refresh_search_name
from app.store.models import (
    Certificate,
    CertificateRequest,
    Member,
    MemberStatus,
    OutboxMessage,
    OutboxState,
    RequestRecipient,
    RequestStatus,
)
from app.store.numbering import new_verification_code

_seq = count(1)
T0 = datetime(2026, 11, 25, 15, 42, tzinfo=UTC)


def add_member(session: Session, first: str, last: str, cpso: str | None = None, **kw: object) -> Member:
    member = Member(
        cpso_number=cpso or f"{900000 + next(_seq)}",
        first_name=first,
        middle_name=str(kw.pop("middle", "")),
        last_name=last,
        registration_class=str(kw.pop("registration_class", "Independent Practice")),
        status=kw.pop("status", MemberStatus.ACTIVE),
        initial_registration_date=kw.pop("initial", date(2010, 7, 1)),
        **kw,
    )
    refresh_search_name(member)
    session.add(member)
    session.flush()
    return member


def add_request(
    session: Session,
    member: Member,
    recipients: list[tuple[str, str]],
    *,
    status: RequestStatus = RequestStatus.ISSUED,
    at: datetime = T0,
    by: str = "clerk.test",
) -> CertificateRequest:
    req = CertificateRequest(
        member=member,
        status=status,
        consent_given=True,
        created_by=by,
        created_at=at,
        submitted_at=at,
        updated_at=at,
    )
    for i, (name, email) in enumerate(recipients):
        req.recipients.append(
            RequestRecipient(
                position=i,
                institution_type="Hospital",
                name=name,
                street1="200 Elizabeth St",
                city="Toronto",
                state="ON",
                country="CA",
                postal_code="M5G 2C4",
                email=email,
            )
        )
    session.add(req)
    session.flush()
    return req


def add_certificate(
    session: Session,
    recipient: RequestRecipient,
    *,
    at: datetime = T0,
    seq: int = 0,
    replaces: Certificate | None = None,
) -> Certificate:
    n = next(_seq)
    cert = Certificate(
        number=f"CPC-2026-{n:06d}",
        recipient=recipient,
        issue_seq=seq,
        issued_at=at,
        issued_by="registrar.test",
        issue_date=at.date(),
        valid_until=at.date() + timedelta(days=90),
        verification_code=new_verification_code(),
        replaces_id=replaces.id if replaces else None,
    )
    session.add(cert)
    session.flush()
    return cert


def add_message(
    session: Session,
    cert: Certificate,
    state: OutboxState,
    *,
    attempts: int = 0,
    last_error: str = "",
    sent_at: datetime | None = None,
    next_attempt_at: datetime | None = None,
    created_at: datetime = T0,
) -> OutboxMessage:
    msg = OutboxMessage(
        certificate=cert,
        message_id=f"<{next(_seq)}@test.cpc-desk>",
        to_address=cert.recipient.email,
        subject=f"Certificate {cert.number}",
        state=state,
        attempts=attempts,
        last_error=last_error,
        sent_at=sent_at,
        next_attempt_at=next_attempt_at,
        created_at=created_at,
    )
    session.add(msg)
    session.flush()
    return msg


class RecordingNavigator:
    """Stands where the main window would: records what a screen asked to open (ui.shell.context)."""

    def __init__(self) -> None:
        self.opened: list[tuple[str, dict[str, object]]] = []
        self.started: list[int | None] = []

    def open_screen(self, key: str, **kwargs: object) -> None:
        self.opened.append((key, kwargs))

    def go_home(self) -> None:
        pass

    def start_cpc_request(self, member_id: int | None = None) -> None:
        self.started.append(member_id)
