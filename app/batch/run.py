"""Batch issuing and printing: a requests CSV (or a selection of issued certificates) to paper.

A batch is known by the SHA-256 of its file. Each valid row becomes a request with the idempotency key
`batch:<sha>:<line>`, filed and numbered by the issuing engine (app.issuing.engine) exactly as the wizard
files one, and its certificate number is committed before the next row is started; the
document is drawn and signed in worker processes (app.batch.render_pool) while this process files the next
rows, then stored. A certificate whose number was committed but whose document was not (a crash, a
kill) is completed on the next run with the same number and content, which is built from the database
alone. Running the same file again therefore issues only what is missing, and never anything twice.

Files are written whole (temporary name, then rename); the merged print file is streamed page by page
(app.printing.sheets), in order of institution then member name, optionally with a separator sheet per
envelope.
"""

import csv
import hashlib
import io
import os
import re
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.batch.render_pool import RenderPool, release_free_memory
from app.desk import Desk
from app.document.certificates import content_for_certificate, issuer_from_settings
from app.document.signing import load_signer
from app.errors import CpcDeskError, ValidationError, ValidationErrors
from app.faults import fault_point
from app.i18n import translate
from app.issuing.documents import member_as_recipient
from app.issuing.engine import (
    Filing,
    MemberFacts,
    check_printable,
    file_request,
    local_today,
    store_document,
)
from app.issuing.rules import DOCUMENT_KINDS, document_kind, document_refusal, review_reasons
from app.language import CertificateLanguage
from app.printing.record import mark_printed
from app.printing.sheets import (
    MergedPdfWriter,
    SeparatorSheet,
    SheetEntry,
    address_lines,
    atomic_write_bytes,
    envelope_for_page,
    page_size_of,
    render_separator_sheet,
)
from app.register.csv_input import CsvSource, neutralise_for_spreadsheet, normalise_header
from app.register.institution_types import read_types
from app.register.recipients import RecipientInput, parse_language, validate_recipient
from app.register.text import clean_text, fold, to_latin, validate_email
from app.store.models import (
    CONSENT_METHOD_LABELS,
    Batch,
    Certificate,
    CertificateDocument,
    CertificateRequest,
    ConsentMethod,
    Institution,
    InstitutionType,
    Member,
    RequestRecipient,
    RequestStatus,
    utcnow,
)
from app.tuning import batch_handover

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]

MAX_ROWS = 100_000
REPORT_NAME = "errors.csv"
_STORE_EVERY = 6  # documents stored per transaction (each number is committed on its own)
# Documents filed but not yet stored, at most. The rendering worker takes about a second to start;
# meanwhile this process files and draws on its own, and its drawings wait for the worker to sign
# them. A small limit would stop it there and leave a core idle. 48 documents are about 5 MB.
_MAX_IN_FLIGHT = 48
# The issuing process hands freed C-heap pages back this often: each certificate's 100 KB document
# passes through it (from the worker, into the database, into the print file) and glibc keeps them.
_TRIM_EVERY_STORED = 128

# Columns of a requests file, in the order the documentation lists them.
COLUMNS: tuple[str, ...] = (
    "cpso_number",
    "institution_type",
    "institution_name",
    "attention",
    "street1",
    "street2",
    "street3",
    "street4",
    "city",
    "state",
    "country",
    "zip",
    "email",
    "consent_method",
    "consent_date",
    "document",  # cpc (the default), registration, card or diploma: a copy of a document goes to the member
    "language",
)
REQUIRED_COLUMNS = ("cpso_number", "institution_name", "consent_method", "consent_date")
ADDRESS_COLUMNS = ("street1", "street2", "street3", "street4", "city", "state", "country", "zip")
_COLUMN_ALIASES = {
    "cpso": "cpso_number",
    "cpso_no": "cpso_number",
    "cpso_#": "cpso_number",
    "cpso_num": "cpso_number",
    "type": "institution_type",
    "institution": "institution_name",
    "name": "institution_name",
    "attn": "attention",
    "street_1": "street1",
    "street_2": "street2",
    "street_3": "street3",
    "street_4": "street4",
    "province": "state",
    "state_province": "state",
    "state/province": "state",
    "postal_code": "zip",
    "zip_code": "zip",
    "postcode": "zip",
    "zip/postal_code": "zip",
    "email_address": "email",
    "e_mail": "email",
    "document_kind": "document",
    "kind": "document",
    "lang": "language",
    "langue": "language",
    "certificate_language": "language",
}
# The merged print file groups rows by kind first: CPCs by envelope, then each kind of document.
_KIND_ORDER = {"cpc": 0, **{kind: i + 1 for i, kind in enumerate(DOCUMENT_KINDS)}}
# Field names used in error reports: the column as written in the file.
# What a certificate prints (app.document.certificates.CertificateContent) -> the requests file's column it
# came from; anything else printed comes from the member's register entry, named by the row's cpso_number.
_PRINTED_FIELD_COLUMNS = {
    "recipient_name": "institution_name",
    "attention": "attention",
    "street_lines": "street1",
    "city": "city",
    "state": "state",
    "postal_code": "zip",
    "country": "country",
}


def _as_column(exc: ValidationError) -> ValidationError:
    """A printing problem named by the requests file's column (the register's field for the member's)."""
    column = _PRINTED_FIELD_COLUMNS.get(exc.field)
    if column is not None:
        return ValidationError(column, exc.message)
    return ValidationError(
        "cpso_number",
        translate("Batch", "the member's register entry ({0}) {1}").format(exc.field, exc.message),
    )


_RECIPIENT_FIELD_COLUMNS = {
    "Institution type": "institution_type",
    "Institution name": "institution_name",
    "Attention": "attention",
    "Street 1": "street1",
    "Street 2": "street2",
    "Street 3": "street3",
    "Street 4": "street4",
    "City": "city",
    "State/Province": "state",
    "Country": "country",
    "Zip/Postal code": "zip",
    "Email address": "email",
    "Certificate language": "language",
}


# --- results ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RejectedRow:
    """A row refused before anything was issued: its line in the file, the column and the problem."""

    line: int
    cpso_number: str
    field: str
    problem: str

    def __str__(self) -> str:
        return translate("Batch", "line {0}: {1}: {2}").format(self.line, self.field, self.problem)


@dataclass(frozen=True)
class HeldRow:
    """A member who needs a registrar's review: filed as a request awaiting review, not issued."""

    line: int
    cpso_number: str
    member_name: str
    reasons: tuple[str, ...]
    request_number: str = ""

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class IssuedCertificate:
    certificate_id: int
    number: str
    member_name: str
    institution_name: str
    line: int = 0


