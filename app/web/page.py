"""The verification page's HTML: one plain, accessible page (no script, readable on a phone, printable).

Every value is escaped. The style sheet is inline and allowed by its hash in the Content-Security-Policy,
so the page needs nothing but itself.
"""

import base64
import hashlib
from dataclasses import dataclass
from html import escape

from app.document.disclosure import NONE_ON_RECORD as NONE
from app.document.disclosure import format_date
from app.document.file_check import MAX_UPLOAD_BYTES, FileVerdict
from app.document.standing import Standing, Status

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:42rem;margin:0 auto;
padding:1rem;line-height:1.5;color:#111;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.15rem}
.verdict{border-left:.4rem solid #555;padding:.5rem 1rem;margin:1rem 0;background:#f4f4f4}
.valid{border-color:#1b6e2a}.revoked,.expired,.replaced,.not_found,.refused{border-color:#a11}
.changed{border-left:.4rem solid #b36b00;padding:.5rem 1rem;background:#fff6e5}
dl{display:grid;grid-template-columns:minmax(8rem,35%) 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
@media (max-width:30rem){dl{display:block}dd{margin:0 0 .5rem}}
label{display:block;margin-top:.5rem;font-weight:600}input{font-size:1rem;padding:.3rem;max-width:100%}
button{font-size:1rem;margin-top:.6rem;padding:.4rem 1rem}
code{word-break:break-all}
@media print{form,.noprint{display:none}body{max-width:none}}
""".strip()
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src '{STYLE_HASH}'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)


@dataclass(frozen=True)
class PageContext:
    issuer: str
    path: str
    fingerprint: str  # the College's signing certificate, SHA-256; "" when it has none yet


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _date(value: object) -> str:
    return format_date(value) if value else "—"  # type: ignore[arg-type]


def _lookup_form(ctx: PageContext, number: str, code: str) -> str:
    return (
        f'<form method="get" action="{_e(ctx.path)}" class="noprint"><h2>Check a certificate</h2>'
        '<label for="number">Certificate number</label>'
        f'<input id="number" name="number" value="{_e(number)}" autocomplete="off" '
        'placeholder="CPC-2026-000003" maxlength="64">'
        '<label for="code">Verification code</label>'
        f'<input id="code" name="code" value="{_e(code)}" autocomplete="off" '
        'placeholder="MQQH-ANDH-C5XE" maxlength="64">'
        '<div><button type="submit">Check</button></div></form>'
    )


def _upload_form(ctx: PageContext) -> str:
    megabytes = MAX_UPLOAD_BYTES // (1024 * 1024)
    return (
        f'<form method="post" action="{_e(ctx.path)}" enctype="multipart/form-data" class="noprint">'
        "<h2>Check a certificate file</h2>"
        f'<label for="pdf">The certificate PDF you received (at most {megabytes} MB)</label>'
        '<input id="pdf" name="pdf" type="file" accept="application/pdf,.pdf" required>'
        '<div><button type="submit">Check the file</button></div></form>'
    )


def _fingerprint(ctx: PageContext) -> str:
    if not ctx.fingerprint:
        return ""
    return (
        "<h2>The College's signature</h2><p>Certificates are signed digitally by the College. In your PDF "
        "reader, the signing certificate's SHA-256 fingerprint must be:</p>"
        f'<p><code id="fingerprint">{_e(ctx.fingerprint)}</code></p>'
    )


def _document(ctx: PageContext, title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="no-referrer"><title>{_e(title)}</title>'
        f"<style>{STYLE}</style></head><body><main>"
        f"<h1>{_e(ctx.issuer)}: certificate verification</h1>{body}{_fingerprint(ctx)}</main></body></html>"
    )


def _standing_block(standing: Standing) -> str:
    parts = [
        f'<section class="verdict {standing.status.value}" id="verdict" role="status">'
        f'<p><strong id="status">{_e(standing.sentence)}</strong></p></section>'
    ]
    if standing.status is Status.NOT_FOUND:
        parts.append(
            "<p>Check the number and the code as printed on the certificate. If they are right, the "
            "certificate is not one the College issued.</p>"
        )
        return "".join(parts)
    rows = (
        ("Name", standing.member_name, "member_name"),
        ("CPSO number", standing.cpso_number, "cpso_number"),
        ("Class of registration (as certified)", standing.registration_class, "registration_class"),
        ("Status (as certified)", standing.member_status, "member_status"),
        ("Addressed to", standing.addressed_to, "addressed_to"),
        ("Issue date", _date(standing.issue_date), "issue_date"),
        ("Valid until", _date(standing.valid_until), "valid_until"),
    )
    parts.append("<h2>What the certificate states</h2><dl>")
    parts.extend(f'<dt>{_e(label)}</dt><dd id="{key}">{_e(value or "—")}</dd>' for label, value, key in rows)
    parts.append("</dl>")
    now = standing.register_now
    if standing.register_changed_since_issue and now is not None:
        since = f" since {format_date(now.status_since)}" if now.status_since else ""
        changed = standing.change_sentence
        parts.append(
            '<section class="changed" id="register-changed"><h2>The register has changed since issue</h2>'
            f"<p>{_e(changed[:1].upper() + changed[1:])}.</p><p>What the register shows now:</p><dl>"
            f"<dt>Status</dt><dd>{_e(now.member_status + since)}</dd>"
            f"<dt>Class of registration</dt><dd>{_e(now.registration_class)}</dd>"
            f"<dt>Terms, conditions and limitations</dt><dd>{_e(now.terms_conditions or NONE)}</dd>"
            f"<dt>Discipline findings</dt><dd>{_e(now.discipline or NONE)}</dd>"
            f"<dt>Pending investigations</dt><dd>{_e(now.pending_investigations or NONE)}</dd>"
            "</dl></section>"
        )
    return "".join(parts)


def start_page(ctx: PageContext) -> str:
    body = (
        "<p>Enter the number and the verification code printed on a Certificate of Professional Conduct, "
        "or check the PDF file itself.</p>" + _lookup_form(ctx, "", "") + _upload_form(ctx)
    )
    return _document(ctx, "Certificate verification", body)


def standing_page(ctx: PageContext, standing: Standing, number: str, code: str) -> str:
    """The answer to a look-up. For NOT_FOUND nothing but the echo of `number` and `code` depends on the
    input, so a wrong code and an unknown number give the same page."""
    title = (
        "Certificate not found" if standing.status is Status.NOT_FOUND else f"Certificate {standing.number}"
    )
    body = _standing_block(standing) + _lookup_form(ctx, number, code) + _upload_form(ctx)
    return _document(ctx, title, body)


def file_page(ctx: PageContext, verdict: FileVerdict) -> str:
    good = verdict.issued and verdict.signed_by_college
    body = (
        f'<section class="verdict {"valid" if good else "refused"}" id="file-verdict" role="status">'
        f"<p><strong>{_e(verdict.sentence)}</strong></p></section>"
    )
    if good and verdict.standing is not None:
        body += _standing_block(verdict.standing)
    body += _upload_form(ctx)
    return _document(ctx, "Certificate file check", body)


def error_page(ctx: PageContext, title: str, message: str) -> str:
    body = (
        f'<section class="verdict refused" id="verdict" role="alert"><p><strong>{_e(message)}</strong></p>'
        "</section>" + _lookup_form(ctx, "", "")
    )
    return _document(ctx, title, body)
