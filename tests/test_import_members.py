"""Importing the register: the CSV contract, all-or-nothing, every kind of bad row and bad file."""

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.access.staff import Actor
from app.desk import Desk
from app.errors import PermissionDenied
from app.issuing.rules import review_reasons
from app.register.csv_input import CsvFileError
from app.register.member_import import ImportCancelled, import_members
from app.register.members import search_members
from app.store.models import AuditEvent, Member, MemberNameToken, MemberStatus
from tests.cli_runner import run_cli

HEADER = (
    "cpso_number,first_name,middle_name,last_name,registration_class,status,initial_registration_date,"
    "certificate_expiry_date,specialties,terms_conditions,discipline,pending_investigations,email,phone,"
    "practice_address"
)
GOOD_ROWS = [
    "104211,Hélène,,Côté-Gagnon,Independent Practice,active,2008-07-01,,Family Medicine; Emergency Medicine,"
    ',,,h.cote@example.org,416-555-0100,"200 Elizabeth St\nToronto ON M5G 2C4"',
    "104212,Wei,,王,postgraduate education,Active,2021-07-01,2027-06-30,,,,,,,",
    '55001,Siobhán,Máire,O\'Brien,Restricted,suspended,1999-01-15,,,"Must practise under supervision",'
    '"Reprimand, 2019",,,+1 (613) 555-0142 ext 12,',
]


def write(
    path: Path, rows: list[str], header: str = HEADER, encoding: str = "utf-8", end: str = "\n"
) -> Path:
    path.write_bytes((header + "\n" + "\n".join(rows) + end).encode(encoding))
    return path


def run(desk: Desk, admin: Actor, path: Path, **kw: object):  # type: ignore[no-untyped-def]
    return import_members(desk, admin, path, today=date(2026, 11, 25), **kw)  # type: ignore[arg-type]


def snapshot(desk: Desk) -> tuple[list[tuple[object, ...]], int, int]:
    with desk.db.read() as s:
        members = [
            tuple(r)
            for r in s.execute(
                select(
                    Member.cpso_number, Member.first_name, Member.last_name, Member.email, Member.status
                ).order_by(Member.cpso_number)
            )
        ]
        tokens = s.scalar(select(func.count()).select_from(MemberNameToken)) or 0
        events = s.scalar(select(func.count()).select_from(AuditEvent)) or 0
    return members, tokens, events


