"""The Batch Printing screen: the batch runs off the GUI thread, progress arrives, Cancel works."""

import csv
import threading
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.desk import Desk
from app.store.models import Certificate
from tests.factories import make_member
from tests.test_batch import HEADER, _directory, _row
from ui.batch.batch_screen import BatchScreen
from ui.shell.context import UiContext


def _requests(desk: Desk, folder: Path, rows: int) -> Path:
    _directory(desk)
    with desk.db.write() as session:
        members = [make_member(session, last_name=f"Screen {i:02d}").cpso_number for i in range(rows)]
    path = folder / "requests.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, HEADER)
        writer.writeheader()
        writer.writerows(_row(c, institution_name="Toronto General Hospital") for c in members)
    return path


def _screen(qtbot: QtBot, desk: Desk) -> BatchScreen:
    screen = BatchScreen(UiContext(desk), workers=1)
    qtbot.addWidget(screen)
    screen.resize(1000, 760)
    screen.show()
    return screen


def _certificates(desk: Desk) -> int:
    with desk.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Certificate)) or 0)


def test_a_requests_file_runs_off_the_gui_thread_with_progress(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    path = _requests(desk, tmp_path, 4)
    screen = _screen(qtbot, desk)
    screen.rb_file.setChecked(True)
    screen.file_path.setText(str(path))
    screen.merged_path.setText(str(tmp_path / "print.pdf"))
    screen.cb_folder.setChecked(True)
    screen.folder_path.setText(str(tmp_path / "files"))

    qtbot.mouseClick(screen.start_button, Qt.MouseButton.LeftButton)
    # The click returned while the batch is still running: the window stays usable.
    assert screen.is_running() and not screen.start_button.isEnabled() and screen.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: screen.result is not None, timeout=60_000)

    assert screen.job_thread is not None and screen.job_thread != threading.get_ident()
    assert (4, 4) in {(d, t) for d, t, _s in screen.progress_seen}
    assert any("Screen 00" in text for _d, _t, text in screen.progress_seen)
    assert screen.result is not None and len(screen.result.issued) == 4
    assert _certificates(desk) == 4
    assert len(list((tmp_path / "files").glob("*.pdf"))) == 4
    assert len(PdfReader(tmp_path / "print.pdf").pages) >= 5  # a separator sheet and the certificates
    assert screen.print_button.isEnabled() and screen.start_button.isEnabled()
    assert "Issued now: 4" in screen.report.toPlainText()
    screen.grab().save("/tmp/batch_screen.png")


def test_cancel_stops_after_the_certificate_in_hand_and_start_resumes(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    path = _requests(desk, tmp_path, 10)
    screen = _screen(qtbot, desk)
    screen.rb_file.setChecked(True)
    screen.file_path.setText(str(path))
    screen.merged_path.setText(str(tmp_path / "print.pdf"))

    screen.start()
    assert screen.worker is not None
    screen.worker.signals.progress.connect(lambda *_a: screen.cancel())
    qtbot.waitUntil(lambda: screen.result is not None, timeout=60_000)
    assert screen.result is not None and screen.result.cancelled
    first = _certificates(desk)
    assert 1 <= first < 10
    assert "Cancelled" in screen.status.text()
    assert not (tmp_path / "print.pdf").exists()

    screen.start()
    qtbot.waitUntil(lambda: screen.result is not None and not screen.is_running(), timeout=60_000)
    assert screen.result is not None and not screen.result.cancelled
    assert _certificates(desk) == 10
    assert screen.result.already_issued == first and len(screen.result.issued) == 10 - first


def test_printing_the_certificates_awaiting_printing(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    from app.batch.run import BatchOptions, run_requests_file

    path = _requests(desk, tmp_path, 3)
    run_requests_file(desk, path, BatchOptions(workers=1))
    screen = _screen(qtbot, desk)
    assert screen.rb_awaiting.isChecked()
    qtbot.waitUntil(lambda: "3 certificates to print" in screen.selection_summary.text())
    screen.merged_path.setText(str(tmp_path / "awaiting.pdf"))
    screen.start()
    qtbot.waitUntil(lambda: screen.result is not None, timeout=60_000)
    assert screen.result is not None and screen.result.marked_printed == 0  # not until it is printed
    assert len(screen.result.printed_ids) == 3
    # Print… opens the system dialog without blocking; accepting it draws every page of the print file
    # (here into a PDF file) and records the print on each certificate.
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog = screen.print_merged(printer)
    assert dialog is not None and dialog.isVisible()
    dialog.accept()
    qtbot.waitUntil(lambda: screen.printed_recorded == 3, timeout=30_000)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == len(PdfReader(tmp_path / "awaiting.pdf").pages)
    with desk.db.read() as session:
        assert all(c.printed_at is not None for c in session.scalars(select(Certificate)))
    qtbot.waitUntil(lambda: "0 certificates to print" in screen.selection_summary.text())


def test_a_second_batch_never_overwrites_the_first_print_file_without_asking(
    qtbot: QtBot, desk: Desk, tmp_path: Path, record_messages: list[tuple[str, str, str]]
) -> None:
    """Issue 18 item 2: the default print file name is new for every batch, and a name typed over an
    existing file asks before replacing it (No keeps the file and starts nothing)."""
    from app.batch.run import BatchOptions, run_requests_file
    from ui.common import messages

    path = _requests(desk, tmp_path, 2)
    screen = _screen(qtbot, desk)
    first_name = screen.merged_path.text()
    screen.start()  # the certificates awaiting printing: none yet, so an empty run
    qtbot.waitUntil(lambda: screen.result is not None and not screen.is_running(), timeout=60_000)
    run_requests_file(desk, path, BatchOptions(workers=1))
    # The screen stayed open; the next batch gets a name of its own even if the first made its file.
    Path(first_name).write_bytes(b"%PDF-1.7 the first batch")
    screen.start()
    qtbot.waitUntil(lambda: screen.result is not None and not screen.is_running(), timeout=60_000)
    assert screen.result is not None and screen.result.merged_path is not None
    assert str(screen.result.merged_path) != first_name
    assert Path(first_name).read_bytes() == b"%PDF-1.7 the first batch"
    assert screen.merged_path.text() not in (first_name, str(screen.result.merged_path))

    # A typed name that exists: asked, and No starts nothing and keeps the file.
    mine = tmp_path / "mine.pdf"
    mine.write_bytes(b"%PDF-1.7 keep me")
    screen.merged_path.setText(str(mine))
    messages.auto_answer = lambda _title, _text: False
    screen.result = None
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(record_messages))
    assert record_messages[-1][0] == "question" and str(mine) in record_messages[-1][2]
    assert not screen.is_running() and mine.read_bytes() == b"%PDF-1.7 keep me"
    # Yes replaces it.
    messages.auto_answer = lambda _title, _text: True
    screen.start()
    qtbot.waitUntil(lambda: screen.result is not None and not screen.is_running(), timeout=60_000)
    assert mine.read_bytes().startswith(b"%PDF") and mine.read_bytes() != b"%PDF-1.7 keep me"


def test_start_and_cancel_have_shortcut_keys(qtbot: QtBot, desk: Desk) -> None:
    screen = _screen(qtbot, desk)
    assert screen.start_button.text().replace("&", "") == "Start" and "&" in screen.start_button.text()
    assert "&" in screen.cancel_button.text()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.result is not None and not screen.is_running(), timeout=10_000)
