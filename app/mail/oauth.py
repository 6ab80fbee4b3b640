"""OAuth 2.0 access tokens for sending mail (SASL XOAUTH2): Microsoft 365 and Google Workspace.

Microsoft: the client-credentials flow of the Microsoft identity platform (MSAL), with a client secret or
a certificate (a PEM holding the private key and its certificate). Google: a service account with
domain-wide delegation (google-auth), impersonating the sending mailbox. The secret (client secret, PEM,
or the service account's JSON key) is read through app.access.secrets only, and is never written here.

Tokens are cached in this process's memory only, per settings and secret, and fetched again
`REFRESH_MARGIN_SECONDS` before they expire. A failure is a `TokenError`: not temporary when the identity
platform refused the application (its own words, e.g. "AADSTS7000215: Invalid client secret provided"),
so nothing is sent until the settings change; temporary when it could not be reached or answered with a
server error, so the outbox retries with its backoff as for any other temporary failure. The transport
(app.mail.smtp) turns it into its `DeliveryError` (SETTINGS or TEMPORARY).
"""

import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from app.errors import CpcDeskError, ValidationError
from app.i18n import translate
from app.log import remember_secret
from app.settings import Settings, check_authority

AUTH_MODES = ("password", "oauth2-microsoft", "oauth2-google")
MICROSOFT = "oauth2-microsoft"
GOOGLE = "oauth2-google"
MICROSOFT_AUTHORITY = "https://login.microsoftonline.com"
MICROSOFT_SCOPE = "https://outlook.office365.com/.default"
GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token"
GOOGLE_SCOPE = "https://mail.google.com/"
# A token is not used in its last minutes: a message may take a while, and clocks differ.
REFRESH_MARGIN_SECONDS = 300.0
HTTP_TIMEOUT_SECONDS = 30.0


class TokenError(CpcDeskError):
    """No token: `temporary` when the platform could not be reached or answered with a server error (try
    again later), else the platform refused the application (nothing goes until the settings change)."""

    def __init__(self, temporary: bool, text: str) -> None:
        super().__init__(text)
        self.temporary = temporary


def _failure(kind: str, text: str) -> TokenError:
    return TokenError(kind == "temporary", text)


@dataclass(frozen=True)
class OAuthConfig:
    """Where and as whom to get a token; no secret in it."""

    mode: str
    mailbox: str
    tenant: str = ""
    client_id: str = ""
    # "" = the real identity platform. Another authority (an https URL on this computer) is for tests.
    authority: str = ""
    ca_file: str = ""
    timeout: float = HTTP_TIMEOUT_SECONDS

    @classmethod
    def from_settings(cls, settings: Settings) -> "OAuthConfig | None":
        mode = str(settings.get("smtp.auth"))
        if mode == "password":
            return None
        mailbox = str(settings.get("smtp.username")) or str(settings.get("smtp.from_address"))
        config = cls(
            mode=mode,
            mailbox=mailbox,
            tenant=str(settings.get("smtp.oauth.tenant")),
            client_id=str(settings.get("smtp.oauth.client_id")),
            authority=str(settings.get("smtp.oauth.authority")),
            ca_file=str(settings.get("smtp.ca_file")),
            timeout=float(settings.get("smtp.timeout_seconds")),
        )
        config.validate()
        return config

    def validate(self) -> None:
        if self.mode not in AUTH_MODES[1:]:
            raise ValidationError(
                "smtp.auth", translate("Mail", "must be one of {0}").format(", ".join(AUTH_MODES))
            )
        if not self.mailbox:
            raise ValidationError(
                "smtp.username", translate("Mail", "name the sending mailbox (or set smtp.from_address)")
            )
        if self.mode == MICROSOFT:
            if not self.tenant:
                raise ValidationError(
                    "smtp.oauth.tenant", translate("Mail", "is required for Microsoft 365 (the tenant ID)")
                )
            if not self.client_id:
                raise ValidationError(
                    "smtp.oauth.client_id",
                    translate("Mail", "is required for Microsoft 365 (the application's client ID)"),
                )
            if any(c in self.tenant for c in "/?#@ "):
                raise ValidationError(
                    "smtp.oauth.tenant", translate("Mail", "must be a tenant ID or domain, not a URL")
                )
        check_authority(self.authority)

    @property
    def token_url(self) -> str:
        if self.mode == GOOGLE:
            return f"{self.authority}/token" if self.authority else GOOGLE_TOKEN_URL
        return f"{self.authority or MICROSOFT_AUTHORITY}/{self.tenant}"


