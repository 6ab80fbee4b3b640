"""The outbox against real SMTP servers: states, attempts and errors in the database after each case."""

import io
import json
import logging
import sys
import threading
from contextlib import redirect_stderr, redirect_stdout
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import tuning
from app.access import secrets
from app.audit import trail as audit
from app.desk import Desk
from app.errors import ConflictError, ValidationError
from app.mail import outbox
from app.store.models import AuditEvent, Certificate, OutboxMessage, OutboxState, utcnow
from tests import cli_runner
from tests.smtp_fixtures import MakeServer, queue_certificate_email
from tests.smtp_servers import SilentServer, SmtpServer, closed_port


def state_of(desk: Desk, outbox_id: int) -> OutboxMessage:
    with desk.db.read() as session:
        row = session.get(OutboxMessage, outbox_id)
        assert row is not None
        return row


def later(minutes: float) -> "object":
    return utcnow() + timedelta(minutes=minutes)


def audit_kinds(desk: Desk) -> list[str]:
    with desk.db.read() as session:
        assert audit.verify_chain(session).ok
        return [e.kind for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def message_ids(server: SmtpServer) -> list[str]:
    return [str(r.message["Message-ID"]) for r in server.received]


# --- queueing -------------------------------------------------------------------------------------


def test_email_is_queued_in_the_issuing_transaction(desk: Desk) -> None:
    cert_id, box_id = queue_certificate_email(desk)
    row = state_of(desk, box_id)
    assert row.state == OutboxState.QUEUED and row.attempts == 0 and row.certificate_id == cert_id
    assert row.subject.startswith("Certificate of Professional Conduct \u2013 Hélène Côté-Gagnon (CPSO #")
    assert row.to_address == "credentials@tgh.example.org"
    assert outbox.count_waiting(desk) == 1
    assert "outbox.queued" in audit_kinds(desk)


@pytest.mark.parametrize(
    "overrides",
    [
        {"institution": "Toronto General\r\nBcc: attacker@evil.example"},
        {"email": "credentials@tgh.example.org\r\nBcc: attacker@evil.example"},
        {"email": "credentials@tgh.example.org,attacker@evil.example"},
        {"first_name": "Jane\nBcc: attacker@evil.example"},
        {"last_name": "Doe\rX-Injected: yes"},
    ],
)
def test_header_injection_refuses_the_whole_issue(desk: Desk, overrides: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        queue_certificate_email(desk, **overrides)
    with desk.db.read() as session:  # nothing half-written: no certificate, no message
        assert session.scalar(select(func.count()).select_from(Certificate)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


# --- sending --------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["plain", "starttls", "tls"])
def test_send_due_delivers_over_one_connection(desk: Desk, smtp_server: MakeServer, mode: str) -> None:
    server = smtp_server(mode)
    server.configure(desk.settings)
    ids = [queue_certificate_email(desk, email=f"office{i}@hospital{i}.example.org")[1] for i in range(4)]
    seen: list[tuple[int, int, str]] = []
    report = outbox.send_due(desk, progress=lambda d, t, text: seen.append((d, t, text)))
    assert report.sent == 4 and report.ok and report.connections == 1
    assert server.handler.connections == 1
    assert [d for d, _t, _x in seen] == [1, 2, 3, 4] and seen[-1][1] == 4
    for box_id in ids:
        row = state_of(desk, box_id)
        assert row.state == OutboxState.SENT and row.attempts == 1 and row.sent_at is not None
        assert row.last_error == ""
    assert sorted(r.rcpt_tos[0] for r in server.received) == [
        f"office{i}@hospital{i}.example.org" for i in range(4)
    ]
    assert len(set(message_ids(server))) == 4
    (attachment,) = list(server.received[0].message.iter_attachments())
    assert attachment.get_filename().startswith("CPC-") and attachment.get_content_type() == "application/pdf"
    assert outbox.count_waiting(desk) == 0
    # A second run has nothing to do and sends nothing again.
    assert outbox.send_due(desk).attempted == 0
    assert len(server.received) == 4
    kinds = audit_kinds(desk)
    assert kinds.count("outbox.sending") == 1, "one event for the claim of the chunk"
    assert kinds.count("outbox.sent") == 4, "one event per message delivered"
    with desk.db.read() as session:
        claim = session.scalar(select(AuditEvent).where(AuditEvent.kind == "outbox.sending"))
        assert (
            claim is not None
            and sorted(m["outbox_id"] for m in json.loads(claim.after_json)["messages"]) == ids
        )


def test_untrusted_certificate_fails_temporarily(desk: Desk, smtp_server: MakeServer) -> None:
    server = smtp_server("tls")
    server.configure(desk.settings, trust=False)
    _cert, box_id = queue_certificate_email(desk)
    report = outbox.send_due(desk)
    assert report.failed_temporary == 1 and not report.ok
    row = state_of(desk, box_id)
    assert row.state == OutboxState.FAILED_TEMPORARY and row.attempts == 1
    assert "TLS certificate was not accepted" in row.last_error
    assert row.next_attempt_at is not None and row.next_attempt_at > utcnow()
    assert server.received == []
    # Trusting the server's CA (as an administrator would) lets the retry through.
    server.configure(desk.settings, trust=True)
    assert outbox.send_due(desk).sent == 0, "not due yet: backoff"
    assert outbox.send_due(desk, now=later(2)).sent == 1
    assert state_of(desk, box_id).attempts == 2


def test_auth_success_and_the_password_is_nowhere_on_disk_or_in_the_log(
    desk: Desk, smtp_server: MakeServer, data_dir: Path, caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    password = "Pw-5f3a9c-Unique-Secret"
    server = smtp_server("starttls", username="cpc-desk", password=password)
    server.configure(desk.settings)
    desk.settings.set("smtp.username", "cpc-desk")
    secrets.set_secret(secrets.SMTP_PASSWORD_ENTRY, password)
    caplog.set_level(logging.DEBUG)
    _cert, box_id = queue_certificate_email(desk)
    report = outbox.send_due(desk)
    assert report.sent == 1, report.errors
    assert server.handler.auth_attempts == ["cpc-desk"]
    # The password came from the keyring backend, and went nowhere else.
    assert ("cpc-desk", "smtp") in {k for k in _keyring_store()}
    desk.close()
    needle = password.encode()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert needle not in path.read_bytes(), f"password found in {path}"
    out, err = capfd.readouterr()
    assert password not in out + err + caplog.text
    assert state_of(desk, box_id).state == OutboxState.SENT


def _keyring_store() -> dict[tuple[str, str], str]:
    import keyring

    return keyring.get_keyring().store  # type: ignore[attr-defined,no-any-return]


def test_auth_failure_pauses_the_outbox_until_settings_change(
    desk: Desk, smtp_server: MakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    server = smtp_server("starttls", username="cpc-desk", password="right-one")
    server.configure(desk.settings)
    desk.settings.set("smtp.username", "cpc-desk")
    secrets.set_secret(secrets.SMTP_PASSWORD_ENTRY, "wrong-one")
    ids = [queue_certificate_email(desk)[1] for _ in range(3)]
    report = outbox.send_due(desk)
    assert report.paused and not report.ok and report.sent == 0
    assert "535" in report.summary()
    for box_id in ids:  # nothing counted against the messages: they were never really tried
        row = state_of(desk, box_id)
        assert row.state == OutboxState.QUEUED and row.attempts == 0
    assert "535" in outbox.pause_reason(desk)
    # While paused nothing is tried, not even a connection.
    tried = len(server.handler.auth_attempts)
    assert tried >= 1  # (smtplib tries each mechanism the server offers)
    again = outbox.send_due(desk)
    assert again.paused and len(server.handler.auth_attempts) == tried
    # The right password alone does not lift the pause (no settings changed) …
    secrets.set_secret(secrets.SMTP_PASSWORD_ENTRY, "right-one")
    assert outbox.send_due(desk).paused
    # … 'Resume sending' does, and so would a change of the mail settings.
    assert outbox.resume(desk, desk.actor)
    assert outbox.send_due(desk).sent == 3
    assert "wrong-one" not in caplog.text and "right-one" not in caplog.text
    assert {"outbox.paused", "outbox.resumed", "outbox.released"} <= set(audit_kinds(desk))


def test_pause_ends_when_the_mail_settings_change(desk: Desk, smtp_server: MakeServer) -> None:
    server = smtp_server("starttls", username="cpc-desk", password="pw")
    server.configure(desk.settings)
    desk.settings.set("smtp.username", "someone-else")
    secrets.set_secret(secrets.SMTP_PASSWORD_ENTRY, "pw")
    queue_certificate_email(desk)
    assert outbox.send_due(desk).paused
    desk.settings.set("smtp.username", "cpc-desk")
    assert outbox.pause_reason(desk) == ""
    assert outbox.send_due(desk).sent == 1


def test_server_down_then_back(desk: Desk, smtp_server: MakeServer) -> None:
    desk.settings.set("smtp.port", closed_port())
    ids = [queue_certificate_email(desk)[1] for _ in range(2)]
    report = outbox.send_due(desk)
    assert report.failed_temporary == 2 and report.connections == 0
    for box_id in ids:
        row = state_of(desk, box_id)
        assert row.state == OutboxState.FAILED_TEMPORARY and row.attempts == 1
        assert "connection refused" in row.last_error
    server = smtp_server("plain")
    server.configure(desk.settings)
    report = outbox.send_due(desk, now=later(2))
    assert report.sent == 2
    assert [state_of(desk, i).attempts for i in ids] == [2, 2]
    assert len(server.received) == 2


@pytest.mark.parametrize(
    "reply", ["421 4.3.2 Service not available, closing channel", "451 4.7.1 Greylisted"]
)
def test_temporary_reply_then_success(desk: Desk, plain_smtp: SmtpServer, reply: str) -> None:
    plain_smtp.configure(desk.settings)
    plain_smtp.handler.data_replies.append(reply)
    first, second = (queue_certificate_email(desk)[1] for _ in range(2))
    report = outbox.send_due(desk)
    assert (report.sent, report.failed_temporary) == (1, 1)
    row = state_of(desk, first)
    assert row.state == OutboxState.FAILED_TEMPORARY and row.attempts == 1
    assert reply in row.last_error
    assert row.next_attempt_at is not None
    assert timedelta(seconds=50) < row.next_attempt_at - utcnow() < timedelta(minutes=2)
    assert state_of(desk, second).state == OutboxState.SENT
    assert outbox.send_due(desk, now=later(2)).sent == 1
    row = state_of(desk, first)
    assert row.state == OutboxState.SENT and row.attempts == 2 and row.last_error == ""
    ids = message_ids(plain_smtp)
    assert len(ids) == 2 and len(set(ids)) == 2, "each message delivered exactly once"


def test_backoff_grows_and_gives_up_after_max_attempts(desk: Desk) -> None:
    desk.settings.set("smtp.port", closed_port())
    desk.settings.set("smtp.max_attempts", 3)
    _cert, box_id = queue_certificate_email(desk)
    clock = utcnow()
    gaps = []
    for _ in range(3):
        outbox.send_due(desk, now=clock)
        row = state_of(desk, box_id)
        if row.next_attempt_at is not None:
            gaps.append(row.next_attempt_at - clock)
            clock = row.next_attempt_at + timedelta(seconds=1)
    row = state_of(desk, box_id)
    assert row.state == OutboxState.FAILED_PERMANENT and row.attempts == 3
    assert row.last_error.startswith("Gave up after 3 attempts. Last error: Could not connect")
    assert gaps == [timedelta(minutes=1), timedelta(minutes=2)]
    assert outbox.send_due(desk, now=clock + timedelta(days=1)).attempted == 0


def test_permanent_failure_keeps_the_servers_words(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    plain_smtp.handler.data_replies.append("550 5.7.1 Delivery not authorized, message refused")
    plain_smtp.handler.refused_recipients["gone@clinic.example.org"] = (
        "550 5.1.1 <gone@clinic.example.org>: User unknown"
    )
    a = queue_certificate_email(desk)[1]
    b = queue_certificate_email(desk, email="gone@clinic.example.org")[1]
    report = outbox.send_due(desk)
    assert report.failed_permanent == 2 and not report.ok
    assert state_of(desk, a).last_error.endswith("550 5.7.1 Delivery not authorized, message refused")
    assert "550 5.1.1 <gone@clinic.example.org>: User unknown" in state_of(desk, b).last_error
    assert {state_of(desk, i).state for i in (a, b)} == {OutboxState.FAILED_PERMANENT}
    assert outbox.send_due(desk, now=later(60 * 24)).attempted == 0  # never retried by itself
    assert plain_smtp.received == []


def test_connection_dropped_during_data_is_the_at_least_once_case(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    plain_smtp.handler.drop_after_data = 1
    first, second = (queue_certificate_email(desk)[1] for _ in range(2))
    report = outbox.send_due(desk)
    assert (report.failed_temporary, report.sent) == (1, 1)
    row = state_of(desk, first)
    assert row.state == OutboxState.FAILED_TEMPORARY and "before confirming" in row.last_error
    assert report.connections == 2, "reconnected for the next message after the drop"
    assert outbox.send_due(desk, now=later(2)).sent == 1
    # The server had the message although it never said so; the retry carries the same Message-ID,
    # which is how the receiving side recognises the repeat. Nothing else went twice.
    (dropped,) = plain_smtp.handler.dropped
    retried = [r for r in plain_smtp.received if r.message["Message-ID"] == dropped.message["Message-ID"]]
    assert len(retried) == 1 and state_of(desk, first).message_id == dropped.message["Message-ID"]
    assert len(plain_smtp.received) == 2 and state_of(desk, second).state == OutboxState.SENT


def test_server_that_never_answers_times_out(desk: Desk, silent_smtp: SilentServer) -> None:
    silent_smtp.configure(desk.settings)
    desk.settings.set("smtp.timeout_seconds", 1)
    a, b = (queue_certificate_email(desk)[1] for _ in range(2))
    report = outbox.send_due(desk)
    assert report.failed_temporary == 2 and report.stopped_early
    for box_id in (a, b):
        row = state_of(desk, box_id)
        assert row.state == OutboxState.FAILED_TEMPORARY and row.attempts == 1
        assert "did not answer within 1 seconds" in row.last_error


def test_message_left_sending_by_a_crash_is_sent_again_after_its_lease(
    desk: Desk, plain_smtp: SmtpServer
) -> None:
    plain_smtp.configure(desk.settings)
    _cert, box_id = queue_certificate_email(desk)
    # A sender claims the message and dies before writing the outcome.
    (job,) = outbox._claim(desk, utcnow(), set(), 10)
    assert state_of(desk, box_id).state == OutboxState.SENDING
    assert outbox.send_due(desk).attempted == 0, "another sender's lease is respected"
    report = outbox.send_due(desk, now=later(11))
    assert report.sent == 1
    row = state_of(desk, box_id)
    assert row.state == OutboxState.SENT and row.attempts == 2
    assert message_ids(plain_smtp) == [job.message_id]


def test_threads_hand_over_promptly_while_sending_and_the_interval_comes_back(
    desk: Desk, plain_smtp: SmtpServer
) -> None:
    plain_smtp.configure(desk.settings)
    for _ in range(3):
        queue_certificate_email(desk)
    before = sys.getswitchinterval()
    assert outbox.send_due(desk).sent == 3
    intervals = [round(r.switch_interval, 6) for r in plain_smtp.received]
    assert intervals == [tuning.OUTBOX_HANDOVER_INTERVAL_S] * 3
    assert sys.getswitchinterval() == before


def test_two_senders_at_once_deliver_each_message_once(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    for _ in range(12):
        queue_certificate_email(desk)
    reports: list[outbox.SendReport] = []
    barrier = threading.Barrier(2)
    before = sys.getswitchinterval()

    def run() -> None:
        barrier.wait()
        reports.append(outbox.send_due(desk))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sum(r.sent for r in reports) == 12
    assert sys.getswitchinterval() == before  # restored after the last of the two runs, not the first
    ids = message_ids(plain_smtp)
    assert len(ids) == 12 and len(set(ids)) == 12


def test_offline_queues_everything_and_sends_nothing(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    _cert, box_id = queue_certificate_email(desk)
    desk.offline = True
    report = outbox.send_due(desk)
    assert report.skipped.startswith("Offline") and report.ok
    desk.offline = False
    desk.settings.set("mail.offline", True)
    assert outbox.send_due(desk).attempted == 0
    assert state_of(desk, box_id).state == OutboxState.QUEUED and plain_smtp.received == []
    desk.settings.set("mail.offline", False)
    assert outbox.send_due(desk).sent == 1


def test_revoked_certificate_is_not_sent(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    cert_id, box_id = queue_certificate_email(desk)
    with desk.db.write() as session:
        cert = session.get(Certificate, cert_id)
        assert cert is not None
        cert.revoked = True
    report = outbox.send_due(desk)
    assert report.cancelled == 1 and plain_smtp.received == []
    row = state_of(desk, box_id)
    assert row.state == OutboxState.CANCELLED and "revoked" in row.last_error


def test_bad_settings_leave_messages_untouched(desk: Desk) -> None:
    desk.settings.set("smtp.host", "smtp.example.org")  # with security 'none': refused
    _cert, box_id = queue_certificate_email(desk)
    report = outbox.send_due(desk)
    assert "smtp.security" in report.skipped and not report.ok
    row = state_of(desk, box_id)
    assert row.state == OutboxState.QUEUED and row.attempts == 0


# --- staff actions --------------------------------------------------------------------------------


def test_retry_now_resend_to_and_cancel(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    plain_smtp.handler.refused_recipients["old@clinic.example.org"] = "550 5.1.1 User unknown"
    _cert, box_id = queue_certificate_email(desk, email="old@clinic.example.org")
    outbox.send_due(desk)
    assert state_of(desk, box_id).state == OutboxState.FAILED_PERMANENT
    actor = desk.actor
    with pytest.raises(ValidationError):
        outbox.resend_to(desk, actor, box_id, "not an address")
    new = outbox.resend_to(desk, actor, box_id, "new@clinic.example.org")
    again = outbox.resend_to(desk, actor, box_id, "new@clinic.example.org")  # a double click
    assert again.id == new.id
    assert new.resend_of_id == box_id and new.message_id != state_of(desk, box_id).message_id
    assert outbox.send_due(desk).sent == 1
    assert plain_smtp.received[0].rcpt_tos == ["new@clinic.example.org"]
    with pytest.raises(ConflictError):
        outbox.retry_now(desk, actor, new.id)  # already sent
    with pytest.raises(ConflictError):
        outbox.cancel(desk, actor, new.id)
    # Retry now: one more attempt for the failed message, at once.
    plain_smtp.handler.refused_recipients.clear()
    outbox.retry_now(desk, actor, box_id)
    assert state_of(desk, box_id).state == OutboxState.QUEUED
    outbox.cancel(desk, actor, box_id)
    assert outbox.send_due(desk).attempted == 0
    assert state_of(desk, box_id).state == OutboxState.CANCELLED
    assert {"outbox.resend", "outbox.retry", "outbox.cancelled"} <= set(audit_kinds(desk))
    listed = outbox.list_messages(desk, desk.actor, include_done=True)
    assert [r.id for r in listed] == [new.id, box_id] and listed[0].resend_of_id == box_id
    assert outbox.list_messages(desk, desk.actor) == []


def test_resend_cancels_a_message_still_waiting_for_the_old_address(desk: Desk) -> None:
    desk.offline = True
    _cert, box_id = queue_certificate_email(desk, email="typo@clinc.example.org")
    new = outbox.resend_to(desk, desk.actor, box_id, "right@clinic.example.org")
    assert state_of(desk, box_id).state == OutboxState.CANCELLED
    assert [r.id for r in outbox.list_messages(desk, desk.actor)] == [new.id]


# --- command line ---------------------------------------------------------------------------------


def run_cli(desk: Desk, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli_runner.run_cli(["--data-dir", str(desk.data_dir), "--database-url", desk.db.url, *argv])
    return code, out.getvalue(), err.getvalue()


def test_cli_list_and_send(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    plain_smtp.handler.data_replies.append("451 4.3.0 Try again later")
    queue_certificate_email(desk)
    queue_certificate_email(desk, email="two@clinic.example.org")
    code, out, _err = run_cli(desk, "outbox", "list")
    assert code == 0 and out.count("\tqueued\t") == 2
    code, out, err = run_cli(desk, "outbox", "send")
    assert code == 1, "a failure makes the exit status non-zero"
    assert "1 sent, 1 failed for now" in out and "451 4.3.0 Try again later" in err
    code, out, _err = run_cli(desk, "outbox", "list")
    assert out.count("\tfailed_temporary\t") == 1 and "sent" not in out.split("\n", 1)[1].split("\t")[1]
    code, out, _err = run_cli(desk, "outbox", "list", "--all")
    assert "\tsent\t" in out
    code, out, _err = run_cli(desk, "outbox", "send")
    assert code == 0 and "0 sent" in out


def test_cli_send_in_demo_mode_runs_the_demo_mailbox_for_the_command(desk: Desk) -> None:
    from app.mail.demo_mailbox import is_listening, list_mailbox

    port = closed_port()
    desk.settings.set("smtp.port", port)
    assert desk.settings.get("mail.demo_server") is True
    queue_certificate_email(desk)
    code, out, _err = run_cli(desk, "outbox", "send")
    assert code == 0 and "1 sent" in out
    (item,) = list_mailbox(desk, desk.actor)
    assert (
        item.attachments[0].filename.startswith("CPC-")
        and item.envelope_to == "<credentials@tgh.example.org>"
    )
    assert not is_listening("127.0.0.1", port), "the demo server ran for the command only"


def test_very_long_names_in_many_scripts_are_queued_and_delivered(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    first, middle, last = "Ἀλέξανδρος" * 20, "مُحَمَّد" * 25, "黄" * 200
    _cert, box_id = queue_certificate_email(desk, first_name=first, middle_name=middle, last_name=last)
    assert len(state_of(desk, box_id).subject) <= 500
    assert outbox.send_due(desk).sent == 1
    assert f"{first} {middle} {last}" in str(plain_smtp.received[0].message["Subject"])
