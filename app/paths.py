"""Where CPC Desk keeps its files: one data folder holds everything the app writes."""

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "CPC_DESK_DATA_DIR"
DATABASE_URL_ENV = "CPC_DESK_DATABASE_URL"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: the --data-dir argument, else $CPC_DESK_DATA_DIR, else the user data folder."""
    chosen = explicit or os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir("cpc-desk", "CPC Desk")
    path = Path(chosen).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'cpc-desk.sqlite3'}"


def database_url(folder: Path, explicit: str | None = None, from_settings: str | None = None) -> str:
    """--database-url, else $CPC_DESK_DATABASE_URL, else the settings' value, else SQLite in the data
    folder."""
    return explicit or os.environ.get(DATABASE_URL_ENV) or from_settings or default_database_url(folder)
