"""Roles are enforced in the services, not only in the UI: every protected operation refuses a role that
may not do it (before touching anything), and the same call by an allowed role gets past the check."""

import argparse
import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.access.public import PUBLIC_FUNCTIONS
from app.access.staff import Actor, create_first_admin, create_staff_user
from app.desk import Desk
from app.errors import CpcDeskError, PermissionDenied
from app.store.models import AuditEvent, StaffRole

APP = Path(__file__).resolve().parent.parent / "app"
CLERK = Actor("clerk.test", StaffRole.CLERK, "Test Clerk")
REGISTRAR = Actor("registrar.test", StaffRole.REGISTRAR, "Test Registrar")
ADMIN = Actor("admin.test", StaffRole.ADMIN, "Test Admin")

Call = Callable[[Desk, Actor], Any]


def _revoke(desk: Desk, actor: Actor) -> Any:
    from app.document.verification import revoke_certificate

    return revoke_certificate(desk, actor, "CPC-2026-000001", "issued in error")


def _reissue(desk: Desk, actor: Actor) -> Any:
    from app.issuing.requests import reissue_certificate

    return reissue_certificate(desk, actor, "CPC-2026-000001", reason="wrong address")


def _approve(desk: Desk, actor: Actor) -> Any:
    from app.issuing.requests import approve_request

    return approve_request(desk, actor, 1)


def _decline(desk: Desk, actor: Actor) -> Any:
    from app.issuing.requests import decline_request

    return decline_request(desk, actor, 1, "discipline findings")


def _import_members(desk: Desk, actor: Actor) -> Any:
    from app.register.member_import import import_members

    return import_members(desk, actor, desk.data_dir / "no-such-register.csv")


def _settings_set(desk: Desk, actor: Actor) -> Any:
    from app.cli.settings import cli_set

    desk.actor = actor
    return cli_set(argparse.Namespace(key="smtp.host", value="mail.example.org"), desk)


def _settings_password(desk: Desk, actor: Actor) -> Any:
    from app.cli.settings import cli_set_password

    desk.actor = actor
    return cli_set_password(argparse.Namespace(which="smtp", stdin=True), desk)


def _settings_apply(desk: Desk, actor: Actor) -> Any:
    from app.setting_changes import change_settings

    return change_settings(desk, actor, {"smtp.host": "mail.example.org", "validity.default_days": "30"})


def _change_setting(desk: Desk, actor: Actor) -> Any:
    from app.setting_changes import change_setting

    return change_setting(desk, actor, "validity.default_days", "30")


def _audit_call(name: str) -> Call:
    from app.audit import trail

    calls: dict[str, Call] = {
        "event_kinds": lambda d, a: trail.event_kinds(d, a),
        "event_actors": lambda d, a: trail.event_actors(d, a),
        "member_numbers": lambda d, a: trail.member_numbers(d, a, {1}),
        "check_trail": lambda d, a: trail.check_trail(d, a),
    }
    return calls[name]


def _audit_search(desk: Desk, actor: Actor) -> Any:
    from app.audit.trail import AuditFilter, search_events

    return search_events(desk, actor, AuditFilter())


def _audit_export(desk: Desk, actor: Actor) -> Any:
    from app.audit.trail import AuditFilter, export_csv

    return export_csv(desk, actor, AuditFilter(), desk.data_dir / "audit.csv")


def _create_user(desk: Desk, actor: Actor) -> Any:
    return create_staff_user(desk, actor, "newbie", "New Bie", StaffRole.ADMIN, "newbie-password")


def _staff(name: str) -> Call:
    import app.access.staff as staff

    calls: dict[str, Call] = {
        "set_role": lambda d, a: staff.set_role(d, a, "victim", StaffRole.ADMIN),
        "deactivate": lambda d, a: staff.deactivate(d, a, "victim"),
        "reactivate": lambda d, a: staff.reactivate(d, a, "victim"),
        "unlock": lambda d, a: staff.unlock(d, a, "victim"),
        "change_password_of_another": lambda d, a: staff.change_password(d, a, "victim", "taken-over-pw"),
        "list_staff": lambda d, a: staff.list_staff(d, a),
    }
    return calls[name]


