"""The verification service as an ASGI application (Starlette): the page and JSON at the path of
`verification.url`, the file check by POST, and the controls around them (rate limit, size limit, security
headers, one log line per request without the code). Pages answer in the reader's language (?lang=, else
the browser's Accept-Language); the JSON answers stay as they are, in English.
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
from app.i18n import LANGUAGES, Catalogue, catalogue, language_from_accept
from app.web import page
from app.web.rate_limit import RateLimiter
from app.web.wording import Words

log = logging.getLogger("cpc_desk.web")

DEFAULT_RATE_LIMIT = 30  # requests per client address per minute
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": page.CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# On every response as well: a page differs by the Accept (HTML or JSON) and Accept-Language headers.
EVERY_RESPONSE = {**SECURITY_HEADERS, "Vary": "Accept, Accept-Language"}


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


def _reader(request: Request, keep: tuple[tuple[str, str], ...] = ()) -> page.Reader:
    """Who reads the page: in the language chosen with the switch (?lang=en|fr), else the browser's."""
    chosen = request.query_params.get("lang", "")
    if chosen in LANGUAGES:
        return page.Reader(chosen, True, keep)
    return page.Reader(language_from_accept(request.headers.get("accept-language")), False, keep)


def _bad_input(exc: BadInput) -> Words:
    """The page's sentence for a number or a code that cannot be one."""
    if exc.field == "code":
        return lambda c: c.translate(
            "VerificationPage",
            "This is not a verification code: it is made of letters and digits, such as MQQH-ANDH-C5XE.",
        )
    return lambda c: c.translate(
        "VerificationPage", "This is not a certificate number: it has the form CPC-YYYY-NNNNNN."
    )


def _too_large(c: Catalogue) -> str:
    return c.translate("VerificationPage", "The file is larger than 10 MB; no certificate is that large.")


