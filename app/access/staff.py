"""Staff accounts: sign-in, lockout, the first administrator, demo users, roles and deactivation.

The roles and the permission check every protected service calls live in app.access.permissions (the
desk and the audit trail need them, and this module records to the trail).
"""

import functools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.access.permissions import NOBODY
from app.access.permissions import ROLE_PERMISSIONS as ROLE_PERMISSIONS
from app.access.permissions import Actor as Actor
from app.access.permissions import Permission as Permission
from app.audit.trail import record
from app.desk import Desk
from app.errors import CpcDeskError, NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.store.models import StaffRole, StaffUser, utcnow

# --- staff accounts ------------------------------------------------------------------------------

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024  # argon2 takes any length; this only stops a pasted novel

# argon2id with the library's defaults (RFC 9106 low-memory profile); one hasher for the process.
_hasher = PasswordHasher()


# Verified against when the username is unknown, so a wrong name costs as long as a wrong password.
@functools.cache
def _dummy_hash() -> str:
    # Made on first use, not at import: argon2 costs ~60 ms and 64 MB, which start-up need not pay.
    return _hasher.hash("not a password anyone has")


class SignInFailed(CpcDeskError):
    """Sign-in refused: wrong username or password, a locked account or a deactivated one."""

    def __init__(self, message: str, *, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: StaffRole
    display_name: str
    password: str


# Demo mode only: documented in the README, created by ensure_demo_users on a demo database.
DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("clerk", StaffRole.CLERK, "Demo Clerk", "demo-clerk"),
    DemoUser("registrar", StaffRole.REGISTRAR, "Demo Registrar", "demo-registrar"),
    DemoUser("admin", StaffRole.ADMIN, "Demo Administrator", "demo-admin"),
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def normalise_username(username: str) -> str:
    return username.strip().lower()


def check_username(username: str) -> str:
    name = normalise_username(username)
    if not name:
        raise ValidationError("username", translate("Access", "is required"))
    if not USERNAME_RE.match(name):
        raise ValidationError(
            "username",
            translate(
                "Access",
                "must be 2 to 64 characters: letters a-z, digits, dot, dash or "
                "underscore, starting with a letter or digit",
            ),
        )
    return name


def check_password(password: str, username: str = "") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "password",
            translate("Access", "must be at least {0} characters long").format(MIN_PASSWORD_LENGTH),
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(
            "password", translate("Access", "must be at most {0} characters long").format(MAX_PASSWORD_LENGTH)
        )
    if not password.strip():
        raise ValidationError("password", translate("Access", "must not be only spaces"))
    if username and password.strip().lower() == username.strip().lower():
        raise ValidationError("password", translate("Access", "must not be the same as the username"))


def _check_display_name(display_name: str) -> str:
    name = " ".join(display_name.split())
    if any(ord(c) < 32 or ord(c) == 127 for c in display_name.replace("\t", " ")):
        raise ValidationError("display name", translate("Access", "must not contain control characters"))
    if len(name) > 200:
        raise ValidationError("display name", translate("Access", "must be at most 200 characters"))
    return name


def actor_for(user: StaffUser) -> Actor:
    return Actor(username=user.username, role=user.role, display_name=user.display_name or user.username)


def _describe(user: StaffUser) -> dict[str, Any]:
    # What the audit trail keeps about an account: never the password hash.
    return {
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role.value,
        "active": user.active,
    }


def _get_user(session: Session, username: str) -> StaffUser:
    user = session.execute(
        select(StaffUser).where(StaffUser.username == normalise_username(username))
    ).scalar_one_or_none()
    if user is None:
        raise NotFound(translate("Access", "No staff account named {0!r}").format(username))
    return user


def _lock(session: Session) -> None:
    """Serialise account changes that check a count first (first admin, last admin)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE staff_user IN SHARE ROW EXCLUSIVE MODE"))
    # SQLite: the write transaction already holds the database write lock (BEGIN IMMEDIATE).


def _active_admins(session: Session) -> int:
    return int(
        session.execute(
            select(func.count())
            .select_from(StaffUser)
            .where(StaffUser.role == StaffRole.ADMIN, StaffUser.active.is_(True))
        ).scalar_one()
    )


def needs_first_admin(desk: Desk) -> bool:
    """True on a new database: nobody can sign in until the administrator is created."""
    with desk.db.read() as session:
        return session.execute(select(func.count()).select_from(StaffUser)).scalar_one() == 0


def list_staff(desk: Desk, actor: Actor) -> list[StaffUser]:
    actor.require(Permission.MANAGE_STAFF)
    with desk.db.read() as session:
        return list(session.execute(select(StaffUser).order_by(StaffUser.username)).scalars())


def _new_user(
    session: Session, username: str, display_name: str, role: StaffRole, password: str
) -> StaffUser:
    name = check_username(username)
    display = _check_display_name(display_name)
    check_password(password, name)
    if session.execute(select(StaffUser.id).where(StaffUser.username == name)).first() is not None:
        raise ValidationError("username", translate("Access", "{0!r} is already taken").format(name))
    user = StaffUser(
        username=name,
        display_name=display or name,
        role=StaffRole(role),
        password_hash=hash_password(password),
        active=True,
        failed_signins=0,
    )
    session.add(user)
    session.flush()
    return user


def create_staff_user(
    desk: Desk, actor: Actor, username: str, display_name: str, role: StaffRole, password: str
) -> StaffUser:
    """An administrator adds a staff account."""
    actor.require(Permission.MANAGE_STAFF)
    with desk.db.write() as session:
        user = _new_user(session, username, display_name, role, password)
        record(session, actor, "staff.created", subject=user.username, after=_describe(user))
    return user


def create_first_admin(desk: Desk, username: str, display_name: str, password: str) -> Actor:
    """The first start of a new database: the person at the desk becomes its administrator."""
    with desk.db.write() as session:
        _lock(session)
        if session.execute(select(func.count()).select_from(StaffUser)).scalar_one():
            raise PermissionDenied(translate("Access", "The administrator already exists; sign in instead."))
        user = _new_user(session, username, display_name, StaffRole.ADMIN, password)
        record(session, user.username, "staff.first_admin", subject=user.username, after=_describe(user))
        record(session, user.username, "signin", subject=user.username)
    return actor_for(user)


def sign_in(desk: Desk, username: str, password: str, *, context: dict[str, str] | None = None) -> Actor:
    """Check a username and password; five wrong passwords lock the account for a while.

    Raises SignInFailed with a sentence to show. Failed attempts are recorded in the audit trail.
    `context` (how the sign-in came, e.g. the command line and its operating-system account) is kept
    with each sign-in event; it is never who acts.
    """
    ctx = dict(context or {})
    name = normalise_username(username)
    max_failed = int(desk.settings.get("session.max_failed_signins"))
    lockout = timedelta(minutes=int(desk.settings.get("session.lockout_minutes")))
    refusal: SignInFailed | None = None
    actor: Actor | None = None
    with desk.db.write() as session:
        # Row lock: two desks typing wrong passwords at once must both count (PostgreSQL; SQLite's write
        # transaction already holds the database lock).
        user = session.execute(
            select(StaffUser).where(StaffUser.username == name).with_for_update()
        ).scalar_one_or_none()
        now = utcnow()
        if user is None:
            password_matches(_dummy_hash(), password)
            record(
                session,
                "(unknown)",
                "signin.failed",
                subject=f"unknown username {name[:64]!r}",
                after=ctx or None,
            )
            refusal = SignInFailed(translate("Access", "Wrong username or password."))
        elif user.locked_until is not None and user.locked_until > now:
            record(session, user.username, "signin.failed", subject="account locked", after=ctx or None)
            refusal = SignInFailed(_locked_message(user.locked_until), locked_until=user.locked_until)
        elif not password_matches(user.password_hash, password):
            user.failed_signins += 1
            if user.failed_signins >= max_failed:
                user.locked_until = now + lockout
                user.failed_signins = 0
                record(
                    session,
                    user.username,
                    "signin.locked",
                    subject=user.username,
                    after={
                        **ctx,
                        "locked_until": user.locked_until.isoformat(),
                        "wrong_passwords": max_failed,
                    },
                )
                refusal = SignInFailed(_locked_message(user.locked_until), locked_until=user.locked_until)
            else:
                record(
                    session,
                    user.username,
                    "signin.failed",
                    subject="wrong password",
                    after={**ctx, "wrong_passwords": user.failed_signins},
                )
                left = max_failed - user.failed_signins
                refusal = SignInFailed(
                    "Wrong username or password."
                    + (
                        f" {left} more wrong password{'s' if left != 1 else ''} will lock the account."
                        if left <= 2
                        else ""
                    )
                )
        elif not user.active:
            record(session, user.username, "signin.failed", subject="account deactivated", after=ctx or None)
            refusal = SignInFailed(
                translate("Access", "This account has been deactivated. Ask an administrator.")
            )
        else:
            user.failed_signins = 0
            user.locked_until = None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            record(session, user.username, "signin", subject=user.username, after=ctx or None)
            actor = actor_for(user)
    if refusal is not None:
        raise refusal
    assert actor is not None
    return actor


def sign_out(desk: Desk, actor: Actor) -> None:
    """The person at the desk leaves it (Sign out, Switch user): recorded; nobody is at the desk after."""
    if actor.signed_in:
        with desk.db.write() as session:
            record(session, actor, "signout", subject=actor.username)
    desk.actor = NOBODY


def _locked_message(until: datetime) -> str:
    local = until.astimezone().strftime("%H:%M")
    return translate(
        "Access",
        "This account is locked after too many wrong passwords. Try again after {0}, or ask an "
        "administrator to unlock it.",
    ).format(local)


def _add_demo_users(session: Session) -> bool:
    """The missing demo accounts; False (nothing added) on a database with staff accounts of its own."""
    _lock(session)
    names = {d.username for d in DEMO_USERS}
    if session.execute(select(StaffUser.id).where(StaffUser.username.not_in(names)).limit(1)).first():
        # Never add accounts with published passwords to a database that has real staff.
        return False
    for demo in DEMO_USERS:
        exists = session.execute(select(StaffUser.id).where(StaffUser.username == demo.username)).first()
        if exists is None:
            user = _new_user(session, demo.username, demo.display_name, demo.role, demo.password)
            record(session, "system:demo", "staff.created", subject=user.username, after=_describe(user))
    return True


def add_demo_users(desk: Desk) -> bool:
    """The command line's --demo: the demo accounts, without signing anyone in (the command signs in
    with --user). False when the database has staff accounts of its own (none are added then)."""
    with desk.db.write() as session:
        return _add_demo_users(session)


def ensure_demo_users(desk: Desk) -> Actor:
    """Demo mode: create the demo clerk, registrar and administrator if missing; return the clerk.

    The passwords are in DEMO_USERS (and the README). Demo mode signs in as the clerk without asking.
    Refused (SignInFailed) on a database that has staff accounts of its own.
    """
    with desk.db.write() as session:
        if not _add_demo_users(session):
            raise SignInFailed(
                translate(
                    "Access",
                    "This database has its own staff accounts, so demo sign-in is "
                    "off. Sign in with your account.",
                )
            )
        clerk = _get_user(session, DEMO_USERS[0].username)
        if not clerk.active:
            raise SignInFailed(
                translate("Access", "The demo clerk's account has been deactivated. Sign in as another user.")
            )
        record(session, clerk.username, "signin", subject="demo mode")
        return actor_for(clerk)


def change_password(
    desk: Desk, actor: Actor, username: str, new_password: str, *, current_password: str | None = None
) -> None:
    """Staff change their own password (giving the current one); an administrator resets anyone's."""
    own = normalise_username(username) == actor.username
    if not own:
        actor.require(Permission.MANAGE_STAFF)
    with desk.db.write() as session:
        user = _get_user(session, username)
        if own and not actor.can(Permission.MANAGE_STAFF):
            if current_password is None or not password_matches(user.password_hash, current_password):
                raise ValidationError("current password", translate("Access", "is not correct"))
        check_password(new_password, user.username)
        user.password_hash = hash_password(new_password)
        user.failed_signins = 0
        user.locked_until = None
        record(session, actor, "staff.password_changed", subject=user.username)