# (name, call, roles refused, an allowed role)
PROTECTED: list[tuple[str, Call, tuple[Actor, ...], Actor]] = (
    [
        ("revoke", _revoke, (CLERK,), REGISTRAR),
        ("reissue", _reissue, (CLERK,), REGISTRAR),
        ("approve", _approve, (CLERK,), REGISTRAR),
        ("decline", _decline, (CLERK,), REGISTRAR),
        ("members import", _import_members, (CLERK,), REGISTRAR),
        ("audit search", _audit_search, (CLERK,), REGISTRAR),
        ("audit export", _audit_export, (CLERK,), REGISTRAR),
        ("settings set", _settings_set, (CLERK, REGISTRAR), ADMIN),
        ("settings apply", _settings_apply, (CLERK, REGISTRAR), ADMIN),
        ("change setting", _change_setting, (CLERK, REGISTRAR), ADMIN),
        ("settings set-password", _settings_password, (CLERK, REGISTRAR), ADMIN),
        ("create staff user", _create_user, (CLERK, REGISTRAR), ADMIN),
    ]
    + [
        (f"audit {name}", _audit_call(name), (CLERK,), REGISTRAR)
        for name in ("event_kinds", "event_actors", "member_numbers", "check_trail")
    ]
    + [
        (f"staff {name}", _staff(name), (CLERK, REGISTRAR), ADMIN)
        for name in (
            "set_role",
            "deactivate",
            "reactivate",
            "unlock",
            "change_password_of_another",
            "list_staff",
        )
    ]
)


def _audit_count(desk: Desk) -> int:
    with desk.db.read() as s:
        return int(s.execute(select(func.count()).select_from(AuditEvent)).scalar_one())


@pytest.fixture
def staffed(desk: Desk) -> Desk:
    boss = create_first_admin(desk, "boss", "Bea Boss", "boss-password")
    create_staff_user(desk, boss, "victim", "Vic Tim", StaffRole.CLERK, "victim-password")
    return desk


@pytest.mark.parametrize(("name", "call", "refused", "allowed"), PROTECTED, ids=[p[0] for p in PROTECTED])
def test_a_role_that_may_not_is_refused_before_anything_changes(
    staffed: Desk,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    call: Call,
    refused: tuple[Actor, ...],
    allowed: Actor,
) -> None:
    desk = staffed
    monkeypatch.setattr("sys.stdin", _OneLine("s3cret-password\n"))
    settings_before = desk.settings.items()
    events_before = _audit_count(desk)
    for actor in refused:
        with pytest.raises(PermissionDenied, match=actor.role.value):
            call(desk, actor)
        assert _audit_count(desk) == events_before, f"{name} by a {actor.role} wrote to the audit trail"
        assert desk.settings.items() == settings_before
    # the allowed role gets past the permission check (it may then fail for other reasons: no such id)
    try:
        call(desk, allowed)
    except PermissionDenied as exc:  # pragma: no cover - the failure message is the point
        pytest.fail(f"{name} refused an allowed {allowed.role}: {exc}")
    except CpcDeskError:
        pass


class _OneLine:
    def __init__(self, text: str) -> None:
        self.text = text

    def readline(self) -> str:
        return self.text

    def isatty(self) -> bool:
        return False


# Functions that change state and take an actor but rightly have no role check of their own: the one
# reviewed list, app.access.public.PUBLIC_FUNCTIONS.
NO_CHECK_NEEDED = PUBLIC_FUNCTIONS


def _changes_state(src: str) -> bool:
    return any(mark in src for mark in (".write()", "session.add(", "record(", "settings.set("))


def _unchecked(module: str, source: str) -> list[str]:
    functions = [n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]
    bodies = {f.name: ast.get_source_segment(source, f) or "" for f in functions}
    checking = {name for name, body in bodies.items() if ".require(" in body}
    found = []
    for node in functions:
        if node.name.startswith("_"):
            continue
        params = {a.arg for a in node.args.args + node.args.kwonlyargs}
        if "actor" not in params or not _changes_state(bodies[node.name]):
            continue
        called = {
            c.func.id for c in ast.walk(node) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
        }
        if node.name in checking or called & checking:  # checks itself, or hands over to one that does
            continue
        if f"{module}.{node.name}" not in NO_CHECK_NEEDED:
            found.append(f"{module}.{node.name}")
    return found


