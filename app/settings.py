"""Typed settings: the register's (shared by every desk, in the database's register_setting table) and
this desk's own (window, local files, its database URL), kept as JSON in the data folder. Secrets never
live here (see app.access.secrets)."""

import ipaddress
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:  # SQLAlchemy stays out of the signing worker processes, which read settings only
    from sqlalchemy.orm import Session

    from app.store.db import Database

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1

DEFAULT_CONSENT_STATEMENT = (
    "I certify that I have read and understand the section above regarding the information to be "
    "included in the Certificate of Professional Conduct."
)


def _single_line(key: str, value: str) -> None:
    if "\r" in value or "\n" in value:
        raise ValidationError(key, translate("Settings", "must be on one line (no line breaks)"))


def _database_url(key: str, value: str) -> None:
    # lazy: the rule's home (app.store.db) loads SQLAlchemy, which the window's first paint need not wait for
    from app.store.db import refuse_password_in_url

    _single_line(key, value)
    refuse_password_in_url(value, key)


def _positive(key: str, value: int) -> None:
    if value <= 0:
        raise ValidationError(key, translate("Settings", "must be a whole number greater than zero"))


def _port(key: str, value: int) -> None:
    if not 1 <= value <= 65535:
        raise ValidationError(key, translate("Settings", "must be a port number from 1 to 65535"))


def _optional_email(key: str, value: str) -> None:
    if value:
        # lazy: email_validator costs ~30 ms on the status bar start-up path; only an address set needs it
        from app.register.text import validate_email

        validate_email(key, value)


def _days_by_type(key: str, value: str) -> None:
    # The form only: which types exist is the database's to say, checked when the setting is changed
    # (app.setting_changes.change_settings).
    from app.issuing.rules import parse_days_by_type

    parse_days_by_type(key, value)


def _url(key: str, value: str) -> None:
    _single_line(key, value)
    if value and not value.lower().startswith(("http://", "https://")):
        raise ValidationError(key, translate("Settings", "must be an http:// or https:// URL"))


