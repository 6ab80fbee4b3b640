"""Checking a certificate PDF (signature, register record, revocation, validity) and revoking certificates.

A file passes only when every check holds: the PAdES signature is intact, covers the whole file and was
made by this desk's signing certificate; the certificate number is on record and the file is byte for
byte the one issued (SHA-256); it is not revoked; and the day of checking is within its validity.
Each failure is reported in words a registrar's staff can read out to the caller.
"""

import argparse
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.access.staff import Actor, Permission
from app.document.certificates import KEYWORDS_RE
from app.document.disclosure import format_date
from app.errors import NotFound, ValidationError
from app.store.models import Certificate, CertificateRequest, RequestRecipient, utcnow

if TYPE_CHECKING:
    from app.desk import Desk

TRUSTED_CERTS_FILE = "signing-certificates.pem"

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

    @property
    def summary(self) -> str:
        if self.ok:
            return f"Certificate {self.number} is genuine and valid."
        what = f"Certificate {self.number}" if self.number else "This file"
        return f"{what} is NOT valid: " + "; ".join(self.problems) + "."


def _pem(der: bytes) -> str:
    import base64

    body = base64.encodebytes(der).decode("ascii").replace("\n", "")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(lines) + "\n-----END CERTIFICATE-----\n"


def remember_signing_certificate(desk: "Desk", der: bytes) -> None:
    """Keep every signing certificate this desk has used, so certificates signed before a key change
    still verify. Only certificates go here, never keys."""
    path = desk.folder("signing") / TRUSTED_CERTS_FILE
    known = trusted_signing_certificates(desk, load_current=False)
    if der not in known:
        with path.open("a", encoding="ascii") as fh:
            fh.write(_pem(der))


def trusted_signing_certificates(desk: "Desk", *, load_current: bool = True) -> list[bytes]:
    """DER of every signing certificate this desk accepts (the current one first when loaded)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    path = desk.folder("signing") / TRUSTED_CERTS_FILE
    known: list[bytes] = []
    if path.exists():
        known = [c.public_bytes(Encoding.DER) for c in x509.load_pem_x509_certificates(path.read_bytes())]
    if load_current and not known:
        from app.document.signing import load_signer

        current = load_signer(desk).certificate_der
        remember_signing_certificate(desk, current)
        known = [current]
    return known


def _signature_findings(data: bytes, trusted: list[bytes]) -> tuple[list[str], list[str], Any]:
    """(problems, checks, reader) for the file's digital signature."""
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


def verify_pdf(desk: "Desk", data: bytes, today: date | None = None) -> VerificationResult:
    """Check one certificate file; `today` is the issuing body's local date (default: today)."""
    today = today or date.today()
    if not data.lstrip()[:5] == b"%PDF-":
        return VerificationResult(False, problems=["not a PDF file"])
    problems, checks, reader = _signature_findings(data, trusted_signing_certificates(desk))
    number = _number_in_file(reader)
    if not number:
        # A damaged file may still name its number in the (uncompressed) document information.
        raw = re.search(rb"cpc-number=(CPC-\d{4}-\d{6})", data)
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
    result.problems = problems
    result.ok = not problems
    return result


def cli_verify(args: argparse.Namespace, desk: "Desk") -> int:
    """`verify FILE.pdf`: print each finding; exit 0 only when every check holds (1 otherwise)."""
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("file", f"cannot read {path} ({exc.strerror})") from None
    result = verify_pdf(desk, data)
    print(f"File: {path}")
    if result.number:
        who = f" for {result.member_name}" if result.member_name else ""
        to = f", addressed to {result.recipient_name}" if result.recipient_name else ""
        print(f"Certificate: {result.number}{who}{to}")
    for check in result.checks:
        print(f"  ok      {check}")
    for problem in result.problems:
        print(f"  FAILED  {problem}")
    print("Result: VALID - every check holds." if result.ok else "Result: NOT VALID.")
    return 0 if result.ok else 1


def revoke_certificate(desk: "Desk", actor: Actor, number: str, reason: str) -> Certificate:
    """Revoke an issued certificate (registrar only); the reason is required and audited."""
    from app.audit import trail as audit
    from app.register.text import clean_text

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


def cli_revoke(args: argparse.Namespace, desk: "Desk") -> int:
    """`certificates revoke NUMBER --reason TEXT`, as the desk's actor (the OS user when headless)."""
    cert = revoke_certificate(desk, desk.actor, args.number, args.reason)
    when = cert.revoked_at.astimezone().strftime("%Y-%m-%d %H:%M") if cert.revoked_at else ""
    print(f"Revoked {cert.number} at {when} because {cert.revoked_reason}")
    return 0
