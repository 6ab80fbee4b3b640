"""Checking a certificate PDF (signature, register record, revocation, validity) and revoking certificates.

A file passes only when every check holds: the PAdES signature is intact, covers the whole file and was
made by this desk's signing certificate; the certificate number is on record and the file is byte for
byte the one issued (SHA-256); it is not revoked; and the day of checking is within its validity.
Each failure is reported in words a registrar's staff can read out to the caller.
"""

import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.document.certificates import KEYWORDS_RE
from app.document.disclosure import format_date
from app.document.signing import load_signer
from app.document.standing import Standing, standing_in, standing_problems
from app.document.trust import known_signing_certificates
from app.errors import NotFound, ValidationError
from app.register.text import clean_text
from app.store.models import Certificate, CertificateRequest, RequestRecipient, utcnow

ALTERED = "altered after signing"
NOT_OURS = "not signed by this College's signing certificate"
UNKNOWN = "unknown certificate number"
MISMATCH = "does not match the issued certificate"


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

    @property
    def summary(self) -> str:
        if self.ok:
            return f"Certificate {self.number} is genuine and valid."
        what = f"Certificate {self.number}" if self.number else "This file"
        return f"{what} is NOT valid: " + "; ".join(self.problems) + "."


def trusted_signing_certificates(desk: Desk) -> list[bytes]:
    """DER of every signing certificate this desk accepts; on a desk that has signed nothing yet, the
    current one (loading the signer adds it to the trusted list)."""
    return known_signing_certificates(desk) or [load_signer(desk).certificate_der]


def _signature_findings(data: bytes, trusted: list[bytes]) -> tuple[list[str], list[str], Any]:
    """(problems, checks, reader) for the file's digital signature."""
    # lazy: pyHanko (with asn1crypto) costs ~0.35 s and ~40 MB; only checking a signature needs it
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    problems: list[str] = []
    checks: list[str] = []
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - a damaged file raises many kinds; the finding is what matters
        return [f"{ALTERED}: the file is damaged and cannot be read as a PDF"], checks, None
    if not signatures:
        return ["not signed: the file carries no digital signature"], checks, reader
    roots = [asn1_x509.Certificate.load(der) for der in trusted]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    sig = signatures[-1]
    try:
        status = validate_pdf_signature(sig, context)
    except Exception:  # noqa: BLE001 - pyHanko raises several kinds for a broken signature
        return [f"{ALTERED}: the digital signature cannot be checked against the file"], checks, reader
    if not (status.intact and status.valid):
        problems.append(f"{ALTERED}: the file's content no longer matches its digital signature")
    else:
        checks.append("the digital signature is intact")
    cover = getattr(status.coverage, "name", "")
    if len(signatures) > 1 or cover != "ENTIRE_FILE":
        problems.append(f"{ALTERED}: content was added to the file after it was signed")
    signer_der = bytes(status.signing_cert.dump())
    if signer_der not in trusted:
        problems.append(f"{NOT_OURS} (it was signed by {status.signing_cert.subject.human_friendly})")
    else:
        checks.append(f"signed by {status.signing_cert.subject.human_friendly}")
    return problems, checks, reader


def _number_in_file(reader: Any) -> str:
    if reader is None:
        return ""
    try:
        info = reader.trailer_view["/Info"]
        keywords = str(info["/Keywords"])
    except Exception:  # noqa: BLE001 - a malformed info dictionary just means no number found
        return ""
    match = KEYWORDS_RE.search(keywords)
    return match.group(1) if match else ""


def verify_pdf(desk: Desk, data: bytes, today: date | None = None) -> VerificationResult:
    """Check one certificate file; `today` is the issuing body's local date (default: today)."""
    today = today or date.today()
    if not data.lstrip()[:5] == b"%PDF-":
        return VerificationResult(False, problems=["not a PDF file"])
    problems, checks, reader = _signature_findings(data, trusted_signing_certificates(desk))
    number = _number_in_file(reader)
    if not number:
        # A damaged file may still name its number in the (uncompressed) document information.
        raw = re.search(rb"cpc-number=((?:CPC|REG|CARD|DIP)-\d{4}-\d{6})", data)
        number = raw.group(1).decode("ascii") if raw else ""
    result = VerificationResult(False, number=number, checks=checks)
    if not result.number:
        problems.append(f"{UNKNOWN}: the file names no certificate number of this College")
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
            problems.append(f"{UNKNOWN}: {result.number} is not on record")
            result.problems = problems
            return result
        result.member_name = cert.recipient.request.member.full_name
        result.recipient_name = cert.recipient.name
        result.issue_date, result.valid_until = cert.issue_date, cert.valid_until
        if not cert.pdf_sha256 or cert.pdf_sha256 != digest:
            problems.append(f"{MISMATCH}: this file is not the one issued as {result.number}")
        else:
            checks.append(f"the file is the one issued as {result.number} on {format_date(cert.issue_date)}")
        if cert.revoked:
            when = format_date(cert.revoked_at.astimezone().date()) if cert.revoked_at else "an unknown date"
            problems.append(f"revoked on {when} because {cert.revoked_reason or 'no reason was recorded'}")
        else:
            checks.append("it has not been revoked")
        if today > cert.valid_until:
            problems.append(
                f"expired on {format_date(cert.valid_until + timedelta(days=1))} "
                f"(it was valid until {format_date(cert.valid_until)})"
            )
        elif today < cert.issue_date:
            problems.append(f"not yet valid: it is dated {format_date(cert.issue_date)}")
        else:
            checks.append(f"it is valid until {format_date(cert.valid_until)}")
        # Replaced, and whether the register still states what the certificate states: app.document.standing
        result.standing = standing_in(session, cert.number, today)
        problems.extend(standing_problems(result.standing))
        if result.standing.compared and not result.standing.register_changed_since_issue:
            checks.append("the register still states what the certificate states")
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
            raise NotFound(f"There is no certificate {number}.")
        if cert.revoked:
            when = format_date(cert.revoked_at.astimezone().date()) if cert.revoked_at else "earlier"
            raise ValidationError("number", f"{number} was already revoked on {when}")
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
