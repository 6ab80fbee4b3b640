"""The words of the email that carries a certificate, in the certificate's language: English, French,
or both (English first, then French, as a Canadian regulator writes a bilingual letter).

Only words live here; app.mail.smtp builds the message and checks every value before it gets here.
Dates are written by the certificate's own rule (app.document.disclosure), so the email and the
certificate never give the same date two ways.
"""

import html
from dataclasses import dataclass
from datetime import date

from app.document.disclosure import DOCUMENT_WORDING, WORDING, Wording
from app.language import CertificateLanguage


@dataclass(frozen=True)
class LetterWords:
    """One language's words; `{placeholders}` are filled from the message's checked values."""

    language: CertificateLanguage
    subject: str  # {name} {number}
    greeting: str  # {recipient}
    intro: str  # {issuer} {member} {cpso}
    attached_line: str  # {filename} {issuer}
    certificate_number: str
    valid_until: str
    verification_code: str
    attached: str
    signing_fingerprint: str
    verify_online: str  # {url} {code}
    verify_by_issuer: str  # {code} {issuer}
    automatic: str
    # A copy of a document sent to the member ({document} is its title, as a sentence writes it)
    document_subject: str
    document_greeting: str  # {recipient}
    document_intro: str  # {issuer} {document} {cpso}
    document_attached_line: str  # {filename} {issuer}


_ENGLISH = LetterWords(
    language=CertificateLanguage.EN,
    subject="Certificate of Professional Conduct \u2013 {name} (CPSO #{number})",
    greeting="Dear {recipient},",
    intro=(
        "{issuer} sends you, at the request of the member, a Certificate of Professional Conduct for "
        "{member} (CPSO #{cpso})."
    ),
    attached_line="Attached: {filename} (the certificate, digitally signed by {issuer})",
    certificate_number="Certificate number",
    valid_until="Valid until",
    verification_code="Verification code",
    attached="Attached",
    signing_fingerprint="Signing certificate SHA-256",
    verify_online=(
        "To check that it is genuine and still valid, visit {url} and enter the verification code {code}, "
        "or scan the QR code printed on the certificate."
    ),
    verify_by_issuer="To check that it is genuine, quote the verification code {code} to {issuer}.",
    automatic="This message was sent automatically; please do not reply with personal health information.",
    document_subject="Your {document} {number} (CPSO #{cpso})",
    document_greeting="Dear {recipient},",
    document_intro="{issuer} sends you, as you asked, a copy of your {document} (CPSO #{cpso}).",
    document_attached_line="Attached: {filename} (the document, digitally signed by {issuer})",
)

# Canadian French usage: a no-break space before a colon, none before a semicolon.
_FRENCH = LetterWords(
    language=CertificateLanguage.FR,
    subject="Certificat de conduite professionnelle \u2013 {name} (CPSO no {number})",
    greeting="Madame, Monsieur,",
    intro=(
        "À la demande du membre, {issuer} vous transmet un certificat de conduite professionnelle au nom de "
        "{member} (CPSO no {cpso})."
    ),
    attached_line="Pièce jointe\u00a0: {filename} (le certificat, signé numériquement par {issuer})",
    certificate_number="Numéro du certificat",
    valid_until="Valide jusqu'au",
    verification_code="Code de vérification",
    attached="Pièce jointe",
    signing_fingerprint="Empreinte SHA-256 du certificat de signature",
    verify_online=(
        "Pour vérifier son authenticité et sa validité, rendez-vous à l'adresse {url} et saisissez le code "
        "de vérification {code}, ou balayez le code QR imprimé sur le certificat."
    ),
    verify_by_issuer=(
        "Pour en vérifier l'authenticité, communiquez le code de vérification {code} à {issuer}."
    ),
    automatic=(
        "Ce message a été envoyé automatiquement; veuillez ne pas y répondre en transmettant des "
        "renseignements personnels sur la santé."
    ),
    document_subject="Votre {document} {number} (CPSO no {cpso})",
    document_greeting="Bonjour {recipient},",
    document_intro=(
        "Comme vous l'avez demandé, {issuer} vous transmet une copie de votre {document} (CPSO no {cpso})."
    ),
    document_attached_line=("Pièce jointe\u00a0: {filename} (le document, signé numériquement par {issuer})"),
)

LETTER_WORDS = {CertificateLanguage.EN: _ENGLISH, CertificateLanguage.FR: _FRENCH}
# Put at the top of a bilingual message, in the Canadian way, so a French reader knows to scroll.
FRENCH_FOLLOWS = "(Le français suit.)"
SEPARATOR = "\u2014" * 24


@dataclass(frozen=True)
class LetterValues:
    """What the letter says about one certificate: values already checked by app.mail.smtp."""

    recipient_name: str
    member_name: str
    cpso_number: str
    certificate_number: str
    valid_until: date
    verification_code: str
    filename: str
    issuer_name: str
    verification_url: str
    signature: tuple[str, ...]
    issuer_name_fr: str = ""  # empty: issuer_name in French too
    document: str = (
        ""  # the kind of a copy of a document sent to the member (app.document.kinds); "" for a CPC
    )
    # the signing certificate's SHA-256 as printed on the certificate (colon-separated pairs), "" if unsigned
    signing_fingerprint: str = ""

    def issuer_in(self, language: CertificateLanguage) -> str:
        return (
            (self.issuer_name_fr or self.issuer_name)
            if language == CertificateLanguage.FR
            else self.issuer_name
        )


def letter_signature(
    language: str, registrar_name: str, titles: tuple[str, str], issuer_names: tuple[str, str]
) -> tuple[str, ...]:
    """The lines under the letter: the registrar's name, title and the issuing body, in each language
    written (a French title or name that is not set is the English one; the same line once)."""
    parts = CertificateLanguage(language).parts
    lines = [registrar_name]
    for english, french in (titles, issuer_names):
        lines += [(french or english) if p == CertificateLanguage.FR else english for p in parts]
    return tuple(dict.fromkeys(line for line in lines if line))


