"""The Copies of Documents a member may ask for, drawn as PDFs with the CPC's fonts, colours and rules:
the Certificate of Registration (portrait), the Membership Card (85.6 x 54 mm: front and back as two
card-sized pages for a phone, then both on one US Letter sheet with crop marks for card stock) and the
Membership Diploma (landscape, for framing).

The content is a CertificateContent whose `document` names the kind (the issuing engine builds it with
the member as the addressee); signing, the number in the PDF keywords and verification are the CPC's. Each
is written in the content's `language` (English, French or both), every word from app.document.disclosure.
"""

import io
from collections.abc import Callable
from typing import Any

from app.document.certificates import (
    GREY,
    NAVY,
    RULE,
    TINT,
    CertificateContent,
    _qr_flowable,
    _register_fonts,
    _runs,
    check_renderable,
    demo_crest,
    pdf_keywords,
    render_pdf,
)
from app.document.disclosure import DocumentWording, document_joined, document_wordings, format_date
from app.errors import ValidationError
from app.i18n import translate
from app.language import CertificateLanguage

MM = 72.0 / 25.4
CARD_W, CARD_H = 85.6 * MM, 54.0 * MM  # ISO/IEC 7810 ID-1, a wallet card
GOLD = (0.78, 0.62, 0.24)
# Crop marks: this long, this far from the card's edge, so that the cut never shows a mark.
CROP_LENGTH, CROP_GAP = 12.0, 4.0
LETTER = (612.0, 792.0)
BOTTOM = 60.0  # the lowest baseline of running text, above the footer


def draw_document(content: CertificateContent) -> bytes:
    """Any document CPC Desk issues, unsigned: the CPC, or the copy of a document `content.document` names.
    Every path that draws (the engine's issue_document, the batch's render pool) draws through here."""
    return render_pdf(content) if content.document == "cpc" else render_member_document(content)


def render_member_document(content: CertificateContent) -> bytes:
    """The document `content.document` names, as an unsigned PDF; ValidationError for unprintable text."""
    draw = _DRAWERS.get(content.document)
    if draw is None:
        raise ValidationError(
            "document",
            translate("Document", "{0!r} is not a document CPC Desk draws").format(content.document),
        )
    check_renderable(content)
    # lazy: reportlab costs ~0.1 s; importers that never draw (screens, verification) need not load it
    from reportlab.pdfgen.canvas import Canvas

    _register_fonts()
    buffer = io.BytesIO()
    lang = "fr-CA" if content.language == CertificateLanguage.FR else "en"
    canvas = Canvas(buffer, pagesize=LETTER, pageCompression=1, lang=lang)
    title = _title(content)
    canvas.setTitle(f"{title} {content.number}")
    canvas.setAuthor(content.issuer.name)
    about = " for " if content.language == CertificateLanguage.EN else " \u2013 "
    canvas.setSubject(f"{title} {content.number}{about}{content.member_name}")
    canvas.setKeywords(pdf_keywords(content))
    canvas.setCreator("CPC Desk")
    canvas.setProducer("CPC Desk (reportlab)")
    draw(canvas, content)
    canvas.save()
    return buffer.getvalue()


# --- text in the CPC's fonts, each run in the first font that has its glyphs -------------------------


def _width(canvas: Any, text: str, face: str, size: float, field: str) -> float:
    return float(sum(canvas.stringWidth(run, font, size) for font, run in _runs(text, face, field)))


def _draw(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    face: str,
    size: float,
    field: str = "text",
    align: str = "left",
    color: tuple[float, float, float] = (0, 0, 0),
) -> None:
    width = _width(canvas, text, face, size, field)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    canvas.setFillColorRGB(*color)
    for font, run in _runs(text, face, field):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += canvas.stringWidth(run, font, size)


def _fit(canvas: Any, text: str, face: str, size: float, width: float, field: str, smallest: float) -> float:
    """The largest size from `size` down to `smallest` at which `text` fits on one line of `width`."""
    while size > smallest and _width(canvas, text, face, size, field) > width:
        size -= 0.5
    return size


