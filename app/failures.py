"""What a command or a screen says when work stops on a failure of its surroundings rather than of its
input: a full disk, a full or unreachable database, a database role without a permission, another desk
running the same batch file at the same moment; and the exit status a command then returns.

It sits above the services (it knows the batch's RunningElsewhere), beside setting_changes: the command
line (app.cli.main) and the window (ui.common.error_sentence) both ask it.

Each gets one sentence saying what happened and what to do, and an exit status of its own (README,
"Exit statuses"). What a command had finished is kept and nothing is half-written: files are written
whole or not at all (app.printing.sheets.atomic_write_bytes), each database step is one transaction,
and a batch run again finishes what the stopped run left.
"""

import errno
from dataclasses import dataclass

from sqlalchemy import exc as sa_exc

from app.i18n import translate

# Exit statuses; 0-3, 70 and 130 are the commands' own (app.cli.main).
OUTPUT_NOT_WRITTEN = 4
DATABASE_FULL = 5
DATABASE_UNREACHABLE = 6
DATABASE_PERMISSION = 7
RUNNING_ELSEWHERE = 8

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}
# PostgreSQL error classes (SQLSTATE): 08 connection, 57P0x the server shutting down or starting.
_PG_DISK_FULL = {"53100", "53000"}
_PG_PERMISSION = {"42501"}
# What the PostgreSQL driver says when the server is gone or will not take the connection.
_CONNECTION_LOST = (
    "connection refused",
    "connection failed",
    "could not connect",
    "server closed the connection",
    "terminating connection",
    "connection is closed",
    "connection timed out",
    "consuming input failed",
    "not currently accepting connections",
    "the database system is",
    "no route to host",
)


@dataclass(frozen=True)
class Failure:
    status: int
    sentence: str


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _os_failure(exc: OSError) -> Failure | None:
    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno in _DISK_FULL:
        return Failure(
            OUTPUT_NOT_WRITTEN,
            translate(
                "Failures",
                "The disk is full: a file could not be written{0}. Free some space there or choose "
                "another folder. What was finished before is kept; run the same command again to "
                "finish the rest.",
            ).format(where),
        )
    if exc.errno in _NOT_ALLOWED:
        return Failure(
            OUTPUT_NOT_WRITTEN,
            translate(
                "Failures",
                "A file could not be written{0}: this account may not write there, or the disk is "
                "read-only. Choose another folder. What was finished before is kept; run the same "
                "command again to finish the rest.",
            ).format(where),
        )
    return None


def _database_failure(exc: sa_exc.DBAPIError) -> Failure | None:
    sqlstate = str(getattr(exc.orig, "sqlstate", "") or getattr(exc.orig, "pgcode", "") or "")
    text = str(exc.orig).lower()
    if sqlstate in _PG_DISK_FULL or "database or disk is full" in text or "no space left" in text:
        return Failure(
            DATABASE_FULL,
            translate(
                "Failures",
                "The database is full: the disk it is kept on has no space left. Ask IT to free space "
                "for the database. The step that failed was not saved. What was finished before is "
                "kept; run the same command again to finish the rest.",
            ),
        )
    if sqlstate in _PG_PERMISSION or "permission denied" in text:
        return Failure(
            DATABASE_PERMISSION,
            translate(
                "Failures",
                "The database refused this step: the database account this desk signs in with may not "
                "do it (a wrong database role, see 'cpc-desk db roles' in the README). Nothing of the "
                "step was saved; ask IT to connect this desk with the right role.",
            ),
        )
    if (
        exc.connection_invalidated
        or sqlstate.startswith("08")
        or sqlstate.startswith("57P")
        or any(marker in text for marker in _CONNECTION_LOST)
    ):
        return Failure(
            DATABASE_UNREACHABLE,
            translate(
                "Failures",
                "The database stopped answering (the server was stopped, restarted or cut off). The "
                "step in progress was not saved. What was finished before is kept; run the same "
                "command again once the database is back.",
            ),
        )
    return None


def describe(exc: BaseException) -> Failure | None:
    """The sentence and exit status for a failure of the surroundings, or None for anything else."""
    # lazy: only a batch raises it, and the module loads the whole issuing stack
    from app.batch.run import RunningElsewhere

    for link in _chain(exc):
        if isinstance(link, RunningElsewhere):
            return Failure(RUNNING_ELSEWHERE, str(link))
        if isinstance(link, sa_exc.DBAPIError):
            found = _database_failure(link)
            if found is not None:
                return found
        if isinstance(link, OSError):
            found = _os_failure(link)
            if found is not None:
                return found
    return None
