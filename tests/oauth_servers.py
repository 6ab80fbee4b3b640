"""A real OAuth 2.0 identity platform and a mail server that wants its tokens, both on 127.0.0.1, for tests.

`IdentityServer` is an HTTPS server (trustme certificate) that plays the Microsoft identity platform
(the tenant's OpenID discovery document, the client-credentials grant with a client secret or a
certificate's signed assertion) and Google's token service (the JWT-bearer grant of a service account
with domain-wide delegation). It issues random tokens with a lifetime, remembers which mailbox each may
send as, and answers a revoked secret as the real ones do (`AADSTS7000215 …`, `invalid_grant`).
`XOAuth2Server` is an aiosmtpd server that offers only `AUTH XOAUTH2` and accepts a token only when the
identity server issued it, for that mailbox, and it has not expired or been revoked.
"""

import base64
import json
import secrets
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import jwt
from aiosmtpd.smtp import MISSING, AuthResult

from tests.smtp_servers import HOST, CountingController, ScriptedHandler

MICROSOFT_SCOPE = "https://outlook.office365.com/.default"
GOOGLE_SCOPE = "https://mail.google.com/"
REVOKED_SECRET_WORDS = (
    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the "
    "client secret value, not the client secret ID, for a secret added to app 'cpc-desk-test'."
)


@dataclass
class Issued:
    app: str  # the client id or the service account
    mailbox: str  # "" for a Microsoft app token: it may send as any mailbox granted to the app
    expires_at: float


@dataclass
class IdentityState:
    tenant: str = "contoso-tenant-id"
    client_id: str = "11111111-2222-3333-4444-555555555555"
    client_secret: str = "s3cret~value-of-the-app"
    certificate_pem: bytes = b""  # a certificate credential's public part, when one is registered
    service_account: str = "cpc-desk@project.iam.gserviceaccount.com"
    service_account_public_pem: bytes = b""
    granted_mailboxes: set[str] = field(default_factory=set)  # who the app may send as
    expires_in: int = 3600
    revoked: bool = False  # the secret / key was revoked by the tenant's administrator
    unavailable: bool = False  # answer 503 to every request
    issued: dict[str, Issued] = field(default_factory=dict)
    revoked_tokens: set[str] = field(default_factory=set)
    requests: list[str] = field(default_factory=list)


