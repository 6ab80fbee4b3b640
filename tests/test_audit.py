"""The audit trail: hash chain, tamper detection through `audit verify`, filters and CSV export."""

import csv
import os
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.access.staff import Actor
from app.audit.trail import AuditFilter, export_csv, record, search_events, verify_chain
from app.desk import Desk
from app.errors import PermissionDenied, ValidationError
from app.store.models import AuditEvent, Member, MemberStatus
from tests.cli_runner import cli_command, cli_stdin, run_cli

ROOT = Path(__file__).resolve().parent.parent


def _member(s: Session, cpso: str, last: str) -> int:
    m = Member(
        cpso_number=cpso,
        first_name="Ana",
        last_name=last,
        registration_class="Independent Practice",
        status=MemberStatus.ACTIVE,
        initial_registration_date=date(2001, 7, 1),
    )
    s.add(m)
    s.flush()
    return m.id


def _fill(desk: Desk, registrar: Actor) -> tuple[int, int]:
    # The members are written in the events' transaction: the first event seals their rows.
    with desk.db.write() as s:
        a = _member(s, "100001", "Álvarez")
        b = _member(s, "100002", "O'Brien")
        record(s, desk.actor, "request.created", subject="R-0000001", member_id=a, after={"notes": "x"})
        record(s, desk.actor, "request.submitted", subject="R-0000001", member_id=a)
        record(
            s, registrar, "request.approved", subject="R-0000002", member_id=b, before={"s": 1}, after=None
        )
        record(s, "os:batch", "certificate.issued", subject='=HYPERLINK("http://evil")', member_id=b)
        record(s, registrar, "signin", subject="registrar.test")
        record(s, registrar, "signin.failed", subject="wrong password")
    return a, b