@dataclass
class BatchResult:
    source_name: str = ""
    content_sha256: str = ""
    batch_id: int | None = None
    total_rows: int = 0
    issued: list[IssuedCertificate] = field(default_factory=list)  # numbered in this run
    completed: int = 0  # documents finished in this run for numbers committed by an earlier one
    already_issued: int = 0  # rows an earlier run of the same file had issued
    held: list[HeldRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    refused: bool = False  # rows were invalid and --skip-invalid was not given: nothing was issued
    cancelled: bool = False
    files_written: int = 0
    out_dir: Path | None = None
    merged_path: Path | None = None
    merged_pages: int = 0
    report_path: Path | None = None
    emails_queued: int = 0
    marked_printed: int = 0
    printed_ids: list[int] = field(default_factory=list)  # the certificates in the merged file, in order
    without_timestamp: bool = False  # a TSA is configured but this offline batch signed without it

    @property
    def exit_status(self) -> int:
        """0: every row issued (or held for review); 1: some row was refused; 3: cancelled."""
        if self.rejected:
            return 1
        if self.cancelled:
            return 3
        return 0

    def summary_lines(self) -> list[str]:
        lines = [
            translate("Batch", "Batch {0} ({1} rows, sha256 {2}…)").format(
                self.source_name, self.total_rows, self.content_sha256[:12]
            )
        ]
        if self.refused:
            lines.append(
                translate(
                    "Batch",
                    "Nothing issued: {0} row(s) refused. Correct them, or run again with --skip-invalid to "
                    "issue the valid rows.",
                ).format(len({r.line for r in self.rejected}))
            )
        else:
            lines.append(translate("Batch", "Issued now: {0}").format(len(self.issued)))
            if self.completed:
                lines.append(
                    translate("Batch", "Completed from an interrupted run: {0}").format(self.completed)
                )
            if self.already_issued:
                lines.append(
                    translate("Batch", "Already issued by an earlier run: {0}").format(self.already_issued)
                )
            if self.rejected:
                lines.append(
                    translate("Batch", "Refused rows: {0}").format(len({r.line for r in self.rejected}))
                )
        for held in self.held:
            lines.append(
                translate("Batch", "Held for registrar review: line {0}, {1} (CPSO {2}): {3}").format(
                    held.line, held.member_name, held.cpso_number, held.reason
                )
            )
        if self.cancelled:
            lines.append(translate("Batch", "Cancelled: run the same file again to issue the rest."))
        if self.without_timestamp and (self.issued or self.completed):
            lines.append(
                translate(
                    "Batch",
                    "Signed without a timestamp (offline batch): each signature's time is this computer's "
                    "clock; certificates sent by email are always timestamped",
                )
            )
        if self.emails_queued:
            lines.append(translate("Batch", "Emails queued in the outbox: {0}").format(self.emails_queued))
        if self.out_dir is not None and self.files_written:
            lines.append(
                translate("Batch", "Certificate files written: {0} in {1}").format(
                    self.files_written, self.out_dir
                )
            )
        if self.merged_path is not None:
            lines.append(
                translate("Batch", "Merged print file: {0} ({1} pages)").format(
                    self.merged_path, self.merged_pages
                )
            )
        if self.report_path is not None:
            lines.append(translate("Batch", "Report of refused and held rows: {0}").format(self.report_path))
        return lines


@dataclass(frozen=True)
class BatchOptions:
    out_dir: Path | None = None  # one PDF per certificate
    merged_path: Path | None = None  # one print-ready PDF
    separators: bool = False
    queue_email: bool = False
    skip_invalid: bool = False
    workers: int = 0  # 0: one per core
    # False: every certificate is drawn in a worker process, none in this one (the desk window's choice)
    render_here: bool = True
    mark_printed: bool = False
    report_path: Path | None = None  # default: errors.csv in out_dir (or next to the merged file)
    encoding: str = ""  # the requests file's encoding when staff name it; "" guesses (app.register.csv_input)


# --- reading and checking the requests file ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequestRow:
    """A checked row, ready to issue."""

    line: int
    member_id: int
    cpso_number: str
    member_name: str
    recipient: RecipientInput
    consent_method: ConsentMethod
    consent_date: date
    review_reasons: tuple[str, ...] = ()
    member_sort: str = ""  # last, first, middle name folded: the order within an envelope
    document: str = "cpc"  # or the copy of a document ("registration", "card", "diploma") sent to the member


@dataclass
class CheckedFile:
    content_sha256: str
    source_name: str
    total_rows: int
    rows: list[RequestRow]
    rejected: list[RejectedRow]
    # What the certificate says about each member the rows name, as read while checking: filing a row
    # builds the content without reading the member again.
    members: dict[int, "MemberFacts"] = field(default_factory=dict)


# Matching and sort keys use the one folding rule (app.register.text.fold).
_fold = fold


def _normalise_header(name: str) -> str:
    key = normalise_header(name)
    return _COLUMN_ALIASES.get(key, key)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def read_rows(path: Path, encoding: str = "") -> list[tuple[int, dict[str, str], str]]:
    """Each non-blank row as (the line it starts on, values by column, a shape problem or "").

    Encoding, delimiter and a cut-off file are app.register.csv_input's business; the header is checked here
    after the aliases (postal_code → zip, province → state…) are applied.
    """
    source = CsvSource(
        path,
        required=(),
        optional=(*COLUMNS, *_COLUMN_ALIASES),
        what="requests",
        declared_encoding=encoding,
    )
    names = [_normalise_header(c) for c in source.columns]
    problems: list[ValidationError] = []
    dupes = sorted({n for n in names if n and names.count(n) > 1})
    if dupes:
        problems.append(
            ValidationError(
                "Header", translate("Batch", "these columns appear twice: {0}").format(", ".join(dupes))
            )
        )
    # A file of copies of documents only (a `document` column) needs no institution.
    missing = [
        c
        for c in REQUIRED_COLUMNS
        if c not in names and not (c == "institution_name" and "document" in names)
    ]
    if missing:
        problems.append(
            ValidationError(
                "Header", translate("Batch", "required columns are missing: {0}").format(", ".join(missing))
            )
        )
    if problems:
        raise ValidationErrors(problems)
    rows: list[tuple[int, dict[str, str], str]] = []
    for record in source.records():
        if len(rows) >= MAX_ROWS:
            raise ValidationError(
                "File",
                translate("Batch", "has more than {0:,} rows; split it into several files").format(MAX_ROWS),
            )
        values = {_normalise_header(k): v for k, v in record.values.items()}
        rows.append((record.line, values, record.problem))
    return rows


def parse_consent_method(value: str) -> ConsentMethod:
    wanted = _fold(value)
    for method in ConsentMethod:
        if wanted in (_fold(method.value), _fold(CONSENT_METHOD_LABELS[method])):
            return method
    aliases = {
        "phone": ConsentMethod.PHONE,
        "telephone": ConsentMethod.PHONE,
        "form": ConsentMethod.SIGNED_FORM,
    }
    if wanted in aliases:
        return aliases[wanted]
    choices = ", ".join(m.value for m in ConsentMethod)
    raise ValidationError(
        "consent_method", translate("Batch", "{0!r} is not one of: {1}").format(value, choices)
    )


def parse_consent_date(value: str, today: date) -> date:
    try:
        when = date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            "consent_date", translate("Batch", "{0!r} is not a date written as YYYY-MM-DD").format(value)
        ) from None
    if when > today:
        raise ValidationError(
            "consent_date", translate("Batch", "{0} is in the future").format(when.isoformat())
        )
    return when


def _normalise_cpso(value: str) -> str:
    return re.sub(r"[\s#]", "", value).lstrip("0") or value.strip()


class _Directory:
    """The institution directory, loaded once, looked up by name (and type when the name is ambiguous)."""

    def __init__(self, session: Session) -> None:
        self.by_name: dict[str, list[tuple[Institution, str]]] = {}
        self.types = read_types(session)  # a full address names its type: the table's list, read once
        rows = session.execute(select(Institution, InstitutionType.name).join(InstitutionType)).all()
        for inst, type_name in rows:
            session.expunge(inst)
            self.by_name.setdefault(_fold(inst.name), []).append((inst, type_name))

    def find(self, name: str, type_name: str) -> tuple[Institution, str]:
        found = self.by_name.get(_fold(name), [])
        if type_name:
            found = [(i, t) for i, t in found if _fold(t) == _fold(type_name)]
        if not found:
            where = f" as {type_name!r}" if type_name else ""
            raise ValidationError(
                "institution_name",
                translate(
                    "Batch",
                    "{0!r} is not in the institution directory{1}; give the full "
                    "address columns (institution_type, street1, city, state, "
                    "country, zip, email)",
                ).format(name, where),
            )
        if len(found) > 1:
            kinds = ", ".join(sorted(t for _i, t in found))
            raise ValidationError(
                "institution_name",
                translate(
                    "Batch", "{0!r} is in the directory under several types ({1}); fill in institution_type"
                ).format(name, kinds),
            )
        return found[0]


def _recipient_from_row(directory: _Directory, row: dict[str, str]) -> RecipientInput:
    full = any((row.get(c) or "").strip() for c in ADDRESS_COLUMNS)
    if full:
        mapping = {
            "institution_type": row.get("institution_type", ""),
            "name": row.get("institution_name", ""),
            "attention": row.get("attention", ""),
            "street1": row.get("street1", ""),
            "street2": row.get("street2", ""),
            "street3": row.get("street3", ""),
            "street4": row.get("street4", ""),
            "city": row.get("city", ""),
            "state": row.get("state", ""),
            "country": row.get("country", ""),
            "postal_code": row.get("zip", ""),
            "email": row.get("email", ""),
            "language": row.get("language", ""),  # blank: English
        }
        try:
            return validate_recipient(mapping, directory.types)
        except ValidationErrors as exc:
            raise ValidationErrors(
                [
                    ValidationError(_RECIPIENT_FIELD_COLUMNS.get(e.field, e.field), e.message)
                    for e in exc.errors
                ]
            ) from None
    errors: list[ValidationError] = []
    name = type_name = attention = email = language = ""
    try:
        name = clean_text("institution_name", row.get("institution_name"), required=True)
        type_name = clean_text("institution_type", row.get("institution_type"))
    except ValidationError as exc:
        errors.append(exc)
    try:
        attention = clean_text("attention", row.get("attention"))
    except ValidationError as exc:
        errors.append(exc)
    try:
        email = validate_email("email", row.get("email"), required=False)
    except ValidationError as exc:
        errors.append(exc)
    try:
        language = parse_language("language", row.get("language"), CertificateLanguage.EN)
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    inst, kind = directory.find(name, type_name)
    return RecipientInput(
        institution_type=kind,
        institution_id=inst.id,
        name=inst.name,
        attention=attention or inst.attention,
        street1=inst.street1,
        street2=inst.street2,
        street3=inst.street3,
        street4=inst.street4,
        city=inst.city,
        state=inst.state,
        country=inst.country,
        postal_code=inst.postal_code,
        email=email or inst.email,
        # A blank cell: the language the directory keeps for the institution.
        language=language if (row.get("language") or "").strip() else inst.language,
    )


