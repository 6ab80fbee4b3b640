"""PostgreSQL roles: one for the desks, one for the verification service (`cpc-desk db roles`).

- The desks' role may read and write the register, but the audit trail and the stored documents only grow:
  UPDATE, DELETE and TRUNCATE are not granted on them, and triggers refuse them for every login, the
  tables' owner included (a grant can be given back by mistake; the trigger still stands).
- The verification service's role may read only the columns the verification page shows, the code it
  checks and the hash an uploaded file is compared with (app.document.standing, app.document.file_check),
  the College's public signing certificates, the register's settings (its address, the issuer's name; no
  secret is stored there) and the schema version. No email, address, phone, request, audit or document.

Both are NOLOGIN group roles: a login is made a member (`GRANT cpc_desk TO alice`), so people and
services keep their own passwords and the grants live in one place. Run as the database's owner, after
every upgrade (new tables get their grants then).
"""

import re

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from app.errors import ValidationError
from app.i18n import translate

# The audit trail, its signed checkpoints and row seals, and the stored documents only ever grow.
APPEND_ONLY_TABLES = ("audit_event", "audit_checkpoint", "audit_seal", "certificate_document")
# table -> the columns the verification service reads
SERVICE_COLUMNS: dict[str, tuple[str, ...]] = {
    "certificate": (
        "id",
        "number",
        "recipient_id",
        "issue_date",
        "valid_until",
        "verification_code",
        "pdf_sha256",
        "revoked",
        "revoked_at",
        "replaces_id",
    ),
    "request_recipient": ("id", "request_id", "name"),
    "certificate_request": ("id", "member_id"),
    "member": (
        "id",
        "first_name",
        "middle_name",
        "last_name",
        "cpso_number",
        "registration_class",
        "status",
        "status_since",
        "terms_conditions",
        "discipline",
        "pending_investigations",
    ),
    "certificate_statement": (
        "certificate_id",
        "member_name",
        "cpso_number",
        "registration_class",
        "member_status",
        "terms_conditions",
        "discipline",
        "pending_investigations",
    ),
    # the College's signing certificates the page's fingerprint and the file check trust (public)
    "signing_certificate": (
        "id",
        "fingerprint",
        "certificate",
        "chain_pem",
        "not_before",
        "not_after",
        "in_use_from",
        "in_use_until",
        "demo",
    ),
    # the register's settings (verification.url, the issuer's name): no secret is ever stored there
    "register_setting": ("key", "value_json"),
    "alembic_version": ("version_num",),
}
_ROLE_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

_REFUSE_FUNCTION = """
CREATE OR REPLACE FUNCTION cpc_desk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'CPC Desk: % is append-only; % is refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$
"""


def _check_role(field: str, name: str) -> str:
    if not _ROLE_RE.match(name):
        raise ValidationError(
            field, translate("Store", "must be a role name of lower-case letters, digits and _ (at most 63)")
        )
    return name


def _ensure_role(conn: Connection, name: str) -> None:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar()
    if not exists:
        conn.execute(text(f'CREATE ROLE "{name}" NOLOGIN'))


def _tables(conn: Connection) -> list[str]:
    rows = conn.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    )
    return [str(r[0]) for r in rows]


def append_only_triggers(conn: Connection) -> None:
    """The triggers that refuse UPDATE, DELETE and TRUNCATE of the audit trail and stored documents."""
    conn.execute(text(_REFUSE_FUNCTION))
    for table in APPEND_ONLY_TABLES:
        conn.execute(text(f"DROP TRIGGER IF EXISTS cpc_desk_append_only_rows ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER cpc_desk_append_only_rows BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION cpc_desk_append_only()"
            )
        )
        conn.execute(text(f"DROP TRIGGER IF EXISTS cpc_desk_append_only_truncate ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER cpc_desk_append_only_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION cpc_desk_append_only()"
            )
        )


def apply_roles(engine: Engine, desk_role: str, service_role: str) -> None:
    """Create (or bring up to date) the two roles, their grants and the append-only triggers."""
    desk_role = _check_role("--desk-role", desk_role)
    service_role = _check_role("--service-role", service_role)
    if desk_role == service_role:
        raise ValidationError("--service-role", translate("Store", "must differ from the desks' role"))
    if engine.dialect.name != "postgresql":
        raise ValidationError(
            "database",
            translate("Store", "roles are for PostgreSQL; an SQLite file is guarded by its folder"),
        )
    with engine.begin() as conn:
        _ensure_role(conn, desk_role)
        _ensure_role(conn, service_role)
        schema = _schema(conn)
        conn.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO "{desk_role}", "{service_role}"'))
        for table in _tables(conn):
            conn.execute(text(f'REVOKE ALL ON {table} FROM "{desk_role}", "{service_role}"'))
            if table in APPEND_ONLY_TABLES:
                conn.execute(text(f'GRANT SELECT, INSERT ON {table} TO "{desk_role}"'))
            else:
                conn.execute(text(f'GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO "{desk_role}"'))
            columns = SERVICE_COLUMNS.get(table)
            if columns:
                conn.execute(text(f'GRANT SELECT ({", ".join(columns)}) ON {table} TO "{service_role}"'))
        conn.execute(text(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{desk_role}"'))
        append_only_triggers(conn)


def _schema(conn: Connection) -> str:
    return str(conn.execute(text("SELECT current_schema()")).scalar())