def is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_authority(value: str) -> None:
    """The OAuth identity endpoint (smtp.oauth.authority) can be moved only to this computer (tests):
    elsewhere, whoever can edit the settings could point the desk at a server that collects the client
    secret. Checked when it is set and whenever the settings file is read."""
    if not value:
        return
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or not is_loopback_host(parts.hostname):
        raise ValidationError(
            "smtp.oauth.authority",
            translate(
                "Settings",
                "may only name an https address on this computer (for tests); "
                "leave it empty for the real identity platform",
            ),
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValidationError(
            "smtp.oauth.authority", translate("Settings", "must be https://host:port with nothing after it")
        )


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    description: str
    choices: tuple[str, ...] = ()
    check: Callable[[str, Any], None] | None = None
    multiline: bool = False

    @property
    def kind(self) -> type:
        return type(self.default)


def _options(*opts: Option) -> dict[str, Option]:
    return {o.key: o for o in opts}


OPTIONS: dict[str, Option] = _options(
    # --- the issuing body, printed on every certificate
    Option(
        "issuer.name",
        "College of Physicians and Surgeons (DEMO)",
        QT_TRANSLATE_NOOP("Settings", "Issuing body's name"),
        check=_single_line,
    ),
    Option(
        "issuer.name_fr",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "Issuing body's name in French, on French and bilingual certificates (empty = the name above)",
        ),
        check=_single_line,
    ),
    Option(
        "issuer.address",
        "80 College Street\nToronto ON  M5G 2E2\nCanada",
        QT_TRANSLATE_NOOP("Settings", "Issuing body's postal address (one line per line)"),
        multiline=True,
    ),
    Option(
        "issuer.logo",
        "",
        QT_TRANSLATE_NOOP("Settings", "Path of the logo image (PNG/JPEG); empty = the built-in demo crest"),
    ),
    Option(
        "issuer.demo",
        True,
        QT_TRANSLATE_NOOP("Settings", "Mark documents as DEMO (turn off only with real issuer details)"),
    ),
    Option(
        "registrar.name",
        "Dr. A. Registrar (DEMO)",
        QT_TRANSLATE_NOOP("Settings", "Registrar's name"),
        check=_single_line,
    ),
    Option(
        "registrar.title",
        "Registrar and Chief Executive Officer",
        QT_TRANSLATE_NOOP("Settings", "Registrar's title"),
        check=_single_line,
    ),
    Option(
        "registrar.title_fr",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "Registrar's title in French, on French and bilingual certificates (empty = the title above)",
        ),
        check=_single_line,
    ),
    Option(
        "registrar.signature_image",
        "",
        QT_TRANSLATE_NOOP("Settings", "Path of the registrar's signature image; empty = typed name"),
    ),
    Option(
        "verification.url",
        "https://verify.example.org/cpc",
        QT_TRANSLATE_NOOP("Settings", "Base URL printed in the QR code for checking a certificate"),
        check=_single_line,
    ),
    Option(
        "validity.default_days",
        90,
        QT_TRANSLATE_NOOP("Settings", "Days a certificate stays valid"),
        check=_positive,
    ),
    Option(
        "validity.days_by_type",
        "",
        QT_TRANSLATE_NOOP(
            "Settings", "Per institution type validity, as 'Type=days; Type=days' (others use the default)"
        ),
        check=_days_by_type,
    ),
    Option(
        "consent.statement",
        DEFAULT_CONSENT_STATEMENT,
        QT_TRANSLATE_NOOP("Settings", "Consent statement shown in the wizard"),
        multiline=True,
    ),
    # --- signing (README "Signing certificates"; a key is checked fit in app.setting_changes)
    Option(
        "signing.root_certificate",
        "",
        QT_TRANSLATE_NOOP("Settings", "College root (CA) certificate file; empty = demo"),
        check=_single_line,
    ),
    Option(
        "signing.pkcs12_path",
        "",
        QT_TRANSLATE_NOOP("Settings", "PKCS#12 signing key file; empty = demo key"),
        check=_single_line,
    ),
    Option(
        "signing.pkcs11_module",
        "",
        QT_TRANSLATE_NOOP("Settings", "PKCS#11 module of the signing token"),
        check=_single_line,
    ),
    Option(
        "signing.pkcs11_token", "", QT_TRANSLATE_NOOP("Settings", "PKCS#11 token label"), check=_single_line
    ),
    Option(
        "signing.pkcs11_key",
        "",
        QT_TRANSLATE_NOOP("Settings", "Signing key label on the token"),
        check=_single_line,
    ),
    Option(
        "signing.tsa_url",
        "",
        QT_TRANSLATE_NOOP("Settings", "Time-stamping authority URL (RFC 3161)"),
        check=_url,
    ),
    Option(
        "signing.tsa_root_certificate",
        "",
        QT_TRANSLATE_NOOP("Settings", "Time-stamping authority's root certificate"),
        check=_single_line,
    ),
    # --- mail
    Option("smtp.host", "127.0.0.1", QT_TRANSLATE_NOOP("Settings", "SMTP server host"), check=_single_line),
    Option("smtp.port", 8025, QT_TRANSLATE_NOOP("Settings", "SMTP server port"), check=_port),
    Option(
        "smtp.security",
        "none",
        QT_TRANSLATE_NOOP("Settings", "Connection security"),
        choices=("starttls", "tls", "none"),
    ),
    Option(
        "smtp.username",
        "",
        QT_TRANSLATE_NOOP("Settings", "SMTP user name (password lives in the keyring)"),
        check=_single_line,
    ),
    Option(
        "smtp.auth",
        "password",
        QT_TRANSLATE_NOOP(
            "Settings", "Mail server sign-in: password, or OAuth 2.0 (oauth2-microsoft, oauth2-google)"
        ),
        choices=("password", "oauth2-microsoft", "oauth2-google"),
    ),
    Option(
        "smtp.oauth.tenant",
        "",
        QT_TRANSLATE_NOOP("Settings", "Microsoft 365: the tenant ID (or domain)"),
        check=_single_line,
    ),
    Option(
        "smtp.oauth.client_id",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "Microsoft 365: the application (client) ID; its secret or certificate lives in the keyring",
        ),
        check=_single_line,
    ),
    Option(
        "smtp.oauth.authority",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "For tests only: an https address on this computer standing in for the identity platform",
        ),
        check=lambda _key, value: check_authority(value),
    ),
    Option(
        "smtp.from_address",
        "cpc-desk@example.org",
        QT_TRANSLATE_NOOP("Settings", "From address"),
        check=_optional_email,
    ),
    Option("smtp.reply_to", "", QT_TRANSLATE_NOOP("Settings", "Reply-To address"), check=_optional_email),
    Option(
        "smtp.bcc_archive",
        "",
        QT_TRANSLATE_NOOP("Settings", "Optional BCC archive address"),
        check=_optional_email,
    ),
    Option(
        "smtp.timeout_seconds",
        30,
        QT_TRANSLATE_NOOP("Settings", "Time-out for one SMTP operation, in seconds"),
        check=_positive,
    ),
    Option(
        "smtp.max_attempts",
        8,
        QT_TRANSLATE_NOOP("Settings", "Delivery attempts before a message is marked failed"),
        check=_positive,
    ),
    Option(
        "mail.offline", False, QT_TRANSLATE_NOOP("Settings", "Offline mode: queue everything, send nothing")
    ),
    Option(
        "mail.demo_server",
        True,
        QT_TRANSLATE_NOOP("Settings", "Demo mode: run a local mailbox server on loopback"),
    ),
    Option(
        "smtp.ca_file",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "Extra CA certificate file (PEM) to trust for the mail server; empty = the system's CAs only",
        ),
        check=_single_line,
    ),
    Option(
        "mail.paused",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "Set by CPC Desk when the mail server refused the settings (e.g. sign-in); cleared when mail "
            "settings change or with 'Resume sending'",
        ),
        check=_single_line,
    ),
    Option(
        "mail.paused_settings",
        "",
        QT_TRANSLATE_NOOP("Settings", "Fingerprint of the mail settings the pause applies to (internal)"),
    ),
    # --- desk
    Option(
        "desk.language",
        "system",
        QT_TRANSLATE_NOOP(
            "Settings",
            "Language of this desk's screens: system (the computer's), en or fr; applies at the next start",
        ),
        choices=("system", "en", "fr"),
    ),
    Option(
        "database.url",
        "",
        QT_TRANSLATE_NOOP("Settings", "Database URL; empty = SQLite in the data folder"),
        check=_database_url,
    ),
    Option(
        "session.lock_minutes",
        15,
        QT_TRANSLATE_NOOP("Settings", "Lock the session after this many idle minutes"),
        check=_positive,
    ),
    Option(
        "session.max_failed_signins",
        5,
        QT_TRANSLATE_NOOP("Settings", "Wrong passwords before an account is locked"),
        check=_positive,
    ),
    Option(
        "session.lockout_minutes",
        15,
        QT_TRANSLATE_NOOP("Settings", "How long a locked account stays locked"),
        check=_positive,
    ),
)


