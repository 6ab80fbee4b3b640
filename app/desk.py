"""One open desk: its data folder, settings, database and the staff member at it.

Every service takes a Desk (or its parts); the GUI and the command line each build one at start.
"""

from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app.access.permissions import Actor, os_actor
from app.register.institution_types import ensure_default_types
from app.settings import RegisterStore, Settings
from app.store.db import Database


@dataclass
class Desk:
    data_dir: Path
    settings: Settings
    db: Database
    actor: Actor = field(default_factory=os_actor)
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
    ) -> "Desk":
        folder = paths.data_dir(data_dir)
        settings = Settings(folder)
        url = paths.database_url(folder, database_url, str(settings.get("database.url")) or None)
        db = Database(url, backup_dir=folder / "backups")
        if migrate:
            db.ensure_schema()
            ensure_default_types(db)
        desk = cls(data_dir=folder, settings=settings, db=db, actor=actor or os_actor())
        db.owner = desk  # the audit trail signs its checkpoints with this desk's key (app.audit.anchor)
        settings.attach_register(RegisterStore(db))
        return desk

    def folder(self, name: str) -> Path:
        """A sub-folder of the data folder (mailbox, exports, batch output…), created on demand."""
        path = self.data_dir / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def is_offline(self) -> bool:
        return self.offline or bool(self.settings.get("mail.offline"))

    def close(self) -> None:
        self.db.dispose()