def document_title(kind: str, language: CertificateLanguage, in_sentence: bool = False) -> str:
    """A document's title in one language (app.document.disclosure); `in_sentence`: as a sentence writes
    it after "your"/"votre" (French common nouns take a small letter there)."""
    title = DOCUMENT_WORDING[language].titles[kind]
    if in_sentence and language == CertificateLanguage.FR:
        return title[0].lower() + title[1:]
    return title


def _parts(language: str) -> list[tuple[LetterWords, Wording]]:
    return [(LETTER_WORDS[p], WORDING[p]) for p in CertificateLanguage(language).parts]


def letter_subject(
    language: str, member_name: str, cpso_number: str, document: str = "", number: str = ""
) -> str:
    """The subject line; bilingual: the English and the French title, then the member once. A copy of a
    document (`document`, its title) names the document and its `number`."""
    parts = _parts(language)
    if document and len(parts) == 1:
        words = parts[0][0]
        title = document_title(document, words.language, in_sentence=True)
        return words.document_subject.format(document=title, number=number, cpso=cpso_number)
    if document:
        titles = " / ".join(document_title(document, words.language) for words, _w in parts)
        return f"{titles} {number} (CPSO #{cpso_number})"
    if len(parts) == 1:
        return parts[0][0].subject.format(name=member_name, number=cpso_number)
    titles = " / ".join(w.title for _words, w in parts)
    return f"{titles} \u2013 {member_name} (CPSO #{cpso_number})"


def _verify(words: LetterWords, v: LetterValues) -> str:
    if v.verification_url:
        return words.verify_online.format(url=v.verification_url, code=v.verification_code)
    return words.verify_by_issuer.format(code=v.verification_code, issuer=v.issuer_in(words.language))


def _rows(words: LetterWords, wording: Wording, v: LetterValues) -> list[tuple[str, str]]:
    return [
        (words.certificate_number, v.certificate_number),
        (words.valid_until, wording.date(v.valid_until)),
        (words.verification_code, v.verification_code),
        (words.attached, v.filename),
        *([(words.signing_fingerprint, v.signing_fingerprint)] if v.signing_fingerprint else []),
    ]


def _text_block(words: LetterWords, wording: Wording, v: LetterValues) -> list[str]:
    rows = _rows(words, wording, v)
    colon = "\u00a0:" if wording.language == CertificateLanguage.FR else ":"
    attached = words.document_attached_line if v.document else words.attached_line
    return [
        _greeting(words, v),
        "",
        _intro(words, v, v.member_name),
        "",
        attached.format(filename=v.filename, issuer=v.issuer_in(wording.language)),
        *(f"{label}{colon} {value}" for label, value in rows[:3] + rows[4:]),
        "",
        _verify(words, v),
        "",
        words.automatic,
    ]


def letter_text(language: str, v: LetterValues) -> str:
    """The plain-text body: each language's letter, English first, then the signature once."""
    parts = _parts(language)
    lines: list[str] = [FRENCH_FOLLOWS, ""] if len(parts) > 1 else []
    for i, (words, wording) in enumerate(parts):
        if i:
            lines += ["", SEPARATOR, ""]
        lines += _text_block(words, wording, v)
    return "\n".join([*lines, "", *v.signature, ""])


def letter_html(language: str, v: LetterValues) -> str:
    """The HTML body: the same letter(s) as letter_text."""
    e = html.escape
    parts = _parts(language)
    blocks: list[str] = [f"<p>{e(FRENCH_FOLLOWS)}</p>"] if len(parts) > 1 else []
    for i, (words, wording) in enumerate(parts):
        lang = "fr" if wording.language == CertificateLanguage.FR else "en"
        rows = "".join(
            f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th><td>{e(val)}</td></tr>"
            for k, val in _rows(words, wording, v)
        )
        blocks.append(
            ("<hr>" if i else "")
            + f"<div lang='{lang}'>"
            + f"<p>{e(_greeting(words, v))}</p>"
            + f"<p>{_intro_html(words, v)}</p>"
            + f"<table>{rows}</table>"
            + f"<p>{e(_verify(words, v))}</p>"
            + f"<p style='color:#555'>{e(words.automatic)}</p>"
            + "</div>"
        )
    return (
        "<!DOCTYPE html><html><body style='font-family:sans-serif'>"
        + "".join(blocks)
        + f"<p>{'<br>'.join(e(s) for s in v.signature)}</p>"
        + "</body></html>"
    )


def _intro_html(words: LetterWords, v: LetterValues) -> str:
    """The introduction with the member's name in bold (every value escaped)."""
    e = html.escape
    marker = "\x00member\x00"
    text = _intro(words, v, marker)
    if marker not in text:  # a copy of a document names no member
        return e(text)
    before, _, after = text.partition(marker)
    return f"{e(before)}<strong>{e(v.member_name)}</strong>{e(after)}"


def _greeting(words: LetterWords, v: LetterValues) -> str:
    greeting = words.document_greeting if v.document else words.greeting
    return greeting.format(recipient=v.recipient_name)


def _intro(words: LetterWords, v: LetterValues, member: str) -> str:
    """The opening sentence: a CPC sent at the member's request, or a copy of a document sent to them."""
    issuer = v.issuer_in(words.language)
    if v.document:
        title = document_title(v.document, words.language, in_sentence=True)
        return words.document_intro.format(issuer=issuer, document=title, cpso=v.cpso_number)
    return words.intro.format(issuer=issuer, member=member, cpso=v.cpso_number)
