"""The certificate document: what a CPC says (CertificateContent) and how it is drawn as a PDF (reportlab).

Text is set in the TrueType fonts shipped in resources/fonts, chosen per character: each run of text is
drawn in the first font that has every glyph of the run (DejaVu for Latin, Greek and Cyrillic, WenQuanYi
Micro Hei for CJK and Hangul). A character no shipped font can draw is refused before anything is drawn,
so a name is never printed as a box. Signing lives in app.document.signing; this module never imports pyHanko.
"""

import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from itertools import chain, zip_longest
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlencode

from app.document.disclosure import (
    ENGLISH,
    Disclosed,
    PrintedMember,
    Wording,
    disclosed_facts,
    disclosure,
    joined,
    wordings,
)
from app.errors import ValidationError
from app.faults import fault_point
from app.i18n import translate
from app.language import CertificateLanguage
from app.paths import RESOURCES
from app.register.text import is_pictograph
from app.settings import Settings

if TYPE_CHECKING:  # app.store.models brings SQLAlchemy, which the batch workers need not load
    from app.store.models import Certificate

FONT_DIR = RESOURCES / "fonts"
TITLE = ENGLISH.title
# Keys in the PDF document information that carry the number and code, so that verification finds
# them without extracting text. They are also in the Subject/Keywords for people reading the properties.
KEYWORDS_RE = re.compile(
    r"cpc-number=((?:CPC|REG|CARD|DIP)-\d{4}-\d{6})\s+verification-code=([A-Z0-9-]+)"
)  # the copies of documents (REG, CARD, DIP) carry their numbers the same way


@dataclass(frozen=True)
class IssuerDetails:
    """The issuing body as printed: from settings, plain values so that worker processes can take it."""

    name: str
    address_lines: tuple[str, ...]
    logo_path: str = ""  # empty: the built-in demo crest
    registrar_name: str = ""
    registrar_title: str = ""
    signature_image_path: str = ""  # empty: the registrar's name is typed
    verification_url: str = ""
    demo: bool = True
    name_fr: str = ""  # on French and bilingual certificates; empty: `name`
    registrar_title_fr: str = ""  # empty: `registrar_title`

    def name_in(self, language: str) -> str:
        """The issuing body's name as a certificate in `language` (en or fr) writes it."""
        return (self.name_fr or self.name) if language == CertificateLanguage.FR else self.name

    def registrar_title_in(self, language: str) -> str:
        """The registrar's title in `language`; bilingual: both, once when they are the same."""
        titles = [
            (self.registrar_title_fr or self.registrar_title)
            if part == CertificateLanguage.FR
            else self.registrar_title
            for part in CertificateLanguage(language).parts
        ]
        return " / ".join(dict.fromkeys(t for t in titles if t))

    # SHA-256 of the certificate that signs the file (hex), printed in the verification box; filled by
    # the signing step (app.document.signing.issue_document, the batch's render pool)
    signing_fingerprint: str = ""


@dataclass(frozen=True)
class CertificateContent:
    """Everything printed on one certificate; plain values, picklable."""

    number: str
    verification_code: str
    issue_date: date
    valid_until: date
    member_name: str
    cpso_number: str
    registration_class: str
    member_status: str
    initial_registration_date: date
    certificate_expiry_date: date | None
    specialties: tuple[str, ...]
    terms_conditions: str
    discipline: str
    pending_investigations: str
    recipient_name: str
    attention: str
    street_lines: tuple[str, ...]
    city: str
    state: str
    postal_code: str
    country: str  # as printed (English name)
    issuer: IssuerDetails
    # "cpc", or the copy of a document ("registration", "card", "diploma"; app.document.member_documents)
    document: str = "cpc"
    language: str = CertificateLanguage.EN.value  # the recipient's: en, fr or bilingual

    @property
    def verification_link(self) -> str:
        """The URL in the QR code: the configured address with the number and code filled in."""
        base = self.issuer.verification_url
        query = urlencode({"number": self.number, "code": self.verification_code})
        return f"{base}{'&' if '?' in base else '?'}{query}"


def with_signing_fingerprint(content: "CertificateContent", fingerprint: str) -> "CertificateContent":
    """The content with the signing certificate's fingerprint to print (the same content if it has it)."""
    if content.issuer.signing_fingerprint == fingerprint:
        return content
    return replace(content, issuer=replace(content.issuer, signing_fingerprint=fingerprint))


def issuer_from_settings(settings: Settings) -> IssuerDetails:
    address = str(settings.get("issuer.address"))
    return IssuerDetails(
        name=str(settings.get("issuer.name")).strip(),
        address_lines=tuple(line.strip() for line in address.splitlines() if line.strip()),
        logo_path=str(settings.get("issuer.logo")).strip(),
        registrar_name=str(settings.get("registrar.name")).strip(),
        registrar_title=str(settings.get("registrar.title")).strip(),
        signature_image_path=str(settings.get("registrar.signature_image")).strip(),
        verification_url=str(settings.get("verification.url")).strip(),
        demo=bool(settings.get("issuer.demo")),
        name_fr=str(settings.get("issuer.name_fr")).strip(),
        registrar_title_fr=str(settings.get("registrar.title_fr")).strip(),
    )


def country_name(code: str) -> str:
    """The English name of an ISO 3166-1 alpha-2 code as it should appear on an envelope."""
    # lazy: pycountry costs ~30 ms; only a foreign address needs a country name
    import pycountry

    country = pycountry.countries.get(alpha_2=code.strip().upper()) if code.strip() else None
    if country is None:
        return code.strip()
    return str(getattr(country, "common_name", None) or country.name)


