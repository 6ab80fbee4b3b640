"""The Copies of Documents a member may ask for, drawn as PDFs with the CPC's fonts, colours and rules:
the Certificate of Registration (portrait), the Membership Card (85.6 x 54 mm: front and back as two
card-sized pages for a phone, then both on one US Letter sheet with crop marks for card stock) and the
Membership Diploma (landscape, for framing).

The content is a CertificateContent whose `document` names the kind (the issuing engine builds it with
the member as the addressee); signing, the number in the PDF keywords and verification are the CPC's.
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
from app.document.disclosure import NONE_ON_RECORD, format_date
from app.document.kinds import TITLES
from app.errors import ValidationError
from app.i18n import translate

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
    canvas = Canvas(buffer, pagesize=LETTER, pageCompression=1, lang="en")
    title = TITLES[content.document]
    canvas.setTitle(f"{title} {content.number}")
    canvas.setAuthor(content.issuer.name)
    canvas.setSubject(f"{title} {content.number} for {content.member_name}")
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


def _demo_mark(canvas: Any, content: CertificateContent, cx: float, cy: float, size: float) -> None:
    if not content.issuer.demo:
        return
    canvas.saveState()
    canvas.setFillColorRGB(0.75, 0.1, 0.1, alpha=0.09)
    canvas.transform(1, 0, 0, 1, cx, cy)  # = translate(); that name is kept for app.i18n
    canvas.rotate(30)
    canvas.setFont("CPC-Sans-Bold", size)
    canvas.drawCentredString(0, 0, "DEMO")
    canvas.setFont("CPC-Sans-Bold", size * 0.3)
    canvas.drawCentredString(0, -size * 0.45, "not an official document")
    canvas.restoreState()


def _footer(canvas: Any, content: CertificateContent, width: float, page: int, pages: int) -> None:
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.5)
    canvas.line(50, 36, width - 50, 36)
    _draw(canvas, 50, 26, f"{TITLES[content.document]} {content.number}", "CPC-Sans", 7.5, color=GREY)
    words = f"Page {page} of {pages}" if pages else f"Page {page}"
    _draw(canvas, width - 50, 26, words, "CPC-Sans", 7.5, align="right", color=GREY)


def _signature(canvas: Any, content: CertificateContent, x: float, y: float, width: float) -> None:
    """The registrar's signature block with its baseline at `y`: the name (or image), a rule, the title."""
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
    _draw(canvas, x, y - 3, issuer.registrar_title, "CPC-Sans", 8.5, "issuer.registrar_title", color=GREY)


def _verification_box(canvas: Any, content: CertificateContent, x: float, y: float, width: float) -> None:
    """The box the CPC ends with: QR code, verification code and number, and how to check them."""
    height = 96.0
    canvas.setFillColorRGB(*TINT)
    canvas.setStrokeColorRGB(*RULE)
    canvas.rect(x, y, width, height, stroke=1, fill=1)
    _qr(canvas, content, x + 8, y + 8, 80)
    tx = x + 100
    _draw(canvas, tx, y + height - 18, "How to check this document", "CPC-Serif-Bold", 10.5, color=NAVY)
    _draw(canvas, tx, y + height - 33, "Verification code:", "CPC-Sans", 9, color=GREY)
    _draw(
        canvas, tx + 90, y + height - 33, content.verification_code, "CPC-Sans-Bold", 9.5, "verification_code"
    )
    _draw(canvas, tx, y + height - 46, "Document number:", "CPC-Sans", 9, color=GREY)
    _draw(canvas, tx + 90, y + height - 46, content.number, "CPC-Sans-Bold", 9.5, "number")
    explain = (
        "Scan the code, or go to the address below and enter the document number and the verification code. "
        "The PDF file carries the digital signature of the issuing body: any change to the file breaks it."
    )
    line_y = y + height - 60
    for line in _wrap(canvas, explain, "CPC-Sans", 7.5, width - 110, "text"):
        _draw(canvas, tx, line_y, line, "CPC-Sans", 7.5, color=GREY)
        line_y -= 9.5
    _draw(canvas, tx, line_y - 2, content.issuer.verification_url, "CPC-Sans", 7.5, "issuer.verification_url")