def _document_of(value: str | None) -> str:
    """The `document` cell: empty or "cpc" for a CPC, else a kind of document (ValidationError naming it)."""
    text = clean_text("document", value, max_length=32)
    if not text or text.lower() == "cpc":
        return "cpc"
    return document_kind("document", text)


def _member_recipient(member: Member, document: str, row: dict[str, str]) -> RecipientInput:
    """The member as the addressee of a copy of a document, at the row's email or the one on file; the
    rules' refusal, an institution given, or no address are named as the row's problems."""
    problems: list[ValidationError] = []
    reason = document_refusal(member, document)
    if reason:
        problems.append(ValidationError("document", reason))
    if any((row.get(c) or "").strip() for c in ("institution_name", "institution_type", *ADDRESS_COLUMNS)):
        problems.append(
            ValidationError(
                "institution_name",
                translate("Batch", "a {0} goes to the member; leave it empty").format(
                    DOCUMENT_KINDS[document]
                ),
            )
        )
    email = ""
    try:
        email = validate_email("email", row.get("email"), required=False) or validate_email(
            "email", member.email, required=False
        )
        if not email:
            problems.append(
                ValidationError(
                    "email", translate("Batch", "the member has no email address on file; give one")
                )
            )
    except ValidationError as exc:
        problems.append(exc)
    if problems:
        raise ValidationErrors(problems)
    return member_as_recipient(member, email)


_CHECK_CHUNK = 500  # rows checked together, with one query for their members


def _members_named(session: Session, rows: list[tuple[int, dict[str, str], str]]) -> dict[str, Member]:
    """The members these rows' cpso_number cells name, by normalised CPSO number (detached)."""
    wanted: set[str] = set()
    for _line, r, _problem in rows:
        typed = "".join((r.get("cpso_number") or "").split())
        wanted.update((typed, _normalise_cpso(typed)))
    members: dict[str, Member] = {}
    for found in session.scalars(
        select(Member).where(Member.cpso_number.in_(sorted(w for w in wanted if w)))
    ):
        members[_normalise_cpso(found.cpso_number)] = found
        session.expunge(found)  # keeps its loaded values when the read session ends
    return members


def check_requests(desk: Desk, path: str | os.PathLike[str], encoding: str = "") -> CheckedFile:
    """Check every row of a requests file against the register and the directory; issue nothing."""
    source = Path(path)
    before = file_sha256(source) if source.is_file() else ""
    raw_rows = read_rows(source, encoding)  # refuses a missing, empty or non-CSV file with a clear message
    try:
        sha = file_sha256(source)
    except OSError as exc:
        raise ValidationError(
            "File", translate("Batch", "{0} cannot be read ({1})").format(source, exc.strerror or exc)
        ) from None
    if sha != before:  # the batch is known by its content: it must be the content that was read
        raise ValidationError(
            "File", translate("Batch", "{0} changed while it was being read; try again").format(source.name)
        )
    if not raw_rows:
        raise ValidationError("File", translate("Batch", "has a header but no rows"))
    today = local_today()
    rows: list[RequestRow] = []
    rejected: list[RejectedRow] = []
    first_seen: dict[tuple[int, str, str, str], int] = {}
    facts: dict[int, MemberFacts] = {}

    def facts_of(member: Member) -> MemberFacts:
        if member.id not in facts:
            facts[member.id] = MemberFacts.of(member)
        return facts[member.id]

    total_rows = len(raw_rows)
    with desk.db.read() as session:
        directory = _Directory(session)
        # A few hundred rows at a time, with only their members loaded: the register's objects of one
        # chunk are let go before the next, and each chunk's rows as soon as they are checked, so a
        # 10,000-row file never holds every member's ORM object and every raw row at once (their freed
        # memory is reused by the next chunk rather than left scattered under what the batch keeps).
        while raw_rows:
            chunk_rows = raw_rows[:_CHECK_CHUNK]
            del raw_rows[:_CHECK_CHUNK]
            members = _members_named(session, chunk_rows)
            for line, raw, shape in chunk_rows:
                problems: list[ValidationError] = []
                cpso_text = raw.get("cpso_number", "")
                member: Member | None = None
                if shape:
                    problems.append(ValidationError("row", shape))
                try:
                    cpso = clean_text("cpso_number", cpso_text, required=True, max_length=16)
                    member = members.get(_normalise_cpso(cpso))
                    if member is None:
                        problems.append(
                            ValidationError(
                                "cpso_number",
                                translate("Batch", "no member has CPSO number {0!r}").format(cpso),
                            )
                        )
                except ValidationError as exc:
                    problems.append(exc)
                recipient: RecipientInput | None = None
                document: str | None = "cpc"
                try:
                    document = _document_of(raw.get("document"))
                except ValidationError as exc:
                    problems.append(exc)
                    document = None  # what the row is for is unknown: its other columns are not checked
                if document is None:
                    pass
                elif document != "cpc":
                    try:
                        recipient = _member_recipient(member, document, raw) if member is not None else None
                    except ValidationErrors as exc:
                        problems.extend(exc.errors)
                else:
                    try:
                        recipient = _recipient_from_row(directory, raw)
                    except ValidationErrors as exc:
                        problems.extend(exc.errors)
                    except ValidationError as exc:
                        problems.append(exc)
                method: ConsentMethod | None = None
                consent_on: date | None = None
                try:
                    method = parse_consent_method(
                        clean_text("consent_method", raw.get("consent_method"), required=True)
                    )
                except ValidationError as exc:
                    problems.append(exc)
                try:
                    consent_on = parse_consent_date(
                        clean_text("consent_date", raw.get("consent_date"), required=True), today
                    )
                except ValidationError as exc:
                    problems.append(exc)
                if not problems and member is not None and recipient is not None:
                    try:  # before anything is numbered: a row whose certificate cannot be drawn is refused
                        check_printable(desk, facts_of(member), recipient, today)
                    except ValidationError as exc:
                        problems.append(_as_column(exc))
                if not problems and member is not None and recipient is not None:
                    key = (member.id, _fold(recipient.name), recipient.postal_code.upper(), recipient.country)
                    if document != "cpc":
                        key = (member.id, f"document:{document}", "", "")
                    if key in first_seen:
                        problems.append(
                            ValidationError(
                                "row",
                                translate("Batch", "repeats line {0} (same member and document)").format(
                                    first_seen[key]
                                )
                                if document != "cpc"
                                else translate(
                                    "Batch",
                                    "repeats line {0} (same member and institution): one certificate per "
                                    "member and institution",
                                ).format(first_seen[key]),
                            )
                        )
                    else:
                        first_seen[key] = line
                if problems:
                    shown_cpso = " ".join(cpso_text.split())[:16]
                    rejected.extend(RejectedRow(line, shown_cpso, p.field, p.message) for p in problems)
                    continue
                assert member is not None and recipient is not None and method is not None and consent_on
                assert document is not None
                rows.append(
                    RequestRow(
                        line=line,
                        member_id=member.id,
                        cpso_number=member.cpso_number,
                        member_name=member.full_name,
                        recipient=recipient,
                        consent_method=method,
                        consent_date=consent_on,
                        review_reasons=tuple(review_reasons(member)) if document == "cpc" else (),
                        member_sort=_fold(f"{member.last_name} {member.first_name} {member.middle_name}"),
                        document=document,
                    )
                )
    return CheckedFile(sha, source.name, total_rows, rows, rejected, facts)


