"""Certificate email: building the message, the SMTP transport, and what a server's answer means.

Every header is set through `email.message.EmailMessage`, and every value a person typed is refused
before it gets there if it holds a line break or another control character (no header injection).
The transport keeps one connection for many messages and reconnects only when the server drops it.
Errors are sorted into temporary (try again later), permanent (the server's words for staff) and
settings problems (sign-in refused, TLS not offered: nothing can be sent until the settings change).
"""

import binascii
import copy
import enum
import functools
import hashlib
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from datetime import date, datetime
from email.generator import BytesGenerator
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from io import BytesIO
from secrets import token_hex
from typing import Any

from app.access import secrets
from app.document.kinds import TITLES as DOCUMENT_TITLES
from app.errors import CpcDeskError, ValidationError
from app.faults import fault_point
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.language import CertificateLanguage
from app.mail.letter import LetterValues, letter_html, letter_signature, letter_subject, letter_text
from app.mail.oauth import OAuthConfig, TokenError, access_token, xoauth2
from app.register.text import clean_text, validate_email
from app.settings import Settings, is_loopback_host
from app.store.models import utcnow
from app.store.numbering import ANY_NUMBER_RE, document_kind

SECURITY_MODES = ("starttls", "tls", "none")


class FailureKind(enum.StrEnum):
    TEMPORARY = "temporary"  # 4xx, refused connection, time-out, TLS handshake: try again later
    PERMANENT = "permanent"  # 5xx, rejected recipient: staff must act
    SETTINGS = "settings"  # sign-in refused, STARTTLS/AUTH not offered: pause until settings change


class DeliveryError(CpcDeskError):
    """A message could not be delivered; `reply` is the server's exact answer when there was one."""

    def __init__(self, kind: FailureKind, text: str, *, code: int | None = None, reply: str = "") -> None:
        super().__init__(text)
        self.kind = kind
        self.code = code
        self.reply = reply
        # True when the server may have the message although it never confirmed it (dropped in DATA)
        self.maybe_delivered = False
        # The step that failed (one of STEPS), set by the transport: what a test message reports.
        self.step = ""


# The steps of reaching a mail server and handing it a message, in order (see `send_test_message`).
STEPS = {
    "dns": QT_TRANSLATE_NOOP("Mail", "DNS (finding the mail server's address)"),
    "connect": QT_TRANSLATE_NOOP("Mail", "connect"),
    "tls": QT_TRANSLATE_NOOP("Mail", "TLS (the secure connection)"),
    "token": QT_TRANSLATE_NOOP("Mail", "token (the OAuth 2.0 identity platform)"),
    "authentication": QT_TRANSLATE_NOOP("Mail", "authentication (signing in to the mail server)"),
    "sender": QT_TRANSLATE_NOOP("Mail", "sender refused"),
    "recipient": QT_TRANSLATE_NOOP("Mail", "recipient refused"),
    "message": QT_TRANSLATE_NOOP("Mail", "message refused"),
}


# --- message building -----------------------------------------------------------------------------


def certificate_subject(member_name: str, cpso_number: str, language: str = CertificateLanguage.EN) -> str:
    """The subject line of a certificate's email, in the certificate's language (app.mail.letter)."""
    return letter_subject(language, member_name, cpso_number)


def _domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower() or "cpc-desk.invalid"


def make_message_id(certificate_number: str, domain: str, resend: int = 0) -> str:
    """The RFC 5322 Message-ID of a certificate's email: the same on every retry, new per resend."""
    number = clean_text("certificate_number", certificate_number, required=True)
    if not ANY_NUMBER_RE.match(number):
        raise ValidationError(
            "certificate_number",
            translate("Mail", "{0!r} is not a certificate number (CPC-YYYY-NNNNNN)").format(number),
        )
    host = clean_text("domain", domain, required=True).lower().encode("idna").decode("ascii")
    if not all(c.isalnum() or c in ".-" for c in host):
        raise ValidationError("domain", translate("Mail", "{0!r} is not a domain name").format(domain))
    suffix = "" if resend <= 0 else f".resend-{resend}"
    return f"<{number.lower()}{suffix}.cpc-desk@{host}>"


def _safe(field: str, value: str, *, required: bool = True, max_length: int = 200) -> str:
    """A user value bound for a header or body line: refused if it holds CR, LF or control characters."""
    return clean_text(field, value, required=required, max_length=max_length)


def _address(field: str, value: str, *, required: bool = True) -> str:
    return validate_email(field, value, required=required)


