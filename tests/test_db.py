"""The database guards itself: migrations from empty, matching models, backups, newer schemas refused."""

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from app.desk import Desk
from app.errors import DatabaseTooNew
from app.store.db import SCHEMA_HEAD, Database
from app.store.models import Base


def test_migrates_empty_database_to_head(database_url: str) -> None:
    db = Database(database_url)
    assert db.current_revision() is None
    assert db.ensure_schema() is True
    assert db.current_revision() == SCHEMA_HEAD
    tables = set(inspect(db.engine).get_table_names())
    assert {
        "member",
        "institution",
        "certificate_request",
        "certificate",
        "outbox_message",
        "audit_event",
        "staff_user",
    } <= tables
    assert db.ensure_schema() is False  # nothing due the second time
    db.dispose()


def test_migrations_match_the_models(database_url: str) -> None:
    db = Database(database_url)
    db.ensure_schema()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == [], f"models and migrations differ; add a migration: {diff}"
    db.dispose()


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    db.ensure_schema()
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.dispose()


def test_newer_schema_is_refused_with_a_clear_message(database_url: str) -> None:
    db = Database(database_url)
    db.ensure_schema()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseTooNew, match="newer version of CPC Desk"):
        db.ensure_schema()
    db.dispose()


def test_sqlite_is_backed_up_before_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = Database(f"sqlite:///{path}", backup_dir=tmp_path / "backups")
    db.ensure_schema()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'pretend-old'"))
    # An unknown *older* revision cannot be told from a newer one, so it is refused too.
    with pytest.raises(DatabaseTooNew):
        db.ensure_schema()
    copy = db.backup("manual")
    assert copy is not None and copy.exists() and copy.stat().st_size > 0
    db.dispose()


def test_desk_opens_in_the_data_folder(data_dir: Path) -> None:
    desk = Desk.open()
    try:
        assert desk.data_dir == data_dir.resolve()
        assert desk.db.location == str(data_dir.resolve() / "cpc-desk.sqlite3")
        assert desk.db.current_revision() == SCHEMA_HEAD
    finally:
        desk.close()
