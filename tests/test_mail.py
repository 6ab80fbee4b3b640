"""The certificate email and the SMTP transport, against real aiosmtpd servers on 127.0.0.1."""

import ssl
import time
from datetime import date
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesParser
from pathlib import Path

import pytest

from app.access import secrets
from app.desk import Desk
from app.errors import ValidationError
from app.mail import smtp as mail
from app.mail.smtp import DeliveryError, FailureKind, SmtpConfig, SmtpTransport
from tests.smtp_fixtures import MakeServer, tiny_pdf
from tests.smtp_servers import SilentServer, SmtpServer, closed_port

NUMBER = "CPC-2026-000123"


def build(desk: Desk, **overrides: object) -> mail.EmailMessage:
    values: dict[str, object] = {
        "to_address": "credentials@tgh.example.org",
        "member_name": "Hélène Côté-Gagnon",
        "cpso_number": "500123",
        "certificate_number": NUMBER,
        "valid_until": date(2027, 2, 23),
        "verification_code": "ABCD-EFGH-JKMN",
        "recipient_name": "Toronto General Hospital",
        "pdf": tiny_pdf(),
        "message_id": mail.make_message_id(NUMBER, "example.org"),
    }
    values.update(overrides)
    return mail.build_certificate_message(desk.settings, **values)  # type: ignore[arg-type]


def test_message_has_the_subject_bodies_attachment_and_headers(desk: Desk) -> None:
    desk.settings.set("smtp.from_address", "cpc@cpso.example.org")
    desk.settings.set("smtp.reply_to", "registrar@cpso.example.org")
    desk.settings.set("smtp.bcc_archive", "archive@cpso.example.org")
    msg = build(desk)
    assert msg["Subject"] == "Certificate of Professional Conduct \u2013 Hélène Côté-Gagnon (CPSO #500123)"
    assert msg["To"].addresses[0].addr_spec == "credentials@tgh.example.org"
    assert msg["From"].addresses[0].addr_spec == "cpc@cpso.example.org"
    assert msg["Reply-To"] == "registrar@cpso.example.org"
    assert msg["Bcc"] == "archive@cpso.example.org"
    assert msg["Message-ID"] == "<cpc-2026-000123.cpc-desk@example.org>"
    # Through the wire format and back: what a recipient's mail program sees.
    wire = mail._flatten(msg, utf8=False)
    assert b"\r\nBcc:" not in wire and not wire.startswith(b"Bcc:"), "Bcc must never be sent as a header"
    assert wire.isascii()
    parsed = BytesParser(policy=policy.default).parsebytes(wire)
    assert parsed["Subject"] == msg["Subject"]
    plain = parsed.get_body(preferencelist=("plain",))
    html = parsed.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    text = plain.get_content()
    for expected in (
        NUMBER,
        "23 February 2027",
        "ABCD-EFGH-JKMN",
        "https://verify.example.org/cpc",
        "500123",
    ):
        assert expected in text
    assert "Côté-Gagnon" in html.get_content()
    (attachment,) = list(parsed.iter_attachments())
    assert attachment.get_filename() == "CPC-2026-000123.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_payload(decode=True) == tiny_pdf()


@pytest.mark.parametrize("name", ["Hélène Côté-Gagnon", "王美玲", "Zoë O'Brien-Ødegård"])
def test_wire_bytes_are_the_standard_generators(desk: Desk, name: str) -> None:
    """The faster flattening writes exactly what email's own BytesGenerator writes."""
    import io
    from email.generator import BytesGenerator

    msg = build(desk, member_name=name, pdf=tiny_pdf() * 40)
    boundaries = [p.get_boundary() for p in msg.walk() if p.is_multipart()]
    assert len(boundaries) == 2 and all(b and b.startswith("=_cpc_") for b in boundaries)
    assert len(set(boundaries)) == 2
    for utf8 in (False, True):
        stock = io.BytesIO()
        BytesGenerator(stock, policy=msg.policy.clone(linesep="\r\n", utf8=utf8)).flatten(msg)
        assert mail._flatten(msg, utf8=utf8) == stock.getvalue()
    parsed = BytesParser(policy=policy.default).parsebytes(mail._flatten(msg, utf8=False))
    attachment = next(parsed.iter_attachments())
    assert attachment.get_content() == tiny_pdf() * 40