def _safe_cell(value: Any) -> str:
    return neutralise_for_spreadsheet(" ".join(str(value).split()))


def write_report(path: Path, rejected: Sequence[RejectedRow], held: Sequence[HeldRow]) -> Path:
    """The report of refused and held rows (UTF-8 with BOM so that spreadsheets read accents)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["line", "cpso_number", "status", "field", "problem"])
    entries: list[tuple[int, int, list[str]]] = []
    for r in rejected:
        entries.append((r.line, 0, [str(r.line), r.cpso_number, "refused", r.field, r.problem]))
    for h in held:
        if h.request_number:
            problem = translate("Batch", "needs registrar review: {0} (request {1})").format(
                h.reason, h.request_number
            )
        else:
            problem = translate("Batch", "needs registrar review: {0}").format(h.reason)
        entries.append((h.line, 1, [str(h.line), h.cpso_number, "held", "member", problem]))
    for _line, _kind, cells in sorted(entries, key=lambda e: (e[0], e[1])):
        writer.writerow([_safe_cell(c) for c in cells])
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, buf.getvalue().encode("utf-8-sig"))
    return path


# --- issuing ------------------------------------------------------------------------------------------


def idempotency_key(content_sha256: str, line: int) -> str:
    # The column holds 64 characters: the first 40 hex digits (160 bits) name the file well enough.
    return f"batch:{content_sha256[:40]}:{line}"


def _open_batch(desk: Desk, actor: Actor, checked: CheckedFile) -> tuple[int, bool]:
    """The batch row for this file: (id, created now)."""
    with desk.db.read() as session:
        found = session.scalar(select(Batch.id).where(Batch.content_sha256 == checked.content_sha256))
    if found is not None:
        return found, False
    try:
        with desk.db.write() as session:
            batch = Batch(
                content_sha256=checked.content_sha256,
                source_name=checked.source_name[:500],
                created_by=actor.username,
                total_rows=checked.total_rows,
            )
            session.add(batch)
            session.flush()
            audit.record(
                session,
                actor,
                "batch.started",
                subject=checked.source_name[:200],
                after={"sha256": checked.content_sha256, "rows": checked.total_rows},
            )
            return batch.id, True
    except IntegrityError:  # another desk opened the same file at the same moment
        with desk.db.read() as session:
            return int(
                session.scalar(select(Batch.id).where(Batch.content_sha256 == checked.content_sha256)) or 0
            ), False


def _consent_at(day: date) -> datetime:
    # Noon in the desk's time zone: the recorded date reads the same in any zone nearby.
    return datetime.combine(day, dtime(12, 0)).astimezone()


@dataclass(frozen=True)
class _Filed:
    request_id: int
    request_number: str
    certificate_id: int = 0  # 0: held for review, no certificate
    certificate_number: str = ""
    content: Any = None


def _file_row(
    session: Session,
    desk: Desk,
    actor: Actor,
    batch_id: int,
    checked: CheckedFile,
    row: RequestRow,
    issued_on: date,
) -> _Filed:
    """File one row's request through the issuing engine (and, unless held for review, number it)."""
    # Taken, not kept: a member's facts are let go once filed (a second row of the same member, which is
    # rare, reads them again), so a long batch does not hold every member's facts to the end.
    member = checked.members.pop(row.member_id, None)
    if member is None:
        found = session.get(Member, row.member_id)
        if found is None:
            raise CpcDeskError(
                translate("Batch", "member {0} vanished from the register").format(row.cpso_number)
            )
        member = MemberFacts.of(found)
    filing = Filing(
        member=member,
        recipients=(row.recipient,),
        consent_method=row.consent_method,
        consent_at=_consent_at(row.consent_date),
        consent_statement=str(desk.settings.get("consent.statement")),
        idempotency_key=idempotency_key(checked.content_sha256, row.line),
        notes=f"Batch {checked.source_name}, line {row.line}",
        batch_id=batch_id,
        batch_line=row.line,
        documents=(row.document,) if row.document != "cpc" else (),
    )
    filed = file_request(session, desk, actor, filing, issued_on=issued_on)
    if not filed.certificates:
        return _Filed(filed.request_id, filed.number)
    [certificate] = filed.certificates
    return _Filed(
        filed.request_id, filed.number, certificate.certificate_id, certificate.number, certificate.content
    )


@dataclass(slots=True)
class _Pending:
    certificate_id: int
    member_name: str
    institution_name: str
    line: int
    fresh: bool  # numbered in this run (else: completing an earlier run's certificate)
    cpso_number: str = ""
    content: Any = None  # kept until stored: drawn again by a fresh worker if the one drawing it dies


class _Issuer:
    """Files rows and stores finished documents while the render pool draws and signs.

    Finished documents are stored a few at a time (one transaction, one audit event for the group):
    a crash before they are stored costs nothing but rendering them again on the next run.
    """

    def __init__(
        self,
        desk: Desk,
        actor: Actor,
        options: BatchOptions,
        result: BatchResult,
        progress: ProgressFn,
        total: int,
    ) -> None:
        self.desk = desk
        self.actor = actor
        self.options = options
        self.result = result
        self.progress = progress
        self.total = total
        self.done = 0
        # Every certificate that is emailed carries a timestamp; a batch printed offline may go without
        # (the TSA is out of reach), and its summary says so.
        self.signer = load_signer(desk, timestamp=options.queue_email or not desk.is_offline)
        result.without_timestamp = bool(str(desk.settings.get("signing.tsa_url")).strip()) and not (
            self.signer.timestamped
        )
        self.pool = RenderPool(self.signer, options.workers, render_here=options.render_here)
        self._handover = ExitStack()
        if not self.pool.in_process:
            # The pool's threads in this process feed the worker its next certificate; this thread
            # draws and files for long stretches, and at the default 5 ms switch interval the worker
            # would often sit idle waiting for them (about 2 s of 15 in a 1,000-certificate batch).
            self._handover.enter_context(batch_handover())
        self.store_every = 1 if self.pool.in_process else _STORE_EVERY
        self.max_in_flight = 1 if self.pool.in_process else _MAX_IN_FLIGHT
        self.in_flight: dict[Future[Any], _Pending] = {}
        self.ready: list[tuple[Future[Any], _Pending]] = []
        self.on_stored: Callable[[int, bytes], None] = lambda _certificate_id, _pdf: None
        self.on_voided: Callable[[int], None] = lambda _certificate_id: None
        self.voided: set[int] = set()  # certificates refused because drawing them killed the worker twice

    def close(self, failed: bool) -> None:
        try:
            self.pool.close(cancel_pending=failed)
        finally:
            self._handover.close()

    def submit(self, content: Any, pending: _Pending) -> None:
        pending.content = content
        while len(self.in_flight) >= self.max_in_flight:
            self._collect(block=True)
        self.in_flight[self._render(content)] = pending
        self._collect(block=False)

    def _render(self, content: Any) -> "Future[Any]":
        try:
            return self.pool.submit(content)
        except BrokenProcessPool as exc:  # the worker died since the last look: drawn again by _recover
            broken: Future[Any] = Future()
            broken.set_exception(exc)
            return broken

    def drain(self) -> None:
        while self.in_flight:
            self._collect(block=True)
        while self.ready:
            self._store(self.ready[: self.store_every])
            del self.ready[: self.store_every]

    def _collect(self, *, block: bool) -> None:
        if self.in_flight:
            if block:
                done, _rest = wait(list(self.in_flight), return_when=FIRST_COMPLETED)
            else:  # after every row filed: a look at each future, without installing waiters on them all
                done = {f for f in self.in_flight if f.done()}
            self.ready.extend((f, self.in_flight.pop(f)) for f in done)
        if any(_broke(f) for f, _p in self.ready):
            self._recover()
        while len(self.ready) >= self.store_every:
            self._store(self.ready[: self.store_every])
            del self.ready[: self.store_every]

    def _recover(self) -> None:
        """The worker process died (killed, out of memory, a crash): every certificate it still owed is
        drawn again by a fresh worker, one at a time, so a row that kills that worker too is known for
        certain. Such a row is refused and its certificate voided (`_void`): no certificate is left
        issued without its document, and the rest of the batch goes on."""
        wait(list(self.in_flight))  # a broken pool fails every job it held at once
        self.ready.extend(self.in_flight.items())
        self.in_flight.clear()
        suspects = [p for f, p in self.ready if _broke(f)]
        self.ready = [(f, p) for f, p in self.ready if not _broke(f)]
        self._restart()
        for pending in suspects:
            future = self._render(pending.content)
            wait([future])
            if _broke(future):
                self._void(pending)
                self._restart()
            else:
                self.ready.append((future, pending))

    def _restart(self) -> None:
        self.pool.close(cancel_pending=True)  # returns at once: its worker is gone
        self.pool = RenderPool(self.signer, self.options.workers, render_here=self.options.render_here)

    def _void(self, pending: _Pending) -> None:
        """Refuse a row whose drawing killed the worker twice: its certificate was numbered (numbers are
        committed row by row and never reused), so it is revoked as never issued and its request
        cancelled, in one transaction with the audit event; the row is reported by line and CPSO number."""
        row = (
            translate("Batch", "line {0}").format(pending.line)
            if pending.line
            else translate("Batch", "a certificate of an earlier run")
        )
        problem = translate(
            "Batch",
            "drawing the certificate of {0} (CPSO {1}) for {2} stopped the process that draws "
            "certificates twice; its number was voided and nothing was issued for this row. File the "
            "request again at the desk (or report the fault if it happens again)",
        ).format(pending.member_name, pending.cpso_number, pending.institution_name)
        with self.desk.db.write() as session:
            why = f"{row}: {problem}"
            voided = void_undrawn_certificate(session, self.actor, pending.certificate_id, why)
        if not voided:  # another desk stored its document meanwhile: that document is the one
            with self.desk.db.read() as session:
                self.on_stored(pending.certificate_id, _pdf_of(session, pending.certificate_id))
            return
        self.result.rejected.append(RejectedRow(pending.line, pending.cpso_number, "row", problem))
        self.voided.add(pending.certificate_id)
        self.on_voided(pending.certificate_id)
        self.done += 1
        self.progress(self.done, self.total, translate("Batch", "{0} – refused").format(pending.member_name))

    def _store(self, finished: list[tuple[Future[Any], _Pending]]) -> None:
        rendered = [(_rendered(f, p), p) for f, p in finished]  # a rendering error stops the batch here
        stored = []
        with self.desk.db.write() as session:
            for item, pending in rendered:
                outcome = store_document(
                    session,
                    self.desk,
                    self.actor,
                    pending.certificate_id,
                    item.number,
                    item.pdf,
                    item.sha256,
                    queue_email=self.options.queue_email,
                )
                if outcome.stored:
                    stored.append((item, pending))
                if outcome.email_queued:
                    self.result.emails_queued += 1
        for item, pending in stored:
            if self.options.out_dir is not None:
                target = self.options.out_dir / certificate_file_name(
                    item.number, pending.member_name, pending.institution_name
                )
                atomic_write_bytes(target, item.pdf, durable=False)
                self.result.files_written += 1
            if pending.fresh:
                self.result.issued.append(
                    IssuedCertificate(
                        pending.certificate_id,
                        item.number,
                        pending.member_name,
                        pending.institution_name,
                        pending.line,
                    )
                )
            else:
                self.result.completed += 1
            self.done += 1
            if self.done % _TRIM_EVERY_STORED == 0:
                release_free_memory()
            self.progress(self.done, self.total, f"{pending.member_name} – {item.number}")
            self.on_stored(pending.certificate_id, item.pdf)
        if len(stored) < len(rendered):  # stored meanwhile by another desk: that document is the one
            kept = {p.certificate_id for _i, p in stored}
            with self.desk.db.read() as session:
                for _item, pending in rendered:
                    if pending.certificate_id not in kept:
                        self.on_stored(pending.certificate_id, _pdf_of(session, pending.certificate_id))