# Settings of the register, stored in its database and the same at every desk; every change is audited
# with its value before and after (app.setting_changes), and a hand edit of the table is found by
# `audit verify`. The rest belongs to one desk: paths of files on this computer (logo, signature image,
# signing key, CA file), its database URL, its window and mail-mode switches, the outbox's pause.
REGISTER_KEYS: frozenset[str] = frozenset(
    {
        "issuer.name",
        "issuer.address",
        "issuer.demo",
        "issuer.name_fr",
        "registrar.name",
        "registrar.title",
        "registrar.title_fr",
        "verification.url",
        "validity.default_days",
        "validity.days_by_type",
        "consent.statement",
        "smtp.host",
        "smtp.port",
        "smtp.security",
        "smtp.auth",
        "smtp.oauth.tenant",
        "smtp.oauth.client_id",
        "smtp.username",
        "smtp.from_address",
        "smtp.reply_to",
        "smtp.bcc_archive",
        "smtp.timeout_seconds",
        "smtp.max_attempts",
        "session.lock_minutes",
        "session.max_failed_signins",
        "session.lockout_minutes",
    }
)


class RegisterStore:
    """The register's settings in its database (table register_setting, one JSON value per key)."""

    def __init__(self, db: "Database") -> None:
        self.db = db

    def load(self) -> dict[str, Any]:
        # lazy: SQLAlchemy and the models; a desk's settings are read before its database is needed
        from sqlalchemy import select

        from app.store.models import RegisterSetting

        values: dict[str, Any] = {}
        with self.db.read() as session:
            for key, raw in session.execute(select(RegisterSetting.key, RegisterSetting.value_json)):
                try:
                    values[key] = json.loads(raw)
                except ValueError:
                    values[key] = raw  # parse_value refuses it and the default applies; verify names it
        return values

    def write(self, session: "Session", key: str, value: Any) -> None:
        """Store one value in the caller's transaction (which audits it)."""
        from app.store.models import RegisterSetting

        text = json.dumps(value, ensure_ascii=False)
        row = session.get(RegisterSetting, key)
        if row is None:
            session.add(RegisterSetting(key=key, value_json=text))
        else:
            row.value_json = text
        session.flush()