def test_message_id_is_stable_per_certificate_and_new_per_resend() -> None:
    first = mail.make_message_id(NUMBER, "Example.ORG")
    assert first == mail.make_message_id(NUMBER, "example.org")
    assert mail.make_message_id(NUMBER, "example.org", 1) != first
    assert mail.make_message_id(NUMBER, "example.org", 1) == mail.make_message_id(NUMBER, "example.org", 1)
    with pytest.raises(ValidationError):
        mail.make_message_id("CPC-2026-000123>\r\nBcc: x@y.z", "example.org")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("member_name", "Jane Doe\r\nBcc: attacker@evil.example"),
        ("member_name", "Jane Doe\nX-Injected: 1"),
        ("member_name", "Jane\u2028Doe"),
        ("member_name", "Jane\x85Doe"),
        ("recipient_name", "Hospital\r\nBcc: attacker@evil.example"),
        ("recipient_name", "Hospital\rTo: other@evil.example"),
        ("to_address", "credentials@tgh.example.org\r\nBcc: attacker@evil.example"),
        ("to_address", "credentials@tgh.example.org, attacker@evil.example"),
        ("to_address", "Someone <attacker@evil.example>"),
        ("cpso_number", "500123\r\nBcc: x@evil.example"),
        ("verification_code", "ABCD\nBcc: x@evil.example"),
        ("message_id", "<a@b>\r\nBcc: x@evil.example"),
    ],
)
def test_header_injection_is_refused_naming_the_field(desk: Desk, field: str, value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        build(desk, **{field: value})
    assert caught.value.field == field


def test_settings_refuse_line_breaks_in_sender_addresses(desk: Desk) -> None:
    for key in ("smtp.from_address", "smtp.reply_to", "smtp.bcc_archive"):
        with pytest.raises(ValidationError) as caught:
            desk.settings.set(key, "cpc@example.org\r\nBcc: attacker@evil.example")
        assert caught.value.field == key


def test_names_in_many_scripts_survive_the_trip(desk: Desk) -> None:
    for name in ("王小明", "Σωκράτης Παπαδόπουλος", "محمد عبد الله", "Ngũgĩ wa Thiong'o", "Łukasz Żółć"):
        msg = build(desk, member_name=name, recipient_name=f"Hôpital {name}")
        wire = mail._flatten(msg, utf8=False)
        assert wire.isascii()
        parsed = BytesParser(policy=policy.default).parsebytes(wire)
        assert name in parsed["Subject"]
        # RFC 2047 decoding as mail programs do it (the stdlib's address parser inserts a space
        # between adjacent encoded words in a display name, which RFC 2047 says to ignore).
        raw = BytesParser(policy=policy.compat32).parsebytes(wire)
        assert str(make_header(decode_header(raw["To"]))) == f"Hôpital {name} <credentials@tgh.example.org>"


def test_none_security_is_only_for_loopback(desk: Desk) -> None:
    desk.settings.set("smtp.host", "smtp.example.org")
    with pytest.raises(ValidationError) as caught:
        SmtpConfig.from_settings(desk.settings)
    assert caught.value.field == "smtp.security"
    desk.settings.set("smtp.security", "starttls")
    assert SmtpConfig.from_settings(desk.settings).security == "starttls"
    for host in ("127.0.0.1", "localhost", "::1"):
        desk.settings.set("smtp.host", host)
        desk.settings.set("smtp.security", "none")
        assert SmtpConfig.from_settings(desk.settings).host == host


# --- the transport against real servers -----------------------------------------------------------


@pytest.mark.parametrize("mode", ["plain", "starttls", "tls"])
def test_test_email_over_each_security_mode(desk: Desk, smtp_server: MakeServer, mode: str) -> None:
    server = smtp_server(mode)
    server.configure(desk.settings)
    answer = mail.send_test_email(desk.settings, "it@tgh.example.org")
    assert "250 2.0.0 Accepted" in answer
    (received,) = server.received
    assert received.rcpt_tos == ["it@tgh.example.org"]
    assert received.message["Subject"] == "CPC Desk test message"


def test_untrusted_certificate_is_refused(desk: Desk, smtp_server: MakeServer) -> None:
    server = smtp_server("tls")
    server.configure(desk.settings, trust=False)
    with pytest.raises(DeliveryError) as caught:
        mail.send_test_email(desk.settings, "it@tgh.example.org")
    assert caught.value.kind == FailureKind.TEMPORARY
    assert "certificate" in str(caught.value)
    assert server.received == []


def test_starttls_with_untrusted_certificate_sends_nothing(desk: Desk, smtp_server: MakeServer) -> None:
    server = smtp_server("starttls")
    server.configure(desk.settings, trust=False)
    with pytest.raises(DeliveryError, match="certificate"):
        mail.send_test_email(desk.settings, "it@tgh.example.org")
    assert server.received == []


def test_starttls_required_but_not_offered_is_a_settings_problem(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    desk.settings.set("smtp.security", "starttls")
    with pytest.raises(DeliveryError) as caught:
        mail.send_test_email(desk.settings, "it@tgh.example.org")
    assert caught.value.kind == FailureKind.SETTINGS
    assert "STARTTLS" in str(caught.value)


def test_auth_reads_the_password_from_the_keyring(desk: Desk, smtp_server: MakeServer) -> None:
    server = smtp_server("starttls", username="cpc-desk", password="s3cret-Pa55")
    server.configure(desk.settings)
    desk.settings.set("smtp.username", "cpc-desk")
    secrets.set_secret(secrets.SMTP_PASSWORD_ENTRY, "s3cret-Pa55")
    assert "250" in mail.send_test_email(desk.settings, "it@tgh.example.org")
    assert server.handler.auth_attempts == ["cpc-desk"]
    assert len(server.received) == 1


def test_auth_failure_gives_the_servers_words_and_no_password(desk: Desk, smtp_server: MakeServer) -> None:
    server = smtp_server("tls", username="cpc-desk", password="right-password")
    server.configure(desk.settings)
    desk.settings.set("smtp.username", "cpc-desk")
    secrets.set_secret(secrets.SMTP_PASSWORD_ENTRY, "wrong-password")
    with pytest.raises(DeliveryError) as caught:
        mail.send_test_email(desk.settings, "it@tgh.example.org")
    assert caught.value.kind == FailureKind.SETTINGS
    assert caught.value.code == 535
    assert "535" in str(caught.value)
    assert "wrong-password" not in str(caught.value) and "wrong-password" not in repr(caught.value)
    assert server.received == []


def test_user_name_without_a_stored_password_says_so(desk: Desk, smtp_server: MakeServer) -> None:
    server = smtp_server("starttls", username="cpc-desk", password="x")
    server.configure(desk.settings)
    desk.settings.set("smtp.username", "cpc-desk")
    with pytest.raises(DeliveryError, match="no password is stored"):
        mail.send_test_email(desk.settings, "it@tgh.example.org")


def test_server_down_is_temporary(desk: Desk) -> None:
    desk.settings.set("smtp.port", closed_port())
    with pytest.raises(DeliveryError) as caught:
        mail.send_test_email(desk.settings, "it@tgh.example.org")
    assert caught.value.kind == FailureKind.TEMPORARY
    assert "connection refused" in str(caught.value)


def test_silent_server_times_out(desk: Desk, silent_smtp: SilentServer) -> None:
    silent_smtp.configure(desk.settings)
    desk.settings.set("smtp.timeout_seconds", 1)
    started = time.monotonic()
    with pytest.raises(DeliveryError) as caught:
        mail.send_test_email(desk.settings, "it@tgh.example.org")
    assert time.monotonic() - started < 10
    assert caught.value.kind == FailureKind.TEMPORARY
    assert "did not answer within 1 seconds" in str(caught.value)


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("421 4.3.2 Service shutting down", FailureKind.TEMPORARY),
        ("451 4.3.0 Mail server temporarily rejected message", FailureKind.TEMPORARY),
        ("550 5.7.1 Message rejected as spam", FailureKind.PERMANENT),
        ("552 5.3.4 Message size exceeds fixed limit", FailureKind.PERMANENT),
    ],
)
def test_data_replies_are_classified_with_the_servers_exact_words(
    desk: Desk, plain_smtp: SmtpServer, reply: str, kind: FailureKind
) -> None:
    plain_smtp.configure(desk.settings)
    plain_smtp.handler.data_replies.append(reply)
    with pytest.raises(DeliveryError) as caught:
        mail.send_test_email(desk.settings, "it@tgh.example.org")
    assert caught.value.kind == kind
    assert caught.value.reply == reply
    assert reply in str(caught.value)


