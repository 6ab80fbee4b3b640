"""Issue 16: trust lives in the register and is anchored by a root held outside it; unfit keys are
refused naming why; signatures are judged at their signing time; RFC 3161 timestamps and validation data
(PAdES B-LT) from a loopback TSA; a failing TSA leaves nothing issued."""

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import func, select

from app.desk import Desk
from app.document.certificates import render_pdf
from app.document.signing import TimestampError, load_signer, sign_pdf
from app.document.trust import current_signing_fingerprint, fingerprint, trusted_certificates_at
from app.document.verification import verify_pdf
from app.errors import ValidationError, ValidationErrors
from app.store.models import Certificate, CertificateRequest, SigningCertificate
from tests.factories import issued_certificate
from tests.signing_pki import (
    Authority,
    college_key,
    configure,
    issue,
    loopback_tsa,
    make_root,
    write_pkcs12,
)
from tests.test_certificates import sample


def _rows(desk: Desk) -> list[SigningCertificate]:
    with desk.db.read() as session:
        return list(session.scalars(select(SigningCertificate).order_by(SigningCertificate.id)))


@pytest.fixture
def root(tmp_path: Path) -> Authority:
    return make_root()


@pytest.fixture
def college(desk: Desk, root: Authority, tmp_path: Path) -> Desk:
    """A desk signing with a College key issued by the College root, which the settings name."""
    p12, _cert = college_key(tmp_path, root)
    configure(desk, p12, root.write_pem(tmp_path / "root.pem"))
    return desk


# --- trust lives in the register ----------------------------------------------------------------------


def test_a_second_desk_on_the_same_register_verifies_and_writes_no_key(
    desk: Desk, database_url: str, tmp_path: Path
) -> None:
    cert = issued_certificate(desk)  # the demo: a demo CA and signing key, stored in the register
    assert cert.document is not None
    [row] = _rows(desk)
    assert row.demo and row.in_use_until is None and "BEGIN CERTIFICATE" in row.chain_pem
    other_folder = tmp_path / "second-desk"
    other_folder.mkdir()
    second = Desk.open(other_folder, database_url)
    try:
        result = verify_pdf(second, cert.document.pdf, today=cert.issue_date)
        assert result.ok, result.problems
        assert any("DEMO trust" in c for c in result.checks)
    finally:
        second.close()
    assert not (other_folder / "signing").exists()  # no key, no trust file: nothing written
    assert len(_rows(desk)) == 1


def test_the_register_names_the_current_certificate_and_keeps_the_old_one_for_what_it_signed(
    college: Desk, root: Authority, tmp_path: Path
) -> None:
    first = load_signer(college)
    assert current_signing_fingerprint(college) == first.fingerprint
    before_rollover = datetime.now(UTC)
    p12, _ = college_key(tmp_path, root, "next.p12")
    college.settings.set("signing.pkcs12_path", str(p12))
    second = load_signer(college)
    assert current_signing_fingerprint(college) == second.fingerprint != first.fingerprint
    old, new = _rows(college)
    assert old.in_use_until is not None and new.in_use_until is None
    assert first.certificate_der in trusted_certificates_at(college, before_rollover)
    later = datetime.now(UTC) + timedelta(days=1)
    assert trusted_certificates_at(college, later) == [second.certificate_der]


def test_a_certificate_written_into_the_database_is_not_trusted_without_the_root(
    college: Desk, tmp_path: Path
) -> None:
    """The attack: someone who can write the database adds their own signing certificate and signs a
    forged certificate with it. The desk's root (in its settings file) does not vouch for it."""
    from app.document.trust import register_signing_certificate

    genuine = issued_certificate(college)
    forger_root = make_root("Forger Root")
    forger_p12, forger_cert = college_key(
        tmp_path, forger_root, "forger.p12", cn="Test College document signing"
    )
    with college.db.write() as session:
        register_signing_certificate(
            session,
            forger_cert.public_bytes(Encoding.DER),
            [forger_root.der],
            demo=False,
            added_by="intruder",
        )
    from app.document.certificates import content_for_certificate, render_pdf
    from app.document.signing import Signer

    with college.db.read() as session:
        row = session.get(Certificate, genuine.id)
        assert row is not None
        content = content_for_certificate(college.settings, row)
    forged = sign_pdf(render_pdf(content), Signer(str(forger_p12), b"pw"))
    result = verify_pdf(college, forged, today=genuine.issue_date)
    assert not result.ok
    assert any(p.startswith("not signed by this College's signing certificate") for p in result.problems)
    assert result.member_name == ""
    # and the forger's certificate is not the College's current one either
    assert current_signing_fingerprint(college) != fingerprint(forger_cert.public_bytes(Encoding.DER))


