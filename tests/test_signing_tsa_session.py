"""Timestamped signing over a desk's session (issue 16, its performance goal): one kept-alive connection
to the TSA, the validation data (PAdES B-LT) in the signature's own revision, and pyHanko's pre-signing
validation gathered once per key and TSA and gathered again when it falls due."""

import io
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from app.desk import Desk
from app.document import signing
from app.document.certificates import render_pdf
from app.document.signing import Signer, load_signer, sign_pdf
from app.document.verification import verify_pdf
from tests.factories import issued_certificate
from tests.signing_pki import Authority, LoopbackTsa, college_key, configure, loopback_tsa, make_root
from tests.test_certificates import sample


@pytest.fixture
def root() -> Authority:
    return make_root()


@pytest.fixture
def college(desk: Desk, root: Authority, tmp_path: Path) -> Desk:
    p12, _cert = college_key(tmp_path, root)
    configure(desk, p12, root.write_pem(tmp_path / "root.pem"))
    return desk


def _with_tsa(desk: Desk, tsa: LoopbackTsa, tmp_path: Path) -> Signer:
    desk.settings.set("signing.tsa_url", tsa.url)
    desk.settings.set("signing.tsa_root_certificate", str(tmp_path / "tsa-root.pem"))
    return load_signer(desk)


def _signature_holds(desk: Desk, pdf: bytes) -> None:
    """The file's signature is intact, ours and timestamped by the trusted TSA (the register's side of
    verify is not at issue: these files were signed without being issued)."""
    checks = verify_pdf(desk, pdf, now=datetime.now(UTC)).checks
    assert "the digital signature is intact" in checks, checks
    assert any(c.startswith("signed by ") for c in checks), checks
    assert any(c.startswith("timestamped by a trusted authority") for c in checks), checks


def test_timestamps_for_several_certificates_go_over_one_connection(college: Desk, tmp_path: Path) -> None:
    pdf = render_pdf(sample())
    with loopback_tsa(tmp_path) as tsa:
        signer = _with_tsa(college, tsa, tmp_path)
        for _ in range(4):
            sign_pdf(pdf, signer)
        # the first signature also asks for a sample token (the TSA's certificate, the token's size)
        assert tsa.requests == 5
        assert tsa.connections == 1


def test_a_connection_the_tsa_closed_while_idle_is_replaced(college: Desk, tmp_path: Path) -> None:
    pdf = render_pdf(sample())
    with loopback_tsa(tmp_path) as tsa:
        signer = _with_tsa(college, tsa, tmp_path)
        sign_pdf(pdf, signer)
        tsa.drop_connections()
        signed = sign_pdf(pdf, signer)  # the kept connection is dead: a new one, no error
        assert tsa.connections == 2
        assert tsa.requests == 3
    _signature_holds(college, signed)


def test_the_validation_data_is_in_the_signed_revision(
    college: Desk, root: Authority, tmp_path: Path
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    with loopback_tsa(tmp_path) as tsa:
        college.settings.set("signing.tsa_url", tsa.url)
        college.settings.set("signing.tsa_root_certificate", str(tmp_path / "tsa-root.pem"))
        first = issued_certificate(college)
        issued = issued_certificate(college)  # the second reuses what the first gathered
    for cert in (first, issued):
        assert cert.document is not None
        pdf = cert.document.pdf
        reader = PdfFileReader(io.BytesIO(pdf))
        [sig] = reader.embedded_signatures
        byte_range = [int(x) for x in sig.sig_object["/ByteRange"]]
        assert byte_range[2] + byte_range[3] == len(pdf)  # nothing appended after the signed content
        dss = reader.root["/DSS"]
        embedded = {bytes(ref.get_object().data) for ref in dss["/Certs"]}
        signing_der = load_signer(college).certificate_der
        assert {signing_der, root.der, tsa.root.der} <= embedded
        # and the TSA's own certificate, which only its tokens name
        assert any(der not in (signing_der, root.der, tsa.root.der) for der in embedded)
        result = verify_pdf(college, pdf, today=cert.issue_date)
        assert result.ok and result.timestamped, result.problems


def test_validation_data_is_gathered_again_once_due(
    college: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = render_pdf(sample())
    with loopback_tsa(tmp_path) as tsa:
        signer = _with_tsa(college, tsa, tmp_path)
        monkeypatch.setattr(signing, "VALIDATION_DATA_MAX_AGE", timedelta(0))
        sign_pdf(pdf, signer)
        sign_pdf(pdf, signer)
        # each signature gathered it anew: the certificates' paths validated and a sample token asked for
        assert tsa.requests == 4
        assert tsa.connections == 1  # the connection is the TSA's, not the validation data's


def test_validation_data_is_never_kept_past_a_certificate_expiry(root: Authority, tmp_path: Path) -> None:
    p12, cert = college_key(tmp_path, root, "soon.p12", not_after=timedelta(minutes=20))
    with loopback_tsa(tmp_path) as tsa:
        tsa_root = tsa.root.der
        signer = Signer(str(p12), b"pw", tsa_url=tsa.url, trust_roots=(root.der, tsa_root))
        sign_pdf(render_pdf(sample()), signer)
    signing_der = cert.public_bytes(Encoding.DER)
    [kept] = [
        p for key, p in signing._prepared.items() if key[1] == tsa.url and p.validation_info is not None
    ]
    assert kept.valid_until == cert.not_valid_after_utc.replace(microsecond=0)
    assert signer.certificate_der == signing_der


def test_threads_signing_at_once_share_the_tsa_safely(college: Desk, tmp_path: Path) -> None:
    pdfs = [render_pdf(sample()) for _ in range(6)]
    with loopback_tsa(tmp_path) as tsa:
        signer = _with_tsa(college, tsa, tmp_path)
        with ThreadPoolExecutor(3) as pool:
            signed = list(pool.map(lambda pdf: sign_pdf(pdf, signer), pdfs))
        assert tsa.connections <= 3 + 1
    for pdf in signed:
        _signature_holds(college, pdf)


def test_the_loopback_tsa_answers_as_openssl_expects_of_an_rfc_3161_tsa(tmp_path: Path) -> None:
    """The test TSA (used by the tests and the benchmark) is a real RFC 3161 responder: OpenSSL's own
    client makes the request and verifies the answer against the TSA's root."""
    import shutil
    import subprocess
    import urllib.request

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    data = tmp_path / "data.bin"
    data.write_bytes(b"a certificate's signature value")
    query = tmp_path / "request.tsq"
    subprocess.run(
        ["openssl", "ts", "-query", "-data", str(data), "-sha256", "-cert", "-out", str(query)],
        check=True,
        capture_output=True,
    )
    with loopback_tsa(tmp_path) as tsa:
        request = urllib.request.Request(
            tsa.url, data=query.read_bytes(), headers={"Content-Type": "application/timestamp-query"}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            (tmp_path / "reply.tsr").write_bytes(answer.read())
    verified = subprocess.run(
        [
            "openssl",
            "ts",
            "-verify",
            "-data",
            str(data),
            "-in",
            str(tmp_path / "reply.tsr"),
            "-CAfile",
            str(tmp_path / "tsa-root.pem"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert verified.returncode == 0 and "Verification: OK" in verified.stdout, (
        verified.stdout + verified.stderr
    )
