"""The institution directory: add, edit, mark verified (audited, permission-checked), and its CSV import."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.access.staff import Actor
from app.desk import Desk
from app.errors import ConflictError, PermissionDenied, ValidationErrors
from app.register.csv_input import CsvFileError
from app.register.institution_import import import_institutions
from app.register.institution_types import DEFAULT_TYPES
from app.register.institutions import (
    add_institution,
    edit_institution,
    get_institution,
    institution_types,
    list_institutions,
    set_verified,
)
from app.store.models import AuditEvent, Institution, StaffRole
from tests.cli_runner import run_cli

TGH = {
    "institution_type": "Hospital",
    "name": "Toronto General Hospital",
    "attention": "Medical Affairs",
    "street1": "200 Elizabeth St",
    "city": "Toronto",
    "state": "Ontario",
    "country": "Canada",
    "postal_code": "m5g2c4",
    "email": "credentialing@uhn.example",
}


def audit_kinds(desk: Desk) -> list[str]:
    with desk.db.read() as s:
        return list(s.scalars(select(AuditEvent.kind).order_by(AuditEvent.id)))


def test_add_edit_verify_are_checked_and_audited(desk: Desk) -> None:
    row = add_institution(desk, desk.actor, TGH)
    assert (row.state, row.country, row.postal_code, row.verified) == ("ON", "CA", "M5G 2C4", False)
    with desk.db.read() as s:
        assert [r.name for r in list_institutions(s, "Hospital")] == ["Toronto General Hospital"]
        assert list_institutions(s, "Other") == []
        assert [r.id for r in list_institutions(s, query="uhn toronto")] == [row.id]
        assert institution_types(s) == list(DEFAULT_TYPES)
    with pytest.raises(ConflictError, match="already in the directory"):
        add_institution(desk, desk.actor, {**TGH, "email": "other@uhn.example"})
    with pytest.raises(ValidationErrors) as bad:
        edit_institution(desk, desk.actor, row.id, {**TGH, "postal_code": "12345", "email": "nope"})
    assert {e.field for e in bad.value.errors} == {"Zip/Postal code", "Email address"}
    changed = edit_institution(desk, desk.actor, row.id, {**TGH, "street2": "Suite 100"})
    assert changed.street2 == "Suite 100"
    assert edit_institution(desk, desk.actor, row.id, {**TGH, "street2": "Suite 100"}) == changed
    assert set_verified(desk, desk.actor, row.id, True).verified is True
    with desk.db.read() as s:
        assert get_institution(s, row.id).verified
    assert audit_kinds(desk) == ["institution.added", "institution.updated", "institution.verified"]


def test_staff_without_the_permission_cannot_edit(desk: Desk) -> None:
    from app.access import staff

    nobody = Actor("viewer", StaffRole.CLERK)
    original = staff.ROLE_PERMISSIONS[StaffRole.CLERK]
    staff.ROLE_PERMISSIONS[StaffRole.CLERK] = frozenset()
    try:
        with pytest.raises(PermissionDenied):
            add_institution(desk, nobody, TGH)
    finally:
        staff.ROLE_PERMISSIONS[StaffRole.CLERK] = original
    assert audit_kinds(desk) == []


HEADER = (
    "institution_type,name,attention,street1,street2,street3,street4,city,state,country,postal_code,email,"
    "verified"
)
ROWS = [
    "Hospital,Toronto General Hospital,Medical Affairs,200 Elizabeth St,,,,Toronto,ON,CA,M5G 2C4,"
    "cred@uhn.example,yes",
    "licensing or regulatory authority,General Medical Council,,3 Hardman Street,,,,Manchester,,"
    "United Kingdom,M3 3AW,registration@gmc.example,no",
    "Medical school or university,Université de Montréal,Faculté de médecine,2900 boul. Édouard-Montpetit,,,,"
    "Montréal,Québec,CAN,H3T 1J4,medecine@umontreal.example,",
    "Government or immigration,Department of Home Affairs,,6 Chan Cl,,,,Belconnen,ACT,Australia,2617,"
    "immi@homeaffairs.example,",
]


def write(path: Path, rows: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes((HEADER + "\n" + "\n".join(rows) + "\n").encode(encoding))
    return path


def test_import_good_file_then_update_without_blanking(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    result = import_institutions(desk, admin, write(tmp_path / "dir.csv", ROWS))
    assert (result.rows, result.inserted, result.refused_rows, result.committed) == (4, 4, 0, True)
    with desk.db.read() as s:
        rows = {r.name: r for r in list_institutions(s)}
    assert rows["General Medical Council"].country == "GB"
    assert rows["Université de Montréal"].state == "QC" and rows["Université de Montréal"].country == "CA"
    assert rows["Toronto General Hospital"].verified and not rows["General Medical Council"].verified
    update = ["Hospital,Toronto General Hospital,[clear],,,,,,,,,credentialing@uhn.example,"]
    again = import_institutions(desk, admin, write(tmp_path / "upd.csv", update))
    assert (again.inserted, again.updated) == (0, 1)
    with desk.db.read() as s:
        tgh = next(r for r in list_institutions(s) if r.name == "Toronto General Hospital")
    assert (tgh.attention, tgh.street1, tgh.city, tgh.email, tgh.verified) == (
        "",
        "200 Elizabeth St",
        "Toronto",
        "credentialing@uhn.example",
        True,
    )
    assert audit_kinds(desk) == ["institutions.imported", "institutions.imported"]


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ("Spa,X,,1 St,,,,Toronto,ON,CA,M5G 2C4,a@b.example,", "institution_type", "must be one of"),
        ("Hospital,,,1 St,,,,Toronto,ON,CA,M5G 2C4,a@b.example,", "name", "is required"),
        ("Hospital,X,,1 St,,,,Toronto,ON,Narnia,M5G 2C4,a@b.example,", "country", "not a country"),
        ("Hospital,X,,1 St,,,,Toronto,Texas,CA,M5G 2C4,a@b.example,", "state", "not a province"),
        ("Hospital,X,,1 St,,,,Toronto,ON,CA,90210,a@b.example,", "postal_code", "Canadian postal code"),
        ("Hospital,X,,1 St,,,,Toronto,ON,CA,M5G 2C4,not-an-email,", "email", "not a valid email"),
        ("Hospital,X,,,,,,Toronto,ON,CA,M5G 2C4,a@b.example,", "street1", "is required"),
        ("Hospital,X,,1 St,,,,Toronto,ON,CA,M5G 2C4,a@b.example,maybe", "verified", "yes or no"),
        (ROWS[0].replace("Medical Affairs", "Dr. Smith"), "name", "repeats line 2"),
    ],
)
def test_import_refuses_bad_rows_and_changes_nothing(
    desk: Desk, admin: Actor, tmp_path: Path, row: str, column: str, reason: str
) -> None:
    result = import_institutions(desk, admin, write(tmp_path / "bad.csv", [ROWS[0], row]))
    assert not result.committed and result.refused_rows == 1
    assert [(p.line, p.column) for p in result.problems] == [(3, column)]
    assert reason in result.problems[0].reason
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Institution)) == 0
    assert audit_kinds(desk) == []


def test_import_windows_1252_dry_run_skip_invalid_and_cli(
    desk: Desk, admin: Actor, tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "cp.csv", [ROWS[2], "Spa,X,,1 St,,,,Toronto,ON,CA,M5G 2C4,a@b.example,"], "cp1252"
    )
    dry = import_institutions(desk, admin, path, dry_run=True)
    assert (dry.encoding, dry.inserted, dry.refused_rows, dry.committed) == ("Windows-1252", 1, 1, False)
    base = ["--database-url", database_url, "institutions", "import"]
    report = tmp_path / "report.csv"
    assert run_cli([*base, str(path), "--report", str(report)]) == 1
    assert "institution_type" in report.read_text(encoding="utf-8-sig")
    with desk.db.read() as s:
        assert list_institutions(s) == []
    assert run_cli([*base, str(path), "--skip-invalid"]) == 1
    with desk.db.read() as s:
        assert [r.name for r in list_institutions(s)] == ["Université de Montréal"]
    capsys.readouterr()
    assert run_cli([*base, str(write(tmp_path / "ok.csv", ROWS[:2]))]) == 0
    assert "added 2 institutions, updated 0, unchanged 0" in capsys.readouterr().out
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CsvFileError):
        import_institutions(desk, admin, empty)