def _forbid_secret_key(key: str) -> None:
    lowered = key.lower()
    if "password" in lowered or "passphrase" in lowered or "secret" in lowered:
        raise ValidationError(
            key, translate("Settings", "secrets are kept only in the OS keyring, never in settings")
        )


def parse_value(option: Option, raw: Any) -> Any:
    """Turn a raw value (a command-line string, or JSON) into the option's type, validated."""
    key = option.key
    if option.kind is bool:
        if isinstance(raw, bool):
            value: Any = raw
        elif str(raw).strip().lower() in {"1", "true", "yes", "on"}:
            value = True
        elif str(raw).strip().lower() in {"0", "false", "no", "off"}:
            value = False
        else:
            raise ValidationError(key, translate("Settings", "must be true or false, not {0!r}").format(raw))
    elif option.kind is int:
        if isinstance(raw, bool):
            raise ValidationError(key, translate("Settings", "must be a whole number"))
        try:
            value = int(str(raw).strip())
        except ValueError:
            raise ValidationError(
                key, translate("Settings", "must be a whole number, not {0!r}").format(raw)
            ) from None
    else:
        value = str(raw)
        if "\x00" in value:
            raise ValidationError(key, translate("Settings", "must not contain a NUL character"))
        if not option.multiline:
            value = value.strip()
    if option.choices and value not in option.choices:
        raise ValidationError(
            key, translate("Settings", "must be one of {0}").format(", ".join(option.choices))
        )
    if option.check:
        option.check(key, value)
    return value