class PrintedRecipient(Protocol):
    """The addressee as printed: a RequestRecipient row or the recipient form's values."""

    @property
    def name(self) -> str: ...
    @property
    def attention(self) -> str: ...
    @property
    def street_lines(self) -> list[str]: ...
    @property
    def city(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def postal_code(self) -> str: ...
    @property
    def country(self) -> str: ...
    @property
    def institution_type(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def language(self) -> str: ...


def certificate_content(
    settings: "Settings",
    member: PrintedMember,
    recipient: PrintedRecipient,
    *,
    number: str,
    verification_code: str,
    issue_date: date,
    valid_until: date,
) -> CertificateContent:
    """What a certificate says: the one builder for an issued certificate, a preview and a batch row."""
    facts = disclosed_facts(member)
    return CertificateContent(
        number=number,
        verification_code=verification_code,
        issue_date=issue_date,
        valid_until=valid_until,
        **{f.name: getattr(facts, f.name) for f in fields(facts)},
        recipient_name=recipient.name,
        attention=recipient.attention,
        street_lines=tuple(recipient.street_lines),
        city=recipient.city,
        state=recipient.state,
        postal_code=recipient.postal_code,
        country=country_name(recipient.country),
        issuer=issuer_from_settings(settings),
        language=CertificateLanguage(recipient.language or CertificateLanguage.EN).value,
    )


def content_for_certificate(settings: "Settings", certificate: "Certificate") -> CertificateContent:
    """The content of an issued certificate, from its rows; call it inside an open session."""
    # lazy: keeps SQLAlchemy out of the batch workers' imports (numbering loads the tables)
    from app.store.numbering import document_kind

    recipient = certificate.recipient
    content = certificate_content(
        settings,
        recipient.request.member,
        recipient,
        number=certificate.number,
        verification_code=certificate.verification_code,
        issue_date=certificate.issue_date,
        valid_until=certificate.valid_until,
    )
    kind = document_kind(certificate.number)  # a copy of a document is known by its number's series
    return content if kind == "cpc" else replace(content, document=kind)


# --------------------------------------------------------------------------------------------- fonts

# name -> (file, subfont index of a collection)
_FONT_FILES = {
    "CPC-Sans": ("DejaVuSans.ttf", 0),
    "CPC-Sans-Bold": ("DejaVuSans-Bold.ttf", 0),
    "CPC-Sans-Oblique": ("DejaVuSans-Oblique.ttf", 0),
    "CPC-Serif-Bold": ("DejaVuSerif-Bold.ttf", 0),
    "CPC-CJK": ("wqy-microhei.ttc", 0),
}
# The fallback order for text set in each face: the face, its DejaVu Sans cousin, then CJK.
FALLBACKS = {
    "CPC-Sans": ("CPC-Sans", "CPC-CJK"),
    "CPC-Sans-Bold": ("CPC-Sans-Bold", "CPC-Sans", "CPC-CJK"),
    "CPC-Sans-Oblique": ("CPC-Sans-Oblique", "CPC-Sans", "CPC-CJK"),
    "CPC-Serif-Bold": ("CPC-Serif-Bold", "CPC-Sans-Bold", "CPC-Sans", "CPC-CJK"),
}
# Loaded only when a text needs it: the CJK face costs ~30 MB of parsed tables in every rendering
# process, and most certificates never use it.
_LAZY_FONTS = frozenset({"CPC-CJK"})


class _Coverage(dict[str, frozenset[int]]):
    """Each registered font's code points; a lazy font is registered on first look-up."""

    def __missing__(self, name: str) -> frozenset[int]:
        if name not in _FONT_FILES:
            raise KeyError(name)
        return _load_font(name)


_coverage = _Coverage()


def _load_font(name: str) -> frozenset[int]:
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    filename, index = _FONT_FILES[name]
    path = FONT_DIR / filename
    if not path.exists():
        raise ValidationError(
            "fonts", translate("Document", "the font file {0} is missing; reinstall CPC Desk").format(path)
        )
    font = TTFont(name, str(path), subfontIndex=index)
    # Only reportlab's table parsing uses the glyph-to-characters map; it is ~7 MB for the CJK face.
    font.face.__dict__.pop("glyphToChar", None)
    pdfmetrics.registerFont(font)
    _coverage[name] = frozenset(font.face.charToGlyph)
    return _coverage[name]


def _register_fonts() -> dict[str, frozenset[int]]:
    """Register the shipped fonts with reportlab once per process; returns each font's code points
    (the lazy ones are registered when first looked up)."""
    if _coverage:
        return _coverage
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab import rl_config

    # Binary (compressed) streams instead of ASCII85 text: smaller files, less work per page.
    rl_config.useA85 = 0
    for name in _FONT_FILES:
        if name not in _LAZY_FONTS:
            _load_font(name)
    return _coverage


_eager_coverage: frozenset[int] | None = None


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _texts(getattr(value, f.name))


def needs_lazy_font(content: CertificateContent) -> bool:
    """Whether drawing `content` loads a font kept off the start (the CJK face, ~30 MB): a batch sends
    such certificates to its worker process, so the issuing process never has to load it."""
    global _eager_coverage
    if _eager_coverage is None:
        coverage = _register_fonts()
        _eager_coverage = frozenset().union(*(coverage[n] for n in _FONT_FILES if n not in _LAZY_FONTS))
    eager = _eager_coverage
    return any(ord(ch) not in eager and _needs_glyph(ch) for text in _texts(content) for ch in text)


# Characters that never need a glyph: line and paragraph structure, joiners, variation selectors.
_INVISIBLE = {"\n", "\r", "\t", "\u200b", "\u200c", "\u200d", "\ufe0e", "\ufe0f"}


def _needs_glyph(ch: str) -> bool:
    return ch not in _INVISIBLE


def _bidi_refused(ch: str) -> bool:
    # reportlab lays text out left to right without shaping; a right-to-left name would print
    # reversed, which is worse than refusing it with a clear message.
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _char_label(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def _runs(text: str, face: str, field: str) -> Iterator[tuple[str, str]]:
    """Split `text` into (font, run) pairs, each run drawn in the first font of the chain that has it."""
    coverage = _register_fonts()
    chain = FALLBACKS[face]
    # Fast path, the usual case: the face itself has every character of the text.
    chars = set(text)
    if not (chars - coverage[face] - _INVISIBLE) and not any(_bidi_refused(ch) for ch in chars):
        if text:
            yield face, text
        return
    current_font = ""
    current: list[str] = []
    for ch in text:
        if ch.isspace() or not _needs_glyph(ch):
            font = current_font or face
        else:
            if _bidi_refused(ch):
                raise ValidationError(
                    field,
                    translate(
                        "Document",
                        "contains {0}, a right-to-left character that the certificate "
                        "cannot print correctly; enter the name as registered in Latin "
                        "letters",
                    ).format(_char_label(ch)),
                )
            if is_pictograph(ch):
                raise ValidationError(
                    field,
                    translate(
                        "Document", "contains {0}, an emoji or pictograph, which a certificate does not print"
                    ).format(_char_label(ch)),
                )
            font = next((f for f in chain if ord(ch) in coverage[f]), "")
            if not font:
                raise ValidationError(
                    field,
                    translate(
                        "Document",
                        "contains the character {0}, which no font of the certificate "
                        "can draw; correct the text or remove the character",
                    ).format(_char_label(ch)),
                )
        if font != current_font and current:
            yield current_font, "".join(current)
            current = []
        current_font = font
        current.append(ch)
    if current:
        yield current_font, "".join(current)


def _printable_fields(content: CertificateContent) -> Iterator[tuple[str, str, str]]:
    """(field name, text, face) of everything that is printed as text."""
    for f in fields(content):
        value = getattr(content, f.name)
        if isinstance(value, str):
            yield f.name, value, "CPC-Sans-Bold"
        elif isinstance(value, tuple):
            for item in value:
                yield f.name, str(item), "CPC-Sans-Bold"
    issuer = content.issuer
    for f in fields(issuer):
        value = getattr(issuer, f.name)
        if f.name.endswith("_path"):
            continue
        if isinstance(value, str):
            yield f"issuer.{f.name}", value, "CPC-Serif-Bold"
        elif isinstance(value, tuple):
            for item in value:
                yield f"issuer.{f.name}", str(item), "CPC-Sans"


_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Text every face draws for certain (DejaVu's Basic Latin, Latin-1 and Latin Extended-A): checked without
# loading a font, so a batch's check of each row costs its main process neither time nor the fonts' memory.
_SURELY_DRAWN = re.compile("[\t\n\r\x20-\x7e\xa0-\u017f]*")


def check_renderable(content: CertificateContent) -> None:
    """Raise ValidationError naming the field and the character when something cannot be printed."""
    for field_name, text, face in _printable_fields(content):
        # The control characters (category Cc) other than line breaks and tabs, found in one scan: a batch
        # checks every row this way before numbering it.
        control = _CONTROL_CHARS.search(text)
        if control is not None:
            raise ValidationError(
                field_name,
                translate("Document", "contains a control character ({0})").format(
                    _char_label(control.group())
                ),
            )
        if _SURELY_DRAWN.fullmatch(text):
            continue
        # Every face's chain ends in the same fallbacks: checking through one chain is enough.
        _cached_runs(text, face, field_name)
    for field_name, value in (
        ("number", content.number),
        ("verification_code", content.verification_code),
    ):
        if not value.strip():
            raise ValidationError(field_name, translate("Document", "is required on a certificate"))


# --------------------------------------------------------------------------------------------- layout

NAVY = (0.09, 0.17, 0.33)
GREY = (0.35, 0.37, 0.40)
RULE = (0.70, 0.74, 0.80)
TINT = (0.94, 0.95, 0.97)

PAGE_MARGIN = 50.0
# Taller than this, the member and address blocks are stacked instead of set side by side (a table
# row cannot break across pages).
SIDE_BY_SIDE_MAX_HEIGHT = 300.0


@dataclass
class _Styles:
    body: Any
    small: Any
    label: Any
    row_label: Any
    value: Any
    value_plain: Any
    heading: Any
    heading_compact: Any  # a section's label in its own column on a bilingual certificate
    title: Any
    title_second: Any  # the French title under the English one on a bilingual certificate
    subtitle: Any
    issuer: Any
    issuer_address: Any
    fact_label: Any
    fact_value: Any
    none: Any
    explain: Any
    signature: Any
    cjk_names: Any


_styles: _Styles | None = None


def _get_styles() -> _Styles:
    global _styles
    if _styles is not None:
        return _styles
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.lib.colors import Color
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    navy, grey = Color(*NAVY), Color(*GREY)
    body = ParagraphStyle("body", fontName="CPC-Sans", fontSize=9, leading=12)
    _styles = _Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=grey),
        label=ParagraphStyle("label", parent=body, fontSize=8.5, leading=11, textColor=grey),
        row_label=ParagraphStyle("row_label", parent=body, fontSize=8.5, leading=12, textColor=grey),
        value=ParagraphStyle("value", parent=body, fontName="CPC-Sans-Bold", fontSize=9.5, leading=12),
        value_plain=ParagraphStyle("value_plain", parent=body, fontSize=9.5, leading=12),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName="CPC-Serif-Bold",
            fontSize=10.5,
            leading=13,
            textColor=navy,
            spaceBefore=7,
            spaceAfter=2,
        ),
        heading_compact=ParagraphStyle(
            "heading_compact",
            parent=body,
            fontName="CPC-Serif-Bold",
            fontSize=8.5,
            leading=10.5,
            textColor=navy,
        ),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName="CPC-Serif-Bold",
            fontSize=19,
            leading=23,
            alignment=TA_CENTER,
            textColor=navy,
        ),
        title_second=ParagraphStyle(
            "title_second",
            parent=body,
            fontName="CPC-Serif-Bold",
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
            textColor=navy,
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=8.5, leading=11, alignment=TA_CENTER, textColor=grey
        ),
        issuer=ParagraphStyle(
            "issuer", parent=body, fontName="CPC-Serif-Bold", fontSize=14, leading=17, textColor=navy
        ),
        issuer_address=ParagraphStyle("issuer_address", parent=body, fontSize=8, leading=10, textColor=grey),
        fact_label=ParagraphStyle(
            "fact_label",
            parent=body,
            fontSize=7.5,
            leading=9,
            textColor=grey,
            alignment=TA_CENTER,
            spaceAfter=3,
        ),
        fact_value=ParagraphStyle(
            "fact_value",
            parent=body,
            fontName="CPC-Sans-Bold",
            fontSize=11,
            leading=14,
            alignment=TA_CENTER,
            textColor=navy,
        ),
        none=ParagraphStyle("none", parent=body, fontName="CPC-Sans-Bold", fontSize=9.5, leading=12),
        explain=ParagraphStyle("explain", parent=body, fontSize=8.5, leading=11, textColor=grey),
        signature=ParagraphStyle(
            "signature", parent=body, fontName="CPC-Sans-Oblique", fontSize=15, leading=19, textColor=navy
        ),
        cjk_names=body,
    )
    return _styles