def _letterhead(canvas: Any, content: CertificateContent, width: float, top: float) -> float:
    """The issuer's crest, name and address across the top; returns the y below its rule."""
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
    _draw(canvas, 122, top - 18, issuer.name, "CPC-Serif-Bold", 14, "issuer.name", color=NAVY)
    y = top - 31
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
    expiry = format_date(c.certificate_expiry_date) if c.certificate_expiry_date else "None on record"
    return [
        ("Class of registration", c.registration_class, "registration_class"),
        ("Registration status", c.member_status, "member_status"),
        ("Initial registration", format_date(c.initial_registration_date), "initial_registration_date"),
        ("Certificate expiry", expiry, "certificate_expiry_date"),
        ("Specialties", "; ".join(c.specialties) or NONE_ON_RECORD, "specialties"),
        (
            "Terms, conditions and limitations",
            c.terms_conditions.strip() or NONE_ON_RECORD,
            "terms_conditions",
        ),
        ("Date of issue", format_date(c.issue_date), "issue_date"),
        ("Document number", c.number, "number"),
    ]


def _draw_registration(canvas: Any, c: CertificateContent) -> None:
    page_w, page_h = LETTER
    y = _letterhead(canvas, c, page_w, page_h - 44) - 34
    _draw(canvas, page_w / 2, y, TITLES["registration"], "CPC-Serif-Bold", 24, align="center", color=NAVY)
    y -= 18
    _draw(
        canvas,
        page_w / 2,
        y,
        f"A statement of the register of the {c.issuer.name}",
        "CPC-Sans",
        8.5,
        "issuer.name",
        align="center",
        color=GREY,
    )
    y -= 34
    _draw(canvas, page_w / 2, y, "This certifies that", "CPC-Sans", 10, align="center", color=GREY)
    y -= 26
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
    _draw(
        canvas,
        page_w / 2,
        y,
        f"CPSO number {c.cpso_number}",
        "CPC-Sans-Bold",
        10.5,
        "cpso_number",
        align="center",
    )
    y -= 16
    _draw(
        canvas,
        page_w / 2,
        y,
        "is registered with the College as follows:",
        "CPC-Sans",
        10,
        align="center",
        color=GREY,
    )
    y -= 24
    label_w, value_x, value_w = 170.0, 230.0, page_w - 230 - 50
    for label, value, field in _registration_rows(c):
        lines = _wrap(canvas, value, "CPC-Sans-Bold", 10, value_w, field)
        if y - 14 * min(len(lines), 3) - 8 < BOTTOM:  # a row starts where at least three of its lines fit
            _end_page(canvas, c, page_w, page_h)
            y = page_h - 60
        _draw(canvas, 50, y, label, "CPC-Sans", 9, color=GREY)
        for line in lines:
            if y < BOTTOM:  # a long entry runs on to the next page, under its label
                _end_page(canvas, c, page_w, page_h)
                y = page_h - 60
                _draw(canvas, 50, y, label, "CPC-Sans", 9, color=GREY)
                _draw(canvas, 50, y - 11, "(continued)", "CPC-Sans", 8, color=GREY)
            _draw(canvas, value_x, y, line, "CPC-Sans-Bold", 10, field)
            y -= 14
        canvas.setStrokeColorRGB(*RULE)
        canvas.setLineWidth(0.25)
        canvas.line(50, y + 6, 50 + label_w + value_w + 10, y + 6)
        y -= 8
    attest = (
        f"The {c.issuer.name} certifies that, on {format_date(c.issue_date)}, its register shows the "
        "registration above for the member named. This copy is issued at the member's request."
    )
    attest_lines = _wrap(canvas, attest, "CPC-Sans", 9, page_w - 100, "issuer.name")
    if y - (12 * len(attest_lines) + 60 + 96 + 20) < 48:
        _end_page(canvas, c, page_w, page_h)
        y = page_h - 60
    y -= 6
    for line in attest_lines:
        _draw(canvas, 50, y, line, "CPC-Sans", 9, "issuer.name")
        y -= 12
    _signature(canvas, c, 50, y - 48, 220)
    _verification_box(canvas, c, 50, 50, page_w - 100)
    _end_page(canvas, c, page_w, page_h)


def _end_page(canvas: Any, c: CertificateContent, page_w: float, page_h: float) -> None:
    """The DEMO mark and the footer ("Page N": a long register entry may run on to another page)."""
    _demo_mark(canvas, c, page_w / 2, page_h / 2 - 40, 64)
    _footer(canvas, c, page_w, canvas.getPageNumber(), 0)
    canvas.showPage()


# --- Membership Card -------------------------------------------------------------------------------


