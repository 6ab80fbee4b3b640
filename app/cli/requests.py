"""`requests message REQUEST --text-file F`, `requests record REQUEST --text-file F --how reply|phone` and
`requests thread REQUEST`: the message thread of a request, headless."""

import argparse
from pathlib import Path

from app.desk import Desk
from app.errors import ValidationError
from app.issuing.messages import record_message, request_thread, send_message
from app.register.members import local_time
from app.store.models import MessageChannel


def _text_of(path_text: str) -> str:
    path = Path(path_text)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("--text-file", f"cannot read {path} ({exc.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("--text-file", f"{path} is not UTF-8 text") from None


def cli_message(args: argparse.Namespace, desk: Desk) -> int:
    """Queue a message to the member (deliver with `outbox send`); exit 0, or 2 for a refused text."""
    entry = send_message(desk, desk.actor, args.request, _text_of(args.text_file), subject=args.subject or "")
    print(f"Message {entry.id} queued: {entry.subject}")
    return 0


def cli_record(args: argparse.Namespace, desk: Desk) -> int:
    channel = MessageChannel.PHONE_CALL if args.how == "phone" else MessageChannel.REPLY_RECORDED
    entry = record_message(desk, desk.actor, args.request, _text_of(args.text_file), channel=channel)
    print(f"Recorded entry {entry.id}: {entry.how}")
    return 0


def cli_thread(args: argparse.Namespace, desk: Desk) -> int:
    """Print the thread, oldest first: when, who, how (and the delivery state), then the text."""
    thread = request_thread(desk, desk.actor, args.request)
    print(f"Request {thread.request_number} for {thread.member_name} <{thread.member_email}>")
    if not thread.entries:
        print("No messages yet.")
    for entry in thread.entries:
        state = f" - {entry.delivery}" if entry.delivery else ""
        error = f" ({entry.delivery_error})" if entry.delivery_error else ""
        unread = " [unread]" if entry.unread else ""
        print()
        print(f"#{entry.id} {local_time(entry.at)} by {entry.who}: {entry.how}{state}{error}{unread}")
        if entry.subject:
            print(f"Subject: {entry.subject}")
        for line in entry.body.split("\n"):
            print(f"    {line}" if line else "")
    return 0