class _Headers:
    """ASGI middleware: the security headers on every response, the rate limit, one log line per request
    (method, path, number if any, status, time; never the code or the query string)."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, too_many: Callable[[Request], Response]) -> None:
        self.app = app
        self.limiter = limiter
        self.too_many = too_many

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
                headers += [(k.lower().encode(), v.encode()) for k, v in EVERY_RESPONSE.items()]
                message = {**message, "headers": headers}
            await send(message)

        wait = self.limiter.retry_after(client)
        try:
            if wait:
                response = self.too_many(Request(scope))
                response.headers["Retry-After"] = str(wait)
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


_NAMES = {k.title() for k in EVERY_RESPONSE}


def build_app(desk: Desk, options: ServiceOptions | None = None) -> ASGIApp:
    """The service over one open desk (its database and settings)."""
    options = options or ServiceOptions()
    path = verification_path(str(desk.settings.get("verification.url")))
    ctx = page.PageContext(
        issuer=str(desk.settings.get("issuer.name")).strip(),
        path=path,
        fingerprint=college_fingerprint(desk),
        issuer_fr=str(desk.settings.get("issuer.name_fr") or "").strip(),
    )

    def html(body: str, reader: page.Reader, status: int = 200) -> HTMLResponse:
        return HTMLResponse(body, status_code=status, headers={"Content-Language": reader.language})

    def refuse(request: Request, status: int, field: str, words: Words, reader: page.Reader) -> Response:
        """A request not answered: the JSON error (its message in English, as it always was) or the page,
        in the reader's language, with `words` from that language's catalogue."""
        if _wants_json(request):
            message = words(catalogue("en"))
            return JSONResponse({"error": {"field": field, "message": message}}, status_code=status)
        title = catalogue(reader.language).translate("VerificationPage", "Not checked")
        return html(page.error_page(ctx, reader, title, words(catalogue(reader.language))), reader, status)

    def answer(request: Request, reader: page.Reader, standing: Standing, number: str, code: str) -> Response:
        status = 404 if standing.as_json()["status"] == "not_found" else 200
        if _wants_json(request):
            body = standing.as_json()
            if status == 404:
                body["number"] = number  # the echo, as typed: nothing found says nothing more
            return Response(
                json.dumps(body, ensure_ascii=False), status_code=status, media_type="application/json"
            )
        return html(page.standing_page(ctx, reader, standing, number, code), reader, status)

    def language_refused(request: Request) -> Response | None:
        """400 for a ?lang= that is not one of the page's languages (given once)."""
        given = request.query_params.getlist("lang")
        if not given or (len(given) == 1 and given[0] in LANGUAGES):
            return None
        return refuse(
            request,
            400,
            "lang",
            lambda c: c.translate("VerificationPage", "The language must be en (English) or fr (French)."),
            _reader(request),
        )

    async def look_up(request: Request) -> Response:
        params = request.query_params
        number, code = params.get("number"), params.get("code")
        keep = tuple((k, v) for k, v in (("number", number), ("code", code)) if v is not None)
        reader = _reader(request, keep)
        if set(params) - {"number", "code", "lang"} or any(len(params.getlist(k)) > 1 for k in params):
            return refuse(
                request,
                400,
                "query",
                lambda c: c.translate("VerificationPage", "Only one number and one code may be given."),
                reader,
            )
        if (refused := language_refused(request)) is not None:
            return refused
        if number is None and code is None:
            if _wants_json(request):
                return refuse(
                    request,
                    400,
                    "number",
                    lambda c: c.translate(
                        "VerificationPage", "A certificate number and its code are needed."
                    ),
                    reader,
                )
            return html(page.start_page(ctx, reader), reader)
        if not number:
            return refuse(
                request,
                400,
                "number",
                lambda c: c.translate("VerificationPage", "The certificate number is missing."),
                reader,
            )
        if not code:
            return refuse(
                request,
                400,
                "code",
                lambda c: c.translate("VerificationPage", "The verification code is missing."),
                reader,
            )
        try:
            standing = await run_in_threadpool(certificate_standing, desk, number, code, options.today())
        except BadInput as exc:
            if _wants_json(request):  # the JSON's message, as it always was
                return JSONResponse(
                    {"error": {"field": exc.field, "message": f"The {exc.field} {exc.message}."}},
                    status_code=400,
                )
            return refuse(request, 400, exc.field, _bad_input(exc), reader)
        request.scope.setdefault("state", {})["number"] = standing.number
        return answer(request, reader, standing, number, code)

    async def upload(request: Request) -> Response:
        reader = _reader(request)
        if (refused := language_refused(request)) is not None:
            return refused
        try:
            body = await _body_at_most(request, MAX_UPLOAD_BYTES)
        except TooLarge:
            return refuse(request, 413, "pdf", _too_large, reader)
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
                return refuse(
                    request,
                    400,
                    "pdf",
                    lambda c: c.translate(
                        "VerificationPage", "The form could not be read; choose the PDF and send it."
                    ),
                    reader,
                )
            if not data:
                return refuse(
                    request,
                    400,
                    "pdf",
                    lambda c: c.translate(
                        "VerificationPage", "No file was sent; choose the certificate PDF."
                    ),
                    reader,
                )
        else:
            return refuse(
                request,
                400,
                "pdf",
                lambda c: c.translate(
                    "VerificationPage", "Send the PDF as a form upload (field pdf) or application/pdf."
                ),
                reader,
            )
        if len(data) > MAX_UPLOAD_BYTES:
            return refuse(request, 413, "pdf", _too_large, reader)
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
        return html(page.file_page(ctx, reader, verdict), reader)

    def plain_or_page(request: Request, status: int, title: Words, message: Words) -> Response:
        """An answer that is no look-up: one English line for a program, the page for a reader."""
        if _wants_json(request):
            return PlainTextResponse(message(catalogue("en")) + "\n", status_code=status)
        reader = _reader(request)
        cat = catalogue(reader.language)
        return html(page.error_page(ctx, reader, title(cat), message(cat)), reader, status)

    async def not_here(request: Request) -> Response:
        return plain_or_page(
            request,
            404,
            lambda c: c.translate("VerificationPage", "Page not found"),
            lambda c: c.translate("VerificationPage", "Not found. Certificates are checked at {0}").format(
                path
            ),
        )

    async def on_error(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error answering %s", request.url.path)
        return plain_or_page(
            request,
            500,
            lambda c: c.translate("VerificationPage", "Not checked"),
            lambda c: c.translate(
                "VerificationPage", "The check could not be made just now; try again later."
            ),
        )

    def too_many(request: Request) -> Response:
        return plain_or_page(
            request,
            429,
            lambda c: c.translate("VerificationPage", "Too many requests"),
            # the limit is per minute: within one the reader may try again (Retry-After has the seconds)
            lambda c: c.translate(
                "VerificationPage", "Too many requests from your address; wait a minute, then try again."
            ),
        )

    routes = [
        Route(path, look_up, methods=["GET", "HEAD"]),
        Route(path, upload, methods=["POST"]),
        Route("/{rest:path}", not_here, methods=["GET", "HEAD", "POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={Exception: on_error})
    limiter = RateLimiter(options.rate_limit)
    return _Headers(app, limiter, too_many)