def _card_front(canvas: Any, c: CertificateContent, x: float, y: float) -> None:
    canvas.saveState()
    canvas.transform(1, 0, 0, 1, x, y)  # = translate(); that name is kept for app.i18n
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(0, 0, CARD_W, CARD_H, stroke=0, fill=1)
    band = 38.0
    canvas.setFillColorRGB(*NAVY)
    canvas.rect(0, CARD_H - band, CARD_W, band, stroke=0, fill=1)
    _crest(canvas, 6, CARD_H - band + 4, 30)
    name_size = _fit(canvas, c.issuer.name, "CPC-Serif-Bold", 8.5, CARD_W - 48, "issuer.name", 5)
    _draw(canvas, 42, CARD_H - 17, c.issuer.name, "CPC-Serif-Bold", name_size, "issuer.name", color=(1, 1, 1))
    _draw(canvas, 42, CARD_H - 29, TITLES["card"].upper(), "CPC-Sans-Bold", 6.5, color=GOLD)
    size = _fit(canvas, c.member_name, "CPC-Sans-Bold", 11, CARD_W - 16, "member_name", 6)
    _draw(canvas, 8, CARD_H - band - 18, c.member_name, "CPC-Sans-Bold", size, "member_name", color=NAVY)
    rows = [
        ("CPSO number", c.cpso_number, "cpso_number"),
        ("Class", c.registration_class, "registration_class"),
        ("Status", c.member_status, "member_status"),
        (
            "Valid until",
            format_date(c.valid_until),
            "valid_until",
        ),
    ]
    ry = CARD_H - band - 33
    for label, value, field in rows:
        _draw(canvas, 8, ry, label, "CPC-Sans", 6, color=GREY)
        vsize = _fit(canvas, value, "CPC-Sans-Bold", 7.5, CARD_W - 66, field, 5)
        _draw(canvas, 58, ry, value, "CPC-Sans-Bold", vsize, field)
        ry -= 11
    _draw(canvas, CARD_W - 8, 6, c.number, "CPC-Sans", 5.5, "number", align="right", color=GREY)
    _demo_mark(canvas, c, CARD_W / 2, CARD_H / 2 - 8, 30)
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.5)
    canvas.roundRect(0, 0, CARD_W, CARD_H, 8, stroke=1, fill=0)
    canvas.restoreState()


def _card_back(canvas: Any, c: CertificateContent, x: float, y: float) -> None:
    canvas.saveState()
    canvas.transform(1, 0, 0, 1, x, y)  # = translate(); that name is kept for app.i18n
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(0, 0, CARD_W, CARD_H, stroke=0, fill=1)
    _qr(canvas, c, 6, CARD_H - 76, 70)
    tx = 82
    _draw(canvas, tx, CARD_H - 16, "Check this card", "CPC-Serif-Bold", 8, color=NAVY)
    _draw(canvas, tx, CARD_H - 28, "Verification code", "CPC-Sans", 5.5, color=GREY)
    _draw(canvas, tx, CARD_H - 37, c.verification_code, "CPC-Sans-Bold", 7.5, "verification_code")
    _draw(canvas, tx, CARD_H - 48, "Card number", "CPC-Sans", 5.5, color=GREY)
    _draw(canvas, tx, CARD_H - 57, c.number, "CPC-Sans-Bold", 7.5, "number")
    url_size = _fit(
        canvas, c.issuer.verification_url, "CPC-Sans", 5.5, CARD_W - tx - 6, "issuer.verification_url", 3.5
    )
    _draw(canvas, tx, CARD_H - 68, c.issuer.verification_url, "CPC-Sans", url_size, "issuer.verification_url")
    words = (
        "This card shows the holder's registration on the date of issue. The register is the authority: "
        "scan the code to see the current standing."
    )
    ly = 34.0
    for line in _wrap(canvas, words, "CPC-Sans", 5.5, CARD_W - 12, "text")[:2]:
        _draw(canvas, 6, ly, line, "CPC-Sans", 5.5, color=GREY)
        ly -= 7
    found = "If found, please return to: " + ", ".join((c.issuer.name, *c.issuer.address_lines))
    fsize = _fit(canvas, found, "CPC-Sans", 5, CARD_W - 12, "issuer.address", 3)
    _draw(canvas, 6, 12, found, "CPC-Sans", fsize, "issuer.address", color=GREY)
    _draw(canvas, 6, 4.5, f"Issued {format_date(c.issue_date)}", "CPC-Sans", 5, "issue_date", color=GREY)
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
    _draw(
        canvas,
        50,
        page_h - 60,
        f"{TITLES['card']} {c.number}: print sheet",
        "CPC-Serif-Bold",
        12,
        "number",
        color=NAVY,
    )
    intro = (
        f"Print this page at 100% (no scaling) on card stock, cut along the crop marks, and fold or glue the "
        f"back to the front. Each side is {85.6:g} x {54:g} mm. Pages 1 and 2 of this file are the same card "
        "for a phone."
    )
    ly = page_h - 78
    for line in _wrap(canvas, intro, "CPC-Sans", 8.5, page_w - 100, "text"):
        _draw(canvas, 50, ly, line, "CPC-Sans", 8.5, color=GREY)
        ly -= 11
    front, back = card_sheet_positions()
    for (x, y), side, label in ((front, _card_front, "Front"), (back, _card_back, "Back")):
        side(canvas, c, x, y)
        _draw(canvas, x + CARD_W / 2, y - 30, label, "CPC-Sans", 8, align="center", color=GREY)
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas.setLineWidth(0.3)
        for mark in crop_marks(x, y, CARD_W, CARD_H):
            canvas.line(*mark)
    _footer(canvas, c, page_w, 3, 3)
    canvas.showPage()


