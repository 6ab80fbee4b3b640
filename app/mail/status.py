"""What the status bar shows about a desk: outbox messages waiting and the mail mode.

Kept apart from app.mail.outbox (which loads the mail machinery) because the window shows it at start-up.
`early_status` reads the same counts from an SQLite file through the standard library's sqlite3, so the
window can show them while SQLAlchemy (a quarter of a second to import) is still loading; this module
imports SQLAlchemy only inside `count_waiting`.
"""

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from app import paths
from app.errors import ValidationError
from app.settings import Settings
from app.store.schema import SCHEMA_HEAD

if TYPE_CHECKING:
    from app.access.permissions import Actor
    from app.desk import Desk

# The OutboxState values of messages not yet delivered and still to be tried (a test checks them
# against the enum).
WAITING_STATES = ("queued", "sending", "failed_temporary")
_WAITING_SQL = (
    f"SELECT count(*) FROM outbox_message WHERE state IN ({', '.join('?' for _ in WAITING_STATES)})"
)


@dataclass(frozen=True)
class DeskStatus:
    outbox_waiting: int
    offline: bool


@dataclass(frozen=True)
class EarlyStatus:
    """The status bar's first line, read before the desk is open: where the data is and its counts."""

    location: str
    status: DeskStatus


def count_waiting(desk: "Desk") -> int:
    """Messages not yet delivered and still to be tried."""
    # lazy: SQLAlchemy costs ~0.2 s; early_status reads the counts without it before the desk is open
    from sqlalchemy import func, select

    from app.store.models import OutboxMessage

    with desk.db.read() as session:
        query = select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state.in_(WAITING_STATES))
        return int(session.scalar(query) or 0)


def count_awaiting_review(desk: "Desk", actor: "Actor") -> int:
    """Requests waiting for a registrar's decision: the number on the Registrar Review tile."""
    from sqlalchemy import func, select

    from app.access.permissions import Permission
    from app.store.models import CertificateRequest, RequestStatus

    actor.require(Permission.REVIEW)
    with desk.db.read() as session:
        query = (
            select(func.count())
            .select_from(CertificateRequest)
            .where(CertificateRequest.status == RequestStatus.AWAITING_REVIEW)
        )
        return int(session.scalar(query) or 0)


def sqlite_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL; None for any other database or URL form."""
    prefix = "sqlite:///"
    # Anything SQLAlchemy might decode differently (query options, %-escapes) is left to it.
    if not url.startswith(prefix) or "?" in url or "%" in url:
        return None
    path = url[len(prefix) :]
    return Path(path) if path and path != ":memory:" else None


def early_status(
    data_dir: str | os.PathLike[str] | None, database_url: str | None, offline_flag: bool
) -> EarlyStatus | None:
    """The counts of an SQLite desk at the schema this version expects, read-only through sqlite3.

    None whenever the full open might say something else: another database, no file yet, another schema
    revision (the desk will migrate it or refuse it), a busy or damaged file. The caller then waits for
    Desk.open, which is the authority; this only lets the window show the counts sooner.
    """
    try:
        folder = paths.data_dir(data_dir)
        settings = Settings(folder)
    except (OSError, ValidationError):
        return None  # Desk.open reports it
    url = paths.database_url(folder, database_url, str(settings.get("database.url")) or None)
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    try:
        # mode=ro: this look never creates, migrates or writes anything.
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if revision != [(SCHEMA_HEAD,)]:
            return None
        (waiting,) = conn.execute(_WAITING_SQL, WAITING_STATES).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    offline = offline_flag or bool(settings.get("mail.offline"))
    return EarlyStatus(location=str(path), status=DeskStatus(outbox_waiting=int(waiting), offline=offline))
