"""Checking a certificate PDF (signature, register record, revocation, validity) and revoking certificates.

A file passes only when every check holds: the PAdES signature is intact, covers the whole file (or only
adds validation data after it) and pyHanko validates it, at the time it was signed, against the
register's signing certificates and the College's root (app.document.trust); the certificate number is on
record and the file is byte for byte the one issued (SHA-256); it is not revoked; and the day of checking
is within its validity. Each failure is reported in words a registrar's staff can read out to the caller.
Nothing here creates or changes a key. Member details are given only when the signature holds and the
file is the one issued; the number is the one the signed content states, never a later addition.
"""

import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.document.certificates import KEYWORDS_RE
from app.document.disclosure import format_date
from app.document.standing import Standing, standing_in, standing_problems
from app.document.trust import Trust, configured_tsa_roots, trust_at
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, language, translate, translate_marked
from app.register.text import clean_text
from app.store.models import Certificate, CertificateRequest, RequestRecipient, utcnow

ALTERED = QT_TRANSLATE_NOOP("Document", "altered after signing")
DAMAGED = QT_TRANSLATE_NOOP("Document", "damaged")
NOT_OURS = QT_TRANSLATE_NOOP("Document", "not signed by this College's signing certificate")
UNKNOWN = QT_TRANSLATE_NOOP("Document", "unknown certificate number")
MISMATCH = QT_TRANSLATE_NOOP("Document", "does not match the issued certificate")
# A certificate is a few hundred kilobytes; anything this large is refused before it is read whole.
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class VerificationResult:
    ok: bool
    number: str = ""
    problems: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # what held, in words
    member_name: str = ""
    recipient_name: str = ""
    issue_date: date | None = None
    valid_until: date | None = None
    standing: Standing | None = None  # the certificate's standing now (app.document.standing)
    signed_at: datetime | None = None
    timestamped: bool = False

    @property
    def summary(self) -> str:
        if self.ok:
            return translate("Document", "Certificate {0} is genuine and valid.").format(self.number)
        if self.number:
            return translate("Document", "Certificate {0} is NOT valid: {1}.").format(
                self.number, "; ".join(self.problems)
            )
        return translate("Document", "This file is NOT valid: {0}.").format("; ".join(self.problems))


@dataclass
class SignatureFindings:
    problems: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    number: str = ""  # as the signed content states it ("" when the signature is not intact)
    holds: bool = False  # intact, whole file, trusted at its signing time
    signed_at: datetime | None = None
    timestamped: bool = False


def too_large_problem(size: int) -> str:
    """The words for a file over MAX_FILE_BYTES ("" when it is not)."""
    if size <= MAX_FILE_BYTES:
        return ""
    limit = MAX_FILE_BYTES // 1048576
    return translate("Document", "not a certificate: the file is {0:.0f} MB, over the {1} MB limit").format(
        size / 1048576, limit
    )


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _timestamp_time(sig: Any) -> datetime | None:
    """The time in the signature's RFC 3161 timestamp token, if it carries one."""
    try:
        attrs = sig.signer_info["unsigned_attrs"]
        for attr in attrs or ():
            if attr["type"].native == "signature_time_stamp_token":
                token = attr["values"][0]
                info = token["content"]["encap_content_info"]["content"].parsed
                gen_time: datetime = info["gen_time"].native
                return gen_time
    except Exception:  # noqa: BLE001 - a malformed token is simply not a timestamp
        return None
    return None


def _signed_number(data: bytes, end: int) -> str:
    """The certificate number in the document information of the signed revision (bytes [0, end))."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data[:end]), strict=False)
        keywords = str(reader.trailer_view["/Info"]["/Keywords"])
    except Exception:  # noqa: BLE001 - no readable info dictionary just means no number stated
        return ""
    match = KEYWORDS_RE.search(keywords)
    return match.group(1) if match else ""


def _signature_findings(desk: Desk, data: bytes, now: datetime) -> SignatureFindings:
    """What the file's digital signature shows, in words; never raises for a bad file."""
    try:
        return _check_signature(desk, data, now)
    except ValidationError:
        raise  # the desk's own trust settings are wrong: say so, naming the setting
    except Exception:  # noqa: BLE001 - pyHanko raises many kinds for a forged or broken file
        return SignatureFindings(
            problems=[
                translate("Document", "{0}: the digital signature cannot be read from the file").format(
                    translate_marked("Document", DAMAGED)
                )
            ]
        )


