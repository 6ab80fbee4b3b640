"""Shared fixtures: an offscreen Qt, a fresh data folder per test, an in-memory keyring, the database.

The database is SQLite (a real file in tmp_path) unless the run asks for PostgreSQL with
`--db=postgres` or CPC_DESK_TEST_DB=postgres; the server is CPC_DESK_TEST_POSTGRES_URL (an admin URL
such as postgresql+psycopg://postgres@127.0.0.1:54329/postgres) and every test gets its own database.
"""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_ACCESSIBILITY", "0")

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from app.access import secrets  # noqa: E402
from app.access.staff import Actor  # noqa: E402
from app.desk import Desk  # noqa: E402
from app.store.models import StaffRole  # noqa: E402

POSTGRES_URL_ENV = "CPC_DESK_TEST_POSTGRES_URL"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps passwords in a dict, for tests only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        choices=("sqlite", "postgres"),
        default=os.environ.get("CPC_DESK_TEST_DB", "sqlite"),
        help="database the database-facing tests run against",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "db: uses the selected database (set automatically; .ci/run repeats these on PostgreSQL)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A test is database-facing when it (or a fixture it uses) asks for `database_url`; only those are
    # worth repeating with --db=postgres, GUI-only and pure tests run once.
    for item in items:
        if "database_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    secrets.forget_session_secrets()
    yield backend
    secrets.forget_session_secrets()
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test has its own data folder; nothing touches the real user profile."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("CPC_DESK_DATA_DIR", str(folder))
    monkeypatch.delenv("CPC_DESK_DATABASE_URL", raising=False)
    return folder


def _postgres_admin_url() -> str | None:
    return os.environ.get(POSTGRES_URL_ENV) or None


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (skips when no server is configured)."""
    admin = _postgres_admin_url()
    if not admin:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests: {POSTGRES_URL_ENV} is not set")
        pytest.skip(f"no PostgreSQL server configured ({POSTGRES_URL_ENV} is not set)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"cpc_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture
def database_url(request: pytest.FixtureRequest, data_dir: Path) -> str:
    """The URL database-facing tests use: a real SQLite file, or a fresh PostgreSQL database."""
    if request.config.getoption("--db") == "postgres":
        url: str = request.getfixturevalue("postgres_url")
        return url
    return f"sqlite:///{data_dir / 'cpc-desk.sqlite3'}"


@pytest.fixture
def desk(data_dir: Path, database_url: str) -> Iterator[Desk]:
    """An open desk on a migrated, empty database, acting as a clerk."""
    d = Desk.open(data_dir, database_url, actor=Actor("clerk.test", StaffRole.CLERK, "Test Clerk"))
    yield d
    d.close()


@pytest.fixture
def registrar() -> Actor:
    return Actor("registrar.test", StaffRole.REGISTRAR, "Test Registrar")


@pytest.fixture
def admin() -> Actor:
    return Actor("admin.test", StaffRole.ADMIN, "Test Admin")


@pytest.fixture(autouse=True)
def record_messages() -> Iterator[list[tuple[str, str, str]]]:
    """No message box opens in a test; what would have been shown is recorded."""
    from ui.common import messages

    messages.record_only = True
    messages.auto_answer = None
    messages.shown.clear()
    yield messages.shown
    messages.shown.clear()
    messages.auto_answer = None


pytest_plugins = ["tests.smtp_fixtures"]
