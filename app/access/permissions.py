"""Roles and permissions: what each staff role may do, who is acting, and the check every protected
service calls (`actor.require(Permission.X)`).

Below the desk and the audit trail, which both name an Actor; staff accounts (app.access.staff) sit above.
"""

from dataclasses import dataclass

from app.errors import PermissionDenied
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
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


# What each permission lets one do, as a refusal names it ("is not allowed to batch print").
_ACTIONS = {
    Permission.SEARCH: QT_TRANSLATE_NOOP("Access", "search"),
    Permission.FILE_REQUEST: QT_TRANSLATE_NOOP("Access", "file request"),
    Permission.RESEND: QT_TRANSLATE_NOOP("Access", "resend"),
    Permission.BATCH_PRINT: QT_TRANSLATE_NOOP("Access", "batch print"),
    Permission.REVIEW: QT_TRANSLATE_NOOP("Access", "review"),
    Permission.REVOKE: QT_TRANSLATE_NOOP("Access", "revoke"),
    Permission.REISSUE: QT_TRANSLATE_NOOP("Access", "reissue"),
    Permission.IMPORT: QT_TRANSLATE_NOOP("Access", "import"),
    Permission.EDIT_INSTITUTIONS: QT_TRANSLATE_NOOP("Access", "edit institutions"),
    Permission.SETTINGS: QT_TRANSLATE_NOOP("Access", "settings"),
    Permission.MANAGE_STAFF: QT_TRANSLATE_NOOP("Access", "manage staff"),
    Permission.VIEW_AUDIT: QT_TRANSLATE_NOOP("Access", "view audit"),
}
_ROLES = {
    StaffRole.CLERK: QT_TRANSLATE_NOOP("Access", "clerk"),
    StaffRole.REGISTRAR: QT_TRANSLATE_NOOP("Access", "registrar"),
    StaffRole.ADMIN: QT_TRANSLATE_NOOP("Access", "admin"),
}


def _action(permission: str) -> str:
    if permission in _ACTIONS:
        return translate_marked("Access", _ACTIONS[permission])
    return permission.replace("_", " ")


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
            raise PermissionDenied(
                translate("Access", "Nobody is signed in: sign in to {0}.").format(_action(permission))
            )
        if not self.can(permission):
            raise PermissionDenied(
                translate("Access", "{0} ({1}) is not allowed to {2}").format(
                    self.username, translate_marked("Access", _ROLES[self.role]), _action(permission)
                )
            )


# The desk's actor before anyone signs in. The operating-system account is never an identity (its name is
# whatever LOGNAME/USER say); the command line records it only as context of a sign-in.
NOBODY = Actor(username="(nobody signed in)", role=StaffRole.CLERK, display_name="", signed_in=False)