# --- unfit keys --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"not_before": timedelta(days=-400), "not_after": timedelta(days=-30)}, "expired on"),
        ({"not_before": timedelta(days=5)}, "not valid until"),
        ({"sign_usage": False}, "does not allow digital signatures"),
        ({"key": rsa.generate_private_key(65537, 1024)}, "too weak (RSA 1024 bits"),
    ],
)
def test_an_unfit_key_is_refused_at_issue_time_and_in_settings(
    desk: Desk, root: Authority, tmp_path: Path, kwargs: dict[str, object], why: str
) -> None:
    root_pem = root.write_pem(tmp_path / "root.pem")
    p12, _ = college_key(tmp_path, root, "unfit.p12", **kwargs)
    configure(desk, p12, root_pem)  # written straight to the settings file, as an old desk might have
    with pytest.raises(ValidationError) as raised:
        load_signer(desk)
    assert raised.value.field == "signing.pkcs12_path" and why in raised.value.message
    assert _rows(desk) == []  # an unfit key never reaches the register
    desk.settings.set("signing.pkcs12_path", "")
    with pytest.raises(ValidationErrors) as refused:
        change_setting_all(desk, {"signing.pkcs12_path": str(p12)})
    assert why in str(refused.value) and "this key cannot sign" in str(refused.value)
    assert desk.settings.get("signing.pkcs12_path") == ""  # nothing changed


def change_setting_all(desk: Desk, values: dict[str, str]) -> None:
    from app.access.permissions import Actor
    from app.setting_changes import change_settings
    from app.store.models import StaffRole

    change_settings(desk, Actor("admin.test", StaffRole.ADMIN, "Test Admin"), values)


def test_a_key_outside_the_colleges_chain_is_refused(desk: Desk, root: Authority, tmp_path: Path) -> None:
    stranger = make_root("Some Other CA")
    p12, _ = college_key(tmp_path, stranger, "stranger.p12")
    configure(desk, p12, root.write_pem(tmp_path / "root.pem"))
    with pytest.raises(ValidationError, match="chain does not lead to the configured root"):
        load_signer(desk)
    with pytest.raises(ValidationError, match="no College root certificate is configured"):
        desk.settings.set("signing.root_certificate", "")
        load_signer(desk)


def test_an_expired_key_is_refused_and_its_past_signatures_are_judged_at_signing_time(
    college: Desk, root: Authority, tmp_path: Path
) -> None:
    """The key expires two days after it signed: refused for new signatures, its signature still holds."""
    p12, cert = college_key(tmp_path, root, "short.p12", not_after=timedelta(days=2))
    college.settings.set("signing.pkcs12_path", str(p12))
    issued = issued_certificate(college)
    assert issued.document is not None
    after_expiry = datetime.now(UTC) + timedelta(days=10)
    result = verify_pdf(college, issued.document.pdf, today=issued.issue_date, now=after_expiry)
    assert result.ok, result.problems
    assert any("by the signing desk's clock (no timestamp)" in c for c in result.checks)
    from app.document.trust import check_fit

    with pytest.raises(ValidationError, match="expired on"):
        check_fit("signing.pkcs12_path", cert, [root.cert], root.cert, after_expiry)


def test_a_signature_made_after_the_key_expired_fails(college: Desk, root: Authority, tmp_path: Path) -> None:
    """A key used past its expiry (pdfsig's 'Certificate has Expired') is not the College's signature."""
    from pyhanko.sign import signers

    cert, key = issue(root, not_before=timedelta(days=-60), not_after=timedelta(days=-1))
    p12 = write_pkcs12(tmp_path / "expired.p12", cert, key, [root.cert], b"pw")
    issued = issued_certificate(college)
    from app.document.signing import sign_pdf_with
    from app.document.trust import register_signing_certificate

    with college.db.write() as session:  # even were it in the register
        register_signing_certificate(
            session, cert.public_bytes(Encoding.DER), [root.der], demo=False, added_by="x"
        )
    loaded = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=b"pw")
    from app.document.certificates import content_for_certificate, render_pdf

    with college.db.read() as session:
        row = session.get(Certificate, issued.id)
        assert row is not None
        content = content_for_certificate(college.settings, row)
    late = sign_pdf_with(render_pdf(content), loaded, reason="late")
    result = verify_pdf(college, late, today=issued.issue_date)
    assert not result.ok
    assert any("had expired" in p for p in result.problems), result.problems


