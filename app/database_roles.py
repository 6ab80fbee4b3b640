"""`cpc-desk db roles` as a service: an administrator gives a shared PostgreSQL its two roles (the SQL and
what each role may do: app.store.roles), audited."""

from app.access.permissions import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.store.roles import APPEND_ONLY_TABLES, apply_roles


def create_roles(
    desk: Desk, actor: Actor, desk_role: str = "cpc_desk", service_role: str = "cpc_verify"
) -> None:
    """Create or update the desks' and the verification service's roles (admin only, PostgreSQL only)."""
    actor.require(Permission.SETTINGS)
    apply_roles(desk.db.engine, desk_role, service_role)
    with desk.db.write() as session:
        audit.record(
            session,
            actor,
            "database.roles",
            subject=f"{desk_role}, {service_role}",
            after={
                "desk_role": desk_role,
                "service_role": service_role,
                "append_only": list(APPEND_ONLY_TABLES),
            },
        )
