"""OAuth 2.0 mail (Microsoft 365, Google Workspace) against a real identity platform and a real mail
server on 127.0.0.1: tokens fetched, cached, refreshed, refused; the outbox's states after each case."""

import json
import ssl
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from app.access import secrets
from app.access.permissions import Actor
from app.desk import Desk
from app.errors import ValidationError, ValidationErrors
from app.mail import oauth, outbox
from app.setting_changes import change_settings, store_secret
from app.store.models import AuditEvent, OutboxMessage, OutboxState, utcnow
from tests.oauth_servers import REVOKED_SECRET_WORDS, IdentityServer, XOAuth2Server
from tests.smtp_fixtures import queue_certificate_email

MAILBOX = "registrar@college.example.org"


@pytest.fixture(autouse=True)
def no_cached_tokens() -> Iterator[None]:
    oauth.forget_tokens()
    yield
    oauth.forget_tokens()


@pytest.fixture
def identity(tls_server_context: ssl.SSLContext) -> Iterator[IdentityServer]:
    server = IdentityServer(tls_server_context).start()
    server.state.granted_mailboxes.add(MAILBOX)
    yield server
    server.stop()


@pytest.fixture
def xoauth2_smtp(identity: IdentityServer, tls_server_context: ssl.SSLContext) -> Iterator[XOAuth2Server]:
    server = XOAuth2Server(identity, tls_server_context).start()
    yield server
    server.stop()


def configure(
    desk: Desk, admin: Actor, identity: IdentityServer, smtp: XOAuth2Server, ca_file: Path, mode: str
) -> None:
    change_settings(
        desk,
        admin,
        {
            "smtp.host": smtp.host,
            "smtp.port": smtp.port,
            "smtp.security": smtp.mode,
            "smtp.ca_file": str(ca_file),
            "smtp.username": MAILBOX,
            "smtp.from_address": MAILBOX,
            "mail.demo_server": False,
            "smtp.auth": mode,
            "smtp.oauth.tenant": identity.state.tenant,
            "smtp.oauth.client_id": identity.state.client_id,
            "smtp.oauth.authority": identity.authority,
        },
    )


@pytest.fixture
def microsoft(
    desk: Desk, admin: Actor, identity: IdentityServer, xoauth2_smtp: XOAuth2Server, tls_ca_file: Path
) -> Desk:
    configure(desk, admin, identity, xoauth2_smtp, tls_ca_file, "oauth2-microsoft")
    store_secret(desk, admin, secrets.SMTP_OAUTH_ENTRY, identity.state.client_secret)
    return desk


def row(desk: Desk, outbox_id: int) -> OutboxMessage:
    with desk.db.read() as session:
        found = session.get(OutboxMessage, outbox_id)
        assert found is not None
        return found


def token_posts(identity: IdentityServer) -> int:
    return sum(1 for r in identity.state.requests if r.startswith("POST"))


def test_first_token_sends_the_certificate_as_the_mailbox(
    microsoft: Desk, identity: IdentityServer, xoauth2_smtp: XOAuth2Server
) -> None:
    _cert, oid = queue_certificate_email(microsoft)
    report = outbox.send_due(microsoft)
    assert report.sent == 1, report.errors
    assert row(microsoft, oid).state == OutboxState.SENT
    assert token_posts(identity) == 1
    # the discovery document was read from the tenant's well-known address
    assert f"GET /{identity.state.tenant}/v2.0/.well-known/openid-configuration" in identity.state.requests
    (token,) = identity.state.issued
    assert xoauth2_smtp.handler.oauth_attempts == [(MAILBOX, token, "ok")]
    assert xoauth2_smtp.received[0].mail_from == MAILBOX


def test_the_token_is_cached_across_connections(
    microsoft: Desk, identity: IdentityServer, xoauth2_smtp: XOAuth2Server
) -> None:
    for _ in range(3):
        queue_certificate_email(microsoft)
        assert outbox.send_due(microsoft).sent == 1
    assert xoauth2_smtp.handler.connections == 3
    assert token_posts(identity) == 1
    tokens = {t for _m, t, _v in xoauth2_smtp.handler.oauth_attempts}
    assert len(tokens) == 1


