"""The headless batch killed with SIGKILL (at an explicit fault-injection point), then run again.

Nothing is issued twice, nothing is lost, and no PDF file is ever left truncated.
"""

import csv
import hashlib
import os
import signal
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.desk import Desk
from app.store.models import Certificate, CertificateDocument, CertificateRequest
from tests.cli_runner import cli_command, cli_stdin
from tests.factories import make_member
from tests.test_batch import HEADER, _directory, _row

ROOT = Path(__file__).resolve().parent.parent
ROWS = 8


def _requests_file(desk: Desk, folder: Path) -> Path:
    _directory(desk)
    with desk.db.write() as session:
        members = [make_member(session, last_name=f"Crash {i:02d}").cpso_number for i in range(ROWS)]
    path = folder / "requests.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, HEADER)
        writer.writeheader()
        writer.writerows(_row(c, institution_name="Toronto General Hospital") for c in members)
    return path


def _run(desk: Desk, database_url: str, args: list[str], fault: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CPC_DESK_FAULT"}
    if fault:
        env["CPC_DESK_FAULT"] = fault
    command = cli_command(
        [
            "--data-dir",
            str(desk.data_dir),
            "--database-url",
            database_url,
            "batch",
            *args,
        ]
    )
    return subprocess.run(
        command, cwd=ROOT, env=env, input=cli_stdin(), capture_output=True, text=True, timeout=120
    )


def _state(desk: Desk) -> dict[int, tuple[str, str]]:
    with desk.db.read() as session:
        return {c.id: (c.number, c.pdf_sha256) for c in session.scalars(select(Certificate))}


def _check_complete(desk: Desk, out: Path) -> None:
    with desk.db.read() as session:
        certs = session.scalars(select(Certificate)).all()
        assert len(certs) == ROWS
        per_request = [len(r.recipients[0].certificates) for r in session.scalars(select(CertificateRequest))]
        assert per_request == [1] * ROWS
        values = sorted(int(c.number[-6:]) for c in certs)
        assert values == list(range(1, ROWS + 1))  # gap-free, none twice
        for cert in certs:
            doc = session.get(CertificateDocument, cert.id)
            assert doc is not None and hashlib.sha256(doc.pdf).hexdigest() == cert.pdf_sha256
    files = sorted(out.glob("*.pdf"))
    assert len(files) == ROWS
    digests = {hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
    assert digests == {c.pdf_sha256 for c in certs}
    assert not list(out.glob(".*.partial"))


@pytest.mark.slow
def test_killed_after_a_number_is_committed_then_resumed(
    desk: Desk, database_url: str, tmp_path: Path
) -> None:
    path = _requests_file(desk, tmp_path)
    out, merged = tmp_path / "out", tmp_path / "print" / "all.pdf"
    args = [str(path), "--out", str(out), "--merged", str(merged), "--separators", "--workers", "2"]

    killed = _run(desk, database_url, args, fault="batch-after-commit:4")
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    after_crash = _state(desk)
    assert len(after_crash) == 4  # each number committed before the next row was started
    assert any(sha == "" for _n, sha in after_crash.values())  # killed before its document was stored
    for f in out.glob("*.pdf"):  # whatever was written is whole
        assert len(PdfReader(f, strict=True).pages) >= 1
    assert not merged.exists()

    again = _run(desk, database_url, args)
    assert again.returncode == 0, again.stderr
    assert "Completed from an interrupted run" in again.stdout
    final = _state(desk)
    for cid, (number, _sha) in after_crash.items():
        assert final[cid][0] == number  # the interrupted certificate kept its number
    _check_complete(desk, out)
    reader = PdfReader(merged, strict=True)
    assert len(reader.pages) >= ROWS + 1

    # A third run finds everything done and issues nothing.
    third = _run(desk, database_url, args)
    assert third.returncode == 0 and "Issued now: 0" in third.stdout
    assert _state(desk) == final


@pytest.mark.slow
def test_killed_while_writing_the_print_file_leaves_no_truncated_pdf(
    desk: Desk, database_url: str, tmp_path: Path
) -> None:
    path = _requests_file(desk, tmp_path)
    out, merged = tmp_path / "out", tmp_path / "print" / "all.pdf"
    args = [str(path), "--out", str(out), "--merged", str(merged), "--workers", "1"]

    killed = _run(desk, database_url, args, fault="batch-during-merge:3")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not merged.exists()  # only a temporary file, never a truncated print file
    # Each document goes into the print file once it is stored: the third was stored, then the kill.
    assert sum(1 for _n, sha in _state(desk).values() if sha) >= 3
    for f in out.glob("*.pdf"):  # whatever was written is whole
        assert len(PdfReader(f, strict=True).pages) >= 1

    again = _run(desk, database_url, args)
    assert again.returncode == 0, again.stderr
    assert len(PdfReader(merged, strict=True).pages) >= ROWS
    assert not list(merged.parent.glob(".*.partial"))  # the killed run's temporary file is gone
    _check_complete(desk, out)
