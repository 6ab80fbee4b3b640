"""CPC Desk on a shared PostgreSQL: chosen by --database-url, the environment or the settings."""

import pytest
from sqlalchemy import select

import main
from app.access.staff import create_first_admin, sign_in
from app.audit.trail import verify_chain
from app.desk import Desk
from app.store.db import SCHEMA_HEAD, Database
from app.store.models import AuditEvent


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
    assert main.main(["audit", "verify"]) == 0
    assert "3 events checked" in capsys.readouterr().out


@pytest.mark.postgres
def test_the_command_line_and_the_settings_select_postgres(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # --database-url on the command line (and the schema is created on first use)
    assert main.main(["--database-url", postgres_url, "audit", "verify"]) == 0
    assert "0 events checked" in capsys.readouterr().out
    # database.url in the settings
    desk = Desk.open()
    desk.settings.set("database.url", postgres_url)
    desk.close()
    desk = Desk.open()
    try:
        assert desk.db.url == postgres_url and not desk.db.is_sqlite
        create_first_admin(desk, "boss", "Bea Boss", "boss-password")
        with desk.db.read() as session:
            assert verify_chain(session).ok
            assert session.execute(select(AuditEvent.kind)).scalars().all() == ["staff.first_admin", "signin"]
    finally:
        desk.close()
