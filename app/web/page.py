"""The verification page's HTML: one plain, accessible page (no script, readable on a phone, printable),
in English or French, with a link to the other language on every page.

Every value is escaped. The style sheet is inline and allowed by its hash in the Content-Security-Policy,
so the page needs nothing but itself. Texts are literals in `catalogue(language).translate(...)`
(resources/translations/web_fr.ts); the certificate's own words come from app.document.disclosure.
"""

import base64
import hashlib
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from app.document.disclosure import WORDING, Wording
from app.document.file_check import MAX_UPLOAD_BYTES, FileVerdict
from app.document.standing import Standing, Status
from app.i18n import catalogue
from app.language import CertificateLanguage
from app.web.wording import change_sentence, day, file_sentence, member_status, standing_sentence

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
.language{text-align:right;margin:0}
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
    issuer_fr: str = ""  # the issuing body's French name (issuer.name_fr); empty: `issuer`

    def issuer_in(self, language: str) -> str:
        return (self.issuer_fr or self.issuer) if language == "fr" else self.issuer


# Each language's name in itself: the switch offers the other one by the name its readers know it by.
_LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


@dataclass(frozen=True)
class Reader:
    """Who reads this page: in which language, whether they chose it with the switch (?lang=, which the
    forms then carry on) rather than their browser's Accept-Language, and the query the switch repeats
    (the number and the code), so the other language shows the same answer."""

    language: str = "en"
    chosen: bool = False
    keep: tuple[tuple[str, str], ...] = ()

    @property
    def other(self) -> str:
        return "en" if self.language == "fr" else "fr"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _wording(reader: Reader) -> Wording:
    return WORDING[CertificateLanguage(reader.language)]


def _switch(ctx: PageContext, reader: Reader) -> str:
    href = ctx.path + "?" + urlencode([*reader.keep, ("lang", reader.other)])
    return (
        f'<p class="language noprint"><a id="language" href="{_e(href)}" hreflang="{reader.other}" '
        f'lang="{reader.other}">{_LANGUAGE_NAMES[reader.other]}</a></p>'
    )


def _lookup_form(ctx: PageContext, reader: Reader, number: str, code: str) -> str:
    cat = catalogue(reader.language)
    heading = cat.translate("VerificationPage", "Check a certificate")
    number_label = cat.translate("VerificationPage", "Certificate number")
    code_label = cat.translate("VerificationPage", "Verification code")
    button = cat.translate("VerificationPage", "Check")
    carried = f'<input type="hidden" name="lang" value="{reader.language}">' if reader.chosen else ""
    return (
        f'<form method="get" action="{_e(ctx.path)}" class="noprint"><h2>{_e(heading)}</h2>'
        f'<label for="number">{_e(number_label)}</label>'
        f'<input id="number" name="number" value="{_e(number)}" autocomplete="off" '
        'placeholder="CPC-2026-000003" maxlength="64">'
        f'<label for="code">{_e(code_label)}</label>'
        f'<input id="code" name="code" value="{_e(code)}" autocomplete="off" '
        f'placeholder="MQQH-ANDH-C5XE" maxlength="64">{carried}'
        f'<div><button type="submit">{_e(button)}</button></div></form>'
    )


def _upload_form(ctx: PageContext, reader: Reader) -> str:
    cat = catalogue(reader.language)
    megabytes = MAX_UPLOAD_BYTES // (1024 * 1024)
    action = ctx.path + (f"?lang={reader.language}" if reader.chosen else "")
    heading = cat.translate("VerificationPage", "Check a certificate file")
    label = cat.translate("VerificationPage", "The certificate PDF you received (at most {0} MB)")
    button = cat.translate("VerificationPage", "Check the file")
    return (
        f'<form method="post" action="{_e(action)}" enctype="multipart/form-data" class="noprint">'
        f"<h2>{_e(heading)}</h2>"
        f'<label for="pdf">{_e(label.format(megabytes))}</label>'
        '<input id="pdf" name="pdf" type="file" accept="application/pdf,.pdf" required>'
        f'<div><button type="submit">{_e(button)}</button></div></form>'
    )


def _fingerprint(ctx: PageContext, reader: Reader) -> str:
    if not ctx.fingerprint:
        return ""
    cat = catalogue(reader.language)
    explained = cat.translate(
        "VerificationPage",
        "Certificates are signed digitally by the College. In your PDF reader, the signing certificate's "
        "SHA-256 fingerprint must be:",
    )
    heading = cat.translate("VerificationPage", "The College's signature")
    return (
        f"<h2>{_e(heading)}</h2><p>{_e(explained)}</p>"
        f'<p><code id="fingerprint">{_e(ctx.fingerprint)}</code></p>'
    )


def _document(ctx: PageContext, reader: Reader, title: str, body: str) -> str:
    heading = catalogue(reader.language).translate("VerificationPage", "{0}: certificate verification")
    return (
        f'<!DOCTYPE html><html lang="{reader.language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="no-referrer"><title>{_e(title)}</title>'
        f"<style>{STYLE}</style></head><body>{_switch(ctx, reader)}<main>"
        f"<h1>{_e(heading.format(ctx.issuer_in(reader.language)))}</h1>{body}{_fingerprint(ctx, reader)}"
        "</main></body></html>"
    )


