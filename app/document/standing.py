"""A certificate's current standing: the one home for "is it valid now, and does the register still state
what it states".

Status now is one of valid, revoked (on which date), expired (on which date), replaced (by which number)
or not found. Besides, the register may have changed since issue: the member's status, class, terms,
conditions and limitations, discipline findings or pending investigations now differ from what the
certificate states (kept per certificate in `certificate_statement`). The verification web service
(app.web) and `verify` (app.document.verification) both ask here, so they never disagree.

Reads only the columns the verification page shows (and the code it checks), with plain SELECTs, so the
web service can run under a PostgreSQL login granted exactly those columns (`cpc-desk db roles`).
"""

import enum
import hmac
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.document.disclosure import WORDING, format_date, status_text
from app.i18n import QT_TRANSLATE_NOOP, language, translate
from app.language import CertificateLanguage
from app.store.models import (
    Certificate,
    CertificateRequest,
    CertificateStatement,
    Member,
    RequestRecipient,
)
from app.store.numbering import ANY_NUMBER_RE

if TYPE_CHECKING:
    from app.desk import Desk


class Status(enum.StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    EXPIRED = "expired"
    REPLACED = "replaced"
    NOT_FOUND = "not_found"


# Input as a reader types or scans it: case, spaces and dashes do not matter; anything else is refused
# before the database is asked.
_NUMBER_INPUT_RE = re.compile(r"^(CPC|REG|CARD|DIP)(\d{4})(\d{6})$")
_CODE_INPUT_RE = re.compile(r"^[A-Z0-9]{4,32}$")
_IGNORED = re.compile(r"[\s\-‐‑‒–—]")  # spaces and every common dash
MAX_INPUT_LENGTH = 64


class BadInput(ValueError):
    """A number or code that cannot be one of ours; `field` names which."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def normalise_number(text: str) -> str:
    """'cpc 2026 000003', 'CPC-2026-000003' → 'CPC-2026-000003' (and the REG-, CARD- and DIP- series of the
    copies of documents); BadInput otherwise."""
    if len(text) > MAX_INPUT_LENGTH:
        raise BadInput("number", "is too long to be a certificate number")
    match = _NUMBER_INPUT_RE.match(_IGNORED.sub("", text).upper())
    if match is None:
        raise BadInput("number", "is not a certificate number (CPC-YYYY-NNNNNN)")
    number = f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    assert ANY_NUMBER_RE.match(number)
    return number


def normalise_code(text: str) -> str:
    """A verification code without case, spaces or dashes ('mqqh andh-c5xe' → 'MQQHANDHC5XE'); BadInput
    otherwise. Compare codes only through this."""
    if len(text) > MAX_INPUT_LENGTH:
        raise BadInput("code", "is too long to be a verification code")
    code = _IGNORED.sub("", text).upper()
    if not _CODE_INPUT_RE.match(code):
        raise BadInput("code", "is not a verification code (letters and digits, such as MQQH-ANDH-C5XE)")
    return code


@dataclass(frozen=True)
class RegisterChange:
    """One fact the certificate states that the register no longer states the same way."""

    field: str
    label: str
    stated: str
    now: str

    @property
    def words(self) -> str:
        """What the register shows now, in the words `verify` and the page use, in the language
        translate() answers in (app.i18n.language(): the desk's, or the page reader's)."""
        if self.field == "member_status":
            return translate("Document", "status {0}").format(status_words(self.now).lower())
        if not self.now:
            gone = {
                "registration_class": translate("Document", "no class of registration on record any more"),
                "terms_conditions": translate(
                    "Document", "no terms, conditions and limitations on record any more"
                ),
                "discipline": translate("Document", "no discipline findings on record any more"),
                "pending_investigations": translate(
                    "Document", "no pending investigations on record any more"
                ),
            }
            return gone[self.field]
        if not self.stated:
            recorded = {
                "registration_class": translate("Document", "class of registration recorded"),
                "terms_conditions": translate("Document", "terms, conditions or limitations recorded"),
                "discipline": translate("Document", "discipline finding recorded"),
                "pending_investigations": translate("Document", "pending investigation recorded"),
            }
            return recorded[self.field]
        changed = {
            "registration_class": translate("Document", "class of registration changed"),
            "terms_conditions": translate("Document", "terms, conditions and limitations changed"),
            "discipline": translate("Document", "discipline findings changed"),
            "pending_investigations": translate("Document", "pending investigations changed"),
        }
        return changed[self.field]


def status_words(printed: str) -> str:
    """A member status as printed in English ("Suspended") in the language translate() answers in
    ("Suspendu"): the certificate's own word for it (app.document.disclosure)."""
    return WORDING[CertificateLanguage(language())].statuses.get(printed, printed)


_COMPARED = (
    ("member_status", QT_TRANSLATE_NOOP("Document", "Status")),
    ("registration_class", QT_TRANSLATE_NOOP("Document", "Class of registration")),
    ("terms_conditions", QT_TRANSLATE_NOOP("Document", "Terms, conditions and limitations")),
    ("discipline", QT_TRANSLATE_NOOP("Document", "Discipline findings")),
    ("pending_investigations", QT_TRANSLATE_NOOP("Document", "Pending investigations")),
)


@dataclass(frozen=True)
class RegisterNow:
    """What the register shows about the member today (only the facts the certificate states)."""

    member_status: str  # as printed: "Suspended"
    status_since: date | None
    registration_class: str
    terms_conditions: str
    discipline: str
    pending_investigations: str

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.member_status.lower(),
            "status_since": self.status_since.isoformat() if self.status_since else None,
            "registration_class": self.registration_class,
            "terms_conditions": self.terms_conditions,
            "discipline": self.discipline,
            "pending_investigations": self.pending_investigations,
        }


