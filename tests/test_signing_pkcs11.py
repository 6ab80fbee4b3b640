"""Issue 16 item 4: the signing key in a PKCS#11 token (SoftHSMv2): found by module, token and key label,
its PIN held for the session only (or read with --pin-stdin), signatures that pyHanko and poppler's
pdfsig both validate."""

import io
import shutil
import subprocess
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.access import secrets
from app.desk import Desk
from app.document.signing import load_signer
from app.document.verification import verify_pdf
from app.errors import ValidationError
from app.store.models import Certificate
from tests.cli_runner import cli_command, cli_stdin, run_cli
from tests.factories import issued_certificate
from tests.signing_pki import Authority, issue, make_root
from tests.softhsm import Token, configure_softhsm, make_token, softhsm_module


@dataclass(frozen=True)
class Tokens:
    root: Authority
    signing: Token  # a College key, fit to sign
    pin_test: Token  # used only by the PIN test: once a token is signed in, any session of it is
    expired: Token  # a College key whose certificate expired yesterday


@pytest.fixture(scope="session")
def tokens(tmp_path_factory: pytest.TempPathFactory) -> Tokens:
    """Every token of the run, made before the PKCS#11 module is first loaded: SoftHSM reads its list
    of tokens once, when a process first initialises it."""
    module = softhsm_module()
    if module is None:
        pytest.skip("SoftHSMv2 is not installed (apt-get install softhsm2; .ci/run installs it)")
    pytest.importorskip("pkcs11")
    work = tmp_path_factory.mktemp("softhsm")
    configure_softhsm(work)
    root = make_root()
    fit = lambda key: issue(root, key=key)[0]  # noqa: E731
    old = lambda key: issue(root, key=key, not_before=timedelta(days=-90), not_after=timedelta(days=-1))[0]  # noqa: E731
    return Tokens(
        root, make_token(module, work, fit), make_token(module, work, fit), make_token(module, work, old)
    )


@pytest.fixture
def root(tokens: Tokens) -> Authority:
    return tokens.root


@pytest.fixture
def token(tokens: Tokens) -> Token:
    return tokens.signing


def _use_token(desk: Desk, token: Token, root_pem: Path) -> None:
    desk.settings.set("signing.root_certificate", str(root_pem))
    desk.settings.set("signing.pkcs11_module", token.module)
    desk.settings.set("signing.pkcs11_token", token.label)
    desk.settings.set("signing.pkcs11_key", token.key_label)