def _all_unchecked() -> tuple[list[str], list[str]]:
    """(state-changing functions taking an actor that check nothing, desk services that check nothing)
    below app/, the fronts app/cli and app/web excepted, before the reviewed list is applied."""
    actors, desks = [], []
    for path in sorted(APP.rglob("*.py")):
        parts = path.relative_to(APP).with_suffix("").parts
        if parts[0] in ("cli", "web"):
            continue
        module, source = ".".join(parts), path.read_text(encoding="utf-8")
        actors += _unchecked_unlisted(module, source, {})
        desks += _desk_functions_without_a_check(module, source)
    return actors, desks


def _unchecked_unlisted(module: str, source: str, listed: dict[str, str]) -> list[str]:
    global NO_CHECK_NEEDED
    saved, NO_CHECK_NEEDED = NO_CHECK_NEEDED, listed
    try:
        return _unchecked(module, source)
    finally:
        NO_CHECK_NEEDED = saved


def test_every_state_changing_service_that_takes_an_actor_checks_the_role() -> None:
    """A new service that forgets `actor.require(...)` fails here instead of in production."""
    unchecked = []
    scanned = sorted(APP.rglob("*.py"))
    assert len(scanned) > 40, "the scan must see every module below app/, packages included"
    for path in scanned:
        module = ".".join(path.relative_to(APP).with_suffix("").parts)
        unchecked += _unchecked(module, path.read_text(encoding="utf-8"))
    assert unchecked == [], f"services that change state without checking the role: {unchecked}"


def _desk_functions_without_a_check(module: str, source: str) -> list[str]:
    """Public functions whose first parameter is the desk (the service shape) that check no permission
    themselves and call none in their module that does."""
    functions = [n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]
    bodies = {f.name: ast.get_source_segment(source, f) or "" for f in functions}
    checking = {name for name, body in bodies.items() if ".require(" in body}
    found = []
    for node in functions:
        args = [a.arg for a in node.args.args]
        if node.name.startswith("_") or not args or args[0] != "desk":
            continue
        called = {
            c.func.id for c in ast.walk(node) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
        }
        if node.name not in checking and not called & checking:
            found.append(f"{module}.{node.name}")
    return found


def test_every_public_service_checks_a_permission_or_is_on_the_reviewed_list() -> None:
    """Every public `fn(desk, ...)` below app/ (the fronts app/cli and app/web excepted) checks a
    permission, or is on app.access.public.PUBLIC_FUNCTIONS with its reason; the list names no function
    that has gone or that checks after all, so it stays the reviewed truth."""
    actors, unchecked = _all_unchecked()
    assert len(unchecked) > 10, "the scan must see the desk's services"
    missing = sorted(set(unchecked) - set(PUBLIC_FUNCTIONS))
    assert missing == [], f"public services with no permission check and not on the reviewed list: {missing}"
    stale = sorted(set(PUBLIC_FUNCTIONS) - set(unchecked) - set(actors))
    assert stale == [], f"on the reviewed list but gone or now checking (remove them): {stale}"
    assert all(reason.strip() for reason in PUBLIC_FUNCTIONS.values())


def test_the_public_scan_catches_a_read_without_a_check() -> None:
    source = """
def checked(desk, actor):
    actor.require("p")

def via(desk, actor):
    return checked(desk, actor)

def leaks(desk, member_id):
    return desk.db

def not_a_service(x, desk):
    return 1
"""
    assert _desk_functions_without_a_check("m", source) == ["m.leaks"]


def test_the_scan_catches_a_service_without_a_check() -> None:
    source = """
def save(desk, actor, x):
    actor.require("p")
    with desk.db.write() as s:
        s.add(x)

def add(desk, actor, x):
    return save(desk, actor, x)

def forgot(desk, actor, x):
    with desk.db.write() as s:
        s.add(x)

def reads(desk, actor):
    return 1
"""
    assert _unchecked("m", source) == ["m.forgot"]