def _wrap(canvas: Any, text: str, face: str, size: float, width: float, field: str) -> list[str]:
    """`text` broken into lines no wider than `width` (at spaces; a word longer than a line is cut)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if _width(canvas, candidate, face, size, field) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while _width(canvas, line, face, size, field) > width and len(line) > 1:
                cut = len(line)
                while cut > 1 and _width(canvas, line[:cut], face, size, field) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def _crest(canvas: Any, x: float, y: float, size: float) -> None:
    crest = demo_crest(size)
    crest.wrapOn(canvas, size, size)
    crest.drawOn(canvas, x, y)


def _qr(canvas: Any, content: CertificateContent, x: float, y: float, size: float) -> None:
    qr = _qr_flowable(content.verification_link, size)
    qr.wrapOn(canvas, size, size)
    qr.drawOn(canvas, x, y)


# --- the words, in the document's language (app.document.disclosure: the one home of the words) -----


def _words(c: CertificateContent) -> tuple[DocumentWording, ...]:
    """The documents' wording of each language the document is written in, English first."""
    return document_wordings(c.language)


def _joined(c: CertificateContent, pick: Callable[[DocumentWording], str], separator: str = " / ") -> str:
    return document_joined(c.language, pick, separator)


def _bilingual(c: CertificateContent) -> bool:
    return len(_words(c)) > 1


def _title(c: CertificateContent, kind: str = "") -> str:
    return _joined(c, lambda w: w.titles[kind or c.document])


def _status(c: CertificateContent) -> str:
    return _joined(c, lambda w: w.wording.statuses.get(c.member_status, c.member_status))


def _demo_mark(canvas: Any, content: CertificateContent, cx: float, cy: float, size: float) -> None:
    if not content.issuer.demo:
        return
    canvas.saveState()
    canvas.setFillColorRGB(0.75, 0.1, 0.1, alpha=0.09)
    canvas.translate(cx, cy)
    canvas.rotate(30)
    canvas.setFont("CPC-Sans-Bold", size)
    canvas.drawCentredString(0, 0, "DEMO")
    canvas.setFont("CPC-Sans-Bold", size * 0.3)
    note = _joined(content, lambda w: w.wording.demo_note)
    canvas.drawCentredString(0, -size * 0.45, note)
    canvas.restoreState()


def _footer(canvas: Any, content: CertificateContent, width: float, page: int, pages: int) -> None:
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.5)
    canvas.line(50, 36, width - 50, 36)
    _draw(canvas, 50, 26, f"{_title(content)} {content.number}", "CPC-Sans", 7.5, color=GREY)
    if pages:
        words = _joined(content, lambda w: w.wording.page_of.format(page=page, total=pages))
    else:
        words = _joined(content, lambda w: w.page.format(page=page))
    _draw(canvas, width - 50, 26, words, "CPC-Sans", 7.5, align="right", color=GREY)


def _signature(
    canvas: Any, content: CertificateContent, x: float, y: float, width: float, title_room: float = 0.0
) -> None:
    """The registrar's signature block with its baseline at `y`: the name (or image), a rule, the title
    (fitted to `title_room`, by default the width and 120 pt more)."""
    issuer = content.issuer
    if issuer.signature_image_path:
        from reportlab.lib.utils import ImageReader

        try:
            image = ImageReader(issuer.signature_image_path)
            w, h = image.getSize()
        except Exception:  # noqa: BLE001 - PIL raises many kinds for a bad image; staff need one sentence
            raise ValidationError(
                "registrar.signature_image",
                translate("Document", "the image {0} cannot be read (use a PNG or JPEG file)").format(
                    issuer.signature_image_path
                ),
            ) from None
        scale = min(width / w, 36 / h)
        canvas.drawImage(image, x, y + 24, w * scale, h * scale, mask="auto")
    else:
        _draw(
            canvas,
            x,
            y + 26,
            issuer.registrar_name,
            "CPC-Sans-Oblique",
            15,
            "issuer.registrar_name",
            color=NAVY,
        )
    canvas.setStrokeColorRGB(*NAVY)
    canvas.setLineWidth(0.75)
    canvas.line(x, y + 20, x + width, y + 20)
    _draw(canvas, x, y + 8, issuer.registrar_name, "CPC-Sans-Bold", 9.5, "issuer.registrar_name")
    room = title_room or width + 120
    title = issuer.registrar_title_in(content.language)
    titles = [title]
    if _width(canvas, title, "CPC-Sans", 8.5, "issuer.registrar_title") > room:  # each language's own line
        titles = list(dict.fromkeys(issuer.registrar_title_in(w.language) for w in _words(content)))
    for n, line in enumerate(titles):
        size = _fit(canvas, line, "CPC-Sans", 8.5, room, "issuer.registrar_title", 6.5)
        _draw(canvas, x, y - 3 - 10 * n, line, "CPC-Sans", size, "issuer.registrar_title", color=GREY)