def _check_signature(desk: Desk, data: bytes, now: datetime) -> SignatureFindings:
    # lazy: pyHanko (with asn1crypto) costs ~0.35 s and ~40 MB; only checking a signature needs it
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    found = SignatureFindings()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - a damaged file raises many kinds; the finding is what matters
        return _unreadable(desk, data, now)
    if not signatures:
        found.problems.append(translate("Document", "not signed: the file carries no digital signature"))
        return found
    sig = signatures[0]
    byte_range = [int(x) for x in sig.sig_object["/ByteRange"]]
    end = byte_range[2] + byte_range[3]
    if end > len(data):
        found.problems.append(
            translate(
                "Document", "{0}: the file is shorter than the content that was signed (cut off)"
            ).format(translate_marked("Document", DAMAGED))
        )
        return found
    claimed = sig.self_reported_timestamp
    stamped = _timestamp_time(sig)
    signed_at = stamped or claimed or now
    found.signed_at, found.timestamped = signed_at, stamped is not None
    trust = trust_at(desk)
    context = _context(trust, signed_at)
    tsa_roots = _tsa_roots(desk)
    ts_context = ValidationContext(trust_roots=tsa_roots, allow_fetching=False) if stamped else None
    try:
        status = validate_pdf_signature(sig, context, ts_validation_context=ts_context)
    except Exception:  # noqa: BLE001 - pyHanko raises several kinds for a broken signature
        found.problems.append(
            translate("Document", "{0}: the digital signature cannot be checked against the file").format(
                translate_marked("Document", ALTERED)
            )
        )
        return found
    if not (status.intact and status.valid):
        found.problems.append(
            translate("Document", "{0}: the file's content no longer matches its digital signature").format(
                translate_marked("Document", ALTERED)
            )
        )
        return found
    found.checks.append(translate("Document", "the digital signature is intact"))
    found.number = _signed_number(data, end)
    added = len(signatures) > 1 or (
        end != len(data)
        and not (
            status.modification_level is not None
            and status.modification_level <= ModificationLevel.LTA_UPDATES
            and _only_validation_data_added(reader, sig)
        )
    )
    if added:
        found.problems.append(
            translate("Document", "{0}: content was added to the file after it was signed").format(
                translate_marked("Document", ALTERED)
            )
        )
    signer_der = bytes(status.signing_cert.dump())
    signer_name = status.signing_cert.subject.human_friendly
    stored = trust.find(signer_der)
    if stored is None:
        found.problems.append(
            translate("Document", "{0} (it was signed by {1})").format(
                translate_marked("Document", NOT_OURS), signer_name
            )
        )
    elif not stored.in_use_at(signed_at):
        retired = stored.in_use_until or signed_at
        found.problems.append(
            translate(
                "Document", "{0}: it was signed on {1} with a signing certificate retired on {2}"
            ).format(translate_marked("Document", NOT_OURS), _when(signed_at), _when(retired))
        )
    elif not status.trusted:
        found.problems.append(f"{NOT_OURS}: {_untrusted_reason(status, signed_at)}")
    else:
        found.checks.append(
            translate("Document", "signed by {0} (DEMO trust)").format(signer_name)
            if trust.demo
            else translate("Document", "signed by {0}").format(signer_name)
        )
    if stamped is not None:
        tsv = status.timestamp_validity
        if tsv is not None and tsv.intact and tsv.valid and tsv.trusted:
            found.checks.append(
                translate("Document", "timestamped by a trusted authority at {0}").format(_when(stamped))
            )
        else:
            found.problems.append(
                translate(
                    "Document",
                    "{0}: its timestamp ({1}) is not from a time-stamping authority "
                    "this desk trusts (setting signing.tsa_root_certificate)",
                ).format(translate_marked("Document", ALTERED), _when(stamped))
            )
    else:
        found.checks.append(
            translate("Document", "signed at {0} by the signing desk's clock (no timestamp)").format(
                _when(signed_at)
            )
        )
    found.holds = not found.problems
    return found


