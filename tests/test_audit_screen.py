"""The Audit trail screen: registrar/admin only, filters, CSV export, chain check."""

import csv
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.access.staff import Actor
from app.audit.trail import record
from app.desk import Desk
from app.store.models import Member, MemberStatus
from ui.admin.audit_screen import AuditScreen
from ui.common import messages
from ui.shell.context import UiContext


def _fill(desk: Desk, registrar: Actor) -> None:
    with desk.db.write() as s:
        m = Member(
            cpso_number="654321",
            first_name="Hélène",
            last_name="Tremblay",
            registration_class="Independent Practice",
            status=MemberStatus.ACTIVE,
            initial_registration_date=date(2005, 1, 1),
        )
        s.add(m)
        s.flush()
        record(s, desk.actor, "request.created", subject="R-0000001", member_id=m.id, after={"a": 1})
        record(s, registrar, "request.approved", subject="R-0000001", member_id=m.id)
        record(s, registrar, "signin", subject="registrar.test")
        record(s, "os:cron", "outbox.sent", subject="CPC-2026-000001")


def _screen(qtbot: QtBot, desk: Desk) -> AuditScreen:
    screen = AuditScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.resize(1100, 600)
    screen.show()
    return screen


def _wait_rows(qtbot: QtBot, screen: AuditScreen, n: int) -> None:
    qtbot.waitUntil(lambda: screen.search_button.isEnabled() and screen.model.rowCount() == n)


def test_a_clerk_is_told_the_screen_is_not_for_them(qtbot: QtBot, desk: Desk) -> None:
    screen = _screen(qtbot, desk)
    assert not screen.allowed
    notice = screen.findChild(QLabel, "notAllowed")
    assert notice is not None and "registrars and administrators" in notice.text()
    assert "Test Clerk (Clerk)" in notice.text()
    assert screen.findChild(QTableView) is None


def test_filters_and_export(qtbot: QtBot, desk: Desk, registrar: Actor, tmp_path: Path) -> None:
    _fill(desk, registrar)
    desk.actor = registrar
    screen = _screen(qtbot, desk)
    _wait_rows(qtbot, screen, 4)
    qtbot.waitUntil(lambda: screen.staff.count() > 1)
    screen.grab().save("/tmp/sec/audit_screen.png")
    assert screen.model.data(screen.model.index(0, 3)) == "outbox.sent"  # newest first
    screen.member.setText("654321")
    qtbot.mouseClick(screen.search_button, Qt.MouseButton.LeftButton)
    _wait_rows(qtbot, screen, 2)
    assert screen.model.data(screen.model.index(0, 4)) == "654321"
    screen.member.clear()
    screen.staff.setCurrentText("registrar.test")
    qtbot.mouseClick(screen.search_button, Qt.MouseButton.LeftButton)
    _wait_rows(qtbot, screen, 2)
    screen.kind.setCurrentText("signin")
    qtbot.mouseClick(screen.search_button, Qt.MouseButton.LeftButton)
    _wait_rows(qtbot, screen, 1)
    screen.staff.setCurrentIndex(0)
    screen.kind.setCurrentIndex(0)
    screen.to_check.setChecked(True)
    screen.to_date.setDate(QDate.currentDate().addDays(-1))
    qtbot.mouseClick(screen.search_button, Qt.MouseButton.LeftButton)
    _wait_rows(qtbot, screen, 0)
    assert screen.status.text() == "0 events."
    screen.to_check.setChecked(False)
    screen.kind.setCurrentText("request")
    path = tmp_path / "out.csv"
    screen.export_to(path)
    qtbot.waitUntil(lambda: screen.export_button.isEnabled() and path.exists())
    with path.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["kind"] for r in rows] == ["request.created", "request.approved"]
    assert "2 events exported" in screen.status.text()


def test_check_the_chain_reports_tampering(qtbot: QtBot, desk: Desk, registrar: Actor) -> None:
    _fill(desk, registrar)
    desk.actor = registrar
    screen = _screen(qtbot, desk)
    _wait_rows(qtbot, screen, 4)
    qtbot.mouseClick(screen.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages.shown))
    assert messages.shown[-1][:2] == ("info", "Audit trail intact")
    with desk.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET subject = 'R-0000999' WHERE kind = 'request.approved'"))
    qtbot.mouseClick(screen.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(messages.shown) == 2)
    kind, title, body = messages.shown[-1]
    assert (kind, title) == ("error", "Audit trail broken") and "request.approved" in body
