"""The transactional outbox: certificate email written with the certificate, delivered afterwards.

A message row is added in the issuing transaction (`enqueue_certificate_email`); `send_due` claims the
due rows (queued, failed-temporary whose next try has come, or 'sending' rows left by a crash whose
lease ran out), rebuilds each message from its certificate and signed PDF, and delivers them over one
SMTP connection. Delivery is at-least-once: a message whose sending was interrupted after the server
took it but before the outcome was written is sent again with the same Message-ID, so the recipient's
mail system can recognise the repeat. Every change of state is written to the audit trail.
"""

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.errors import ConflictError, NotFound, ValidationError
from app.faults import fault_point
from app.i18n import translate
from app.mail import smtp as mail
from app.mail.smtp import (
    DeliveryError,
    FailureKind,
    PreparedMessage,
    SmtpTransport,
    mail_settings_fingerprint,
)
from app.mail.status import count_waiting  # noqa: F401 - re-exported: the outbox screen counts with it
from app.register.text import validate_email
from app.settings import Settings
from app.store.models import (
    Certificate,
    CertificateDocument,
    CertificateRequest,
    Member,
    OutboxMessage,
    OutboxState,
    RequestMessage,
    RequestRecipient,
    utcnow,
)
from app.tuning import outbox_handover

DONE_STATES = (OutboxState.SENT, OutboxState.CANCELLED)
# A 'sending' row whose lease has run out was left by a sender that stopped (crash, power cut).
SENDING_LEASE = timedelta(minutes=10)
BACKOFF_FIRST = timedelta(minutes=1)
BACKOFF_LONGEST = timedelta(hours=6)
CLAIM_CHUNK = 50
# Messages built ahead of the connection, and how often outcomes are written (a crash between a send
# and its write means that message goes again, with the same Message-ID: at-least-once).
PREFETCH = 4
RECORD_EVERY = 10
RECORD_SECONDS = 0.5

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


def _sender_domain(settings: Settings) -> str:
    return str(settings.get("smtp.from_address")).rpartition("@")[2] or "cpc-desk.invalid"


def _member_of(session: Session, certificate: Certificate) -> tuple[RequestRecipient, Member]:
    recipient = certificate.recipient or session.get(RequestRecipient, certificate.recipient_id)
    if recipient is None:
        raise NotFound(translate("Mail", "certificate {0} has no recipient").format(certificate.number))
    request = recipient.request or session.get(CertificateRequest, recipient.request_id)
    if request is None:
        raise NotFound(translate("Mail", "certificate {0} has no request").format(certificate.number))
    member = request.member or session.get(Member, request.member_id)
    if member is None:
        raise NotFound(translate("Mail", "certificate {0} has no member").format(certificate.number))
    return recipient, member


def _snapshot(row: OutboxMessage) -> dict[str, Any]:
    return {
        "outbox_id": row.id,
        "state": row.state.value if row.state else None,
        "to": row.to_address,
        "attempts": row.attempts,
        "message_id": row.message_id,
    }


def enqueue_certificate_email(
    session: Session, settings: Settings, certificate: Certificate, pdf: bytes, actor: Actor | str
) -> OutboxMessage:
    """Queue the certificate's email in the caller's (issuing) transaction.

    The message is built once here so that a bad value is refused now, with the certificate, rather
    than at send time; only the envelope is stored: the body and PDF are rebuilt from the certificate
    and its CertificateDocument when it is sent.
    """
    session.flush()  # the certificate needs its id
    recipient, member = _member_of(session, certificate)
    existing = int(
        session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.certificate_id == certificate.id)
        )
        or 0
    )
    message_id = mail.make_message_id(certificate.number, _sender_domain(settings), existing)
    msg = mail.build_certificate_message(
        settings,
        to_address=recipient.email,
        member_name=member.full_name,
        cpso_number=member.cpso_number,
        certificate_number=certificate.number,
        valid_until=certificate.valid_until,
        verification_code=certificate.verification_code,
        recipient_name=recipient.name,
        pdf=pdf,
        message_id=message_id,
        language=recipient.language,
    )
    row = OutboxMessage(
        certificate_id=certificate.id,
        message_id=message_id,
        to_address=validate_email("email", recipient.email),
        subject=str(msg["Subject"])[:500],
        state=OutboxState.QUEUED,
        attempts=0,
        last_error="",
        next_attempt_at=None,
        created_by=actor if isinstance(actor, str) else actor.username,
    )
    session.add(row)
    session.flush()
    audit.record(
        session, actor, "outbox.queued", subject=certificate.number, member_id=member.id, after=_snapshot(row)
    )
    return row