def test_good_file_is_imported_searchable_and_audited_once(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    result = run(desk, admin, write(tmp_path / "reg.csv", GOOD_ROWS))
    assert (result.rows, result.inserted, result.updated, result.refused_rows) == (3, 3, 0, 0)
    assert result.committed and result.ok and result.encoding == "UTF-8"
    with desk.db.read() as s:
        m = s.scalar(select(Member).where(Member.cpso_number == "104211"))
        assert m is not None
        assert m.full_name == "Hélène Côté-Gagnon"
        assert m.specialty_list == ["Family Medicine", "Emergency Medicine"]
        assert m.practice_address == "200 Elizabeth St\nToronto ON M5G 2C4"
        assert m.email == "h.cote@example.org" and m.status == MemberStatus.ACTIVE
        w = s.scalar(select(Member).where(Member.cpso_number == "104212"))
        assert w is not None
        assert w.registration_class == "Postgraduate Education"  # canonical spelling
        assert w.certificate_expiry_date == date(2027, 6, 30)
        o = s.scalar(select(Member).where(Member.cpso_number == "55001"))
        assert o is not None
        assert o.discipline == "Reprimand, 2019" and o.status == MemberStatus.SUSPENDED
        assert review_reasons(o)
        assert [h.cpso_number for h in search_members(s, "cote helene")] == ["104211"]
        assert [h.cpso_number for h in search_members(s, "obrien maire")] == ["55001"]
        events = s.scalars(select(AuditEvent).where(AuditEvent.kind == "members.imported")).all()
        assert len(events) == 1
        assert '"inserted":3' in events[0].after_json and events[0].actor == "admin.test"


def test_update_never_blanks_data_and_clear_is_explicit(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    run(desk, admin, write(tmp_path / "a.csv", GOOD_ROWS))
    update = [
        # email and phone empty: kept; discipline cleared on purpose; name changed
        "55001,Siobhan,,O'Brien,Restricted,active,1999-01-15,,,,[clear],,,,",
        "104212,Wei,,王,Postgraduate Education,active,2021-07-01,2027-06-30,,,,,,,",
    ]
    result = run(desk, admin, write(tmp_path / "b.csv", update))
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 1)
    with desk.db.read() as s:
        o = s.scalar(select(Member).where(Member.cpso_number == "55001"))
        assert o is not None
        assert o.first_name == "Siobhan" and o.middle_name == "Máire"  # empty middle name kept
        assert o.discipline == "" and o.terms_conditions == "Must practise under supervision"
        assert o.phone == "+1 (613) 555-0142 ext 12" and o.status == MemberStatus.ACTIVE
        assert [h.cpso_number for h in search_members(s, "siobhan")] == ["55001"]


BAD_CELLS = [
    ("cpso_number", "12 34!", "letters or digits"),
    ("first_name", "", "is required"),
    ("first_name", "12345", "at least one letter"),
    ("last_name", "x" * 201, "at most 200"),
    ("registration_class", "", "is required"),
    ("status", "retired", "must be one of"),
    ("initial_registration_date", "01/07/2010", "YYYY-MM-DD"),
    ("initial_registration_date", "2010-02-30", "not a real date"),
    ("initial_registration_date", "2031-01-01", "in the future"),
    ("certificate_expiry_date", "2001-01-01", "before the initial registration date"),
    ("email", "not-an-email", "not a valid email address"),
    ("email", "a@b.example, c@d.example", "one email address"),
    ("phone", "call me", "telephone number"),
    ("first_name", "Bad\x07Name", "control character"),
    ("terms_conditions", "x" * 5001, "at most 5,000"),
]


@pytest.mark.parametrize(("column", "value", "reason"), BAD_CELLS)
def test_each_kind_of_bad_row_refuses_the_whole_file(
    desk: Desk, admin: Actor, tmp_path: Path, column: str, value: str, reason: str
) -> None:
    run(desk, admin, write(tmp_path / "first.csv", GOOD_ROWS[:1]))
    before = snapshot(desk)
    cells = dict(zip(HEADER.split(","), next(csv.reader([GOOD_ROWS[1]])), strict=True))
    cells[column] = value
    with (tmp_path / "bad.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER.split(","))
        w.writerow(next(csv.reader([GOOD_ROWS[2]])))
        w.writerow(cells.values())
    result = run(desk, admin, tmp_path / "bad.csv")
    assert not result.committed and result.refused_rows == 1
    assert [(p.line, p.column, p.value) for p in result.problems] == [(3, column, value)]
    assert reason in result.problems[0].reason
    assert snapshot(desk) == before  # the good row on line 2 was not imported either


def test_duplicate_cpso_numbers_in_one_file(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    rows = [*GOOD_ROWS, GOOD_ROWS[0].replace("Hélène", "Helen")]
    result = run(desk, admin, write(tmp_path / "dup.csv", rows))
    assert [(p.line, p.column, p.reason) for p in result.problems] == [
        (6, "cpso_number", "repeats line 2; each member once")  # the quoted address spans lines 2-3
    ]
    assert snapshot(desk)[0] == []


def test_bom_and_windows_1252_are_detected(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    bom = write(tmp_path / "bom.csv", GOOD_ROWS[:1], encoding="utf-8-sig")
    assert run(desk, admin, bom).encoding == "UTF-8 with BOM"
    row = "300001,Zoë,,Brontë-Løvik,Restricted,active,2015-05-05,,,,,,,,"
    cp = write(tmp_path / "cp.csv", [row], encoding="cp1252", end="\r\n")
    result = run(desk, admin, cp)
    assert result.encoding == "Windows-1252" and result.inserted == 1
    with desk.db.read() as s:
        assert {m.full_name for m in s.scalars(select(Member))} == {"Hélène Côté-Gagnon", "Zoë Brontë-Løvik"}
        assert [h.full_name for h in search_members(s, "zoe lovik")] == ["Zoë Brontë-Løvik"]


def test_header_spelling_and_semicolons_are_accepted(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text(
        "CPSO Number;First Name;Last Name;Registration Class;Status;Initial-Registration-Date\r\n"
        "400001;Anna;Nowak;Independent Practice;ACTIVE;2012-09-01\r\n\r\n",
        encoding="utf-8",
    )
    assert run(desk, admin, path).inserted == 1


def test_a_file_cut_off_mid_row(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    path = write(tmp_path / "cut.csv", [*GOOD_ROWS[1:], "300002,Jean,,Tremb"], end="")
    with pytest.raises(
        CsvFileError, match=r"ends in the middle of line 4: that row has 4 of 15 values.*cut off"
    ):
        run(desk, admin, path)
    path = write(tmp_path / "cut2.csv", [GOOD_ROWS[1], '300003,Jean,,"Tremblay'], end="")
    with pytest.raises(CsvFileError, match="quoted value is never closed"):
        run(desk, admin, path, skip_invalid=True)
    assert snapshot(desk)[0] == []


def test_empty_and_non_csv_files(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CsvFileError, match=r"empty \(0 bytes\)"):
        run(desk, admin, empty)
    xlsx = tmp_path / "register.xlsx.csv"
    xlsx.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    with pytest.raises(CsvFileError, match="Excel workbook"):
        run(desk, admin, xlsx)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"cpso_number,first_name\n\x00\x01\x02")
    with pytest.raises(CsvFileError, match="binary data"):
        run(desk, admin, binary)
    prose = tmp_path / "letter.csv"
    prose.write_text("Dear registrar,\nplease find the list attached.\n", encoding="utf-8")
    with pytest.raises(CsvFileError, match="does not start with a header"):
        run(desk, admin, prose)
    only_header = write(tmp_path / "header.csv", [])
    with pytest.raises(CsvFileError, match="no member rows"):
        run(desk, admin, only_header)
    missing = tmp_path / "missing.csv"
    missing.write_text("cpso_number,first_name,last_name\n1,A,B\n", encoding="utf-8")
    with pytest.raises(CsvFileError, match="required columns are missing: registration_class, status"):
        run(desk, admin, missing)
    typo = write(tmp_path / "typo.csv", [], header=HEADER.replace("discipline", "disipline"))
    with pytest.raises(CsvFileError, match="not part of the format: disipline"):
        run(desk, admin, typo)
    assert snapshot(desk) == ([], 0, 0)


def test_dry_run_and_skip_invalid(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.csv", [*GOOD_ROWS, "1,A,,B,Restricted,bogus,2020-01-01,,,,,,,,"])
    dry = run(desk, admin, path, dry_run=True)
    assert (dry.inserted, dry.refused_rows, dry.committed) == (3, 1, False)
    assert snapshot(desk) == ([], 0, 0)
    ok = run(desk, admin, write(tmp_path / "ok.csv", GOOD_ROWS), dry_run=True)
    assert ok.ok and ok.inserted == 3 and snapshot(desk) == ([], 0, 0)
    skipped = run(desk, admin, path, skip_invalid=True)
    assert (skipped.inserted, skipped.refused_rows, skipped.committed) == (3, 1, True)
    assert len(snapshot(desk)[0]) == 3


def test_cancel_and_progress_and_permission(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    rows = [f"{500000 + i},First{i},,Last{i},Restricted,active,2020-01-01,,,,,,,," for i in range(1200)]
    path = write(tmp_path / "many.csv", rows)
    with pytest.raises(ImportCancelled):
        run(desk, admin, path, cancelled=lambda: True)
    assert snapshot(desk) == ([], 0, 0)
    seen: list[tuple[int, int]] = []
    result = run(desk, admin, path, progress=lambda done, total, _t: seen.append((done, total)))
    assert result.inserted == 1200
    assert len(seen) >= 3 and seen[-1][0] == seen[-1][1] == path.stat().st_size
    assert desk.actor.role.value == "clerk"
    with pytest.raises(PermissionDenied):
        import_members(desk, desk.actor, path)


def test_cli_exit_codes_and_report(
    desk: Desk, tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--database-url", database_url, "members", "import"]
    good = write(tmp_path / "good.csv", GOOD_ROWS)
    assert run_cli([*base, str(good), "--dry-run"]) == 0
    assert "dry run: nothing was changed" in capsys.readouterr().out
    bad = write(
        tmp_path / "bad.csv", [*GOOD_ROWS, "1,A,,B,Restricted,bogus,2020-01-01,,,,,,,,", "=cmd,,,,,,,,,,,,,,"]
    )
    report = tmp_path / "report.csv"
    assert run_cli([*base, str(bad), "--report", str(report)]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported" in err and "report.csv" in err
    assert snapshot(desk)[0] == []
    with report.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0] == {
        "line": "6",
        "column": "status",
        "value": "bogus",
        "reason": "must be one of active, suspended, revoked, resigned, expired, deceased",
    }
    assert {r["column"] for r in rows if r["line"] == "7"} >= {"cpso_number", "first_name", "status"}
    assert next(r["value"] for r in rows if r["line"] == "7" and r["column"] == "cpso_number") == "'=cmd"
    assert run_cli([*base, str(bad), "--skip-invalid"]) == 1
    captured = capsys.readouterr()
    assert "added 3 members, updated 0, unchanged 0" in captured.err and "line\tcolumn" in captured.err
    assert len(snapshot(desk)[0]) == 3
    assert run_cli([*base, str(good)]) == 0
    assert "added 0 members, updated 0, unchanged 3" in capsys.readouterr().out
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert run_cli([*base, str(empty)]) == 2
    assert "empty (0 bytes)" in capsys.readouterr().err
