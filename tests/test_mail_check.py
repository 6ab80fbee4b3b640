"""'Send a test message' / `outbox test ADDRESS`: against real servers, each failure names its step."""

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.access import secrets
from app.access.permissions import Actor
from app.desk import Desk
from app.errors import PermissionDenied, ValidationError
from app.mail import oauth
from app.mail.mail_check import MailTestFailed, send_test_message
from app.setting_changes import change_settings, store_secret
from app.settings import Settings
from tests.cli_runner import run_cli
from tests.oauth_servers import IdentityServer, XOAuth2Server
from tests.smtp_fixtures import MakeServer
from tests.smtp_servers import closed_port

TO = "it-desk@college.example.org"


def failed_step(desk: Desk, admin: Actor, to: str = TO) -> MailTestFailed:
    with pytest.raises(MailTestFailed) as caught:
        send_test_message(desk, admin, to)
    return caught.value


def test_accepted(desk: Desk, admin: Actor, smtp_server: MakeServer) -> None:
    server = smtp_server("starttls")
    server.configure(desk.settings)
    text = send_test_message(desk, admin, TO)
    assert "accepted the test message" in text and TO in text
    (received,) = server.received
    assert received.rcpt_tos == [TO] and received.message["Subject"] == "CPC Desk test message"


def test_dns(desk: Desk, admin: Actor) -> None:
    change_settings(desk, admin, {"smtp.host": "smtp.no-such-name.invalid", "smtp.security": "starttls"})
    error = failed_step(desk, admin)
    assert error.step == "dns" and "smtp.no-such-name.invalid is unknown" in str(error)
    assert str(error).startswith("Failed at step 'DNS")


def test_connect(desk: Desk, admin: Actor) -> None:
    change_settings(
        desk, admin, {"smtp.host": "127.0.0.1", "smtp.port": closed_port(), "mail.demo_server": False}
    )
    error = failed_step(desk, admin)
    assert error.step == "connect" and "connection refused" in str(error)


def test_connect_with_implicit_tls_is_connect_not_tls(desk: Desk, admin: Actor) -> None:
    change_settings(
        desk,
        admin,
        {
            "smtp.host": "127.0.0.1",
            "smtp.port": closed_port(),
            "smtp.security": "tls",
            "mail.demo_server": False,
        },
    )
    error = failed_step(desk, admin)
    assert error.step == "connect" and "connection refused" in str(error)


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_tls(desk: Desk, admin: Actor, smtp_server: MakeServer, mode: str) -> None:
    server = smtp_server(mode)
    server.configure(desk.settings, trust=False)  # the server's CA is not trusted
    error = failed_step(desk, admin)
    assert error.step == "tls" and "TLS certificate was not accepted" in str(error)


def test_authentication(desk: Desk, admin: Actor, smtp_server: MakeServer) -> None:
    server = smtp_server("starttls", username="cpc-desk", password="right")
    server.configure(desk.settings)
    desk.settings.set("smtp.username", "cpc-desk")
    store_secret(desk, admin, secrets.SMTP_PASSWORD_ENTRY, "wrong")
    error = failed_step(desk, admin)
    assert error.step == "authentication" and "535" in str(error)


def test_sender_refused(desk: Desk, admin: Actor, smtp_server: MakeServer) -> None:
    server = smtp_server("plain")
    server.configure(desk.settings)
    server.handler.mail_replies.append(
        "550 5.7.60 SMTP; Client does not have permissions to send as this sender"
    )
    error = failed_step(desk, admin)
    assert error.step == "sender" and "send as this sender" in str(error)


def test_recipient_refused(desk: Desk, admin: Actor, smtp_server: MakeServer) -> None:
    server = smtp_server("plain")
    server.configure(desk.settings)
    server.handler.refused_recipients[TO] = "550 5.1.1 User unknown"
    error = failed_step(desk, admin)
    assert error.step == "recipient" and "User unknown" in str(error)
    assert server.received == []


@pytest.fixture
def identity(tls_server_context: ssl.SSLContext) -> Iterator[IdentityServer]:
    server = IdentityServer(tls_server_context).start()
    server.state.granted_mailboxes.add("registrar@college.example.org")
    oauth.forget_tokens()
    yield server
    server.stop()
    oauth.forget_tokens()