def _small(content: CertificateContent) -> float:
    """The size of the verification box's explanation: smaller when it is written twice."""
    return 7.0 if _bilingual(content) else 7.5


def _verification_lines(canvas: Any, content: CertificateContent, width: float) -> list[str]:
    lines: list[str] = []
    for w in _words(content):
        lines += _wrap(canvas, w.check_instructions, "CPC-Sans", _small(content), width - 110, "text")
    return lines


def _verification_height(canvas: Any, content: CertificateContent, width: float) -> float:
    """The verification box's height: room for the QR code, or for the explanation in each language."""
    return max(96.0, 60 + (_small(content) + 2) * len(_verification_lines(canvas, content, width)) + 12)


def _verification_box(canvas: Any, content: CertificateContent, x: float, y: float, width: float) -> None:
    """The box the registration certificate ends with: QR code, verification code and number, and how to
    check them (in each language the document is written in)."""
    height = _verification_height(canvas, content, width)
    canvas.setFillColorRGB(*TINT)
    canvas.setStrokeColorRGB(*RULE)
    canvas.rect(x, y, width, height, stroke=1, fill=1)
    _qr(canvas, content, x + 8, y + height - 88, 80)
    tx = x + 100
    heading = _joined(content, lambda w: w.how_to_check)
    hsize = _fit(canvas, heading, "CPC-Serif-Bold", 10.5, width - 110, "text", 8)
    _draw(canvas, tx, y + height - 18, heading, "CPC-Serif-Bold", hsize, color=NAVY)
    code_label = _joined(content, lambda w: w.wording.verification_code_label)
    number_label = _joined(content, lambda w: w.document_number_label)
    # the values line up 90 pt in (as in English) or after the longest label
    label_w = max(_width(canvas, label, "CPC-Sans", 9, "text") for label in (code_label, number_label))
    value_x = tx + max(90.0, label_w + 6)
    _draw(canvas, tx, y + height - 33, code_label, "CPC-Sans", 9, color=GREY)
    _draw(
        canvas, value_x, y + height - 33, content.verification_code, "CPC-Sans-Bold", 9.5, "verification_code"
    )
    _draw(canvas, tx, y + height - 46, number_label, "CPC-Sans", 9, color=GREY)
    _draw(canvas, value_x, y + height - 46, content.number, "CPC-Sans-Bold", 9.5, "number")
    line_y = y + height - 60
    for line in _verification_lines(canvas, content, width):
        _draw(canvas, tx, line_y, line, "CPC-Sans", _small(content), color=GREY)
        line_y -= _small(content) + 2
    _draw(canvas, tx, line_y - 2, content.issuer.verification_url, "CPC-Sans", 7.5, "issuer.verification_url")


def _letterhead(canvas: Any, content: CertificateContent, width: float, top: float) -> float:
    """The issuer's crest, name (in each language written) and address across the top; returns the y
    below its rule."""
    issuer = content.issuer
    if issuer.logo_path:
        from reportlab.lib.utils import ImageReader

        try:
            logo = ImageReader(issuer.logo_path)
            w, h = logo.getSize()
        except Exception:  # noqa: BLE001 - PIL raises many kinds for a bad image; staff need one sentence
            raise ValidationError(
                "issuer.logo",
                translate("Document", "the image {0} cannot be read (use a PNG or JPEG file)").format(
                    issuer.logo_path
                ),
            ) from None
        scale = min(58 / w, 58 / h)
        canvas.drawImage(logo, 50, top - 58, w * scale, h * scale, mask="auto")
    else:
        _crest(canvas, 50, top - 58, 58)
    names = list(dict.fromkeys(issuer.name_in(w.language) for w in _words(content)))
    y = top - 18
    for i, name in enumerate(names):
        size = _fit(canvas, name, "CPC-Serif-Bold", 14 if i == 0 else 11, width - 172, "issuer.name", 8)
        _draw(canvas, 122, y, name, "CPC-Serif-Bold", size, "issuer.name", color=NAVY)
        y -= 13 if i == 0 else 12
    for line in issuer.address_lines:
        _draw(canvas, 122, y, line, "CPC-Sans", 8, "issuer.address", color=GREY)
        y -= 10
    bottom = min(y, top - 62) - 4
    canvas.setStrokeColorRGB(*NAVY)
    canvas.setLineWidth(1.5)
    canvas.line(50, bottom, width - 50, bottom)
    return bottom


