"""The message thread of a request: staff write to the member through the outbox (a real loopback SMTP
server), record replies and phone calls; order, who/how, delivery states, unread markers, the limits of a
message and its subject, "Where is my certificate?", and the headless commands."""

from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.errors import NotFound, PermissionDenied, ValidationError
from app.issuing.messages import (
    MAX_LENGTH,
    mark_thread_read,
    record_message,
    request_thread,
    send_message,
    unread_by_request,
)
from app.mail.outbox import send_due
from app.register.members import where_is
from app.store.models import (
    AuditEvent,
    MessageChannel,
    OutboxMessage,
    RequestMessage,
    StaffRole,
)
from tests.cli_runner import run_cli
from tests.factories import make_member, make_request
from tests.smtp_servers import SmtpServer

MEMBER_EMAIL = "helene.cote@members.example.org"
COLLEGE_REPLY_TO = "registration.messages@college.example.org"


def _request(desk: Desk, **member: str) -> tuple[str, int]:
    with desk.db.write() as session:
        m = make_member(session, **member)
        request = make_request(session, m)
        return request.number, m.id


def _counts(desk: Desk) -> tuple[int, int]:
    with desk.db.read() as session:
        return (
            int(session.scalar(select(func.count()).select_from(RequestMessage)) or 0),
            int(session.scalar(select(func.count()).select_from(OutboxMessage)) or 0),
        )


def test_a_message_goes_to_the_member_as_plain_text_with_the_request_number_and_reply_to(
    desk: Desk, plain_smtp: SmtpServer
) -> None:
    plain_smtp.configure(desk.settings)
    desk.settings.set("smtp.reply_to", COLLEGE_REPLY_TO)
    number, _member = _request(desk)
    text = "Dear Dr. Côté-Gagnon asked about her card.\n\nIt was posted on Monday.\r\nRegards"
    entry = send_message(desk, desk.actor, number, text, subject="Your certificate")
    assert entry.subject == f"Your certificate [{number}]"
    assert entry.delivery == "waiting to be sent" and not entry.unread
    report = send_due(desk)
    assert report.sent == 1, report.summary()
    [received] = plain_smtp.received
    assert received.rcpt_tos == [MEMBER_EMAIL]
    msg: EmailMessage = received.message
    assert number in msg["Subject"]
    assert msg["Reply-To"] == COLLEGE_REPLY_TO
    assert msg["X-CPC-Request"] == number
    assert msg.get_content_type() == "text/plain" and not msg.is_multipart()  # never HTML
    assert entry.body.endswith("It was posted on Monday.\nRegards")  # a CR/LF stored as one line break
    body = msg.get_content().replace("\r\n", "\n")
    assert entry.body in body
    assert COLLEGE_REPLY_TO in body and number in body
    thread = request_thread(desk, desk.actor, number)
    assert [e.delivery for e in thread.entries] == ["delivered to the mail server"]


def test_the_thread_keeps_order_who_and_how_and_marks_recorded_replies_unread_until_seen(desk: Desk) -> None:
    number, member_id = _request(desk)
    send_message(desk, desk.actor, number, "We need your consent form.")
    record_message(desk, desk.actor, number, "I will fax it today.", channel=MessageChannel.REPLY_RECORDED)
    record_message(
        desk, desk.actor, number, "Called to say the fax is sent.", channel=MessageChannel.PHONE_CALL
    )
    thread = request_thread(desk, desk.actor, number)
    assert [e.body for e in thread.entries] == [
        "We need your consent form.",
        "I will fax it today.",
        "Called to say the fax is sent.",
    ]
    assert [e.channel for e in thread.entries] == [
        MessageChannel.EMAIL_SENT,
        MessageChannel.REPLY_RECORDED,
        MessageChannel.PHONE_CALL,
    ]
    assert "recorded by staff (not received by email)" in thread.entries[1].how
    assert all(e.who == desk.actor.username for e in thread.entries)
    assert [e.delivery for e in thread.entries] == ["waiting to be sent", "", ""]
    assert [e.unread for e in thread.entries] == [False, True, True]
    assert unread_by_request(desk, desk.actor, member_id) == {number: 2}
    assert unread_by_request(desk, desk.actor) == {number: 2}
    assert mark_thread_read(desk, desk.actor, number) == 2
    assert unread_by_request(desk, desk.actor, member_id) == {}
    assert not any(e.unread for e in request_thread(desk, desk.actor, number).entries)
    with desk.db.read() as session:
        kinds = list(
            session.scalars(
                select(AuditEvent.kind).where(AuditEvent.subject == number).order_by(AuditEvent.id)
            )
        )
    assert kinds == [
        "request.message_sent",
        "outbox.queued",
        "request.message_recorded",
        "request.message_recorded",
    ]


@pytest.mark.parametrize(
    "subject", ["Hello\r\nBcc: victim@example.org", "Hello\nthere", "Hello\rthere", "Line\u2028break"]
)
def test_a_line_break_in_the_subject_is_refused_and_nothing_is_written(desk: Desk, subject: str) -> None:
    number, _ = _request(desk)
    with pytest.raises(ValidationError) as caught:
        send_message(desk, desk.actor, number, "Hello", subject=subject)
    assert caught.value.field == "subject"
    assert _counts(desk) == (0, 0)