@dataclass(frozen=True)
class Sender:
    """Who the message is from, as set in the settings (validated)."""

    issuer_name: str
    from_address: str
    reply_to: str
    bcc_archive: str
    registrar_name: str
    registrar_title: str
    verification_url: str
    issuer_name_fr: str = ""  # French and bilingual letters; empty: issuer_name
    registrar_title_fr: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> "Sender":
        raw = tuple(str(settings.get(k)) for k in _SENDER_KEYS)
        return _sender_for(raw)

    @classmethod
    def _checked(cls, values: dict[str, str]) -> "Sender":
        v = values
        return cls(
            issuer_name=_safe("issuer.name", v["issuer.name"]),
            from_address=_address("smtp.from_address", v["smtp.from_address"]),
            reply_to=_address("smtp.reply_to", v["smtp.reply_to"], required=False),
            bcc_archive=_address("smtp.bcc_archive", v["smtp.bcc_archive"], required=False),
            registrar_name=_safe("registrar.name", v["registrar.name"], required=False),
            registrar_title=_safe("registrar.title", v["registrar.title"], required=False),
            verification_url=_safe("verification.url", v["verification.url"], required=False, max_length=500),
            issuer_name_fr=_safe("issuer.name_fr", v["issuer.name_fr"], required=False),
            registrar_title_fr=_safe("registrar.title_fr", v["registrar.title_fr"], required=False),
        )


_SENDER_KEYS = (
    "issuer.name",
    "smtp.from_address",
    "smtp.reply_to",
    "smtp.bcc_archive",
    "registrar.name",
    "registrar.title",
    "verification.url",
    "issuer.name_fr",
    "registrar.title_fr",
)


@functools.lru_cache(maxsize=8)
def _sender_for(raw: tuple[str, ...]) -> Sender:
    # Checked once per distinct set of values, not once per message of a batch.
    return Sender._checked(dict(zip(_SENDER_KEYS, raw, strict=True)))


def _display_address(name: str, address: str) -> Address:
    local, _, domain = address.rpartition("@")
    return Address(display_name=name, username=local, domain=domain)


def build_certificate_message(
    settings: Settings,
    *,
    to_address: str,
    member_name: str,
    cpso_number: str,
    certificate_number: str,
    valid_until: date,
    verification_code: str,
    recipient_name: str,
    pdf: bytes,
    message_id: str,
    sent_at: datetime | None = None,
    language: str = CertificateLanguage.EN,
) -> EmailMessage:
    """The certificate email with its PDF attached, in the certificate's language (English, French or
    both); every user value is checked before it is used."""
    sender = Sender.from_settings(settings)
    to_address = _address("to_address", to_address)
    member_name = _safe("member_name", member_name, max_length=610)  # first + middle + last, 200 each
    cpso_number = _safe("cpso_number", cpso_number, max_length=16)
    certificate_number = _safe("certificate_number", certificate_number, max_length=20)
    if not ANY_NUMBER_RE.match(certificate_number):
        raise ValidationError(
            "certificate_number", translate("Mail", "{0!r} is not CPC-YYYY-NNNNNN").format(certificate_number)
        )
    verification_code = _safe("verification_code", verification_code, max_length=32)
    recipient_name = _safe("recipient_name", recipient_name)
    message_id = _safe("message_id", message_id, max_length=255)
    if not (message_id.startswith("<") and message_id.endswith(">") and "@" in message_id):
        raise ValidationError(
            "message_id", translate("Mail", "{0!r} is not a Message-ID (<id@domain>)").format(message_id)
        )
    if not pdf.startswith(b"%PDF"):
        raise ValidationError("pdf", translate("Mail", "the certificate document is not a PDF"))
    if language not in tuple(CertificateLanguage):
        raise ValidationError(
            "language",
            translate("Mail", "{0!r} is not a certificate language (en, fr or bilingual)").format(language),
        )

    msg = EmailMessage()
    # A copy of a document (REG-, CARD-, DIP-) goes to the member, in the document's language.
    kind = document_kind(certificate_number)
    document = kind if kind in DOCUMENT_TITLES else ""
    msg["Subject"] = letter_subject(language, member_name, cpso_number, document, certificate_number)
    msg["From"] = _display_address(sender.issuer_name, sender.from_address)
    msg["To"] = _display_address(recipient_name, to_address)
    if sender.reply_to:
        msg["Reply-To"] = sender.reply_to
    if sender.bcc_archive:
        msg["Bcc"] = sender.bcc_archive  # removed from the copy that goes on the wire; envelope only
    msg["Date"] = format_datetime(sent_at or utcnow())
    msg["Message-ID"] = message_id
    msg["Auto-Submitted"] = "auto-generated"  # no out-of-office replies to a robot
    msg["X-CPC-Certificate"] = certificate_number

    filename = f"{certificate_number}.pdf"
    # lazy: only a certificate email needs it (cryptography alone, no pyHanko)
    from app.document.trust import signing_fingerprint_of, spaced_fingerprint

    signed_by = signing_fingerprint_of(pdf)
    signature = letter_signature(
        language,
        sender.registrar_name,
        (sender.registrar_title, sender.registrar_title_fr),
        (sender.issuer_name, sender.issuer_name_fr),
    )
    values = LetterValues(
        recipient_name=recipient_name,
        member_name=member_name,
        cpso_number=cpso_number,
        certificate_number=certificate_number,
        valid_until=valid_until,
        verification_code=verification_code,
        filename=filename,
        issuer_name=sender.issuer_name,
        issuer_name_fr=sender.issuer_name_fr,
        verification_url=sender.verification_url,
        signature=signature,
        document=document,
        signing_fingerprint=spaced_fingerprint(signed_by) if signed_by else "",
    )
    msg.set_content(letter_text(language, values))
    body_html = letter_html(language, values)
    msg.add_alternative(body_html, subtype="html")
    msg.make_mixed()
    msg.attach(_pdf_part(pdf, filename))
    _set_boundaries(msg)
    return msg


