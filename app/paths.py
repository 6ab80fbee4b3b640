"""Where CPC Desk keeps its files: one data folder holds everything the app writes."""

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "CPC_DESK_DATA_DIR"
DATABASE_URL_ENV = "CPC_DESK_DATABASE_URL"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def keep_private() -> None:
    """Everything this process creates from now on is its owner's only (umask 077: folders 0700, files
    0600), whatever umask it was started with: the database, backups, exports, PDFs, print files, logs.

    POSIX only; on Windows the data folder's ACL (the user's profile) is what keeps others out."""
    if os.name == "posix":
        os.umask(0o077)


def make_private(path: Path, *, folder: bool = False) -> None:
    """Owner-only mode for a file or folder that may predate keep_private (an older version's, or one
    copied in); a missing path is left alone. POSIX only."""
    if os.name != "posix":
        return
    try:
        os.chmod(path, 0o700 if folder else 0o600)
    except FileNotFoundError:
        pass


def make_private_tree(folder: Path) -> None:
    """make_private for a folder, every folder below it and every file in them (a missing folder is left
    alone). POSIX only."""
    if os.name != "posix" or not folder.is_dir():
        return
    make_private(folder, folder=True)
    for path in folder.rglob("*"):
        if not path.is_symlink():
            make_private(path, folder=path.is_dir())


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: the --data-dir argument, else $CPC_DESK_DATA_DIR, else the user data folder.

    Made (or kept) 0700, and the process made to create owner-only files (keep_private)."""
    keep_private()
    chosen = explicit or os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir("cpc-desk", "CPC Desk")
    path = Path(chosen).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    make_private(path, folder=True)
    return path


def default_database_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'cpc-desk.sqlite3'}"


def database_url(folder: Path, explicit: str | None = None, from_settings: str | None = None) -> str:
    """--database-url, else $CPC_DESK_DATABASE_URL, else the settings' value, else SQLite in the data
    folder."""
    return explicit or os.environ.get(DATABASE_URL_ENV) or from_settings or default_database_url(folder)
