"""The issuing body's signature: demo key made once, configured PKCS#12 with its passphrase in the keyring,
PAdES signatures that pyHanko's own validator accepts."""

import hashlib
import io
import os
import pickle
import stat
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, pkcs12
from cryptography.x509.oid import NameOID

from app.access import secrets
from app.desk import Desk
from app.document.certificates import render_pdf
from app.document.signing import DEMO_FILE, Signer, issue_document, load_signer, sign_pdf
from app.errors import ValidationError
from tests.test_certificates import sample


def validate(signed: bytes, trusted_der: bytes) -> object:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(signed))
    assert len(reader.embedded_signatures) == 1
    sig = reader.embedded_signatures[0]
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    context = ValidationContext(trust_roots=[asn1_x509.Certificate.load(trusted_der)], allow_fetching=False)
    return validate_pdf_signature(sig, context)


def make_pkcs12(path: Path, passphrase: bytes, common_name: str = "Test College document signing") -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .sign(key, hashes.SHA256())
    )
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(b"test", key, cert, None, BestAvailableEncryption(passphrase))
    )
    # self-signed: the certificate is its own root (what signing.root_certificate names)
    path.with_suffix(".pem").write_bytes(cert.public_bytes(Encoding.PEM))


def test_demo_key_is_made_once_and_kept_private(desk: Desk) -> None:
    first = load_signer(desk)
    path = desk.folder("signing") / DEMO_FILE
    assert first.demo and Path(first.pkcs12_path) == path
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    second = load_signer(desk)
    assert second.fingerprint == first.fingerprint
    assert "DEMO" in first.subject


def test_signed_pdf_validates_with_pyhanko(desk: Desk) -> None:
    signer = load_signer(desk)
    unsigned = render_pdf(sample())
    signed = sign_pdf(unsigned, signer)
    assert signed.startswith(unsigned)  # an incremental update: the rendered page is untouched
    status = validate(signed, signer.certificate_der)
    assert status.intact and status.valid and status.trusted  # type: ignore[attr-defined]
    assert status.coverage.name == "ENTIRE_FILE"  # type: ignore[attr-defined]
    assert status.bottom_line  # type: ignore[attr-defined]


def test_issue_document_returns_the_hash_of_the_signed_file(desk: Desk) -> None:
    signer = load_signer(desk)
    pdf, digest = issue_document(sample(), signer)
    assert digest == hashlib.sha256(pdf).hexdigest()
    issued = issue_document(sample(), signer)
    assert issued.pdf.startswith(b"%PDF-") and issued.sha256 == hashlib.sha256(issued.pdf).hexdigest()


def test_configured_pkcs12_uses_the_passphrase_from_the_keyring(desk: Desk, tmp_path: Path) -> None:
    p12 = tmp_path / "college.p12"
    make_pkcs12(p12, b"correct horse")
    desk.settings.set("signing.root_certificate", str(p12.with_suffix(".pem")))
    desk.settings.set("signing.pkcs12_path", str(p12))
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, "correct horse")
    signer = load_signer(desk)
    assert not signer.demo
    assert signer.subject == "CN=Test College document signing"
    status = validate(sign_pdf(render_pdf(sample()), signer), signer.certificate_der)
    assert status.intact and status.trusted  # type: ignore[attr-defined]
    # No demo key is made when a real one is configured.
    assert not (desk.folder("signing") / DEMO_FILE).exists()


def test_wrong_passphrase_or_missing_file_is_a_clear_error(desk: Desk, tmp_path: Path) -> None:
    p12 = tmp_path / "college.p12"
    make_pkcs12(p12, b"correct horse")
    desk.settings.set("signing.pkcs12_path", str(p12))
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, "battery staple")
    with pytest.raises(ValidationError) as raised:
        load_signer(desk)
    assert raised.value.field == "signing.pkcs12_path"
    assert "passphrase is wrong" in str(raised.value)
    desk.settings.set("signing.pkcs12_path", str(tmp_path / "nowhere.p12"))
    with pytest.raises(ValidationError) as raised:
        load_signer(desk)
    assert "cannot be found" in str(raised.value)


