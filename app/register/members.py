"""The register at the assistance desk: name normalisation, search, member lookups, history and status.

Search runs the same SQL on SQLite and PostgreSQL: each member's name words live in `member_name_token`
(indexed on the word), and a query's words are prefix range scans (`token >= p AND token < p⁺`) on that
index, intersected per member. Every value from the person typing is a bound parameter; nothing in the
text is ever interpreted as SQL or as a LIKE pattern.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import event, exists, func, inspect, intersect, select
from sqlalchemy.orm import Session, selectinload

from app.access.permissions import Actor, Permission
from app.desk import Desk
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.issuing.rules import review_reasons
from app.register.text import fold
from app.store.models import (
    Certificate,
    CertificateDocument,
    CertificateRequest,
    Member,
    MemberNameToken,
    MessageChannel,
    OutboxMessage,
    OutboxState,
    RequestMessage,
    RequestRecipient,
    RequestStatus,
)
from app.store.numbering import normalise_code

# --- normalisation ---------------------------------------------------------------------------------

_JOINERS = re.compile(r"[\-‐‑‒–—'’ʼ‘`´.]")
TOKEN_MAX_LENGTH = 200


def name_tokens(*parts: str) -> set[str]:
    """The searchable words of a name: each word, plus words joined across hyphens and apostrophes
    ("O'Brien" gives "o", "brien" and "obrien"; "Côté-Gagnon" also gives "cotegagnon")."""
    text = " ".join(p for p in parts if p)
    words = set(fold(text).split())
    words.update(fold(_JOINERS.sub("", text)).split())
    return {w[:TOKEN_MAX_LENGTH] for w in words if w}


def refresh_search_name(member: Member) -> None:
    """Recompute the member's search name and search words; call whenever a name or CPSO number changes."""
    member.search_name = fold(member.full_name)[:610]
    wanted = name_tokens(member.first_name, member.middle_name or "", member.last_name)
    if member.cpso_number:
        wanted.add(member.cpso_number.casefold()[:TOKEN_MAX_LENGTH])
    current = {t.token for t in member.name_tokens}
    if current == wanted:
        return
    member.name_tokens = [t for t in member.name_tokens if t.token in wanted] + [
        MemberNameToken(token=t) for t in sorted(wanted - current)
    ]


@functools.lru_cache(maxsize=8192)
def _sort_key(name: str) -> str:
    return fold(name)


_NAME_ATTRIBUTES = ("first_name", "middle_name", "last_name", "cpso_number")


@event.listens_for(Session, "before_flush")
def _keep_search_words(session: Session, _context: object, _instances: object) -> None:
    """A safety net: a member added or renamed by code that forgot refresh_search_name stays findable."""
    with session.no_autoflush:
        for obj in [*session.new, *session.dirty]:
            if not isinstance(obj, Member):
                continue
            state = inspect(obj)
            if state.pending or any(state.attrs[a].history.has_changes() for a in _NAME_ATTRIBUTES):
                refresh_search_name(obj)