class Settings:
    """The desk's settings: defaults overlaid with the values saved in the data folder and, once a
    register is attached (`attach_register`, by Desk.open), the register's values from its database."""

    # How long a desk trusts the register's values it read before reading them again: another desk's
    # change shows within this time, and `items()` (the Settings screen, `settings list`) reads afresh.
    REFRESH_SECONDS = 2.0

    def __init__(self, folder: Path) -> None:
        self.path = folder / SETTINGS_FILE
        self._values: dict[str, Any] = {}
        self._register: RegisterStore | None = None
        self._shared: dict[str, Any] = {}
        self._shared_at = float("-inf")
        if self.path.exists():
            try:
                stored = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ValidationError(
                    str(self.path), translate("Settings", "cannot read the settings file ({0})").format(exc)
                ) from None
            self._values = _upgrade(stored).get("values", {})

    # --- the register's settings -------------------------------------------------------------------

    def attach_register(self, store: RegisterStore) -> None:
        """Read the register's settings from its database from now on. Values of register settings this
        desk kept in its file before they moved to the database are carried over once, where the
        register has none yet; after that the file's copies are ignored."""
        self._register = store
        self.refresh()
        missing = {k: v for k, v in self._values.items() if k in REGISTER_KEYS and k not in self._shared}
        if missing:
            try:
                with store.db.write() as session:
                    for key, value in missing.items():
                        store.write(session, key, parse_value(OPTIONS[key], value))
            except ValidationError:
                log.warning("a register setting in %s is not valid; the register's value stays", self.path)
            except Exception:  # another desk carried its own over first: the register's value stands
                log.warning("could not carry this desk's register settings over", exc_info=True)
            self.refresh()

    def is_register(self, key: str) -> bool:
        return key in REGISTER_KEYS and self._register is not None

    def refresh(self) -> None:
        """Read the register's settings again now."""
        if self._register is None:
            return
        from sqlalchemy.exc import SQLAlchemyError

        try:
            self._shared = self._register.load()
        except SQLAlchemyError:
            # A database without the table yet (opened without migrating): this desk's file still speaks.
            log.warning("the register's settings cannot be read; using this desk's file", exc_info=True)
            self._shared = {k: v for k, v in self._values.items() if k in REGISTER_KEYS}
        self._shared_at = time.monotonic()

    def write_register(self, session: "Session", key: str, value: Any) -> None:
        """Store a register setting in the caller's transaction (app.setting_changes audits it)."""
        if self._register is None:
            raise ValidationError(key, translate("Settings", "no register is open to store it in"))
        self._register.write(session, key, value)

    def _stored(self, key: str) -> tuple[bool, Any]:
        if key in REGISTER_KEYS and self._register is not None:
            if time.monotonic() - self._shared_at > self.REFRESH_SECONDS:
                self.refresh()
            return key in self._shared, self._shared.get(key)
        if key in REGISTER_KEYS and self._shared:
            return key in self._shared, self._shared.get(key)  # a copy handed to a worker process
        return key in self._values, self._values.get(key)

    def __getstate__(self) -> dict[str, Any]:
        # A worker process gets the values, not the database connection.
        state = dict(self.__dict__)
        state["_register"] = None
        return state

    # --- every setting ---------------------------------------------------------------------------

    def get(self, key: str) -> Any:
        option = OPTIONS.get(key)
        if option is None:
            raise ValidationError(key, translate("Settings", "no such setting (see 'settings list')"))
        present, raw = self._stored(key)
        if present:
            try:
                return parse_value(option, raw)
            except ValidationError:
                return option.default
        return option.default

    def set(self, key: str, raw: Any) -> Any:
        _forbid_secret_key(key)
        option = OPTIONS.get(key)
        if option is None:
            raise ValidationError(key, translate("Settings", "no such setting (see 'settings list')"))
        value = parse_value(option, raw)
        if self.is_register(key):
            assert self._register is not None
            with self._register.db.write() as session:
                self._register.write(session, key, value)
            self.refresh()
            return value
        self._values[key] = value
        self._save()
        return value

    def items(self) -> list[tuple[str, Any, bool]]:
        """(key, value, is_default) for every option, in declaration order (the register's read afresh)."""
        self.refresh()
        return [(k, self.get(k), not self._stored(k)[0]) for k in OPTIONS]

    def _save(self) -> None:
        payload = json.dumps(
            {"version": SETTINGS_VERSION, "values": self._values}, indent=2, ensure_ascii=False
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, self.path)


def _upgrade(stored: dict[str, Any]) -> dict[str, Any]:
    """Upgrade functions per settings version live here (none yet beyond version 1)."""
    if not isinstance(stored, dict):
        return {"version": SETTINGS_VERSION, "values": {}}
    stored.setdefault("values", {})
    return stored