def _verify_cli(desk: Desk, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = run_cli(["--data-dir", str(desk.data_dir), "--database-url", desk.db.url, "audit", "verify"])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_an_intact_trail_verifies(desk: Desk, registrar: Actor, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(desk, registrar)
    with desk.db.read() as s:
        report = verify_chain(s)
    assert report.ok and report.checked == 6
    code, output = _verify_cli(desk, capsys)
    # The command's own sign-in (and the test administrator's making) are events too: all are checked.
    with desk.db.read() as s:
        total = s.scalar(select(func.count()).select_from(AuditEvent))
    assert code == 0 and f"{total} events checked" in output and total > 6


def test_an_empty_trail_verifies(desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    assert _verify_cli(desk, capsys)[0] == 0


@pytest.mark.parametrize(
    ("sql", "broken", "words"),
    [
        ('UPDATE audit_event SET after_json = \'{"notes":"y"}\' WHERE id = :id', 0, "altered"),
        ("UPDATE audit_event SET actor = 'someone.else' WHERE id = :id", 2, "altered"),
        ("UPDATE audit_event SET kind = 'request.declined' WHERE id = :id", 2, "altered"),
        ("UPDATE audit_event SET member_id = NULL WHERE id = :id", 3, "altered"),
        ("UPDATE audit_event SET at = at + INTERVAL '1 second' WHERE id = :id", 1, "altered"),
        ("DELETE FROM audit_event WHERE id = :id", 2, "does not follow"),
        ("UPDATE audit_event SET hash = :fake WHERE id = :id", 4, "altered"),
    ],
)
def test_a_row_edited_in_the_database_is_named_by_audit_verify(
    desk: Desk, registrar: Actor, capsys: pytest.CaptureFixture[str], sql: str, broken: int, words: str
) -> None:
    _fill(desk, registrar)
    with desk.db.read() as s:
        ids = list(s.execute(select(AuditEvent.id).order_by(AuditEvent.id)).scalars())
    target = ids[broken]
    if "INTERVAL" in sql and desk.db.is_sqlite:
        sql = "UPDATE audit_event SET at = datetime(at, '+1 second') WHERE id = :id"
    with desk.db.engine.begin() as conn:
        conn.execute(text(sql), {"id": target, "fake": "f" * 64})
    with desk.db.read() as s:
        report = verify_chain(s)
    assert not report.ok
    assert words in report.problem
    # a deleted row is noticed at the next one; an edited row is named itself
    expected = ids[broken + 1] if sql.startswith("DELETE") else target
    assert report.first_broken_id == expected
    code, output = _verify_cli(desk, capsys)
    assert code == 1
    assert f"AUDIT TRAIL BROKEN at event {expected}" in output


def test_rewriting_a_row_and_its_hash_is_still_caught(desk: Desk, registrar: Actor) -> None:
    """A forger who recomputes the edited row's hash breaks the link to the next row."""
    from app.audit.trail import event_hash

    _fill(desk, registrar)
    with desk.db.write() as s:
        ev = s.execute(select(AuditEvent).order_by(AuditEvent.id).offset(2).limit(1)).scalar_one()
        ev.actor = "someone.else"
        ev.hash = event_hash(
            ev.prev_hash, ev.at, ev.actor, ev.kind, ev.member_id, ev.subject, ev.before_json, ev.after_json
        )
        forged = ev.id
    with desk.db.read() as s:
        report = verify_chain(s)
    assert not report.ok and report.first_broken_id == forged + 1
    assert f"does not follow event {forged}" in report.problem


def test_removing_the_newest_events_is_caught(desk: Desk, registrar: Actor) -> None:
    _fill(desk, registrar)
    with desk.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE id = (SELECT MAX(id) FROM audit_event)"))
    with desk.db.read() as s:
        report = verify_chain(s)
    assert not report.ok and "newest events were removed" in report.problem


def test_audit_verify_as_a_separate_process(desk: Desk, registrar: Actor) -> None:
    _fill(desk, registrar)
    with desk.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET subject = 'R-9999999' WHERE kind = 'request.approved'"))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        cli_command(["--database-url", desk.db.url, "audit", "verify"]),
        input=cli_stdin(),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "request.approved" in done.stderr and "altered" in done.stderr


def test_long_and_odd_values_still_verify(desk: Desk) -> None:
    with desk.db.write() as s:
        record(s, "x" * 100, "k" * 100, subject="Ünïcødé 张伟 " * 50, after={"name": "\u202eevil", "n": 1})
        record(s, desk.actor, "member.imported", before={"a": [1, 2]}, after={"a": [1, 2, 3]})
    with desk.db.read() as s:
        assert verify_chain(s).ok


def test_an_event_rolls_back_with_its_change(desk: Desk) -> None:
    with pytest.raises(RuntimeError), desk.db.write() as s:
        record(s, desk.actor, "request.created")
        raise RuntimeError("the change failed")
    with desk.db.write() as s:
        record(s, desk.actor, "request.created")
    with desk.db.read() as s:
        report = verify_chain(s)
        assert report.ok and report.checked == 1


def test_filters_by_member_staff_kind_and_date(desk: Desk, registrar: Actor) -> None:
    a, b = _fill(desk, registrar)

    def kinds(**kw: object) -> list[str]:
        return [e.kind for e in search_events(desk, registrar, AuditFilter(**kw))]  # type: ignore[arg-type]

    assert kinds(member="100001") == ["request.submitted", "request.created"]
    assert kinds(member_id=b) == ["certificate.issued", "request.approved"]
    assert kinds(member="999999") == []
    assert kinds(actor="registrar.test") == ["signin.failed", "signin", "request.approved"]
    assert kinds(kind="signin") == ["signin.failed", "signin"]
    assert kinds(kind="signin.failed") == ["signin.failed"]
    assert kinds(kind="request") == ["request.approved", "request.submitted", "request.created"]
    today = datetime.now().astimezone().date()
    assert len(kinds(date_from=today, date_to=today)) == 6
    assert kinds(date_to=today - timedelta(days=1)) == []
    assert kinds(date_from=today + timedelta(days=1)) == []
    assert kinds(actor="registrar.test", kind="signin", date_from=today) == ["signin.failed", "signin"]
    with pytest.raises(ValidationError, match="date"):
        kinds(date_from=today, date_to=today - timedelta(days=1))


def test_a_clerk_cannot_read_or_export_the_trail(desk: Desk, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        search_events(desk, desk.actor, AuditFilter())
    with pytest.raises(PermissionDenied):
        export_csv(desk, desk.actor, AuditFilter(), tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_csv_export(desk: Desk, registrar: Actor, tmp_path: Path) -> None:
    _fill(desk, registrar)
    path = tmp_path / "audit.csv"
    assert export_csv(desk, registrar, AuditFilter(), path) == 6
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["kind"] for r in rows][:2] == ["request.created", "request.submitted"]
    assert rows[0]["cpso_number"] == "100001" and rows[0]["after"] == '{"notes":"x"}'
    assert rows[0]["actor"] == "clerk.test"
    # a formula in a value stays text in a spreadsheet
    assert rows[3]["subject"].startswith("'=HYPERLINK")
    assert len(rows[0]["hash"]) == 64
    assert datetime.fromisoformat(rows[0]["at_utc"]).utcoffset() == timedelta(0)
    # only the filtered events, and the export itself is in the trail
    assert export_csv(desk, registrar, AuditFilter(kind="signin"), tmp_path / "s.csv") == 2
    exported = search_events(desk, registrar, AuditFilter(kind="audit.exported"))
    assert [e.subject for e in exported] == ["s.csv", "audit.csv"]
    with desk.db.read() as s:
        assert verify_chain(s).ok
