"""A test message through the desk's mail settings, naming the step that failed.

The steps, in order: DNS (the server's name), connect, TLS, token (OAuth 2.0 only), authentication,
sender refused, recipient refused (and message refused). What an IT desk needs to know first when mail
does not leave: which of these to look at. The Settings screen's "Send a test message" button and
`outbox test ADDRESS` both call `send_test_message`.
"""

import socket

from app.access.permissions import Actor, Permission
from app.desk import Desk
from app.errors import CpcDeskError
from app.mail.smtp import STEPS, DeliveryError, SmtpTransport, build_test_message


class MailTestFailed(CpcDeskError):
    """The test message was not accepted; `step` is a key of app.mail.smtp.STEPS."""

    def __init__(self, step: str, text: str) -> None:
        super().__init__(f"Failed at step '{STEPS.get(step, step)}': {text}")
        self.step = step
        self.text = text


def send_test_message(desk: Desk, actor: Actor, to_address: str) -> str:
    """Send a short test message to `to_address` now (not through the outbox); returns the server's
    answer in a sentence, or raises MailTestFailed naming the step (or ValidationError for a setting
    or the address)."""
    actor.require(Permission.RESEND)  # the right to send mail: every staff role, as the screen says
    msg = build_test_message(desk.settings, to_address)  # the address and the sender, checked first
    transport = SmtpTransport.from_settings(desk.settings)
    host, port = transport.config.host, transport.config.port
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise MailTestFailed("dns", f"the mail server name {host} is unknown.") from None
    try:
        with transport:
            reply = transport.send(msg)
    except DeliveryError as exc:
        raise MailTestFailed(exc.step or "connect", str(exc)) from None
    return f"The mail server {transport.config.where} accepted the test message for {to_address}: {reply}"