def check_secret(mode: str, value: str) -> str:
    """The secret as it will be stored: a client secret, a PEM (key and certificate), or a service
    account's JSON key (made one line). Raises ValidationError naming what is wrong."""
    label = "OAuth secret"
    text = value.strip()
    if not text:
        raise ValidationError(label, translate("Mail", "is empty; nothing was stored"))
    if "\x00" in text:
        raise ValidationError(label, translate("Mail", "must not contain a NUL character"))
    if mode == GOOGLE:
        try:
            info = json.loads(text)
        except ValueError:
            raise ValidationError(
                label, translate("Mail", "for Google, give the service account's JSON key file")
            ) from None
        if not isinstance(info, dict) or info.get("type") != "service_account":
            raise ValidationError(
                label, translate("Mail", 'is not a service account key ("type": "service_account")')
            )
        for key in ("client_email", "private_key", "token_uri"):
            if not info.get(key):
                raise ValidationError(
                    label, translate("Mail", "the service account key has no {0!r}").format(key)
                )
        return json.dumps(info, separators=(",", ":"))
    if text.startswith("-----BEGIN"):
        key, certificate = _split_pem(text)
        if not key or not certificate:
            raise ValidationError(
                label,
                translate(
                    "Mail",
                    "a certificate credential must hold both the private key and its certificate (PEM)",
                ),
            )
        return text + "\n"
    if "\n" in text or "\r" in text:
        raise ValidationError(label, translate("Mail", "a client secret is one line"))
    return text


def _split_pem(text: str) -> tuple[str, str]:
    key: list[str] = []
    certificate: list[str] = []
    block: list[str] = []
    for line in text.splitlines():
        block.append(line)
        if line.startswith("-----END"):
            (key if "PRIVATE KEY" in line else certificate if "CERTIFICATE" in line else []).extend(block)
            block = []
    return "\n".join(key) + ("\n" if key else ""), "\n".join(certificate) + ("\n" if certificate else "")


def xoauth2(user: str, token: str) -> str:
    """The SASL XOAUTH2 initial response (before base64)."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


@dataclass(frozen=True)
class Token:
    value: str
    expires_at: float  # time.time()

    def fresh(self, now: float) -> bool:
        return now < self.expires_at - REFRESH_MARGIN_SECONDS


class _TokenSource:
    """Fetches and caches the tokens of one configuration and secret."""

    def __init__(self, config: OAuthConfig, secret: str) -> None:
        self.config = config
        self._secret = secret
        self._token: Token | None = None
        self._msal_app: Any = None
        self._lock = threading.Lock()

    def token(self, *, force: bool = False) -> Token:
        with self._lock:
            now = time.time()
            if not force and self._token is not None and self._token.fresh(now):
                return self._token
            self._token = None
            token = self._fetch_microsoft() if self.config.mode == MICROSOFT else self._fetch_google()
            remember_secret(token.value)  # the log blanks it, should a message ever quote it
            self._token = token
            return token

    @property
    def _verify(self) -> str | bool:
        # The real platforms have public certificates; smtp.ca_file is trusted only for a loopback
        # stand-in (whose certificate the tests' CA signed), not instead of the system's CAs.
        return self.config.ca_file if (self.config.authority and self.config.ca_file) else True

    def _http(self) -> Any:
        import requests

        session = requests.Session()
        session.verify = self._verify
        if self.config.authority:
            # on loopback, a CA bundle named in the environment must not replace the tests' CA
            session.trust_env = False
        return session

    def _fetch_microsoft(self) -> Token:
        import msal
        import requests

        cfg = self.config
        where = urlsplit(cfg.token_url).hostname
        try:
            if self._msal_app is None:
                if self._secret.startswith("-----BEGIN"):
                    key, certificate = _split_pem(self._secret)
                    credential: Any = {"private_key": key, "public_certificate": certificate}
                else:
                    credential = self._secret
                self._msal_app = msal.ConfidentialClientApplication(
                    cfg.client_id,
                    authority=cfg.token_url,
                    client_credential=credential,
                    http_client=self._http(),
                    validate_authority=not cfg.authority,
                    instance_discovery=False if cfg.authority else None,
                    timeout=cfg.timeout,
                    verify=self._verify,
                )
            app = self._msal_app
            app.token_cache = msal.TokenCache()  # our cache decides when to fetch; MSAL's would hide it
            started = time.time()
            result = app.acquire_token_for_client(scopes=[MICROSOFT_SCOPE])
        except requests.RequestException as exc:
            self._msal_app = None
            raise _failure(
                "temporary",
                translate("Mail", "The Microsoft identity platform ({0}) could not be reached: {1}").format(
                    where, _plain(exc)
                ),
            ) from None
        except msal.exceptions.MsalServiceError as exc:
            self._msal_app = None  # e.g. HTTP 503: the platform is there but not answering properly
            raise _failure(
                "temporary",
                translate("Mail", "The Microsoft identity platform ({0}) is not answering: {1}").format(
                    where, exc
                ),
            ) from None
        except ValueError as exc:
            # MSAL: the tenant's discovery document was refused (an unknown tenant) or the key is unusable
            self._msal_app = None
            if "authority configuration" in str(exc):
                words = _aadsts(exc) or translate("Mail", "it is not known to the identity platform")
                raise _failure(
                    "settings",
                    translate(
                        "Mail",
                        "Microsoft 365 sign-in settings were refused: the tenant {0!r} "
                        "(smtp.oauth.tenant): {1}",
                    ).format(cfg.tenant, words),
                ) from None
            raise _failure(
                "settings", translate("Mail", "Microsoft 365 sign-in settings were refused: {0}").format(exc)
            ) from None
        if "access_token" in result:
            return Token(str(result["access_token"]), started + float(result.get("expires_in", 0)))
        words = str(result.get("error_description") or result.get("error") or result).splitlines()[0]
        error = str(result.get("error", ""))
        if error in ("temporarily_unavailable", "server_error") or not error:
            raise _failure(
                "temporary",
                translate("Mail", "The Microsoft identity platform gave no token: {0}").format(words),
            )
        raise _failure(
            "settings",
            translate("Mail", "The Microsoft identity platform refused to give a token: {0}").format(words),
        )

    def _fetch_google(self) -> Token:
        import google.auth.exceptions
        from google.auth.transport.requests import Request
        from google.oauth2 import service_account

        cfg = self.config
        try:
            info = json.loads(self._secret)
            if cfg.authority:
                info["token_uri"] = cfg.token_url
            credentials = service_account.Credentials.from_service_account_info(  # type: ignore[no-untyped-call]
                info, scopes=[GOOGLE_SCOPE], subject=cfg.mailbox
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise _failure(
                "settings",
                translate("Mail", "The Google service account key cannot be used: {0}: {1}").format(
                    type(exc).__name__, exc
                ),
            ) from None
        started = time.time()
        try:
            credentials.refresh(Request(self._http()))
        except google.auth.exceptions.RefreshError as exc:
            words = str(exc.args[0]) if exc.args else str(exc)
            if getattr(exc, "retryable", False):
                raise _failure(
                    "temporary", translate("Mail", "Google's token service gave no token: {0}").format(words)
                ) from None
            raise _failure(
                "settings", translate("Mail", "Google refused to give a token: {0}").format(words)
            ) from None
        except google.auth.exceptions.TransportError as exc:
            raise _failure(
                "temporary",
                translate("Mail", "Google's token service could not be reached: {0}").format(_plain(exc)),
            ) from None
        expiry = credentials.expiry  # naive UTC, or None when the answer gave no lifetime
        expires_at = started + 3600.0 if expiry is None else _utc_timestamp(expiry)
        return Token(str(credentials.token), expires_at)


def _aadsts(exc: BaseException) -> str:
    """The identity platform's own words (AADSTSnnnn: …) from an MSAL error or the error it wraps."""
    seen: BaseException | None = exc
    for _ in range(4):
        if seen is None:
            break
        found = re.search(r"AADSTS\d+:[^\"\\\r\n]*", str(seen))
        if found:
            return found.group(0).strip()
        seen = seen.__cause__ or seen.__context__
    return ""