def _only_validation_data_added(reader: Any, sig: Any) -> bool:
    """True when the revisions after the signed one only add new objects, re-point the catalog and
    restamp the dates of the document information and XMP metadata (what pyHanko writes when it
    appends a B-LT signature's validation data): no other object of the signed content is rewritten,
    and what the document information states (the certificate number, title, subject) is what was
    signed."""
    xrefs = reader.xrefs
    signed = sig.signed_revision
    if xrefs.total_revisions <= signed + 1:
        return False  # bytes after the signed content that are not even a revision of the file
    root_ref = reader.trailer_view.raw_get("/Root")
    info_ref = reader.trailer_view.raw_get("/Info")
    history = reader.get_historical_resolver(signed)
    if history.trailer_view.raw_get("/Info") != info_ref:
        return False
    signed_info = history.get_object(info_ref.reference)
    info_now = reader.get_object(info_ref.reference)
    for key in ("/Keywords", "/Title", "/Subject", "/Author"):
        if str(signed_info.get(key, "")) != str(info_now.get(key, "")):
            return False
    metadata = reader.root.raw_get("/Metadata") if "/Metadata" in reader.root else None
    restamped = {root_ref.idnum, info_ref.idnum, getattr(metadata, "idnum", None)}
    for revision in range(signed + 1, xrefs.total_revisions):
        for ref in xrefs.explicit_refs_in_revision(revision):
            if ref.idnum in restamped:
                continue
            if xrefs.get_introducing_revision(ref) < revision:
                return False
    return True


_BYTE_RANGE_RE = re.compile(rb"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")


def _unreadable(desk: Desk, data: bytes, now: datetime) -> SignatureFindings:
    """A file the PDF reader cannot read whole: when it is a signed file with bytes added after the
    signed content, what the signature says of that content, plus that something was added; otherwise
    damaged."""
    match = _BYTE_RANGE_RE.search(data)
    if match is not None:
        end = int(match.group(2)) + int(match.group(3))
        if 0 < end < len(data):
            found = _signature_findings(desk, data[:end], now)
            if not any(p.startswith(translate_marked("Document", DAMAGED)) for p in found.problems):
                found.problems.append(
                    translate("Document", "{0}: content was added to the file after it was signed").format(
                        translate_marked("Document", ALTERED)
                    )
                )
                found.holds = False
                return found
    return SignatureFindings(
        problems=[
            translate("Document", "{0}: the file is cut off or broken and cannot be read as a PDF").format(
                translate_marked("Document", DAMAGED)
            )
        ]
    )


def _tsa_roots(desk: Desk) -> list[Any]:
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in configured_tsa_roots(desk)]


def _context(trust: Trust, moment: datetime) -> Any:
    from asn1crypto import x509 as asn1_x509
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(d) for d in trust.roots],
        other_certs=[asn1_x509.Certificate.load(d) for d in trust.intermediates],
        allow_fetching=False,
        moment=moment,
    )


def _untrusted_reason(status: Any, signed_at: datetime) -> str:
    cert = status.signing_cert
    not_after = cert["tbs_certificate"]["validity"]["not_after"].native
    not_before = cert["tbs_certificate"]["validity"]["not_before"].native
    if signed_at > not_after:
        return translate(
            "Document", "its signing certificate had expired ({0}) when it signed on {1}"
        ).format(_when(not_after), _when(signed_at))
    if signed_at < not_before:
        return translate(
            "Document", "its signing certificate was not yet valid when it signed on {0}"
        ).format(_when(signed_at))
    return translate("Document", "its signing certificate does not chain to the College's root certificate")


