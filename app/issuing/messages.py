"""The message thread of a request (a CPC or copies of documents): staff write to the member by email
through the outbox, and record the member's replies and phone calls; each entry says who, when and how,
with the delivery state of what was sent, and is unread until a clerk has opened the thread.

A message is plain text (at most MAX_LENGTH characters, no control characters but line breaks), sent as
text/plain only; a subject is one line and always names the request.
"""

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.mail import smtp as mail
from app.register.members import find_certificate, find_request, request_id_of
from app.register.text import check_characters, clean_text, validate_email
from app.store.models import (
    CertificateRequest,
    Member,
    MessageChannel,
    OutboxMessage,
    OutboxState,
    RequestMessage,
    utcnow,
)

MAX_LENGTH = 5_000
SUBJECT_MAX = 200
HOW: dict[MessageChannel, str] = {
    MessageChannel.EMAIL_SENT: QT_TRANSLATE_NOOP("Issuing", "sent by email"),
    MessageChannel.REPLY_RECORDED: QT_TRANSLATE_NOOP(
        "Issuing", "member's reply, recorded by staff (not received by email)"
    ),
    MessageChannel.PHONE_CALL: QT_TRANSLATE_NOOP("Issuing", "phone call, recorded by staff"),
}
DELIVERY: dict[OutboxState, str] = {
    OutboxState.QUEUED: QT_TRANSLATE_NOOP("Issuing", "waiting to be sent"),
    OutboxState.SENDING: QT_TRANSLATE_NOOP("Issuing", "being sent"),
    OutboxState.SENT: QT_TRANSLATE_NOOP("Issuing", "delivered to the mail server"),
    OutboxState.FAILED_TEMPORARY: QT_TRANSLATE_NOOP("Issuing", "not sent yet (will be retried)"),
    OutboxState.FAILED_PERMANENT: QT_TRANSLATE_NOOP("Issuing", "could not be delivered"),
    OutboxState.CANCELLED: QT_TRANSLATE_NOOP("Issuing", "cancelled"),
}


def message_text(field: str, text: str | None) -> str:
    """A message as it will be stored and sent: composed (NFC), line breaks made \\n, trimmed; refused
    (naming the field) when empty, longer than MAX_LENGTH, or holding any control character other than a
    line break or a tab."""
    value = unicodedata.normalize("NFC", "" if text is None else str(text))
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    check_characters(field, value, allowed="\n\t")
    value = "\n".join(line.rstrip() for line in value.strip().split("\n"))
    if not value:
        raise ValidationError(field, translate("Issuing", "is empty; write the message"))
    if len(value) > MAX_LENGTH:
        raise ValidationError(
            field,
            translate("Issuing", "is {0:,} characters long; the most is {1:,}").format(
                len(value), MAX_LENGTH
            ),
        )
    return value


def message_subject(request_number: str, subject: str | None) -> str:
    """The subject line: one line (CR/LF refused), and it always names the request."""
    text = clean_text("subject", subject, max_length=SUBJECT_MAX)
    if not text:
        return f"About your request {request_number}"
    return text if request_number in text else f"{text} [{request_number}]"


@dataclass(frozen=True)
class ThreadEntry:
    id: int
    at: datetime
    who: str
    channel: MessageChannel
    how: str  # in words: sent by email / reply recorded by staff / phone call
    subject: str
    body: str
    delivery: str  # for a sent message: where its email stands; "" otherwise
    delivery_error: str
    unread: bool


@dataclass(frozen=True)
class Thread:
    request_id: int
    request_number: str
    member_name: str
    member_email: str
    entries: tuple[ThreadEntry, ...]  # oldest first

    @property
    def unread(self) -> int:
        return sum(1 for e in self.entries if e.unread)


def _request(session: Session, request_number: str) -> CertificateRequest:
    request_id = request_id_of(request_number)
    request = session.get(CertificateRequest, request_id) if request_id else None
    if request is None:
        raise NotFound(translate("Issuing", "There is no request {0!r}.").format(request_number.strip()))
    return request


def _entry(message: RequestMessage, outbox: OutboxMessage | None) -> ThreadEntry:
    return ThreadEntry(
        id=message.id,
        at=message.created_at,
        who=message.created_by,
        channel=message.channel,
        how=translate_marked("Issuing", HOW[message.channel]),
        subject=message.subject,
        body=message.body,
        delivery=translate_marked("Issuing", DELIVERY[outbox.state]) if outbox is not None else "",
        delivery_error=outbox.last_error if outbox is not None else "",
        unread=message.read_at is None,
    )


