"""The database: engine and sessions, SQLite tuning, and the migration guard run at start.

SQLite runs in WAL mode with foreign keys on and a busy timeout. Write transactions start with
BEGIN IMMEDIATE so that two processes never deadlock upgrading a read lock; reads use a plain BEGIN.
Alembic is imported only when a migration is actually due, to keep it off the start-up path.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DatabaseTooNew, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.log import remember_secret
from app.paths import make_private
from app.store.schema import KNOWN_REVISIONS, SCHEMA_HEAD

__all__ = ["KNOWN_REVISIONS", "SCHEMA_HEAD", "Database", "make_engine"]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" hook decide how each transaction starts.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    if conn.get_execution_options().get("cpc_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


PASSWORD_IN_URL = QT_TRANSLATE_NOOP(
    "Store",
    "must not carry a password (it would be kept in a file, shown on screen or seen by other users in "
    "the process list): give the URL without it, and keep the password in the OS keyring "
    "('cpc-desk settings set-password database'), a PGPASSFILE (~/.pgpass) or pg_service.conf",
)


def refuse_password_in_url(url: str, field: str = "database.url") -> None:
    """A database URL never carries its password (issue 17: secrets never in a file or output); raises
    ValidationError naming `field` and where the password belongs. The message never quotes the URL."""
    try:
        password = make_url(url).password
    except Exception:  # noqa: BLE001 - not a URL at all: opening it says what is wrong
        return
    if password:
        remember_secret(str(password))  # should anything still quote it, the log blanks it
        raise ValidationError(field, translate_marked("Store", PASSWORD_IN_URL))


def server_wants_password(exc: BaseException) -> bool:
    """True when opening a server database failed because it wants a password that neither the OS keyring
    nor a PGPASSFILE gave (or refused the one given): the window and the command line then ask for one."""
    said = str(getattr(exc, "orig", None) or exc)
    return "no password supplied" in said or "password authentication failed" in said


# Where a database password belongs; said whenever one is missing or refused.
PASSWORD_HOME = "keep it in the OS keyring ('settings set-password database') or a PGPASSFILE (~/.pgpass)"


def password_account(url: str) -> str:
    """The keyring account a server database's password is kept under: user@host:port/database."""
    parsed = make_url(url)
    return f"{parsed.username or ''}@{parsed.host or ''}:{parsed.port or ''}/{parsed.database or ''}"


def make_engine(url: str, password: str | None = None) -> Engine:
    """The engine; `password` (from the OS keyring) goes to the driver only, never into the URL."""
    parsed = make_url(url)
    # A driver's error message may quote the URL; the log blanks its password however it is spelt.
    remember_secret(parsed.password)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # Sessions are used from worker threads; each connection is used by one thread at a time (the pool).
        engine = create_engine(
            url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    remember_secret(password)
    return create_engine(url, pool_pre_ping=True, connect_args={"password": password} if password else {})


class Database:
    """One database: read and write sessions, the schema state and migrations."""

    def __init__(self, url: str, *, backup_dir: Path | None = None, password: str | None = None) -> None:
        self.url = url
        self.engine = make_engine(url, password)
        self.backup_dir = backup_dir
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        # Write sessions know their database, so that the audit trail's commit hook can reach the desk
        # that opened it (`owner`, set by app.desk) and the College's key for its signed checkpoints.
        self._write = sessionmaker(
            self.engine.execution_options(cpc_write=True), expire_on_commit=False, info={"database": self}
        )
        self.owner: Any = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def location(self) -> str:
        """Where the data is, for the status bar: a file path, or the server without the password."""
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite":
            return str(parsed.database)
        return parsed.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        # close() (at the end of the block) ends the transaction without expiring what was loaded,
        # so objects read here stay usable (detached) afterwards.
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction commits when the block ends and rolls back on any exception."""
        with self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()

    # --- schema -------------------------------------------------------------------------------

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def ensure_schema(self) -> bool:
        """Bring the schema to SCHEMA_HEAD; returns True when a migration ran.

        Refuses a database written by a newer CPC Desk; copies an SQLite file before migrating it.
        """
        self.make_private()
        current = self.current_revision()
        if current == SCHEMA_HEAD:
            return False
        if current is not None and current not in KNOWN_REVISIONS:
            raise DatabaseTooNew(
                translate(
                    "Store",
                    "The database at {0} was made by a newer version of CPC Desk "
                    "(schema {1}; this version knows up to {2}). Install the newer "
                    "version, or choose another data folder.",
                ).format(self.location, current, SCHEMA_HEAD)
            )
        if current is not None:
            self.backup(reason=f"before-{SCHEMA_HEAD}")
        self.upgrade()
        self.make_private()
        return True

    def make_private(self) -> None:
        """An SQLite database file and its journals for the owner only (they hold the whole register);
        a server database is the server's to guard."""
        if not self.is_sqlite:
            return
        name = make_url(self.url).database
        if not name or name == ":memory:":
            return
        source = Path(name)
        for suffix in ("", "-wal", "-shm", "-journal"):
            make_private(source.with_name(source.name + suffix))

    def upgrade(self, revision: str = "head") -> None:
        # lazy: alembic costs ~0.27 s; only a database behind the code's schema is migrated
        from alembic import command

        command.upgrade(self.alembic_config(), revision)

    def alembic_config(self) -> Any:
        # lazy: alembic costs ~0.27 s; see upgrade()
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.attributes["engine"] = self.engine
        return cfg

    def backup(self, reason: str) -> Path | None:
        """Copy an SQLite database (consistently, with the backup API) into the backup folder."""
        if not self.is_sqlite:
            return None
        source = Path(str(make_url(self.url).database))
        if not source.exists():
            return None
        folder = self.backup_dir or source.parent / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        make_private(folder, folder=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = folder / f"{source.stem}-{stamp}-{reason}{source.suffix}"
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        make_private(target)
        return target