class RunningElsewhere(CpcDeskError):
    """Another desk is running the same requests file at the same time; this run stopped cleanly."""


class RowFailed(CpcDeskError):
    """Drawing or signing one row's certificate raised an error (a worker that died is replaced instead:
    `_Issuer._recover`); the message names the row. Its number stays committed without a document, and a
    rerun of the same file draws it again."""


VOIDED_REASON_PREFIX = "Never issued: "


def void_undrawn_certificate(session: Session, actor: Actor, certificate_id: int, why: str) -> bool:
    """Void a numbered certificate whose document could not be drawn: revoked as never issued (its number
    stays accounted for: the series has no gap) and its request cancelled, with an audit event. False when
    its document was stored meanwhile (by another desk), which leaves it as it is."""
    actor.require(Permission.BATCH_PRINT)
    certificate = session.get(Certificate, certificate_id)
    if certificate is None or certificate.pdf_sha256 or certificate.revoked:
        return False
    request = certificate.recipient.request
    certificate.revoked = True
    certificate.revoked_at = utcnow()
    certificate.revoked_by = actor.username
    certificate.revoked_reason = (VOIDED_REASON_PREFIX + why)[:2000]
    request.status = RequestStatus.CANCELLED
    request.updated_by = actor.username
    audit.record(
        session,
        actor,
        "certificate.voided",
        subject=certificate.number,
        member_id=request.member_id,
        before={"revoked": False, "request_status": RequestStatus.ISSUED.value},
        after={"revoked": True, "request_status": RequestStatus.CANCELLED.value, "reason": why},
    )
    return True


def _broke(future: "Future[Any]") -> bool:
    """The job's worker process died (rather than the job raising an error of its own)."""
    return future.done() and not future.cancelled() and isinstance(future.exception(), BrokenProcessPool)


def _rendered(future: "Future[Any]", pending: _Pending) -> Any:
    row = (
        translate("Batch", "line {0}").format(pending.line)
        if pending.line
        else translate("Batch", "a certificate of an earlier run")
    )
    who = translate("Batch", "{0} ({1}, for {2})").format(row, pending.member_name, pending.institution_name)
    try:
        return future.result()
    except BrokenProcessPool:
        raise RowFailed(
            translate(
                "Batch",
                "The process drawing the certificates stopped (out of memory, or "
                "ended by the system) while drawing {0}. The certificates "
                "already finished are kept; run the same file again to finish "
                "the rest.",
            ).format(who)
        ) from None
    except CpcDeskError as exc:
        raise RowFailed(
            translate(
                "Batch",
                "The certificate of {0} could not be drawn: {1}. Correct the "
                "member or the row and run the same file again.",
            ).format(who, exc)
        ) from None


def _missing_documents(session: Session, batch_id: int) -> list[tuple[int, str, str]]:
    """Certificates of this batch whose number was committed but whose document was never stored."""
    rows = session.execute(
        select(Certificate.id, Member.first_name, Member.middle_name, Member.last_name, RequestRecipient.name)
        .join(RequestRecipient, Certificate.recipient_id == RequestRecipient.id)
        .join(CertificateRequest, RequestRecipient.request_id == CertificateRequest.id)
        .join(Member, CertificateRequest.member_id == Member.id)
        .where(
            CertificateRequest.batch_id == batch_id,
            Certificate.pdf_sha256 == "",
            Certificate.revoked.is_(False),  # a voided certificate is never drawn
        )
        .order_by(Certificate.id)
    ).all()
    return [(cid, " ".join(p for p in (f, m, last) if p), inst) for cid, f, m, last, inst in rows]


def _content(desk: Desk, session: Session, certificate_id: int) -> Any:
    certificate = session.get(Certificate, certificate_id)
    if certificate is None:
        raise CpcDeskError(translate("Batch", "certificate {0} vanished").format(certificate_id))
    return content_for_certificate(desk.settings, certificate)


@dataclass
class _Group:
    """One envelope's certificates in the merged file: a separator sheet (optional), then each of them."""

    name: str
    lines: tuple[str, ...]
    rows_left: int = 0  # rows of the group not yet filed (or skipped)
    entries: list[SheetEntry] = field(default_factory=list)  # what its separator sheet lists
    separator_slot: int | None = None
    started: bool = False
    unstored: int = 0  # certificates filed whose document is still to come (or to be voided)

    @property
    def complete(self) -> bool:
        """Every row filed and every document in: what its separator sheet lists is final."""
        return self.rows_left == 0 and self.unstored == 0


