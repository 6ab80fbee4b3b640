"""One open desk: its data folder, settings, database and the staff member at it.

Every service takes a Desk (or its parts); the GUI and the command line each build one at start.
"""

from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.access.permissions import NOBODY, Actor
from app.register.institution_types import ensure_default_types
from app.settings import RegisterStore, Settings
from app.store.db import Database, password_account, refuse_password_in_url


def keyring_database_password(url: str) -> str | None:
    """A server database's password from the OS keyring (`settings set-password database`); None for
    SQLite, or when the keyring has none (libpq then reads PGPASSFILE / pg_service.conf)."""
    if url.startswith("sqlite"):
        return None
    from app.access import secrets

    return secrets.get_secret(secrets.DATABASE_PASSWORD_ENTRY, password_account(url))


@dataclass
class Desk:
    data_dir: Path
    settings: Settings
    db: Database
    # who is at the desk: NOBODY (no permission at all) until a sign-in sets it
    actor: Actor = NOBODY
    # --offline for this run only; the saved setting is mail.offline
    offline: bool = False

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        database_url: str | None = None,
        *,
        actor: Actor | None = None,
        migrate: bool = True,
        database_password: str | None = None,
    ) -> "Desk":
        """`database_password` (typed at a prompt) is used instead of the keyring's; it is never stored."""
        folder = paths.data_dir(data_dir)
        settings = Settings(folder)
        paths.make_private(settings.path)  # an older version's may be world-readable
        paths.make_private_tree(folder / "signing")  # the demo key above all: an older version's was 644
        url = paths.database_url(folder, database_url, str(settings.get("database.url")) or None)
        refuse_password_in_url(url)
        password = database_password or keyring_database_password(url)
        db = Database(url, backup_dir=folder / "backups", password=password)
        if migrate:
            db.ensure_schema()
            ensure_default_types(db)
        desk = cls(data_dir=folder, settings=settings, db=db, actor=actor or NOBODY)
        db.owner = desk  # the audit trail signs its checkpoints with this desk's key (app.audit.anchor)
        settings.attach_register(RegisterStore(db))
        return desk

    def folder(self, name: str) -> Path:
        """A sub-folder of the data folder (mailbox, exports, batch output…), created on demand."""
        path = self.data_dir / name
        path.mkdir(parents=True, exist_ok=True)
        paths.make_private(path, folder=True)  # made by an older version, or under another umask
        return path

    @property
    def is_offline(self) -> bool:
        return self.offline or bool(self.settings.get("mail.offline"))

    def close(self) -> None:
        self.db.dispose()