# --- timestamps and long-term validation ---------------------------------------------------------------


def test_a_timestamped_certificate_validates_with_pyhanko_after_the_key_expired(
    college: Desk, root: Authority, tmp_path: Path
) -> None:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    p12, cert = college_key(tmp_path, root, "short.p12", not_after=timedelta(days=2))
    college.settings.set("signing.pkcs12_path", str(p12))
    with loopback_tsa(tmp_path) as tsa:
        college.settings.set("signing.tsa_url", tsa.url)
        college.settings.set("signing.tsa_root_certificate", str(tmp_path / "tsa-root.pem"))
        issued = issued_certificate(college)
        asked = tsa.requests
        assert asked >= 1
        issued_certificate(college)
        assert tsa.requests == asked + 1  # one request per certificate
    assert issued.document is not None
    pdf = issued.document.pdf
    reader = PdfFileReader(io.BytesIO(pdf))
    assert "/DSS" in reader.root  # the validation data (PAdES B-LT)
    [sig] = reader.embedded_signatures
    frozen = datetime.now(UTC) + timedelta(days=30)  # the signing key expired 28 days before
    roots = [asn1_x509.Certificate.load(root.der)]
    tsa_roots = [asn1_x509.Certificate.load(tsa.root.der)]
    from app.document.verification import _timestamp_time

    stamped = _timestamp_time(sig)
    assert stamped is not None and abs(stamped - datetime.now(UTC)) < timedelta(minutes=5)
    status = validate_pdf_signature(
        sig,
        ValidationContext(trust_roots=roots, allow_fetching=False, moment=stamped),
        ts_validation_context=ValidationContext(trust_roots=tsa_roots, allow_fetching=False, moment=frozen),
    )
    assert status.intact and status.valid and status.trusted
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    # without the timestamp's time, the same check at the frozen moment fails: the key has expired
    expired = validate_pdf_signature(
        sig, ValidationContext(trust_roots=roots, allow_fetching=False, moment=frozen)
    )
    assert not expired.trusted
    result = verify_pdf(college, pdf, today=issued.issue_date, now=frozen)
    assert result.ok and result.timestamped, result.problems
    assert any(c.startswith("timestamped by a trusted authority") for c in result.checks)
    assert cert.not_valid_after_utc < frozen


def test_verify_accepts_a_certificate_without_timestamp_too(college: Desk) -> None:
    issued = issued_certificate(college)
    assert issued.document is not None
    result = verify_pdf(college, issued.document.pdf, today=issued.issue_date)
    assert result.ok and not result.timestamped


def test_a_failing_tsa_leaves_nothing_half_issued_and_is_named(college: Desk, tmp_path: Path) -> None:
    from app.issuing.requests import RequestDraft, submit_request
    from app.register.recipients import RecipientInput
    from app.store.models import ConsentMethod
    from tests.factories import make_member

    with loopback_tsa(tmp_path) as tsa:
        college.settings.set("signing.tsa_url", tsa.url)
        college.settings.set("signing.tsa_root_certificate", str(tmp_path / "tsa-root.pem"))
        tsa.fail_with = 503
        with college.db.write() as session:
            member_id = make_member(session).id
        draft = RequestDraft(
            member_id,
            (
                RecipientInput(
                    institution_type="Hospital",
                    name="Toronto General Hospital",
                    street1="200 Elizabeth Street",
                    city="Toronto",
                    state="ON",
                    country="CA",
                    postal_code="M5G 2C4",
                    email="credentials@tgh.example.org",
                ),
            ),
            True,
            ConsentMethod.PHONE,
            "I consent.",
        )
        with pytest.raises(TimestampError) as raised:
            submit_request(college, college.actor, draft)
        assert tsa.url in str(raised.value) and "HTTP 503" in str(raised.value)
        with college.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Certificate)) == 0
            assert session.scalar(select(func.count()).select_from(CertificateRequest)) == 0
        # the TSA back: the same Submit issues, timestamped
        tsa.fail_with = None
        result = submit_request(college, college.actor, draft)
        assert result.recipients and result.recipients[0].certificate_number
    # an unreachable TSA is named too
    with pytest.raises(TimestampError, match=r"cannot be reached"):
        sign_pdf(render_pdf(sample()), load_signer(college))