def test_a_token_near_its_expiry_is_replaced_before_use(
    microsoft: Desk, identity: IdentityServer, xoauth2_smtp: XOAuth2Server
) -> None:
    # Valid for four seconds more than the margin: fresh now (the two sends below take well under four
    # seconds, even on a busy machine), too close to expiry four seconds later.
    identity.state.expires_in = int(oauth.REFRESH_MARGIN_SECONDS) + 4
    queue_certificate_email(microsoft)
    assert outbox.send_due(microsoft).sent == 1
    queue_certificate_email(microsoft)
    assert outbox.send_due(microsoft).sent == 1  # still fresh: the same token
    assert token_posts(identity) == 1
    time.sleep(4.2)
    queue_certificate_email(microsoft)
    assert outbox.send_due(microsoft).sent == 1
    assert token_posts(identity) == 2
    used = [t for _m, t, _v in xoauth2_smtp.handler.oauth_attempts]
    assert used[0] == used[1] != used[2]
    assert all(v == "ok" for _m, _t, v in xoauth2_smtp.handler.oauth_attempts)


def test_a_revoked_secret_holds_the_message_with_the_identity_platforms_words(
    microsoft: Desk, admin: Actor, identity: IdentityServer, xoauth2_smtp: XOAuth2Server
) -> None:
    identity.state.revoked = True
    _cert, oid = queue_certificate_email(microsoft)
    report = outbox.send_due(microsoft)
    assert report.sent == 0 and report.paused
    held = row(microsoft, oid)
    assert held.state == OutboxState.QUEUED  # kept, not lost
    assert "AADSTS7000215: Invalid client secret provided" in held.last_error
    assert REVOKED_SECRET_WORDS.split(".")[0] in outbox.pause_reason(microsoft)
    assert xoauth2_smtp.received == [] and xoauth2_smtp.handler.oauth_attempts == []
    # A new secret (the administrator made one) ends the pause and the message goes.
    identity.state.revoked = False
    identity.state.client_secret = "the-new-secret"
    store_secret(microsoft, admin, secrets.SMTP_OAUTH_ENTRY, "the-new-secret")
    assert outbox.pause_reason(microsoft) == ""
    assert outbox.send_due(microsoft).sent == 1
    assert row(microsoft, oid).state == OutboxState.SENT


def test_a_token_the_server_refuses_is_fetched_once_more(
    microsoft: Desk, identity: IdentityServer, xoauth2_smtp: XOAuth2Server
) -> None:
    queue_certificate_email(microsoft)
    assert outbox.send_due(microsoft).sent == 1
    identity.revoke_tokens()  # e.g. the mailbox's sessions were revoked: the cached token is dead
    _cert, oid = queue_certificate_email(microsoft)
    assert outbox.send_due(microsoft).sent == 1
    assert row(microsoft, oid).state == OutboxState.SENT
    verdicts = [v for _m, _t, v in xoauth2_smtp.handler.oauth_attempts]
    assert verdicts == ["ok", "unknown or revoked token", "ok"]
    assert token_posts(identity) == 2


def test_a_server_refusing_every_token_gives_up_after_one_fresh_token(
    microsoft: Desk, identity: IdentityServer, xoauth2_smtp: XOAuth2Server
) -> None:
    refusal = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
    xoauth2_smtp.handler.refuse_all = refusal
    _cert, oid = queue_certificate_email(microsoft)
    report = outbox.send_due(microsoft)
    assert report.sent == 0 and report.paused
    assert len(xoauth2_smtp.handler.oauth_attempts) == 2  # the cached token, then one fresh one
    assert token_posts(identity) == 2
    held = row(microsoft, oid)
    assert held.state == OutboxState.QUEUED
    assert "SmtpClientAuthentication is disabled for the Tenant" in held.last_error
    assert MAILBOX in held.last_error


def test_identity_platform_unavailable_is_a_temporary_failure_with_backoff(
    microsoft: Desk, identity: IdentityServer, xoauth2_smtp: XOAuth2Server
) -> None:
    identity.state.unavailable = True
    _cert, oid = queue_certificate_email(microsoft)
    before = utcnow()
    report = outbox.send_due(microsoft)
    assert report.failed_temporary == 1 and not report.paused
    waiting = row(microsoft, oid)
    assert waiting.state == OutboxState.FAILED_TEMPORARY
    assert "Microsoft identity platform (127.0.0.1) is not answering: HTTP Error: 503" in waiting.last_error
    assert waiting.next_attempt_at is not None
    assert waiting.next_attempt_at.replace(tzinfo=before.tzinfo) > before + timedelta(seconds=30)
    assert xoauth2_smtp.handler.connections == 1 and xoauth2_smtp.received == []
    # Back up: the retry goes through.
    identity.state.unavailable = False
    outbox.retry_now(microsoft, microsoft.actor, oid)
    assert outbox.send_due(microsoft).sent == 1
    assert row(microsoft, oid).state == OutboxState.SENT


