"""The College's signing trust: which signing certificates the register holds, whether a key is fit to
sign, and what a desk trusts at a given time.

The signing certificates (with their chain and the period each was in use) live in the database
(`signing_certificate`), so every desk and the verification service on one register trust the same
ones. A database writer could add a certificate of their own, so the anchor is held elsewhere: the
College's root (CA) certificate named by the desk's own settings file (`signing.root_certificate`), and
a stored certificate counts only when its chain leads to that root. With no root configured (the demo)
the demo CA stored with the demo certificate is trusted, and everything signed says DEMO.

Only certificates live here, never keys. Below both signing and verification; `cryptography` only
(pyHanko is for making and checking signatures).
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from app.errors import ValidationError
from app.i18n import translate

if TYPE_CHECKING:  # app.desk brings SQLAlchemy, which the signing worker processes need not load
    from sqlalchemy.orm import Session

    from app.desk import Desk

ROOT_SETTING = "signing.root_certificate"
TSA_ROOT_SETTING = "signing.tsa_root_certificate"
MIN_RSA_BITS = 2048
# Desks' clocks differ a little; a signature this close after a certificate was retired still counts.
CLOCK_SLACK = timedelta(minutes=10)


def fingerprint(der: bytes) -> str:
    """SHA-256 of a certificate's DER encoding, hex: the name the College publishes for it."""
    return hashlib.sha256(der).hexdigest()


def spaced_fingerprint(der_or_hex: bytes | str) -> str:
    """The fingerprint as printed for people: upper-case pairs separated by colons."""
    hexed = fingerprint(der_or_hex) if isinstance(der_or_hex, bytes) else der_or_hex
    return ":".join(hexed[i : i + 2] for i in range(0, len(hexed), 2)).upper()


# a signature's CMS is the only long hex string in a certificate PDF
_CONTENTS_RE = re.compile(rb"/Contents\s*<([0-9A-Fa-f]{256,})>")


def _der_length(data: bytes) -> int:
    """The length of the DER element at the start of `data` (header included)."""
    if len(data) < 2:
        raise ValueError("too short")
    first = data[1]
    if first < 0x80:
        return 2 + first
    count = first & 0x7F
    return 2 + count + int.from_bytes(data[2 : 2 + count], "big")


def signing_fingerprint_of(pdf: bytes) -> str:
    """SHA-256 (hex) of the certificate that made the first signature in a signed PDF, read with
    `cryptography` alone ("" when there is none). For the email, which quotes it beside the file."""
    from cryptography.hazmat.primitives.serialization import pkcs7

    match = _CONTENTS_RE.search(pdf)
    if match is None:
        return ""
    try:
        raw = bytes.fromhex(match.group(1).decode("ascii"))
        certs = pkcs7.load_der_pkcs7_certificates(raw[: _der_length(raw)])
    except ValueError:
        return ""
    leaves = [c for c in certs if not _is_ca(c)]
    return fingerprint(leaves[0].public_bytes(Encoding.DER)) if leaves else ""


def to_pem(der: bytes) -> str:
    return x509.load_der_x509_certificate(der).public_bytes(Encoding.PEM).decode("ascii")


def read_certificates(field: str, path: str | Path) -> list[x509.Certificate]:
    """The certificates in a PEM (one or more) or DER file; a clear error naming `field` otherwise."""
    try:
        data = Path(path).expanduser().read_bytes()
    except OSError as exc:
        raise ValidationError(
            field, translate("Document", "cannot read {0} ({1})").format(path, exc.strerror)
        ) from None
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise ValidationError(
            field, translate("Document", "{0} holds no certificate (PEM or DER expected)").format(path)
        ) from None


def configured_root(desk: "Desk") -> x509.Certificate | None:
    """The College's root certificate named in this desk's settings (outside the database), or None."""
    path = str(desk.settings.get(ROOT_SETTING)).strip()
    if not path:
        return None
    return read_certificates(ROOT_SETTING, path)[0]