def test_token(
    desk: Desk, admin: Actor, identity: IdentityServer, tls_server_context: ssl.SSLContext, tls_ca_file: Path
) -> None:
    smtp = XOAuth2Server(identity, tls_server_context).start()
    try:
        change_settings(
            desk,
            admin,
            {
                "smtp.host": smtp.host,
                "smtp.port": smtp.port,
                "smtp.security": "starttls",
                "smtp.ca_file": str(tls_ca_file),
                "smtp.from_address": "registrar@college.example.org",
                "smtp.auth": "oauth2-microsoft",
                "smtp.oauth.tenant": identity.state.tenant,
                "smtp.oauth.client_id": identity.state.client_id,
                "smtp.oauth.authority": identity.authority,
            },
        )
        store_secret(desk, admin, secrets.SMTP_OAUTH_ENTRY, "an-old-secret")
        error = failed_step(desk, admin)
        assert error.step == "token" and "AADSTS7000215" in str(error)
        store_secret(desk, admin, secrets.SMTP_OAUTH_ENTRY, identity.state.client_secret)
        assert "accepted the test message" in send_test_message(desk, admin, TO)
    finally:
        smtp.stop()


def test_bad_address_names_the_field(desk: Desk, admin: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        send_test_message(desk, admin, "not an address")
    assert caught.value.field == "to_address"


def test_a_clerk_may_send_a_test_message_but_not_change_the_settings(
    desk: Desk, smtp_server: MakeServer
) -> None:
    server = smtp_server("plain")
    server.configure(desk.settings)
    assert "accepted" in send_test_message(desk, desk.actor, TO)  # the desk fixture acts as a clerk
    with pytest.raises(PermissionDenied):
        change_settings(desk, desk.actor, {"smtp.auth": "oauth2-google"})


def test_cli_names_the_step_and_exits_1(
    data_dir: Path, smtp_server: MakeServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server = smtp_server("plain")
    server.configure(Settings(data_dir))
    server.handler.refused_recipients[TO] = "550 5.1.1 User unknown"
    assert run_cli(["outbox", "test", TO]) == 1
    err = capsys.readouterr().err
    assert "Failed at step 'recipient refused'" in err and "550 5.1.1 User unknown" in err
    assert "Traceback" not in err
    server.handler.refused_recipients.clear()
    assert run_cli(["outbox", "test", TO]) == 0
    assert "accepted the test message" in capsys.readouterr().out
    assert run_cli(["outbox", "test", "nobody"]) == 2
    assert "to_address" in capsys.readouterr().err


def test_cli_oauth_settings(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["settings", "set", "smtp.auth", "oauth2-microsoft"]) == 0
    assert run_cli(["settings", "set", "smtp.oauth.tenant", "contoso.onmicrosoft.com"]) == 0
    assert run_cli(["settings", "set", "smtp.oauth.client_id", "1111-2222"]) == 0
    assert run_cli(["settings", "set-password", "smtp-oauth", "--stdin"], stdin="app-secret\n") == 0
    assert secrets.get_secret(secrets.SMTP_OAUTH_ENTRY) == "app-secret"
    out = capsys.readouterr().out
    assert "app-secret" not in out and "OAuth secret is stored" in out
    for path in data_dir.rglob("*"):  # settings.json, the database (register settings, audit), the log
        if path.is_file():
            assert b"app-secret" not in path.read_bytes(), path
    assert run_cli(["settings", "list"]) == 0
    listed = capsys.readouterr()
    assert "# OAuth secret (smtp-oauth): stored" in listed.err and "app-secret" not in listed.out + listed.err
    assert run_cli(["settings", "set", "smtp.auth", "kerberos"]) == 2
    assert "smtp.auth: must be one of password, oauth2-microsoft, oauth2-google" in capsys.readouterr().err
    assert run_cli(["settings", "set", "smtp.oauth.authority", "https://evil.example.com"]) == 2
    assert "smtp.oauth.authority" in capsys.readouterr().err


def test_a_server_that_no_longer_takes_passwords_says_what_to_do(
    desk: Desk, admin: Actor, tls_server_context: ssl.SSLContext, tls_ca_file: Path
) -> None:
    from aiosmtpd.smtp import AuthResult

    from tests.smtp_servers import SmtpServer

    server = SmtpServer(
        "starttls", server_context=tls_server_context, ca_file=tls_ca_file, username="u", password="p"
    )
    # Exchange Online once Basic authentication is off, whatever the password
    server.controller.SMTP_kwargs["authenticator"] = lambda *a: AuthResult(
        success=False,
        handled=False,
        message="535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
    )
    server.start()
    try:
        server.configure(desk.settings)
        desk.settings.set("smtp.username", "registrar@college.example.org")
        store_secret(desk, admin, secrets.SMTP_PASSWORD_ENTRY, "the-right-password")
        error = failed_step(desk, admin)
    finally:
        server.stop()
    assert error.step == "authentication"
    assert "basic authentication is disabled" in str(error) and "set smtp.auth to oauth2-microsoft" in str(
        error
    )