def _set_boundaries(msg: EmailMessage) -> None:
    """Give each multipart a random boundary now, so flattening need not search the 140 KB message for
    a collision (the generator's own boundary search is a regex over the whole text, twice a message).
    "=_" cannot occur in base64 or quoted-printable text, and 96 random bits cannot be guessed by a
    value typed into a name."""
    for part in msg.walk():
        if part.is_multipart():
            part.set_boundary(f"=_cpc_{token_hex(12)}")


def _pdf_part(pdf: bytes, filename: str) -> EmailMessage:
    """The attachment, base64-encoded in C (add_attachment encodes line by line in Python; a
    certificate PDF is about 100 KB and this is most of the cost of building a message)."""
    part = EmailMessage()
    part["Content-Type"] = "application/pdf"
    part["Content-Transfer-Encoding"] = "base64"
    part.add_header("Content-Disposition", "attachment", filename=filename)
    encoded = binascii.b2a_base64(pdf, newline=False).decode("ascii")
    part.set_payload("\n".join([encoded[i : i + 76] for i in range(0, len(encoded), 76)]) + "\n")
    return part


REQUEST_NUMBER_RE = re.compile(r"^R-\d{7,}$")


def make_thread_message_id(request_number: str, entry_id: int, domain: str) -> str:
    """The Message-ID of one message of a request's thread: the same on every retry."""
    if not REQUEST_NUMBER_RE.match(request_number):
        raise ValidationError(
            "request", translate("Mail", "{0!r} is not a request number (R-0000000)").format(request_number)
        )
    host = clean_text("domain", domain, required=True).lower().encode("idna").decode("ascii")
    if not all(c.isalnum() or c in ".-" for c in host):
        raise ValidationError("domain", translate("Mail", "{0!r} is not a domain name").format(domain))
    return f"<{request_number.lower()}.msg-{int(entry_id)}.cpc-desk@{host}>"


def build_thread_message(
    settings: Settings,
    *,
    to_address: str,
    member_name: str,
    request_number: str,
    subject: str,
    body: str,
    message_id: str,
    sent_at: datetime | None = None,
) -> EmailMessage:
    """A staff member's message to the member about a request: plain text only (never HTML), the request
    number in the subject, and the College's Reply-To so that the answer reaches the desk's mailbox."""
    sender = Sender.from_settings(settings)
    to_address = _address("to_address", to_address)
    member_name = _safe("member_name", member_name, max_length=610)
    subject = _safe("subject", subject, required=True, max_length=500)
    if not REQUEST_NUMBER_RE.match(request_number) or request_number not in subject:
        raise ValidationError(
            "subject", translate("Mail", "must name the request {0}").format(request_number)
        )
    message_id = _safe("message_id", message_id, max_length=255)
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = _display_address(sender.issuer_name, sender.from_address)
    msg["To"] = _display_address(member_name, to_address)
    if sender.reply_to:
        msg["Reply-To"] = sender.reply_to
    if sender.bcc_archive:
        msg["Bcc"] = sender.bcc_archive
    msg["Date"] = format_datetime(sent_at or utcnow())
    msg["Message-ID"] = message_id
    msg["X-CPC-Request"] = request_number
    signature = [s for s in (sender.issuer_name,) if s]
    how_to_reply = (
        f"To answer, reply to this message (it goes to {sender.reply_to}) and keep {request_number} "
        "in the subject."
        if sender.reply_to
        else f"To answer, reply to this message and keep {request_number} in the subject."
    )
    text = "\n".join([f"Dear {member_name},", "", body, "", how_to_reply, "", *signature, ""])
    msg.set_content(text)
    return msg