# --- pause (the server refused our settings) ------------------------------------------------------


def pause_reason(desk: Desk) -> str:
    """Why sending is paused, or "" — a pause ends by itself when the mail settings change."""
    reason = str(desk.settings.get("mail.paused"))
    if not reason:
        return ""
    if str(desk.settings.get("mail.paused_settings")) != mail_settings_fingerprint(desk.settings):
        desk.settings.set("mail.paused", "")
        desk.settings.set("mail.paused_settings", "")
        return ""
    return reason


def _sender(desk: Desk) -> Actor | str:
    """Who the trail names for the sender's events: the person at the desk, or the sender itself when
    nobody is signed in (the window's sender keeps running after Sign out)."""
    return desk.actor if desk.actor.signed_in else "system:outbox"


def _pause(desk: Desk, reason: str) -> None:
    reason = " ".join(reason.split())[:500]
    desk.settings.set("mail.paused", reason)
    desk.settings.set("mail.paused_settings", mail_settings_fingerprint(desk.settings))
    with desk.db.write() as session:
        audit.record(session, _sender(desk), "outbox.paused", subject="outbox", after={"reason": reason})


def resume(desk: Desk, actor: Actor) -> bool:
    """End a pause (after the settings or the password were fixed); True when there was one."""
    actor.require(Permission.RESEND)
    if not str(desk.settings.get("mail.paused")):
        return False
    before = str(desk.settings.get("mail.paused"))
    desk.settings.set("mail.paused", "")
    desk.settings.set("mail.paused_settings", "")
    with desk.db.write() as session:
        audit.record(session, actor, "outbox.resumed", subject="outbox", before={"reason": before})
    return True


# --- sending --------------------------------------------------------------------------------------


@dataclass
class SendReport:
    sent: int = 0
    failed_temporary: int = 0
    failed_permanent: int = 0
    cancelled: int = 0
    skipped: str = ""  # why nothing was sent at all (offline, paused, settings)
    paused: bool = False
    offline: bool = False  # skipped because the desk is offline: not a problem to report
    stopped_early: bool = False
    connections: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def attempted(self) -> int:
        return self.sent + self.failed_temporary + self.failed_permanent

    @property
    def ok(self) -> bool:
        return not (self.failed_temporary or self.failed_permanent or self.paused or self.skipped_problem)

    @property
    def skipped_problem(self) -> bool:
        return bool(self.skipped) and not self.offline

    def summary(self) -> str:
        if self.skipped:
            return self.skipped
        parts = [translate("Mail", "{0} sent").format(self.sent)]
        if self.failed_temporary:
            parts.append(
                translate("Mail", "{0} failed for now (will be retried)").format(self.failed_temporary)
            )
        if self.failed_permanent:
            parts.append(translate("Mail", "{0} failed permanently").format(self.failed_permanent))
        if self.cancelled:
            parts.append(translate("Mail", "{0} cancelled (certificate revoked)").format(self.cancelled))
        text = ", ".join(parts) + "."
        if self.paused:
            text += " " + translate("Mail", "Sending is paused: {0}").format(self.errors[-1])
        return text