# --- Certificate of Registration -------------------------------------------------------------------


def _registration_rows(c: CertificateContent) -> list[tuple[str, str, str]]:
    """(label, value, field) of each row; a bilingual label is the English, a line break, the French."""
    separator = "\n" if _bilingual(c) else " / "

    def label(pick: Callable[[DocumentWording], str]) -> str:
        return _joined(c, pick, separator)

    def fact(field: str) -> str:
        return label(lambda w: w.wording.labels[field])

    none = _joined(c, lambda w: w.wording.none_on_record)
    if c.certificate_expiry_date:
        expiry = format_date(c.certificate_expiry_date, c.language)
    else:
        expiry = _joined(c, lambda w: w.wording.none_on_record.rstrip("."))
    return [
        (fact("registration_class"), c.registration_class, "registration_class"),
        (label(lambda w: w.registration_status), _status(c), "member_status"),
        (
            fact("initial_registration_date"),
            format_date(c.initial_registration_date, c.language),
            "initial_registration_date",
        ),
        (fact("certificate_expiry_date"), expiry, "certificate_expiry_date"),
        (fact("specialties"), "; ".join(c.specialties) or none, "specialties"),
        (fact("terms_conditions"), c.terms_conditions.strip() or none, "terms_conditions"),
        (label(lambda w: w.date_of_issue), format_date(c.issue_date, c.language), "issue_date"),
        (label(lambda w: w.document_number), c.number, "number"),
    ]


def _centred_lines(
    canvas: Any,
    c: CertificateContent,
    y: float,
    texts: list[str],
    face: str,
    size: float,
    field: str = "text",
) -> float:
    """Each text centred on its own line(s) of the portrait page from `y` down; returns the next y."""
    page_w = LETTER[0]
    for text in texts:
        for line in _wrap(canvas, text, face, size, page_w - 100, field):
            _draw(canvas, page_w / 2, y, line, face, size, field, align="center", color=GREY)
            y -= size + 4
    return y


