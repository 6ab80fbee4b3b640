"""The one issuing engine: every certificate is filed, numbered, stored and audited here.

Whatever starts it (the wizard's Submit, a registrar's approval, a reissue, a row of a batch), issuing is
the same three steps in the caller's transaction, writing the same rows and the same audit events:

1. `file_request`: the request, its recipients and the consent
   (`request.created`, `request.consent_recorded`, `request.submitted`); a member who needs a
   registrar's review stops here, awaiting review.
2. `issue_request` / `number_certificate`: each recipient's certificate row with its number,
   verification code and validity (`certificate.issued`, then `request.issued`), and the content the
   document will show (`CertificateContent`, plain values a worker process can take).
3. `store_document`: the signed PDF and its SHA-256 (`certificate.signed`), and the email handed to the
   outbox.

Between 2 and 3 the document is drawn and signed: here, by `issue_documents`, for the wizard, approval and
reissue; in worker processes for a batch (app.batch), which commits each number before drawing and
stores documents as they come back. Rows are written as plain INSERTs rather than ORM objects: a batch
runs this once per certificate while its workers draw, so every millisecond here is one it waits for.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.document.certificates import (
    CertificateContent,
    PrintedRecipient,
    certificate_content,
    check_renderable,
)
from app.document.disclosure import PrintedMember
from app.document.signing import Signer, issue_document
from app.errors import ValidationError
from app.faults import fault_point
from app.i18n import speaking, translate
from app.issuing import rules
from app.mail import outbox
from app.register.recipients import RecipientInput, address_of
from app.store.models import (
    Certificate,
    CertificateDocument,
    CertificateRequest,
    CertificateStatement,
    ConsentMethod,
    Institution,
    InstitutionType,
    Member,
    OutboxMessage,
    RequestRecipient,
    RequestStatus,
    utcnow,
)
from app.store.numbering import allocate_certificate_number, allocate_document_number, new_verification_code

# Core tables: inserting through them skips the ORM's unit of work (several times cheaper per row).
_REQUEST: Any = CertificateRequest.__table__
_RECIPIENT: Any = RequestRecipient.__table__
_CERTIFICATE: Any = Certificate.__table__
_DOCUMENT: Any = CertificateDocument.__table__
_STATEMENT: Any = CertificateStatement.__table__
# Built once, the values passed at execution: the compiled statement is reused for every row.
_INSERT_REQUEST = insert(_REQUEST).returning(_REQUEST.c.id)
_INSERT_RECIPIENT = insert(_RECIPIENT).returning(_RECIPIENT.c.id)
_INSERT_CERTIFICATE = insert(_CERTIFICATE).returning(_CERTIFICATE.c.id)
_INSERT_DOCUMENT = insert(_DOCUMENT)
_INSERT_STATEMENT = insert(_STATEMENT)


def local_today() -> date:
    """The issuing body's local date (the desk's time zone): the issue date every path prints."""
    return datetime.now().astimezone().date()


def request_number(request_id: int) -> str:
    """A request's number as staff and members see it: R-0000042."""
    return f"R-{request_id:07d}"


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """The member values a certificate prints, kept compactly for thousands of rows (not an ORM object)."""

    id: int
    cpso_number: str
    first_name: str
    middle_name: str
    last_name: str
    registration_class: str
    status: Any
    initial_registration_date: date
    certificate_expiry_date: date | None
    specialties: str
    terms_conditions: str
    discipline: str
    pending_investigations: str

    @classmethod
    def of(cls, member: Member) -> "MemberFacts":
        return cls(
            member.id,
            member.cpso_number,
            member.first_name,
            member.middle_name,
            member.last_name,
            member.registration_class,
            member.status,
            member.initial_registration_date,
            member.certificate_expiry_date,
            member.specialties,
            member.terms_conditions,
            member.discipline,
            member.pending_investigations,
        )

    # The same derived values as the Member model: one definition of each.
    full_name = Member.full_name
    specialty_list = Member.specialty_list


@dataclass(frozen=True)
class Filing:
    """One request to file, from whatever collected it (the wizard's draft, a row of a requests file)."""

    member: MemberFacts
    recipients: tuple[RecipientInput, ...]  # already checked by app.register.recipients
    consent_method: ConsentMethod
    consent_at: datetime
    consent_statement: str
    idempotency_key: str
    notes: str = ""
    batch_id: int | None = None
    batch_line: int | None = None
    # Copies of Documents: the kind for each recipient ("registration", "card", "diploma"), whose
    # recipient is the member; empty for a CPC. Such a request is never held for review (the rules'
    # document_refusal was asked before filing).
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class NumberedCertificate:
    """A certificate whose number is taken and whose document is still to be drawn, signed and stored."""

    certificate_id: int
    number: str
    content: CertificateContent


