"""The tables of CPC Desk, as SQLAlchemy 2 typed ORM classes.

Times are stored in UTC (timezone-aware). Recipient details are snapshots taken when a request is filed:
editing the institution directory later never changes a filed request or an issued certificate.
"""

import enum
from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every database (SQLite would otherwise hand back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; CPC Desk stores UTC times only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Stored as the value strings, checked by a CHECK constraint on every database.
    return Enum(
        cls,
        name=name,
        values_callable=lambda e: [m.value for m in e],
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=32,
    )


class MemberStatus(enum.StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    RESIGNED = "resigned"
    EXPIRED = "expired"
    DECEASED = "deceased"


REGISTRATION_CLASSES: tuple[str, ...] = (
    "Independent Practice",
    "Postgraduate Education",
    "Restricted",
    "Academic Practice",
    "Supervised Short Duration",
)


class ConsentMethod(enum.StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    SIGNED_FORM = "signed_form"
    PORTAL = "portal"


CONSENT_METHOD_LABELS: dict[ConsentMethod, str] = {
    ConsentMethod.IN_PERSON: "In person",
    ConsentMethod.PHONE: "By phone",
    ConsentMethod.SIGNED_FORM: "Signed form",
    ConsentMethod.PORTAL: "Member portal",
}


class RequestStatus(enum.StrEnum):
    DRAFT = "draft"
    AWAITING_REVIEW = "awaiting_review"
    DECLINED = "declined"
    ISSUED = "issued"  # every recipient has a certificate
    CANCELLED = "cancelled"


class OutboxState(enum.StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED_TEMPORARY = "failed_temporary"
    FAILED_PERMANENT = "failed_permanent"
    CANCELLED = "cancelled"


class StaffRole(enum.StrEnum):
    CLERK = "clerk"
    REGISTRAR = "registrar"
    ADMIN = "admin"


class Member(Base):
    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    cpso_number: Mapped[str] = mapped_column(String(16), unique=True)
    first_name: Mapped[str] = mapped_column(String(200))
    middle_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200))
    # Lower-case, accent-free "first middle last" for search; kept in step by app.register.members.
    search_name: Mapped[str] = mapped_column(String(610), default="", index=True)
    registration_class: Mapped[str] = mapped_column(String(64))
    status: Mapped[MemberStatus] = mapped_column(_enum(MemberStatus, "member_status"))
    initial_registration_date: Mapped[date] = mapped_column(Date)
    certificate_expiry_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The day the current status took effect, where known (an import that changes the status sets it).
    status_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    specialties: Mapped[str] = mapped_column(Text, default="")  # "; "-separated
    terms_conditions: Mapped[str] = mapped_column(Text, default="")
    discipline: Mapped[str] = mapped_column(Text, default="")
    pending_investigations: Mapped[str] = mapped_column(Text, default="")
    practice_address: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    requests: Mapped[list["CertificateRequest"]] = relationship(back_populates="member")
    # The words of the name (and the CPSO number) for search; rebuilt by
    # app.register.members.refresh_search_name.
    name_tokens: Mapped[list["MemberNameToken"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.middle_name, self.last_name) if p)

    @property
    def specialty_list(self) -> list[str]:
        return [s.strip() for s in self.specialties.split(";") if s.strip()]


class MemberNameToken(Base):
    """One normalised word of a member's name: prefix range scans on `token` find members in any word order.

    Plain B-tree tables and indexes, so that search runs the same SQL on SQLite and PostgreSQL.
    """

    __tablename__ = "member_name_token"
    __table_args__ = (Index("ix_member_name_token_token", "token", "member_id"),)

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    # Binary order on every database ("C" on PostgreSQL, as SQLite's default), so a prefix is a range.
    token: Mapped[str] = mapped_column(
        String(200).with_variant(String(200, collation="C"), "postgresql"), primary_key=True
    )


class InstitutionType(Base):
    __tablename__ = "institution_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Institution(Base):
    __tablename__ = "institution"
    __table_args__ = (UniqueConstraint("type_id", "name", name="uq_institution_type_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("institution_type.id"))
    name: Mapped[str] = mapped_column(String(200))
    attention: Mapped[str] = mapped_column(String(200), default="")
    street1: Mapped[str] = mapped_column(String(200))
    street2: Mapped[str] = mapped_column(String(200), default="")
    street3: Mapped[str] = mapped_column(String(200), default="")
    street4: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    postal_code: Mapped[str] = mapped_column(String(32))
    email: Mapped[str] = mapped_column(String(254))
    # The language certificates to this institution default to (an app.language.CertificateLanguage value).
    language: Mapped[str] = mapped_column(String(16), default="en", server_default="en")
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    type: Mapped[InstitutionType] = relationship()


class StaffUser(Base):
    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[StaffRole] = mapped_column(_enum(StaffRole, "staff_role"))
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_signins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CertificateRequest(Base):
    __tablename__ = "certificate_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    status: Mapped[RequestStatus] = mapped_column(_enum(RequestStatus, "request_status"))
    # A client-generated key: the same Submit sent twice finds the first request instead of filing another.
    idempotency_key: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_method: Mapped[ConsentMethod | None] = mapped_column(
        _enum(ConsentMethod, "consent_method"), nullable=True
    )
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    consent_by: Mapped[str] = mapped_column(String(64), default="")
    consent_statement: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    reviewed_by: Mapped[str] = mapped_column(String(64), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    review_reason: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch.id"), nullable=True, index=True)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    member: Mapped[Member] = relationship(back_populates="requests")
    recipients: Mapped[list["RequestRecipient"]] = relationship(
        back_populates="request", order_by="RequestRecipient.position", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def number(self) -> str:
        return f"R-{self.id:07d}"


class RequestRecipient(Base):
    """One organisation a request's certificate goes to: a snapshot of its name, address and email."""

    __tablename__ = "request_recipient"
    __table_args__ = (UniqueConstraint("request_id", "position", name="uq_recipient_position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("certificate_request.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    institution_id: Mapped[int | None] = mapped_column(ForeignKey("institution.id"), nullable=True)
    institution_type: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    attention: Mapped[str] = mapped_column(String(200), default="")
    street1: Mapped[str] = mapped_column(String(200))
    street2: Mapped[str] = mapped_column(String(200), default="")
    street3: Mapped[str] = mapped_column(String(200), default="")
    street4: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))
    postal_code: Mapped[str] = mapped_column(String(32))
    email: Mapped[str] = mapped_column(String(254))
    # The language of this recipient's certificates and their email (app.language.CertificateLanguage).
    language: Mapped[str] = mapped_column(String(16), default="en", server_default="en")

    request: Mapped[CertificateRequest] = relationship(back_populates="recipients")
    certificates: Mapped[list["Certificate"]] = relationship(
        back_populates="recipient", order_by="Certificate.issue_seq"
    )

    @property
    def street_lines(self) -> list[str]:
        return [s for s in (self.street1, self.street2, self.street3, self.street4) if s]


class CertificateSequence(Base):
    """The last certificate number used in a year; taken under a row lock in the issuing transaction."""

    __tablename__ = "certificate_sequence"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Certificate(Base):
    __tablename__ = "certificate"
    # issue_seq 0 is the first certificate for a recipient, 1.. are reissues: the unique pair makes a
    # second Submit of the same request and recipient fail instead of issuing twice.
    __table_args__ = (UniqueConstraint("recipient_id", "issue_seq", name="uq_certificate_recipient_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # CPC-YYYY-NNNNNN
    recipient_id: Mapped[int] = mapped_column(ForeignKey("request_recipient.id"), index=True)
    issue_seq: Mapped[int] = mapped_column(Integer, default=0)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(64), default="")
    issue_date: Mapped[date] = mapped_column(Date)  # issuing body's local date
    valid_until: Mapped[date] = mapped_column(Date)
    verification_code: Mapped[str] = mapped_column(String(32), unique=True)
    # empty until rendered and signed; indexed: the verification service finds an uploaded file by it
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_by: Mapped[str] = mapped_column(String(64), default="")
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("certificate.id"), nullable=True, index=True)
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    recipient: Mapped[RequestRecipient] = relationship(back_populates="certificates")
    document: Mapped["CertificateDocument | None"] = relationship(
        back_populates="certificate", uselist=False, cascade="all, delete-orphan"
    )


class CertificateDocument(Base):
    """The signed PDF, apart from the certificate row so that listings never load the bytes."""

    __tablename__ = "certificate_document"

    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificate.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    pdf: Mapped[bytes] = mapped_column(LargeBinary)

    certificate: Mapped[Certificate] = relationship(back_populates="document")


class CertificateStatement(Base):
    """The register's facts a certificate states, as they were when it was numbered: what the verification
    page and `verify` compare with the register now (app.document.standing)."""

    __tablename__ = "certificate_statement"

    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificate.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    member_name: Mapped[str] = mapped_column(String(610))
    cpso_number: Mapped[str] = mapped_column(String(16))
    registration_class: Mapped[str] = mapped_column(String(64))
    member_status: Mapped[str] = mapped_column(String(32))  # a MemberStatus value
    terms_conditions: Mapped[str] = mapped_column(Text, default="")
    discipline: Mapped[str] = mapped_column(Text, default="")
    pending_investigations: Mapped[str] = mapped_column(Text, default="")


class OutboxMessage(Base):
    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_state_next", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate.id"), nullable=True, index=True
    )
    message_id: Mapped[str] = mapped_column(String(255), unique=True)  # the RFC 5322 Message-ID
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(500))
    state: Mapped[OutboxState] = mapped_column(_enum(OutboxState, "outbox_state"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resend_of_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_message.id"), nullable=True)

    certificate: Mapped[Certificate | None] = relationship()


class Batch(Base):
    """A batch printing job, known by the SHA-256 of its requests file (or of its selection)."""

    __tablename__ = "batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_name: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    total_rows: Mapped[int] = mapped_column(Integer, default=0)


class AuditEvent(Base):
    """Append-only; each row's hash covers its content and the previous row's hash."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    member_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    subject: Mapped[str] = mapped_column(String(200), default="")
    before_json: Mapped[str] = mapped_column(Text, default="")
    after_json: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # The set of seals of the audited rows this event's transaction wrote (app.audit.seals): its id, size
    # and digest, part of the hash; the seals themselves are rows of audit_seal.
    state_json: Mapped[str] = mapped_column(Text, default="", server_default="")


class AuditHead(Base):
    """One row holding the newest audit hash; updating it serialises appends on every database."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


# --- Copies of Documents and request messages (migration 0005) ---------------------------------------


class DocumentSequence(Base):
    """The last number used in a year of one document series (REG, CARD, DIP); taken like a CPC's."""

    __tablename__ = "document_sequence"

    series: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class MessageChannel(enum.StrEnum):
    EMAIL_SENT = "email_sent"  # staff wrote to the member; delivered by the outbox
    REPLY_RECORDED = "reply_recorded"  # the member's reply, typed in by a clerk (not received by email)
    PHONE_CALL = "phone_call"  # a phone call, noted by a clerk


class RequestMessage(Base):
    """One entry of a request's message thread: who, when, how it came or went, and the plain text."""

    __tablename__ = "request_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("certificate_request.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[MessageChannel] = mapped_column(_enum(MessageChannel, "message_channel"))
    subject: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    # Entries a clerk has not yet seen; a clerk's own outgoing message is seen when written.
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    read_by: Mapped[str] = mapped_column(String(64), default="")
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_message.id"), nullable=True)

    outbox: Mapped[OutboxMessage | None] = relationship()


class SigningCertificate(Base):
    """A certificate the College signs (or signed) with, its chain, and the period it was in use.

    Every desk and the verification service trust exactly these rows, and only those that chain to the
    root each desk holds outside the database (setting signing.root_certificate; app/document/trust.py).
    Only certificates live here, never keys.
    """

    __tablename__ = "signing_certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the DER, hex
    subject: Mapped[str] = mapped_column(String(500))
    certificate: Mapped[bytes] = mapped_column(LargeBinary)  # DER
    chain_pem: Mapped[str] = mapped_column(Text, default="")  # issuers up to and including the root
    not_before: Mapped[datetime] = mapped_column(UTCDateTime())
    not_after: Mapped[datetime] = mapped_column(UTCDateTime())
    in_use_from: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    in_use_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    added_by: Mapped[str] = mapped_column(String(64), default="")


class AuditCheckpoint(Base):
    """The chain's head at one moment, signed with the College's key (app.audit.anchor)."""

    __tablename__ = "audit_checkpoint"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer, index=True)
    event_hash: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    signer_sha256: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(Text)


class AuditSeal(Base):
    """One audited row's seal (app.audit.seals), in the set one event vouches for by its digest."""

    __tablename__ = "audit_seal"

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[str] = mapped_column(String(32), index=True)
    table_name: Mapped[str] = mapped_column(String(32))
    row_key: Mapped[str] = mapped_column(String(64))
    seal: Mapped[str] = mapped_column(String(160))


class RegisterSetting(Base):
    """A setting shared by every desk of the register (app.settings.REGISTER_KEYS), as JSON."""

    __tablename__ = "register_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)