def test_a_tsa_url_needs_the_tsa_root(college: Desk) -> None:
    with pytest.raises(ValidationErrors, match="signing.tsa_root_certificate"):
        change_setting_all(college, {"signing.tsa_url": "http://127.0.0.1:9/tsa"})
    with pytest.raises(ValidationErrors, match="http:// or https://"):
        change_setting_all(college, {"signing.tsa_url": "ftp://tsa.example.org"})


def test_signing_time_is_today(college: Desk) -> None:
    issued = issued_certificate(college)
    assert issued.document is not None
    result = verify_pdf(college, issued.document.pdf, today=date.today())
    assert result.signed_at is not None and abs(result.signed_at - datetime.now(UTC)) < timedelta(minutes=5)


# --- the signing certificate's name and fingerprint ------------------------------------------------------


def test_the_common_name_is_never_cut_mid_word_and_the_long_name_is_the_organisation(desk: Desk) -> None:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    from app.document.signing import signing_common_name

    long_name = "College of Physicians and Surgeons of the Province of Newfoundland and Labrador (DEMO)"
    cn = signing_common_name(long_name, "document signing (DEMO)")
    assert len(cn) <= 64 and cn.endswith("document signing (DEMO)")
    assert all(word in long_name.split() for word in cn.removesuffix(" document signing (DEMO)").split())
    desk.settings.set("issuer.name", long_name)
    # The demo key is made once, with the issuer's name of that moment: here the audit trail's first
    # checkpoint (signing the setting's change) made it with the old name, so it is made again.
    (desk.data_dir / "signing" / "demo-signing.p12").unlink(missing_ok=True)
    cert = x509.load_der_x509_certificate(load_signer(desk).certificate_der)
    [common] = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    [organisation] = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    assert common.value == cn and organisation.value == long_name


def test_the_fingerprint_is_printed_on_the_certificate_and_in_the_email(college: Desk) -> None:
    from app.document.trust import signing_fingerprint_of, spaced_fingerprint
    from app.mail import smtp as mail
    from tests.test_certificates import body_text, squash

    signer = load_signer(college)
    issued = issued_certificate(college)
    assert issued.document is not None
    pdf = issued.document.pdf
    spaced = spaced_fingerprint(signer.fingerprint)
    assert spaced.count(":") == 31
    assert squash(spaced) in squash(body_text(pdf))
    assert signing_fingerprint_of(pdf) == signer.fingerprint == current_signing_fingerprint(college)
    message = mail.build_certificate_message(
        college.settings,
        to_address="credentials@tgh.example.org",
        member_name="Hélène Côté-Gagnon",
        cpso_number="500001",
        certificate_number=issued.number,
        valid_until=issued.valid_until,
        verification_code=issued.verification_code,
        recipient_name="Toronto General Hospital",
        pdf=pdf,
        message_id="<x@example.org>",
    )
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    assert f"Signing certificate SHA-256: {spaced}" in text.get_content()
    assert spaced in html.get_content()