def configured_tsa_roots(desk: "Desk") -> list[x509.Certificate]:
    """The time-stamping authorities' root certificates this desk trusts for a signature's time."""
    path = str(desk.settings.get(TSA_ROOT_SETTING)).strip()
    return read_certificates(TSA_ROOT_SETTING, path) if path else []


def _day(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d")


def chain_to_root(
    cert: x509.Certificate, chain: list[x509.Certificate], root: x509.Certificate, at: datetime
) -> str:
    """ "" when `cert` chains (through `chain`) to `root`, each issuer signing the next and valid at `at`;
    otherwise why not, in words."""
    root_der = root.public_bytes(Encoding.DER)
    current = cert
    pool = [c for c in chain if c.public_bytes(Encoding.DER) != cert.public_bytes(Encoding.DER)] + [root]
    for _depth in range(8):
        if current.public_bytes(Encoding.DER) == root_der:
            return ""
        issuers = [c for c in pool if c.subject == current.issuer and c is not current]
        for issuer in issuers:
            try:
                current.verify_directly_issued_by(issuer)
            except (ValueError, TypeError, InvalidSignature):
                continue
            if issuer.public_bytes(Encoding.DER) != root_der:
                if not _is_ca(issuer):
                    return translate("Document", "{0} in its chain is not a certificate authority").format(
                        _name(issuer)
                    )
                if not issuer.not_valid_before_utc <= at <= issuer.not_valid_after_utc:
                    return translate("Document", "{0} in its chain is not valid on {1}").format(
                        _name(issuer), _day(at)
                    )
            current = issuer
            break
        else:
            return translate("Document", "its chain does not lead to the configured root ({0})").format(
                _name(root)
            )
    return translate("Document", "its chain does not lead to the configured root ({0})").format(_name(root))


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


def unfit_reason(
    cert: x509.Certificate, chain: list[x509.Certificate], root: x509.Certificate | None, at: datetime
) -> str:
    """Why this certificate's key must not sign at `at` ("" when it may): expired, not yet valid, no
    digital-signature key usage, a weak key, or a chain that does not lead to the root."""
    if at > cert.not_valid_after_utc:
        return translate("Document", "the signing certificate expired on {0}").format(
            _day(cert.not_valid_after_utc)
        )
    if at < cert.not_valid_before_utc:
        return translate("Document", "the signing certificate is not valid until {0}").format(
            _day(cert.not_valid_before_utc)
        )
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        signs = usage.digital_signature or usage.content_commitment
    except x509.ExtensionNotFound:
        signs = False
    if not signs:
        return translate(
            "Document",
            "the signing certificate does not allow digital signatures (no digitalSignature key usage)",
        )
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey) and key.key_size < MIN_RSA_BITS:
        return translate(
            "Document", "the signing key is too weak (RSA {0} bits; at least {1} needed)"
        ).format(key.key_size, MIN_RSA_BITS)
    if root is None:
        return translate(
            "Document", "no College root certificate is configured (setting signing.root_certificate)"
        )
    return chain_to_root(cert, chain, root, at)


def check_fit(
    field: str,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    root: x509.Certificate | None,
    at: datetime | None = None,
) -> None:
    """Raise ValidationError(field, why) when the key may not sign now."""
    reason = unfit_reason(cert, chain, root, at or datetime.now(UTC))
    if reason:
        raise ValidationError(field, translate("Document", "this key cannot sign: {0}").format(reason))


def register_signing_certificate(
    session: "Session", der: bytes, chain: list[bytes], *, demo: bool, added_by: str
) -> bool:
    """Record a signing certificate (and its chain) in the register, once; True when it was new.

    A new College certificate starts its period of use now and ends the period of the one before it
    (a rollover: the old one stays trusted for what it signed while it was in use). Demo certificates
    (one per demo desk) end nothing.
    """
    from sqlalchemy import select

    from app.store.models import SigningCertificate

    fp = fingerprint(der)
    if session.execute(select(SigningCertificate.id).where(SigningCertificate.fingerprint == fp)).first():
        return False
    now = datetime.now(UTC)
    if not demo:
        for previous in session.scalars(
            select(SigningCertificate).where(
                SigningCertificate.demo.is_(False), SigningCertificate.in_use_until.is_(None)
            )
        ):
            previous.in_use_until = now
    cert = x509.load_der_x509_certificate(der)
    session.add(
        SigningCertificate(
            fingerprint=fp,
            subject=cert.subject.rfc4514_string()[:500],
            certificate=der,
            chain_pem="".join(to_pem(c) for c in chain),
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            in_use_from=now,
            demo=demo,
            added_by=added_by,
        )
    )
    session.flush()
    return True


