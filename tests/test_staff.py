"""Staff accounts: argon2 passwords, sign-in, lockout after wrong passwords, admin-only account changes."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.access.staff import (
    DEMO_USERS,
    Actor,
    SignInFailed,
    change_password,
    create_first_admin,
    create_staff_user,
    deactivate,
    ensure_demo_users,
    needs_first_admin,
    reactivate,
    set_role,
    sign_in,
    unlock,
)
from app.audit.trail import verify_chain
from app.desk import Desk
from app.errors import NotFound, PermissionDenied, ValidationError
from app.store.models import AuditEvent, StaffRole, StaffUser, utcnow


@pytest.fixture
def boss(desk: Desk) -> Actor:
    return create_first_admin(desk, "boss", "Bea Boss", "correct horse battery")


def _events(desk: Desk, kind: str | None = None) -> list[AuditEvent]:
    with desk.db.read() as s:
        q = select(AuditEvent).order_by(AuditEvent.id)
        if kind:
            q = q.where(AuditEvent.kind == kind)
        return list(s.execute(q).scalars())


def _user(desk: Desk, name: str) -> StaffUser:
    with desk.db.read() as s:
        return s.execute(select(StaffUser).where(StaffUser.username == name)).scalar_one()


def test_first_start_creates_the_administrator_once(desk: Desk) -> None:
    assert needs_first_admin(desk)
    actor = create_first_admin(desk, "  Boss ", "Bea Boss", "correct horse battery")
    assert actor == Actor("boss", StaffRole.ADMIN, "Bea Boss")
    assert not needs_first_admin(desk)
    stored = _user(desk, "boss")
    assert stored.password_hash.startswith("$argon2id$")
    assert "correct horse" not in stored.password_hash
    with pytest.raises(PermissionDenied, match="already exists"):
        create_first_admin(desk, "mallory", "Mallory", "another password")
    kinds = [e.kind for e in _events(desk)]
    assert kinds == ["staff.first_admin", "signin"]
    # the hash never reaches the trail
    assert all("argon2" not in e.after_json for e in _events(desk))


def test_sign_in_with_the_right_password(desk: Desk, boss: Actor) -> None:
    create_staff_user(desk, boss, "c.lerk", "Cal Lerk", StaffRole.CLERK, "pass-word-1")
    actor = sign_in(desk, "C.Lerk ", "pass-word-1")
    assert actor == Actor("c.lerk", StaffRole.CLERK, "Cal Lerk")
    assert _events(desk)[-1].kind == "signin" and _events(desk)[-1].actor == "c.lerk"


@pytest.mark.parametrize("username", ["nobody", "", "x" * 300, "'; DROP TABLE staff_user; --"])
def test_unknown_user_gets_the_same_message_as_a_wrong_password(
    desk: Desk, boss: Actor, username: str
) -> None:
    with pytest.raises(SignInFailed) as unknown:
        sign_in(desk, username, "whatever-it-is")
    with pytest.raises(SignInFailed) as wrong:
        sign_in(desk, "boss", "not the password")
    assert str(unknown.value) == "Wrong username or password."
    assert str(wrong.value).startswith("Wrong username or password.")
    failed = _events(desk, "signin.failed")
    assert [e.subject for e in failed][-1] == "wrong password"
    assert failed[-2].actor == "(unknown)" and len(failed[-2].subject) <= 200
    assert verify_chain_ok(desk)


def verify_chain_ok(desk: Desk) -> bool:
    with desk.db.read() as s:
        return verify_chain(s).ok


def test_five_wrong_passwords_lock_the_account_for_the_lockout_period(desk: Desk, boss: Actor) -> None:
    desk.settings.set("session.lockout_minutes", 20)
    create_staff_user(desk, boss, "clerk1", "Clerk One", StaffRole.CLERK, "right-password")
    messages = []
    for _ in range(5):
        with pytest.raises(SignInFailed) as exc:
            sign_in(desk, "clerk1", "wrong-password")
        messages.append(str(exc.value))
    assert "2 more wrong passwords will lock" in messages[2]
    assert "1 more wrong password will lock" in messages[3]
    assert "locked" in messages[4]
    locked = _user(desk, "clerk1").locked_until
    assert locked is not None
    assert timedelta(minutes=19) < locked - utcnow() <= timedelta(minutes=20)
    # even the right password is refused while locked
    with pytest.raises(SignInFailed, match="locked") as exc:
        sign_in(desk, "clerk1", "right-password")
    assert exc.value.locked_until == locked
    assert [e.kind for e in _events(desk) if e.actor == "clerk1"][-2:] == ["signin.locked", "signin.failed"]
    # the period passes (moved back in the database, as the clock would)
    with desk.db.write() as s:
        s.execute(select(StaffUser).where(StaffUser.username == "clerk1")).scalar_one().locked_until = (
            utcnow() - timedelta(seconds=1)
        )
    assert sign_in(desk, "clerk1", "right-password").username == "clerk1"
    assert _user(desk, "clerk1").failed_signins == 0


def test_a_right_password_resets_the_count_of_wrong_ones(desk: Desk, boss: Actor) -> None:
    create_staff_user(desk, boss, "clerk1", "", StaffRole.CLERK, "right-password")
    for _ in range(4):
        with pytest.raises(SignInFailed):
            sign_in(desk, "clerk1", "nope-nope")
    sign_in(desk, "clerk1", "right-password")
    for _ in range(4):
        with pytest.raises(SignInFailed, match="Wrong"):
            sign_in(desk, "clerk1", "nope-nope")
    assert _user(desk, "clerk1").locked_until is None


def test_admin_unlocks_a_locked_account(desk: Desk, boss: Actor) -> None:
    desk.settings.set("session.max_failed_signins", 2)
    create_staff_user(desk, boss, "clerk1", "", StaffRole.CLERK, "right-password")
    for _ in range(2):
        with pytest.raises(SignInFailed):
            sign_in(desk, "clerk1", "nope-nope")
    with pytest.raises(SignInFailed, match="locked"):
        sign_in(desk, "clerk1", "right-password")
    unlock(desk, boss, "clerk1")
    assert sign_in(desk, "clerk1", "right-password").role == StaffRole.CLERK
    assert _events(desk, "staff.unlocked")[0].actor == "boss"


def test_deactivated_account_cannot_sign_in_and_can_be_reactivated(desk: Desk, boss: Actor) -> None:
    create_staff_user(desk, boss, "reg", "Reg Istrar", StaffRole.REGISTRAR, "registrar-pw")
    deactivate(desk, boss, "reg")
    with pytest.raises(SignInFailed, match="deactivated"):
        sign_in(desk, "reg", "registrar-pw")
    # a wrong password does not reveal that the account is deactivated
    with pytest.raises(SignInFailed, match="Wrong username or password"):
        sign_in(desk, "reg", "wrong-pw-123")
    reactivate(desk, boss, "reg")
    assert sign_in(desk, "reg", "registrar-pw").role == StaffRole.REGISTRAR
    ev = _events(desk, "staff.deactivated")[0]
    assert ev.actor == "boss" and '"active":true' in ev.before_json and '"active":false' in ev.after_json


def test_set_role_is_audited_with_before_and_after(desk: Desk, boss: Actor) -> None:
    create_staff_user(desk, boss, "sam", "Sam", StaffRole.CLERK, "sam-password")
    set_role(desk, boss, "sam", StaffRole.REGISTRAR)
    assert sign_in(desk, "sam", "sam-password").role == StaffRole.REGISTRAR
    ev = _events(desk, "staff.role_changed")[0]
    assert '"role":"clerk"' in ev.before_json and '"role":"registrar"' in ev.after_json


def test_the_last_administrator_cannot_be_removed(desk: Desk, boss: Actor) -> None:
    with pytest.raises(ValidationError, match="last active administrator"):
        set_role(desk, boss, "boss", StaffRole.CLERK)
    with pytest.raises(ValidationError, match="your own account"):
        deactivate(desk, boss, "boss")
    create_staff_user(desk, boss, "boss2", "", StaffRole.ADMIN, "second-admin")
    set_role(desk, boss, "boss2", StaffRole.REGISTRAR)
    with pytest.raises(ValidationError, match="last active administrator"):
        set_role(desk, boss, "boss", StaffRole.CLERK)


def test_account_changes_are_admin_only(desk: Desk, boss: Actor, registrar: Actor) -> None:
    create_staff_user(desk, boss, "victim", "", StaffRole.CLERK, "victim-password")
    for who in (desk.actor, registrar):
        with pytest.raises(PermissionDenied):
            create_staff_user(desk, who, "sneaky", "", StaffRole.ADMIN, "sneaky-password")
        with pytest.raises(PermissionDenied):
            set_role(desk, who, "victim", StaffRole.ADMIN)
        with pytest.raises(PermissionDenied):
            deactivate(desk, who, "victim")
        with pytest.raises(PermissionDenied):
            unlock(desk, who, "victim")
        with pytest.raises(PermissionDenied):
            change_password(desk, who, "victim", "new-password-1")
    assert _user(desk, "victim").role == StaffRole.CLERK and _user(desk, "victim").active


def test_change_own_password_needs_the_current_one(desk: Desk, boss: Actor) -> None:
    create_staff_user(desk, boss, "cal", "", StaffRole.CLERK, "old-password")
    cal = sign_in(desk, "cal", "old-password")
    with pytest.raises(ValidationError, match="current password"):
        change_password(desk, cal, "cal", "new-password", current_password="wrong-one")
    with pytest.raises(ValidationError, match="password: must be at least 8"):
        change_password(desk, cal, "cal", "short", current_password="old-password")
    change_password(desk, cal, "cal", "new-password", current_password="old-password")
    with pytest.raises(SignInFailed):
        sign_in(desk, "cal", "old-password")
    assert sign_in(desk, "cal", "new-password").username == "cal"
    # an administrator resets someone else's without knowing it
    change_password(desk, boss, "cal", "reset-by-admin")
    assert sign_in(desk, "cal", "reset-by-admin").username == "cal"
    assert [e.actor for e in _events(desk, "staff.password_changed")] == ["cal", "boss"]


@pytest.mark.parametrize(
    ("username", "password", "field"),
    [
        ("", "long-enough", "username"),
        ("a", "long-enough", "username"),
        ("os:root", "long-enough", "username"),
        ("Hélène", "long-enough", "username"),
        ("x" * 65, "long-enough", "username"),
        ("ok.name", "short", "password"),
        ("ok.name", "        ", "password"),
        ("ok.name", "OK.NAME", "password"),
        ("boss", "long-enough", "username"),  # taken
    ],
)
def test_bad_account_values_name_the_field(
    desk: Desk, boss: Actor, username: str, password: str, field: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        create_staff_user(desk, boss, username, "Name", StaffRole.CLERK, password)
    assert exc.value.field == field


def test_display_names_in_any_script(desk: Desk, boss: Actor) -> None:
    create_staff_user(desk, boss, "hl", "Hélène  Ōtsuka-Ğül 张伟", StaffRole.CLERK, "unicode-pw-ü")
    actor = sign_in(desk, "hl", "unicode-pw-ü")
    assert actor.display_name == "Hélène Ōtsuka-Ğül 张伟"
    with pytest.raises(ValidationError, match="display name"):
        create_staff_user(desk, boss, "bad", "Evil\x00Name", StaffRole.CLERK, "long-enough")


def test_unknown_account_is_not_found(desk: Desk, boss: Actor) -> None:
    with pytest.raises(NotFound, match="ghost"):
        deactivate(desk, boss, "ghost")


def test_demo_users_are_created_once_and_demo_signs_in_as_the_clerk(desk: Desk) -> None:
    actor = ensure_demo_users(desk)
    assert actor.username == "clerk" and actor.role == StaffRole.CLERK
    again = ensure_demo_users(desk)
    assert again == actor
    assert len(_events(desk, "staff.created")) == 3
    for demo in DEMO_USERS:
        signed = sign_in(desk, demo.username, demo.password)
        assert signed.role == demo.role
    assert not needs_first_admin(desk)
    assert verify_chain_ok(desk)


def test_demo_users_are_never_added_to_a_database_with_real_staff(desk: Desk, boss: Actor) -> None:
    with pytest.raises(SignInFailed, match="own staff accounts"):
        ensure_demo_users(desk)
    with desk.db.read() as s:
        names = set(s.execute(select(StaffUser.username)).scalars())
    assert names == {"boss"}
