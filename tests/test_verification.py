"""Verification: a genuine certificate passes; tampering, another key, revocation and expiry each fail
with the right words, on the service and on the command line."""

import io
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.access.staff import Actor
from app.desk import Desk
from app.document.certificates import render_pdf
from app.document.signing import Signer, load_signer, sign_pdf
from app.document.verification import revoke_certificate, verify_pdf
from app.errors import NotFound, PermissionDenied, ValidationError
from app.store.models import AuditEvent, Certificate
from tests.cli_runner import run_cli
from tests.factories import issued_certificate
from tests.test_certificates import sample
from tests.test_signing import make_pkcs12


@pytest.fixture
def issued(desk: Desk) -> tuple[Certificate, bytes]:
    cert = issued_certificate(desk)
    assert cert.document is not None
    return cert, cert.document.pdf


def verify_cli(desk: Desk, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = run_cli(["--data-dir", str(desk.data_dir), "--database-url", desk.db.url, "verify", str(path)])
    return code, capsys.readouterr().out


def test_genuine_certificate_passes(
    desk: Desk, issued: tuple[Certificate, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cert, pdf = issued
    result = verify_pdf(desk, pdf, today=cert.issue_date)
    assert result.ok, result.problems
    assert result.number == cert.number
    assert result.member_name == "Hélène Côté-Gagnon"
    assert result.recipient_name == "Toronto General Hospital"
    assert "the digital signature is intact" in result.checks
    path = tmp_path / "cert.pdf"
    path.write_bytes(pdf)
    code, out = verify_cli(desk, path, capsys)
    assert code == 0
    assert f"Certificate: {cert.number} for Hélène Côté-Gagnon" in out
    assert "Result: VALID" in out and "FAILED" not in out


def test_verify_through_main(
    desk: Desk,
    database_url: str,
    issued: tuple[Certificate, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _cert, pdf = issued
    good = tmp_path / "good.pdf"
    good.write_bytes(pdf)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(pdf + b"\n% appended\n")
    base = ["--data-dir", str(desk.data_dir), "--database-url", database_url, "verify"]
    assert run_cli([*base, str(good)]) == 0
    assert run_cli([*base, str(bad)]) == 1
    out = capsys.readouterr().out
    assert "does not match the issued certificate" in out
    assert run_cli([*base, str(tmp_path / "missing.pdf")]) == 2


def _flip_byte_in_page_content(pdf: bytes) -> bytes:
    start = pdf.index(b"stream", pdf.index(b"/Filter"))  # a compressed stream of the rendered page
    offset = start + 40
    return pdf[:offset] + bytes([pdf[offset] ^ 0x01]) + pdf[offset + 1 :]


def test_one_flipped_byte_is_altered_after_signing(
    desk: Desk, issued: tuple[Certificate, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cert, pdf = issued
    tampered = _flip_byte_in_page_content(pdf)
    assert len(tampered) == len(pdf) and tampered != pdf
    result = verify_pdf(desk, tampered, today=cert.issue_date)
    assert not result.ok
    assert any(p.startswith("altered after signing") for p in result.problems), result.problems
    # the content no longer matches its signature: nothing it states is repeated, least of all the member
    assert result.number == "" and result.member_name == "" and result.recipient_name == ""
    path = tmp_path / "tampered.pdf"
    path.write_bytes(tampered)
    code, out = verify_cli(desk, path, capsys)
    assert code == 1
    assert "FAILED  altered after signing" in out and "Result: NOT VALID" in out


def test_an_appended_incremental_update_is_altered_after_signing(
    desk: Desk, issued: tuple[Certificate, bytes]
) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    cert, pdf = issued
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.root["/Lang"] = generic.pdf_string("fr-CA")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    updated = out.getvalue()
    assert updated.startswith(pdf) and len(updated) > len(pdf)
    result = verify_pdf(desk, updated, today=cert.issue_date)
    assert not result.ok
    assert "altered after signing: content was added to the file after it was signed" in result.problems


def test_signed_with_another_key_fails(desk: Desk, issued: tuple[Certificate, bytes], tmp_path: Path) -> None:
    cert, _pdf = issued
    p12 = tmp_path / "forger.p12"
    make_pkcs12(p12, b"x", common_name="Someone Else")
    forger = Signer(str(p12), b"x")
    with desk.db.read() as session:
        from app.document.certificates import content_for_certificate

        row = session.get(Certificate, cert.id)
        assert row is not None
        content = content_for_certificate(desk.settings, row)
    forged = sign_pdf(render_pdf(content), forger)
    result = verify_pdf(desk, forged, today=cert.issue_date)
    assert not result.ok
    assert any(
        p.startswith("not signed by this College's signing certificate") and "Someone Else" in p
        for p in result.problems
    ), result.problems
    assert any(p.startswith("does not match the issued certificate") for p in result.problems)


def test_unknown_number_and_unsigned_and_not_a_pdf(desk: Desk) -> None:
    signer = load_signer(desk)
    stranger = sign_pdf(render_pdf(sample(number="CPC-2026-999999")), signer)
    result = verify_pdf(desk, stranger)
    assert not result.ok and result.number == "CPC-2026-999999"
    assert result.problems == ["unknown certificate number: CPC-2026-999999 is not on record"]
    unsigned = verify_pdf(desk, render_pdf(sample()))
    assert "not signed: the file carries no digital signature" in unsigned.problems
    assert verify_pdf(desk, b"hello").problems == ["not a PDF file"]
    broken = verify_pdf(desk, b"%PDF-1.4\n garbage")
    assert not broken.ok


def test_revoked_certificate_fails_with_date_and_reason(
    desk: Desk,
    issued: tuple[Certificate, bytes],
    registrar: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cert, pdf = issued
    revoked = revoke_certificate(desk, registrar, cert.number.lower(), "  issued to the wrong address ")
    assert revoked.revoked and revoked.revoked_by == "registrar.test"
    assert revoked.revoked_reason == "issued to the wrong address"
    result = verify_pdf(desk, pdf, today=cert.issue_date)
    assert not result.ok
    [problem] = result.problems
    assert re.fullmatch(r"revoked on \d{1,2} [A-Z][a-z]+ \d{4} because issued to the wrong address", problem)
    path = tmp_path / "revoked.pdf"
    path.write_bytes(pdf)
    code, out = verify_cli(desk, path, capsys)
    assert code == 1 and "FAILED  revoked on" in out
    with desk.db.read() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.kind == "certificate.revoked")
        ).scalar_one()
    assert event.subject == cert.number and event.actor == "registrar.test"
    assert "issued to the wrong address" in event.after_json
    with pytest.raises(ValidationError, match="already revoked"):
        revoke_certificate(desk, registrar, cert.number, "again")


def test_revoking_needs_a_registrar_a_reason_and_a_known_number(
    desk: Desk, issued: tuple[Certificate, bytes], registrar: Actor
) -> None:
    cert, _pdf = issued
    with pytest.raises(PermissionDenied):
        revoke_certificate(desk, desk.actor, cert.number, "clerks cannot revoke")
    with pytest.raises(ValidationError) as raised:
        revoke_certificate(desk, registrar, cert.number, "   ")
    assert raised.value.field == "reason"
    with pytest.raises(NotFound):
        revoke_certificate(desk, registrar, "CPC-2026-999999", "no such certificate")
    with desk.db.read() as session:
        row = session.get(Certificate, cert.id)
        assert row is not None and not row.revoked
        assert (
            session.execute(select(AuditEvent).where(AuditEvent.kind == "certificate.revoked")).first()
            is None
        )


def test_expired_certificate_fails_the_day_after_valid_until(
    desk: Desk, issued: tuple[Certificate, bytes]
) -> None:
    cert, pdf = issued
    assert verify_pdf(desk, pdf, today=cert.valid_until).ok
    result = verify_pdf(desk, pdf, today=cert.valid_until + timedelta(days=1))
    assert not result.ok
    [problem] = result.problems
    assert problem.startswith("expired on ")
    assert "it was valid until" in problem


def test_a_changed_signing_key_still_verifies_older_certificates(desk: Desk, tmp_path: Path) -> None:
    from tests.signing_pki import college_key, configure, make_root

    root = make_root()
    first, _ = college_key(tmp_path, root, "first.p12")
    configure(desk, first, root.write_pem(tmp_path / "root.pem"))
    cert = issued_certificate(desk)
    assert cert.document is not None
    second, _ = college_key(tmp_path, root, "second.p12")
    desk.settings.set("signing.pkcs12_path", str(second))
    load_signer(desk)  # the new key is now in use: a rollover under the same root
    assert verify_pdf(desk, cert.document.pdf, today=cert.issue_date).ok


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def either_desk(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Desk]:
    """A desk on an SQLite file, or on a fresh PostgreSQL database."""
    if request.param == "postgres":
        url: str = request.getfixturevalue("postgres_url")
    else:
        url = f"sqlite:///{data_dir / 'either.sqlite3'}"
    d = Desk.open(data_dir, url)
    yield d
    d.close()


def test_issue_revoke_and_verify_on_each_database(either_desk: Desk, registrar: Actor) -> None:
    cert = issued_certificate(either_desk, first_name="Νικόλαος", last_name="Παπαδόπουλος")
    assert cert.document is not None
    pdf = cert.document.pdf
    assert verify_pdf(either_desk, pdf, today=cert.issue_date).ok
    revoke_certificate(either_desk, registrar, cert.number, "replaced by a corrected certificate")
    result = verify_pdf(either_desk, pdf, today=cert.issue_date)
    assert result.member_name == "Νικόλαος Παπαδόπουλος"
    assert [p.split(" because ")[1] for p in result.problems] == ["replaced by a corrected certificate"]