def _draw_registration(canvas: Any, c: CertificateContent) -> None:
    page_w, page_h = LETTER
    words = _words(c)
    bilingual = len(words) > 1
    y = _letterhead(canvas, c, page_w, page_h - 44) - 34
    for i, w in enumerate(words):
        title_size = 24 if i == 0 else 17
        _draw(
            canvas,
            page_w / 2,
            y,
            w.titles["registration"],
            "CPC-Serif-Bold",
            title_size,
            align="center",
            color=NAVY,
        )
        y -= 20 if bilingual else 18
    subtitles = [w.wording.subtitle.format(issuer=c.issuer.name_in(w.language)) for w in words]
    y = _centred_lines(canvas, c, y, list(dict.fromkeys(subtitles)), "CPC-Sans", 8.5, "issuer.name")
    y -= 12 if bilingual else 22
    _draw(
        canvas,
        page_w / 2,
        y,
        _joined(c, lambda w: w.this_certifies),
        "CPC-Sans",
        10,
        align="center",
        color=GREY,
    )
    y -= 21 if bilingual else 26
    size = _fit(canvas, c.member_name, "CPC-Serif-Bold", 20, page_w - 120, "member_name", 11)
    _draw(
        canvas,
        page_w / 2,
        y,
        c.member_name,
        "CPC-Serif-Bold",
        size,
        "member_name",
        align="center",
        color=NAVY,
    )
    y -= 18
    cpso = f"{_joined(c, lambda w: w.wording.labels['cpso_number'])} {c.cpso_number}"
    _draw(canvas, page_w / 2, y, cpso, "CPC-Sans-Bold", 10.5, "cpso_number", align="center")
    y -= 16
    _draw(
        canvas,
        page_w / 2,
        y,
        _joined(c, lambda w: w.registered_as_follows),
        "CPC-Sans",
        10,
        align="center",
        color=GREY,
    )
    y -= 18 if bilingual else 24
    # a bilingual label is two lines (English, French) in slightly smaller type
    label_size, leading, row_gap = (8.0, 9.0, 4.0) if bilingual else (9.0, 11.0, 8.0)
    value_size, value_leading = (9.5, 12.5) if bilingual else (10.0, 14.0)
    label_w, value_x, value_w = 170.0, 230.0, page_w - 230 - 50
    continued = _joined(c, lambda w: w.wording.continued)
    for label, value, field in _registration_rows(c):
        labels = _wrap(canvas, label, "CPC-Sans", label_size, label_w, "text")
        lines = _wrap(canvas, value, "CPC-Sans-Bold", value_size, value_w, field)
        if (
            y - value_leading * min(len(lines), 3) - 8 < BOTTOM
        ):  # a row starts where at least three of its lines fit
            _end_page(canvas, c, page_w, page_h)
            y = page_h - 60
        top = y
        for n, text in enumerate(labels):
            _draw(canvas, 50, top - leading * n, text, "CPC-Sans", label_size, color=GREY)
        for line in lines:
            if y < BOTTOM:  # a long entry runs on to the next page, under its label
                _end_page(canvas, c, page_w, page_h)
                y = top = page_h - 60
                for n, text in enumerate(labels):
                    _draw(canvas, 50, y - leading * n, text, "CPC-Sans", label_size, color=GREY)
                _draw(canvas, 50, y - leading * len(labels), continued, "CPC-Sans", 8, color=GREY)
            _draw(canvas, value_x, y, line, "CPC-Sans-Bold", value_size, field)
            y -= value_leading
        y = min(y, top - leading * len(labels) - 3)
        canvas.setStrokeColorRGB(*RULE)
        canvas.setLineWidth(0.25)
        canvas.line(50, y + 6, 50 + label_w + value_w + 10, y + 6)
        y -= row_gap
    box = _verification_height(canvas, c, page_w - 100)
    if bilingual:
        _attest_beside_signature(canvas, c, y, box)
        return
    attest_lines: list[str] = []
    for w in words:
        issuer = c.issuer.name_in(w.language)
        attest = w.attestation.format(issuer=issuer, issue_date=w.wording.date(c.issue_date))
        attest_lines += _wrap(canvas, attest, "CPC-Sans", 9, page_w - 100, "issuer.name")
    if y - (12 * len(attest_lines) + 60 + box + 20) < 48:
        _end_page(canvas, c, page_w, page_h)
        y = page_h - 60
    y -= 6
    for line in attest_lines:
        _draw(canvas, 50, y, line, "CPC-Sans", 9, "issuer.name")
        y -= 12
    _signature(canvas, c, 50, y - 48, 220)
    _verification_box(canvas, c, 50, 50, page_w - 100)
    _end_page(canvas, c, page_w, page_h)


def _attest_beside_signature(canvas: Any, c: CertificateContent, y: float, box: float) -> None:
    """A bilingual registration's end: the attestation in each language on the left, the registrar's
    signature on the right (so that the usual entry keeps to one page), then the verification box."""
    page_w, page_h = LETTER
    text_w, sign_x = 300.0, 372.0
    lines: list[str] = []
    for w in document_wordings(c.language):
        issuer = c.issuer.name_in(w.language)
        attest = w.attestation.format(issuer=issuer, issue_date=w.wording.date(c.issue_date))
        lines += _wrap(canvas, attest, "CPC-Sans", 8.5, text_w, "issuer.name")
    height = max(10.5 * len(lines), 56.0)
    if y - 6 - height < 50 + box + 12:
        _end_page(canvas, c, page_w, page_h)
        y = page_h - 60
    y -= 6
    _signature(canvas, c, sign_x, y - 42, page_w - 50 - sign_x, page_w - 50 - sign_x)
    for line in lines:
        _draw(canvas, 50, y, line, "CPC-Sans", 8.5, "issuer.name")
        y -= 10.5
    _verification_box(canvas, c, 50, 50, page_w - 100)
    _end_page(canvas, c, page_w, page_h)


def _end_page(canvas: Any, c: CertificateContent, page_w: float, page_h: float) -> None:
    """The DEMO mark and the footer ("Page N": a long register entry may run on to another page)."""
    _demo_mark(canvas, c, page_w / 2, page_h / 2 - 40, 64)
    _footer(canvas, c, page_w, canvas.getPageNumber(), 0)
    canvas.showPage()


# --- Membership Card -------------------------------------------------------------------------------