def _standing_block(standing: Standing, reader: Reader) -> str:
    cat, words, language = catalogue(reader.language), _wording(reader), reader.language
    parts = [
        f'<section class="verdict {standing.status.value}" id="verdict" role="status">'
        f'<p><strong id="status">{_e(standing_sentence(standing, language))}</strong></p></section>'
    ]
    if standing.status is Status.NOT_FOUND:
        explained = cat.translate(
            "VerificationPage",
            "Check the number and the code as printed on the certificate. If they are right, the "
            "certificate is not one the College issued.",
        )
        parts.append(f"<p>{_e(explained)}</p>")
        return "".join(parts)
    rows = (
        (words.labels["member_name"], standing.member_name, "member_name"),
        (words.labels["cpso_number"], standing.cpso_number, "cpso_number"),
        (
            cat.translate("VerificationPage", "Class of registration (as certified)"),
            standing.registration_class,
            "registration_class",
        ),
        (
            cat.translate("VerificationPage", "Status (as certified)"),
            member_status(standing.member_status, language),
            "member_status",
        ),
        (words.addressed_to, standing.addressed_to, "addressed_to"),
        (words.issue_date, day(standing.issue_date, language), "issue_date"),
        (words.valid_until, day(standing.valid_until, language), "valid_until"),
    )
    states = cat.translate("VerificationPage", "What the certificate states")
    parts.append(f"<h2>{_e(states)}</h2><dl>")
    parts.extend(f'<dt>{_e(label)}</dt><dd id="{key}">{_e(value or "—")}</dd>' for label, value, key in rows)
    parts.append("</dl>")
    now = standing.register_now
    if standing.register_changed_since_issue and now is not None:
        status = member_status(now.member_status, language)
        if now.status_since:
            status = cat.translate("VerificationPage", "{0} since {1}").format(
                status, day(now.status_since, language)
            )
        none = words.none_on_record
        changed = cat.translate("VerificationPage", "The register has changed since issue")
        shows = cat.translate("VerificationPage", "What the register shows now:")
        status_label = cat.translate("VerificationPage", "Status")
        class_label = cat.translate("VerificationPage", "Class of registration")
        parts.append(
            f'<section class="changed" id="register-changed"><h2>{_e(changed)}</h2>'
            f"<p>{_e(change_sentence(standing, language))}</p><p>{_e(shows)}</p><dl>"
            f"<dt>{_e(status_label)}</dt><dd>{_e(status)}</dd>"
            f"<dt>{_e(class_label)}</dt><dd>{_e(now.registration_class)}</dd>"
            f"<dt>{_e(words.labels['terms_conditions'])}</dt><dd>{_e(now.terms_conditions or none)}</dd>"
            f"<dt>{_e(words.labels['discipline'])}</dt><dd>{_e(now.discipline or none)}</dd>"
            f"<dt>{_e(words.labels['pending_investigations'])}</dt>"
            f"<dd>{_e(now.pending_investigations or none)}</dd></dl></section>"
        )
    return "".join(parts)


def start_page(ctx: PageContext, reader: Reader) -> str:
    cat = catalogue(reader.language)
    intro = cat.translate(
        "VerificationPage",
        "Enter the number and the verification code printed on a Certificate of Professional Conduct, "
        "or check the PDF file itself.",
    )
    body = f"<p>{_e(intro)}</p>" + _lookup_form(ctx, reader, "", "") + _upload_form(ctx, reader)
    return _document(ctx, reader, cat.translate("VerificationPage", "Certificate verification"), body)


def standing_page(ctx: PageContext, reader: Reader, standing: Standing, number: str, code: str) -> str:
    """The answer to a look-up. For NOT_FOUND nothing but the echo of `number` and `code` depends on the
    input, so a wrong code and an unknown number give the same page."""
    cat = catalogue(reader.language)
    if standing.status is Status.NOT_FOUND:
        title = cat.translate("VerificationPage", "Certificate not found")
    else:
        title = cat.translate("VerificationPage", "Certificate {0}").format(standing.number)
    body = (
        _standing_block(standing, reader)
        + _lookup_form(ctx, reader, number, code)
        + _upload_form(ctx, reader)
    )
    return _document(ctx, reader, title, body)


def file_page(ctx: PageContext, reader: Reader, verdict: FileVerdict) -> str:
    good = verdict.issued and verdict.signed_by_college
    body = (
        f'<section class="verdict {"valid" if good else "refused"}" id="file-verdict" role="status">'
        f"<p><strong>{_e(file_sentence(verdict, reader.language))}</strong></p></section>"
    )
    if good and verdict.standing is not None:
        body += _standing_block(verdict.standing, reader)
    body += _upload_form(ctx, reader)
    title = catalogue(reader.language).translate("VerificationPage", "Certificate file check")
    return _document(ctx, reader, title, body)


def error_page(ctx: PageContext, reader: Reader, title: str, message: str) -> str:
    body = (
        f'<section class="verdict refused" id="verdict" role="alert"><p><strong>{_e(message)}</strong></p>'
        "</section>" + _lookup_form(ctx, reader, "", "")
    )
    return _document(ctx, reader, title, body)