@dataclass(frozen=True)
class Standing:
    """A certificate's standing now. For NOT_FOUND every other field is empty."""

    number: str
    status: Status
    member_name: str = ""
    cpso_number: str = ""
    registration_class: str = ""  # as certified
    member_status: str = ""  # as certified, printed form ("Active")
    addressed_to: str = ""
    issue_date: date | None = None
    valid_until: date | None = None
    revoked_on: date | None = None
    expired_on: date | None = None
    replaced_by: str = ""
    changes: tuple[RegisterChange, ...] = ()
    register_now: RegisterNow | None = None
    pdf_sha256: str = ""  # to check an uploaded file; never shown
    # False for a certificate numbered before what it stated was kept: it cannot be compared
    compared: bool = False

    @property
    def register_changed_since_issue(self) -> bool:
        return bool(self.changes)

    @property
    def sentence(self) -> str:
        """Status in one sentence."""
        if self.status is Status.NOT_FOUND:
            return translate("Document", "No certificate matches this number and verification code.")
        if self.status is Status.VALID:
            assert self.valid_until is not None
            return translate("Document", "Certificate {0} is valid until {1}.").format(
                self.number, _day(self.valid_until)
            )
        if self.status is Status.REVOKED:
            if self.revoked_on is None:
                return translate("Document", "Certificate {0} was revoked on an unknown date.").format(
                    self.number
                )
            return translate("Document", "Certificate {0} was revoked on {1}.").format(
                self.number, _day(self.revoked_on)
            )
        if self.status is Status.REPLACED:
            return translate("Document", "Certificate {0} was replaced by certificate {1}.").format(
                self.number, self.replaced_by
            )
        if self.expired_on is None:
            return translate("Document", "Certificate {0} expired on an unknown date.").format(self.number)
        return translate("Document", "Certificate {0} expired on {1}.").format(
            self.number, _day(self.expired_on)
        )

    @property
    def change_sentence(self) -> str:
        """'the register now shows: suspended since 2 December 2026; discipline finding recorded' ("" when
        the register still states what the certificate states)."""
        if not self.changes or self.register_now is None:
            return ""
        parts = []
        for change in self.changes:
            words = change.words
            if change.field == "member_status" and self.register_now.status_since is not None:
                words = translate("Document", "{0} since {1}").format(
                    status_words(change.now).lower(), _day(self.register_now.status_since)
                )
            parts.append(words)
        return translate("Document", "the register now shows: {0}").format("; ".join(parts))

    def as_json(self) -> dict[str, Any]:
        """The JSON the verification service answers (README: "Verification service")."""

        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        found = self.status is not Status.NOT_FOUND
        return {
            "number": self.number,
            "status": self.status.value,
            "member_name": self.member_name or None,
            "cpso_number": self.cpso_number or None,
            "addressed_to": self.addressed_to or None,
            "issue_date": iso(self.issue_date),
            "valid_until": iso(self.valid_until),
            "revoked_on": iso(self.revoked_on),
            "replaced_by": self.replaced_by or None,
            "register_changed_since_issue": self.register_changed_since_issue
            if (found and self.compared)
            else None,
            "register_now": self.register_now.as_json() if (found and self.register_now) else None,
        }


