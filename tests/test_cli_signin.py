"""The command line signs in (issue 17 item 1): every command that changes state or shows personal data
needs --user (password on the terminal, or --password-stdin); the attacks of the issue are refused."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from app.access import secrets
from app.access.staff import create_first_admin, create_staff_user, sign_in
from app.desk import Desk
from app.store.models import AuditEvent, Certificate, StaffRole, StaffUser
from tests.cli_runner import ROOT, cli_command, run_cli
from tests.factories import issued_certificate

ADMIN_PW = "admin-password-1"
CLERK_PW = "clerk-password-1"
REGISTRAR_PW = "registrar-password-1"


@pytest.fixture
def staffed(desk: Desk) -> Desk:
    """A register with its own administrator, a clerk and a registrar (no test administrator)."""
    boss = create_first_admin(desk, "boss", "Bea Boss", ADMIN_PW)
    create_staff_user(desk, boss, "carla", "Carla Clerk", StaffRole.CLERK, CLERK_PW)
    create_staff_user(desk, boss, "rene", "René Registrar", StaffRole.REGISTRAR, REGISTRAR_PW)
    return desk


def base(desk: Desk) -> list[str]:
    return ["--data-dir", str(desk.data_dir), "--database-url", desk.db.url]


def revoked(desk: Desk, number: str) -> bool:
    with desk.db.read() as s:
        return bool(s.execute(select(Certificate.revoked).where(Certificate.number == number)).scalar_one())


def events(desk: Desk, kind: str) -> list[AuditEvent]:
    with desk.db.read() as s:
        return list(
            s.execute(select(AuditEvent).where(AuditEvent.kind == kind).order_by(AuditEvent.id)).scalars()
        )


def test_no_sign_in_is_refused_with_exit_77_and_changes_nothing(
    staffed: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    number = issued_certificate(staffed).number
    revoke = ["certificates", "revoke", number, "--reason", "no one asked"]
    assert run_cli([*base(staffed), *revoke], signin=False) == 77
    err = capsys.readouterr().err
    assert "'certificates revoke' needs a sign-in" in err and "--user NAME" in err and "Traceback" not in err
    assert not revoked(staffed, number)
    for words in (
        ["settings", "set", "issuer.name", "Evil College"],
        ["members", "search", "cote"],
        ["outbox", "list"],
        ["audit", "verify"],
    ):
        assert run_cli([*base(staffed), *words], signin=False) == 77, words
    assert staffed.settings.get("issuer.name") != "Evil College"
    assert "Evil College" not in capsys.readouterr().out


def test_a_wrong_password_is_refused_and_counts_toward_the_lockout(
    staffed: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    number = issued_certificate(staffed).number
    revoke = ["certificates", "revoke", number, "--reason", "guessing"]
    as_rene = [*base(staffed), "--user", "rene", "--password-stdin"]
    limit = int(staffed.settings.get("session.max_failed_signins"))
    for attempt in range(1, limit):
        assert run_cli([*as_rene, *revoke], stdin="not-the-password\n", signin=False) == 77
        assert "sign-in refused: Wrong username or password." in capsys.readouterr().err
        with staffed.db.read() as s:
            user = s.execute(select(StaffUser).where(StaffUser.username == "rene")).scalar_one()
            assert user.failed_signins == attempt
    # the last allowed wrong password locks the account: now even the right one is refused
    assert run_cli([*as_rene, *revoke], stdin="still-wrong\n", signin=False) == 77
    assert "locked" in capsys.readouterr().err
    assert run_cli([*as_rene, *revoke], stdin=REGISTRAR_PW + "\n", signin=False) == 77
    assert "locked" in capsys.readouterr().err
    assert not revoked(staffed, number)
    failed = events(staffed, "signin.failed")
    assert len(failed) == limit  # limit - 1 wrong passwords, then the locked account's refusal
    assert json.loads(failed[0].after_json or "{}")["via"] == "command line"
    assert len(events(staffed, "signin.locked")) == 1


def test_a_clerk_cannot_revoke_but_a_registrar_can(staffed: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    number = issued_certificate(staffed).number
    revoke = ["certificates", "revoke", number, "--reason", "sent to the wrong hospital"]
    code = run_cli(
        [*base(staffed), "--user", "carla", "--password-stdin", *revoke], stdin=CLERK_PW + "\n", signin=False
    )
    assert code == 2
    assert "carla (clerk) is not allowed to revoke" in capsys.readouterr().err
    assert not revoked(staffed, number)
    code = run_cli(
        [*base(staffed), "--user", "rene", "--password-stdin", *revoke],
        stdin=REGISTRAR_PW + "\n",
        signin=False,
    )
    assert code == 0 and f"Revoked {number}" in capsys.readouterr().out
    with staffed.db.read() as s:
        cert = s.execute(select(Certificate).where(Certificate.number == number)).scalar_one()
        assert cert.revoked and cert.revoked_by == "rene"


def test_logname_spoofing_changes_nothing(staffed: Desk) -> None:
    """The OS account is context, never identity: LOGNAME/USER naming a registrar give a clerk nothing."""
    number = issued_certificate(staffed).number
    env = dict(os.environ, LOGNAME="rene", USER="rene", LNAME="rene", USERNAME="rene")
    revoke = [*base(staffed), "certificates", "revoke", number, "--reason", "spoofed"]

    def run(argv: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            cli_command(argv, signin=False), input=stdin, env=env, cwd=ROOT, capture_output=True, text=True,
            timeout=120,
        )  # fmt: skip

    nobody = run(revoke, "")
    assert nobody.returncode == 77 and "needs a sign-in" in nobody.stderr
    clerk = run(["--user", "carla", "--password-stdin", *revoke], CLERK_PW + "\n")
    assert clerk.returncode == 2 and "carla (clerk) is not allowed to revoke" in clerk.stderr
    assert not revoked(staffed, number)
    # a registrar's own sign-in works, and the trail names the registrar, with the OS account as context
    env.update(LOGNAME="boss", USER="boss", LNAME="boss", USERNAME="boss")
    ok = run(["--user", "rene", "--password-stdin", *revoke], REGISTRAR_PW + "\n")
    assert ok.returncode == 0, ok.stderr
    [event] = events(staffed, "certificate.revoked")
    assert event.actor == "rene"
    signin = events(staffed, "signin")[-1]
    assert signin.actor == "rene" and json.loads(signin.after_json or "{}")["os_account"] == "boss"
    with staffed.db.read() as s:
        assert not s.execute(select(AuditEvent).where(AuditEvent.actor.like("os:%"))).first()


def test_password_stdin_takes_the_first_line_and_the_command_reads_the_rest(
    staffed: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        *base(staffed),
        "--user",
        "boss",
        "--password-stdin",
        "settings",
        "set-password",
        "smtp",
        "--stdin",
    ]
    assert run_cli(argv, stdin=f"{ADMIN_PW}\nthe-smtp-secret\n", signin=False) == 0, capsys.readouterr()
    assert secrets.get_secret(secrets.SMTP_PASSWORD_ENTRY) == "the-smtp-secret"
    # a clerk may not store it
    argv[argv.index("boss")] = "carla"
    assert run_cli(argv, stdin=f"{CLERK_PW}\nclerk-secret\n", signin=False) == 2
    assert secrets.get_secret(secrets.SMTP_PASSWORD_ENTRY) == "the-smtp-secret"


def test_password_stdin_without_user_is_a_usage_error(
    staffed: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli([*base(staffed), "--password-stdin", "outbox", "list"], stdin="x\n", signin=False) == 2
    assert "--password-stdin needs --user NAME" in capsys.readouterr().err


def test_with_no_terminal_the_password_is_not_read_from_stdin_with_echo(staffed: Desk) -> None:
    # A new session has no controlling terminal: getpass cannot turn echo off, so the command refuses.
    done = subprocess.run(
        cli_command([*base(staffed), "--user", "boss", "outbox", "list"], signin=False),
        input=ADMIN_PW + "\n", cwd=ROOT, capture_output=True, text=True, timeout=120, start_new_session=True,
    )  # fmt: skip
    assert done.returncode == 77
    assert "no terminal to ask the password on" in done.stderr and "--password-stdin" in done.stderr


def test_verify_and_help_need_no_sign_in(
    staffed: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cert = issued_certificate(staffed)
    assert cert.document is not None
    pdf = tmp_path / "cert.pdf"
    pdf.write_bytes(cert.document.pdf)
    assert run_cli([*base(staffed), "verify", str(pdf)], signin=False) == 0
    assert "Result: VALID" in capsys.readouterr().out
    # a script may give its sign-in to every command: one that needs none ignores it, on any database
    empty = ["--data-dir", str(tmp_path / "empty"), "--user", "admin", "--password-stdin"]
    assert run_cli([*empty, "verify", str(pdf)], stdin="whatever\n", signin=False) == 1
    assert "Result: NOT VALID" in capsys.readouterr().out
    assert run_cli([*empty, "--demo", "demo"], stdin="demo-admin\n", signin=False) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        run_cli(["--help"], signin=False)
    assert exit_info.value.code == 0 and "--password-stdin" in capsys.readouterr().out


def test_create_admin_makes_the_first_administrator_once(
    desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    make = [*base(desk), "--password-stdin", "staff", "create-admin", "boss", "--display-name", "Bea Boss"]
    assert run_cli(make, stdin="short\n", signin=False) == 2
    assert "password: must be at least 8 characters" in capsys.readouterr().err
    assert run_cli(make, stdin=ADMIN_PW + "\n", signin=False) == 0
    assert "Created the administrator boss" in capsys.readouterr().out
    assert sign_in(desk, "boss", ADMIN_PW).role == StaffRole.ADMIN
    # refused once any account exists, whoever asks
    make[-3] = "mallory"
    assert run_cli(make, stdin="mallory-password\n", signin=False) == 2
    assert "staff accounts already exist" in capsys.readouterr().err
    with desk.db.read() as s:
        assert s.execute(select(StaffUser.username)).scalars().all() == ["boss"]
    assert [e.actor for e in events(desk, "staff.first_admin")] == ["boss"]


def test_create_admin_asks_twice_on_a_terminal(desk: Desk) -> None:
    """Typed on a real pseudo-terminal: two different entries make nothing, two equal ones the admin."""
    import pty

    def typed(*lines: str) -> tuple[int, str]:
        pid, fd = pty.fork()
        if pid == 0:  # the child: the command on the terminal
            os.execv(
                cli_command([])[0],
                [*cli_command([*base(desk), "staff", "create-admin", "boss"], signin=False)],
            )
        said = b""
        for line in lines:
            while b": " not in said.rsplit(b"\n", 1)[-1]:
                said += os.read(fd, 1024)
            os.write(fd, line.encode() + b"\n")
            said += b"\n"
        while True:
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            said += chunk
        _pid, status = os.waitpid(pid, 0)
        os.close(fd)
        return os.waitstatus_to_exitcode(status), said.decode(errors="replace")

    code, said = typed(ADMIN_PW, "something-else")
    assert code == 2 and "the two passwords differ" in said
    assert ADMIN_PW not in said  # no echo
    code, said = typed(ADMIN_PW, ADMIN_PW)
    assert code == 0 and "Created the administrator boss" in said and ADMIN_PW not in said
    assert sign_in(desk, "boss", ADMIN_PW).username == "boss"
