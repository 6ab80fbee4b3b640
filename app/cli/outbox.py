"""`outbox list|send`: outgoing certificate email from the command line."""

import argparse
import sys
from datetime import datetime

from app.desk import Desk
from app.mail.demo_mailbox import demo_server_for_command
from app.mail.outbox import list_messages, pause_reason, send_due
from app.store.models import OutboxState


def _local(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def cli_list(args: argparse.Namespace, desk: Desk) -> int:
    rows = list_messages(desk, desk.actor, include_done=bool(getattr(args, "all", False)))
    reason = pause_reason(desk)
    if desk.is_offline:
        print("Offline mode: nothing is sent; everything waits in the outbox.", file=sys.stderr)
    if reason:
        print(f"Sending is paused: {reason}", file=sys.stderr)
    if not rows:
        print("The outbox is empty.")
        return 0
    print("ID\tSTATE\tATTEMPTS\tCERTIFICATE\tTO\tNEXT TRY / SENT\tLAST ERROR")
    for r in rows:
        when = _local(r.sent_at) if r.state == OutboxState.SENT else _local(r.next_attempt_at)
        print(
            f"{r.id}\t{r.state.value}\t{r.attempts}\t{r.certificate_number}\t{r.to_address}\t{when}\t"
            f"{' '.join(r.last_error.split())}"
        )
    return 0


def cli_send(args: argparse.Namespace, desk: Desk) -> int:
    """Send what is due; in demo mode start the local mailbox server for the run if none is listening."""

    def show(done: int, total: int, text: str) -> None:
        print(f"[{done}/{total}] {text}", file=sys.stderr)

    with demo_server_for_command(desk):
        report = send_due(desk, progress=show)
    for line in report.errors:
        print(f"cpc-desk: {line}", file=sys.stderr)
    print(report.summary())
    return 0 if report.ok else 1


def cli_test(args: argparse.Namespace, desk: Desk) -> int:
    """Send a test message now; exit 1 naming the step that failed, 2 for a bad address or setting."""
    from app.mail.mail_check import MailTestFailed, send_test_message

    try:
        with demo_server_for_command(desk):
            print(send_test_message(desk, desk.actor, str(args.address)))
    except MailTestFailed as exc:
        print(f"cpc-desk: the test message was not sent. {exc}", file=sys.stderr)
        return 1
    return 0