_compact: _Styles | None = None


def _get_compact_styles() -> _Styles:
    """The styles of a bilingual certificate: the same faces, a little smaller and tighter (never under
    8 pt for text a reader must read), so that twice the words keep to one page where the content allows."""
    global _compact
    if _compact is not None:
        return _compact
    from reportlab.lib.styles import ParagraphStyle

    base = _get_styles()

    def smaller(style: Any, size: float, leading: float, **more: Any) -> Any:
        return ParagraphStyle(f"{style.name}_compact", parent=style, fontSize=size, leading=leading, **more)

    _compact = replace(
        base,
        body=smaller(base.body, 8.5, 10),
        small=smaller(base.small, 7.5, 9),
        label=smaller(base.label, 8, 10),
        row_label=smaller(base.row_label, 8, 9.5),
        value=smaller(base.value, 9, 11),
        value_plain=smaller(base.value_plain, 9, 11),
        heading=smaller(base.heading, 9.5, 12, spaceBefore=2, spaceAfter=1),
        title=smaller(base.title, 16, 19),
        title_second=smaller(base.title_second, 13, 15.5),
        subtitle=smaller(base.subtitle, 8, 10),
        fact_value=smaller(base.fact_value, 9.5, 11.5),
        none=smaller(base.none, 8.5, 10.5),
        explain=smaller(base.explain, 8, 9),
        signature=smaller(base.signature, 14, 17),
    )
    return _compact


