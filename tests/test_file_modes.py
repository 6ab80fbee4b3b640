"""Files for the owner only (issue 17 item 7): whatever the umask the desk starts with (here the usual
022), the data folder is 0700 and the database, its backups, exports (PDFs, print files, the audit CSV),
the settings and the logs are 0600 on POSIX; an older version's world-readable files are tightened."""

import csv
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.access.permissions import Actor
from app.audit.trail import AuditFilter, export_csv
from app.desk import Desk
from tests.cli_runner import run_cli
from tests.factories import make_member
from tests.test_batch import HEADER, _directory, _row

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="file modes are POSIX; Windows uses the profile's ACL"
)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private(root: Path) -> list[Path]:
    """Every folder under root (root included) 0700, every file 0600; returns the files seen."""
    assert mode(root) == 0o700, root
    files = []
    for path in root.rglob("*"):
        if path.is_dir():
            assert mode(path) == 0o700, path
        else:
            assert mode(path) == 0o600, f"{path} is {oct(mode(path))}"
            files.append(path)
    return files


def test_everything_the_desk_writes_is_private_whatever_the_umask(
    umask_022: None, tmp_path: Path, admin: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "desk"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    # An older version's desk: a database, settings and a backup left world-readable.
    desk = Desk.open(data)
    _directory(desk)
    with desk.db.write() as session:
        numbers = [make_member(session, last_name=f"Mode {i}").cpso_number for i in range(2)]
    desk.settings.set("issuer.name", "College of Physicians and Surgeons of Ontario")  # the register's
    desk.settings.set("mail.offline", True)  # this desk's own: settings.json
    desk.close()
    os.umask(0o022)
    for path in [data, *data.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    assert mode(data / "cpc-desk.sqlite3") == 0o644

    requests = tmp_path / "requests.csv"
    with requests.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, HEADER)
        writer.writeheader()
        writer.writerows(_row(n, institution_name="Toronto General Hospital") for n in numbers)
    out, merged = tmp_path / "out", tmp_path / "print" / "all.pdf"
    os.umask(0o022)  # as the shell would start the command
    argv = ["--data-dir", str(data), "batch", str(requests), "--out", str(out), "--merged", str(merged)]
    assert run_cli([*argv, "--separators", "--workers", "1"]) == 0, capsys.readouterr()

    desk = Desk.open(data)
    try:
        os.umask(0o022)
        backup = desk.db.backup("test")  # a backup made by a process whose umask says 644
        assert backup is not None and mode(backup) == 0o600 and mode(backup.parent) == 0o700
        os.umask(0o022)
        desk2 = Desk.open(data)  # every start tightens the umask again before anything is written
        exported = tmp_path / "exports" / "audit.csv"
        exported.parent.mkdir()
        assert export_csv(desk2, admin, AuditFilter(), exported) > 0
        desk2.close()
    finally:
        desk.close()

    files = assert_private(data)
    names = {p.name for p in files}
    assert {"cpc-desk.sqlite3", "settings.json", "cpc-desk.log"} <= names, names
    pdfs = assert_private(out)
    assert len([p for p in pdfs if p.suffix == ".pdf"]) == 2
    assert mode(merged) == 0o600 and mode(merged.parent) == 0o700
    assert mode(exported) == 0o600