def test_the_text_is_at_most_5000_characters_of_plain_text(desk: Desk) -> None:
    number, _ = _request(desk)
    longest = "x" * MAX_LENGTH
    assert MAX_LENGTH == 5_000
    assert send_message(desk, desk.actor, number, longest).body == longest
    for bad, words in (
        ("x" * (MAX_LENGTH + 1), "5,001 characters"),
        ("", "empty"),
        ("   \n\n ", "empty"),
        ("Ring \x07 the bell", "control character"),
        ("Escape \x1b[31m red", "control character"),
        ("Hidden \u202e text", "invisible or direction-changing"),
    ):
        with pytest.raises(ValidationError) as caught:
            send_message(desk, desk.actor, number, bad)
        assert caught.value.field == "message" and words in str(caught.value), bad
        with pytest.raises(ValidationError):
            record_message(desk, desk.actor, number, bad, channel=MessageChannel.PHONE_CALL)
    assert _counts(desk) == (1, 1)


def test_a_refused_address_shows_as_not_delivered(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    plain_smtp.handler.refused_recipients[MEMBER_EMAIL] = "550 5.1.1 No such user"
    number, _ = _request(desk)
    send_message(desk, desk.actor, number, "Your card is ready.")
    send_due(desk)
    [entry] = request_thread(desk, desk.actor, number).entries
    assert entry.delivery == "could not be delivered"
    assert "No such user" in entry.delivery_error


def test_a_member_without_email_and_an_unknown_request_are_named(desk: Desk) -> None:
    number, _ = _request(desk, email="")
    with pytest.raises(ValidationError) as caught:
        send_message(desk, desk.actor, number, "Hello")
    assert caught.value.field == "email"
    with pytest.raises(NotFound):
        send_message(desk, desk.actor, "R-9999999", "Hello")
    with pytest.raises(NotFound):
        request_thread(desk, desk.actor, "not a number")


def test_a_role_without_filing_may_not_write(desk: Desk) -> None:
    from app.access.staff import Actor

    class Nobody(Actor):
        def can(self, permission: str) -> bool:
            return False

    number, _ = _request(desk)
    with pytest.raises(PermissionDenied):
        send_message(desk, Nobody("x", StaffRole.CLERK), number, "Hello")
    with pytest.raises(PermissionDenied):
        request_thread(desk, Nobody("x", StaffRole.CLERK), number)


def test_where_is_my_certificate_mentions_the_last_message(desk: Desk) -> None:
    number, _ = _request(desk)
    send_message(desk, desk.actor, number, "First")
    record_message(
        desk,
        desk.actor,
        number,
        "The member says the hospital has it now.\nThanks",
        channel=MessageChannel.PHONE_CALL,
    )
    sentence = where_is(desk, desk.actor, number)
    assert sentence is not None
    assert "Last message: the member phoned (noted by clerk.test)" in sentence
    assert '"The member says the hospital has it now."' in sentence


def test_requests_message_and_thread_on_the_command_line(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number, _ = _request(desk)
    base = ["--data-dir", str(desk.data_dir), "--database-url", str(desk.db.url)]
    text = tmp_path / "message.txt"
    text.write_text("Your Certificate is on its way.\n\nThe registration office", encoding="utf-8")
    assert run_cli([*base, "requests", "message", number, "--text-file", str(text)]) == 0
    assert f"queued: About your request {number}" in capsys.readouterr().out
    reply = tmp_path / "reply.txt"
    reply.write_text("Thank you!", encoding="utf-8")
    assert run_cli([*base, "requests", "record", number, "--text-file", str(reply), "--how", "reply"]) == 0
    capsys.readouterr()
    assert run_cli([*base, "requests", "thread", number]) == 0
    out = capsys.readouterr().out
    assert out.index("Your Certificate is on its way.") < out.index("Thank you!")
    assert "sent by email - waiting to be sent" in out
    assert "recorded by staff (not received by email) [unread]" in out
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9".encode("latin-1"))
    assert run_cli([*base, "requests", "message", number, "--text-file", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "--text-file" in err and "UTF-8" in err and "Traceback" not in err
    too_long = tmp_path / "long.txt"
    too_long.write_text("y" * 5001, encoding="utf-8")
    assert run_cli([*base, "requests", "message", number, "--text-file", str(too_long)]) == 2
    assert "5,000" in capsys.readouterr().err


def test_the_outbox_lists_a_thread_message_under_its_request_and_member(desk: Desk) -> None:
    from app.mail.outbox import list_messages

    number, _ = _request(desk)
    send_message(desk, desk.actor, number, "Hello")
    [row] = list_messages(desk, desk.actor)
    assert row.certificate_number == number
    assert row.member_name == "Hélène Côté-Gagnon" and row.to_address == MEMBER_EMAIL
