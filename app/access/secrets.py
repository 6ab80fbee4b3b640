"""The one door to secrets (SMTP password, signing-key passphrase): the OS keyring, or this session only.

No secret is ever written to the database, the settings file or a log (and each value that passes
through here is handed to app.log, whose filter blanks it should a message ever quote it). When the
keyring has no secure backend the caller is told so (KeyringStatus.secure is False) and may choose to
keep a secret for the running session only; there is never a silent fallback to a file.
"""

from dataclasses import dataclass

import keyring
import keyring.errors

from app.errors import SecretStoreUnavailable
from app.i18n import translate
from app.log import remember_secret

SERVICE = "cpc-desk"
# Names of the keyring entries (the secrets themselves live only in the keyring).
SMTP_PASSWORD_ENTRY = "smtp"
SIGNING_PASSPHRASE_ENTRY = "signing"
# The OAuth 2.0 client secret, certificate (PEM) or service account key for sending mail (app.mail.oauth).
SMTP_OAUTH_ENTRY = "smtp-oauth"

# A server database's password, one per user@host:port/database (app.desk.database_password reads it).
DATABASE_PASSWORD_ENTRY = "database"
NAMES = (SMTP_PASSWORD_ENTRY, SIGNING_PASSPHRASE_ENTRY, SMTP_OAUTH_ENTRY, DATABASE_PASSWORD_ENTRY)

_session_only: dict[str, str] = {}

# Backends that keep secrets in plain files or nowhere; never trusted.
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


@dataclass(frozen=True)
class KeyringStatus:
    secure: bool
    backend: str
    message: str


def status() -> KeyringStatus:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    insecure = any(name.startswith(m) for m in _INSECURE_MODULES) or getattr(backend, "priority", 1) <= 0
    if insecure:
        return KeyringStatus(
            False,
            name,
            translate(
                "Access",
                "No secure password store (OS keyring) is available on this computer. Passwords can be "
                "kept for this session only and must be entered again after a restart; they are never "
                "saved to a file.",
            ),
        )
    return KeyringStatus(
        True,
        name,
        translate("Access", "Passwords are kept in the OS keyring ({0}).").format(type(backend).__name__),
    )


def _account(name: str, account: str) -> str:
    return f"{name}:{account}" if account else name


def get_secret(name: str, account: str = "") -> str | None:
    key = _account(name, account)
    if key in _session_only:
        return _session_only[key]
    if not status().secure:
        return None
    try:
        value = keyring.get_password(SERVICE, key)
    except keyring.errors.KeyringError:
        return None
    remember_secret(value)  # the log blanks it from now on, should any message ever quote it
    return value


def set_secret(name: str, value: str, account: str = "", *, session_only: bool = False) -> None:
    """Store in the keyring; with session_only=True (chosen by the user) keep it in memory only."""
    key = _account(name, account)
    remember_secret(value)
    if session_only:
        _session_only[key] = value
        return
    if not status().secure:
        raise SecretStoreUnavailable(status().message)
    try:
        keyring.set_password(SERVICE, key, value)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable(
            translate("Access", "The OS keyring refused to store the secret ({0}).").format(
                type(exc).__name__
            )
        ) from None
    _session_only.pop(key, None)


def forget_session_secrets() -> None:
    _session_only.clear()


def forget_session_secret(name: str, account: str = "") -> None:
    """Drop one secret held for this session (a PIN that the token refused)."""
    _session_only.pop(_account(name, account), None)