@pytest.mark.parametrize(
    ("name", "permission"), [("resume", "resend"), ("list_messages", "search")], ids=["resume", "list"]
)
def test_the_outbox_services_check_their_permission(
    staffed: Desk, monkeypatch: pytest.MonkeyPatch, name: str, permission: str
) -> None:
    """Every role holds these permissions, so a role is made without the one the service needs."""
    from app.access import permissions
    from app.mail import outbox

    monkeypatch.setitem(
        permissions.ROLE_PERMISSIONS,
        StaffRole.CLERK,
        permissions.ROLE_PERMISSIONS[StaffRole.CLERK] - {permission},
    )
    staffed.settings.set("mail.paused", "the server refused our password")
    call: Call = (
        (lambda d, a: outbox.resume(d, a)) if name == "resume" else (lambda d, a: outbox.list_messages(d, a))
    )
    events_before = _audit_count(staffed)
    with pytest.raises(PermissionDenied, match=permission.replace("_", " ")):
        call(staffed, CLERK)
    assert _audit_count(staffed) == events_before
    assert staffed.settings.get("mail.paused")
    call(staffed, REGISTRAR)


def test_a_setting_change_is_audited_before_and_after_and_a_secret_is_refused(staffed: Desk) -> None:
    from app.errors import ValidationError
    from app.setting_changes import change_setting

    assert change_setting(staffed, ADMIN, "validity.default_days", "30") is True
    assert change_setting(staffed, ADMIN, "validity.default_days", "30") is False  # unchanged: no event
    with staffed.db.read() as s:
        events = s.execute(select(AuditEvent).where(AuditEvent.kind == "settings.changed")).scalars().all()
    assert [(e.actor, e.subject, e.after_json) for e in events] == [
        ("admin.test", "validity.default_days", '{"validity.default_days":30}')
    ]
    assert events[0].before_json and "30" not in events[0].before_json
    with pytest.raises(ValidationError, match="smtp.password.*keyring"):
        change_setting(staffed, ADMIN, "smtp.password", "hunter22")
    with pytest.raises(ValidationError, match="no such setting"):
        change_setting(staffed, ADMIN, "no.such", "1")


class _Nobody(Actor):
    """An account whose role grants nothing: every service must refuse it before reading anything."""

    def __init__(self) -> None:
        super().__init__("nobody", StaffRole.CLERK, "No Body")

    def can(self, permission: str) -> bool:
        return False


def test_the_desk_reads_screens_use_are_services_that_check_the_role(desk: Desk) -> None:
    from app.audit.trail import event_actors, event_kinds
    from app.issuing.requests import (
        awaiting_review,
        certificate_pdf,
        certificate_recipient,
        export_certificate_pdf,
        find_members,
        member_summary,
    )
    from app.mail.demo_mailbox import list_mailbox
    from app.mail.outbox import resume
    from app.register.institutions import directory_entries
    from app.register.members import find_in_register, member_record, where_is
    from app.setting_changes import store_secret

    nobody = _Nobody()
    reads: list[tuple[str, Call]] = [
        ("find_in_register", lambda d, a: find_in_register(d, a, "smith")),
        ("where_is", lambda d, a: where_is(d, a, "CPC-2026-000001")),
        ("member_record", lambda d, a: member_record(d, a, 1)),
        ("directory_entries", lambda d, a: directory_entries(d, a)),
        ("list_mailbox", lambda d, a: list_mailbox(d, a)),
        ("store_secret", lambda d, a: store_secret(d, a, "smtp", "pw", session_only=True)),
        ("event_actors", lambda d, a: event_actors(d, a)),
        ("event_kinds", lambda d, a: event_kinds(d, a)),
        ("outbox.resume", lambda d, a: resume(d, a)),
        ("find_members", lambda d, a: find_members(d, a, "smith")),
        ("member_summary", lambda d, a: member_summary(d, a, 1)),
        ("awaiting_review", lambda d, a: awaiting_review(d, a)),
        ("certificate_pdf", lambda d, a: certificate_pdf(d, a, 1)),
        ("export_certificate_pdf", lambda d, a: export_certificate_pdf(d, a, 1, "CPC-2026-000001")),
        ("certificate_recipient", lambda d, a: certificate_recipient(d, a, 1)),
    ]
    for name, call in reads:
        with pytest.raises(PermissionDenied):
            call(desk, nobody)
        try:
            call(desk, ADMIN)
        except PermissionDenied as exc:  # pragma: no cover - the failure message is the point
            pytest.fail(f"{name} refused an administrator: {exc}")
        except CpcDeskError:
            pass
