"""Real SMTP servers on 127.0.0.1 for tests: aiosmtpd in a thread, with scripted answers.

`SmtpServer` runs plain, STARTTLS or implicit-TLS (trustme certificates), optionally with AUTH, and
records every message it accepts. Its handler can be told to answer the next DATA commands with given
replies (421/451/550…), to refuse recipients, or to drop the connection after receiving a message.
`SilentServer` accepts connections and never says a word; `closed_port()` is a port nobody listens on.
"""

import socket
import ssl
import sys
import warnings
from collections import deque
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import AuthResult, LoginPassword

from app.mail.demo_mailbox import LoopbackController

HOST = "127.0.0.1"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    # The interpreter's thread switch interval when the message arrived (the server runs in-process).
    switch_interval: float = field(default_factory=sys.getswitchinterval)

    @property
    def message(self) -> EmailMessage:
        msg = BytesParser(policy=policy.default).parsebytes(self.data)
        assert isinstance(msg, EmailMessage)
        return msg


@dataclass
class ScriptedHandler:
    """Accepts mail and records it, unless told otherwise for the next commands."""

    received: list[Received] = field(default_factory=list)
    data_replies: deque[str] = field(default_factory=deque)  # answers to the next DATA, in order
    mail_replies: deque[str] = field(default_factory=deque)  # answers to the next MAIL FROM
    refused_recipients: dict[str, str] = field(default_factory=dict)  # address -> reply
    drop_after_data: int = 0  # keep the next N messages, then close without answering
    dropped: list[Received] = field(default_factory=list)
    connections: int = 0
    auth_attempts: list[str] = field(default_factory=list)

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if self.mail_replies:
            return self.mail_replies.popleft()
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refused_recipients:
            return self.refused_recipients[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        item = Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or b"")
        if self.drop_after_data > 0:
            self.drop_after_data -= 1
            self.dropped.append(item)
            server.transport.close()  # the message arrived, the confirmation never will
            return "250 never seen"
        if self.data_replies:
            reply = self.data_replies.popleft()
            if reply.startswith("2"):
                self.received.append(item)
            return reply
        self.received.append(item)
        return "250 2.0.0 Accepted"


class Authenticator:
    def __init__(self, username: str, password: str, handler: ScriptedHandler) -> None:
        self.username = username
        self.password = password
        self.handler = handler

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user = auth_data.login.decode()
        self.handler.auth_attempts.append(user)
        ok = user == self.username and auth_data.password.decode() == self.password
        return AuthResult(success=ok, handled=False)


class CountingController(LoopbackController):
    """Counts the SMTP sessions the server started (one per client connection)."""

    def factory(self) -> Any:
        self.handler.connections += 1
        with warnings.catch_warnings():
            # aiosmtpd counts only STARTTLS as TLS; with implicit TLS, AUTH is over TLS all the same.
            warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS", UserWarning)
            return super().factory()


class SmtpServer:
    """One aiosmtpd server on 127.0.0.1 and any free port."""

    def __init__(
        self,
        mode: str = "plain",
        *,
        server_context: ssl.SSLContext | None = None,
        ca_file: Path | None = None,
        username: str = "",
        password: str = "",
    ) -> None:
        assert mode in ("plain", "starttls", "tls")
        self.mode = mode
        self.handler = ScriptedHandler()
        self.ca_file = ca_file
        kwargs: dict[str, Any] = {"server_hostname": "smtp.test.localhost"}
        if mode == "starttls":
            kwargs["tls_context"] = server_context
            kwargs["require_starttls"] = True
        elif mode == "tls":
            kwargs["ssl_context"] = server_context
        if username:
            kwargs["authenticator"] = Authenticator(username, password, self.handler)
            kwargs["auth_required"] = True
            # AUTH offered only over TLS (as real servers do); implicit TLS counts as TLS.
            kwargs["auth_require_tls"] = mode == "starttls"
        self.controller = CountingController(self.handler, HOST, 0, **kwargs)
        self.port = int(self.controller.port)
        self.host = HOST

    def start(self) -> "SmtpServer":
        self.controller.start()
        self.handler.connections = 0
        return self

    def stop(self) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def configure(self, settings: Any, *, trust: bool = True) -> None:
        """Point a desk's settings at this server."""
        settings.set("smtp.host", self.host)
        settings.set("smtp.port", self.port)
        settings.set("smtp.security", {"plain": "none", "starttls": "starttls", "tls": "tls"}[self.mode])
        settings.set("smtp.ca_file", str(self.ca_file) if (trust and self.ca_file) else "")
        settings.set("mail.demo_server", False)


class SilentServer:
    """Accepts TCP connections (the kernel does, from the backlog) and never answers."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((HOST, 0))
        self.sock.listen(16)
        self.host = HOST
        self.port = int(self.sock.getsockname()[1])

    def configure(self, settings: Any) -> None:
        settings.set("smtp.host", self.host)
        settings.set("smtp.port", self.port)
        settings.set("smtp.security", "none")
        settings.set("mail.demo_server", False)

    def close(self) -> None:
        self.sock.close()


def closed_port() -> int:
    """A loopback port with nobody listening (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])
