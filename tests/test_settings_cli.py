"""`settings list|get|set|set-password` through the real command line entry point (tests/cli_runner.py)."""

import json

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from sqlalchemy import select

from app.access import secrets
from app.desk import Desk
from app.store.models import AuditEvent
from tests.cli_runner import run_cli


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    code = run_cli(argv, stdin=stdin)
    out, err = capsys.readouterr()
    return code, out, err


def test_list_get_and_set(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "settings", "list")
    assert code == 0
    assert "smtp.host = 127.0.0.1" in out and "mail.offline = false" in out
    assert "issuer.address = " + json.dumps("80 College Street\nToronto ON  M5G 2E2\nCanada") in out
    assert "mail.paused_settings" not in out
    assert "password store" in err and "SMTP password: not stored" in err
    code, out, _err = run(capsys, "settings", "set", "smtp.port", "2525")
    assert code == 0 and out.strip() == "smtp.port = 2525"
    code, out, _err = run(capsys, "settings", "get", "smtp.port")
    assert (code, out.strip()) == (0, "2525")
    code, out, _err = run(capsys, "settings", "list")
    assert "smtp.port = 2525   # changed" in out


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("smtp.port", "eighty", "smtp.port: must be a whole number"),
        ("smtp.port", "70000", "smtp.port: must be a port number"),
        ("smtp.security", "ssl", "smtp.security: must be one of starttls, tls, none"),
        ("smtp.from_address", "not an address", "smtp.from_address"),
        ("smtp.reply_to", "a@b.org\r\nBcc: x@evil.example", "smtp.reply_to"),
        ("smtp.password", "hunter2", "secrets are kept only in the OS keyring"),
        ("no.such", "1", "no.such: no such setting"),
    ],
)
def test_set_refuses_bad_values_naming_the_field(
    capsys: pytest.CaptureFixture[str], key: str, value: str, message: str
) -> None:
    code, out, err = run(capsys, "settings", "set", key, value)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_remote_host_without_encryption_is_saved_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "settings", "set", "smtp.host", "smtp.example.org")
    assert code == 0 and "allowed only for a server on this computer" in err
    code, _out, err = run(capsys, "settings", "set", "smtp.security", "starttls")
    assert code == 0 and err == ""


def test_set_password_from_stdin_goes_to_the_keyring_only(
    capsys: pytest.CaptureFixture[str], data_dir: object, memory_keyring: object
) -> None:
    code, out, _err = run(capsys, "settings", "set-password", "smtp", "--stdin", stdin="Stdin-Secret-9\n")
    assert code == 0 and "stored in the OS keyring" in out
    assert secrets.get_secret(secrets.SMTP_PASSWORD_ENTRY) == "Stdin-Secret-9"
    assert memory_keyring.store[("cpc-desk", "smtp")] == "Stdin-Secret-9"  # type: ignore[attr-defined]
    from pathlib import Path

    files = [p for p in Path(str(data_dir)).rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert b"Stdin-Secret-9" not in path.read_bytes(), path
    code, _out, err = run(capsys, "settings", "set-password", "smtp", "--stdin", stdin="\n")
    assert code == 2 and "empty" in err


def test_set_password_without_a_secure_keyring_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    keyring.set_keyring(FailKeyring())
    code, _out, err = run(capsys, "settings", "set-password", "smtp", "--stdin", stdin="x\n")
    assert code == 2 and "No secure password store" in err


def test_changes_are_audited_and_clearing_the_pause_resumes(
    capsys: pytest.CaptureFixture[str], desk: Desk
) -> None:
    desk.settings.set("mail.paused", "535 refused")
    desk.settings.set("mail.paused_settings", "whatever")
    desk.close()
    code, out, _err = run(capsys, "settings", "set", "mail.paused", "")
    assert code == 0 and "Sending resumed." in out
    run(capsys, "settings", "set", "smtp.timeout_seconds", "12")
    reopened = Desk.open()
    try:
        assert reopened.settings.get("mail.paused") == ""
        with reopened.db.read() as session:
            kinds = [(e.kind, e.subject) for e in session.scalars(select(AuditEvent))]
        assert ("outbox.resumed", "outbox") in kinds and ("settings.changed", "smtp.timeout_seconds") in kinds
    finally:
        reopened.close()