def test_signer_pickles_without_its_key(desk: Desk) -> None:
    signer = load_signer(desk)
    data = pickle.dumps(signer)
    # the configuration and the root certificate(s) its chain is checked against, never the key
    assert b"PRIVATE" not in data and len(data) < 2500
    assert pickle.loads(data).fingerprint == signer.fingerprint


def _sign_in_worker(signer: Signer) -> bytes:
    return issue_document(sample(), signer).pdf


def test_a_worker_process_loads_its_own_key_and_signs(desk: Desk) -> None:
    signer = load_signer(desk)
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        signed = pool.submit(_sign_in_worker, signer).result(timeout=120)
    status = validate(signed, signer.certificate_der)
    assert status.intact and status.trusted  # type: ignore[attr-defined]


def test_a_key_issued_by_a_ca_signs_with_its_chain(desk: Desk, tmp_path: Path) -> None:
    """A PKCS#12 with a CA chain: the reserved signature room holds every certificate it carries."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Root CA " + "R" * 40)])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=60))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "College signing")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .sign(ca_key, hashes.SHA256())
    )
    p12 = tmp_path / "chain.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(b"college", key, leaf, [ca], BestAvailableEncryption(b"pw"))
    )
    desk.settings.set("signing.pkcs12_path", str(p12))
    (tmp_path / "root.pem").write_bytes(ca.public_bytes(Encoding.PEM))
    desk.settings.set("signing.root_certificate", str(tmp_path / "root.pem"))
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, "pw")
    signer = load_signer(desk)
    signed = sign_pdf(render_pdf(sample()), signer)

    status = validate(signed, ca.public_bytes(Encoding.DER))
    assert status.intact and status.valid and status.trusted  # type: ignore[attr-defined]


def test_signed_attributes_are_those_pyhanko_makes_by_default(desk: Desk, tmp_path: Path) -> None:
    """The product's signer hands pyHanko a pre-encoded signing-certificate-v2 attribute (for speed):
    the signed attributes must be exactly the ones pyHanko's own PAdES defaults produce, for the demo
    key and for a configured one, and so must the attributes inside a signed file."""
    import asyncio

    from asn1crypto import cms
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers

    p12 = tmp_path / "college.p12"
    make_pkcs12(p12, b"pw", common_name="Collège des médecins — signature")
    configured = Signer(str(p12), b"pw")
    for signer in (load_signer(desk), configured):
        ours = signer.pyhanko_signer()
        plain = signers.SimpleSigner.load_pkcs12(signer.pkcs12_path, passphrase=signer.passphrase)
        assert plain is not None and plain.signed_attr_prov_spec is None
        for data in (b"", b"one certificate", os.urandom(64)):
            digest = hashlib.sha256(data).digest()

            async def both(ours: Any, plain: Any, digest: bytes) -> tuple[bytes, bytes]:
                mine = await ours.signed_attrs(digest, "sha256", use_pades=True)
                default = await plain.signed_attrs(digest, "sha256", use_pades=True)
                return mine.dump(), default.dump()

            mine, default = asyncio.run(both(ours, plain, digest))
            assert mine == default
            types = [a["type"].native for a in cms.CMSAttributes.load(mine)]
            assert types == ["content_type", "message_digest", "signing_certificate_v2"]

        signed = sign_pdf(render_pdf(sample()), signer)
        embedded = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
        info = embedded.signer_info
        ess = [a for a in info["signed_attrs"] if a["type"].native == "signing_certificate_v2"]
        expected = hashlib.sha256(signer.certificate_der).digest()
        assert [e["cert_hash"].native for e in ess[0]["values"][0]["certs"]] == [expected]
        for _ in range(2):  # the pre-encoded attribute is handed out fresh each time: no shared state
            again = sign_pdf(render_pdf(sample()), signer)
            assert validate(again, signer.certificate_der).bottom_line  # type: ignore[attr-defined]
