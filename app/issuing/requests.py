"""The CPC request workflow: filed → (awaiting review →) issued → handed to the outbox; review and reissue.

Filing, numbering and storing go through the one issuing engine (app.issuing.engine); this module is the
workflow around it: the wizard's draft, idempotent Submit, registrar review, reissue, and what screens read.

A Submit writes the request, its recipients, one signed certificate per recipient and each certificate's
outgoing email in ONE transaction, before any network I/O; delivery happens afterwards (app.mail.outbox).
Submit is idempotent: the draft carries a key made when the form opened, and a second Submit with the same
key returns the first request's result instead of filing another.
"""

import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.document.certificates import certificate_content, render_pdf
from app.document.disclosure import disclosed_facts, disclosure
from app.document.signing import Signer, load_signer
from app.errors import ConflictError, CpcDeskError, NotFound, ValidationError, ValidationErrors
from app.faults import fault_point
from app.i18n import language, speaking, translate
from app.issuing import engine, rules
from app.issuing.engine import local_today
from app.register.institution_types import InstitutionTypes, desk_types
from app.register.members import search_members
from app.register.recipients import RecipientInput, address_of, validate_recipient
from app.register.text import clean_text
from app.store.models import (
    Certificate,
    CertificateDocument,
    CertificateRequest,
    ConsentMethod,
    Institution,
    InstitutionType,
    Member,
    OutboxMessage,
    RequestRecipient,
    RequestStatus,
    utcnow,
)
from app.store.numbering import ANY_NUMBER_RE, document_kind

MAX_RECIPIENTS = 20
NOTES_MAX = 4000
REASON_MAX = 2000


@dataclass(frozen=True)
class RequestDraft:
    """Everything the wizard collected; handed to submit_request in one piece."""

    member_id: int
    recipients: tuple[RecipientInput, ...]
    consent_given: bool
    consent_method: ConsentMethod | None
    consent_statement: str
    notes: str = ""
    idempotency_key: str = field(default_factory=lambda: uuid.uuid4().hex)


@dataclass(frozen=True)
class RecipientResult:
    recipient_id: int
    position: int
    name: str
    email: str
    certificate_id: int | None = None
    certificate_number: str = ""
    verification_code: str = ""
    valid_until: date | None = None
    outbox_message_id: int | None = None
    delivery_state: str = ""  # an OutboxState value, "" when nothing was queued
    delivery_error: str = ""
    pdf_available: bool = False


@dataclass
class SubmitResult:
    request_id: int
    request_number: str
    status: RequestStatus
    member_name: str
    cpso_number: str
    review_reasons: list[str] = field(default_factory=list)
    recipients: list[RecipientResult] = field(default_factory=list)
    # True when this Submit found the request an earlier Submit with the same key had filed
    already_submitted: bool = False


# --- submit ---------------------------------------------------------------------------------------


def _validate_draft(draft: RequestDraft, types: InstitutionTypes) -> list[RecipientInput]:
    errors: list[ValidationError] = []
    if not draft.recipients:
        errors.append(
            ValidationError(
                "Recipient", translate("Issuing", "add at least one organisation to send the certificate to")
            )
        )
    if len(draft.recipients) > MAX_RECIPIENTS:
        errors.append(
            ValidationError(
                "Recipient", translate("Issuing", "at most {0} recipients per request").format(MAX_RECIPIENTS)
            )
        )
    cleaned: list[RecipientInput] = []
    for index, raw in enumerate(draft.recipients, start=1):
        try:
            cleaned.append(validate_recipient(raw, types))
        except ValidationErrors as exc:
            prefix = f"Recipient {index} – " if len(draft.recipients) > 1 else ""
            errors.extend(ValidationError(prefix + e.field, e.message) for e in exc.errors)
    if not draft.consent_given:
        errors.append(
            ValidationError(
                "Consent", translate("Issuing", "the member's consent to release the information is required")
            )
        )
    if draft.consent_method is None:
        errors.append(ValidationError("How consent was given", translate("Issuing", "is required")))
    try:
        clean_text("Idempotency key", draft.idempotency_key, required=True, max_length=64)
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    return cleaned


