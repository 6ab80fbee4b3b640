"""`cpc-desk --version`: what an IT desk asks first, and it creates or migrates nothing."""

import sqlite3
import subprocess
from pathlib import Path

import PySide6
import pytest
import reportlab
import sqlalchemy
from pyhanko.version import __version__ as pyhanko_version

from app import __version__
from app.desk import Desk
from app.store.schema import SCHEMA_HEAD
from tests.cli_runner import cli_command, cli_stdin, run_cli


def test_names_every_part_and_creates_no_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "never-made"
    assert run_cli(["--version", "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"CPC Desk {__version__}" in out
    assert f"Schema this version expects: {SCHEMA_HEAD}" in out
    assert "Database schema: none yet (no database at" in out
    for name, version in [
        ("SQLAlchemy", sqlalchemy.__version__),
        ("reportlab", reportlab.Version),
        ("pyHanko", pyhanko_version),
        ("PySide6", PySide6.__version__),
    ]:
        assert f"{name} {version}" in out
    assert "\nQt 6." in out
    assert not folder.exists()


def test_reads_the_revision_without_touching_the_database(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Desk.open(data_dir).close()
    db_file = data_dir / "cpc-desk.sqlite3"
    before = (db_file.stat().st_mtime_ns, db_file.read_bytes())

    def listing() -> list[str]:
        # SQLite's WAL index files may appear beside a WAL database even for a read-only reader
        return sorted(p.name for p in data_dir.rglob("*") if not p.name.endswith(("-wal", "-shm")))

    files = listing()
    assert run_cli(["--version"]) == 0
    assert f"Database schema: {SCHEMA_HEAD} at sqlite:///{db_file}" in capsys.readouterr().out
    assert (db_file.stat().st_mtime_ns, db_file.read_bytes()) == before
    assert listing() == files  # no backup, no log, no new database


def test_an_empty_or_foreign_database_is_reported_not_migrated(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = data_dir / "other.sqlite3"
    sqlite3.connect(db_file).close()
    assert run_cli(["--version", "--database-url", f"sqlite:///{db_file}"]) == 0
    assert "Database schema: none (empty database)" in capsys.readouterr().out
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    db_file.write_bytes(b"this is not a database" * 100)
    assert run_cli(["--version", "--database-url", f"sqlite:///{db_file}"]) == 0
    assert "Database schema: unreadable" in capsys.readouterr().out


def test_as_a_separate_process_without_a_display(tmp_path: Path) -> None:
    result = subprocess.run(
        cli_command(["--version", "--data-dir", str(tmp_path / "d")]),
        input=cli_stdin(),
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"CPC Desk {__version__}\n") and result.stderr == ""


@pytest.mark.postgres
def test_postgres_revision_read_without_migrating(
    postgres_url: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import create_engine, inspect

    assert run_cli(["--version", "--database-url", postgres_url]) == 0
    assert "Database schema: none (empty database) at postgresql" in capsys.readouterr().out
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []  # nothing was created
    finally:
        engine.dispose()
    Desk.open(data_dir, postgres_url).close()
    assert run_cli(["--version", "--database-url", postgres_url]) == 0
    assert f"Database schema: {SCHEMA_HEAD} at postgresql" in capsys.readouterr().out
