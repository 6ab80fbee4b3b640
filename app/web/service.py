"""The verification service as an ASGI application (Starlette): the page and JSON at the path of
`verification.url`, the file check by POST, and the controls around them (rate limit, size limit, security
headers, one log line per request without the code).
"""

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.desk import Desk
from app.document.college_certificate import college_fingerprint
from app.document.file_check import MAX_UPLOAD_BYTES, check_file
from app.document.standing import BadInput, Standing, certificate_standing
from app.web import page
from app.web.rate_limit import RateLimiter

log = logging.getLogger("cpc_desk.web")

DEFAULT_RATE_LIMIT = 30  # requests per client address per minute
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": page.CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass(frozen=True)
class ServiceOptions:
    rate_limit: int = DEFAULT_RATE_LIMIT
    today: Callable[[], date] = date.today  # the issuing body's local date; tests may fix it


def verification_path(url: str) -> str:
    """The path the service answers at: that of the `verification.url` setting ('/' when it has none)."""
    path = urlsplit(url).path or "/"
    return path if path.startswith("/") else "/" + path


class TooLarge(Exception):
    pass


async def _body_at_most(request: Request, limit: int) -> bytes:
    """The request body, refused (TooLarge) as soon as it passes `limit`: never read whole above it."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + 64 * 1024:  # room for the multipart envelope
        raise TooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit + 64 * 1024:
            raise TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept.split(",")[0]


class _Headers:
    """ASGI middleware: the security headers on every response, the rate limit, one log line per request
    (method, path, number if any, status, time; never the code or the query string)."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        client = (scope.get("client") or ("unknown", 0))[0]
        status_seen = [0]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_seen[0] = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().title() not in _NAMES]
                headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        wait = self.limiter.retry_after(client)
        try:
            if wait:
                response = PlainTextResponse(
                    f"Too many requests from your address; try again in {wait} seconds.\n",
                    status_code=429,
                    headers={"Retry-After": str(wait)},
                )
                await response(scope, receive, send_with_headers)
            else:
                await self.app(scope, receive, send_with_headers)
        finally:
            number = scope.get("state", {}).get("number", "")
            log.info(
                "%s %s %s%s %d %.1fms",
                client,
                scope.get("method", ""),
                scope.get("path", ""),
                f" number={number}" if number else "",
                status_seen[0],
                (time.perf_counter() - started) * 1000,
            )


_NAMES = {k.title() for k in SECURITY_HEADERS}


def build_app(desk: Desk, options: ServiceOptions | None = None) -> ASGIApp:
    """The service over one open desk (its database and settings)."""
    options = options or ServiceOptions()
    path = verification_path(str(desk.settings.get("verification.url")))
    ctx = page.PageContext(
        issuer=str(desk.settings.get("issuer.name")).strip(),
        path=path,
        fingerprint=college_fingerprint(desk),
    )

    def html(body: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(body, status_code=status)

    def refuse(request: Request, status: int, field: str, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": {"field": field, "message": message}}, status_code=status)
        return html(page.error_page(ctx, "Not checked", message), status)

    def answer(request: Request, standing: Standing, number: str, code: str) -> Response:
        status = 404 if standing.as_json()["status"] == "not_found" else 200
        if _wants_json(request):
            body = standing.as_json()
            if status == 404:
                body["number"] = number  # the echo, as typed: nothing found says nothing more
            return Response(
                json.dumps(body, ensure_ascii=False), status_code=status, media_type="application/json"
            )
        return html(page.standing_page(ctx, standing, number, code), status)

    async def look_up(request: Request) -> Response:
        params = request.query_params
        if set(params) - {"number", "code"} or any(len(params.getlist(k)) > 1 for k in params):
            return refuse(request, 400, "query", "Only one number and one code may be given.")
        number, code = params.get("number"), params.get("code")
        if number is None and code is None:
            if _wants_json(request):
                return refuse(request, 400, "number", "A certificate number and its code are needed.")
            return html(page.start_page(ctx))
        if not number:
            return refuse(request, 400, "number", "The certificate number is missing.")
        if not code:
            return refuse(request, 400, "code", "The verification code is missing.")
        try:
            standing = await run_in_threadpool(certificate_standing, desk, number, code, options.today())
        except BadInput as exc:
            return refuse(request, 400, exc.field, f"The {exc.field} {exc.message}.")
        request.scope.setdefault("state", {})["number"] = standing.number
        return answer(request, standing, number, code)

    async def upload(request: Request) -> Response:
        try:
            body = await _body_at_most(request, MAX_UPLOAD_BYTES)
        except TooLarge:
            return refuse(request, 413, "pdf", "The file is larger than 10 MB; no certificate is that large.")
        content_type = request.headers.get("content-type", "")
        if content_type.startswith("application/pdf"):
            data = body
        elif content_type.startswith("multipart/form-data"):
            request._body = body  # the form parser reads the body already taken, not the socket again
            try:
                async with request.form(max_files=1, max_fields=4) as form:
                    part: Any = form.get("pdf")
                    data = await part.read() if part is not None and hasattr(part, "read") else b""
            except Exception:  # noqa: BLE001 - a malformed form is the sender's problem, in one sentence
                return refuse(request, 400, "pdf", "The form could not be read; choose the PDF and send it.")
            if not data:
                return refuse(request, 400, "pdf", "No file was sent; choose the certificate PDF.")
        else:
            return refuse(
                request, 400, "pdf", "Send the PDF as a form upload (field pdf) or application/pdf."
            )
        if len(data) > MAX_UPLOAD_BYTES:
            return refuse(request, 413, "pdf", "The file is larger than 10 MB; no certificate is that large.")
        verdict = await run_in_threadpool(check_file, desk, data, options.today())
        if _wants_json(request):
            standing = verdict.standing.as_json() if verdict.standing is not None else None
            return JSONResponse(
                {
                    "is_pdf": verdict.is_pdf,
                    "issued_file": verdict.issued,
                    "signed_by_college": verdict.signed_by_college,
                    "certificate": standing,
                    "message": verdict.sentence,
                }
            )
        return html(page.file_page(ctx, verdict))

    async def not_here(request: Request) -> Response:
        return PlainTextResponse("Not found. Certificates are checked at " + path + "\n", status_code=404)

    async def on_error(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error answering %s", request.url.path)
        return PlainTextResponse("The check could not be made just now; try again later.\n", status_code=500)

    routes = [
        Route(path, look_up, methods=["GET", "HEAD"]),
        Route(path, upload, methods=["POST"]),
        Route("/{rest:path}", not_here, methods=["GET", "HEAD", "POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={Exception: on_error})
    limiter = RateLimiter(options.rate_limit)
    return _Headers(app, limiter)