def _card_front(canvas: Any, c: CertificateContent, x: float, y: float) -> None:
    words = _words(c)
    bilingual = len(words) > 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(0, 0, CARD_W, CARD_H, stroke=0, fill=1)
    band = 38.0
    canvas.setFillColorRGB(*NAVY)
    canvas.rect(0, CARD_H - band, CARD_W, band, stroke=0, fill=1)
    _crest(canvas, 6, CARD_H - band + 4, 30)
    names = list(dict.fromkeys(c.issuer.name_in(w.language) for w in words))
    for i, name in enumerate(names):  # a French name of its own goes under the English one
        largest = 8.5 if len(names) == 1 else 6.5
        name_size = _fit(canvas, name, "CPC-Serif-Bold", largest, CARD_W - 48, "issuer.name", 4.5)
        name_y = CARD_H - 17 if len(names) == 1 else CARD_H - 12 - 8 * i
        _draw(canvas, 42, name_y, name, "CPC-Serif-Bold", name_size, "issuer.name", color=(1, 1, 1))
    title = _title(c, "card").upper()
    tsize = _fit(canvas, title, "CPC-Sans-Bold", 6.5, CARD_W - 48, "text", 5)
    _draw(canvas, 42, CARD_H - 29 - (2 if len(names) > 1 else 0), title, "CPC-Sans-Bold", tsize, color=GOLD)
    size = _fit(canvas, c.member_name, "CPC-Sans-Bold", 11, CARD_W - 16, "member_name", 6)
    _draw(canvas, 8, CARD_H - band - 18, c.member_name, "CPC-Sans-Bold", size, "member_name", color=NAVY)
    rows = [
        ("cpso_number", c.cpso_number, "cpso_number"),
        ("class", c.registration_class, "registration_class"),
        ("status", _status(c), "member_status"),
        ("valid_until", format_date(c.valid_until, c.language), "valid_until"),
    ]
    ry = CARD_H - band - 33
    value_x = 66.0 if bilingual else 58.0
    for key, value, field in rows:
        labels = [w.card_labels[key] for w in words]
        if bilingual:  # the English label above the French, in smaller type
            _draw(canvas, 8, ry + 2.5, labels[0], "CPC-Sans", 4.8, color=GREY)
            _draw(canvas, 8, ry - 3, labels[1], "CPC-Sans", 4.8, color=GREY)
        else:
            _draw(canvas, 8, ry, labels[0], "CPC-Sans", 6, color=GREY)
        vsize = _fit(canvas, value, "CPC-Sans-Bold", 7.5, CARD_W - value_x - 8, field, 5)
        _draw(canvas, value_x, ry, value, "CPC-Sans-Bold", vsize, field)
        ry -= 11
    _draw(canvas, CARD_W - 8, 6, c.number, "CPC-Sans", 5.5, "number", align="right", color=GREY)
    _demo_mark(canvas, c, CARD_W / 2, CARD_H / 2 - 8, 30)
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.5)
    canvas.roundRect(0, 0, CARD_W, CARD_H, 8, stroke=1, fill=0)
    canvas.restoreState()