_NO_CODE = "XXXX-XXXX-XXXX"


def _same_code(stored: str, given: str) -> bool:
    # constant time: how long the comparison takes says nothing about how much of a guess was right
    return hmac.compare_digest(_IGNORED.sub("", stored).upper().encode(), given.encode())


def _day(value: date | None) -> str:
    """A date in words in the language translate() answers in ("25 November 2026", "1er décembre 2026")."""
    return format_date(value, language()) if value else translate("Document", "an unknown date")


def _local_date(moment: datetime | None) -> date | None:
    return moment.astimezone().date() if moment else None


def _changes(stated: Any, now: RegisterNow) -> tuple[RegisterChange, ...]:
    if stated is None:  # a certificate numbered before statements were kept: nothing to compare with
        return ()
    current = {
        "member_status": now.member_status,
        "registration_class": now.registration_class,
        "terms_conditions": now.terms_conditions,
        "discipline": now.discipline,
        "pending_investigations": now.pending_investigations,
    }
    out = []
    for field, label in _COMPARED:
        was = str(getattr(stated, field) or "").strip()
        if field == "member_status":
            was = status_text(was)
        if was != current[field]:
            out.append(RegisterChange(field, label, was, current[field]))
    return tuple(out)


# Only what the page shows, the code it checks and the hash an upload is compared with: the columns the
# verification service's database login is granted (app.store.roles). One statement built once on the Core
# tables (the number a bound parameter), so each look-up reuses its compiled form: the service answers
# many of them.
_C: Any = Certificate.__table__
_R: Any = RequestRecipient.__table__
_Q: Any = CertificateRequest.__table__
_M: Any = Member.__table__
_S: Any = CertificateStatement.__table__
_NEWER: Any = _C.alias("newer")
_REPLACED_BY = (
    select(_NEWER.c.number)
    .where(_NEWER.c.replaces_id == _C.c.id)
    .order_by(_NEWER.c.id)
    .limit(1)
    .scalar_subquery()
)
_BY_NUMBER = (
    select(
        _C.c.id,
        _C.c.number,
        _C.c.verification_code,
        _C.c.issue_date,
        _C.c.valid_until,
        _C.c.revoked,
        _C.c.revoked_at,
        _C.c.pdf_sha256,
        _R.c.name.label("addressed_to"),
        _M.c.first_name,
        _M.c.middle_name,
        _M.c.last_name,
        _M.c.cpso_number,
        _M.c.registration_class,
        _M.c.status,
        _M.c.status_since,
        _M.c.terms_conditions,
        _M.c.discipline,
        _M.c.pending_investigations,
        _S.c.certificate_id.label("stated"),
        _S.c.member_name.label("stated_member_name"),
        _S.c.cpso_number.label("stated_cpso_number"),
        _S.c.registration_class.label("stated_registration_class"),
        _S.c.member_status.label("stated_member_status"),
        _S.c.terms_conditions.label("stated_terms_conditions"),
        _S.c.discipline.label("stated_discipline"),
        _S.c.pending_investigations.label("stated_pending_investigations"),
        _REPLACED_BY.label("replaced_by"),
    )
    .select_from(
        _C.join(_R, _R.c.id == _C.c.recipient_id)
        .join(_Q, _Q.c.id == _R.c.request_id)
        .join(_M, _M.c.id == _Q.c.member_id)
        .outerjoin(_S, _S.c.certificate_id == _C.c.id)
    )
    .where(_C.c.number == bindparam("number"))
)


