"""Upgrading a register written before rows were sealed: one `state.baseline` event vouches for the rows
as they stood, `audit checkpoint` signs it, and from then on a change outside CPC Desk is found."""

import json
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.access.staff import Actor
from app.audit.trail import check_trail
from app.desk import Desk
from app.store.db import Database
from app.store.models import AuditEvent, StaffRole
from tests.cli_runner import run_cli

ADMIN = Actor("admin.test", StaffRole.ADMIN, "Test Admin")

_MEMBER_SQL = text(
    "INSERT INTO member (cpso_number, first_name, middle_name, last_name, search_name, registration_class, "
    "status, initial_registration_date, specialties, terms_conditions, discipline, pending_investigations, "
    "practice_address, email, phone, created_at, updated_at) VALUES ('300001', 'Old', '', 'Member', "
    "'old member', 'Independent Practice', 'active', '2001-07-01', '', '', '', '', '', '', '', "
    "'2020-01-01 00:00:00', '2020-01-01 00:00:00')"
)


def test_an_upgraded_register_is_sealed_once_and_then_guarded(
    data_dir: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    old = Database(database_url)
    old.upgrade("0001")
    with old.engine.begin() as conn:
        conn.execute(_MEMBER_SQL)
    old.dispose()

    desk = Desk.open(data_dir, database_url, actor=ADMIN)  # migrates to 0003
    try:
        with desk.db.read() as s:
            baseline = s.execute(select(AuditEvent).where(AuditEvent.kind == "state.baseline")).scalar_one()
        assert baseline.actor == "system:upgrade"
        assert json.loads(baseline.state_json)["rows"] == 1  # the one member there was
        # written by the migration, which holds no key: not yet covered by a signed checkpoint
        report = check_trail(desk, ADMIN)
        assert not report.ok and "not covered by a checkpoint" in report.problem
    finally:
        desk.close()

    argv = ["--data-dir", str(data_dir), "--database-url", database_url, "audit"]
    assert run_cli([*argv, "checkpoint"]) == 0
    assert "Checkpoint signed" in capsys.readouterr().out
    assert run_cli([*argv, "verify"]) == 0, capsys.readouterr().err
    capsys.readouterr()

    db = Database(database_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE member SET last_name = 'Changed' WHERE cpso_number = '300001'"))
    db.dispose()
    assert run_cli([*argv, "verify"]) == 1
    err = capsys.readouterr().err
    assert "member 300001" in err and "last_name changed outside CPC Desk" in err


def test_a_large_import_is_sealed_chunk_by_chunk_and_guarded(
    desk: Desk, tmp_path: Path, database_url: str
) -> None:
    from datetime import date

    from app.register.member_import import import_members
    from tests.test_import_members import HEADER

    rows = [
        f"{300000 + i},Name{i},,Member{i},Independent Practice,active,2001-07-01,,,,,,,," for i in range(2600)
    ]
    path = tmp_path / "register.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = import_members(desk, ADMIN, path, today=date(2026, 11, 25))
    assert result.committed and result.inserted == 2600
    report = check_trail(desk, ADMIN)
    assert report.ok, report.problem
    with desk.db.read() as s:
        imported = s.execute(select(AuditEvent).where(AuditEvent.kind == "members.imported")).scalar_one()
    assert json.loads(imported.state_json)["rows"] == 2600  # every member, in one set, in chunks
    with desk.db.engine.begin() as conn:
        conn.execute(text("UPDATE member SET status = 'revoked' WHERE cpso_number = '302599'"))
    report = check_trail(desk, ADMIN)
    assert not report.ok and "member 302599" in report.problem and "status" in report.problem