def test_refused_recipient_is_permanent(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    plain_smtp.handler.refused_recipients["nobody@tgh.example.org"] = (
        "550 5.1.1 <nobody@tgh.example.org>: no such user"
    )
    with pytest.raises(DeliveryError) as caught:
        mail.send_test_email(desk.settings, "nobody@tgh.example.org")
    assert caught.value.kind == FailureKind.PERMANENT
    assert caught.value.reply == "550 5.1.1 <nobody@tgh.example.org>: no such user"


def test_one_connection_for_many_messages_and_reconnect_when_dropped(
    desk: Desk, plain_smtp: SmtpServer
) -> None:
    plain_smtp.configure(desk.settings)
    with SmtpTransport.from_settings(desk.settings) as transport:
        for i in range(5):
            transport.send(build(desk, message_id=f"<m{i}@example.org>"))
        assert transport.connections == 1
        assert plain_smtp.handler.connections == 1
        # The server closes the idle connection (as servers do after a while); the next message
        # reconnects and goes through exactly once.
        smtpd = plain_smtp.controller.smtpd
        assert smtpd is not None
        plain_smtp.controller.loop.call_soon_threadsafe(smtpd.transport.close)
        time.sleep(0.2)
        transport.send(build(desk, message_id="<after-drop@example.org>"))
        assert transport.connections == 2
    ids = [r.message["Message-ID"] for r in plain_smtp.received]
    assert ids == [f"<m{i}@example.org>" for i in range(5)] + ["<after-drop@example.org>"]


def test_bcc_archive_gets_a_copy_without_a_bcc_header(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    desk.settings.set("smtp.bcc_archive", "archive@cpso.example.org")
    with SmtpTransport.from_settings(desk.settings) as transport:
        transport.send(build(desk))
    (received,) = plain_smtp.received
    assert received.rcpt_tos == ["credentials@tgh.example.org", "archive@cpso.example.org"]
    assert received.message["Bcc"] is None


def test_ca_file_that_cannot_be_read_is_a_settings_problem(desk: Desk, tmp_path: Path) -> None:
    bad = tmp_path / "not-a-ca.pem"
    bad.write_text("not a certificate")
    desk.settings.set("smtp.security", "tls")
    desk.settings.set("smtp.ca_file", str(bad))
    transport = SmtpTransport.from_settings(desk.settings)
    with pytest.raises(DeliveryError) as caught:
        transport.ssl_context()
    assert caught.value.kind == FailureKind.SETTINGS
    assert isinstance(ssl.create_default_context(), ssl.SSLContext)