@dataclass(frozen=True)
class _Stated:
    member_name: str
    cpso_number: str
    registration_class: str
    member_status: str
    terms_conditions: str
    discipline: str
    pending_investigations: str


def standing_in(session: Session | Connection, number: str, today: date, code: str | None = None) -> Standing:
    """The standing of certificate `number` (normalised) on `today` (the issuing body's local date).

    With `code` (normalised), a certificate whose code differs is NOT_FOUND, exactly as an unknown number:
    who holds a certificate is learnt only by holding it.
    """
    conn = session.connection() if isinstance(session, Session) else session
    row = conn.execute(_BY_NUMBER, {"number": number}).one_or_none()
    if row is None:
        if code is not None:
            _same_code(_NO_CODE, code)  # the same work as for a wrong code: the timing tells nothing
        return Standing(number, Status.NOT_FOUND)
    if code is not None and not _same_code(row.verification_code, code):
        return Standing(number, Status.NOT_FOUND)
    stated = (
        _Stated(
            row.stated_member_name,
            row.stated_cpso_number,
            row.stated_registration_class,
            row.stated_member_status,
            row.stated_terms_conditions,
            row.stated_discipline,
            row.stated_pending_investigations,
        )
        if row.stated is not None
        else None
    )
    replaced_by = row.replaced_by
    now = RegisterNow(
        member_status=status_text(row.status),
        status_since=row.status_since,
        registration_class=row.registration_class,
        terms_conditions=row.terms_conditions.strip(),
        discipline=row.discipline.strip(),
        pending_investigations=row.pending_investigations.strip(),
    )
    revoked_on = _local_date(row.revoked_at) if row.revoked else None
    expired_on = row.valid_until + timedelta(days=1) if today > row.valid_until else None
    if row.revoked:
        status = Status.REPLACED if replaced_by else Status.REVOKED
        if row.revoked_at is None:
            revoked_on = None
    elif replaced_by:
        status = Status.REPLACED
    elif expired_on is not None:
        status = Status.EXPIRED
    else:
        status = Status.VALID
    live_name = " ".join(p for p in (row.first_name, row.middle_name, row.last_name) if p)
    return Standing(
        number=row.number,
        status=status,
        # What the certificate shows: the statement kept at issue (the register's name may change later).
        member_name=stated.member_name if stated else live_name,
        cpso_number=stated.cpso_number if stated else row.cpso_number,
        registration_class=stated.registration_class if stated else row.registration_class,
        member_status=status_text(stated.member_status) if stated else "",
        addressed_to=row.addressed_to,
        issue_date=row.issue_date,
        valid_until=row.valid_until,
        revoked_on=revoked_on,
        expired_on=expired_on,
        replaced_by=replaced_by or "",
        changes=_changes(stated, now),
        register_now=now,
        pdf_sha256=row.pdf_sha256,
        compared=stated is not None,
    )


def standing_problems(standing: Standing) -> list[str]:
    """What `verify` adds to its findings beyond revocation and validity (which it states itself):
    replaced by which number, and what the register shows now where it changed since issue."""
    problems = []
    if standing.replaced_by:
        problems.append(translate("Document", "replaced by certificate {0}").format(standing.replaced_by))
    if standing.changes:
        problems.append(standing.change_sentence)
    return problems


def certificate_standing(desk: "Desk", number: str, code: str, today: date | None = None) -> Standing:
    """The public look-up behind the verification page: the standing of `number` if `code` is its code,
    NOT_FOUND otherwise (the same answer for a wrong code as for an unknown number). Reads only; needs no
    sign-in (anyone holding a certificate may check it). Raises BadInput for input that cannot be a
    number or a code, before touching the database."""
    number = normalise_number(number)
    code = normalise_code(code)
    # a bare connection, not an ORM session: nothing here is an object, and the page answers many of these
    with desk.db.engine.connect() as conn:
        return standing_in(conn, number, today or date.today(), code)
