"""Demo mode's mail server: a local SMTP server on loopback that keeps what it receives as .eml files.

With it a new desk shows real delivery with no mail server of its own: the outbox sends to
127.0.0.1, the messages land in the data folder's "mailbox" sub-folder, and the Demo mailbox screen
reads them back with their attachments.
"""

import contextlib
import os
import socket
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from app.access.permissions import Actor, Permission
from app.desk import Desk
from app.settings import Settings, is_loopback_host

MAILBOX_FOLDER = "mailbox"
DEMO_GREETING_NAME = "cpc-desk-demo.localhost"


def demo_active(settings: Settings) -> bool:
    """Demo mode is on and the mail settings point at a plain server on this computer."""
    return (
        bool(settings.get("mail.demo_server"))
        and is_loopback_host(str(settings.get("smtp.host")))
        and str(settings.get("smtp.security")) == "none"
    )


def is_listening(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


class MailboxHandler:
    """aiosmtpd handler: each message received becomes one .eml file, written atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.received = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content: bytes = envelope.original_content or b""
        envelope_lines = (
            f"X-Demo-Mail-From: <{envelope.mail_from}>\r\n"
            f"X-Demo-Rcpt-To: {', '.join(f'<{r}>' for r in envelope.rcpt_tos)}\r\n"
        ).encode()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        name = f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".incoming-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(envelope_lines + content)
        os.replace(tmp, self.folder / name)
        self.received += 1
        return f"250 2.0.0 Stored in the demo mailbox as {name}"


class LoopbackController(Controller):
    """An aiosmtpd Controller on a socket bound before start, so port 0 (any free port) works."""

    def __init__(self, handler: Any, host: str = "127.0.0.1", port: int = 0, **kwargs: Any) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host.strip("[]"), port))
        except OSError:
            sock.close()
            raise
        sock.setblocking(False)
        self._sock = sock
        kwargs.setdefault("server_hostname", DEMO_GREETING_NAME)
        super().__init__(handler, hostname=host, port=sock.getsockname()[1], **kwargs)

    def _create_server(self) -> Any:
        return self.loop.create_server(self._factory_invoker, sock=self._sock, ssl=self.ssl_context)

    def stop(self, no_assert: bool = False) -> None:
        try:
            super().stop(no_assert=no_assert)
        finally:
            self._sock.close()


@dataclass
class DemoMailServer:
    """The running demo server; `stop()` shuts it down (safe to call twice)."""

    host: str
    port: int
    folder: Path
    controller: LoopbackController | None

    @property
    def running(self) -> bool:
        return self.controller is not None

    def stop(self) -> None:
        controller, self.controller = self.controller, None
        if controller is not None:
            controller.stop()


def start_demo_mail_server(desk: Desk) -> DemoMailServer:
    """Start the demo mailbox server when demo mode is on (else a handle that does nothing).

    It listens on the configured loopback port; when that port is taken it takes a free one and
    records it in the settings so the outbox sends to the same place.
    """
    folder = desk.folder(MAILBOX_FOLDER)
    settings = desk.settings
    host = str(settings.get("smtp.host"))
    port = int(settings.get("smtp.port"))
    if not demo_active(settings):
        return DemoMailServer(host, port, folder, None)
    bind_host = "127.0.0.1" if host.lower() == "localhost" else host
    handler = MailboxHandler(folder)
    try:
        controller = LoopbackController(handler, bind_host, port)
    except OSError:
        controller = LoopbackController(handler, bind_host, 0)
        settings.set("smtp.port", controller.port)
    controller.start()
    return DemoMailServer(bind_host, int(controller.port), folder, controller)


@contextlib.contextmanager
def demo_server_for_command(desk: Desk) -> Iterator[DemoMailServer | None]:
    """For `outbox send` with no window open: run the demo server for the command if none listens."""
    settings = desk.settings
    if desk.is_offline or not demo_active(settings):
        yield None
        return
    host, port = str(settings.get("smtp.host")), int(settings.get("smtp.port"))
    if is_listening(host, port):
        yield None  # the desk window (or another run) already serves the demo mailbox
        return
    server = start_demo_mail_server(desk)
    try:
        yield server
    finally:
        server.stop()


# --- reading the mailbox back ---------------------------------------------------------------------


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class MailboxItem:
    path: Path
    received_at: datetime
    sender: str
    to: str
    subject: str
    message_id: str
    date: str
    envelope_to: str
    attachments: tuple[Attachment, ...]
    size: int


def read_message(path: Path) -> EmailMessage:
    with path.open("rb") as fh:
        msg = BytesParser(policy=policy.default).parse(fh)
    assert isinstance(msg, EmailMessage)
    return msg


def _attachments(msg: EmailMessage) -> tuple[Attachment, ...]:
    found = []
    for part in msg.iter_attachments():
        data = part.get_payload(decode=True)
        size = len(data) if isinstance(data, bytes) else 0
        found.append(Attachment(part.get_filename() or "(no name)", part.get_content_type(), size))
    return tuple(found)


def list_mailbox(desk: Desk, actor: Actor, limit: int = 500) -> list[MailboxItem]:
    """The received messages, newest first (at most `limit`): what the demo's recipients were sent,
    certificates and addresses included, so only staff allowed to search may read it."""
    actor.require(Permission.SEARCH)
    folder = desk.folder(MAILBOX_FOLDER)
    paths = sorted(folder.glob("*.eml"), reverse=True)[:limit]
    items = []
    for path in paths:
        try:
            msg = read_message(path)
            stat = path.stat()
        except OSError:
            continue
        items.append(
            MailboxItem(
                path=path,
                received_at=datetime.fromtimestamp(stat.st_mtime, UTC),
                sender=str(msg.get("From", "")),
                to=str(msg.get("To", "")),
                subject=str(msg.get("Subject", "")),
                message_id=str(msg.get("Message-ID", "")),
                date=str(msg.get("Date", "")),
                envelope_to=str(msg.get("X-Demo-Rcpt-To", "")),
                attachments=_attachments(msg),
                size=stat.st_size,
            )
        )
    return items


def message_text(msg: EmailMessage) -> str:
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    content = body.get_content()
    return content if isinstance(content, str) else ""


def attachment_bytes(path: Path, filename: str) -> bytes:
    """The decoded bytes of the named attachment of a stored message."""
    msg = read_message(path)
    for part in msg.iter_attachments():
        if part.get_filename() == filename:
            data = part.get_payload(decode=True)
            if isinstance(data, bytes):
                return data
    raise FileNotFoundError(f"{path.name} has no attachment named {filename}")