@dataclass
class _Job:
    outbox_id: int
    message_id: str
    to_address: str
    certificate_id: int | None
    certificate_number: str
    member_id: int | None
    member_name: str
    cpso_number: str
    valid_until: date | None
    verification_code: str
    recipient_name: str
    revoked: bool
    attempts: int
    prev_state: OutboxState
    prev_next: datetime | None
    pdf: bytes | None = None
    thread: "ThreadMail | None" = None  # a message of a request's thread, not a certificate
    language: str = "en"  # the certificate's (its recipient's)


@dataclass(frozen=True)
class ThreadMail:
    """What a thread message's email is rebuilt from when it is sent (app.issuing.messages wrote it)."""

    request_number: str
    subject: str
    body: str


def _due_clause(clock: datetime) -> Any:
    m = OutboxMessage
    return or_(
        and_(m.state == OutboxState.QUEUED, or_(m.next_attempt_at.is_(None), m.next_attempt_at <= clock)),
        and_(m.state == OutboxState.FAILED_TEMPORARY, m.next_attempt_at <= clock),
        and_(m.state == OutboxState.SENDING, m.next_attempt_at <= clock),
    )


def count_due(desk: Desk, now: datetime | None = None) -> int:
    with desk.db.read() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(OutboxMessage).where(_due_clause(now or utcnow()))
            )
            or 0
        )


