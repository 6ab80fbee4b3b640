"""The Import dialog: runs the real import off the GUI thread with a progress bar, lists refused rows,
saves the report, and Stop leaves the database as it was."""

import csv
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.access.staff import Actor
from app.desk import Desk
from app.store.models import Member, StaffRole
from ui.admin.import_dialog import ImportDialog
from ui.shell.context import UiContext

HEADER = "cpso_number,first_name,last_name,registration_class,status,initial_registration_date\n"


def members(desk: Desk) -> int:
    with desk.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Member)) or 0)


def dialog_for(qtbot: QtBot, desk: Desk, kind: str = "members") -> ImportDialog:
    desk.actor = Actor("registrar.test", StaffRole.REGISTRAR)
    dialog = ImportDialog(UiContext(desk), kind=kind)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_import_with_progress_then_refused_rows_and_report(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(
        HEADER + "".join(f"{700000 + i},Ann{i},Lee,Restricted,active,2020-01-01\n" for i in range(1500)),
        encoding="utf-8",
    )
    dialog = dialog_for(qtbot, desk)
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.file_edit.setText(str(good))
    dialog.start_button.click()
    assert not dialog.start_button.isEnabled()  # no second import from a double click
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    assert dialog.summary.text() == "1,500 rows read (UTF-8); added 1,500 members, updated 0, unchanged 0."
    assert dialog.progress.value() == 1000 and len(seen) >= 2
    assert members(desk) == 1500

    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER + "1,A,B,Restricted,bogus,2020-01-01\n2,C,D,Restricted,active,2020-01-01\n", encoding="utf-8"
    )
    dialog.file_edit.setText(str(bad))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None and dialog.outcome.file == "bad.csv", timeout=20000)
    assert "nothing was imported" in dialog.summary.text()
    assert dialog.problems.rowCount() == 1
    assert [dialog.problems.index(0, c).data() for c in range(4)] == [
        "2",
        "status",
        "bogus",
        "must be one of active, suspended, revoked, resigned, expired, deceased",
    ]
    assert dialog.report_button.isEnabled()
    report = tmp_path / "report.csv"
    dialog.save_report(str(report))
    with report.open(encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1] == ["2", "status", "bogus", dialog.problems.index(0, 3).data()]
    assert members(desk) == 1500


def test_stop_changes_nothing_and_a_bad_file_is_explained(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text(
        HEADER + "".join(f"{800000 + i},Bo{i},Ray,Restricted,active,2020-01-01\n" for i in range(20000)),
        encoding="utf-8",
    )
    dialog = dialog_for(qtbot, desk)
    dialog.file_edit.setText(str(big))
    dialog.start_button.click()
    dialog.cancel_or_close()  # Stop
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert "stopped; nothing was changed" in dialog.summary.text()
    assert members(desk) == 0
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    dialog.file_edit.setText(str(empty))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert dialog.summary.text() == "empty.csv is empty (0 bytes); there is nothing to import."


def test_institutions_kind_and_clerks(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    clerk_dialog = ImportDialog(UiContext(desk), kind="institutions")
    qtbot.addWidget(clerk_dialog)
    assert not clerk_dialog.start_button.isEnabled()
    assert "registrar" in clerk_dialog.summary.text()
    path = tmp_path / "dir.csv"
    path.write_text(
        "institution_type,name,street1,city,state,country,postal_code,email\n"
        "Hospital,Toronto General Hospital,200 Elizabeth St,Toronto,ON,Canada,M5G 2C4,cred@uhn.example\n",
        encoding="utf-8",
    )
    dialog = dialog_for(qtbot, desk, "institutions")
    dialog.file_edit.setText(str(path))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert dialog.summary.text() == "1 row read (UTF-8); added 1 institution, updated 0, unchanged 0."