class _MergeStream:
    """The merged print file, written while the batch runs, each document as soon as it is in hand.

    Rows are filed in print order (institution, then member name), and each certificate takes the
    next place in the page order when it is filed; its pages are written when its document comes
    back from the render pool, in whatever order that happens. A group's separator sheet takes its
    place before the group's first certificate and is drawn once the last row of the group is filed,
    when the list of certificates it carries is complete. So the merge is a little work after every
    document rather than a long pause per envelope, which would leave the render workers idle.
    """

    def __init__(self, desk: Desk, path: Path | None, separators: bool, label: str) -> None:
        self.desk = desk
        self.separators = separators
        self.label = label
        self.issuer = issuer_from_settings(desk.settings)
        self.groups: list[_Group] = []
        self.written: list[int] = []  # certificate ids, in print order
        # certificate id -> (slot, bookmark, group, its line on the group's sheet) until stored
        self.places: dict[int, tuple[int, str, _Group, SheetEntry]] = {}
        self.unsheeted: deque[_Group] = deque()  # groups whose separator sheet is still to draw
        self.writer: MergedPdfWriter | None = None
        if path is not None:
            _remove_stale_partials(path)
            self.writer = MergedPdfWriter(path)
        self.window: Any = None

    def add(self, group: _Group, certificate_id: int, entry: SheetEntry, *, stored: bool) -> None:
        """A certificate filed (or found issued) in print order: its place in the file is taken now."""
        self.written.append(certificate_id)
        if self.writer is None:
            return
        bookmark = ""
        if not group.started:
            group.started = True
            if self.separators:
                group.separator_slot = self.writer.reserve()
                self.unsheeted.append(group)
            else:
                bookmark = group.name
        if self.separators:
            group.entries.append(entry)
        slot = self.writer.reserve()
        if stored:
            with self.desk.db.read() as session:
                pdf = _pdf_of(session, certificate_id)
            self._put(slot, pdf, bookmark)
        else:
            self.places[certificate_id] = (slot, bookmark, group, entry)
            group.unstored += 1

    def stored(self, certificate_id: int, pdf: bytes) -> None:
        place = self.places.pop(certificate_id, None)
        if place is not None and self.writer is not None:
            place[2].unstored -= 1
            self._put(place[0], pdf, place[1])
            if self.unsheeted:
                self.flush()

    def drop(self, certificate_id: int) -> None:
        """A certificate voided before its document was drawn: its place stays empty (no page), and it
        leaves the separator sheet's list and the certificates marked printed."""
        if certificate_id in self.written:
            self.written.remove(certificate_id)
        place = self.places.pop(certificate_id, None)
        if place is None:
            return
        _slot, bookmark, group, entry = place
        group.unstored -= 1
        if entry in group.entries:
            group.entries.remove(entry)
        if bookmark:  # the group's title goes to its next certificate still to come, if any
            for other, (slot, title, in_group, line) in self.places.items():
                if in_group is group and not title:
                    self.places[other] = (slot, bookmark, in_group, line)
                    break
        if self.unsheeted:
            self.flush()

    def _put(self, slot: int, pdf: bytes, bookmark: str) -> None:
        assert self.writer is not None
        if self.window is None:
            self.window = envelope_for_page(*page_size_of(pdf))
        self.writer.add_pdf(pdf, slot=slot, bookmark=bookmark)
        fault_point("batch-during-merge")

    def flush(self) -> None:
        """Draw the separator sheets of the groups whose rows are all filed and documents all stored
        (a certificate voided meanwhile is not listed).

        The sheet's window is placed for the certificates' page size, known from the first one
        written; until then the sheets wait.
        """
        while self.unsheeted and self.window is not None and self.unsheeted[0].complete:
            group = self.unsheeted.popleft()
            assert self.writer is not None and group.separator_slot is not None
            sheet = SeparatorSheet(
                institution_name=group.name,
                address_lines=group.lines,
                entries=tuple(group.entries),
                batch_label=self.label,
                printed_on=date.today(),
                issuer_name=self.issuer.name,
                issuer_address=self.issuer.address_lines,
            )
            pdf = render_separator_sheet(sheet, self.window)
            self.writer.add_pdf(pdf, slot=group.separator_slot, bookmark=group.name)
            group.entries = []  # let the list go
            fault_point("batch-during-merge")

    def close(self) -> int:
        self.flush()
        if self.writer is None:
            return 0
        if self.places or self.unsheeted:
            raise CpcDeskError(
                translate("Batch", "the merged print file is incomplete: a document was never stored")
            )
        pages = self.writer.page_count
        self.writer.close()
        return pages

    def abort(self) -> None:
        if self.writer is not None:
            self.writer.abort()