def test_identity_platform_down_is_a_temporary_failure(
    microsoft: Desk, identity: IdentityServer, xoauth2_smtp: XOAuth2Server
) -> None:
    identity.stop()  # connection refused
    _cert, oid = queue_certificate_email(microsoft)
    report = outbox.send_due(microsoft)
    assert report.failed_temporary == 1 and not report.paused
    waiting = row(microsoft, oid)
    assert waiting.state == OutboxState.FAILED_TEMPORARY
    assert "could not be reached: connection refused" in waiting.last_error


def test_an_unknown_tenant_holds_the_message_with_the_platforms_words(
    microsoft: Desk, admin: Actor, identity: IdentityServer, xoauth2_smtp: XOAuth2Server
) -> None:
    change_settings(microsoft, admin, {"smtp.oauth.tenant": "not-our-tenant"})
    _cert, oid = queue_certificate_email(microsoft)
    report = outbox.send_due(microsoft)
    assert report.paused and report.sent == 0
    held = row(microsoft, oid)
    assert held.state == OutboxState.QUEUED
    assert "Microsoft 365 sign-in settings were refused" in held.last_error
    assert "AADSTS90002: Tenant not found." in held.last_error


def _self_signed(common_name: str) -> tuple[bytes, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = utcnow()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return key_pem, cert.public_bytes(serialization.Encoding.PEM)


def test_microsoft_certificate_credential(
    desk: Desk,
    admin: Actor,
    identity: IdentityServer,
    xoauth2_smtp: XOAuth2Server,
    tls_ca_file: Path,
) -> None:
    key_pem, cert_pem = _self_signed("cpc-desk app")
    identity.state.certificate_pem = cert_pem
    configure(desk, admin, identity, xoauth2_smtp, tls_ca_file, "oauth2-microsoft")
    store_secret(desk, admin, secrets.SMTP_OAUTH_ENTRY, (key_pem + cert_pem).decode())
    _cert, oid = queue_certificate_email(desk)
    assert outbox.send_due(desk).sent == 1
    assert row(desk, oid).state == OutboxState.SENT
    # A certificate whose key does not match the registered one is refused by the platform.
    other_key, _ = _self_signed("someone else")
    store_secret(desk, admin, secrets.SMTP_OAUTH_ENTRY, (other_key + cert_pem).decode())
    _cert, oid = queue_certificate_email(desk)
    assert outbox.send_due(desk).paused
    assert "AADSTS7000215" in row(desk, oid).last_error


def _service_account(identity: IdentityServer) -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    identity.state.service_account_public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return json.dumps(
        {
            "type": "service_account",
            "project_id": "college-mail",
            "private_key_id": "abc123",
            "private_key": pem,
            "client_email": identity.state.service_account,
            "client_id": "1234567890",
            "token_uri": "https://oauth2.googleapis.com/token",
        },
        indent=2,
    )


def test_google_service_account_impersonates_the_mailbox(
    desk: Desk, admin: Actor, identity: IdentityServer, xoauth2_smtp: XOAuth2Server, tls_ca_file: Path
) -> None:
    configure(desk, admin, identity, xoauth2_smtp, tls_ca_file, "oauth2-google")
    store_secret(desk, admin, secrets.SMTP_OAUTH_ENTRY, _service_account(identity))
    _cert, oid = queue_certificate_email(desk)
    assert outbox.send_due(desk).sent == 1
    (token,) = identity.state.issued
    assert identity.state.issued[token].mailbox == MAILBOX  # the token was delegated to the mailbox
    queue_certificate_email(desk)
    assert outbox.send_due(desk).sent == 1
    assert token_posts(identity) == 1  # cached
    # The mailbox no longer delegated: Google's own words, and the message is held.
    identity.state.granted_mailboxes.clear()
    oauth.forget_tokens()
    _cert, oid = queue_certificate_email(desk)
    assert outbox.send_due(desk).paused
    assert "unauthorized_client: Client is unauthorized" in row(desk, oid).last_error


def test_secrets_and_tokens_are_never_on_disk_nor_in_the_audit(
    microsoft: Desk, identity: IdentityServer, xoauth2_smtp: XOAuth2Server, data_dir: Path
) -> None:
    queue_certificate_email(microsoft)
    assert outbox.send_due(microsoft).sent == 1
    (token,) = identity.state.issued
    secret = identity.state.client_secret
    for path in data_dir.rglob("*"):
        if path.is_file() and not path.name.startswith("cpc-desk.sqlite3"):
            data = path.read_bytes()
            assert secret.encode() not in data and token.encode() not in data, path
    with microsoft.db.read() as session:
        events = session.query(AuditEvent).all()
        text = " ".join(f"{e.before_json} {e.after_json}" for e in events)
    assert secret not in text and token not in text
    assert any(e.kind == "settings.secret_stored" for e in events)


@pytest.mark.parametrize(
    "authority",
    [
        "https://login.attacker.example/",  # would receive the client secret
        "http://127.0.0.1:8443",  # the secret in clear
        "https://127.0.0.1:8443/collect?x=1",
    ],
)
def test_the_identity_endpoint_cannot_be_moved_off_this_computer(
    desk: Desk, admin: Actor, authority: str
) -> None:
    with pytest.raises(ValidationErrors) as caught:
        change_settings(desk, admin, {"smtp.oauth.authority": authority})
    assert caught.value.errors[0].field == "smtp.oauth.authority"
    assert desk.settings.get("smtp.oauth.authority") == ""
    # nor by editing the settings file by hand: the bad value is not used
    raw = json.loads(desk.settings.path.read_text()) if desk.settings.path.exists() else {"values": {}}
    raw["values"]["smtp.oauth.authority"] = authority
    desk.settings.path.write_text(json.dumps(raw))
    from app.settings import Settings

    assert Settings(desk.settings.path.parent).get("smtp.oauth.authority") == ""


@pytest.mark.parametrize(
    ("mode", "value", "words"),
    [
        ("oauth2-microsoft", "", "is empty"),
        ("oauth2-microsoft", "line one\nline two", "one line"),
        ("oauth2-microsoft", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "private key"),
        ("oauth2-google", "not json", "JSON key"),
        ("oauth2-google", '{"type": "authorized_user"}', "not a service account key"),
        ("oauth2-google", '{"type": "service_account", "client_email": "x@y"}', "no 'private_key'"),
    ],
)
def test_a_bad_secret_is_refused_naming_the_problem(
    desk: Desk, admin: Actor, mode: str, value: str, words: str
) -> None:
    desk.settings.set("smtp.auth", mode)
    with pytest.raises(ValidationError) as caught:
        store_secret(desk, admin, secrets.SMTP_OAUTH_ENTRY, value)
    assert caught.value.field == "OAuth secret" and words in caught.value.message
    assert secrets.get_secret(secrets.SMTP_OAUTH_ENTRY) is None


def test_missing_tenant_or_client_id_is_named(desk: Desk, admin: Actor) -> None:
    from app.setting_changes import mail_settings_problem

    change_settings(desk, admin, {"smtp.auth": "oauth2-microsoft", "smtp.security": "starttls"})
    assert mail_settings_problem(desk.settings).startswith("smtp.oauth.tenant:")
    change_settings(desk, admin, {"smtp.oauth.tenant": "contoso.onmicrosoft.com"})
    assert mail_settings_problem(desk.settings).startswith("smtp.oauth.client_id:")


def test_a_token_quoted_in_a_log_message_is_blanked(
    microsoft: Desk, identity: IdentityServer, xoauth2_smtp: XOAuth2Server, data_dir: Path
) -> None:
    import logging

    from app.log import configure_logging, stop_logging

    log_file = configure_logging(data_dir, console=False)
    assert log_file is not None
    try:
        queue_certificate_email(microsoft)
        assert outbox.send_due(microsoft).sent == 1
        (token,) = identity.state.issued
        # as a careless library or a future change of ours might
        logging.getLogger("cpc.test").warning("sending with %s and %s", token, identity.state.client_secret)
    finally:
        stop_logging()
    text = log_file.read_text()
    assert "sending with" in text
    assert token not in text and identity.state.client_secret not in text


def test_google_token_service_unavailable_is_temporary(
    desk: Desk, admin: Actor, identity: IdentityServer, xoauth2_smtp: XOAuth2Server, tls_ca_file: Path
) -> None:
    configure(desk, admin, identity, xoauth2_smtp, tls_ca_file, "oauth2-google")
    store_secret(desk, admin, secrets.SMTP_OAUTH_ENTRY, _service_account(identity))
    identity.state.unavailable = True
    _cert, oid = queue_certificate_email(desk)
    report = outbox.send_due(desk)
    assert report.failed_temporary == 1 and not report.paused
    waiting = row(desk, oid)
    assert waiting.state == OutboxState.FAILED_TEMPORARY
    assert "Google's token service" in waiting.last_error
    identity.state.unavailable = False
    outbox.retry_now(desk, desk.actor, oid)
    assert outbox.send_due(desk).sent == 1