def _claim(desk: Desk, clock: datetime, seen: set[int], limit: int) -> list[_Job]:
    """Mark up to `limit` due messages 'sending' (with a lease) in one transaction; load what they need."""
    lease_until = utcnow() + SENDING_LEASE
    with desk.db.write() as session:
        query = (
            select(OutboxMessage)
            .where(_due_clause(clock))
            .order_by(OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        if seen:
            query = query.where(OutboxMessage.id.not_in(seen))
        rows = list(session.scalars(query))
        if not rows:
            return []
        cert_ids = {r.certificate_id for r in rows if r.certificate_id is not None}
        info: dict[int, tuple[Certificate, RequestRecipient, Member]] = {}
        if cert_ids:
            for c, r, m in session.execute(
                select(Certificate, RequestRecipient, Member)
                .join(RequestRecipient, Certificate.recipient_id == RequestRecipient.id)
                .join(CertificateRequest, RequestRecipient.request_id == CertificateRequest.id)
                .join(Member, CertificateRequest.member_id == Member.id)
                .where(Certificate.id.in_(cert_ids))
            ):
                info[c.id] = (c, r, m)
        pdfs: dict[int, bytes] = {
            cid: pdf
            for cid, pdf in session.execute(
                select(CertificateDocument.certificate_id, CertificateDocument.pdf).where(
                    CertificateDocument.certificate_id.in_(cert_ids)
                )
            )
        }
        threads = _thread_messages(session, [r.id for r in rows if r.certificate_id is None])
        jobs = []
        for row in rows:
            found = info.get(row.certificate_id or -1)
            cert: Certificate | None = found[0] if found else None
            rcpt: RequestRecipient | None = found[1] if found else None
            member: Member | None = found[2] if found else None
            job = _Job(
                outbox_id=row.id,
                message_id=row.message_id,
                to_address=row.to_address,
                certificate_id=row.certificate_id,
                certificate_number=cert.number if cert else "",
                member_id=member.id if member else None,
                member_name=member.full_name if member else "",
                cpso_number=member.cpso_number if member else "",
                valid_until=cert.valid_until if cert else None,
                verification_code=cert.verification_code if cert else "",
                recipient_name=rcpt.name if rcpt else "",
                revoked=bool(cert.revoked) if cert else False,
                attempts=row.attempts + 1,
                prev_state=row.state,
                prev_next=row.next_attempt_at,
                pdf=pdfs.get(row.certificate_id or -1),
                language=rcpt.language if rcpt else "en",
            )
            if row.id in threads:
                job.thread, thread_member = threads[row.id]
                job.certificate_number = job.thread.request_number
                job.member_id, job.member_name = thread_member.id, thread_member.full_name
            row.state = OutboxState.SENDING
            row.attempts = job.attempts
            row.next_attempt_at = lease_until
            jobs.append(job)
        # One event for the claim of the whole chunk; each message's outcome gets its own event.
        audit.record(
            session,
            _sender(desk),
            "outbox.sending",
            subject=f"{len(jobs)} message(s)",
            after={
                "lease_until": lease_until.isoformat(),
                "messages": [
                    {"outbox_id": j.outbox_id, "from": j.prev_state.value, "attempt": j.attempts}
                    for j in jobs
                ],
            },
        )
        return jobs


def _thread_messages(session: Session, outbox_ids: list[int]) -> dict[int, tuple[ThreadMail, Member]]:
    """The thread messages (with their member) that these outbox rows deliver, by outbox id."""
    if not outbox_ids:
        return {}
    found: dict[int, tuple[ThreadMail, Member]] = {}
    for message, request, member in session.execute(
        select(RequestMessage, CertificateRequest, Member)
        .join(CertificateRequest, RequestMessage.request_id == CertificateRequest.id)
        .join(Member, CertificateRequest.member_id == Member.id)
        .where(RequestMessage.outbox_id.in_(outbox_ids))
    ):
        found[message.outbox_id or 0] = (ThreadMail(request.number, message.subject, message.body), member)
    return found


def _backoff(attempts: int) -> timedelta:
    delay: timedelta = BACKOFF_FIRST * (2 ** max(0, min(attempts - 1, 20)))
    return min(delay, BACKOFF_LONGEST)


@dataclass
class _Outcome:
    job: _Job
    state: OutboxState
    error: str = ""
    reply: str = ""
    next_attempt_at: datetime | None = None
    release: bool = False  # not attempted after all: give the claim back


def _record(desk: Desk, outcomes: Sequence[_Outcome]) -> None:
    """Write what happened to claimed messages, in one transaction, each with its audit event."""
    if not outcomes:
        return
    sent_at = utcnow()
    with desk.db.write() as session:
        rows = {
            r.id: r
            for r in session.scalars(
                select(OutboxMessage).where(OutboxMessage.id.in_([o.job.outbox_id for o in outcomes]))
            )
        }
        for o in outcomes:
            row = rows.get(o.job.outbox_id)
            if row is None or row.state != OutboxState.SENDING or row.attempts != o.job.attempts:
                continue  # another sender took it over after our lease ran out; its word counts
            before = _snapshot(row)
            if o.release:
                row.state = (
                    o.job.prev_state if o.job.prev_state != OutboxState.SENDING else OutboxState.QUEUED
                )
                row.attempts = o.job.attempts - 1
                row.next_attempt_at = o.job.prev_next if row.state != OutboxState.QUEUED else None
                if o.error:  # held back by a pause: the row says why (e.g. the identity platform's words)
                    row.last_error = o.error
                kind = "outbox.released"
            else:
                row.state = o.state
                row.last_error = o.error
                row.next_attempt_at = o.next_attempt_at
                if o.state == OutboxState.SENT:
                    row.sent_at = sent_at
                kind = f"outbox.{o.state.value}"
            after = _snapshot(row)
            if o.error:
                after["error"] = o.error
            if o.reply:
                after["reply"] = o.reply
            audit.record(
                session,
                _sender(desk),
                kind,
                subject=o.job.certificate_number or f"outbox {row.id}",
                member_id=o.job.member_id,
                before=before,
                after=after,
            )


def _build(desk: Desk, job: _Job) -> Any:
    if job.thread is not None:
        return mail.build_thread_message(
            desk.settings,
            to_address=job.to_address,
            member_name=job.member_name,
            request_number=job.thread.request_number,
            subject=job.thread.subject,
            body=job.thread.body,
            message_id=job.message_id,
        )
    if job.certificate_id is None or job.valid_until is None:
        raise ValidationError("certificate", translate("Mail", "the message has no certificate to send"))
    if not job.pdf:
        raise ValidationError(
            "certificate",
            translate("Mail", "certificate {0} has no signed PDF yet").format(job.certificate_number),
        )
    return mail.build_certificate_message(
        desk.settings,
        to_address=job.to_address,
        member_name=job.member_name,
        cpso_number=job.cpso_number,
        certificate_number=job.certificate_number,
        valid_until=job.valid_until,
        verification_code=job.verification_code,
        recipient_name=job.recipient_name,
        pdf=job.pdf,
        message_id=job.message_id,
        language=job.language,
    )


def send_due(
    desk: Desk,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    now: datetime | None = None,
) -> SendReport:
    """Deliver every due message over one SMTP connection; never raises for a delivery problem.

    This thread claims, builds and records; a second thread only talks to the server, so building
    the next message and writing the last outcome overlap with waiting for the server's answer.
    """
    report = SendReport()
    if desk.is_offline:
        report.offline = True
        waiting = count_waiting(desk)
        report.skipped = translate(
            "Mail", "Offline mode: nothing was sent; %n message(s) wait in the outbox.", None, waiting
        )
        return report
    reason = pause_reason(desk)
    if reason:
        report.paused = True
        report.skipped = translate("Mail", "Sending is paused: {0}").format(reason)
        report.errors.append(reason)
        return report
    clock = now or utcnow()
    total = count_due(desk, clock)
    if total == 0:
        return report
    try:
        transport = SmtpTransport.from_settings(desk.settings)
    except ValidationError as exc:
        report.skipped = translate("Mail", "The mail settings need attention: {0}").format(exc)
        report.errors.append(str(exc))
        return report
    run = _SendRun(desk, transport, report, clock, cancelled or (lambda: False))
    # Threads hand the interpreter over promptly while this run sends (app/tuning.py says why).
    with outbox_handover():
        run.start()
        try:
            seen: set[int] = set()
            done = 0
            while not run.stop.is_set() and not run.is_cancelled():
                jobs = _claim(desk, clock, seen, CLAIM_CHUNK)
                if not jobs:
                    break
                seen.update(j.outbox_id for j in jobs)
                for job in jobs:
                    # Every claimed job goes to the sender, which decides (a stop releases or fails it).
                    run.outbox.put((job, _prepare(desk, job, transport.config.from_address)))
                    done = run.flush(progress, done, total)
        finally:
            run.finish()
    run.flush(progress, done, total, wait=True)
    if run.pause_error is not None:
        _pause(desk, str(run.pause_error))
    report.connections = transport.connections
    return report


_DONE = object()


class _SendRun:
    """The sending thread of one send_due run and the queues between it and the caller's thread."""

    def __init__(
        self,
        desk: Desk,
        transport: SmtpTransport,
        report: SendReport,
        clock: datetime,
        is_cancelled: CancelledFn,
    ) -> None:
        self.desk = desk
        self.transport = transport
        self.report = report
        self.clock = clock
        self.is_cancelled = is_cancelled
        self.max_attempts = int(desk.settings.get("smtp.max_attempts"))
        self.outbox: queue.Queue[Any] = queue.Queue(maxsize=PREFETCH)
        self.results: queue.Queue[_Outcome] = queue.Queue()
        self.stop = threading.Event()
        self.stop_error: DeliveryError | None = None
        self.pause_error: DeliveryError | None = None
        self._pending: list[_Outcome] = []
        self._current: _Job | None = None
        self._last_write = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="outbox-sender", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def finish(self) -> None:
        self.outbox.put(_DONE)
        self._thread.join()
        self.transport.close()

    def _run(self) -> None:
        try:
            while True:
                item = self.outbox.get()
                if item is _DONE:
                    return
                job, prepared = item
                self._current = job
                self.results.put(self._deliver(job, prepared))
                self._current = None
        except BaseException as exc:  # noqa: BLE001 - never leave the caller waiting on a dead thread
            # A fault of ours, not the server's: the job in hand and the rest are given back untried.
            log.exception("the outbox sender stopped")
            text = translate("Mail", "Sending stopped by an unexpected error ({0}: {1})").format(
                type(exc).__name__, exc
            )
            self.report.errors.append(text)
            self.report.skipped = text
            self.stop.set()
            if self._current is not None:
                self.results.put(_Outcome(self._current, self._current.prev_state, release=True))
            while (item := self.outbox.get()) is not _DONE:
                self.results.put(_Outcome(item[0], item[0].prev_state, release=True))

    def _deliver(self, job: _Job, prepared: "PreparedMessage | str | None") -> _Outcome:
        report = self.report
        if self.pause_error is not None or self.is_cancelled():
            return _Outcome(job, job.prev_state, release=True)
        if self.stop_error is not None:
            return _fail(job, self.stop_error, self.max_attempts, self.clock, report)
        if prepared is None:
            report.cancelled += 1
            return _Outcome(
                job,
                OutboxState.CANCELLED,
                error=translate("Mail", "Not sent: certificate {0} was revoked.").format(
                    job.certificate_number
                ),
            )
        if isinstance(prepared, str):
            report.failed_permanent += 1
            report.errors.append(f"{job.certificate_number or job.outbox_id}: {prepared}")
            return _Outcome(job, OutboxState.FAILED_PERMANENT, error=prepared)
        transport = self.transport
        try:
            if not transport.connected:
                try:
                    transport.connect()
                except DeliveryError as exc:
                    # No connection at all: the rest of this run would fail alike; stop here.
                    self.stop.set()
                    if exc.kind == FailureKind.SETTINGS:
                        self.pause_error = exc
                        report.paused = True
                        report.errors.append(str(exc))
                        return _Outcome(job, job.prev_state, error=str(exc), release=True)
                    self.stop_error = exc
                    report.stopped_early = True
                    return _fail(job, exc, self.max_attempts, self.clock, report)
            reply = transport.send_prepared(prepared)
            fault_point("after-smtp-accepted")  # the server has the message; its row still says 'sending'
        except DeliveryError as exc:
            if exc.kind == FailureKind.SETTINGS:
                self.stop.set()
                self.pause_error = exc
                report.paused = True
                report.errors.append(str(exc))
                return _Outcome(job, job.prev_state, error=str(exc), release=True)
            return _fail(job, exc, self.max_attempts, self.clock, report)
        report.sent += 1
        return _Outcome(job, OutboxState.SENT, reply=reply)

    def flush(self, progress: ProgressFn | None, done: int, total: int, *, wait: bool = False) -> int:
        """Collect finished outcomes, tell progress, and write them (in small groups) to the database."""
        while True:
            try:
                outcome = self.results.get_nowait()
            except queue.Empty:
                break
            self._pending.append(outcome)
            if not outcome.release:
                done += 1
                if progress is not None:
                    job = outcome.job
                    progress(done, max(total, done), f"{job.certificate_number} \u2192 {job.to_address}")
        due = len(self._pending) >= RECORD_EVERY or time.monotonic() - self._last_write > RECORD_SECONDS
        if self._pending and (wait or due):
            _record(self.desk, self._pending)
            self._pending = []
            self._last_write = time.monotonic()
        return done


def _prepare(desk: Desk, job: _Job, sender: str) -> "PreparedMessage | str | None":
    """The message's wire bytes; None for a revoked certificate; a sentence when it cannot be built."""
    if job.revoked:
        return None
    try:
        return mail.prepare(_build(desk, job), sender)
    except (ValidationError, DeliveryError) as exc:
        return translate("Mail", "The message cannot be built: {0}").format(exc)


def _fail(job: _Job, exc: DeliveryError, max_attempts: int, clock: datetime, report: SendReport) -> _Outcome:
    text = str(exc)
    report.errors.append(f"{job.certificate_number or job.outbox_id}: {text}")
    if exc.kind == FailureKind.PERMANENT:
        report.failed_permanent += 1
        return _Outcome(job, OutboxState.FAILED_PERMANENT, error=text, reply=exc.reply)
    if job.attempts >= max_attempts:
        report.failed_permanent += 1
        return _Outcome(
            job,
            OutboxState.FAILED_PERMANENT,
            error=translate(
                "Mail", "Gave up after %n attempt(s). Last error: {0}", None, job.attempts
            ).format(text),
            reply=exc.reply,
        )
    report.failed_temporary += 1
    return _Outcome(
        job,
        OutboxState.FAILED_TEMPORARY,
        error=text,
        reply=exc.reply,
        next_attempt_at=clock + _backoff(job.attempts),
    )


# --- staff actions --------------------------------------------------------------------------------


def _get(session: Session, outbox_id: int) -> OutboxMessage:
    row = session.get(OutboxMessage, outbox_id)
    if row is None:
        raise NotFound(translate("Mail", "There is no outbox message {0}.").format(outbox_id))
    return row


def _subject_of(row: OutboxMessage) -> str:
    return row.certificate.number if row.certificate is not None else f"outbox {row.id}"


def _member_id(session: Session, row: OutboxMessage) -> int | None:
    if row.certificate is None:
        return None
    return _member_of(session, row.certificate)[1].id


def retry_now(desk: Desk, actor: Actor, message_id: int) -> OutboxMessage:
    """Put a waiting or failed message first in line for the next send (one more attempt)."""
    actor.require(Permission.RESEND)
    with desk.db.write() as session:
        row = _get(session, message_id)
        if row.state == OutboxState.SENDING:
            raise ConflictError(translate("Mail", "This message is being sent right now."))
        if row.state == OutboxState.SENT:
            raise ConflictError(
                translate("Mail", "This message was already sent; use 'Resend to…' to send it again.")
            )
        if row.state == OutboxState.CANCELLED:
            raise ConflictError(
                translate(
                    "Mail", "This message was cancelled; use 'Resend to…' to send the certificate again."
                )
            )
        if row.certificate is not None and row.certificate.revoked:
            raise ConflictError(
                translate("Mail", "Certificate {0} was revoked; it cannot be sent.").format(
                    row.certificate.number
                )
            )
        before = _snapshot(row)
        row.state = OutboxState.QUEUED
        row.next_attempt_at = None
        audit.record(
            session,
            actor,
            "outbox.retry",
            subject=_subject_of(row),
            member_id=_member_id(session, row),
            before=before,
            after=_snapshot(row),
        )
        return row


def resend_to(desk: Desk, actor: Actor, outbox_id: int, new_address: str) -> OutboxMessage:
    """Send the certificate again, to a corrected address: a new message with its own Message-ID.

    A message still waiting to go to the old address is cancelled. Asking twice (a double click)
    returns the message already queued rather than queueing a second one.
    """
    actor.require(Permission.RESEND)
    address = validate_email("email", new_address)
    with desk.db.write() as session:
        row = _get(session, outbox_id)
        cert = row.certificate
        if cert is None:
            raise ConflictError(translate("Mail", "This message has no certificate to resend."))
        if cert.revoked:
            raise ConflictError(
                translate("Mail", "Certificate {0} was revoked; it cannot be sent.").format(cert.number)
            )
        if row.state == OutboxState.SENDING:
            raise ConflictError(
                translate("Mail", "This message is being sent right now; try again in a moment.")
            )
        pending = session.scalar(
            select(OutboxMessage).where(
                OutboxMessage.resend_of_id == row.id,
                OutboxMessage.to_address == address,
                OutboxMessage.state.in_((OutboxState.QUEUED, OutboxState.SENDING)),
            )
        )
        if pending is not None:
            return pending
        recipient, member = _member_of(session, cert)
        if row.state in (OutboxState.QUEUED, OutboxState.FAILED_TEMPORARY):
            before = _snapshot(row)
            row.state = OutboxState.CANCELLED
            row.next_attempt_at = None
            row.last_error = translate("Mail", "Replaced by a message to {0}.").format(address)
            audit.record(
                session,
                actor,
                "outbox.cancelled",
                subject=cert.number,
                member_id=member.id,
                before=before,
                after=_snapshot(row),
            )
        existing = int(
            session.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.certificate_id == cert.id)
            )
            or 0
        )
        new = OutboxMessage(
            certificate_id=cert.id,
            message_id=mail.make_message_id(cert.number, _sender_domain(desk.settings), existing),
            to_address=address,
            subject=mail.certificate_subject(member.full_name, member.cpso_number, recipient.language)[:500],
            state=OutboxState.QUEUED,
            attempts=0,
            last_error="",
            created_by=actor.username,
            resend_of_id=row.id,
        )
        session.add(new)
        session.flush()
        after = _snapshot(new)
        after["resend_of"] = row.id
        after["previous_to"] = row.to_address
        audit.record(session, actor, "outbox.resend", subject=cert.number, member_id=member.id, after=after)
        return new