def demo_crest(size: float = 58.0) -> Any:
    """The built-in demo crest: a shield with a staff of Asclepius, drawn straight on the canvas."""
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.platypus import Flowable

    class Crest(Flowable):  # type: ignore[misc]
        def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
            return size, size

        def draw(self) -> None:
            c = self.canv
            c.saveState()
            c.scale(size / 100.0, size / 100.0)
            c.setFillColorRGB(*NAVY)
            c.setStrokeColorRGB(0.78, 0.62, 0.24)
            c.setLineWidth(3)
            shield = c.beginPath()
            points = [(50, 98), (92, 86), (90, 45), (78, 22), (50, 2), (22, 22), (10, 45), (8, 86)]
            shield.moveTo(*points[0])
            for point in points[1:]:
                shield.lineTo(*point)
            shield.close()
            c.drawPath(shield, stroke=1, fill=1)
            c.setStrokeColorRGB(1, 1, 1)
            c.setLineWidth(5)
            c.line(50, 18, 50, 84)
            # The serpent: a zig-zag around the staff.
            c.setStrokeColorRGB(0.78, 0.62, 0.24)
            c.setLineWidth(4)
            snake = [(40, 26), (60, 36), (40, 46), (60, 56), (40, 66), (58, 74)]
            c.lines([(x1, y1, x2, y2) for (x1, y1), (x2, y2) in zip(snake, snake[1:], strict=False)])
            c.setFillColorRGB(0.78, 0.62, 0.24)
            c.circle(60, 76, 4.5, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont("CPC-Serif-Bold", 8)
            c.drawCentredString(50, 88, "CPC")
            c.restoreState()

    return Crest()


@functools.cache
def _gf_tables() -> tuple[list[int], list[int]]:
    """Exponent and logarithm tables of GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1."""
    exp, log = [0] * 512, [0] * 256
    value = 1
    for i in range(255):
        exp[i] = value
        log[value] = i
        value <<= 1
        if value & 0x100:
            value ^= 0x11D
    for i in range(255, 512):
        exp[i] = exp[i - 255]
    return exp, log


@functools.cache
def _rs_generator(ec_count: int) -> tuple[int, ...]:
    """The Reed-Solomon generator polynomial for `ec_count` error-correction codewords (highest first)."""
    exp, log = _gf_tables()
    poly = [1]
    for i in range(ec_count):
        nxt = [0] * (len(poly) + 1)
        for j, coefficient in enumerate(poly):
            nxt[j] ^= coefficient
            if coefficient:
                nxt[j + 1] ^= exp[log[coefficient] + i]
        poly = nxt
    return tuple(poly)


def _rs_remainder(data: list[int], ec_count: int) -> list[int]:
    exp, log = _gf_tables()
    generator = [log[c] if c else -1 for c in _rs_generator(ec_count)[1:]]
    remainder = [0] * ec_count
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = remainder[1:] + [0]
        if factor:
            lf = log[factor]
            for k, lg in enumerate(generator):
                if lg >= 0:
                    remainder[k] ^= exp[lf + lg]
    return remainder


def _qr_codewords(qr: Any) -> list[int]:
    """The data and error-correction codewords of a QR code, interleaved: what reportlab's
    QRCode.createData computes, with cached generator polynomials (it rebuilds one per block)."""

    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.graphics.barcode import qrencoder

    blocks = qrencoder.QRRSBlock.getRSBlocks(qr.version, qr.errorCorrectLevel)
    buffer = qrencoder.QRBitBuffer()
    for data in qr.dataList:
        data.write(buffer, qr.version)
    capacity = sum(b.dataCount for b in blocks) * 8
    if buffer.getLengthInBits() > capacity:
        raise ValidationError(
            "verification.url", translate("Document", "is too long to fit in the certificate's QR code")
        )
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = (0xEC, 0x11)
    i = 0
    while buffer.getLengthInBits() < capacity:
        buffer.put(pads[i % 2], 8)
        i += 1
    data_blocks, ec_blocks = [], []
    offset = 0
    for block in blocks:
        chunk = list(buffer.buffer[offset : offset + block.dataCount])
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_rs_remainder(chunk, block.totalCount - block.dataCount))
    return [
        d
        for group in chain(zip_longest(*data_blocks), zip_longest(*ec_blocks))
        for d in group
        if d is not None
    ]


def qr_modules(text: str) -> list[list[bool]]:
    """The QR code (error correction M) for `text`, as rows of dark/light modules.

    Mask pattern 0 is used instead of scoring all eight: every mask gives a valid, readable code, and
    the scoring is most of the cost of making one.
    """
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.dataCache = _qr_codewords(qr)
    qr.makeImpl(False, 0)
    return [[bool(v) for v in row] for row in qr.modules]


def _qr_flowable(text: str, size: float) -> Any:
    """A QR code drawn as one filled path of horizontal runs (far cheaper than one shape per module)."""
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.platypus import Flowable

    modules = qr_modules(text)

    class QrCode(Flowable):  # type: ignore[misc]
        def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
            return size, size

        def draw(self) -> None:
            border = 2
            count = len(modules)
            box = size / (count + 2 * border)
            canvas = self.canv
            canvas.saveState()
            # One unit = one module, origin at the top-left module: every rectangle has whole-number
            # coordinates and goes into the page as one literal block of "re" operators.
            canvas.transform(box, 0, 0, box, border * box, size - border * box)
            ops = []
            for r, row in enumerate(modules):
                c = 0
                while c < count:
                    if row[c]:
                        start = c
                        while c < count and row[c]:
                            c += 1
                        ops.append(f"{start} {-r - 1} {c - start} 1 re")
                    else:
                        c += 1
            canvas.setFillColorRGB(0, 0, 0)
            canvas.addLiteral("\n".join(ops) + "\nf")
            canvas.restoreState()

    return QrCode()


def _image(path: str, field: str, max_w: float, max_h: float) -> Any:
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    p = Path(path).expanduser()
    try:
        reader = ImageReader(str(p))
        w, h = reader.getSize()
    except Exception:  # noqa: BLE001 - PIL raises many kinds for a bad image; staff need one sentence
        raise ValidationError(
            field, translate("Document", "the image {0} cannot be read (use a PNG or JPEG file)").format(p)
        ) from None
    scale = min(max_w / w, max_h / h)
    return Image(str(p), width=w * scale, height=h * scale)


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80 and unicodedata.east_asian_width(ch) in ("W", "F")


