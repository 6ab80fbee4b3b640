"""Copies of Documents: a member's Certificate of Registration, Membership Card and Membership Diploma,
issued through the one issuing engine and emailed to the member (the address on file, or a corrected one).

One request holds every document asked for at once (one recipient row per document, each the member);
each document is numbered in its own series, drawn, signed, stored and queued in the outbox in the same
transaction as a CPC. Who may receive which document is decided by `rules.document_refusal`.
"""

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.staff import Actor, Permission
from app.desk import Desk
from app.document.signing import load_signer
from app.errors import NotFound, ValidationError, ValidationErrors
from app.i18n import translate
from app.issuing import engine, rules
from app.language import CertificateLanguage
from app.register.recipients import RecipientInput, default_language, parse_language
from app.register.text import validate_email
from app.store.models import Certificate, CertificateDocument, ConsentMethod, Member, utcnow

RECIPIENT_TYPE = "Member"  # the recipient row of a copy of a document: the member themselves
CONSENT_STATEMENT = "The member asked for copies of their own registration documents, sent to them."


@dataclass(frozen=True)
class IssuedCopy:
    kind: str
    title: str
    number: str
    certificate_id: int


@dataclass(frozen=True)
class CopiesIssued:
    request_id: int
    request_number: str
    member_name: str
    email: str
    copies: tuple[IssuedCopy, ...]


def _member(session: Session, cpso_number: str) -> Member:
    number = cpso_number.strip()
    member = session.scalar(select(Member).where(Member.cpso_number == number))
    if member is None:
        raise NotFound(translate("Issuing", "There is no member with CPSO number {0!r}.").format(number))
    return member


def document_refusals(desk: Desk, actor: Actor, cpso_number: str) -> dict[str, str]:
    """For each kind of document, why this member may not be sent it ("" when it may)."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        member = _member(session, cpso_number)
        return {kind: rules.document_refusal(member, kind) for kind in rules.DOCUMENT_KINDS}


# A province written in a free-text practice address ("Montréal QC  H3A 1A1", "Québec, Quebec")
_QUEBEC_RE = re.compile(r"\b(?:QC|PQ)\b|\bQu[eé]bec\b", re.IGNORECASE)


def member_language(member: Member) -> str:
    """The language a member's documents start in, by the recipients' rule (default_language): the
    member has no directory entry, so French for a practice address in Quebec, English otherwise."""
    state = "QC" if _QUEBEC_RE.search(member.practice_address) else ""
    return default_language(None, "CA" if state else "", state)


def member_as_recipient(member: Member, email: str, language: str = "") -> RecipientInput:
    """The member as the addressee of their own documents: name, the practice address as on file, and
    the language the documents are written in (`language`, or the member's by member_language)."""
    lines = [line.strip() for line in member.practice_address.splitlines() if line.strip()]
    return RecipientInput(
        language=language or member_language(member),
        institution_type=RECIPIENT_TYPE,
        name=member.full_name,
        street1=lines[0] if lines else "",
        street2=lines[1] if len(lines) > 1 else "",
        street3=", ".join(lines[2:]) if len(lines) > 2 else "",
        email=email,
    )


def issue_copies(
    desk: Desk,
    actor: Actor,
    cpso_number: str,
    kinds: Sequence[str],
    *,
    email: str = "",
    language: str = "",
    consent_method: ConsentMethod = ConsentMethod.PHONE,
    idempotency_key: str = "",
) -> CopiesIssued:
    """Issue the documents `kinds` names to the member and queue their email (one transaction).

    `email` replaces the address on file for this request only (validated like every address); `language`
    (en, fr or bilingual; blank: member_language) is the documents' and their email's. Refused,
    with every reason at once, for a member who may not receive a document or has no address to send to.
    """
    actor.require(Permission.FILE_REQUEST)
    wanted = list(dict.fromkeys(rules.document_kind("document", k) for k in kinds))
    if not wanted:
        raise ValidationError("document", translate("Issuing", "choose at least one document"))
    corrected = validate_email("email", email, required=False)
    chosen = parse_language("language", language, CertificateLanguage.EN) if language.strip() else ""
    with desk.db.read() as session:
        member = _member(session, cpso_number)
        problems = [
            ValidationError("document", f"{rules.DOCUMENT_KINDS[kind]}: {reason}")
            for kind in wanted
            if (reason := rules.document_refusal(member, kind))
        ]
        to = corrected or member.email.strip()
        if not to:
            problems.append(
                ValidationError(
                    "email", translate("Issuing", "the member has no email address on file; type one")
                )
            )
        else:
            to = validate_email("email", to)
    if problems:
        raise ValidationErrors(problems)
    signer = load_signer(desk)
    key = idempotency_key or f"docs-{uuid.uuid4().hex}"
    with desk.db.write() as session:
        member = _member(session, cpso_number)
        recipient = member_as_recipient(member, to, chosen)
        filing = engine.Filing(
            member=engine.MemberFacts.of(member),
            recipients=tuple(recipient for _ in wanted),
            consent_method=consent_method,
            consent_at=utcnow(),
            consent_statement=CONSENT_STATEMENT,
            idempotency_key=key,
            documents=tuple(wanted),
        )
        filed = engine.file_request(session, desk, actor, filing, issued_on=engine.local_today())
        engine.issue_documents(session, desk, actor, filed.certificates, signer)
        copies = tuple(
            IssuedCopy(kind, rules.DOCUMENT_KINDS[kind], c.number, c.certificate_id)
            for kind, c in zip(wanted, filed.certificates, strict=True)
        )
        return CopiesIssued(filed.request_id, filed.number, member.full_name, to, copies)


def document_pdf(desk: Desk, actor: Actor, number: str) -> bytes:
    """The signed PDF of an issued document (or CPC) by its number."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        pdf = session.scalar(
            select(CertificateDocument.pdf)
            .join(Certificate, Certificate.id == CertificateDocument.certificate_id)
            .where(Certificate.number == number.strip().upper())
        )
    if pdf is None:
        raise NotFound(translate("Issuing", "No signed document is stored for {0}.").format(number.strip()))
    return bytes(pdf)
