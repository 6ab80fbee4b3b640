"""Roles and permissions: what each staff role may do, who is acting, and the check every protected
service calls (`actor.require(Permission.X)`).

Below the desk and the audit trail, which both name an Actor; staff accounts (app.access.staff) sit above.
"""

import getpass
from dataclasses import dataclass

from app.errors import PermissionDenied
from app.store.models import StaffRole


class Permission:
    SEARCH = "search"
    FILE_REQUEST = "file_request"
    RESEND = "resend"
    BATCH_PRINT = "batch_print"
    REVIEW = "review"  # approve / decline requests awaiting review
    REVOKE = "revoke"
    REISSUE = "reissue"
    IMPORT = "import"
    EDIT_INSTITUTIONS = "edit_institutions"
    SETTINGS = "settings"
    MANAGE_STAFF = "manage_staff"
    VIEW_AUDIT = "view_audit"


_CLERK = {
    Permission.SEARCH,
    Permission.FILE_REQUEST,
    Permission.RESEND,
    Permission.BATCH_PRINT,
    Permission.EDIT_INSTITUTIONS,
}
_REGISTRAR = _CLERK | {
    Permission.REVIEW,
    Permission.REVOKE,
    Permission.REISSUE,
    Permission.IMPORT,
    Permission.VIEW_AUDIT,
}
_ADMIN = _REGISTRAR | {Permission.SETTINGS, Permission.MANAGE_STAFF}

ROLE_PERMISSIONS: dict[StaffRole, frozenset[str]] = {
    StaffRole.CLERK: frozenset(_CLERK),
    StaffRole.REGISTRAR: frozenset(_REGISTRAR),
    StaffRole.ADMIN: frozenset(_ADMIN),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in staff user, or the operating-system user running a headless command."""

    username: str
    role: StaffRole
    display_name: str = ""

    def can(self, permission: str) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                f"{self.username} ({self.role.value}) is not allowed to {permission.replace('_', ' ')}"
            )


def os_actor() -> Actor:
    """Headless commands act as the operating-system user; the database login is what admits them."""
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises several kinds when no name can be found
        name = "unknown"
    return Actor(username=f"os:{name}", role=StaffRole.ADMIN, display_name=name)