def send_message(
    desk: Desk, actor: Actor, request_number: str, text: str, *, subject: str = ""
) -> ThreadEntry:
    """Write to the member about a request: the entry and its email (queued in the outbox) in one
    transaction; deliver with app.mail.outbox.send_due. The member's email on file is the address."""
    actor.require(Permission.FILE_REQUEST)
    body = message_text("message", text)
    with desk.db.write() as session:
        request = _request(session, request_number)
        member = session.get(Member, request.member_id)
        assert member is not None  # a request's member is a foreign key
        if not member.email.strip():
            raise ValidationError(
                "email", translate("Issuing", "{0} has no email address on file").format(member.full_name)
            )
        to = validate_email("email", member.email)
        title = message_subject(request.number, subject)
        now = utcnow()
        message = RequestMessage(
            request_id=request.id,
            channel=MessageChannel.EMAIL_SENT,
            subject=title,
            body=body,
            created_at=now,
            created_by=actor.username,
            read_at=now,  # the writer has seen it
            read_by=actor.username,
        )
        session.add(message)
        session.flush()
        domain = str(desk.settings.get("smtp.from_address")).rpartition("@")[2] or "cpc-desk.invalid"
        # Built once now so that a bad value is refused with the message, not at send time.
        message_id = mail.make_thread_message_id(request.number, message.id, domain)
        mail.build_thread_message(
            desk.settings,
            to_address=to,
            member_name=member.full_name,
            request_number=request.number,
            subject=title,
            body=body,
            message_id=message_id,
        )
        outbox = OutboxMessage(
            certificate_id=None,
            message_id=message_id,
            to_address=to,
            subject=title,
            state=OutboxState.QUEUED,
            attempts=0,
            last_error="",
            created_by=actor.username,
        )
        session.add(outbox)
        session.flush()
        message.outbox_id = outbox.id
        audit.record(
            session,
            actor,
            "request.message_sent",
            subject=request.number,
            member_id=member.id,
            after={
                "entry": message.id,
                "to": to,
                "subject": title,
                "length": len(body),
                "outbox_id": outbox.id,
            },
        )
        audit.record(
            session,
            actor,
            "outbox.queued",
            subject=request.number,
            member_id=member.id,
            after={"outbox_id": outbox.id, "state": "queued", "to": to, "message_id": message_id},
        )
        session.flush()
        return _entry(message, outbox)


def record_message(
    desk: Desk, actor: Actor, request_number: str, text: str, *, channel: MessageChannel
) -> ThreadEntry:
    """Record what the member said: a reply (typed in by staff, marked as recorded, not received by
    email) or a phone call. It is unread until a clerk opens the thread."""
    actor.require(Permission.FILE_REQUEST)
    if channel == MessageChannel.EMAIL_SENT:
        raise ValidationError(
            "channel", translate("Issuing", "a message to the member is sent with send_message")
        )
    body = message_text("message", text)
    with desk.db.write() as session:
        request = _request(session, request_number)
        message = RequestMessage(
            request_id=request.id,
            channel=channel,
            subject="",
            body=body,
            created_at=utcnow(),
            created_by=actor.username,
            read_at=None,
            read_by="",
        )
        session.add(message)
        session.flush()
        audit.record(
            session,
            actor,
            "request.message_recorded",
            subject=request.number,
            member_id=request.member_id,
            after={"entry": message.id, "how": channel.value, "length": len(body)},
        )
        return _entry(message, None)


def request_thread(desk: Desk, actor: Actor, request_number: str) -> Thread:
    """A request's thread, oldest first, with each sent message's delivery state."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        request = _request(session, request_number)
        member = session.get(Member, request.member_id)
        assert member is not None
        rows = session.execute(
            select(RequestMessage, OutboxMessage)
            .outerjoin(OutboxMessage, RequestMessage.outbox_id == OutboxMessage.id)
            .where(RequestMessage.request_id == request.id)
            .order_by(RequestMessage.created_at, RequestMessage.id)
        ).all()
        return Thread(
            request.id,
            request.number,
            member.full_name,
            member.email,
            tuple(_entry(m, o) for m, o in rows),
        )


def mark_thread_read(desk: Desk, actor: Actor, request_number: str) -> int:
    """A clerk opened the thread: its unread entries are seen (by whom, when); how many were unread."""
    actor.require(Permission.SEARCH)
    with desk.db.write() as session:
        request = _request(session, request_number)
        result = session.execute(
            update(RequestMessage)
            .where(RequestMessage.request_id == request.id, RequestMessage.read_at.is_(None))
            .values(read_at=utcnow(), read_by=actor.username)
        )
        return int(getattr(result, "rowcount", 0) or 0)


def unread_by_request(desk: Desk, actor: Actor, member_id: int | None = None) -> dict[str, int]:
    """Unread entries per request number (of one member, or of every member: the assistance desk)."""
    actor.require(Permission.SEARCH)
    query = (
        select(RequestMessage.request_id, func.count())
        .where(RequestMessage.read_at.is_(None))
        .group_by(RequestMessage.request_id)
    )
    if member_id is not None:
        query = query.join(CertificateRequest, RequestMessage.request_id == CertificateRequest.id).where(
            CertificateRequest.member_id == member_id
        )
    with desk.db.read() as session:
        return {f"R-{request_id:07d}": int(count) for request_id, count in session.execute(query)}


def request_number_for(desk: Desk, actor: Actor, text: str) -> str | None:
    """The request a typed number is about: a request number, or a certificate number or verification
    code (its request); None when nothing has it."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        request = find_request(session, text)
        if request is not None:
            return request.number
        cert = find_certificate(session, text)
        if cert is None:
            return None
        return f"R-{cert.recipient.request_id:07d}"