def _envelope(recipient: RecipientInput) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the address lines in the window, the grouping key) for a recipient, as `_items` computes them."""
    lines = address_lines(
        recipient.name,
        recipient.attention,
        recipient.street_lines,
        recipient.city,
        recipient.state,
        recipient.postal_code,
        recipient.country,
    )
    return lines, (_fold(recipient.name), *(_fold(x) for x in lines[1:]))


def _current_certificates(session: Session, batch_id: int) -> dict[str, tuple[int, str, bool]]:
    """idempotency key -> (certificate id, number, document stored) of each issued row of a batch."""
    rows = session.execute(
        select(CertificateRequest.idempotency_key, Certificate.id, Certificate.number, Certificate.pdf_sha256)
        .join(RequestRecipient, RequestRecipient.request_id == CertificateRequest.id)
        .join(Certificate, Certificate.recipient_id == RequestRecipient.id)
        .where(CertificateRequest.batch_id == batch_id, Certificate.revoked.is_(False))
        .order_by(Certificate.issue_seq)
    ).all()
    return {key: (cid, number, bool(sha)) for key, cid, number, sha in rows if key}


def run_requests_file(
    desk: Desk,
    path: str | os.PathLike[str],
    options: BatchOptions,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    *,
    actor: Actor | None = None,
) -> BatchResult:
    """Issue (or resume issuing) every valid row of a requests file and write the chosen outputs.

    Rows are issued in print order; each certificate's number is committed before the next row is
    started; documents are drawn by the render pool and stored as they come back; the merged file is
    written group by group meanwhile. Cancel stops before the next row; what is in hand is finished.
    """
    actor = actor or desk.actor
    actor.require(Permission.BATCH_PRINT)
    progress = progress or (lambda _d, _t, _s: None)
    cancelled = cancelled or (lambda: False)
    checked = check_requests(desk, path, options.encoding)
    # Checking a large file leaves tens of MB of freed query rows in the C heap: hand them back before
    # the rendering stack loads, rather than carry them through a ten-thousand-certificate batch.
    release_free_memory()
    result = BatchResult(
        source_name=checked.source_name,
        content_sha256=checked.content_sha256,
        total_rows=checked.total_rows,
        rejected=list(checked.rejected),
        out_dir=options.out_dir,
    )
    report_path = options.report_path or _default_report_path(options)
    if checked.rejected and not options.skip_invalid:
        result.refused = True
        if report_path is not None:
            result.report_path = write_report(report_path, checked.rejected, [])
        return result

    batch_id, _created = _open_batch(desk, actor, checked)
    result.batch_id = batch_id
    if options.out_dir is not None:
        options.out_dir.mkdir(parents=True, exist_ok=True)
    with desk.db.read() as session:
        existing = {
            key: (status, req_id)
            for key, status, req_id in session.execute(
                select(
                    CertificateRequest.idempotency_key, CertificateRequest.status, CertificateRequest.id
                ).where(CertificateRequest.batch_id == batch_id)
            )
        }
        current = _current_certificates(session, batch_id)
        missing = _missing_documents(session, batch_id)

    # Print order: envelope (institution and address), then member name; one group per envelope.
    keyed: list[tuple[tuple[Any, ...], RequestRow, tuple[str, ...]]] = []
    for row in checked.rows:
        if row.document == "cpc":
            lines, envelope_key = _envelope(row.recipient)
        else:  # copies of documents: one group per kind, after the CPCs
            lines, envelope_key = (DOCUMENT_KINDS[row.document],), (row.document,)
        keyed.append((((_KIND_ORDER[row.document], *envelope_key), row.member_sort, row.line), row, lines))
    keyed.sort(key=lambda k: k[0])
    stream = _MergeStream(desk, options.merged_path, options.separators, checked.source_name)
    # The rows in print order, each with its envelope's group. The sort keys and address lines go now,
    # and each row as soon as it is filed: a long batch keeps nothing per row that it no longer needs
    # (about 5 KB a row of a 10,000-row file otherwise stays until the end).
    ordered: deque[tuple[RequestRow, _Group]] = deque()
    last_key: Any = None
    for sort_key, row, lines in keyed:
        if not stream.groups or sort_key[0] != last_key:
            name = row.recipient.name if row.document == "cpc" else DOCUMENT_KINDS[row.document]
            stream.groups.append(_Group(name=name, lines=lines))
            last_key = sort_key[0]
        group = stream.groups[-1]
        group.rows_left += 1
        ordered.append((row, group))
    del keyed
    checked.rows = []

    new_rows = sum(
        1
        for row, _group in ordered
        if not row.review_reasons and idempotency_key(checked.content_sha256, row.line) not in existing
    )
    orphans: list[tuple[int, str, str]] = []
    if missing:
        keys = {idempotency_key(checked.content_sha256, row.line) for row, _group in ordered}
        orphans = [m for m in missing if not any(current.get(k, (0,))[0] == m[0] for k in keys)]
    total = new_rows + len(missing)
    issuer = _Issuer(desk, actor, options, result, progress, total) if total else None
    if issuer is not None:
        issuer.on_stored = stream.stored
        issuer.on_voided = stream.drop
    issued_on = local_today()
    written_now: set[int] = set()
    missing_names = {cid: (name, inst) for cid, name, inst in missing}
    ok = False
    try:
        while ordered:
            row, group = ordered.popleft()
            key = idempotency_key(checked.content_sha256, row.line)
            found = existing.get(key)
            if found is not None:
                _resume_row(desk, row, found, current.get(key), stream, group, issuer, result, missing_names)
            else:
                if cancelled():
                    result.cancelled = True
                    break
                progress(issuer.done if issuer else 0, total, f"{row.member_name} – {row.recipient.name}")
                try:
                    with desk.db.write() as session:
                        filed = _file_row(session, desk, actor, batch_id, checked, row, issued_on)
                except IntegrityError:  # the row's idempotency key: another desk filed it a moment ago
                    raise RunningElsewhere(
                        translate(
                            "Batch",
                            "Another desk is issuing {0} at this moment (it has just filed "
                            "line {1}, {2}), so this run stopped without numbering it twice. "
                            "Let that run finish, then run the same file again to check that "
                            "every row is done; the certificates issued so far are kept.",
                        ).format(checked.source_name, row.line, row.member_name)
                    ) from None
                certificate_id, number, content = (
                    filed.certificate_id,
                    filed.certificate_number,
                    filed.content,
                )
                if not certificate_id:
                    result.held.append(
                        HeldRow(
                            row.line,
                            row.cpso_number,
                            row.member_name,
                            row.review_reasons,
                            filed.request_number,
                        )
                    )
                else:
                    fault_point("batch-after-commit")
                    assert issuer is not None
                    entry = SheetEntry(row.member_name, row.cpso_number, number)
                    stream.add(group, certificate_id, entry, stored=False)
                    written_now.add(certificate_id)
                    issuer.submit(
                        content,
                        _Pending(
                            certificate_id,
                            row.member_name,
                            row.recipient.name,
                            row.line,
                            fresh=True,
                            cpso_number=row.cpso_number,
                        ),
                    )
            group.rows_left -= 1
            stream.flush()
        if issuer is not None:
            for certificate_id, member_name, institution in orphans:
                with desk.db.read() as session:
                    content = _content(desk, session, certificate_id)
                issuer.submit(content, _Pending(certificate_id, member_name, institution, 0, fresh=False))
            issuer.drain()
        ok = True
    finally:
        if issuer is not None:
            issuer.close(not ok)
        if not ok or result.cancelled:
            stream.abort()
    result.held.sort(key=lambda h: h.line)
    if report_path is not None and (result.rejected or result.held):
        result.report_path = write_report(report_path, result.rejected, result.held)
    if result.cancelled:
        return result
    result.merged_pages = stream.close()
    if options.merged_path is not None:
        result.merged_path = options.merged_path
        result.printed_ids = list(stream.written)
    written_now.update(i.certificate_id for i in result.issued)
    with desk.db.write() as session:
        batch = session.get(Batch, batch_id)
        if batch is not None and batch.finished_at is None:
            batch.finished_at = utcnow()
            audit.record(
                session,
                actor,
                "batch.finished",
                subject=checked.source_name[:200],
                after={
                    "sha256": checked.content_sha256,
                    "issued": len(result.issued),
                    "held": len(result.held),
                },
            )
    if options.out_dir is not None and existing:
        # Files of certificates issued by earlier runs (only a resumed batch has any): written if missing
        # or incomplete.
        earlier = [i for i in batch_items(desk, batch_id) if i.certificate_id not in written_now]
        _write_outputs(
            desk,
            actor,
            earlier,
            replace_options(options, merged_path=None, mark_printed=False),
            result,
            progress,
            cancelled,
            label=checked.source_name,
        )
    if options.mark_printed and options.merged_path is not None:
        result.marked_printed = mark_printed(desk, actor, stream.written)
    return result


def _resume_row(
    desk: Desk,
    row: RequestRow,
    found: tuple[RequestStatus, int],
    certificate: tuple[int, str, bool] | None,
    stream: _MergeStream,
    group: _Group,
    issuer: "_Issuer | None",
    result: BatchResult,
    missing_names: dict[int, tuple[str, str]],
) -> None:
    """A row an earlier run filed: count it, finish its document if a crash left it undone."""
    status, req_id = found
    if status == RequestStatus.AWAITING_REVIEW:
        reasons = row.review_reasons or ("awaiting review",)
        result.held.append(HeldRow(row.line, row.cpso_number, row.member_name, reasons, f"R-{req_id:07d}"))
        return
    if status == RequestStatus.DECLINED:
        reasons = ("declined by the registrar",)
        result.held.append(HeldRow(row.line, row.cpso_number, row.member_name, reasons, f"R-{req_id:07d}"))
        return
    if status == RequestStatus.CANCELLED:
        with desk.db.read() as session:
            voided = session.scalar(
                select(Certificate.number)
                .join(RequestRecipient, Certificate.recipient_id == RequestRecipient.id)
                .where(
                    RequestRecipient.request_id == req_id,
                    Certificate.revoked_reason.startswith(VOIDED_REASON_PREFIX),
                )
            )
        if voided is not None:  # an earlier run refused it: said again, not silently skipped
            result.rejected.append(
                RejectedRow(
                    row.line,
                    row.cpso_number,
                    "row",
                    translate(
                        "Batch",
                        "an earlier run of this file voided its certificate {0}: drawing it stopped the "
                        "process that draws certificates twice. File the request again at the desk",
                    ).format(voided),
                )
            )
        return
    if status != RequestStatus.ISSUED or certificate is None:
        return
    certificate_id, number, has_document = certificate
    entry = SheetEntry(row.member_name, row.cpso_number, number)
    if has_document:
        result.already_issued += 1
        stream.add(group, certificate_id, entry, stored=True)
        return
    assert issuer is not None  # a missing document is counted in the work to do
    stream.add(group, certificate_id, entry, stored=False)
    with desk.db.read() as session:
        content = _content(desk, session, certificate_id)
    missing_names.pop(certificate_id, None)
    issuer.submit(
        content,
        _Pending(certificate_id, row.member_name, row.recipient.name, row.line, False, row.cpso_number),
    )


def _default_report_path(options: BatchOptions) -> Path | None:
    if options.out_dir is not None:
        return options.out_dir / REPORT_NAME
    if options.merged_path is not None:
        return options.merged_path.with_name(options.merged_path.stem + "-" + REPORT_NAME)
    return None


# --- choosing what to print ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintItem:
    """One certificate to print, with what the print order and the separator sheets need."""

    certificate_id: int
    number: str
    member_name: str
    member_sort: str
    cpso_number: str
    institution_name: str
    envelope_lines: tuple[str, ...]
    envelope_key: tuple[str, ...]
    issue_date: date
    printed: bool


@dataclass(frozen=True)
class Selection:
    """Issued certificates to print: not yet printed, in a date range, for one institution, or a batch."""

    awaiting_printing: bool = True
    issued_from: date | None = None
    issued_to: date | None = None
    institution: str = ""  # a recipient name, matched without regard to case or accents
    batch_id: int | None = None


def _items(session: Session, where: list[Any]) -> list[PrintItem]:
    query = (
        select(Certificate, RequestRecipient, Member)
        .join(RequestRecipient, Certificate.recipient_id == RequestRecipient.id)
        .join(CertificateRequest, RequestRecipient.request_id == CertificateRequest.id)
        .join(Member, CertificateRequest.member_id == Member.id)
        .where(Certificate.revoked.is_(False), *where)
    )
    items: list[PrintItem] = []
    for certificate, recipient, member in session.execute(query):
        envelope = address_lines(
            recipient.name,
            recipient.attention,
            recipient.street_lines,
            recipient.city,
            recipient.state,
            recipient.postal_code,
            recipient.country,
        )
        items.append(
            PrintItem(
                certificate_id=certificate.id,
                number=certificate.number,
                member_name=member.full_name,
                member_sort=_fold(f"{member.last_name} {member.first_name} {member.middle_name}"),
                cpso_number=member.cpso_number,
                institution_name=recipient.name,
                envelope_lines=envelope,
                envelope_key=(_fold(recipient.name), *(_fold(x) for x in envelope[1:])),
                issue_date=certificate.issue_date,
                printed=certificate.printed_at is not None,
            )
        )
    items.sort(key=lambda i: (i.envelope_key, i.member_sort, i.number))
    return items


def batch_items(desk: Desk, batch_id: int) -> list[PrintItem]:
    """Every current certificate of a batch, in print order (institution, then member name)."""
    with desk.db.read() as session:
        return _items(session, [CertificateRequest.batch_id == batch_id])


def select_certificates(desk: Desk, selection: Selection) -> list[PrintItem]:
    """The certificates a selection names, in print order."""
    where: list[Any] = [CertificateRequest.status == RequestStatus.ISSUED]
    if selection.awaiting_printing:
        where.append(Certificate.printed_at.is_(None))
    if selection.issued_from is not None:
        where.append(Certificate.issue_date >= selection.issued_from)
    if selection.issued_to is not None:
        where.append(Certificate.issue_date <= selection.issued_to)
    if selection.batch_id is not None:
        where.append(CertificateRequest.batch_id == selection.batch_id)
    with desk.db.read() as session:
        items = _items(session, where)
    if selection.institution.strip():
        wanted = _fold(selection.institution)
        items = [i for i in items if _fold(i.institution_name) == wanted]
    return items


def institution_names(desk: Desk) -> list[str]:
    """Recipient names of issued, unrevoked certificates (for the institution filter)."""
    with desk.db.read() as session:
        names = session.scalars(
            select(RequestRecipient.name)
            .join(Certificate, Certificate.recipient_id == RequestRecipient.id)
            .where(Certificate.revoked.is_(False))
            .distinct()
        ).all()
    return sorted(set(names), key=_fold)


def print_certificates(
    desk: Desk,
    items: Sequence[PrintItem],
    options: BatchOptions,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    *,
    actor: Actor | None = None,
    label: str = "",
) -> BatchResult:
    """Write the outputs for already issued certificates (completing any missing document first)."""
    actor = actor or desk.actor
    actor.require(Permission.BATCH_PRINT)
    progress = progress or (lambda _d, _t, _s: None)
    cancelled = cancelled or (lambda: False)
    result = BatchResult(source_name=label, total_rows=len(items), out_dir=options.out_dir)
    ids = [i.certificate_id for i in items]
    with desk.db.read() as session:
        missing = [
            cid
            for start in range(0, len(ids), 500)
            for cid in session.scalars(
                select(Certificate.id).where(
                    Certificate.id.in_(ids[start : start + 500]),
                    Certificate.pdf_sha256 == "",
                    Certificate.revoked.is_(False),
                )
            )
        ]
    if missing:
        by_id = {i.certificate_id: i for i in items}
        issuer = _Issuer(desk, actor, replace_options(options, out_dir=None), result, progress, len(missing))
        failed = True
        try:
            for cid in missing:
                with desk.db.read() as session:
                    content = _content(desk, session, cid)
                item = by_id[cid]
                pending = _Pending(cid, item.member_name, item.institution_name, 0, False, item.cpso_number)
                issuer.submit(content, pending)
            issuer.drain()
            failed = False
        finally:
            issuer.close(failed)
        items = [i for i in items if i.certificate_id not in issuer.voided]
    _write_outputs(desk, actor, list(items), options, result, progress, cancelled, label=label)
    return result


def replace_options(options: BatchOptions, **changes: Any) -> BatchOptions:
    return replace(options, **changes)


# --- writing the outputs ------------------------------------------------------------------------------


def _slug(text: str, limit: int) -> str:
    # Latin, Greek and Cyrillic become Latin letters; other scripts' letters stay (never dropped).
    return re.sub(r"[\W_]+", "-", to_latin(text)).strip("-")[:limit].strip("-")


def certificate_file_name(number: str, member_name: str, institution_name: str) -> str:
    """A safe, unique file name: the certificate number (unique), then the member and the institution in
    Latin letters (Łukasz -> Lukasz); a name in another script (Chinese) keeps its letters."""
    parts = [number, _slug(member_name, 40), _slug(institution_name, 40)]
    return "_".join(p for p in parts if p) + ".pdf"


def _pdf_of(session: Session, certificate_id: int) -> bytes:
    pdf = session.scalar(
        select(CertificateDocument.pdf).where(CertificateDocument.certificate_id == certificate_id)
    )
    if pdf is None:
        raise CpcDeskError(
            translate("Batch", "the document of certificate {0} is missing").format(certificate_id)
        )
    return bytes(pdf)


def _remove_stale_partials(path: Path) -> None:
    for stale in path.parent.glob(f".{path.name}.*.partial"):
        stale.unlink(missing_ok=True)


def _write_outputs(
    desk: Desk,
    actor: Actor,
    items: list[PrintItem],
    options: BatchOptions,
    result: BatchResult,
    progress: ProgressFn,
    cancelled: CancelledFn,
    *,
    label: str,
) -> None:
    if not items:
        return
    total = len(items)
    if options.out_dir is not None:
        options.out_dir.mkdir(parents=True, exist_ok=True)
        with desk.db.read() as session:
            for n, item in enumerate(items, start=1):
                target = options.out_dir / certificate_file_name(
                    item.number, item.member_name, item.institution_name
                )
                if not target.exists():
                    atomic_write_bytes(target, _pdf_of(session, item.certificate_id))
                    result.files_written += 1
                if n % 200 == 0:
                    session.expunge_all()
    if options.merged_path is not None:
        merged = options.merged_path
        _remove_stale_partials(merged)
        groups: list[list[PrintItem]] = []
        for item in items:
            if groups and groups[-1][0].envelope_key == item.envelope_key:
                groups[-1].append(item)
            else:
                groups.append([item])
        try:
            _write_merged(desk, merged, groups, options, result, progress, cancelled, label, total)
        except _Cancelled:
            result.cancelled = True
            return
        result.merged_path = merged
        result.printed_ids = [i.certificate_id for i in items]
        if options.mark_printed:
            result.marked_printed = mark_printed(desk, actor, result.printed_ids)


def _write_merged(
    desk: Desk,
    merged: Path,
    groups: list[list[PrintItem]],
    options: BatchOptions,
    result: BatchResult,
    progress: ProgressFn,
    cancelled: CancelledFn,
    label: str,
    total: int,
) -> int:
    issuer = issuer_from_settings(desk.settings)
    written = 0
    with MergedPdfWriter(merged) as writer, desk.db.read() as session:
        window = None
        for group in groups:
            first = True
            for item in group:
                if cancelled():
                    raise _Cancelled()
                pdf = _pdf_of(session, item.certificate_id)
                if window is None:
                    window = envelope_for_page(*page_size_of(pdf))
                if options.separators and first:
                    sheet = SeparatorSheet(
                        institution_name=item.institution_name,
                        address_lines=item.envelope_lines,
                        entries=tuple(SheetEntry(i.member_name, i.cpso_number, i.number) for i in group),
                        batch_label=label,
                        printed_on=date.today(),
                        issuer_name=issuer.name,
                        issuer_address=issuer.address_lines,
                    )
                    writer.add_pdf(render_separator_sheet(sheet, window), bookmark=item.institution_name)
                    writer.add_pdf(pdf)
                else:
                    writer.add_pdf(pdf, bookmark=item.institution_name if first else "")
                first = False
                written += 1
                fault_point("batch-during-merge")
                if written % 25 == 0 or written == total:
                    progress(written, total, f"Merging the print file: {item.institution_name}")
                if written % 200 == 0:
                    session.expunge_all()
        result.merged_pages = writer.page_count
    return written


class _Cancelled(CpcDeskError):
    def __init__(self) -> None:
        super().__init__("Cancelled before the print file was finished; nothing was marked printed")