def _utc_timestamp(naive_utc: Any) -> float:
    from datetime import UTC

    return float(naive_utc.replace(tzinfo=UTC).timestamp())


def _plain(exc: BaseException) -> str:
    """An HTTP library's error in a few words (its str() is a nest of reprs)."""
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            break
        if isinstance(seen, ConnectionRefusedError):
            return translate("Mail", "connection refused")
        if isinstance(seen, TimeoutError):
            return translate("Mail", "no answer in time")
        name = type(seen).__name__
        if name == "SSLCertVerificationError":
            return translate("Mail", "its TLS certificate was not accepted ({0})").format(
                getattr(seen, "verify_message", seen)
            )
        if name in ("NameResolutionError", "gaierror"):
            return translate("Mail", "the name is unknown")
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    if "Connection refused" in text:
        return translate("Mail", "connection refused")
    if "Name or service not known" in text or "getaddrinfo" in text:
        return translate("Mail", "the name is unknown")
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return translate("Mail", "its TLS certificate was not accepted")
    return type(exc).__name__


_sources: dict[str, _TokenSource] = {}
_sources_lock = threading.Lock()


def _source(config: OAuthConfig, secret: str) -> _TokenSource:
    key = hashlib.sha256(json.dumps([repr(config), secret]).encode("utf-8")).hexdigest()
    with _sources_lock:
        source = _sources.get(key)
        if source is None:
            source = _sources[key] = _TokenSource(config, secret)
        return source


def access_token(config: OAuthConfig, secret: str | None, *, force: bool = False) -> Token:
    """A token for sending as `config.mailbox`: the cached one while fresh, else a new one."""
    if not secret:
        raise _failure(
            "settings",
            translate(
                "Mail",
                "No OAuth secret is stored for the mail server; enter it in "
                "Settings (or 'settings set-password smtp-oauth').",
            ),
        )
    return _source(config, secret).token(force=force)


def forget_tokens() -> None:
    """Drop every cached token (when a new secret is stored: app.setting_changes.store_secret)."""
    with _sources_lock:
        _sources.clear()