def test_a_certificate_signed_in_the_token_validates_with_pyhanko_and_pdfsig(
    desk: Desk, token: Token, root: Authority, tmp_path: Path
) -> None:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    _use_token(desk, token, root.write_pem(tmp_path / "root.pem"))
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, token.pin, session_only=True)
    signer = load_signer(desk)
    assert signer.uses_token and "pin" not in repr(signer).lower()
    cert = issued_certificate(desk)
    assert cert.document is not None
    pdf = cert.document.pdf
    [sig] = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    status = validate_pdf_signature(
        sig, ValidationContext(trust_roots=[asn1_x509.Certificate.load(root.der)], allow_fetching=False)
    )
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert verify_pdf(desk, pdf, today=cert.issue_date).ok
    # poppler's pdfsig, with an NSS database that trusts the College root (no -no-ocsp: poppler 22 then
    # reports a generic error; the certificates name no OCSP responder, so nothing is fetched)
    if shutil.which("pdfsig") is None or shutil.which("certutil") is None:
        pytest.skip("pdfsig (poppler-utils) or certutil (libnss3-tools) is not installed")
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(
        ["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, capture_output=True
    )
    subprocess.run(
        [
            "certutil",
            "-A",
            "-d",
            f"sql:{nss}",
            "-n",
            "college-root",
            "-t",
            "CT,C,C",
            "-i",
            str(tmp_path / "root.pem"),
        ],
        check=True,
        capture_output=True,
    )
    path = tmp_path / "signed.pdf"
    path.write_bytes(pdf)

    out = subprocess.run(
        ["pdfsig", "-nssdir", f"sql:{nss}", str(path)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert "Signature Validation: Signature is Valid." in out, out
    assert "Certificate Validation: Certificate is Trusted." in out, out


def test_the_pin_is_needed_named_and_never_written(
    desk: Desk, database_url: str, tokens: Tokens, root: Authority, tmp_path: Path
) -> None:
    token = tokens.pin_test
    _use_token(desk, token, root.write_pem(tmp_path / "root.pem"))
    with pytest.raises(ValidationError) as raised:
        load_signer(desk)
    assert raised.value.field == "signing.pin" and "--pin-stdin" in raised.value.message
    # A wrong PIN, in a process of its own (a token signed in stays signed in for the whole process):
    # one sentence naming the problem, exit status 2, nothing issued.
    requests = _requests_file(desk, tmp_path)
    argv = ["--data-dir", str(desk.data_dir), "--database-url", database_url, "--pin-stdin", "batch"]
    done = subprocess.run(
        cli_command([*argv, str(requests), "--out", str(tmp_path / "out"), "--workers", "1"]),
        input=cli_stdin("000000\n"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "signing.pin: token" in done.stderr and "refused the PIN" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr and "000000" not in done.stdout + done.stderr
    assert not list((tmp_path / "out").glob("*.pdf")) if (tmp_path / "out").exists() else True
    with desk.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 0
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, token.pin, session_only=True)
    load_signer(desk)
    for path in desk.data_dir.rglob("*"):
        if path.is_file():
            assert token.pin.encode() not in path.read_bytes(), path


def _requests_file(desk: Desk, tmp_path: Path) -> Path:
    from tests.factories import make_member

    with desk.db.write() as session:
        cpso = make_member(session).cpso_number
    requests = tmp_path / "requests.csv"
    requests.write_text(
        "cpso_number,institution_type,institution_name,street1,city,state,country,postal_code,email,"
        "consent_method,consent_date\n"
        f"{cpso},Hospital,Toronto General Hospital,200 Elizabeth Street,Toronto,ON,CA,M5G 2C4,"
        "credentials@tgh.example.org,phone,2026-11-30\n",
        encoding="utf-8",
    )
    return requests


def test_a_wrong_key_label_or_token_is_named(
    desk: Desk, token: Token, root: Authority, tmp_path: Path
) -> None:
    _use_token(desk, token, root.write_pem(tmp_path / "root.pem"))
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, token.pin, session_only=True)
    desk.settings.set("signing.pkcs11_key", "no-such-key")
    with pytest.raises(ValidationError) as raised:
        load_signer(desk)
    assert raised.value.field == "signing.pkcs11_key" and "no-such-key" in raised.value.message
    desk.settings.set("signing.pkcs11_key", token.key_label)
    desk.settings.set("signing.pkcs11_token", "no-such-token")
    with pytest.raises(ValidationError) as missing:
        load_signer(desk)
    assert missing.value.field == "signing.pkcs11_token"


def test_an_expired_key_in_the_token_is_refused(
    desk: Desk, tokens: Tokens, root: Authority, tmp_path: Path
) -> None:
    _use_token(desk, tokens.expired, root.write_pem(tmp_path / "root.pem"))
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, tokens.expired.pin, session_only=True)
    with pytest.raises(ValidationError, match="this key cannot sign: the signing certificate expired on"):
        load_signer(desk)


def test_a_headless_batch_reads_the_pin_from_stdin(
    desk: Desk,
    database_url: str,
    token: Token,
    root: Authority,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _use_token(desk, token, root.write_pem(tmp_path / "root.pem"))
    requests = _requests_file(desk, tmp_path)
    base = ["--data-dir", str(desk.data_dir), "--database-url", database_url]
    out_dir = tmp_path / "out"
    code = run_cli(
        [*base, "--pin-stdin", "batch", str(requests), "--out", str(out_dir), "--workers", "1"],
        stdin=token.pin + "\n",
    )
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err
    [pdf] = list(out_dir.glob("*.pdf"))
    assert verify_pdf(desk, pdf.read_bytes()).ok
    assert token.pin not in captured.out + captured.err


def test_token_signatures_with_a_timestamp_from_several_threads_at_once_all_hold(
    desk: Desk, token: Token, root: Authority, tmp_path: Path
) -> None:
    """The token signs on the signing thread itself, one operation at a time per session: three threads
    signing at once each get a whole, valid, timestamped signature."""
    from concurrent.futures import ThreadPoolExecutor

    from app.document.certificates import render_pdf
    from app.document.signing import sign_pdf
    from tests.signing_pki import loopback_tsa
    from tests.test_certificates import sample

    _use_token(desk, token, root.write_pem(tmp_path / "root.pem"))
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, token.pin, session_only=True)
    pdfs = [render_pdf(sample()) for _ in range(6)]
    with loopback_tsa(tmp_path) as tsa:
        desk.settings.set("signing.tsa_url", tsa.url)
        desk.settings.set("signing.tsa_root_certificate", str(tmp_path / "tsa-root.pem"))
        signer = load_signer(desk)
        with ThreadPoolExecutor(3) as pool:
            signed = list(pool.map(lambda pdf: sign_pdf(pdf, signer), pdfs))
    for pdf in signed:
        checks = verify_pdf(desk, pdf).checks
        assert "the digital signature is intact" in checks, checks
        assert any(c.startswith("timestamped by a trusted authority") for c in checks), checks
        assert any(token.certificate.subject.rfc4514_string().split("=")[-1] in c for c in checks), checks