def _card_back(canvas: Any, c: CertificateContent, x: float, y: float) -> None:
    words = _words(c)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(0, 0, CARD_W, CARD_H, stroke=0, fill=1)
    _qr(canvas, c, 6, CARD_H - 76, 70)
    tx = 82
    room = CARD_W - tx - 6
    heading = _joined(c, lambda w: w.check_card)
    _draw(
        canvas,
        tx,
        CARD_H - 16,
        heading,
        "CPC-Serif-Bold",
        _fit(canvas, heading, "CPC-Serif-Bold", 8, room, "text", 5),
        color=NAVY,
    )
    code_label = _joined(c, lambda w: w.verification_code)
    _draw(
        canvas,
        tx,
        CARD_H - 28,
        code_label,
        "CPC-Sans",
        _fit(canvas, code_label, "CPC-Sans", 5.5, room, "text", 4),
        color=GREY,
    )
    _draw(canvas, tx, CARD_H - 37, c.verification_code, "CPC-Sans-Bold", 7.5, "verification_code")
    number_label = _joined(c, lambda w: w.card_number)
    _draw(
        canvas,
        tx,
        CARD_H - 48,
        number_label,
        "CPC-Sans",
        _fit(canvas, number_label, "CPC-Sans", 5.5, room, "text", 4),
        color=GREY,
    )
    _draw(canvas, tx, CARD_H - 57, c.number, "CPC-Sans-Bold", 7.5, "number")
    url_size = _fit(canvas, c.issuer.verification_url, "CPC-Sans", 5.5, room, "issuer.verification_url", 3.5)
    _draw(canvas, tx, CARD_H - 68, c.issuer.verification_url, "CPC-Sans", url_size, "issuer.verification_url")
    lines: list[str] = []
    for w in words:
        lines += _wrap(
            canvas, w.card_words, "CPC-Sans", 5.5 if len(words) == 1 else 4.8, CARD_W - 12, "text"
        )[:2]
    spacing = 7.0 if len(words) == 1 else 6.0
    ly = 34.0 + spacing * (len(lines) - 2)
    for line in lines:
        _draw(canvas, 6, ly, line, "CPC-Sans", 5.5 if len(words) == 1 else 4.8, color=GREY)
        ly -= spacing
    # the issuing body's name in the card's (first) language
    address = ", ".join((c.issuer.name_in(words[0].language), *c.issuer.address_lines))
    found = f"{_joined(c, lambda w: w.if_found)} {address}"
    fsize = _fit(canvas, found, "CPC-Sans", 5, CARD_W - 12, "issuer.address", 3)
    _draw(canvas, 6, 12, found, "CPC-Sans", fsize, "issuer.address", color=GREY)
    issued = " / ".join(w.issued_on.format(issue_date=w.wording.date(c.issue_date)) for w in words)
    isize = _fit(canvas, issued, "CPC-Sans", 5, CARD_W - 12, "issue_date", 4)
    _draw(canvas, 6, 4.5, issued, "CPC-Sans", isize, "issue_date", color=GREY)
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.5)
    canvas.roundRect(0, 0, CARD_W, CARD_H, 8, stroke=1, fill=0)
    canvas.restoreState()


def crop_marks(x: float, y: float, w: float, h: float) -> list[tuple[float, float, float, float]]:
    """The eight lines that mark the corners of a card at (x, y, w, h), outside it, for the cutter."""
    g, n = CROP_GAP, CROP_LENGTH
    lines = []
    for cx, dx in ((x, -1), (x + w, 1)):
        for cy, dy in ((y, -1), (y + h, 1)):
            lines.append((cx + dx * g, cy, cx + dx * (g + n), cy))  # horizontal, in line with the edge
            lines.append((cx, cy + dy * g, cx, cy + dy * (g + n)))  # vertical
    return lines


def card_sheet_positions() -> tuple[tuple[float, float], tuple[float, float]]:
    """Where the front and the back sit on the print sheet (lower-left corners, points): side by side,
    centred on US Letter, with room between them for the crop marks."""
    page_w, page_h = LETTER
    gap = 2 * (CROP_GAP + CROP_LENGTH) + 12
    left = (page_w - 2 * CARD_W - gap) / 2
    bottom = page_h - 200 - CARD_H
    return (left, bottom), (left + CARD_W + gap, bottom)


def _draw_card(canvas: Any, c: CertificateContent) -> None:
    # Pages 1 and 2: the card itself, front and back, sized for a phone's wallet or a screen.
    for side in (_card_front, _card_back):
        canvas.setPageSize((CARD_W, CARD_H))
        side(canvas, c, 0, 0)
        canvas.showPage()
    # Page 3: both sides on one Letter sheet with crop marks, to print on card stock and cut out.
    page_w, page_h = LETTER
    canvas.setPageSize(LETTER)
    words = _words(c)
    heading = " / ".join(w.print_sheet.format(title=w.titles["card"], number=c.number) for w in words)
    hsize = _fit(canvas, heading, "CPC-Serif-Bold", 12, page_w - 100, "number", 9)
    _draw(canvas, 50, page_h - 60, heading, "CPC-Serif-Bold", hsize, "number", color=NAVY)
    ly = page_h - 78
    for w in words:
        for line in _wrap(canvas, w.print_intro, "CPC-Sans", 8.5, page_w - 100, "text"):
            _draw(canvas, 50, ly, line, "CPC-Sans", 8.5, color=GREY)
            ly -= 11
    front, back = card_sheet_positions()
    sides = ((front, _card_front, lambda w: w.front), (back, _card_back, lambda w: w.back))
    for (x, y), side, pick in sides:
        side(canvas, c, x, y)
        _draw(canvas, x + CARD_W / 2, y - 30, _joined(c, pick), "CPC-Sans", 8, align="center", color=GREY)
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas.setLineWidth(0.3)
        for mark in crop_marks(x, y, CARD_W, CARD_H):
            canvas.line(*mark)
    _footer(canvas, c, page_w, 3, 3)
    canvas.showPage()