# While not None, every text set on the page is recorded here as (face, text): see certificate_lines.
_printed: list[tuple[str, str]] | None = None


def _record(face: str, text: str) -> str:
    if _printed is not None:
        _printed.append((face, text))
    return text


Run = tuple[str, str]  # (font name, text)


@functools.lru_cache(maxsize=8192)
def _cached_runs(text: str, face: str, field: str) -> tuple[Run, ...]:
    return tuple(_runs(unicodedata.normalize("NFC", text), face, field))


def _width(runs: Iterable[Run], size: float) -> float:
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(sum(stringWidth(text, font, size) for font, text in runs))


def _slice(runs: list[Run], start: int, end: int) -> list[Run]:
    """The characters start..end of a run list, as runs."""
    out: list[Run] = []
    pos = 0
    for font, text in runs:
        a, b = max(start, pos), min(end, pos + len(text))
        if a < b:
            out.append((font, text[a - pos : b - pos]))
        pos += len(text)
    return out


def _merge(runs: Iterable[Run]) -> list[Run]:
    out: list[Run] = []
    for font, text in runs:
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + text)
        elif text:
            out.append((font, text))
    return out


class _Text:
    """A wrapped block of text in one style, each run in the font that has its glyphs.

    Built for the certificate instead of reportlab's Paragraph: the text needs no inline markup (the
    font runs are known beforehand), so there is nothing to parse, and lines are broken greedily at
    spaces; a word wider than the line is split between characters, and mostly-CJK text may break
    between any two characters. Text that does not fit the frame splits between lines.
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        # Defined on first use so that importing this module never imports reportlab.
        return _text_class()(*args, **kwargs)


@functools.cache
def _text_class() -> type:
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.platypus import Flowable

    class Text(Flowable):  # type: ignore[misc]
        def __init__(self, runs: list[Run], style: Any, lines: list[list[Run]] | None = None) -> None:
            super().__init__()
            self.runs = runs
            self.style = style
            self.lines = lines
            self._wrapped_for = -1.0 if lines is None else None
            visible = "".join(t for _f, t in runs).replace(" ", "")
            self.cjk_wrap = (
                bool(visible)
                and max(visible) >= "\u2e80"
                and sum(_is_cjk(ch) for ch in visible) * 2 > len(visible)
            )

        def _break(self, avail: float) -> list[list[Run]]:
            size = self.style.fontSize
            if _width(self.runs, size) <= avail:  # the usual case: one line
                return [list(self.runs)]
            text = "".join(t for _f, t in self.runs)
            # Break opportunities: after each space, and between CJK characters in CJK text.
            pieces: list[tuple[int, int]] = []
            start = 0
            for i, ch in enumerate(text):
                if ch == " ":
                    pieces.append((start, i + 1))
                    start = i + 1
                elif self.cjk_wrap and _is_cjk(ch):
                    if start < i:
                        pieces.append((start, i))
                    pieces.append((i, i + 1))
                    start = i + 1
            if start < len(text):
                pieces.append((start, len(text)))
            lines: list[list[Run]] = []
            line: list[Run] = []
            line_width = 0.0
            for a, b in pieces:
                piece = _slice(self.runs, a, b)
                width = _width(piece, size)
                trimmed = _width(_slice(self.runs, a, b - 1), size) if text[b - 1] == " " else width
                if line and line_width + trimmed > avail:
                    lines.append(line)
                    line, line_width = [], 0.0
                if not line and trimmed > avail:
                    # A word longer than the whole line: cut it between characters.
                    cut = a
                    for end in range(a + 1, b + 1):
                        if _width(_slice(self.runs, cut, end), size) > avail and end - 1 > cut:
                            lines.append(_slice(self.runs, cut, end - 1))
                            cut = end - 1
                    piece = _slice(self.runs, cut, b)
                    width = _width(piece, size)
                line.extend(piece)
                line_width += width
            if line:
                lines.append(line)
            return [_merge(ln) for ln in lines] or [[]]

        def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
            if self._wrapped_for is not None and self._wrapped_for != avail_width:
                self.lines = self._break(avail_width)
                self._wrapped_for = avail_width
            self.width = avail_width
            self.height = len(self.lines or [[]]) * self.style.leading
            return self.width, self.height

        def split(self, avail_width: float, avail_height: float) -> list[Any]:
            self.wrap(avail_width, avail_height)
            lines = self.lines or []
            fit = int(avail_height // self.style.leading)
            if fit <= 0 or fit >= len(lines):
                return []  # nothing fits here (or all of it does, and the frame will not ask)
            first, rest = lines[:fit], lines[fit:]
            return [Text(self.runs, self.style, first), Text(self.runs, self.style, rest)]

        def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
            return float(self.style.spaceBefore)

        def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
            return float(self.style.spaceAfter)

        def draw(self) -> None:
            style = self.style
            size, leading = style.fontSize, style.leading
            canvas = self.canv
            canvas.setFillColor(style.textColor)
            for i, line in enumerate(self.lines or []):
                while line and line[-1][1].endswith(" "):
                    font, text = line[-1]
                    line = [*line[:-1], (font, text.rstrip(" "))] if text.strip() else line[:-1]
                x = 0.0
                if style.alignment == 1:  # centred
                    x = (self.width - _width(line, size)) / 2
                # Lines of the same leading share baselines whatever their size (label and value rows).
                text_object = canvas.beginText(x, self.height - i * leading - max(size, 0.8 * leading))
                for font, text in line:
                    text_object.setFont(font, size)
                    text_object.textOut(text)
                canvas.drawText(text_object)

    return Text


def _columns(
    columns: list[tuple[float, list[Any]]],
    *,
    valign: str = "TOP",
    pad: tuple[float, float, float, float] = (0, 0, 0, 0),
    gap: float = 0,
    background: Any = None,
    border: Any = None,
    rule_below: tuple[float, Any] | None = None,
    dividers: tuple[float, Any] | None = None,
) -> Any:
    """Flowables set side by side in fixed-width columns (never split across pages): a light stand-in
    for a one-row Table. pad is (left, top, right, bottom); gap is the space before every column but the
    first; rule_below draws a line under the whole row."""
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.platypus import Flowable

    left, top, right, bottom = pad

    class Columns(Flowable):  # type: ignore[misc]
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.heights: list[float] = []
            self.item_heights: list[list[float]] = []
            for i, (width, items) in enumerate(columns):
                inner = (
                    width
                    - (gap if i else 0)
                    - (left if i == 0 else 0)
                    - (right if i == len(columns) - 1 else 0)
                )
                height = 0.0
                sizes = []
                for j, item in enumerate(items):
                    _w, h = item.wrap(inner, avail_height)
                    sizes.append(h)
                    height += h + item.getSpaceAfter() + (item.getSpaceBefore() if j else 0)
                self.heights.append(height)
                self.item_heights.append(sizes)
            self.width = sum(w for w, _items in columns)
            self.height = top + max(self.heights, default=0) + bottom
            return self.width, self.height

        def draw(self) -> None:
            canvas = self.canv
            if background is not None or border is not None:
                canvas.saveState()
                if background is not None:
                    canvas.setFillColor(background)
                if border is not None:
                    canvas.setStrokeColor(border)
                    canvas.setLineWidth(0.75)
                canvas.rect(
                    0, 0, self.width, self.height, stroke=border is not None, fill=background is not None
                )
                canvas.restoreState()
            if dividers is not None:
                canvas.saveState()
                canvas.setLineWidth(dividers[0])
                canvas.setStrokeColor(dividers[1])
                x = 0.0
                for width, _items in columns[:-1]:
                    x += width
                    canvas.line(x, 0, x, self.height)
                canvas.restoreState()
            if rule_below is not None:
                canvas.saveState()
                canvas.setLineWidth(rule_below[0])
                canvas.setStrokeColor(rule_below[1])
                canvas.line(0, 0, self.width, 0)
                canvas.restoreState()
            x = 0.0
            for i, (width, items) in enumerate(columns):
                col_x = x + (gap if i else 0) + (left if i == 0 else 0)
                free = self.height - top - bottom - self.heights[i]
                y = (
                    self.height
                    - top
                    - (free / 2 if valign == "MIDDLE" else free if valign == "BOTTOM" else 0)
                )
                for j, item in enumerate(items):
                    if j:
                        y -= item.getSpaceBefore()
                    y -= self.item_heights[i][j]
                    item.drawOn(canvas, col_x, y)
                    y -= item.getSpaceAfter()
                x += width

    return Columns()


def _para(text: str, style: Any, field: str = "text") -> Any:
    """One block of text in `style`; raises ValidationError (naming `field`) for an unprintable character."""
    _record(style.fontName, text)
    return _Text(list(_cached_runs(text, style.fontName, field)), style)


def _label_value(label: str, value: str, field: str, style: Any) -> Any:
    """One line "Label: value" with the value in bold."""
    _record(style.fontName, label)
    _record("CPC-Sans-Bold", value)
    runs = [*_cached_runs(label + " ", style.fontName, "text"), *_cached_runs(value, "CPC-Sans-Bold", field)]
    return _Text(_merge(runs), style)


def _lead_in(lead: str, text: str, style: Any, field: str) -> Any:
    """One paragraph in `style` that starts with `lead` in bold ("None on record. The register ...")."""
    _record("CPC-Sans-Bold", lead)
    _record(style.fontName, text)
    runs = [*_cached_runs(lead + " ", "CPC-Sans-Bold", field), *_cached_runs(text, style.fontName, field)]
    return _Text(_merge(runs), style)


def _paras(text: str, style: Any, field: str) -> list[Any]:
    """One Paragraph per paragraph of a long text (blank lines or line breaks separate them)."""
    chunks = [c.strip() for c in re.split(r"\n", text) if c.strip()]
    return [_para(c, style, field) for c in chunks]


def _section(item: Disclosed, text: str, st: _Styles, width: float) -> list[Any]:
    from reportlab.platypus import CondPageBreak, KeepTogether

    head = _para(item.label, st.heading)
    if text.strip():
        body = _paras(text, st.value_plain, item.field)
        # Keep the heading with at least three lines of its text; long text flows on to the next page.
        room = st.heading.spaceBefore + st.heading.leading + 3 * st.value_plain.leading
        return [CondPageBreak(room), head, *body]
    # "None on record." and its sentence, in each language written; bilingual: English and French side
    # by side, which keeps a bilingual certificate as short as the content allows.
    pairs = list(zip(item.values or (item.value,), item.explanations or (item.explanation,), strict=True))
    blocks = [[_para(value, st.none), _para(explanation, st.explain)] for value, explanation in pairs]
    if len(blocks) == 1:
        return [KeepTogether([head, *blocks[0]])]
    # Bilingual: one row of three columns, the label in each language, then each language's "None on
    # record." run into its sentence (the shortest a section can be and still say it all).
    gap, label_width = 10.0, 112.0
    column = (width - label_width - gap * len(pairs)) / len(pairs)
    labels = [_para(item.label, st.heading_compact)]
    texts = [[_lead_in(value, explanation, st.explain, item.field)] for value, explanation in pairs]
    row = _columns(
        [(label_width, labels), *((column + gap, t) for t in texts)],
        gap=gap,
        pad=(0, st.heading.spaceBefore, 0, 0),
    )
    return [row]


def _colon_label(language: str, pick: Any) -> str:
    """A label ending in a colon ("Verification code:"); bilingual: "Verification code / Code de
    vérification:" (each language's own colon spacing when it stands alone)."""
    labels = [str(pick(w)) for w in wordings(language)]
    if len(labels) == 1:
        return labels[0]
    return " / ".join(label.rstrip(" :\u00a0") for label in labels) + ":"