def test_an_offline_batch_may_sign_without_timestamp_and_says_so(
    college: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.cli_runner import run_cli
    from tests.factories import make_member

    with college.db.write() as session:
        cpsos = [make_member(session).cpso_number for _ in range(2)]
    header = (
        "cpso_number,institution_name,institution_type,street1,city,state,country,zip,email,"
        "consent_method,consent_date\n"
    )
    row = (
        "{},Toronto General Hospital,Hospital,200 Elizabeth Street,Toronto,ON,CA,M5G 2C4,"
        "a@tgh.example.org,phone,2026-11-30\n"
    )
    base = ["--data-dir", str(college.data_dir), "--database-url", database_url]
    with loopback_tsa(tmp_path) as tsa:
        college.settings.set("signing.tsa_url", tsa.url)
        college.settings.set("signing.tsa_root_certificate", str(tmp_path / "tsa-root.pem"))
        offline = tmp_path / "offline.csv"
        offline.write_text(header + row.format(cpsos[0]), encoding="utf-8")
        assert (
            run_cli(
                [
                    *base,
                    "--offline",
                    "--pin-stdin",
                    "batch",
                    str(offline),
                    "--out",
                    str(tmp_path / "a"),
                    "--workers",
                    "1",
                ],
                stdin="pw\n",
            )
            == 0
        )
        out = capsys.readouterr().out
        assert "Signed without a timestamp (offline batch)" in out
        assert tsa.requests == 0
        [pdf] = (tmp_path / "a").glob("*.pdf")
        result = verify_pdf(college, pdf.read_bytes())
        assert result.ok and not result.timestamped, result.problems
        emailed = tmp_path / "emailed.csv"
        emailed.write_text(header + row.format(cpsos[1]), encoding="utf-8")
        code = run_cli(
            [
                *base,
                "--offline",
                "--pin-stdin",
                "batch",
                str(emailed),
                "--out",
                str(tmp_path / "b"),
                "--queue-email",
                "--workers",
                "1",
            ],
            stdin="pw\n",
        )
        assert code == 0
        out = capsys.readouterr().out
        assert "without a timestamp" not in out and tsa.requests >= 1
        [pdf] = (tmp_path / "b").glob("*.pdf")
        result = verify_pdf(college, pdf.read_bytes())
        assert result.ok and result.timestamped, result.problems


def test_without_a_keyring_the_advice_never_points_at_a_command_that_refuses(
    college: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring
    from keyring.backends import fail

    from app.access import secrets
    from tests.cli_runner import run_cli

    keyring.set_keyring(fail.Keyring())  # a headless box: no secure OS keyring
    secrets.forget_session_secrets()
    base = ["--data-dir", str(college.data_dir), "--database-url", database_url]
    assert run_cli([*base, "settings", "set-password", "signing", "--stdin"], stdin="pw\n") == 2
    err = capsys.readouterr().err
    assert "--pin-stdin" in err and "window" in err
    with pytest.raises(ValidationError) as raised:
        load_signer(college)  # the encrypted PKCS#12 needs its passphrase
    assert "--pin-stdin" in raised.value.message and "set-password" not in raised.value.message
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, "pw", session_only=True)  # what --pin-stdin does
    assert not load_signer(college).demo


def test_the_demo_command_records_the_demo_ca_and_signing_certificate(
    desk: Desk, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.document.trust import spaced_fingerprint
    from tests.cli_runner import run_cli

    assert run_cli(["--data-dir", str(desk.data_dir), "--database-url", database_url, "demo"]) == 0
    out = capsys.readouterr().out
    [row] = _rows(desk)
    assert row.demo and row.chain_pem.count("BEGIN CERTIFICATE") == 1  # the demo CA
    assert f"SHA-256 {spaced_fingerprint(row.fingerprint)}" in out
    assert current_signing_fingerprint(desk) == row.fingerprint


def test_a_batch_stopped_by_a_failing_tsa_completes_when_run_again(
    college: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.cli_runner import run_cli
    from tests.factories import make_member

    with college.db.write() as session:
        cpso = make_member(session).cpso_number
    requests = tmp_path / "requests.csv"
    requests.write_text(
        "cpso_number,institution_name,institution_type,street1,city,state,country,zip,email,"
        "consent_method,consent_date\n"
        f"{cpso},Toronto General Hospital,Hospital,200 Elizabeth Street,Toronto,ON,CA,M5G 2C4,"
        "a@tgh.example.org,phone,2026-11-30\n",
        encoding="utf-8",
    )
    argv = ["--data-dir", str(college.data_dir), "--database-url", database_url, "--pin-stdin", "batch"]
    argv += [str(requests), "--out", str(tmp_path / "out"), "--queue-email", "--workers", "2"]
    with loopback_tsa(tmp_path) as tsa:
        college.settings.set("signing.tsa_url", tsa.url)
        college.settings.set("signing.tsa_root_certificate", str(tmp_path / "tsa-root.pem"))
        tsa.fail_with = 503
        assert run_cli(argv, stdin="pw\n") == 2
        err = capsys.readouterr().err
        assert f"the time-stamping authority {tsa.url} refused the request (HTTP 503)" in err
        assert "Traceback" not in err
        assert not list((tmp_path / "out").glob("*.pdf")) if (tmp_path / "out").exists() else True
        with college.db.read() as session:
            assert (
                session.scalar(
                    select(func.count()).select_from(Certificate).where(Certificate.pdf_sha256 != "")
                )
                == 0
            )
        tsa.fail_with = None
        assert run_cli(argv, stdin="pw\n") == 0
        assert "Completed from an interrupted run: 1" in capsys.readouterr().out
    [pdf] = (tmp_path / "out").glob("*.pdf")
    result = verify_pdf(college, pdf.read_bytes())
    assert result.ok and result.timestamped, result.problems