def submit_request(desk: Desk, actor: Actor, draft: RequestDraft) -> SubmitResult:
    """File the request; for a member in good standing issue every certificate and queue every email.

    One transaction, no network I/O: deliver afterwards with app.mail.outbox.send_due. A member who needs a
    registrar's review gets a request "awaiting review" and no certificate.
    """
    actor.require(Permission.FILE_REQUEST)
    recipients = _validate_draft(draft, desk_types(desk.db))
    existing = find_request_by_key(desk, actor, draft.idempotency_key)
    if existing is not None:
        return existing
    with desk.db.read() as session:
        member = session.get(Member, draft.member_id)
        if member is None:
            raise NotFound(translate("Issuing", "Member {0} does not exist").format(draft.member_id))
        needs_review = bool(rules.review_reasons(member))
    signer = None if needs_review else load_signer(desk)
    try:
        with desk.db.write() as session:
            request_id = _file_request(session, desk, actor, draft, recipients, signer)
        fault_point("after-submit-commit")
    except IntegrityError:
        # A concurrent or repeated Submit with the same key won the race: report what it filed.
        existing = find_request_by_key(desk, actor, draft.idempotency_key)
        if existing is None:
            raise
        return existing
    except OperationalError as exc:
        storage = _storage_error(exc)
        if storage is None:
            raise
        raise storage from exc
    return request_result(desk, actor, request_id)


# What SQLite and PostgreSQL say when the disk is full or the database cannot be written.
_STORAGE_FAILURES = (
    "disk is full",
    "no space left",
    "could not extend file",
    "readonly database",
    "read-only",
)


class StorageUnavailable(CpcDeskError):
    """The database could not be written (disk full, read-only folder); nothing was filed."""


def _storage_error(exc: OperationalError) -> "StorageUnavailable | None":
    """A sentence for staff when the write failed for lack of room or permission; else None.

    The whole request is one transaction, so it rolled back: nothing was filed and no number was used,
    and pressing Submit again (same key) files it once the cause is fixed.
    """
    text = str(exc.orig).lower()
    if any(words in text for words in _STORAGE_FAILURES):
        full = any(words in text for words in ("full", "space", "extend"))
        if full:
            reason = translate("Issuing", "the disk is full")
        else:
            reason = translate("Issuing", "the database is read-only")
        return StorageUnavailable(
            translate(
                "Issuing",
                "The request could not be saved because {0}. Nothing was filed "
                "and no certificate number was used; free some space (or ask IT "
                "to fix the data folder) and press Submit again.",
            ).format(reason)
        )
    return None


def _file_request(
    session: Session,
    desk: Desk,
    actor: Actor,
    draft: RequestDraft,
    recipients: Sequence[RecipientInput],
    signer: Signer | None,
) -> int:
    member = session.get(Member, draft.member_id)
    if member is None:
        raise NotFound(translate("Issuing", "Member {0} does not exist").format(draft.member_id))
    if draft.consent_method is None:  # _validate_draft refused it already
        raise ValidationError("How consent was given", translate("Issuing", "is required"))
    filing = engine.Filing(
        member=engine.MemberFacts.of(member),
        recipients=tuple(recipients),
        consent_method=draft.consent_method,
        consent_at=utcnow(),
        consent_statement=draft.consent_statement,
        idempotency_key=draft.idempotency_key,
        notes=draft.notes.strip()[:NOTES_MAX],
    )
    filed = engine.file_request(session, desk, actor, filing, issued_on=local_today())
    if filed.certificates:
        if signer is None:
            raise ValueError("issuing needs the signer")
        engine.issue_documents(session, desk, actor, filed.certificates, signer)
    return filed.request_id


# --- reading results ------------------------------------------------------------------------------


def find_request_by_key(desk: Desk, actor: Actor, idempotency_key: str) -> SubmitResult | None:
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        request_id = session.scalar(
            select(CertificateRequest.id).where(CertificateRequest.idempotency_key == idempotency_key)
        )
    if request_id is None:
        return None
    result = request_result(desk, actor, request_id)
    result.already_submitted = True
    return result