def verify_pdf(
    desk: Desk, data: bytes, today: date | None = None, *, now: datetime | None = None
) -> VerificationResult:
    """Check one certificate file; `today` is the issuing body's local date (default: today), `now` the
    moment of checking (default: now)."""
    today = today or date.today()
    now = now or datetime.now(UTC)
    large = too_large_problem(len(data))
    if large:
        return VerificationResult(False, problems=[large])
    if not data.lstrip()[:5] == b"%PDF-":
        return VerificationResult(False, problems=[translate("Document", "not a PDF file")])
    found = _signature_findings(desk, data, now)
    problems, checks = list(found.problems), list(found.checks)
    result = VerificationResult(
        False, number=found.number, checks=checks, signed_at=found.signed_at, timestamped=found.timestamped
    )
    if not result.number:
        if not problems:
            problems.append(
                translate("Document", "{0}: the file names no certificate number of this College").format(
                    translate_marked("Document", UNKNOWN)
                )
            )
        result.problems = problems
        return result
    digest = hashlib.sha256(data).hexdigest()
    with desk.db.read() as session:
        cert = session.execute(
            select(Certificate)
            .where(Certificate.number == result.number)
            .options(
                joinedload(Certificate.recipient)
                .joinedload(RequestRecipient.request)
                .joinedload(CertificateRequest.member)
            )
        ).scalar_one_or_none()
        if cert is None:
            problems.append(
                translate("Document", "{0}: {1} is not on record").format(
                    translate_marked("Document", UNKNOWN), result.number
                )
            )
            result.problems = problems
            return result
        matches = bool(cert.pdf_sha256) and cert.pdf_sha256 == digest
        if found.holds and matches:
            # Only a file whose signature holds and which is the one issued may name the member.
            result.member_name = cert.recipient.request.member.full_name
            result.recipient_name = cert.recipient.name
        result.issue_date, result.valid_until = cert.issue_date, cert.valid_until
        if not matches:
            problems.append(
                translate("Document", "{0}: this file is not the one issued as {1}").format(
                    translate_marked("Document", MISMATCH), result.number
                )
            )
        else:
            checks.append(
                translate("Document", "the file is the one issued as {0} on {1}").format(
                    result.number, format_date(cert.issue_date, language())
                )
            )
        if cert.revoked:
            when = (
                format_date(cert.revoked_at.astimezone().date(), language())
                if cert.revoked_at
                else translate("Document", "an unknown date")
            )
            problems.append(
                translate("Document", "revoked on {0} because {1}").format(
                    when, cert.revoked_reason or translate("Document", "no reason was recorded")
                )
            )
        else:
            checks.append(translate("Document", "it has not been revoked"))
        if today > cert.valid_until:
            problems.append(
                translate("Document", "expired on {0} (it was valid until {1})").format(
                    format_date(cert.valid_until + timedelta(days=1), language()),
                    format_date(cert.valid_until, language()),
                )
            )
        elif today < cert.issue_date:
            problems.append(
                translate("Document", "not yet valid: it is dated {0}").format(
                    format_date(cert.issue_date, language())
                )
            )
        else:
            checks.append(
                translate("Document", "it is valid until {0}").format(
                    format_date(cert.valid_until, language())
                )
            )
        # Replaced, and whether the register still states what the certificate states: app.document.standing
        result.standing = standing_in(session, cert.number, today)
        problems.extend(standing_problems(result.standing))
        if result.standing.compared and not result.standing.register_changed_since_issue:
            checks.append(translate("Document", "the register still states what the certificate states"))
    result.problems = problems
    result.ok = not problems
    return result


def revoke_certificate(desk: Desk, actor: Actor, number: str, reason: str) -> Certificate:
    """Revoke an issued certificate (registrar only); the reason is required and audited."""
    actor.require(Permission.REVOKE)
    reason = clean_text("reason", reason, required=True, max_length=500)
    number = number.strip().upper()
    with desk.db.write() as session:
        cert = session.execute(
            select(Certificate)
            .where(Certificate.number == number)
            .options(joinedload(Certificate.recipient).joinedload(RequestRecipient.request))
        ).scalar_one_or_none()
        if cert is None:
            raise NotFound(translate("Document", "There is no certificate {0}.").format(number))
        if cert.revoked:
            if cert.revoked_at is None:
                raise ValidationError(
                    "number", translate("Document", "{0} was already revoked earlier").format(number)
                )
            when = format_date(cert.revoked_at.astimezone().date(), language())
            raise ValidationError(
                "number", translate("Document", "{0} was already revoked on {1}").format(number, when)
            )
        cert.revoked = True
        cert.revoked_at = utcnow()
        cert.revoked_by = actor.username
        cert.revoked_reason = reason
        audit.record(
            session,
            actor,
            "certificate.revoked",
            subject=number,
            member_id=cert.recipient.request.member_id,
            before={"revoked": False},
            after={"revoked": True, "reason": reason},
        )
        session.flush()
    return cert