class IdentityServer:
    """The identity platform on https://127.0.0.1:PORT; `authority` is what the settings point at."""

    def __init__(self, server_context: ssl.SSLContext) -> None:
        self.state = IdentityState()
        state = self.state
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
                pass

            def _json(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                state.requests.append(f"GET {self.path}")
                if state.unavailable:
                    self._json(503, {"error": "temporarily_unavailable"})
                    return
                if self.path == f"/{state.tenant}/v2.0/.well-known/openid-configuration":
                    base = f"{owner.authority}/{state.tenant}"
                    self._json(
                        200,
                        {
                            "issuer": f"{base}/v2.0",
                            "token_endpoint": f"{base}/oauth2/v2.0/token",
                            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                        },
                    )
                    return
                self._json(
                    400,
                    {"error": "invalid_tenant", "error_description": "AADSTS90002: Tenant not found."},
                )

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                state.requests.append(f"POST {self.path}")
                if state.unavailable:
                    self._json(503, {"error": "temporarily_unavailable", "error_description": "try later"})
                    return
                if self.path == f"/{state.tenant}/oauth2/v2.0/token":
                    self._json(*owner._microsoft_token(form))
                elif self.path == "/token":
                    self._json(*owner._google_token(form))
                else:
                    self._json(404, {"error": "not_found"})

        self.httpd = ThreadingHTTPServer((HOST, 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.socket = server_context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = int(self.httpd.server_address[1])
        self.authority = f"https://127.0.0.1:{self.port}"
        self._thread: threading.Thread | None = None

    def start(self) -> "IdentityServer":
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="identity", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Shut down and close the port: the identity platform is down (connection refused)."""
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join()
            self._thread = None
        self.httpd.server_close()

    # -- grants

    def _issue(self, app: str, mailbox: str) -> tuple[int, dict[str, Any]]:
        token = "tok-" + secrets.token_hex(16)
        self.state.issued[token] = Issued(app, mailbox, time.time() + self.state.expires_in)
        return 200, {"token_type": "Bearer", "expires_in": self.state.expires_in, "access_token": token}

    def _microsoft_token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        s = self.state
        if form.get("grant_type") != "client_credentials" or form.get("scope") != MICROSOFT_SCOPE:
            return 400, {"error": "invalid_request", "error_description": "AADSTS900144: bad grant or scope"}
        if form.get("client_id") != s.client_id:
            return 400, {
                "error": "unauthorized_client",
                "error_description": f"AADSTS700016: Application with identifier '{form.get('client_id')}' "
                "was not found in the directory.",
            }
        if "client_assertion" in form:
            ok = self._assertion_ok(form["client_assertion"], form.get("client_id", ""))
        else:
            ok = form.get("client_secret") == s.client_secret
        if s.revoked or not ok:
            return 401, {
                "error": "invalid_client",
                "error_description": REVOKED_SECRET_WORDS + "\r\nTrace ID: 0000\r\nTimestamp: now",
                "error_codes": [7000215],
            }
        return self._issue(s.client_id, "")

    def _assertion_ok(self, assertion: str, client_id: str) -> bool:
        from cryptography import x509

        if not self.state.certificate_pem:
            return False
        key = x509.load_pem_x509_certificate(self.state.certificate_pem).public_key()
        try:
            claims = jwt.decode(
                assertion,
                key,  # type: ignore[arg-type]
                algorithms=["RS256", "PS256"],
                audience=f"{self.authority}/{self.state.tenant}/oauth2/v2.0/token",
            )
        except jwt.PyJWTError:
            return False
        return bool(claims.get("iss") == client_id and claims.get("sub") == client_id)

    def _google_token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        s = self.state
        if form.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer":
            return 400, {"error": "unsupported_grant_type", "error_description": "Invalid grant_type."}
        try:
            claims = jwt.decode(
                form.get("assertion", ""),
                s.service_account_public_pem,
                algorithms=["RS256"],
                audience="https://oauth2.googleapis.com/token",  # Google's, wherever the grant is posted
            )
        except jwt.PyJWTError:
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
        if s.revoked:
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
        if claims.get("iss") != s.service_account or GOOGLE_SCOPE not in str(claims.get("scope", "")):
            return 400, {"error": "invalid_scope", "error_description": "Invalid OAuth scope."}
        subject = str(claims.get("sub", ""))
        if subject not in s.granted_mailboxes:
            return 401, {
                "error": "unauthorized_client",
                "error_description": "Client is unauthorized to retrieve access tokens using this method, "
                "or client not authorized for any of the scopes requested.",
            }
        return self._issue(s.service_account, subject)

    # -- what the mail server asks

    def check(self, token: str, mailbox: str) -> str:
        """ "" when `token` may send as `mailbox` now; else why not."""
        issued = self.state.issued.get(token)
        if issued is None or token in self.state.revoked_tokens:
            return "unknown or revoked token"
        if time.time() >= issued.expires_at:
            return "expired token"
        if issued.mailbox and issued.mailbox != mailbox:
            return "token for another mailbox"
        if mailbox not in self.state.granted_mailboxes:
            return "mailbox not granted to the application"
        return ""

    def revoke_tokens(self) -> None:
        self.state.revoked_tokens.update(self.state.issued)


@dataclass
class XOAuth2Handler(ScriptedHandler):
    identity: Any = None
    oauth_attempts: list[tuple[str, str, str]] = field(default_factory=list)  # (mailbox, token, verdict)
    refuse_all: str = ""  # a reply refusing every token (e.g. SMTP AUTH disabled for the mailbox)

    async def auth_XOAUTH2(self, server: Any, args: list[str]) -> AuthResult:  # noqa: N802 - aiosmtpd's name
        if len(args) == 2:
            raw = base64.b64decode(args[1])
        else:
            blob = await server.challenge_auth("")
            if blob is MISSING:
                return AuthResult(success=False, handled=True)
            raw = blob
        fields = dict(
            part.split("=", 1) for part in raw.decode().split("\x01") if "=" in part
        )  # user=…, auth=Bearer …
        mailbox = fields.get("user", "")
        token = fields.get("auth", "").removeprefix("Bearer ")
        verdict = "refused" if self.refuse_all else self.identity.check(token, mailbox)
        self.oauth_attempts.append((mailbox, token, verdict or "ok"))
        if not verdict:
            return AuthResult(success=True, auth_data=mailbox)
        # RFC 7628: a JSON error challenge, the client's empty answer, then the refusal.
        await server.challenge_auth(json.dumps({"status": "401", "schemes": "bearer"}))
        return AuthResult(
            success=False, handled=False, message=self.refuse_all or "535 5.7.3 Authentication unsuccessful"
        )


class XOAuth2Server:
    """An aiosmtpd server (STARTTLS or TLS) on 127.0.0.1 that accepts only AUTH XOAUTH2."""

    def __init__(self, identity: IdentityServer, server_context: ssl.SSLContext, mode: str = "starttls"):
        self.mode = mode
        self.handler = XOAuth2Handler(identity=identity)
        kwargs: dict[str, Any] = {
            "server_hostname": "smtp.test.localhost",
            "auth_required": True,
            "auth_exclude_mechanism": ["LOGIN", "PLAIN"],
            "auth_callback": lambda *a: False,
        }
        if mode == "starttls":
            kwargs.update(tls_context=server_context, require_starttls=True, auth_require_tls=True)
        else:
            kwargs.update(ssl_context=server_context, auth_require_tls=False)
        self.controller = CountingController(self.handler, HOST, 0, **kwargs)
        self.host = HOST
        self.port = int(self.controller.port)

    def start(self) -> "XOAuth2Server":
        self.controller.start()
        self.handler.connections = 0  # the controller's own readiness check is not a client
        return self

    def stop(self) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[Any]:
        return self.handler.received