@dataclass(frozen=True)
class StoredCertificate:
    """A signing certificate from the register, with its chain and period of use."""

    der: bytes
    chain: tuple[bytes, ...]
    in_use_from: datetime
    in_use_until: datetime | None
    demo: bool

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.der)

    def in_use_at(self, when: datetime) -> bool:
        return self.in_use_until is None or when <= self.in_use_until + CLOCK_SLACK


@dataclass(frozen=True)
class Trust:
    """What a desk trusts: the roots (from outside the database, or the demo CA) and the register's
    signing certificates that chain to them."""

    roots: tuple[bytes, ...]
    certificates: tuple[StoredCertificate, ...]
    demo: bool

    def find(self, der: bytes) -> StoredCertificate | None:
        return next((c for c in self.certificates if c.der == der), None)

    @property
    def intermediates(self) -> list[bytes]:
        return [d for c in self.certificates for d in c.chain if d not in self.roots]


def _stored(desk: "Desk") -> list[StoredCertificate]:
    from sqlalchemy import select

    from app.store.models import SigningCertificate

    t = SigningCertificate
    # Only the columns trust needs: the verification service's database role may read no others.
    query = select(t.certificate, t.chain_pem, t.in_use_from, t.in_use_until, t.demo).order_by(t.in_use_from)
    with desk.db.read() as session:
        rows = session.execute(query).all()
        return [
            StoredCertificate(
                der=row.certificate,
                chain=tuple(
                    c.public_bytes(Encoding.DER)
                    for c in x509.load_pem_x509_certificates(row.chain_pem.encode())
                )
                if row.chain_pem
                else (),
                in_use_from=row.in_use_from,
                in_use_until=row.in_use_until,
                demo=row.demo,
            )
            for row in rows
        ]


def trust_at(desk: "Desk", when: datetime | None = None) -> Trust:
    """The trusted roots and signing certificates, limited to those in use at `when` (all when None).

    With a configured root only non-demo certificates whose chain leads to that root (checked here, not
    taken from the database's word) are trusted; with none (the demo) the demo certificates and the demo
    CA stored with them.
    """
    root = configured_root(desk)
    stored = _stored(desk)
    if when is not None:
        stored = [c for c in stored if c.in_use_at(when)]
    if root is None:
        demo = [c for c in stored if c.demo]
        roots = tuple(dict.fromkeys(c.chain[-1] for c in demo if c.chain))
        return Trust(roots=roots, certificates=tuple(demo), demo=True)
    trusted = []
    for c in stored:
        if c.demo:
            continue
        cert = x509.load_der_x509_certificate(c.der)
        chain = [x509.load_der_x509_certificate(d) for d in c.chain]
        if not chain_to_root(cert, chain, root, cert.not_valid_before_utc + timedelta(seconds=1)):
            trusted.append(c)
    return Trust(roots=(root.public_bytes(Encoding.DER),), certificates=tuple(trusted), demo=False)


def current_signing_fingerprint(desk: "Desk") -> str | None:
    """SHA-256 (hex) of the College's current signing certificate: the newest trusted one still in use,
    or None when the register holds none. The verification page and the audit trail quote it."""
    current = [c for c in trust_at(desk).certificates if c.in_use_until is None]
    return current[-1].fingerprint if current else None


def trusted_certificates_at(desk: "Desk", when: datetime) -> list[bytes]:
    """DER of the signing certificates trusted for a signature made at `when`."""
    return [c.der for c in trust_at(desk, when).certificates]