def request_result(desk: Desk, actor: Actor, request_id: int) -> SubmitResult:
    """Where a request stands now: its certificates and each one's delivery state."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        request = session.scalar(
            select(CertificateRequest)
            .where(CertificateRequest.id == request_id)
            .options(selectinload(CertificateRequest.recipients).selectinload(RequestRecipient.certificates))
        )
        if request is None:
            raise NotFound(translate("Issuing", "Request {0} does not exist").format(request_id))
        member = request.member
        result = SubmitResult(
            request_id=request.id,
            request_number=request.number,
            status=request.status,
            member_name=member.full_name,
            cpso_number=member.cpso_number,
            review_reasons=rules.review_reasons(member)
            if request.status == RequestStatus.AWAITING_REVIEW
            else [],
        )
        for recipient in request.recipients:
            current = next((c for c in reversed(recipient.certificates) if not c.revoked), None)
            if current is None:
                result.recipients.append(
                    RecipientResult(recipient.id, recipient.position, recipient.name, recipient.email)
                )
                continue
            message = session.scalar(
                select(OutboxMessage)
                .where(OutboxMessage.certificate_id == current.id)
                .order_by(OutboxMessage.id.desc())
                .limit(1)
            )
            has_pdf = session.scalar(
                select(func.count())
                .select_from(CertificateDocument)
                .where(CertificateDocument.certificate_id == current.id)
            )
            result.recipients.append(
                RecipientResult(
                    recipient_id=recipient.id,
                    position=recipient.position,
                    name=recipient.name,
                    email=recipient.email,
                    certificate_id=current.id,
                    certificate_number=current.number,
                    verification_code=current.verification_code,
                    valid_until=current.valid_until,
                    outbox_message_id=message.id if message else None,
                    delivery_state=message.state.value if message else "",
                    delivery_error=message.last_error if message else "",
                    pdf_available=bool(has_pdf),
                )
            )
    return result


def certificate_pdf(desk: Desk, actor: Actor, certificate_id: int) -> bytes:
    """A certificate's signed PDF (it names the member): for those who may search the register."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        doc = session.get(CertificateDocument, certificate_id)
        if doc is None:
            raise NotFound(
                translate("Issuing", "No PDF is stored for certificate {0}").format(certificate_id)
            )
        return bytes(doc.pdf)


def export_certificate_pdf(desk: Desk, actor: Actor, certificate_id: int, certificate_number: str) -> Path:
    """Write a certificate's signed PDF into the data folder's exports (whole, then renamed); its path."""
    actor.require(Permission.SEARCH)
    if not ANY_NUMBER_RE.match(certificate_number):
        raise ValidationError(
            "certificate number",
            translate("Issuing", "{0!r} is not a certificate number").format(certificate_number),
        )
    pdf = certificate_pdf(desk, actor, certificate_id)
    path = desk.folder("exports") / f"{certificate_number}.pdf"
    partial = path.with_suffix(".pdf.partial")
    partial.write_bytes(pdf)
    os.replace(partial, path)
    return path


@dataclass(frozen=True)
class ReviewItem:
    """A request awaiting a registrar's review, as the review screen lists it."""

    request_id: int
    number: str
    member: "MemberSummary"
    recipients: tuple[RecipientInput, ...]
    submitted_at: datetime | None
    created_by: str
    consent_method: ConsentMethod | None
    consent_by: str
    notes: str


def awaiting_review(desk: Desk, actor: Actor) -> list[ReviewItem]:
    """Requests waiting for a registrar, oldest first."""
    actor.require(Permission.REVIEW)
    with desk.db.read() as session:
        rows = session.scalars(
            select(CertificateRequest)
            .where(CertificateRequest.status == RequestStatus.AWAITING_REVIEW)
            .options(selectinload(CertificateRequest.member), selectinload(CertificateRequest.recipients))
            .order_by(CertificateRequest.submitted_at, CertificateRequest.id)
        ).all()
        return [
            ReviewItem(
                request_id=r.id,
                number=r.number,
                member=summarise_member(r.member),
                recipients=tuple(_recipient_input(x) for x in r.recipients),
                submitted_at=r.submitted_at,
                created_by=r.created_by,
                consent_method=r.consent_method,
                consent_by=r.consent_by,
                notes=r.notes,
            )
            for r in rows
        ]


