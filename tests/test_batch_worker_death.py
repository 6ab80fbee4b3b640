"""A render worker that dies outright (killed, out of memory, a crash) in the middle of a batch.

A certificate and its document are committed together or not at all: a fresh worker draws again what the
dead one owed, in the same run; a row whose drawing kills the worker twice is refused by line and CPSO
number and its number voided (never left issued without a document). Real worker processes really
killed: SIGKILL from the test, or the product's fault point (app.faults) inside the worker.
"""

import csv
import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.batch.run import BatchOptions, run_requests_file
from app.desk import Desk
from app.issuing.engine import local_today
from app.store.models import AuditEvent, Certificate, CertificateDocument, CertificateRequest, RequestStatus
from tests.cli_runner import run_cli
from tests.factories import make_member
from tests.test_batch import HEADER, _directory, _row

ROWS = 10


def _requests_file(desk: Desk, folder: Path) -> tuple[Path, list[str]]:
    _directory(desk)
    with desk.db.write() as session:
        members = [make_member(session, last_name=f"Worker {i:02d}").cpso_number for i in range(ROWS)]
    path = folder / "requests.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, HEADER)
        writer.writeheader()
        writer.writerows(_row(c, institution_name="Toronto General Hospital") for c in members)
    return path, members


def _certificates(desk: Desk) -> list[tuple[str, bool, str, bool, RequestStatus]]:
    """(number, revoked, revoked reason, has its document, its request's status) of every certificate."""
    with desk.db.read() as session:
        found = []
        for cert in session.scalars(select(Certificate).order_by(Certificate.number)):
            document = session.get(CertificateDocument, cert.id)
            found.append(
                (
                    cert.number,
                    cert.revoked,
                    cert.revoked_reason,
                    document is not None and bool(cert.pdf_sha256),
                    cert.recipient.request.status,
                )
            )
        return found


def _assert_none_issued_without_document(desk: Desk) -> None:
    for number, revoked, _reason, has_document, status in _certificates(desk):
        if not revoked:
            assert has_document, f"{number} is issued without its document"
            assert status == RequestStatus.ISSUED
        else:
            assert not has_document and status == RequestStatus.CANCELLED


@pytest.mark.slow
def test_a_worker_killed_mid_batch_is_replaced_and_every_certificate_gets_its_document(
    desk: Desk, tmp_path: Path
) -> None:
    path, _members = _requests_file(desk, tmp_path)
    out, merged = tmp_path / "out", tmp_path / "all.pdf"
    killed: list[int] = []

    def progress(_done: int, _total: int, _text: str) -> None:
        # While the fifth row is filed, the first four are still with the worker: kill it (SIGKILL).
        progress.calls += 1  # type: ignore[attr-defined]
        if progress.calls == 5 and not killed:  # type: ignore[attr-defined]
            for child in multiprocessing.active_children():
                os.kill(child.pid or 0, signal.SIGKILL)
                killed.append(child.pid or 0)

    progress.calls = 0  # type: ignore[attr-defined]
    options = BatchOptions(out_dir=out, merged_path=merged, separators=True, workers=2)
    result = run_requests_file(desk, path, options, progress)

    assert killed, "no worker process was running to be killed"
    assert not any(p.pid in killed for p in multiprocessing.active_children())
    assert result.exit_status == 0 and not result.rejected
    assert len(result.issued) == ROWS
    certificates = _certificates(desk)
    assert len(certificates) == ROWS
    assert [int(n[-6:]) for n, *_ in certificates] == list(range(1, ROWS + 1))  # gap-free, none twice
    _assert_none_issued_without_document(desk)
    assert not any(revoked for _n, revoked, *_ in certificates)
    files = sorted(out.glob("*.pdf"))
    assert len(files) == ROWS
    pages = sum(len(PdfReader(f, strict=True).pages) for f in files)
    assert len(PdfReader(merged, strict=True).pages) == pages + 1  # and the one separator sheet


@pytest.mark.slow
def test_a_row_whose_drawing_kills_the_worker_twice_is_refused_and_its_number_voided(
    desk: Desk,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, members = _requests_file(desk, tmp_path)
    out, merged = tmp_path / "out", tmp_path / "all.pdf"
    # Rows are numbered in print order (one institution, then the member's name): the third row (line 4)
    # gets the third number. Each worker that signs it ends with SIGKILL at the product's fault point.
    fatal = f"CPC-{local_today().year}-000003"
    monkeypatch.setenv("CPC_DESK_FAULT", f"render-{fatal}")
    argv = ["--database-url", database_url, "batch", str(path), "--out", str(out), "--workers", "2"]
    status = run_cli([*argv, "--merged", str(merged), "--separators"])

    err = capsys.readouterr().err
    assert status == 1, err  # a row was refused
    assert "Traceback" not in err and "BrokenProcessPool" not in err
    assert "refused line 4: row: drawing the certificate of" in err and f"(CPSO {members[2]})" in err
    report = (out / "errors.csv").read_text(encoding="utf-8-sig")
    assert f"\n4,{members[2]},refused,row," in report

    certificates = _certificates(desk)
    assert [int(n[-6:]) for n, *_ in certificates] == list(range(1, ROWS + 1))  # no gap, none reused
    _assert_none_issued_without_document(desk)
    voided = [(n, reason) for n, revoked, reason, *_ in certificates if revoked]
    assert [n for n, _r in voided] == [fatal]
    assert voided[0][1].startswith("Never issued: line 4: ")
    assert len(list(out.glob("*.pdf"))) == ROWS - 1
    assert fatal not in str(sorted(p.name for p in out.glob("*.pdf")))
    # The print file holds the nine, and its separator sheet does not list the voided number.
    reader = PdfReader(merged, strict=True)
    sheet_text = reader.pages[0].extract_text()
    assert fatal not in sheet_text and f"CPC-{local_today().year}-000004" in sheet_text
    assert len(reader.pages) == 1 + sum(len(PdfReader(f).pages) for f in out.glob("*.pdf"))
    with desk.db.read() as session:  # the void is in the audit trail
        events = session.execute(
            select(AuditEvent.subject, AuditEvent.after_json).where(AuditEvent.kind == "certificate.voided")
        ).all()
    assert [e.subject for e in events] == [fatal] and '"request_status":"cancelled"' in events[0].after_json

    # Run again without the fault: the row is named again, nothing is issued twice or numbered anew.
    monkeypatch.delenv("CPC_DESK_FAULT")
    assert run_cli(argv) == 1
    err = capsys.readouterr().err
    assert f"refused line 4: row: an earlier run of this file voided its certificate {fatal}" in err
    assert _certificates(desk) == certificates
    with desk.db.read() as session:
        statuses = sorted(str(s) for s in session.scalars(select(CertificateRequest.status)))
    assert statuses.count(RequestStatus.CANCELLED.value) == 1