@dataclass(frozen=True)
class FiledRequest:
    request_id: int
    number: str
    review_reasons: tuple[str, ...]  # non-empty: awaiting a registrar's review, nothing numbered
    certificates: tuple[NumberedCertificate, ...] = ()


@dataclass(frozen=True)
class StoredDocument:
    stored: bool  # False: another desk stored this certificate's document first; that one stands
    email_queued: bool


# --- 1. filing ---------------------------------------------------------------------------------------


def file_request(
    session: Session, desk: Desk, actor: Actor, filing: Filing, *, issued_on: date
) -> FiledRequest:
    """File one request; unless the member needs review, number every recipient's certificate.

    A second filing with the same idempotency key fails on the unique key when it is inserted, so a
    request is never filed twice.
    """
    actor.require(Permission.FILE_REQUEST)
    member = filing.member
    reasons = () if filing.documents else tuple(rules.review_reasons(member))
    now = utcnow()
    request_id = session.execute(
        _INSERT_REQUEST,
        {
            "member_id": member.id,
            "status": RequestStatus.AWAITING_REVIEW if reasons else RequestStatus.ISSUED,
            "idempotency_key": filing.idempotency_key,
            "consent_given": True,
            "consent_method": filing.consent_method,
            "consent_at": filing.consent_at,
            "consent_by": actor.username,
            "consent_statement": filing.consent_statement,
            "notes": filing.notes,
            "created_by": actor.username,
            "created_at": now,
            "submitted_at": now,
            "issued_at": None if reasons else now,
            "updated_by": actor.username,
            "updated_at": now,
            "batch_id": filing.batch_id,
            "version": 1,
        },
    ).scalar_one()
    audit.changed(session, "certificate_request", [request_id])
    recipient_ids = [
        add_recipient(session, actor, request_id, r, position) for position, r in enumerate(filing.recipients)
    ]
    fault_point("after-request-row")
    number = request_number(request_id)
    created: dict[str, Any] = {
        "member": member.cpso_number,
        "recipients": [
            {"name": r.name, "email": r.email, "country": r.country, "language": r.language}
            for r in filing.recipients
        ],
    }
    if filing.batch_id is not None:
        created.update(batch=filing.batch_id, line=filing.batch_line)
    if filing.documents:
        created["documents"] = list(filing.documents)
    audit.record(session, actor, "request.created", subject=number, member_id=member.id, after=created)
    audit.record(
        session,
        actor,
        "request.consent_recorded",
        subject=number,
        member_id=member.id,
        after={
            "method": filing.consent_method.value,
            "by": actor.username,
            "at": filing.consent_at.isoformat(),
            "statement": filing.consent_statement,
        },
    )
    submitted: dict[str, Any] = {"status": RequestStatus.AWAITING_REVIEW.value if reasons else "issuing"}
    if reasons:
        # The trail keeps one language (English), whichever desk filed it; the screens word it in theirs.
        with speaking("en"):
            submitted["review_reasons"] = rules.review_reasons(member)
    audit.record(session, actor, "request.submitted", subject=number, member_id=member.id, after=submitted)
    if reasons:
        return FiledRequest(request_id, number, reasons)
    certificates = _number_all(
        session,
        desk,
        actor,
        number,
        member,
        list(zip(recipient_ids, filing.recipients, strict=True)),
        issued_on,
        filing.documents,
    )
    return FiledRequest(request_id, number, (), certificates)


def add_recipient(session: Session, actor: Actor, request_id: int, r: RecipientInput, position: int) -> int:
    """A recipient row for a request: a snapshot of the address as it is now; its id.

    A typed-in organisation the clerk asked to keep is added to the directory (unverified) when the
    clerk may edit it.
    """
    institution_id = r.institution_id
    if institution_id is not None and session.get(Institution, institution_id) is None:
        raise ValidationError(
            "Institution", translate("Issuing", "directory entry {0} no longer exists").format(institution_id)
        )
    if institution_id is None and r.save_to_directory and actor.can(Permission.EDIT_INSTITUTIONS):
        institution_id = _save_institution(session, actor, r)
    recipient_id = int(
        session.execute(
            _INSERT_RECIPIENT,
            {
                "request_id": request_id,
                "position": position,
                "institution_id": institution_id,
                "institution_type": r.institution_type,
                **address_of(r),
            },
        ).scalar_one()
    )
    audit.changed(session, "request_recipient", [recipient_id])
    return recipient_id


