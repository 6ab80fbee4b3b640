"""The issuing body's digital signature on certificate PDFs (PAdES, via pyHanko).

The signing key and certificate come from a PKCS#12 file named in settings (signing.pkcs12_path) with
its passphrase in the keyring. With no file configured (demo mode) a self-signed EC P-256 demo key is
made on first use under the data folder's signing/ folder and reused after that.

pyHanko costs about 0.3 s and 40 MB to import, so it is imported by the first signature, never at
module import or to check the key. A Signer pickles as its configuration only (path and passphrase);
each process loads the key itself once and keeps it in a per-process cache keyed by the file.
"""

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.document.certificates import CertificateContent
from app.document.member_documents import draw_document
from app.document.trust import remember_signing_certificate
from app.errors import ValidationError

if TYPE_CHECKING:  # app.desk brings SQLAlchemy, which the signing worker processes need not load
    from app.desk import Desk

DEMO_FILE = "demo-signing.p12"
SIGNATURE_FIELD = "CPCSignature"

# (path, mtime_ns, size) -> loaded pyHanko signer; one per process, filled on first use.
_loaded: dict[tuple[str, int, int], Any] = {}
# (path, mtime_ns, size) -> the signing certificate (DER), read with `cryptography` alone.
_certificates: dict[tuple[str, int, int], bytes] = {}


@dataclass(frozen=True)
class Signer:
    """How to sign: a PKCS#12 file and its passphrase. Cheap to pickle; the key loads on first use.

    Checking the file and reading its certificate need only `cryptography`; pyHanko (about 40 MB and
    0.3 s to import) is loaded by the first signature, so a process that never signs never loads it.
    """

    pkcs12_path: str
    passphrase: bytes | None = field(default=None, repr=False)
    demo: bool = False
    reason: str = "Certificate of Professional Conduct issued from the register"
    location: str = ""

    def _key(self) -> tuple[str, int, int]:
        try:
            st = os.stat(self.pkcs12_path)
        except OSError:
            raise ValidationError(
                "signing.pkcs12_path", f"the signing key file {self.pkcs12_path} cannot be found"
            ) from None
        return (self.pkcs12_path, st.st_mtime_ns, st.st_size)

    def pyhanko_signer(self) -> Any:
        """The loaded pyHanko SimpleSigner (loaded once per process)."""
        key = self._key()
        signer = _loaded.get(key)
        if signer is None:
            self.check()
            signer = _load_pyhanko_signer(self.pkcs12_path, self.passphrase)
            _loaded[key] = signer
        return signer

    def check(self) -> bytes:
        """Open the key file now (a clear message if it cannot be used); returns the certificate (DER)."""
        key = self._key()
        der = _certificates.get(key)
        if der is None:
            der = _pkcs12_certificate(self.pkcs12_path, self.passphrase)
            _certificates[key] = der
        return der

    @property
    def certificate_der(self) -> bytes:
        """The signing certificate, DER-encoded: what verification compares a signature's signer with."""
        return self.check()

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.certificate_der).hexdigest()

    @property
    def subject(self) -> str:
        return str(self.pyhanko_signer().signing_cert.subject.human_friendly)


def _pkcs12_certificate(path: str, passphrase: bytes | None) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError("signing.pkcs12_path", f"cannot read {path} ({exc.strerror})") from None
    try:
        key, certificate, _chain = pkcs12.load_key_and_certificates(data, passphrase)
    except ValueError:
        raise ValidationError(
            "signing.pkcs12_path",
            f"cannot open {path}: the passphrase is wrong or the file is not a PKCS#12 key file "
            "(store the passphrase with 'settings set-password signing')",
        ) from None
    if key is None or certificate is None:
        raise ValidationError("signing.pkcs12_path", f"{path} holds no signing key and certificate")
    return certificate.public_bytes(Encoding.DER)


def _load_pyhanko_signer(path: str, passphrase: bytes | None) -> Any:
    # lazy: pyHanko costs ~0.35 s and ~40 MB; only a process that signs loads it
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12(path, passphrase=passphrase)  # type: ignore[no-untyped-call]
    if signer is None:
        raise ValidationError("signing.pkcs12_path", f"{path} holds no signing key and certificate")
    signer.signed_attr_prov_spec = _pades_signed_attributes(signer.signing_cert)
    return signer