def _recipient_input(x: RequestRecipient) -> RecipientInput:
    return RecipientInput(
        institution_type=x.institution_type,
        institution_id=x.institution_id,
        **address_of(x),
    )


# --- registrar review -----------------------------------------------------------------------------


def _awaiting(session: Session, request_id: int) -> CertificateRequest:
    request = session.get(CertificateRequest, request_id)
    if request is None:
        raise NotFound(translate("Issuing", "Request {0} does not exist").format(request_id))
    if request.status != RequestStatus.AWAITING_REVIEW:
        who = f" by {request.reviewed_by}" if request.reviewed_by else ""
        raise ConflictError(
            translate("Issuing", "Request {0} is no longer awaiting review (it is {1}{2})").format(
                request.number, request.status.value, who
            )
        )
    return request


def approve_request(desk: Desk, actor: Actor, request_id: int) -> SubmitResult:
    """A registrar approves a request awaiting review: every certificate is issued and queued."""
    actor.require(Permission.REVIEW)
    signer = load_signer(desk)
    try:
        with desk.db.write() as session:
            request = _awaiting(session, request_id)
            request.reviewed_by = actor.username
            request.reviewed_at = utcnow()
            audit.record(
                session,
                actor,
                "request.approved",
                subject=request.number,
                member_id=request.member_id,
                before={"status": request.status.value},
                after={"review_reasons": _recorded_reasons(request.member)},
            )
            numbered = engine.issue_request(session, desk, actor, request, issued_on=local_today())
            engine.issue_documents(session, desk, actor, numbered, signer)
    except (IntegrityError, StaleDataError):
        raise ConflictError(
            translate(
                "Issuing", "The request was changed by someone else while it was being approved; look again"
            )
        ) from None
    return request_result(desk, actor, request_id)


def decline_request(desk: Desk, actor: Actor, request_id: int, reason: str) -> SubmitResult:
    actor.require(Permission.REVIEW)
    text = (reason or "").strip()
    if not text:
        raise ValidationError("Reason", translate("Issuing", "is required when declining a request"))
    if len(text) > REASON_MAX:
        raise ValidationError(
            "Reason",
            translate("Issuing", "is {0} characters long; at most {1} are allowed").format(
                len(text), REASON_MAX
            ),
        )
    try:
        with desk.db.write() as session:
            request = _awaiting(session, request_id)
            request.status = RequestStatus.DECLINED
            request.reviewed_by = actor.username
            request.reviewed_at = utcnow()
            request.review_reason = text
            request.updated_by = actor.username
            audit.record(
                session,
                actor,
                "request.declined",
                subject=request.number,
                member_id=request.member_id,
                before={"status": RequestStatus.AWAITING_REVIEW.value},
                after={"status": RequestStatus.DECLINED.value, "reason": text},
            )
    except StaleDataError:
        raise ConflictError(
            translate("Issuing", "The request was changed by someone else; look again")
        ) from None
    return request_result(desk, actor, request_id)


# --- reissue --------------------------------------------------------------------------------------


