"""The register's settings live in its database: every desk on it sees the same, each change is audited
with its value before and after, and only this desk's own values stay in its settings.json."""

import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.access.staff import Actor
from app.audit.trail import check_trail
from app.desk import Desk
from app.setting_changes import change_setting
from app.settings import REGISTER_KEYS, SETTINGS_FILE
from app.store.models import AuditEvent, RegisterSetting, StaffRole
from tests.cli_runner import run_cli

ADMIN = Actor("admin.test", StaffRole.ADMIN, "Test Admin")


@pytest.fixture
def second_desk(tmp_path: Path, database_url: str) -> Iterator[Desk]:
    """Another desk, with its own data folder, on the same database as `desk`."""
    d = Desk.open(tmp_path / "second-desk", database_url, actor=ADMIN)
    yield d
    d.close()


def test_two_desks_on_one_database_see_the_same_settings(desk: Desk, second_desk: Desk) -> None:
    assert change_setting(desk, ADMIN, "issuer.name", "College of Physicians of Ontario")
    assert change_setting(desk, ADMIN, "validity.default_days", "45")
    # the Settings screen and `settings list` read the register afresh
    shown = {key: value for key, value, _default in second_desk.settings.items()}
    assert shown["issuer.name"] == "College of Physicians of Ontario"
    assert shown["validity.default_days"] == 45
    assert second_desk.settings.get("issuer.name") == "College of Physicians of Ontario"
    # and the other way round
    assert change_setting(second_desk, ADMIN, "smtp.bcc_archive", "archive@college.example.org")
    desk.settings.refresh()
    assert desk.settings.get("smtp.bcc_archive") == "archive@college.example.org"


def test_a_change_is_audited_with_before_and_after(desk: Desk) -> None:
    change_setting(desk, ADMIN, "registrar.name", "Dr. N. Newname")
    with desk.db.read() as s:
        ev = s.execute(select(AuditEvent).where(AuditEvent.kind == "settings.changed")).scalar_one()
        stored = s.get(RegisterSetting, "registrar.name")
    assert ev.subject == "registrar.name" and ev.actor == "admin.test"
    assert json.loads(ev.before_json) == {"registrar.name": "Dr. A. Registrar (DEMO)"}
    assert json.loads(ev.after_json) == {"registrar.name": "Dr. N. Newname"}
    assert stored is not None and json.loads(stored.value_json) == "Dr. N. Newname"
    assert check_trail(desk, ADMIN).ok


def test_the_desks_own_settings_stay_in_its_file(desk: Desk, second_desk: Desk) -> None:
    change_setting(desk, ADMIN, "mail.offline", "true")
    change_setting(desk, ADMIN, "smtp.host", "smtp.college.example.org")
    stored = json.loads((desk.data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))["values"]
    assert stored == {"mail.offline": True}  # the register's smtp.host is not in the file
    second_desk.settings.refresh()
    assert second_desk.settings.get("mail.offline") is False
    assert second_desk.settings.get("smtp.host") == "smtp.college.example.org"


def test_a_hand_edit_of_the_file_does_not_change_a_register_setting(
    desk: Desk, data_dir: Path, database_url: str
) -> None:
    change_setting(desk, ADMIN, "smtp.bcc_archive", "archive@college.example.org")
    path = data_dir / SETTINGS_FILE
    saved = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"version": 1, "values": {}}
    saved["values"]["smtp.bcc_archive"] = "someone@elsewhere.example"
    path.write_text(json.dumps(saved), encoding="utf-8")
    reopened = Desk.open(data_dir, database_url, actor=ADMIN)
    try:
        assert reopened.settings.get("smtp.bcc_archive") == "archive@college.example.org"
    finally:
        reopened.close()


def test_values_kept_in_the_file_before_are_carried_into_the_register(
    tmp_path: Path, database_url: str
) -> None:
    folder = tmp_path / "older-desk"
    folder.mkdir()
    (folder / SETTINGS_FILE).write_text(
        json.dumps(
            {"version": 1, "values": {"issuer.name": "College (from the file)", "mail.offline": True}}
        ),
        encoding="utf-8",
    )
    first = Desk.open(folder, database_url, actor=ADMIN)
    other = Desk.open(tmp_path / "other-desk", database_url, actor=ADMIN)
    try:
        assert first.settings.get("issuer.name") == "College (from the file)"
        assert other.settings.get("issuer.name") == "College (from the file)"
        assert other.settings.get("mail.offline") is False
        assert check_trail(first, ADMIN).ok  # carried over through the trail, not around it
    finally:
        first.close()
        other.close()


def test_the_command_line_reads_and_writes_the_register(
    desk: Desk, second_desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    url = desk.db.url
    assert (
        run_cli(
            [
                "--data-dir",
                str(desk.data_dir),
                "--database-url",
                url,
                "settings",
                "set",
                "issuer.name",
                "CPSO",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert (
        run_cli(
            ["--data-dir", str(second_desk.data_dir), "--database-url", url, "settings", "get", "issuer.name"]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == "CPSO"
    assert run_cli(["--data-dir", str(second_desk.data_dir), "--database-url", url, "settings", "list"]) == 0
    assert "issuer.name = CPSO   # changed" in capsys.readouterr().out


def test_a_worker_process_gets_the_values_not_the_database(desk: Desk) -> None:
    change_setting(desk, ADMIN, "issuer.name", "College for the workers")
    copy = pickle.loads(pickle.dumps(desk.settings))
    assert copy.get("issuer.name") == "College for the workers"


def test_which_settings_are_the_registers() -> None:
    # paths of files on this computer and this desk's database stay local
    for local in ("database.url", "signing.pkcs12_path", "issuer.logo", "smtp.ca_file", "mail.offline"):
        assert local not in REGISTER_KEYS
    for shared in ("issuer.name", "validity.days_by_type", "consent.statement", "verification.url"):
        assert shared in REGISTER_KEYS
    assert {"session.max_failed_signins", "session.lockout_minutes", "smtp.bcc_archive"} <= REGISTER_KEYS
