"""What `cpc-desk --version` says: this version, the database's schema revision, and the versions of the
parts an IT desk asks about. Reading the database's revision creates nothing and migrates nothing: no data
folder is made, an SQLite file is opened read-only, and a missing one is reported as missing."""

import os
import platform
import sqlite3
from pathlib import Path

from app import __version__, paths
from app.store.schema import SCHEMA_HEAD


def _data_folder(explicit: str | None) -> Path:
    """paths.data_dir without creating the folder."""
    import platformdirs

    chosen = (
        explicit or os.environ.get(paths.DATA_DIR_ENV) or platformdirs.user_data_dir("cpc-desk", "CPC Desk")
    )
    return Path(chosen).expanduser().resolve()


def _database_url(folder: Path, explicit: str | None) -> str:
    from_settings = None
    if (folder / "settings.json").is_file():
        from app.settings import Settings

        try:
            from_settings = str(Settings(folder).get("database.url")) or None
        except Exception:  # noqa: BLE001 - an unreadable settings file does not stop --version
            from_settings = None
    return paths.database_url(folder, explicit, from_settings)


def database_revision(data_dir: str | None = None, database_url: str | None = None) -> str:
    """The schema revision of the desk's database, in a sentence-part; never creates or changes it."""
    folder = _data_folder(data_dir)
    url = _database_url(folder, database_url)
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    where = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite":
        path = Path(str(parsed.database or ""))
        if not parsed.database or parsed.database == ":memory:" or not path.is_file():
            return f"none yet (no database at {path})"
        try:
            lite = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
            try:
                has_table = lite.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
                ).fetchone()
                row = (
                    lite.execute("SELECT version_num FROM alembic_version").fetchone() if has_table else None
                )
            finally:
                lite.close()
        except sqlite3.Error as exc:
            return f"unreadable ({exc}) at {where}"
        return f"{row[0] if row else 'none (empty database)'} at {where}"
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url, connect_args={"connect_timeout": 5} if "postgres" in url else {})
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return f"none (empty database) at {where}"
            return f"{conn.execute(text('SELECT version_num FROM alembic_version')).scalar()} at {where}"
    except Exception as exc:  # noqa: BLE001 - an unreachable server is reported, not raised
        return f"unknown ({type(exc).__name__}: the database could not be reached) at {where}"
    finally:
        engine.dispose()


def library_versions() -> list[tuple[str, str]]:
    import reportlab
    import sqlalchemy
    from pyhanko.version import __version__ as pyhanko_version

    return [
        ("Python", platform.python_version()),
        ("SQLAlchemy", str(sqlalchemy.__version__)),
        ("reportlab", str(reportlab.Version)),
        ("pyHanko", str(pyhanko_version)),
    ]


def version_report(
    data_dir: str | None = None, database_url: str | None = None, extra: list[tuple[str, str]] | None = None
) -> str:
    """The lines `--version` prints; `extra` adds the Qt and PySide6 versions (the caller knows Qt)."""
    lines = [
        f"CPC Desk {__version__}",
        f"Database schema: {database_revision(data_dir, database_url)}",
        f"Schema this version expects: {SCHEMA_HEAD}",
    ]
    lines += [f"{name} {version}" for name, version in [*library_versions(), *(extra or [])]]
    lines.append(f"System: {platform.system()} {platform.release()} ({platform.machine()})")
    return "\n".join(lines)