def reissue_certificate(
    desk: Desk,
    actor: Actor,
    certificate_number: str,
    corrected_recipient: RecipientInput | None = None,
    *,
    reason: str,
) -> Certificate:
    """Issue a new certificate in place of one (optionally to a corrected address); the old is revoked.

    A corrected address becomes a new recipient of the same request, so the old certificate keeps the
    address it was issued to. Both certificates stay in the history, linked by `replaces_id`.
    """
    actor.require(Permission.REISSUE)
    why = clean_text("Reason", reason, required=True, max_length=REASON_MAX)
    corrected = (
        validate_recipient(corrected_recipient, desk_types(desk.db))
        if corrected_recipient is not None
        else None
    )
    signer = load_signer(desk)
    with desk.db.write() as session:
        old = session.scalar(
            select(Certificate).where(Certificate.number == certificate_number.strip().upper())
        )
        if old is None:
            raise NotFound(translate("Issuing", "Certificate {0} does not exist").format(certificate_number))
        newer = session.scalar(select(Certificate).where(Certificate.replaces_id == old.id))
        if newer is not None:
            raise ConflictError(
                translate("Issuing", "Certificate {0} was already reissued as {1}").format(
                    old.number, newer.number
                )
            )
        recipient = old.recipient
        request = recipient.request
        if not old.revoked:
            old.revoked = True
            old.revoked_at = utcnow()
            old.revoked_by = actor.username
            old.revoked_reason = f"Reissued: {why}"
            audit.record(
                session,
                actor,
                "certificate.revoked",
                subject=old.number,
                member_id=request.member_id,
                after={"reason": old.revoked_reason},
            )
        if corrected is not None:
            position = max(r.position for r in request.recipients) + 1
            target_id = engine.add_recipient(session, actor, request.id, corrected, position)
            target: RecipientInput | RequestRecipient = corrected
            seq = 0
        else:
            target_id, target = recipient.id, recipient
            seq = max(c.issue_seq for c in recipient.certificates) + 1
        numbered = engine.number_certificate(
            session,
            desk,
            actor,
            request_number=request.number,
            member=request.member,
            recipient_id=target_id,
            recipient=target,
            issue_seq=seq,
            issued_on=local_today(),
            replaces=old,
            document=document_kind(old.number),
        )
        engine.issue_documents(session, desk, actor, [numbered], signer)
        new = session.get(Certificate, numbered.certificate_id)
        assert new is not None
        audit.record(
            session,
            actor,
            "certificate.reissued",
            subject=new.number,
            member_id=request.member_id,
            before={"certificate": old.number, "recipient": recipient.name, "email": recipient.email},
            after={"certificate": new.number, "recipient": target.name, "email": target.email, "reason": why},
        )
        return new


# --- what the wizard shows ------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberSummary:
    id: int
    full_name: str
    cpso_number: str
    registration_class: str
    status: str
    review_reasons: tuple[str, ...]
    # (label, value) of everything the certificate will state about the member
    disclosure: tuple[tuple[str, str], ...]


def member_summary(desk: Desk, actor: Actor, member_id: int) -> MemberSummary:
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        m = session.get(Member, member_id)
        if m is None:
            raise NotFound(translate("Issuing", "Member {0} does not exist").format(member_id))
        return summarise_member(m)


def _recorded_reasons(member: Member) -> list[str]:
    # The audit trail keeps one language (English), whichever desk wrote it; screens word it in theirs.
    with speaking("en"):
        return rules.review_reasons(member)


def summarise_member(m: Member) -> MemberSummary:
    # The certificate's own fields and words (app.document.disclosure), so the wizard shows what prints;
    # in the desk's language (a French desk shows the French certificate's words).
    return MemberSummary(
        id=m.id,
        full_name=m.full_name,
        cpso_number=m.cpso_number,
        registration_class=m.registration_class,
        status=m.status.value,
        review_reasons=tuple(rules.review_reasons(m)),
        disclosure=tuple((d.label, d.value) for d in disclosure(disclosed_facts(m), language())),
    )


def find_members(desk: Desk, actor: Actor, query: str, limit: int = 25) -> list[MemberSummary]:
    """Members matching a CPSO number or a name as typed (accents and case ignored), via
    app.register.members."""
    actor.require(Permission.SEARCH)
    text = query.strip()
    if not text:
        return []
    with desk.db.read() as session:
        ids: list[int] = []
        for hit in search_members(session, text, limit):
            if hit.member_id not in ids:
                ids.append(hit.member_id)
        members = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(ids)))}
        return [summarise_member(members[i]) for i in ids if i in members]


