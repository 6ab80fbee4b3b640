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
from app.i18n import translate, translate_marked
from app.mail.smtp import STEPS, DeliveryError, SmtpTransport, build_test_message


class MailTestFailed(CpcDeskError):
    """The test message was not accepted; `step` is a key of app.mail.smtp.STEPS."""

    def __init__(self, step: str, text: str) -> None:
        shown = translate_marked("Mail", STEPS[step]) if step in STEPS else step
        super().__init__(translate("Mail", "Failed at step '{0}': {1}").format(shown, text))
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
        raise MailTestFailed(
            "dns", translate("Mail", "the mail server name {0} is unknown.").format(host)
        ) from None
    try:
        with transport:
            reply = transport.send(msg)
    except DeliveryError as exc:
        raise MailTestFailed(exc.step or "connect", str(exc)) from None
    return translate("Mail", "The mail server {0} accepted the test message for {1}: {2}").format(
        transport.config.where, to_address, reply
    )