def _save_institution(session: Session, actor: Actor, r: RecipientInput) -> int:
    """Add a typed-in organisation to the directory, unverified (or reuse the entry of that name)."""
    kind = session.scalar(select(InstitutionType).where(InstitutionType.name == r.institution_type))
    if kind is None:
        position = int(session.scalar(select(func.coalesce(func.max(InstitutionType.position), 0))) or 0)
        kind = InstitutionType(name=r.institution_type, position=position + 1)
        session.add(kind)
        session.flush()
    existing = session.scalar(
        select(Institution).where(Institution.type_id == kind.id, Institution.name == r.name)
    )
    if existing is not None:
        return existing.id
    inst = Institution(type_id=kind.id, **address_of(r), verified=False)
    session.add(inst)
    session.flush()
    audit.record(
        session,
        actor,
        "institution.added",
        subject=r.name,
        after={"type": r.institution_type, "email": r.email, "verified": False, "id": inst.id},
    )
    return inst.id


# --- 2. numbering ------------------------------------------------------------------------------------


def issue_request(
    session: Session, desk: Desk, actor: Actor, request: CertificateRequest, *, issued_on: date
) -> tuple[NumberedCertificate, ...]:
    """Number every recipient's certificate of a filed request (a registrar approved it)."""
    request.status = RequestStatus.ISSUED
    request.issued_at = utcnow()
    request.updated_by = actor.username
    session.flush()
    recipients = [(r.id, r) for r in request.recipients]
    return _number_all(session, desk, actor, request.number, request.member, recipients, issued_on)


def _number_all(
    session: Session,
    desk: Desk,
    actor: Actor,
    number: str,
    member: PrintedMember,
    recipients: Sequence[tuple[int, "PrintedRecipient | RecipientInput"]],
    issued_on: date,
    documents: Sequence[str] = (),
) -> tuple[NumberedCertificate, ...]:
    kinds = list(documents) or ["cpc"] * len(recipients)
    numbered = tuple(
        number_certificate(
            session,
            desk,
            actor,
            request_number=number,
            member=member,
            recipient_id=recipient_id,
            recipient=recipient,
            issue_seq=0,
            issued_on=issued_on,
            document=kind,
        )
        for (recipient_id, recipient), kind in zip(recipients, kinds, strict=True)
    )
    audit.record(
        session,
        actor,
        "request.issued",
        subject=number,
        member_id=_member_id(member),
        after={"certificates": [c.number for c in numbered]},
    )
    return numbered


def _member_id(member: PrintedMember) -> int | None:
    return getattr(member, "id", None)


def valid_until(
    desk: Desk, institution_type: str, issued_on: date, registration_expiry: date | None = None
) -> date:
    """The last day a certificate issued today to this type of institution is valid (never past the
    member's certificate of registration expiry)."""
    return rules.valid_until(desk.settings, institution_type, issued_on, registration_expiry)


def number_certificate(
    session: Session,
    desk: Desk,
    actor: Actor | str,
    *,
    request_number: str,
    member: PrintedMember,
    recipient_id: int,
    recipient: "PrintedRecipient | RecipientInput",
    issue_seq: int,
    issued_on: date,
    replaces: Certificate | None = None,
    document: str = "cpc",
) -> NumberedCertificate:
    """Take the next number for one recipient's certificate and write its row; what it will show.

    A second certificate for the same (recipient, issue_seq) fails on the unique constraint, so a
    certificate is never issued twice.
    """
    code = new_verification_code()
    if document == "cpc":
        number = allocate_certificate_number(session, issued_on.year)
        institution_type = str(getattr(recipient, "institution_type", ""))
        until = valid_until(desk, institution_type, issued_on, member.certificate_expiry_date)
    else:  # a copy of a document: its own series and validity (app.issuing.rules)
        number = allocate_document_number(session, document, issued_on.year)
        until = rules.document_valid_until(member, document, issued_on)
    certificate_id = session.execute(
        _INSERT_CERTIFICATE,
        {
            "number": number,
            "recipient_id": recipient_id,
            "issue_seq": issue_seq,
            "issued_at": utcnow(),
            "issued_by": actor if isinstance(actor, str) else actor.username,
            "issue_date": issued_on,
            "valid_until": until,
            "verification_code": code,
            "pdf_sha256": "",
            "revoked": False,
            "replaces_id": replaces.id if replaces is not None else None,
        },
    ).scalar_one()
    session.execute(_INSERT_STATEMENT, {"certificate_id": certificate_id, **stated_facts(member)})
    audit.changed(session, "certificate", [certificate_id])
    fault_point("after-certificate-number")
    audit.record(
        session,
        actor,
        "certificate.issued",
        subject=number,
        member_id=_member_id(member),
        after={
            "request": request_number,
            "recipient": recipient.name,
            "email": getattr(recipient, "email", ""),
            "issue_seq": issue_seq,
            "valid_until": until.isoformat(),
            "language": getattr(recipient, "language", "en"),
            "replaces": replaces.number if replaces is not None else None,
            **({"document": document} if document != "cpc" else {}),
        },
    )
    content = certificate_content(
        desk.settings,
        member,
        recipient,
        number=number,
        verification_code=code,
        issue_date=issued_on,
        valid_until=until,
    )
    if document != "cpc":
        content = replace(content, document=document)
    # In the numbering transaction: a certificate that could not be drawn is never numbered.
    check_renderable(content)
    return NumberedCertificate(int(certificate_id), number, content)