def _pades_signed_attributes(signing_cert: Any) -> Any:
    """pyHanko's signed attributes for a PAdES baseline B signature, with the constant one encoded once.

    Besides content-type and message-digest (which pyHanko always adds), PAdES B-B signs one attribute:
    signing-certificate-v2, which names our certificate by its hash, issuer and serial number. It is
    the same for every signature made with this key, yet pyHanko's default provider builds it anew
    from the parsed certificate each time, and asn1crypto then re-encodes the certificate's whole
    issuer name at every level of the signature: about 8 of the 12 ms a signature takes. This
    provider builds it once with pyHanko's own function and hands out a fresh, unparsed copy of its
    DER encoding for each signature (asn1crypto objects must not be shared between two trees). The
    signature is byte for byte what the default provider makes; a test holds them equal.
    """
    # lazy: pyHanko (with asn1crypto) costs ~0.35 s; only a process that signs loads it
    from asn1crypto import cms
    from pyhanko.sign.attributes import CMSAttributeProvider, SignedAttributeProviderSpec
    from pyhanko.sign.general import as_signing_certificate_v2, simple_cms_attribute

    value = as_signing_certificate_v2(signing_cert)
    encoded = simple_cms_attribute("signing_certificate_v2", value).dump()  # type: ignore[no-untyped-call]

    class SigningCertificateV2(CMSAttributeProvider):
        attribute_type = "signing_certificate_v2"

        async def get_attribute(self, dry_run: bool = False) -> Any:
            return cms.CMSAttribute.load(encoded)

    class PadesBaselineB(SignedAttributeProviderSpec):
        def signed_attr_providers(self, data_digest: bytes, digest_algorithm: str) -> Any:
            yield SigningCertificateV2()

    return PadesBaselineB()


def _make_demo_pkcs12(path: Path, issuer_name: str) -> None:
    """A self-signed EC P-256 certificate for document signing, valid ten years, saved unencrypted.

    It is a demo key: anyone with the data folder can use it, which is why documents signed with it
    say DEMO. A real desk configures its own PKCS#12 file and passphrase.
    """
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, f"{issuer_name} document signing (DEMO)"[:64]),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, issuer_name[:64] or "CPC Desk demo"),
        ]
    )
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(b"cpc-desk-demo", key, cert, None, NoEncryption())
    # Several threads or processes may start on a fresh data folder at once: each writes its own temp
    # file, and os.link (which fails if the name exists) lets exactly one key become the demo key.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".demo-key-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made the demo key first; use theirs
    finally:
        os.unlink(tmp)


def load_signer(desk: "Desk") -> Signer:
    """The desk's signer: the configured PKCS#12 file, or the demo key (made on first run)."""
    # lazy: keyring costs ~60 ms; worker processes import this module and get the passphrase pickled
    from app.access import secrets

    configured = str(desk.settings.get("signing.pkcs12_path")).strip()
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise ValidationError("signing.pkcs12_path", f"the signing key file {path} cannot be found")
        secret = secrets.get_secret(secrets.SIGNING_PASSPHRASE_ENTRY)
        signer = Signer(str(path), secret.encode("utf-8") if secret else None, demo=False)
    else:
        path = desk.folder("signing") / DEMO_FILE
        if not path.exists():
            _make_demo_pkcs12(path, str(desk.settings.get("issuer.name")))
        signer = Signer(str(path), None, demo=True)
    der = signer.check()  # fail now, with a clear message, rather than at the first certificate
    remember_signing_certificate(desk, der)
    return signer


def sign_pdf(pdf: bytes, signer: Signer) -> bytes:
    """Sign `pdf` (PAdES baseline B, SHA-256) as an incremental update; returns the signed file."""
    return sign_pdf_with(pdf, signer.pyhanko_signer(), reason=signer.reason, location=signer.location)


def sign_pdf_with(pdf: bytes, loaded: Any, *, reason: str, location: str = "") -> bytes:
    """Sign `pdf` with a loaded pyHanko signer: ours (`Signer.pyhanko_signer`), or, in the benchmarks,
    pyHanko's own `SimpleSigner` with its default attribute providers."""
    # lazy: pyHanko costs ~0.35 s and ~40 MB; the batch's issuing process imports this module and never signs
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or None,
    )
    out = io.BytesIO()
    signers.sign_pdf(writer, meta, signer=loaded, output=out, bytes_reserved=_reserved_bytes(loaded))
    return out.getvalue()


def _reserved_bytes(loaded: Any) -> int:
    """Room for the CMS signature: the certificates it carries plus a margin for the signature and its
    attributes. Given up front, pyHanko need not make a trial signature to measure it (half the cost)."""
    certs = [loaded.signing_cert, *getattr(loaded, "cert_registry", [])]
    size = sum(len(c.dump()) for c in certs) + 4096
    return -(-size // 1024) * 1024


class IssuedDocument(NamedTuple):
    """A signed certificate PDF and its SHA-256 (hex); unpacks as (pdf, sha256)."""

    pdf: bytes
    sha256: str


def issue_document(content: CertificateContent, signer: Signer) -> IssuedDocument:
    """Render and sign one certificate: (signed PDF, its SHA-256 in hex, to store with the record)."""
    signed = sign_pdf(draw_document(content), signer)  # a CPC, or a copy of a registration document
    return IssuedDocument(signed, hashlib.sha256(signed).hexdigest())