# --- Membership Diploma ----------------------------------------------------------------------------


def _draw_diploma(canvas: Any, c: CertificateContent) -> None:
    page_h, page_w = LETTER  # landscape
    canvas.setPageSize((page_w, page_h))
    canvas.setFillColorRGB(0.995, 0.99, 0.97)
    canvas.rect(0, 0, page_w, page_h, stroke=0, fill=1)
    canvas.setStrokeColorRGB(*NAVY)
    canvas.setLineWidth(3)
    canvas.rect(28, 28, page_w - 56, page_h - 56, stroke=1, fill=0)
    canvas.setStrokeColorRGB(*GOLD)
    canvas.setLineWidth(1)
    canvas.rect(36, 36, page_w - 72, page_h - 72, stroke=1, fill=0)
    _crest(canvas, page_w / 2 - 32, page_h - 120, 64)
    cx = page_w / 2
    isize = _fit(canvas, c.issuer.name, "CPC-Serif-Bold", 20, page_w - 140, "issuer.name", 10)
    _draw(
        canvas,
        cx,
        page_h - 146,
        c.issuer.name,
        "CPC-Serif-Bold",
        isize,
        "issuer.name",
        align="center",
        color=NAVY,
    )
    _draw(canvas, cx, page_h - 196, TITLES["diploma"], "CPC-Serif-Bold", 34, align="center", color=NAVY)
    _draw(
        canvas,
        cx,
        page_h - 232,
        "This is to certify that",
        "CPC-Sans-Oblique",
        12,
        align="center",
        color=GREY,
    )
    size = _fit(canvas, c.member_name, "CPC-Serif-Bold", 28, page_w - 140, "member_name", 12)
    _draw(canvas, cx, page_h - 272, c.member_name, "CPC-Serif-Bold", size, "member_name", align="center")
    canvas.setStrokeColorRGB(*GOLD)
    canvas.setLineWidth(0.75)
    canvas.line(cx - 200, page_h - 282, cx + 200, page_h - 282)
    sentence = (
        f"CPSO number {c.cpso_number}, was admitted to membership of the {c.issuer.name} on "
        f"{format_date(c.initial_registration_date)} and is entered in its register in the class of "
        f"{c.registration_class}."
    )
    y = page_h - 308
    for line in _wrap(canvas, sentence, "CPC-Sans", 12, page_w - 200, "registration_class"):
        _draw(canvas, cx, y, line, "CPC-Sans", 12, "registration_class", align="center")
        y -= 17
    _draw(
        canvas,
        cx,
        y - 8,
        f"Given on {format_date(c.issue_date)}",
        "CPC-Sans",
        11,
        "issue_date",
        align="center",
        color=GREY,
    )
    _signature(canvas, c, 90, 96, 220)
    _qr(canvas, c, page_w - 150, 62, 72)
    _draw(
        canvas, page_w - 158, 104, f"Diploma {c.number}", "CPC-Sans", 7.5, "number", align="right", color=GREY
    )
    _draw(
        canvas,
        page_w - 158,
        94,
        f"Verification code {c.verification_code}",
        "CPC-Sans",
        7.5,
        "verification_code",
        align="right",
        color=GREY,
    )
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