def build_test_message(settings: Settings, to_address: str) -> EmailMessage:
    sender = Sender.from_settings(settings)
    to_address = _address("to_address", to_address)
    msg = EmailMessage()
    msg["Subject"] = "CPC Desk test message"
    msg["From"] = _display_address(sender.issuer_name, sender.from_address)
    msg["To"] = to_address
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain=_domain_of(sender.from_address))
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(
        f"This is a test message from CPC Desk ({sender.issuer_name}).\n\n"
        "It shows that the mail settings of this desk work: certificate email will be delivered.\n"
    )
    return msg


# --- the transport --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str
    username: str
    timeout: float
    from_address: str
    ca_file: str = ""
    oauth: OAuthConfig | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> "SmtpConfig":
        config = cls(
            host=_safe("smtp.host", str(settings.get("smtp.host"))),
            port=int(settings.get("smtp.port")),
            security=str(settings.get("smtp.security")),
            username=_safe("smtp.username", str(settings.get("smtp.username")), required=False),
            timeout=float(settings.get("smtp.timeout_seconds")),
            from_address=_address("smtp.from_address", str(settings.get("smtp.from_address"))),
            ca_file=str(settings.get("smtp.ca_file")),
            oauth=OAuthConfig.from_settings(settings),
        )
        config.validate()
        return config

    def validate(self) -> None:
        if self.security not in SECURITY_MODES:
            raise ValidationError(
                "smtp.security", translate("Mail", "must be one of {0}").format(", ".join(SECURITY_MODES))
            )
        if self.security == "none" and not is_loopback_host(self.host):
            raise ValidationError(
                "smtp.security",
                translate(
                    "Mail",
                    "'none' (no encryption) is allowed only for a server on this "
                    "computer (127.0.0.1 or localhost), not {0}; choose starttls or "
                    "tls",
                ).format(self.host),
            )

    @property
    def fingerprint(self) -> str:
        """Names these settings (no secret in it), so a pause can end when they change."""
        raw = "|".join([self.host, str(self.port), self.security, self.username, self.ca_file])
        if self.oauth is not None:
            raw += "|" + "|".join([self.oauth.mode, self.oauth.tenant, self.oauth.client_id])
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def mail_settings_fingerprint(settings: Settings) -> str:
    raw = "|".join(
        str(settings.get(k))
        for k in ("smtp.host", "smtp.port", "smtp.security", "smtp.username", "smtp.ca_file")
    )
    if str(settings.get("smtp.auth")) != "password":
        raw += "|" + "|".join(
            str(settings.get(k)) for k in ("smtp.auth", "smtp.oauth.tenant", "smtp.oauth.client_id")
        )
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _reply_text(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return f"{code} {text}".strip()


def _kind_for(code: int) -> FailureKind:
    return FailureKind.PERMANENT if 500 <= code < 600 else FailureKind.TEMPORARY


def _needs_smtputf8(address: str) -> bool:
    return not address.isascii()


class SmtpTransport:
    """One SMTP connection used for many messages; `connections` counts how many were opened."""

    def __init__(
        self, config: SmtpConfig, password: str | None = None, *, ssl_context: ssl.SSLContext | None = None
    ) -> None:
        config.validate()
        self.config = config
        self._password = password
        self._ssl_context = ssl_context
        self._smtp: smtplib.SMTP | None = None
        self.connections = 0
        self.step = ""  # the step in progress (see STEPS), named in a DeliveryError

    @classmethod
    def from_settings(cls, settings: Settings) -> "SmtpTransport":
        """The transport with its secret: the SMTP password, or for OAuth the client secret, the
        certificate or the service account key (app.mail.oauth)."""
        config = SmtpConfig.from_settings(settings)
        entry = secrets.SMTP_PASSWORD_ENTRY if config.oauth is None else secrets.SMTP_OAUTH_ENTRY
        return cls(config, secrets.get_secret(entry))

    def __enter__(self) -> "SmtpTransport":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:  # never shows the password
        return f"SmtpTransport({self.config.where}, {self.config.security})"

    # -- connection

    def ssl_context(self) -> ssl.SSLContext:
        if self._ssl_context is None:
            ctx = ssl.create_default_context()
            if self.config.ca_file:
                try:
                    ctx.load_verify_locations(cafile=self.config.ca_file)
                except (OSError, ssl.SSLError) as exc:
                    raise DeliveryError(
                        FailureKind.SETTINGS,
                        translate("Mail", "The CA certificate file {0} cannot be used: {1}").format(
                            self.config.ca_file, exc
                        ),
                    ) from None
            self._ssl_context = ctx
        return self._ssl_context

    @property
    def connected(self) -> bool:
        return self._smtp is not None

    def connect(self) -> None:
        """Open the connection, secure it and sign in; raises DeliveryError with plain words."""
        if self._smtp is not None:
            return
        cfg = self.config
        local_name = _domain_of(cfg.from_address).encode("idna").decode("ascii")
        smtp: smtplib.SMTP | None = None
        try:
            self.step = "tls" if cfg.security == "tls" else "connect"
            if cfg.security == "tls":
                smtp = smtplib.SMTP_SSL(
                    cfg.host,
                    cfg.port,
                    timeout=cfg.timeout,
                    local_hostname=local_name,
                    context=self.ssl_context(),
                )
            else:
                smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout, local_hostname=local_name)
            self.step = "connect"
            smtp.ehlo()
            if cfg.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise DeliveryError(
                        FailureKind.SETTINGS,
                        translate(
                            "Mail",
                            "The mail server {0} does not offer STARTTLS; choose 'tls' or "
                            "another server in Settings.",
                        ).format(cfg.where),
                    )
                self.step = "tls"
                smtp.starttls(context=self.ssl_context())
                smtp.ehlo()
            self.step = "authentication"
            if cfg.oauth is not None:
                self._sign_in_oauth(smtp, cfg.oauth)
            elif cfg.username:
                if self._password is None:
                    raise DeliveryError(
                        FailureKind.SETTINGS,
                        translate(
                            "Mail",
                            "A user name is set for the mail server but no password is "
                            "stored; enter it in Settings (or 'settings set-password smtp').",
                        ),
                    )
                if not smtp.has_extn("auth"):
                    raise DeliveryError(
                        FailureKind.SETTINGS,
                        translate(
                            "Mail",
                            "The mail server {0} does not offer sign-in (AUTH) on this "
                            "connection; check the security setting.",
                        ).format(cfg.where),
                    )
                smtp.login(cfg.username, self._password)
        except DeliveryError as exc:
            _quietly_close(smtp)
            exc.step = exc.step or self.step
            raise
        except BaseException as exc:
            _quietly_close(smtp)
            error = self._classify(exc, during="connect")
            error.step = self.step
            if isinstance(exc, socket.gaierror):
                error.step = "dns"
            elif smtp is None and not isinstance(exc, ssl.SSLError):
                error.step = "connect"  # implicit TLS: the connection itself failed, not the handshake
            raise error from None
        self._smtp = smtp
        self.connections += 1

    def _sign_in_oauth(self, smtp: smtplib.SMTP, config: OAuthConfig) -> None:
        """AUTH XOAUTH2 with the cached token; a token the server refuses is fetched once more (it may
        have been revoked or have expired early), and a second refusal is the server's final word."""
        mechanisms = smtp.esmtp_features.get("auth", "").upper().split()
        if "XOAUTH2" not in mechanisms:
            raise DeliveryError(
                FailureKind.SETTINGS,
                translate(
                    "Mail",
                    "The mail server {0} does not offer OAuth 2.0 sign-in (AUTH "
                    "XOAUTH2) on this connection; check the server and the security "
                    "setting.",
                ).format(self.config.where),
            )
        for fresh in (False, True):
            self.step = "token"
            try:
                token = access_token(config, self._password, force=fresh)
            except TokenError as exc:
                kind = FailureKind.TEMPORARY if exc.temporary else FailureKind.SETTINGS
                raise DeliveryError(kind, str(exc)) from None
            self.step = "authentication"
            response = xoauth2(config.mailbox, token.value)
            try:
                # After a refusal the server sends a JSON challenge; the empty answer ends the exchange.
                smtp.auth("XOAUTH2", lambda challenge=None, r=response: r if challenge is None else "")
                return
            except smtplib.SMTPAuthenticationError as exc:
                if fresh or not 500 <= exc.smtp_code < 600:
                    reply = _reply_text(exc.smtp_code, exc.smtp_error)
                    kind = FailureKind.TEMPORARY if 400 <= exc.smtp_code < 500 else FailureKind.SETTINGS
                    raise DeliveryError(
                        kind,
                        translate("Mail", "The mail server refused the OAuth 2.0 token for {0}: {1}").format(
                            config.mailbox, reply
                        ),
                        code=exc.smtp_code,
                        reply=reply,
                    ) from None

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                _quietly_close(smtp)

    def _drop(self) -> None:
        smtp, self._smtp = self._smtp, None
        _quietly_close(smtp)

    # -- sending

    def send(self, msg: EmailMessage) -> str:
        """Deliver one message; returns the server's answer to it (e.g. '250 OK queued as …')."""
        return self.send_prepared(prepare(msg, self.config.from_address))

    def send_prepared(self, prepared: "PreparedMessage") -> str:
        """Deliver a message already turned into wire bytes (see `prepare`)."""
        try:
            return self._send_prepared(prepared)
        except DeliveryError as exc:
            exc.step = exc.step or self.step
            raise

    def _send_prepared(self, prepared: "PreparedMessage") -> str:
        sender, to, bcc = prepared.sender, prepared.to, prepared.bcc
        wire, international = prepared.wire, prepared.international
        smtp = self._begin(sender, len(wire), international)
        try:
            self.step = "recipient"
            code, reply = smtp.rcpt(to[0])
            if code not in (250, 251):
                self._after_refusal(smtp, code)
                raise DeliveryError(
                    _kind_for(code),
                    translate("Mail", "The server refused the recipient {0}: {1}").format(
                        to[0], _reply_text(code, reply)
                    ),
                    code=code,
                    reply=_reply_text(code, reply),
                )
            for extra in [*to[1:], *bcc]:
                # An archive copy refused is not a reason to hold back the certificate itself.
                smtp.rcpt(extra)
            self.step = "message"
            try:
                fault_point("smtp-before-data")  # MAIL and RCPT accepted, the message not yet sent
                code, reply = smtp.data(wire)
            except smtplib.SMTPServerDisconnected as exc:
                self._drop()
                if _is_timeout(exc):
                    error = DeliveryError(
                        FailureKind.TEMPORARY,
                        translate(
                            "Mail",
                            "The mail server {0} did not confirm the message within {1:g} "
                            "seconds; it will be sent again with the same Message-ID.",
                        ).format(self.config.where, self.config.timeout),
                    )
                else:
                    error = DeliveryError(
                        FailureKind.TEMPORARY,
                        translate(
                            "Mail",
                            "The mail server {0} closed the connection before confirming the "
                            "message; it will be sent again with the same Message-ID.",
                        ).format(self.config.where),
                    )
                error.maybe_delivered = True
                raise error from None
            except TimeoutError:
                self._drop()
                error = DeliveryError(
                    FailureKind.TEMPORARY,
                    translate(
                        "Mail",
                        "The mail server {0} did not confirm the message within {1:g} "
                        "seconds; it will be sent again with the same Message-ID.",
                    ).format(self.config.where, self.config.timeout),
                )
                error.maybe_delivered = True
                raise error from None
            if code != 250:
                self._after_refusal(smtp, code)
                raise DeliveryError(
                    _kind_for(code),
                    translate("Mail", "The server did not accept the message: {0}").format(
                        _reply_text(code, reply)
                    ),
                    code=code,
                    reply=_reply_text(code, reply),
                )
            return _reply_text(code, reply)
        except DeliveryError:
            raise
        except smtplib.SMTPDataError as exc:
            self._after_refusal(smtp, exc.smtp_code)
            raise DeliveryError(
                _kind_for(exc.smtp_code),
                translate("Mail", "The server did not accept the message: {0}").format(
                    _reply_text(exc.smtp_code, exc.smtp_error)
                ),
                code=exc.smtp_code,
                reply=_reply_text(exc.smtp_code, exc.smtp_error),
            ) from None
        except (OSError, smtplib.SMTPException) as exc:
            self._drop()
            raise self._classify(exc, during="send") from None

    def _begin(self, sender: str, size: int, international: bool) -> smtplib.SMTP:
        """MAIL FROM on the open connection; reconnects once when the server dropped an idle connection."""
        for first_try in (True, False):
            reused = self._smtp is not None
            self.connect()
            smtp = self._smtp
            assert smtp is not None
            self.step = "sender"
            try:
                mail_options: list[str] = []
                if international:
                    if not smtp.has_extn("smtputf8"):
                        raise DeliveryError(
                            FailureKind.PERMANENT,
                            translate(
                                "Mail",
                                "An address needs an international mail server (SMTPUTF8) and "
                                "{0} does not support it.",
                            ).format(self.config.where),
                        )
                    mail_options = ["SMTPUTF8", "BODY=8BITMIME"]
                elif smtp.has_extn("8bitmime"):
                    mail_options = ["BODY=8BITMIME"]
                if smtp.has_extn("size"):
                    mail_options.append(f"SIZE={size}")
                code, reply = smtp.mail(sender, mail_options)
                if code == 421 and reused and first_try:
                    self._drop()  # the server closed an idle connection: nothing was sent, reconnect
                    continue
                if code != 250:
                    self._after_refusal(smtp, code)
                    raise DeliveryError(
                        _kind_for(code),
                        translate("Mail", "The server refused the sender: {0}").format(
                            _reply_text(code, reply)
                        ),
                        code=code,
                        reply=_reply_text(code, reply),
                    )
                return smtp
            except smtplib.SMTPServerDisconnected:
                self._drop()
                if reused and first_try:
                    continue  # dropped while idle; MAIL was not accepted, so sending again is safe
                raise DeliveryError(
                    FailureKind.TEMPORARY,
                    translate("Mail", "The mail server {0} closed the connection.").format(self.config.where),
                ) from None
            except (OSError, smtplib.SMTPException) as exc:
                self._drop()
                raise self._classify(exc, during="mail") from None
        raise DeliveryError(
            FailureKind.TEMPORARY,
            translate("Mail", "The mail server {0} closed the connection.").format(self.config.where),
        )

    def _after_refusal(self, smtp: smtplib.SMTP, code: int) -> None:
        """After a refused command: 421 means the server is closing; otherwise reset for the next one."""
        if code == 421:
            self._drop()
            return
        try:
            smtp.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _classify(self, exc: BaseException, *, during: str) -> DeliveryError:
        where = self.config.where
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            reply = _reply_text(exc.smtp_code, exc.smtp_error)
            kind = FailureKind.TEMPORARY if 400 <= exc.smtp_code < 500 else FailureKind.SETTINGS
            return DeliveryError(
                kind,
                translate("Mail", "The mail server refused the user name or password: {0}{1}").format(
                    reply, _password_retired_hint(reply)
                ),
                code=exc.smtp_code,
                reply=reply,
            )
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return DeliveryError(
                FailureKind.SETTINGS,
                translate("Mail", "The mail server {0} does not support this: {1}").format(where, exc),
            )
        if isinstance(exc, smtplib.SMTPResponseException):
            reply = _reply_text(exc.smtp_code, exc.smtp_error)
            return DeliveryError(
                _kind_for(exc.smtp_code),
                translate("Mail", "The mail server {0} answered: {1}").format(where, reply),
                code=exc.smtp_code,
                reply=reply,
            )
        if isinstance(exc, smtplib.SMTPServerDisconnected) and not _is_timeout(exc):
            return DeliveryError(
                FailureKind.TEMPORARY,
                translate("Mail", "The mail server {0} closed the connection.").format(where),
            )
        if isinstance(exc, ssl.SSLCertVerificationError):
            return DeliveryError(
                FailureKind.TEMPORARY,
                translate(
                    "Mail",
                    "The mail server's TLS certificate was not accepted ({0}); check "
                    "the host name, or add its CA file in Settings.",
                ).format(exc.verify_message),
            )
        if isinstance(exc, ssl.SSLError):
            return DeliveryError(
                FailureKind.TEMPORARY,
                translate("Mail", "The secure connection to {0} failed: {1}").format(where, exc.reason),
            )
        if isinstance(exc, ConnectionRefusedError):
            return DeliveryError(
                FailureKind.TEMPORARY,
                translate("Mail", "Could not connect to the mail server {0}: connection refused.").format(
                    where
                ),
            )
        if _is_timeout(exc):
            return DeliveryError(
                FailureKind.TEMPORARY,
                translate("Mail", "The mail server {0} did not answer within {1:g} seconds.").format(
                    where, self.config.timeout
                ),
            )
        if isinstance(exc, socket.gaierror):
            return DeliveryError(
                FailureKind.TEMPORARY,
                translate("Mail", "The mail server name {0} is unknown.").format(self.config.host),
            )
        if isinstance(exc, OSError):
            return DeliveryError(
                FailureKind.TEMPORARY,
                translate("Mail", "Could not reach the mail server {0}: {1}").format(
                    where, exc.strerror or exc
                ),
            )
        if isinstance(exc, smtplib.SMTPException):
            return DeliveryError(
                FailureKind.TEMPORARY, translate("Mail", "Mail error with {0}: {1}").format(where, exc)
            )
        raise exc