def stated_facts(member: PrintedMember) -> dict[str, str]:
    """The register's facts a certificate states, as stored in `certificate_statement` (what
    app.document.standing compares with the register later)."""
    return {
        "member_name": member.full_name,
        "cpso_number": member.cpso_number,
        "registration_class": member.registration_class,
        "member_status": str(getattr(member.status, "value", member.status)),
        "terms_conditions": member.terms_conditions.strip(),
        "discipline": member.discipline.strip(),
        "pending_investigations": member.pending_investigations.strip(),
    }


def check_printable(
    desk: Desk, member: PrintedMember, recipient: "PrintedRecipient | RecipientInput", issued_on: date
) -> None:
    """Raise ValidationError naming the field and the character when the certificate for this member and
    recipient could not be drawn: a batch checks each row with it before any row is numbered."""
    content = certificate_content(
        desk.settings,
        member,
        recipient,
        number="CPC-0000-000000",
        verification_code="0000-0000-0000",
        issue_date=issued_on,
        valid_until=issued_on,
    )
    check_renderable(content)


# --- 3. the document ---------------------------------------------------------------------------------


def store_document(
    session: Session,
    desk: Desk,
    actor: Actor | str,
    certificate_id: int,
    number: str,
    pdf: bytes,
    sha256: str,
    *,
    queue_email: bool,
) -> StoredDocument:
    """Store a certificate's signed document with its hash and, if asked, queue its email.

    Only the first document stored for a certificate counts: a batch completed by two desks at once
    stores one and keeps it (the hash is set only where it is still empty).
    """
    claimed: Any = session.execute(
        update(_CERTIFICATE)
        .where(_CERTIFICATE.c.id == certificate_id, _CERTIFICATE.c.pdf_sha256 == "")
        .values(pdf_sha256=sha256)
    )
    if int(claimed.rowcount) == 0:
        return StoredDocument(stored=False, email_queued=False)
    audit.changed(session, "certificate", [certificate_id])
    session.execute(_INSERT_DOCUMENT, {"certificate_id": certificate_id, "pdf": pdf})
    fault_point("after-pdf-stored")
    audit.record(session, actor, "certificate.signed", subject=number, after={"pdf_sha256": sha256})
    queued = queue_email and queue_certificate_email(session, desk, actor, certificate_id, pdf)
    return StoredDocument(stored=True, email_queued=queued)


def queue_certificate_email(
    session: Session, desk: Desk, actor: Actor | str, certificate_id: int, pdf: bytes
) -> bool:
    """Hand the certificate's email to the outbox unless one is already queued or sent for it."""
    exists = session.scalar(select(OutboxMessage.id).where(OutboxMessage.certificate_id == certificate_id))
    certificate = session.get(Certificate, certificate_id)
    if exists is not None or certificate is None:
        return False
    outbox.enqueue_certificate_email(session, desk.settings, certificate, pdf, actor)
    return True


def issue_documents(
    session: Session,
    desk: Desk,
    actor: Actor | str,
    numbered: Sequence[NumberedCertificate],
    signer: Signer,
    *,
    queue_email: bool = True,
) -> None:
    """Draw, sign and store each numbered certificate in this process (the wizard, approval, reissue)."""
    for certificate in numbered:
        document = issue_document(certificate.content, signer)
        store_document(
            session,
            desk,
            actor,
            certificate.certificate_id,
            certificate.number,
            document.pdf,
            document.sha256,
            queue_email=queue_email,
        )
