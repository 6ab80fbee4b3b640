"""CPC Desk on a shared PostgreSQL: chosen by --database-url, the environment or the settings."""

import pytest
from sqlalchemy import select

from app.access.staff import create_first_admin, sign_in
from app.audit.trail import verify_chain
from app.desk import Desk
from app.store.db import SCHEMA_HEAD, Database
from app.store.models import AuditEvent
from tests.cli_runner import TEST_ADMIN, TEST_ADMIN_PASSWORD, run_cli


def test_the_location_shown_never_contains_the_password() -> None:
    db = Database("postgresql+psycopg://desk:s3cret-pw@db.example.org:5432/cpc")
    assert "s3cret-pw" not in db.location
    assert db.location.startswith("postgresql+psycopg://desk:***@db.example.org:5432/cpc")
    assert not db.is_sqlite
    db.dispose()


@pytest.mark.postgres
def test_the_environment_variable_selects_postgres(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CPC_DESK_DATABASE_URL", postgres_url)
    desk = Desk.open()
    try:
        assert desk.db.engine.dialect.name == "postgresql"
        assert desk.db.current_revision() == SCHEMA_HEAD
        create_first_admin(desk, "boss", "Bea Boss", "boss-password")
        assert sign_in(desk, "boss", "boss-password").username == "boss"
    finally:
        desk.close()
    assert run_cli(["audit", "verify"]) == 0
    # boss's three events, the test administrator's making and the command's own sign-in
    assert "Audit trail intact: 5 events checked" in capsys.readouterr().out


@pytest.mark.postgres
def test_the_command_line_and_the_settings_select_postgres(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # --database-url on the command line (and the schema is created on first use)
    assert run_cli(["--database-url", postgres_url, "audit", "verify"]) == 0
    # the test administrator made on the empty database (two events) and the command's sign-in
    assert "Audit trail intact: 3 events checked" in capsys.readouterr().out
    # database.url in the settings
    desk = Desk.open()
    desk.settings.set("database.url", postgres_url)
    desk.close()
    desk = Desk.open()
    try:
        assert desk.db.url == postgres_url and not desk.db.is_sqlite
        assert sign_in(desk, TEST_ADMIN, TEST_ADMIN_PASSWORD).username == TEST_ADMIN
        with desk.db.read() as session:
            assert verify_chain(session).ok
            kinds = session.execute(select(AuditEvent.kind).order_by(AuditEvent.id)).scalars().all()
            assert kinds == ["staff.first_admin", "signin", "signin", "signin"]
    finally:
        desk.close()