def _password_retired_hint(reply: str) -> str:
    """What to do when the server no longer takes passwords at all (Microsoft 365: 5.7.30 / 5.7.139;
    Google: 5.7.9 'Application-specific password required')."""
    lowered = reply.lower()
    if "5.7.30" in reply or "5.7.139" in reply or "basic authentication" in lowered:
        return " " + translate(
            "Mail",
            "This server no longer accepts a password (Basic authentication): set smtp.auth to "
            "oauth2-microsoft (see the README, 'Mail through Microsoft 365 or Google Workspace').",
        )
    if "5.7.9" in reply or "application-specific password" in lowered:
        return " " + translate(
            "Mail", "Google needs an app password here, or OAuth 2.0: set smtp.auth to oauth2-google."
        )
    return ""


def _is_timeout(exc: BaseException) -> bool:
    """smtplib turns a socket time-out into SMTPServerDisconnected; look at what it was."""
    seen: BaseException | None = exc
    for _ in range(4):
        if seen is None:
            return False
        if isinstance(seen, TimeoutError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _quietly_close(smtp: smtplib.SMTP | None) -> None:
    if smtp is None:
        return
    try:
        smtp.close()
    except OSError:
        pass


def _addresses(msg: EmailMessage, header: str) -> list[Any]:
    value = msg[header]
    if value is None:
        return []
    return list(getattr(value, "addresses", ()))


@dataclass(frozen=True)
class PreparedMessage:
    """A message ready for the wire: envelope sender and recipients, and its bytes (no Bcc header)."""

    sender: str
    to: tuple[str, ...]
    bcc: tuple[str, ...]
    wire: bytes
    international: bool


def prepare(msg: EmailMessage, sender: str) -> PreparedMessage:
    """Flatten a message once (CPU work that can happen away from the connection)."""
    to = tuple(a.addr_spec for h in ("To", "Cc") for a in _addresses(msg, h))
    bcc = tuple(a.addr_spec for a in _addresses(msg, "Bcc"))
    if not to:
        raise DeliveryError(FailureKind.PERMANENT, translate("Mail", "The message has no recipient."))
    international = any(_needs_smtputf8(a) for a in (sender, *to, *bcc))
    return PreparedMessage(sender, to, bcc, _flatten(msg, utf8=international), international)


class _WireGenerator(BytesGenerator):
    """BytesGenerator writing a body's lines in one piece instead of two writes per line (the base64
    attachment is ~1,900 lines); the bytes are the same (a test compares them with BytesGenerator's)."""

    def _write_lines(self, lines: str) -> None:
        if not lines:
            return
        parts = _LINE_BREAKS.split(lines)
        nl = self._NL  # type: ignore[attr-defined]
        self.write(nl.join(parts[:-1]) + nl + parts[-1] if len(parts) > 1 else parts[-1])


_LINE_BREAKS = re.compile(r"\r\n|\r|\n")  # as email.generator's NLCRE_crack, without its group


def _flatten(msg: EmailMessage, *, utf8: bool) -> bytes:
    """The bytes that go on the wire: CRLF line ends, and without the Bcc header."""
    out = BytesIO()
    policy = msg.policy.clone(linesep="\r\n", utf8=utf8)  # type: ignore[call-arg]
    if msg["Bcc"] is not None:
        # A shallow copy: deleting the header gives the copy its own header list (as send_message does).
        msg = copy.copy(msg)
        del msg["Bcc"]
    _WireGenerator(out, policy=policy).flatten(msg)
    return out.getvalue()


def send_test_email(settings: Settings, to_address: str) -> str:
    """Send a short test message; returns a sentence with the server's answer, or raises DeliveryError."""
    msg = build_test_message(settings, to_address)
    with SmtpTransport.from_settings(settings) as transport:
        reply = transport.send(msg)
    return translate("Mail", "The mail server {0} accepted the test message for {1}: {2}").format(
        transport.config.where, to_address, reply
    )