def _address_lines(c: CertificateContent) -> list[tuple[str, str]]:
    lines = [("recipient_name", c.recipient_name)]
    if c.attention:
        # One form of the line, in the certificate's first language ("Attention" on a bilingual one).
        wording = wordings(c.language)[0]
        lines.append(("attention", wording.attention.format(attention=c.attention)))
    lines += [("street_lines", s) for s in c.street_lines]
    city_line = " ".join(p for p in (c.city, c.state, c.postal_code) if p)
    if city_line:
        lines.append(("city", city_line))
    if c.country:
        lines.append(("country", c.country.upper()))
    return lines


def _estimated_lines(text: str, chars_per_line: int) -> int:
    width = sum(2 if _is_cjk(ch) else 1 for ch in text)
    return max(1, -(-width // chars_per_line))


def _estimated_height(
    member_rows: list[tuple[str, str, str]], address: list[tuple[str, str]], bilingual: bool = False
) -> float:
    """A generous estimate of the taller of the side-by-side member and address columns, in points
    (measuring them would lay out the whole table once more for every certificate)."""
    if bilingual:  # narrower values, and labels in two languages that wrap
        member = sum(
            max(_estimated_lines(value, 24), _estimated_lines(label, 24)) for label, value, _f in member_rows
        )
        member = member * 12 + 3 * len(member_rows)
    else:
        member = sum(_estimated_lines(value, 30) for _label, value, _f in member_rows) * 12
        member += 3 * len(member_rows)
    addressee = sum(_estimated_lines(text, 30) for _f, text in address) * 12
    return 16 + max(member, addressee)


def _story(c: CertificateContent, width: float) -> list[Any]:
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.lib.colors import Color
    from reportlab.platypus import HRFlowable, KeepTogether, Spacer

    issuer = c.issuer
    language = c.language
    words: tuple[Wording, ...] = wordings(language)
    bilingual = len(words) > 1
    st = _get_compact_styles() if bilingual else _get_styles()
    navy, rule, tint = Color(*NAVY), Color(*RULE), Color(*TINT)
    story: list[Any] = []

    # --- letterhead
    # Bilingual: tighter throughout (smaller crest and spaces), so that the usual content keeps to one page.
    crest = 46 if bilingual else 58
    space = 0.5 if bilingual else 1.0  # the spaces between blocks
    logo = (
        _image(issuer.logo_path, "issuer.logo", crest + 6, crest + 6)
        if issuer.logo_path
        else demo_crest(crest)
    )
    # The issuing body's name in each language written (once when it has no French name).
    names = list(dict.fromkeys(issuer.name_in(w.language) for w in words))
    head_text = [_para(name, st.issuer, "issuer.name") for name in names]
    head_text += [_para(line, st.issuer_address, "issuer.address") for line in issuer.address_lines]
    letterhead = _columns(
        [(crest + 14, [logo]), (width - crest - 14, head_text)],
        valign="MIDDLE",
        pad=(0, 0, 0, 6 if bilingual else 8),
        rule_below=(1.5, navy),
    )
    story += [letterhead, Spacer(1, 10 * space)]

    # --- title and the three key facts (bilingual: the French title under the English one)
    for i, w in enumerate(words):
        story.append(_para(w.title, st.title_second if i else st.title))
    for w in words:
        story.append(_para(w.subtitle.format(issuer=issuer.name_in(w.language)), st.subtitle, "issuer.name"))
    story.append(Spacer(1, 8 * space))

    def fact(pick: Any, values: list[str], field: str) -> list[Any]:
        # Bilingual: each language's value on its own line (a date is written differently in each).
        label = _para(joined(language, pick), st.fact_label)
        return [label, *(_para(v, st.fact_value, field) for v in dict.fromkeys(values))]

    # Bilingual: the addressee beside the three facts, so that the member's facts can take the full width
    # with each pair of labels on one line.
    facts_width = width * 0.61 if bilingual else width
    facts = _columns(
        [
            (facts_width / 3, fact(lambda w: w.certificate_number, [c.number], "number")),
            (
                facts_width / 3,
                fact(lambda w: w.issue_date, [w.date(c.issue_date) for w in words], "issue_date"),
            ),
            (
                facts_width / 3,
                fact(lambda w: w.valid_until, [w.date(c.valid_until) for w in words], "valid_until"),
            ),
        ],
        pad=(0, 6, 0, 6),
        background=tint,
        border=rule,
        dividers=(0.5, rule),
    )

    # --- addressee and member, side by side
    address = [_para(joined(language, lambda w: w.addressed_to), st.heading)]
    address += [
        _para(text, st.value if f == "recipient_name" else st.value_plain, f) for f, text in _address_lines(c)
    ]
    if bilingual:
        address[0] = _para(joined(language, lambda w: w.addressed_to), st.heading_compact)
        story += [_columns([(facts_width, [facts]), (width - facts_width, address)], gap=14), Spacer(1, 2)]
    else:
        story += [facts, Spacer(1, 8)]
    disclosed = disclosure(c, language)
    member_rows = [
        (
            d.label,
            " ".join(f"{v} {e}".strip() for v, e in zip(d.values, d.explanations, strict=True))
            if d.explanation
            else d.value,
            d.field,
        )
        for d in disclosed
        if not d.section
    ]
    # Wide enough for the longest labels on one or two lines ("Numéro de membre (CPSO)").
    label_width = 130 if bilingual else 125 if language == CertificateLanguage.FR else 100
    # French labels fill their column: a little space keeps a label's last word off the value.
    label_gap = 0.0 if language == CertificateLanguage.EN else 6.0

    def member_block(total: float, label_width: float) -> list[Any]:
        # One row per fact, each free to go to the next page when the block is set full width.
        rows = [
            _columns(
                [
                    (label_width, [_para(label, st.row_label)]),
                    (total - label_width, [_para(value, st.value, f)]),
                ],
                pad=(0, 2 * space, 0, 2 * space),
                gap=label_gap,
                rule_below=(0.25, rule) if i < len(member_rows) - 1 else None,
            )
            for i, (label, value, f) in enumerate(member_rows)
        ]
        return [_para(joined(language, lambda w: w.member), st.heading), *rows]

    if bilingual:  # the addressee is beside the facts: the member's facts across the page
        story += member_block(width, 205)
    elif _estimated_height(member_rows, _address_lines(c), bilingual) <= SIDE_BY_SIDE_MAX_HEIGHT:
        story.append(
            _columns(
                [(width * 0.58, member_block(width * 0.58, label_width)), (width * 0.42, address)], gap=16
            )
        )
    else:
        # Very long names or addresses: one above the other, each free to flow across a page break.
        story += [*member_block(width, label_width + 10), *address]

    # --- the three register sections; long text flows on to a second page
    for d in disclosed:
        if d.section:
            story += _section(d, getattr(c, d.field), st, width)

    # --- attestation and signature (bilingual: the English paragraph, then the French)
    attest = [
        _para(
            w.attestation.format(
                issuer=issuer.name_in(w.language),
                issue_date=w.date(c.issue_date),
                valid_until=w.date(c.valid_until),
            ),
            st.body,
            "issuer.name",
        )
        for w in words
    ]
    if issuer.signature_image_path:
        signature: Any = _image(issuer.signature_image_path, "registrar.signature_image", 160, 40)
    else:
        signature = _para(issuer.registrar_name, st.signature, "issuer.registrar_name")
    signed_by = _columns(
        [
            (
                width * (0.38 if bilingual else 0.5),
                [
                    signature,
                    HRFlowable(
                        width="85%", thickness=0.75, color=navy, hAlign="LEFT", spaceBefore=2, spaceAfter=6
                    ),
                    _para(issuer.registrar_name, st.value, "issuer.registrar_name"),
                    _para(issuer.registrar_title_in(language), st.label, "issuer.registrar_title"),
                ],
            ),
            (
                width * (0.62 if bilingual else 0.5),
                [_para(w.signed_digitally, st.small) for w in words],
            ),
        ],
        valign="BOTTOM",
        gap=20,
    )
    sign_block = [Spacer(1, 6 * space), *attest, Spacer(1, 8 * space), signed_by]

    # --- verification box
    qr_drawing = _qr_flowable(c.verification_link, 80)
    instructions = [
        _para(joined(language, lambda w: w.how_to_check), st.heading_compact if bilingual else st.heading),
        _label_value(
            _colon_label(language, lambda w: w.verification_code_label),
            c.verification_code,
            "verification_code",
            st.value_plain,
        ),
        _label_value(
            _colon_label(language, lambda w: w.certificate_number_label), c.number, "number", st.value_plain
        ),
        *(_para(w.check_instructions, st.explain) for w in words),
        _para(issuer.verification_url, st.small, "issuer.verification_url"),
    ]
    if issuer.signing_fingerprint:
        pairs = ":".join(
            issuer.signing_fingerprint[i : i + 2] for i in range(0, len(issuer.signing_fingerprint), 2)
        ).upper()
        label = _colon_label(language, lambda w: w.signing_fingerprint_label)
        instructions.append(_para(f"{label} {pairs}", st.small, "signing_fingerprint"))
    verify_box = _columns(
        [(92, [qr_drawing]), (width - 92, instructions)],
        pad=(8, 6 * space, 8, 7 * space),
        gap=4,
        background=tint,
        border=rule,
    )
    story.append(KeepTogether([*sign_block, Spacer(1, 10 * space), verify_box]))
    return story


def _page_decorations(content: CertificateContent) -> Any:
    """The canvas class that draws the footer (with "page N of M") and the DEMO mark on every page."""
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.lib.colors import Color
    from reportlab.pdfgen.canvas import Canvas

    grey, red = Color(*GREY), Color(0.75, 0.1, 0.1, alpha=0.09)
    language = content.language
    footer_left = f"{joined(language, lambda w: w.title)} {content.number}"
    continued = joined(language, lambda w: w.continued)
    demo_notes = [w.demo_note for w in wordings(language)]

    class CertificateCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            w, _h = self._pagesize
            self.saveState()
            if content.issuer.demo:
                self.setFillColor(red)
                self.setFont("CPC-Sans-Bold", 64)
                self.translate(w / 2, 330)
                self.rotate(35)
                self.drawCentredString(0, 0, "DEMO")
                self.setFont("CPC-Sans-Bold", 20)
                for i, note in enumerate(demo_notes):
                    self.drawCentredString(0, -30 - 24 * i, note)
                self.rotate(-35)
                self.translate(-w / 2, -330)
            self.setStrokeColor(Color(*RULE))
            self.setLineWidth(0.5)
            self.line(PAGE_MARGIN, 36, w - PAGE_MARGIN, 36)
            if self._pageNumber > 1:
                self.setFillColor(grey)
                self.setFont("CPC-Sans", 7.5)
                self.drawString(PAGE_MARGIN, _h - 30, f"{footer_left} {continued}")
                self.line(PAGE_MARGIN, _h - 36, w - PAGE_MARGIN, _h - 36)
            self.setFillColor(grey)
            self.setFont("CPC-Sans", 7.5)
            self.drawString(PAGE_MARGIN, 26, footer_left)
            self.drawRightString(w - PAGE_MARGIN, 26, page_of(language, self._pageNumber, total))
            self.restoreState()

    return CertificateCanvas


def page_of(language: str, page: int, total: int) -> str:
    """The footer's page count: "Page 1 of 2", "Page 1 de 2", bilingual both."""
    return joined(language, lambda w: w.page_of.format(page=page, total=total))


def document_title(content: CertificateContent) -> str:
    """The title in the PDF's properties and footer: the certificate's title(s) and number."""
    return f"{joined(content.language, lambda w: w.title)} {content.number}"


def pdf_keywords(content: CertificateContent) -> str:
    return f"cpc-number={content.number} verification-code={content.verification_code}"


def render_pdf(content: CertificateContent) -> bytes:
    """The certificate as an unsigned PDF (US Letter); raises ValidationError for unprintable text."""
    check_renderable(content)
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.lib.pagesizes import LETTER
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    _register_fonts()
    buffer = io.BytesIO()
    page_w, page_h = LETTER
    frame = Frame(
        PAGE_MARGIN,
        48,
        page_w - 2 * PAGE_MARGIN,
        page_h - 48 - 44,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc = BaseDocTemplate(
        buffer,
        pagesize=LETTER,
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=44,
        bottomMargin=48,
        title=document_title(content),
        author=content.issuer.name,
        subject=f"{document_title(content)} – {content.member_name}",
        keywords=pdf_keywords(content),
        creator="CPC Desk",
        producer="CPC Desk (reportlab)",
        lang="fr-CA" if content.language == CertificateLanguage.FR else "en",
    )
    fault_point("during-pdf-render")
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.platypus.doctemplate import LayoutError

    try:
        doc.build(_story(content, doc.width), canvasmaker=_page_decorations(content))
    except LayoutError:
        # A block that cannot break (the member or address block) is taller than a page: say which
        # value made it so, in the terms staff can correct, never reportlab's words.
        field_name, length = _longest_block_value(content)
        raise ValidationError(
            field_name,
            translate(
                "Document", "is too long to fit on the certificate page ({0} characters); shorten it"
            ).format(length),
        ) from None
    return buffer.getvalue()


def _longest_block_value(content: CertificateContent) -> tuple[str, int]:
    """The member- or address-block value most likely to have overflowed the page, and its length."""
    candidates = {
        "member_name": len(content.member_name),
        "specialties": sum(len(s) for s in content.specialties),
        "registration_class": len(content.registration_class),
        "recipient_name": len(content.recipient_name),
        "attention": len(content.attention),
        "street_lines": sum(len(s) for s in content.street_lines),
        "city": len(content.city),
        "state": len(content.state),
    }
    name = max(candidates, key=lambda k: candidates[k])
    return name, candidates[name]


def certificate_lines(content: CertificateContent) -> list[tuple[str, str]]:
    """Every piece of text the certificate sets, with its face, in reading order (for the bench)."""
    global _printed
    _register_fonts()
    _printed = []
    try:
        _story(content, 512)
        lines = _printed
    finally:
        _printed = None
    return [*lines, ("CPC-Sans", document_title(content)), ("CPC-Sans", page_of(content.language, 1, 1))]


def plain_page_pdf(lines: list[tuple[str, str]]) -> bytes:
    """The same text in the same fonts, drawn line by line on a plain canvas page with no layout (long
    text cut at the page edge): the baseline the bench compares render_pdf against."""
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen.canvas import Canvas

    _register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    y = 760.0
    for face, text in lines:
        x = 50.0
        for font, run in _runs(unicodedata.normalize("NFC", text), face, "text"):
            canvas.setFont(font, 9)
            canvas.drawString(x, y, run)
            x += canvas.stringWidth(run, font, 9)
        y -= 11
        if y < 50:
            canvas.showPage()
            y = 760.0
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
