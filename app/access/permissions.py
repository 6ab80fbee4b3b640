"""Roles and permissions: what each staff role may do, who is acting, and the check every protected
service calls (`actor.require(Permission.X)`).

Below the desk and the audit trail, which both name an Actor; staff accounts (app.access.staff) sit above.
"""

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
    """Who is acting: a staff user who signed in (in the window or with the command line's --user).

    `signed_in` is False only for NOBODY, the desk's actor until someone signs in: it may do nothing."""

    username: str
    role: StaffRole
    display_name: str = ""
    signed_in: bool = True

    def can(self, permission: str) -> bool:
        return self.signed_in and permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: str) -> None:
        if not self.signed_in:
            raise PermissionDenied(f"Nobody is signed in: sign in to {permission.replace('_', ' ')}.")
        if not self.can(permission):
            raise PermissionDenied(
                f"{self.username} ({self.role.value}) is not allowed to {permission.replace('_', ' ')}"
            )


# The desk's actor before anyone signs in. The operating-system account is never an identity (its name is
# whatever LOGNAME/USER say); the command line records it only as context of a sign-in.
NOBODY = Actor(username="(nobody signed in)", role=StaffRole.CLERK, display_name="", signed_in=False)