def _prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix` (code-point order)."""
    cp = ord(prefix[-1]) + 1
    if 0xD800 <= cp <= 0xDFFF:  # surrogates cannot be stored; skip to the next encodable code point
        cp = 0xE000
    return prefix[:-1] + chr(min(cp, 0x10FFFF))


# --- search ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberHit:
    member_id: int
    cpso_number: str
    full_name: str
    registration_class: str
    status: str
    matched: str  # "cpso", "name", "certificate", "code" or "request"
    certificate_id: int | None = None
    request_id: int | None = None
    certificate_number: str = ""


# A CPC, or a copy of a document in its own series (REG, CARD, DIP: app.store.numbering).
_CERT_RE = re.compile(r"^\s*(CPC|REG|CARD|DIP)[\s\-]*(\d{4})[\s\-]*(\d{1,6})\s*$", re.IGNORECASE)
_REQUEST_RE = re.compile(r"^\s*R[\s\-]*(\d{1,9})\s*$", re.IGNORECASE)
_CODE_RE = re.compile(r"^[23456789A-Z]{4}-[23456789A-Z]{4}-[23456789A-Z]{4}$")
_CPSO_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z\-]{0,15}$")
_CANDIDATE_SCAN = 5_000  # index entries counted per query word to pick the most selective one


def certificate_number_of(text: str) -> str | None:
    """ "cpc 2026 42" → "CPC-2026-000042"; None when the text is not a certificate number."""
    m = _CERT_RE.match(text)
    if not m or int(m.group(3)) == 0:
        return None
    return f"{m.group(1).upper()}-{m.group(2)}-{int(m.group(3)):06d}"


def request_id_of(text: str) -> int | None:
    """ "R-0000123", "r123" → 123; None when the text is not a request number."""
    m = _REQUEST_RE.match(text)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def verification_code_of(text: str) -> str | None:
    code = normalise_code(text)
    return code if _CODE_RE.match(code) else None


def _hit(
    member: Member, matched: str, cert: Certificate | None = None, request_id: int | None = None
) -> MemberHit:
    return MemberHit(
        member_id=member.id,
        cpso_number=member.cpso_number,
        full_name=member.full_name,
        registration_class=member.registration_class,
        status=str(member.status.value),
        matched=matched,
        certificate_id=cert.id if cert else None,
        request_id=request_id,
        certificate_number=cert.number if cert else "",
    )


def _document_hits(session: Session, text: str) -> list[MemberHit]:
    """A certificate number, verification code or request number names one request of one member."""
    number = certificate_number_of(text)
    cert: Certificate | None = None
    matched = ""
    if number:
        cert = session.scalar(select(Certificate).where(Certificate.number == number))
        matched = "certificate"
    if cert is None:
        code = verification_code_of(text)
        if code:
            cert = session.scalar(select(Certificate).where(Certificate.verification_code == code))
            matched = "code"
    if cert is not None:
        request = cert.recipient.request
        return [_hit(request.member, matched, cert, request.id)]
    rid = request_id_of(text)
    if rid is not None:
        req = session.get(CertificateRequest, rid)
        if req is not None:
            return [_hit(req.member, "request", None, req.id)]
    return []


def _cpso_hits(session: Session, text: str, limit: int) -> list[MemberHit]:
    compact = text.replace(" ", "")
    if not _CPSO_RE.match(compact) or not any(c.isdigit() for c in compact):
        return []
    number = compact.upper()
    exact = session.scalar(select(Member).where(Member.cpso_number == number))
    members = [exact] if exact is not None else []
    # The prefix scan goes through the search words (the CPSO number is one of them): their column
    # compares in binary order on every database, so "1049" < "104:" holds whatever the collation.
    prefix = number.casefold()
    tok = MemberNameToken.__table__
    rows = session.execute(
        select(Member)
        .join(tok, tok.c.member_id == Member.id)
        .where(tok.c.token >= prefix, tok.c.token < _prefix_upper_bound(prefix), Member.cpso_number != number)
        .order_by(tok.c.token, Member.id)
        .limit(limit * 2)
    ).scalars()
    for member in rows:
        if member.cpso_number.casefold().startswith(prefix) and member not in members:
            members.append(member)
            if len(members) >= limit:
                break
    return [_hit(m, "cpso") for m in members]


def _name_member_ids(session: Session, words: list[str], limit: int) -> list[int]:
    """Members having, for every query word, a name word that starts with it; at most `limit` ids."""
    tok = MemberNameToken.__table__
    ranges = [(w, _prefix_upper_bound(w)) for w in words]

    def estimate(lo: str, hi: str) -> int:
        inner = select(tok.c.member_id).where(tok.c.token >= lo, tok.c.token < hi).limit(_CANDIDATE_SCAN)
        return int(session.scalar(select(func.count()).select_from(inner.subquery())) or 0)

    counts = [estimate(lo, hi) for lo, hi in ranges]
    if min(counts) == 0:
        return []
    # Drive the search from the most selective word; check the others per member through the primary key.
    order = sorted(range(len(ranges)), key=lambda i: (counts[i], -len(words[i])))
    fetch = limit * 2 + 8
    if len(ranges) > 1 and counts[order[0]] < _CANDIDATE_SCAN:
        # Usually few members have every word: intersecting the ranges finds them all at once (unless
        # even the rarest word is common: then the ordered walk below stops as soon as it has enough).
        parts = [select(tok.c.member_id).where(tok.c.token >= lo, tok.c.token < hi) for lo, hi in ranges]
        both = session.execute(intersect(*parts).limit(fetch)).scalars().all()
        if len(both) < fetch:
            return _in_token_order(session, list(both), ranges[order[0]], limit)
    # Many match (a letter or two): walk the most selective word's index in order, stop at `limit`.
    lo, hi = ranges[order[0]]
    driver = tok.alias("d")
    stmt = select(driver.c.member_id).where(driver.c.token >= lo, driver.c.token < hi)
    for i in order[1:]:
        other = tok.alias(f"o{i}")
        olo, ohi = ranges[i]
        stmt = stmt.where(
            exists().where(other.c.member_id == driver.c.member_id, other.c.token >= olo, other.c.token < ohi)
        )
    stmt = stmt.order_by(driver.c.token, driver.c.member_id)
    while True:
        rows = session.execute(stmt.limit(fetch)).scalars().all()
        ids = list(dict.fromkeys(rows))
        if len(ids) >= limit or len(rows) < fetch:
            return ids[:limit]
        fetch *= 4


def _in_token_order(session: Session, ids: list[int], driver: tuple[str, str], limit: int) -> list[int]:
    """The ids ordered as the driving word's index orders them (the matched word, alphabetically)."""
    if len(ids) <= limit:
        return ids
    tok = MemberNameToken.__table__
    lo, hi = driver
    rows = session.execute(
        select(tok.c.member_id)
        .where(tok.c.token >= lo, tok.c.token < hi, tok.c.member_id.in_(ids))
        .order_by(tok.c.token, tok.c.member_id)
    ).scalars()
    return list(dict.fromkeys(rows))[:limit]


def search_members(session: Session, query: str, limit: int = 50) -> list[MemberHit]:
    """Members matching what was typed: a certificate number or verification code (that certificate's
    request), a request number, a CPSO number (exact first, then by prefix), or name words in any order
    (each word a prefix of a word of the name; accents and case ignored)."""
    text = " ".join(query.split())
    limit = max(1, min(int(limit), 1000))
    if not text:
        return []
    found = _document_hits(session, text)
    if found:
        return found
    hits = _cpso_hits(session, text, limit)
    if hits and text.replace(" ", "").isdigit():
        return hits
    words = list(dict.fromkeys(fold(text).split()))
    if not words:
        return hits
    ids = _name_member_ids(session, [w[:TOKEN_MAX_LENGTH] for w in words], limit)
    seen = {h.member_id for h in hits}
    ids = [i for i in ids if i not in seen][: limit - len(hits)]
    if not ids:
        return hits
    members = session.scalars(select(Member).where(Member.id.in_(ids))).all()
    wanted = set(words)

    def rank(m: Member) -> tuple[int, str, str, str]:
        exact = wanted <= set(m.search_name.split())
        return (0 if exact else 1, _sort_key(m.last_name), _sort_key(m.first_name), m.cpso_number)

    return hits + [_hit(m, "name") for m in sorted(members, key=rank)]


# --- lookups ---------------------------------------------------------------------------------------


def get_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(translate("Register", "No member with id {0}.").format(member_id))
    return member


def find_certificate(session: Session, text: str) -> Certificate | None:
    """By certificate number ("CPC-2026-000042", any spacing) or verification code (as read on the phone)."""
    number = certificate_number_of(text)
    if number:
        cert = session.scalar(select(Certificate).where(Certificate.number == number))
        if cert is not None:
            return cert
    code = verification_code_of(text)
    if code:
        return session.scalar(select(Certificate).where(Certificate.verification_code == code))
    return None


def find_request(session: Session, text: str) -> CertificateRequest | None:
    """By request number ("R-0000123", "r123" or "123")."""
    stripped = text.strip()
    rid = int(stripped) if stripped.isdigit() and len(stripped) <= 9 else request_id_of(stripped)
    return session.get(CertificateRequest, rid) if rid else None


# --- time as staff read it -------------------------------------------------------------------------


_MONTHS = (
    QT_TRANSLATE_NOOP("Register", "Jan"),
    QT_TRANSLATE_NOOP("Register", "Feb"),
    QT_TRANSLATE_NOOP("Register", "Mar"),
    QT_TRANSLATE_NOOP("Register", "Apr"),
    QT_TRANSLATE_NOOP("Register", "May"),
    QT_TRANSLATE_NOOP("Register", "Jun"),
    QT_TRANSLATE_NOOP("Register", "Jul"),
    QT_TRANSLATE_NOOP("Register", "Aug"),
    QT_TRANSLATE_NOOP("Register", "Sep"),
    QT_TRANSLATE_NOOP("Register", "Oct"),
    QT_TRANSLATE_NOOP("Register", "Nov"),
    QT_TRANSLATE_NOOP("Register", "Dec"),
)


def local_time(at: datetime, now: datetime | None = None) -> str:
    """ "10:42 on 25 Nov" in this computer's time zone (the year is added when it is not this year);
    on a French desk "25 nov. à 10:42"."""
    local = at.astimezone()
    current = (now or datetime.now(UTC)).astimezone()
    day = f"{local.day} {translate_marked('Register', _MONTHS[local.month - 1])}"
    if local.year != current.year:
        day += f" {local.year}"
    return translate("Register", "{0} on {1}").format(local.strftime("%H:%M"), day)


# --- status ----------------------------------------------------------------------------------------


def _latest_messages(session: Session, cert_ids: Iterable[int]) -> dict[int, OutboxMessage]:
    ids = list(cert_ids)
    if not ids:
        return {}
    latest: dict[int, OutboxMessage] = {}
    for msg in session.scalars(
        select(OutboxMessage).where(OutboxMessage.certificate_id.in_(ids)).order_by(OutboxMessage.id)
    ):
        assert msg.certificate_id is not None
        latest[msg.certificate_id] = msg
    return latest


def _replacements(session: Session, cert_ids: Iterable[int]) -> dict[int, Certificate]:
    ids = list(cert_ids)
    if not ids:
        return {}
    return {
        c.replaces_id: c
        for c in session.scalars(select(Certificate).where(Certificate.replaces_id.in_(ids)))
        if c.replaces_id is not None
    }


def certificate_clause(
    cert: Certificate,
    message: OutboxMessage | None,
    replacement: Certificate | None = None,
    *,
    offline: bool = False,
    now: datetime | None = None,
) -> str:
    """Where one certificate stands, as a sentence without its full stop."""
    now = now or datetime.now(UTC)
    to = cert.recipient.name
    if cert.revoked:
        when = (
            translate("Register", " at {0}").format(local_time(cert.revoked_at, now))
            if cert.revoked_at
            else ""
        )
        who = translate("Register", " by {0}").format(cert.revoked_by) if cert.revoked_by else ""
        why = translate("Register", ": {0}").format(cert.revoked_reason) if cert.revoked_reason else ""
        return translate("Register", "Certificate {0} for {1} was revoked{2}{3}{4}").format(
            cert.number, to, when, who, why
        )
    if replacement is not None:
        return translate("Register", "Certificate {0} for {1} was replaced by {2}, reissued at {3}").format(
            cert.number, to, replacement.number, local_time(replacement.issued_at, now)
        )
    printed = (
        translate("Register", "; printed at {0}").format(local_time(cert.printed_at, now))
        if cert.printed_at
        else ""
    )
    if message is None:
        return translate("Register", "Issued to {0} at {1} as {2}; not emailed{3}").format(
            to, local_time(cert.issued_at, now), cert.number, printed
        )
    addr = message.to_address
    state = message.state
    if state == OutboxState.SENT:
        when = (
            local_time(message.sent_at, now)
            if message.sent_at
            else translate("Register", "an unrecorded time")
        )
        if message.resend_of_id:
            return translate("Register", "Resent to {0} at {1}; the server accepted it{2}").format(
                to, when, printed
            )
        return translate("Register", "Sent to {0} at {1}; the server accepted it{2}").format(
            to, when, printed
        )
    if state == OutboxState.QUEUED:
        if offline:
            return translate(
                "Register",
                "Queued for {0} ({1}) since {2}; mail is offline on this desk, so it goes out when mail is "
                "switched back on{3}",
            ).format(to, addr, local_time(message.created_at, now), printed)
        queued = local_time(message.created_at, now)
        return translate("Register", "Waiting in the outbox to go to {0} ({1}), queued at {2}{3}").format(
            to, addr, queued, printed
        )
    if state == OutboxState.SENDING:
        return translate("Register", "Being sent to {0} ({1}) now, attempt {2}{3}").format(
            to, addr, message.attempts or 1, printed
        )
    if state == OutboxState.FAILED_TEMPORARY:
        said = (
            translate("Register", ', the last with the server saying "{0}"').format(message.last_error)
            if message.last_error
            else ""
        )
        nxt = (
            translate("Register", "; next try at {0}").format(local_time(message.next_attempt_at, now))
            if message.next_attempt_at
            else translate("Register", "; it will be tried again")
        )
        return translate(
            "Register",
            "Not yet delivered to {0} ({1}): %n attempt(s) failed{2}{3}{4}",
            None,
            message.attempts,
        ).format(to, addr, said, nxt, printed)
    if state == OutboxState.FAILED_PERMANENT:
        said = translate("Register", ' saying "{0}"').format(message.last_error) if message.last_error else ""
        return translate(
            "Register",
            "Could not be delivered to {0} ({1}): the server refused it permanently after %n attempt(s){2}; "
            "correct the address and resend{3}",
            None,
            message.attempts,
        ).format(to, addr, said, printed)
    issued = local_time(cert.issued_at, now)
    return translate("Register", "The email to {0} ({1}) was cancelled; {2} was issued at {3}{4}").format(
        to, addr, cert.number, issued, printed
    )


def _expiry_note(cert: Certificate, now: datetime) -> str:
    today = now.astimezone().date()
    if not cert.revoked and cert.valid_until < today:
        return translate("Register", " (it expired on {0})").format(cert.valid_until.isoformat())
    return ""


def request_sentence(
    session: Session, request: CertificateRequest, *, offline: bool = False, now: datetime | None = None
) -> str:
    now = now or datetime.now(UTC)
    name = request.member.full_name
    num = request.number
    status = request.status
    if status == RequestStatus.DRAFT:
        started = local_time(request.created_at, now)
        who = request.created_by
        return translate(
            "Register", "Request {0} for {1} is a draft, started by {2} at {3}; not submitted."
        ).format(num, name, who, started)
    if status == RequestStatus.AWAITING_REVIEW:
        since = request.submitted_at or request.created_at
        reasons = review_reasons(request.member)
        why = translate("Register", " because the member {0}").format("; ".join(reasons)) if reasons else ""
        why = why.replace("the member registration status", "the registration status")
        return translate(
            "Register", "Request {0} for {1} is awaiting a registrar's review since {2}{3}."
        ).format(num, name, local_time(since, now), why)
    if status == RequestStatus.DECLINED:
        when = (
            translate("Register", " at {0}").format(local_time(request.reviewed_at, now))
            if request.reviewed_at
            else ""
        )
        who = translate("Register", " by {0}").format(request.reviewed_by) if request.reviewed_by else ""
        why = translate("Register", ": {0}").format(request.review_reason) if request.review_reason else ""
        return translate("Register", "Request {0} for {1} was declined{2}{3}{4}.").format(
            num, name, who, when, why
        )
    if status == RequestStatus.CANCELLED:
        who = translate("Register", " by {0}").format(request.updated_by) if request.updated_by else ""
        return translate("Register", "Request {0} for {1} was cancelled{2} at {3}.").format(
            num, name, who, local_time(request.updated_at, now)
        )
    certs = [r.certificates[-1] for r in request.recipients if r.certificates]
    if not certs:
        return translate(
            "Register", "Request {0} for {1} is marked issued but has no certificate yet."
        ).format(num, name)
    messages = _latest_messages(session, [c.id for c in certs])
    replaced = _replacements(session, [c.id for c in certs])
    clauses = [
        certificate_clause(c, messages.get(c.id), replaced.get(c.id), offline=offline, now=now)
        + _expiry_note(c, now)
        for c in certs
    ]
    if len(clauses) == 1:
        return clauses[0] + "."
    return translate("Register", "Request {0} for {1} has {2} certificates. {3}").format(
        num,
        name,
        len(clauses),
        " ".join(
            translate("Register", "{0}: {1}.").format(c.number, clause)
            for c, clause in zip(certs, clauses, strict=True)
        ),
    )


def status_sentence(
    session: Session, text: str, *, offline: bool = False, now: datetime | None = None
) -> str | None:
    """Where a request or certificate stands, in one sentence; None when nothing has that number or code.

    `text` is a request number (R-0000123 or 123), a certificate number, a verification code, or a
    member's CPSO number: then one line per recent certificate of that member, each with its sentence.
    """
    if not text.strip():
        return None
    now = now or datetime.now(UTC)
    cert = find_certificate(session, text)
    if cert is not None:
        message = _latest_messages(session, [cert.id]).get(cert.id)
        replacement = _replacements(session, [cert.id]).get(cert.id)
        return (
            certificate_clause(cert, message, replacement, offline=offline, now=now)
            + _expiry_note(cert, now)
            + "."
            + last_message_note(session, cert.recipient.request_id, now)
        )
    digits = text.strip().removeprefix("CPSO").removeprefix("#").strip()
    if digits.isdigit():  # a CPSO number comes before a bare request number (staff write R-… for those)
        member = session.scalar(select(Member).where(Member.cpso_number == digits))
        if member is not None:
            return _member_certificates_sentence(session, member, offline=offline, now=now)
    request = find_request(session, text)
    if request is not None:
        return request_sentence(session, request, offline=offline, now=now) + last_message_note(
            session, request.id, now
        )
    return None


_MESSAGE_WORDS = {
    MessageChannel.EMAIL_SENT: QT_TRANSLATE_NOOP("Register", "{who} wrote to the member"),
    MessageChannel.REPLY_RECORDED: QT_TRANSLATE_NOOP("Register", "the member replied (recorded by {who})"),
    MessageChannel.PHONE_CALL: QT_TRANSLATE_NOOP("Register", "the member phoned (noted by {who})"),
}


def last_message_note(session: Session, request_id: int, now: datetime | None = None) -> str:
    """' Last message: <who did what> at <when>: "<start of it>".' for a request with a thread; else ''."""
    last = session.scalar(
        select(RequestMessage)
        .where(RequestMessage.request_id == request_id)
        .order_by(RequestMessage.created_at.desc(), RequestMessage.id.desc())
        .limit(1)
    )
    if last is None:
        return ""
    words = translate_marked("Register", _MESSAGE_WORDS[last.channel]).format(who=last.created_by)
    first_line = last.body.split("\n", 1)[0]
    gist = first_line if len(first_line) <= 80 else first_line[:79] + "\u2026"
    return translate("Register", ' Last message: {0} at {1}: "{2}".').format(
        words, local_time(last.created_at, now), gist
    )


RECENT_CERTIFICATES = 5


def _member_certificates_sentence(session: Session, member: Member, *, offline: bool, now: datetime) -> str:
    history = member_history(session, member.id, offline=offline, now=now)
    rows = [r for r in history if r.kind == "certificate"]
    who = translate("Register", "{0} (CPSO {1})").format(member.full_name, member.cpso_number)
    if not rows:
        if history:
            return translate("Register", "{0} has no certificate yet; latest request: {1}").format(
                who, history[0].sentence
            )
        return translate("Register", "{0} has no request or certificate on file.").format(who)
    shown = rows[:RECENT_CERTIFICATES]
    if len(rows) > len(shown):
        head = translate("Register", "{0}, the latest {1} of {2} certificate(s), newest first:").format(
            who, len(shown), len(rows)
        )
    else:
        head = translate("Register", "{0}, {1} certificate(s), newest first:").format(who, len(rows))
    return "\n".join([head, *(f"• {r.certificate_number}: {r.sentence}" for r in shown)])


# --- history ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    """One line of a member's history: a request as filed, or a certificate issued for it."""

    at: datetime
    kind: str  # "request" or "certificate"
    request_id: int
    request_number: str
    request_status: str
    certificate_id: int | None
    certificate_number: str
    recipient: str
    recipient_email: str
    state: str  # short, in English (a key as much as words): "awaiting review", "sent", "revoked"…
    sentence: str  # where it stands, in one sentence
    who: str
    delivery_state: str  # OutboxState value or "" (not emailed)
    attempts: int
    last_error: str
    outbox_message_id: int | None
    valid_until: date | None
    revoked: bool
    replaced: bool
    printed_at: datetime | None
    has_pdf: bool

    @property
    def state_words(self) -> str:
        """The short state in the desk's language ("envoyé", "remplacé par CPC-…")."""
        replaced = self.state.removeprefix("replaced by ")
        if replaced != self.state:
            return translate("Register", "replaced by {0}").format(replaced)
        return translate_marked("Register", self.state)


_REQUEST_STATE = {
    RequestStatus.DRAFT: QT_TRANSLATE_NOOP("Register", "draft"),
    RequestStatus.AWAITING_REVIEW: QT_TRANSLATE_NOOP("Register", "awaiting review"),
    RequestStatus.DECLINED: QT_TRANSLATE_NOOP("Register", "declined"),
    RequestStatus.ISSUED: QT_TRANSLATE_NOOP("Register", "issued"),
    RequestStatus.CANCELLED: QT_TRANSLATE_NOOP("Register", "cancelled"),
}
_DELIVERY_STATE = {
    OutboxState.QUEUED: QT_TRANSLATE_NOOP("Register", "queued"),
    OutboxState.SENDING: QT_TRANSLATE_NOOP("Register", "sending"),
    OutboxState.SENT: QT_TRANSLATE_NOOP("Register", "sent"),
    OutboxState.FAILED_TEMPORARY: QT_TRANSLATE_NOOP("Register", "retrying"),
    OutboxState.FAILED_PERMANENT: QT_TRANSLATE_NOOP("Register", "failed permanently"),
    OutboxState.CANCELLED: QT_TRANSLATE_NOOP("Register", "email cancelled"),
}
# The other short states, marked for the translators (member_history writes them in English).
_OTHER_STATES = (
    QT_TRANSLATE_NOOP("Register", "revoked"),
    QT_TRANSLATE_NOOP("Register", "printed"),
    QT_TRANSLATE_NOOP("Register", "issued, not emailed"),
)


def member_history(
    session: Session, member_id: int, *, offline: bool = False, now: datetime | None = None
) -> list[HistoryRow]:
    """Every request and certificate of the member with its state, newest first."""
    now = now or datetime.now(UTC)
    requests = session.scalars(
        select(CertificateRequest)
        .where(CertificateRequest.member_id == member_id)
        .options(selectinload(CertificateRequest.recipients).selectinload(RequestRecipient.certificates))
    ).all()
    certs = [c for r in requests for rc in r.recipients for c in rc.certificates]
    cert_ids = [c.id for c in certs]
    messages = _latest_messages(session, cert_ids)
    replaced = _replacements(session, cert_ids)
    with_pdf = (
        set(
            session.scalars(
                select(CertificateDocument.certificate_id).where(
                    CertificateDocument.certificate_id.in_(cert_ids)
                )
            )
        )
        if cert_ids
        else set()
    )
    rows: list[HistoryRow] = []
    for req in requests:
        names = ", ".join(r.name for r in req.recipients)
        emails = ", ".join(r.email for r in req.recipients if r.email)
        rows.append(
            HistoryRow(
                at=req.created_at,
                kind="request",
                request_id=req.id,
                request_number=req.number,
                request_status=req.status.value,
                certificate_id=None,
                certificate_number="",
                recipient=names,
                recipient_email=emails,
                state=_REQUEST_STATE[req.status],
                sentence=request_sentence(session, req, offline=offline, now=now),
                who=req.created_by,
                delivery_state="",
                attempts=0,
                last_error="",
                outbox_message_id=None,
                valid_until=None,
                revoked=False,
                replaced=False,
                printed_at=req.printed_at,
                has_pdf=False,
            )
        )
        for rc in req.recipients:
            for cert in rc.certificates:
                msg = messages.get(cert.id)
                repl = replaced.get(cert.id)
                if cert.revoked:
                    state = "revoked"
                elif repl is not None:
                    state = f"replaced by {repl.number}"
                elif msg is not None:
                    state = _DELIVERY_STATE[msg.state]
                else:
                    state = "printed" if cert.printed_at else "issued, not emailed"
                rows.append(
                    HistoryRow(
                        at=cert.issued_at,
                        kind="certificate",
                        request_id=req.id,
                        request_number=req.number,
                        request_status=req.status.value,
                        certificate_id=cert.id,
                        certificate_number=cert.number,
                        recipient=rc.name,
                        recipient_email=rc.email,
                        state=state,
                        sentence=certificate_clause(cert, msg, repl, offline=offline, now=now)
                        + _expiry_note(cert, now)
                        + ".",
                        who=cert.issued_by,
                        delivery_state=msg.state.value if msg else "",
                        attempts=msg.attempts if msg else 0,
                        last_error=msg.last_error if msg else "",
                        outbox_message_id=msg.id if msg else None,
                        valid_until=cert.valid_until,
                        revoked=cert.revoked,
                        replaced=repl is not None,
                        printed_at=cert.printed_at,
                        has_pdf=cert.id in with_pdf,
                    )
                )
    rows.sort(key=lambda r: (r.at, r.kind == "certificate", r.certificate_id or 0), reverse=True)
    return rows


# --- the assistance desk's services: the desk and the acting staff member, checked ------------------


def find_in_register(desk: Desk, actor: Actor, query: str, limit: int = 50) -> list[MemberHit]:
    """The assistance desk's search (see search_members), for a staff member allowed to search."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        return search_members(session, query, limit)


def where_is(desk: Desk, actor: Actor, text: str) -> str | None:
    """'Where is my certificate?': one sentence for a request or certificate number or a code, or None."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        return status_sentence(session, text, offline=desk.is_offline)


@dataclass(frozen=True)
class MemberRecord:
    """What the profile shows of a member: the register entry, how to reach them, their history."""

    member: Member  # detached: its loaded values only
    contact: tuple[str, str, str]  # email, phone, practice address
    history: list[HistoryRow]


def member_record(desk: Desk, actor: Actor, member_id: int) -> MemberRecord:
    """A member's profile, for a staff member allowed to search; NotFound when there is no such member."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        member = get_member(session, member_id)
        history = member_history(session, member_id, offline=desk.is_offline)
        contact = (member.email, member.phone, member.practice_address)
        session.expunge(member)
        return MemberRecord(member, contact, history)
