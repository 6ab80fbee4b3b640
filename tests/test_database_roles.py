"""`cpc-desk db roles` on a real PostgreSQL: logins in the desks' role work the register but cannot
rewrite the audit trail or stored documents (grants, and triggers that hold even for the owner); the
verification service runs under a login of its role and can read nothing beyond what its page shows."""

import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.access.permissions import Actor
from app.database_roles import create_roles
from app.desk import Desk
from app.document.verification import revoke_certificate
from app.errors import PermissionDenied
from tests.cli_runner import run_cli
from tests.verification_service import REGISTRAR, fill_register, running_service


@pytest.fixture
def roles(postgres_url: str, data_dir: Path, admin: Actor) -> Iterator[dict[str, object]]:
    """A register on a fresh database, the two roles (names unique to this test: roles are cluster-wide)
    and one login in each."""
    suffix = uuid.uuid4().hex[:8]
    desk_role, service_role = f"cpc_desk_{suffix}", f"cpc_verify_{suffix}"
    desk_login, service_login = f"alice_{suffix}", f"verifier_{suffix}"
    owner = Desk.open(data_dir, postgres_url)
    register = fill_register(owner)
    create_roles(owner, admin, desk_role, service_role)
    with owner.db.engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{desk_login}" LOGIN IN ROLE "{desk_role}"'))
        conn.execute(text(f'CREATE ROLE "{service_login}" LOGIN IN ROLE "{service_role}"'))
    base = make_url(postgres_url)
    urls = {
        "owner": postgres_url,
        "desk": base.set(username=desk_login).render_as_string(hide_password=False),
        "service": base.set(username=service_login).render_as_string(hide_password=False),
    }
    try:
        yield {"owner": owner, "register": register, "urls": urls, "data_dir": data_dir}
    finally:
        owner.close()
        admin_engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
        with admin_engine.connect() as conn:
            for role in (desk_login, service_login, desk_role, service_role):
                conn.execute(text(f'DROP OWNED BY "{role}"'))
                conn.execute(text(f'DROP ROLE "{role}"'))
        admin_engine.dispose()


def _refused(url: str, sql: str) -> str:
    engine = create_engine(url)
    try:
        with engine.begin() as conn, pytest.raises(DBAPIError) as refused:
            conn.execute(text(sql))
        return str(refused.value.orig)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_the_desks_role_cannot_rewrite_the_audit_trail_or_stored_documents(roles: dict) -> None:
    desk_url = roles["urls"]["desk"]
    for sql in (
        "UPDATE audit_event SET actor = 'someone' WHERE id = 1",
        "DELETE FROM audit_event",
        "TRUNCATE audit_event",
        "UPDATE certificate_document SET pdf = 'x'",
        "DELETE FROM certificate_document",
    ):
        assert "permission denied" in _refused(desk_url, sql), sql


@pytest.mark.postgres
def test_the_triggers_refuse_even_the_owner(roles: dict) -> None:
    owner_url = roles["urls"]["owner"]
    for sql in (
        "UPDATE audit_event SET actor = 'x'",
        "DELETE FROM certificate_document",
        "TRUNCATE audit_event",
    ):
        assert "append-only" in _refused(owner_url, sql), sql


@pytest.mark.postgres
def test_a_desk_works_under_its_role(roles: dict) -> None:
    desk = Desk.open(roles["data_dir"], roles["urls"]["desk"])
    try:
        revoked = revoke_certificate(desk, REGISTRAR, roles["register"].valid.number, "Issued in error")
        assert revoked.revoked
    finally:
        desk.close()


@pytest.mark.postgres
def test_the_service_role_reads_only_what_the_page_shows(roles: dict) -> None:
    service_url = roles["urls"]["service"]
    for sql in (
        "SELECT email FROM member",
        "SELECT phone FROM member",
        "SELECT * FROM member",
        "SELECT email FROM request_recipient",
        "SELECT pdf FROM certificate_document",
        "SELECT * FROM audit_event",
        "SELECT * FROM staff_user",
        "SELECT revoked_reason FROM certificate",
        "UPDATE certificate SET revoked = false",
        "INSERT INTO audit_event (id) VALUES (999)",
    ):
        assert "permission denied" in _refused(service_url, sql), sql


@pytest.mark.postgres
def test_the_service_runs_under_its_role(roles: dict) -> None:
    register = roles["register"]
    owner: Desk = roles["owner"]
    path = urlsplit(str(owner.settings.get("verification.url"))).path
    with running_service(roles["data_dir"], roles["urls"]["service"]) as (base, _proc):
        valid = httpx.get(
            base + path,
            params={"number": register.valid.number, "code": register.valid.code},
            headers={"Accept": "application/json"},
        ).json()
        assert valid["status"] == "valid" and valid["member_name"] == "Ada Valid"
        changed = httpx.get(
            base + path,
            params={"number": register.suspended.number, "code": register.suspended.code},
            headers={"Accept": "application/json"},
        ).json()
        assert changed["register_changed_since_issue"] is True
        replaced = httpx.get(
            base + path,
            params={"number": register.replaced.number, "code": register.replaced.code},
            headers={"Accept": "application/json"},
        ).json()
        assert replaced["replaced_by"] == register.replacement.number
        upload = httpx.post(
            base + path,
            content=register.expired.pdf,
            headers={"Accept": "application/json", "Content-Type": "application/pdf"},
        ).json()
        assert upload["issued_file"] is True and upload["certificate"]["status"] == "expired"


@pytest.mark.postgres
def test_roles_need_an_administrator_and_postgresql(roles: dict, data_dir: Path, clerk_actor: Actor) -> None:
    with pytest.raises(PermissionDenied):
        create_roles(roles["owner"], clerk_actor, "cpc_desk_x", "cpc_verify_x")


@pytest.fixture
def clerk_actor() -> Actor:
    from app.store.models import StaffRole

    return Actor("clerk.test", StaffRole.CLERK)


def test_db_roles_on_sqlite_says_why_not(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert run_cli(["--data-dir", str(tmp_path / "d"), "--database-url", url, "db", "roles"]) == 2
    assert "roles are for PostgreSQL" in capsys.readouterr().err
