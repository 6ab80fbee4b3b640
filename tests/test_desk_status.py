"""The status bar's counts: through the ORM, and read early through sqlite3 before the ORM has loaded."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.desk import Desk
from app.mail.status import WAITING_STATES, count_waiting, early_status
from app.store.models import OutboxState
from app.store.schema import SCHEMA_HEAD
from tests.factories import add_outbox_messages


@pytest.fixture
def sqlite_desk(data_dir: Path) -> Iterator[Desk]:
    """Always the embedded SQLite file: the early read exists only for it."""
    desk = Desk.open(data_dir)
    yield desk
    desk.close()


def test_waiting_states_are_the_outbox_states_still_to_be_tried() -> None:
    done = {OutboxState.SENT, OutboxState.FAILED_PERMANENT, OutboxState.CANCELLED}
    assert set(WAITING_STATES) == {s.value for s in OutboxState if s not in done}


def test_early_counts_equal_the_orm_counts(sqlite_desk: Desk, data_dir: Path) -> None:
    add_outbox_messages(sqlite_desk, {state: i + 1 for i, state in enumerate(OutboxState)})
    early = early_status(data_dir, None, offline_flag=False)
    assert early is not None
    # queued 1 + sending 2 + failed_temporary 4 (sent 3, failed_permanent 5, cancelled 6 are done)
    assert early.status.outbox_waiting == count_waiting(sqlite_desk) == 7
    assert early.location == sqlite_desk.db.location
    assert early.status.offline is False


def test_early_status_follows_the_offline_setting_and_flag(sqlite_desk: Desk, data_dir: Path) -> None:
    assert early_status(data_dir, None, offline_flag=True).status.offline is True  # type: ignore[union-attr]
    sqlite_desk.settings.set("mail.offline", "true")
    assert early_status(data_dir, None, offline_flag=False).status.offline is True  # type: ignore[union-attr]


def test_no_database_yet_is_left_to_the_full_open_and_nothing_is_created(data_dir: Path) -> None:
    assert early_status(data_dir, None, offline_flag=False) is None
    assert list(data_dir.iterdir()) == []


def test_postgresql_and_unusual_urls_wait_for_the_full_open(data_dir: Path) -> None:
    assert early_status(data_dir, "postgresql+psycopg://desk@127.0.0.1:1/cpc", offline_flag=False) is None
    target = data_dir / "x.sqlite3"
    sqlite3.connect(target).close()
    assert early_status(data_dir, f"sqlite:///{target}?timeout=5", offline_flag=False) is None


def test_another_schema_revision_waits_for_the_full_open(sqlite_desk: Desk, data_dir: Path) -> None:
    path = Path(sqlite_desk.db.location)
    assert early_status(data_dir, None, offline_flag=False) is not None
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (SCHEMA_HEAD + "-newer",))
    assert early_status(data_dir, None, offline_flag=False) is None


def test_a_damaged_file_or_settings_waits_for_the_full_open(sqlite_desk: Desk, data_dir: Path) -> None:
    sqlite_desk.close()
    (data_dir / "settings.json").write_text("{not json", encoding="utf-8")
    assert early_status(data_dir, None, offline_flag=False) is None
    (data_dir / "settings.json").unlink()
    Path(sqlite_desk.db.location).write_bytes(b"this is not a database" * 100)
    for leftover in data_dir.glob("cpc-desk.sqlite3-*"):
        leftover.unlink()
    assert early_status(data_dir, None, offline_flag=False) is None


def test_the_early_read_writes_nothing(sqlite_desk: Desk, data_dir: Path) -> None:
    add_outbox_messages(sqlite_desk, {OutboxState.QUEUED: 2})
    sqlite_desk.close()
    path = Path(sqlite_desk.db.location)
    before = path.read_bytes()
    assert early_status(data_dir, None, offline_flag=False).status.outbox_waiting == 2  # type: ignore[union-attr]
    # (SQLite may add its -wal/-shm companions to read a WAL database; the file itself is untouched.)
    assert path.read_bytes() == before
    assert not (data_dir / "settings.json").exists()