@dataclass(frozen=True)
class DirectoryEntry:
    recipient: RecipientInput  # institution_id set
    verified: bool


def directory_institutions(desk: Desk, institution_type: str) -> list[DirectoryEntry]:
    """The directory's institutions of one type, by name."""
    with desk.db.read() as session:
        rows = session.scalars(
            select(Institution)
            .join(InstitutionType, Institution.type_id == InstitutionType.id)
            .where(InstitutionType.name == institution_type)
            .order_by(Institution.name)
        ).all()
        return [
            DirectoryEntry(
                RecipientInput(
                    institution_type=institution_type,
                    institution_id=i.id,
                    **address_of(i),
                ),
                bool(i.verified),
            )
            for i in rows
        ]


PREVIEW_NUMBER = "PREVIEW"
PREVIEW_CODE = "PREVIEW-ONLY"


def preview_pdf(
    desk: Desk, actor: Actor, member_id: int, recipient: RecipientInput, today: date | None = None
) -> bytes:
    """The certificate as it will be issued to `recipient`, unsigned, with a PREVIEW number and code.

    Builds nothing in the database. Raises ValidationError when a name cannot be printed.
    """
    actor.require(Permission.FILE_REQUEST)
    issued_on = today or local_today()
    with desk.db.read() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound(translate("Issuing", "Member {0} does not exist").format(member_id))
        content = certificate_content(
            desk.settings,
            member,
            recipient,
            number=PREVIEW_NUMBER,
            verification_code=PREVIEW_CODE,
            issue_date=issued_on,
            valid_until=engine.valid_until(
                desk, recipient.institution_type, issued_on, member.certificate_expiry_date
            ),
        )
    return render_pdf(content)


def validity_note(desk: Desk, member_id: int, institution_type: str, today: date | None = None) -> str:
    """Why a certificate to this type of institution will be valid for less than the usual period (the
    member's certificate of registration expires sooner); "" when it is not shortened."""
    issued_on = today or local_today()
    with desk.db.read() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound(translate("Issuing", "Member {0} does not exist").format(member_id))
        expiry = member.certificate_expiry_date
    return rules.validity_shortened_reason(desk.settings, institution_type, issued_on, expiry)


def recent_similar_requests(
    desk: Desk, actor: Actor, draft: RequestDraft, within: timedelta = timedelta(hours=24)
) -> list[str]:
    """Requests filed lately for the same member to any of the same email addresses (other keys).

    A second request after a crash or a second call is usually a mistake; the wizard asks before filing.
    """
    actor.require(Permission.FILE_REQUEST)
    emails = {r.email.strip().lower() for r in draft.recipients if r.email}
    if not emails:
        return []
    since = utcnow() - within
    with desk.db.read() as session:
        rows = session.scalars(
            select(CertificateRequest)
            .where(
                CertificateRequest.member_id == draft.member_id,
                CertificateRequest.created_at >= since,
                CertificateRequest.idempotency_key != draft.idempotency_key,
                CertificateRequest.status.not_in([RequestStatus.DECLINED, RequestStatus.CANCELLED]),
            )
            .options(selectinload(CertificateRequest.recipients))
            .order_by(CertificateRequest.id)
        ).all()
        found = []
        for r in rows:
            same = sorted({x.email for x in r.recipients if x.email.lower() in emails})
            if same:
                when = r.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
                found.append(
                    translate("Issuing", "{0} ({1}), filed {2} by {3}, to {4}").format(
                        r.number, r.status.value, when, r.created_by, ", ".join(same)
                    )
                )
        return found


def certificate_recipient(desk: Desk, actor: Actor, certificate_id: int) -> RecipientInput:
    """The recipient a certificate was issued to, as a form would hold it (for a corrected reissue)."""
    actor.require(Permission.REISSUE)
    with desk.db.read() as session:
        certificate = session.get(Certificate, certificate_id)
        if certificate is None:
            raise NotFound(translate("Issuing", "Certificate {0} does not exist").format(certificate_id))
        return _recipient_input(certificate.recipient)