def set_role(desk: Desk, actor: Actor, username: str, role: StaffRole) -> None:
    actor.require(Permission.MANAGE_STAFF)
    role = StaffRole(role)
    with desk.db.write() as session:
        _lock(session)
        user = _get_user(session, username)
        if user.role == role:
            return
        if user.role == StaffRole.ADMIN and user.active and _active_admins(session) <= 1:
            raise ValidationError(
                "role", translate("Access", "the last active administrator cannot be given another role")
            )
        before = _describe(user)
        user.role = role
        record(
            session, actor, "staff.role_changed", subject=user.username, before=before, after=_describe(user)
        )


def set_active(desk: Desk, actor: Actor, username: str, active: bool) -> None:
    actor.require(Permission.MANAGE_STAFF)
    with desk.db.write() as session:
        _lock(session)
        user = _get_user(session, username)
        if user.active == active:
            return
        if not active:
            if user.username == actor.username:
                raise ValidationError(
                    "account", translate("Access", "you cannot deactivate your own account")
                )
            if user.role == StaffRole.ADMIN and _active_admins(session) <= 1:
                raise ValidationError(
                    "account", translate("Access", "the last active administrator cannot be deactivated")
                )
        before = _describe(user)
        user.active = active
        kind = "staff.reactivated" if active else "staff.deactivated"
        record(session, actor, kind, subject=user.username, before=before, after=_describe(user))


def deactivate(desk: Desk, actor: Actor, username: str) -> None:
    """An administrator turns an account off; its history stays in the audit trail."""
    set_active(desk, actor, username, False)


def reactivate(desk: Desk, actor: Actor, username: str) -> None:
    set_active(desk, actor, username, True)


def unlock(desk: Desk, actor: Actor, username: str) -> None:
    """An administrator lifts a lockout after too many wrong passwords."""
    actor.require(Permission.MANAGE_STAFF)
    with desk.db.write() as session:
        user = _get_user(session, username)
        before = {"locked_until": user.locked_until.isoformat() if user.locked_until else None}
        user.locked_until = None
        user.failed_signins = 0
        record(session, actor, "staff.unlocked", subject=user.username, before=before)