def cancel(desk: Desk, actor: Actor, outbox_id: int) -> OutboxMessage:
    actor.require(Permission.RESEND)
    with desk.db.write() as session:
        row = _get(session, outbox_id)
        if row.state == OutboxState.CANCELLED:
            return row
        if row.state == OutboxState.SENDING:
            raise ConflictError(
                translate("Mail", "This message is being sent right now; it cannot be cancelled.")
            )
        if row.state == OutboxState.SENT:
            raise ConflictError(translate("Mail", "This message was already sent."))
        before = _snapshot(row)
        row.state = OutboxState.CANCELLED
        row.next_attempt_at = None
        audit.record(
            session,
            actor,
            "outbox.cancelled",
            subject=_subject_of(row),
            member_id=_member_id(session, row),
            before=before,
            after=_snapshot(row),
        )
        return row


# --- listing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutboxRow:
    id: int
    state: OutboxState
    to_address: str
    subject: str
    certificate_number: str
    member_name: str
    cpso_number: str
    recipient_name: str
    attempts: int
    last_error: str
    next_attempt_at: datetime | None
    created_at: datetime
    sent_at: datetime | None
    message_id: str
    resend_of_id: int | None


def list_messages(desk: Desk, actor: Actor, include_done: bool = False, limit: int = 2000) -> list[OutboxRow]:
    """Newest first; without include_done, sent and cancelled messages are left out."""
    actor.require(Permission.SEARCH)
    query = (
        select(OutboxMessage, Certificate.number, RequestRecipient.name, Member)
        .outerjoin(Certificate, OutboxMessage.certificate_id == Certificate.id)
        .outerjoin(RequestRecipient, Certificate.recipient_id == RequestRecipient.id)
        .outerjoin(CertificateRequest, RequestRecipient.request_id == CertificateRequest.id)
        .outerjoin(Member, CertificateRequest.member_id == Member.id)
        .order_by(OutboxMessage.id.desc())
        .limit(limit)
    )
    if not include_done:
        query = query.where(OutboxMessage.state.not_in(DONE_STATES))
    with desk.db.read() as session:
        found = session.execute(query).all()
        # A message of a request's thread has no certificate: it is listed under its request and member.
        threads = _thread_messages(session, [row.id for row, *_rest in found if row.certificate_id is None])
        return [
            OutboxRow(
                id=row.id,
                state=row.state,
                to_address=row.to_address,
                subject=row.subject,
                certificate_number=number or (threads[row.id][0].request_number if row.id in threads else ""),
                member_name=member.full_name if member else "",
                cpso_number=member.cpso_number if member else "",
                recipient_name=rname or "",
                attempts=row.attempts,
                last_error=row.last_error,
                next_attempt_at=row.next_attempt_at,
                created_at=row.created_at,
                sent_at=row.sent_at,
                message_id=row.message_id,
                resend_of_id=row.resend_of_id,
            )
            for row, number, rname, member in (
                (row, number, rname, member or (threads[row.id][1] if row.id in threads else None))
                for row, number, rname, member in found
            )
        ]