# --- Membership Diploma ----------------------------------------------------------------------------


def _draw_diploma(canvas: Any, c: CertificateContent) -> None:
    page_h, page_w = LETTER  # landscape
    words = _words(c)
    bilingual = len(words) > 1
    canvas.setPageSize((page_w, page_h))
    canvas.setFillColorRGB(0.995, 0.99, 0.97)
    canvas.rect(0, 0, page_w, page_h, stroke=0, fill=1)
    canvas.setStrokeColorRGB(*NAVY)
    canvas.setLineWidth(3)
    canvas.rect(28, 28, page_w - 56, page_h - 56, stroke=1, fill=0)
    canvas.setStrokeColorRGB(*GOLD)
    canvas.setLineWidth(1)
    canvas.rect(36, 36, page_w - 72, page_h - 72, stroke=1, fill=0)
    top = page_h + 14 if bilingual else page_h  # a bilingual diploma starts higher: two titles, two texts
    _crest(canvas, page_w / 2 - 32, top - 120 - (8 if bilingual else 0), 56 if bilingual else 64)
    cx = page_w / 2
    y = top - 146
    for i, name in enumerate(dict.fromkeys(c.issuer.name_in(w.language) for w in words)):
        isize = _fit(canvas, name, "CPC-Serif-Bold", 20 if i == 0 else 15, page_w - 140, "issuer.name", 10)
        _draw(canvas, cx, y, name, "CPC-Serif-Bold", isize, "issuer.name", align="center", color=NAVY)
        y -= 20
    y -= 14 if bilingual else 30
    for i, w in enumerate(words):
        title_size = 34 if not bilingual else 28 if i == 0 else 22
        _draw(canvas, cx, y, w.titles["diploma"], "CPC-Serif-Bold", title_size, align="center", color=NAVY)
        y -= title_size + 2
    certifies = _joined(c, lambda w: w.diploma_certifies)
    _draw(canvas, cx, y, certifies, "CPC-Sans-Oblique", 12, align="center", color=GREY)
    y -= 40
    size = _fit(canvas, c.member_name, "CPC-Serif-Bold", 28, page_w - 140, "member_name", 12)
    _draw(canvas, cx, y, c.member_name, "CPC-Serif-Bold", size, "member_name", align="center")
    canvas.setStrokeColorRGB(*GOLD)
    canvas.setLineWidth(0.75)
    canvas.line(cx - 200, y - 10, cx + 200, y - 10)
    y -= 36
    text_size = 10.5 if bilingual else 12
    for w in words:
        sentence = w.diploma_sentence.format(
            cpso=c.cpso_number,
            issuer=c.issuer.name_in(w.language),
            initial=w.wording.date(c.initial_registration_date),
            registration_class=c.registration_class,
        )
        for line in _wrap(canvas, sentence, "CPC-Sans", text_size, page_w - 200, "registration_class"):
            _draw(canvas, cx, y, line, "CPC-Sans", text_size, "registration_class", align="center")
            y -= text_size + 5
        y -= 4 if bilingual else 0
    given = " / ".join(w.given_on.format(issue_date=w.wording.date(c.issue_date)) for w in words)
    _draw(canvas, cx, y - 8, given, "CPC-Sans", 11, "issue_date", align="center", color=GREY)
    _signature(canvas, c, 90, 96, 220, 300)
    _qr(canvas, c, page_w - 150, 62, 72)
    number = _joined(c, lambda w: w.diploma_number.format(number=c.number))
    _draw(canvas, page_w - 158, 104, number, "CPC-Sans", 7.5, "number", align="right", color=GREY)
    code = _joined(c, lambda w: w.diploma_code.format(code=c.verification_code))
    _draw(canvas, page_w - 158, 94, code, "CPC-Sans", 7.5, "verification_code", align="right", color=GREY)
    _draw(
        canvas,
        page_w - 158,
        84,
        c.issuer.verification_url,
        "CPC-Sans",
        6.5,
        "issuer.verification_url",
        align="right",
        color=GREY,
    )
    _demo_mark(canvas, c, cx, page_h / 2 - 30, 90)
    canvas.showPage()


_DRAWERS: dict[str, Callable[[Any, CertificateContent], None]] = {
    "registration": _draw_registration,
    "card": _draw_card,
    "diploma": _draw_diploma,
}
