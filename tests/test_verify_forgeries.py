"""Issue 16 item 7: verify's words for forged and damaged files, on the service and on the command line.
No traceback for any file; no member details unless the signature holds and the file is the one issued;
a cut-off file is "damaged", not "added to"; the header names only what the signed content states; a file
over 50 MB is refused before it is read whole."""

import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.desk import Desk
from app.document.certificates import content_for_certificate, render_pdf
from app.document.signing import Signer, sign_pdf
from app.document.verification import MAX_FILE_BYTES, verify_pdf
from app.store.models import Certificate
from tests.cli_runner import run_cli
from tests.factories import issued_certificate
from tests.signing_pki import college_key, make_root

MEMBER = "Hélène Côté-Gagnon"


@pytest.fixture
def genuine(desk: Desk) -> tuple[Certificate, bytes]:
    cert = issued_certificate(desk)
    assert cert.document is not None
    return cert, cert.document.pdf


def _cli(desk: Desk, database_url: str, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = run_cli(["--data-dir", str(desk.data_dir), "--database-url", database_url, "verify", str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out + captured.err


def test_a_truncated_file_is_damaged_not_added_to(
    desk: Desk,
    database_url: str,
    genuine: tuple[Certificate, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cert, pdf = genuine
    for cut in (pdf[:-1], pdf[: len(pdf) // 2], pdf[: len(pdf) - 300]):
        result = verify_pdf(desk, cut, today=cert.issue_date)
        assert not result.ok
        assert any(p.startswith("damaged") for p in result.problems), result.problems
        assert not any("added" in p for p in result.problems), result.problems
        assert result.member_name == "" and result.recipient_name == ""
        path = tmp_path / "cut.pdf"
        path.write_bytes(cut)
        code, out = _cli(desk, database_url, path, capsys)
        assert code == 1 and "FAILED  damaged" in out and MEMBER not in out


def test_a_61_byte_text_file_with_a_pdf_header_and_a_number_names_no_one(
    desk: Desk,
    database_url: str,
    genuine: tuple[Certificate, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cert, _pdf = genuine
    fake = f"%PDF-1.7\n/Keywords (cpc-number={cert.number})\n%%EOF\n".encode()
    fake = fake.ljust(61, b" ")[:61]
    assert len(fake) == 61 and cert.number.encode() in fake
    result = verify_pdf(desk, fake, today=cert.issue_date)
    assert not result.ok and result.number == "" and result.member_name == ""
    assert result.checks == []
    path = tmp_path / "fake.pdf"
    path.write_bytes(fake)
    code, out = _cli(desk, database_url, path, capsys)
    assert code == 1
    assert MEMBER not in out and cert.number not in out and "  ok  " not in out
    assert "FAILED  damaged" in out


def test_a_forged_incremental_update_is_named_and_the_header_keeps_the_signed_number(
    desk: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The forger appends an update that changes the file's number to another member's certificate."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    first = issued_certificate(desk)
    other = issued_certificate(desk, first_name="Zoé", last_name="Forgé")
    assert first.document is not None
    writer = IncrementalPdfFileWriter(io.BytesIO(first.document.pdf))
    info = writer.trailer["/Info"].get_object()
    info[generic.NameObject("/Keywords")] = generic.pdf_string(f"cpc-number={other.number}")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    forged = out.getvalue()
    result = verify_pdf(desk, forged, today=first.issue_date)
    assert not result.ok
    assert result.number == first.number  # what the signed content states, not the forged update
    assert "altered after signing: content was added to the file after it was signed" in result.problems
    assert result.member_name == "" and result.recipient_name == ""
    path = tmp_path / "forged.pdf"
    path.write_bytes(forged)
    code, text = _cli(desk, database_url, path, capsys)
    assert code == 1 and "Zoé" not in text and other.number not in text and MEMBER not in text
    assert f"Certificate: {first.number}\n" in text


def test_a_certificate_re_signed_by_another_key_names_no_member(
    desk: Desk,
    database_url: str,
    genuine: tuple[Certificate, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cert, _pdf = genuine
    p12, _ = college_key(tmp_path, make_root("Forger Root"), "forger.p12", cn="Forger signing")
    with desk.db.read() as session:
        row = session.get(Certificate, cert.id)
        assert row is not None
        content = content_for_certificate(desk.settings, row)
    forged = sign_pdf(render_pdf(content), Signer(str(p12), b"pw"))
    result = verify_pdf(desk, forged, today=cert.issue_date)
    assert not result.ok and result.member_name == ""
    assert any(
        "not signed by this College's signing certificate" in p and "Forger signing" in p
        for p in result.problems
    )
    path = tmp_path / "resigned.pdf"
    path.write_bytes(forged)
    code, out = _cli(desk, database_url, path, capsys)
    assert code == 1 and MEMBER not in out


def test_a_file_over_50_mb_is_refused_before_it_is_read(
    desk: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(MAX_FILE_BYTES + 1024)  # sparse: no 50 MB written to the disk
    code, out = _cli(desk, database_url, big, capsys)
    assert code == 1 and "over the 50 MB limit" in out
    assert verify_pdf(desk, b"%PDF-" + b"\0" * MAX_FILE_BYTES).problems[0].endswith("over the 50 MB limit")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_damage_raises(desk: Desk, genuine: tuple[Certificate, bytes], data: st.DataObject) -> None:
    """Fuzz: a genuine file with bytes flipped, cut or inserted anywhere never raises, never passes and
    never names the member."""
    cert, pdf = genuine
    position = data.draw(st.integers(0, len(pdf) - 1))
    kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    if kind == "flip":
        damaged = pdf[:position] + bytes([pdf[position] ^ 0xFF]) + pdf[position + 1 :]
    elif kind == "cut":
        damaged = pdf[:position]
    else:
        damaged = pdf[:position] + os.urandom(3) + pdf[position:]
    result = verify_pdf(desk, damaged, today=cert.issue_date)
    if damaged != pdf:
        assert not result.ok
        assert result.member_name == ""


def test_the_verify_screen_refuses_a_file_over_50_mb_unread(qtbot, desk: Desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.desk.verify_dialog import VerifyScreen
    from ui.shell.context import UiContext

    screen = VerifyScreen(UiContext(desk))
    qtbot.addWidget(screen)
    big = tmp_path / "big.pdf"
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(MAX_FILE_BYTES + 1)
    with qtbot.waitSignal(screen.failed, timeout=5_000):
        screen.verify_file(str(big))
    assert screen.details.text() == "file: not a certificate: the file is 50 MB, over the 50 MB limit"


def test_bytes_after_the_signed_content_are_added_not_damaged(
    desk: Desk, genuine: tuple[Certificate, bytes]
) -> None:
    cert, pdf = genuine
    for tail in (b"\n%%EOF\n", b"garbage that is not PDF at all"):
        result = verify_pdf(desk, pdf + tail, today=cert.issue_date)
        assert not result.ok and result.number == cert.number and result.member_name == ""
        assert "altered after signing: content was added to the file after it was signed" in result.problems
        assert any(p.startswith("does not match the issued certificate") for p in result.problems)
