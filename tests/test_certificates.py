"""The certificate document: every field printed with its value, every script drawn, nothing overflows."""

import io
import pickle
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.document.certificates import (
    CertificateContent,
    IssuerDetails,
    check_renderable,
    content_for_certificate,
    issuer_from_settings,
    render_pdf,
)
from app.document.disclosure import EMPTY_EXPLANATIONS, NONE_ON_RECORD, format_date
from app.errors import ValidationError
from app.register.demo import FIXED_MEMBERS, INSTITUTIONS, demo_members
from app.settings import Settings
from app.store.models import Certificate, CertificateRequest, Member, MemberStatus, RequestRecipient
from tests.factories import issued_certificate

ISSUER = IssuerDetails(
    name="College of Physicians and Surgeons (DEMO)",
    address_lines=("80 College Street", "Toronto ON  M5G 2E2", "Canada"),
    registrar_name="Dr. A. Registrar (DEMO)",
    registrar_title="Registrar and Chief Executive Officer",
    verification_url="https://verify.example.org/cpc",
    demo=True,
)


def sample(**overrides: object) -> CertificateContent:
    values: dict[str, object] = {
        "number": "CPC-2026-000123",
        "verification_code": "ABCD-EFGH-JKMN",
        "issue_date": date(2026, 11, 25),
        "valid_until": date(2027, 2, 23),
        "member_name": "Hélène Côté-Gagnon",
        "cpso_number": "100001",
        "registration_class": "Independent Practice",
        "member_status": "Active",
        "initial_registration_date": date(2004, 7, 1),
        "certificate_expiry_date": date(2027, 6, 30),
        "specialties": ("Family Medicine", "Emergency Medicine"),
        "terms_conditions": "",
        "discipline": "",
        "pending_investigations": "",
        "recipient_name": "Toronto General Hospital",
        "attention": "Medical Staff Office",
        "street_lines": ("200 Elizabeth Street", "Room 1-001"),
        "city": "Toronto",
        "state": "ON",
        "postal_code": "M5G 2C4",
        "country": "Canada",
        "issuer": ISSUER,
    }
    values.update(overrides)
    return CertificateContent(**values)  # type: ignore[arg-type]


def pdf_text(pdf: bytes) -> tuple[int, str]:
    """(pages, all text with whitespace runs made single spaces) as a reader of the PDF sees it."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def body_text(pdf: bytes) -> str:
    """The text without the page furniture (running header, footer, DEMO mark), which a page break
    puts in the middle of text that flows on to the next page."""
    _pages, text = pdf_text(pdf)
    text = re.sub(
        r"Certificate of Professional Conduct CPC-\d{4}-\d{6} (\(continued\)|Page \d+ of \d+) ?", "", text
    )
    return text.replace("DEMO not an official document ", "")


def squash(text: str) -> str:
    return "".join(text.split())


def is_printed(value: str, text: str) -> bool:
    # Wrapping turns spaces into line breaks, and a word longer than a line is split: compare with
    # single spaces, and without any whitespace.
    return " ".join(value.split()) in text or squash(value) in squash(text)


def assert_printed(content: CertificateContent, pdf: bytes) -> str:
    """Every field of `content` appears in the PDF's text with its value."""
    text = body_text(pdf)

    def has(value: str) -> None:
        assert is_printed(value, text), f"{value!r} is not printed"

    has("Certificate of Professional Conduct")
    has(content.number)
    has(content.verification_code)
    # The key facts box: each label followed by its value.
    has(
        f"Certificate number {content.number} Issue date {format_date(content.issue_date)} "
        f"Valid until {format_date(content.valid_until)}"
    )
    has(f"is valid until {format_date(content.valid_until)}")
    has(content.member_name)
    has(content.cpso_number)
    has(content.registration_class)
    has(content.member_status)
    has(format_date(content.initial_registration_date))
    if content.certificate_expiry_date:
        has(format_date(content.certificate_expiry_date))
    else:
        has("None on record (the register shows no expiry date)")
    if content.specialties:
        has("; ".join(content.specialties))
    else:
        has(EMPTY_EXPLANATIONS["specialties"])
    for field_name, heading in (
        ("terms_conditions", "Terms, conditions and limitations"),
        ("discipline", "Discipline findings"),
        ("pending_investigations", "Pending investigations"),
    ):
        value = getattr(content, field_name)
        has(heading)
        if value:
            has(value)
        else:
            has(f"{heading} {NONE_ON_RECORD} {EMPTY_EXPLANATIONS[field_name]}")
    has(content.recipient_name)
    if content.attention:
        has(f"Attention: {content.attention}")
    for line in content.street_lines:
        has(line)
    has(" ".join(p for p in (content.city, content.state, content.postal_code) if p))
    has(content.country.upper())
    issuer = content.issuer
    has(issuer.name)
    for line in issuer.address_lines:
        has(line)
    has(issuer.registrar_name)
    has(issuer.registrar_title)
    has(issuer.verification_url)
    return text


def test_dates_are_printed_in_words() -> None:
    assert format_date(date(2026, 11, 25)) == "25 November 2026"
    assert format_date(date(2027, 1, 2)) == "2 January 2027"


def test_ordinary_certificate_is_one_page_with_every_field() -> None:
    content = sample()
    pdf = render_pdf(content)
    pages, text = pdf_text(pdf)
    assert pages == 1
    assert_printed(content, pdf)
    assert "DEMO" in text


def test_metadata_carries_number_and_code() -> None:
    reader = PdfReader(io.BytesIO(render_pdf(sample())))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Certificate of Professional Conduct CPC-2026-000123"
    assert "cpc-number=CPC-2026-000123 verification-code=ABCD-EFGH-JKMN" in str(meta.get("/Keywords"))


def test_empty_sections_say_none_on_record_and_explain() -> None:
    content = sample(specialties=(), certificate_expiry_date=None)
    text = assert_printed(content, render_pdf(content))
    assert text.count(NONE_ON_RECORD) >= 4


def _demo_content(member: Member, institution_index: int = 0) -> CertificateContent:
    """Content built through content_for_certificate from (unsaved) ORM objects of the demo register."""
    inst = INSTITUTIONS[institution_index]
    request = CertificateRequest(member=member)
    recipient = RequestRecipient(
        request=request,
        institution_type=inst.type,
        name=inst.name,
        attention=inst.attention,
        street1=inst.street1,
        street2=inst.street2,
        city=inst.city,
        state=inst.state,
        country=inst.country,
        postal_code=inst.postal_code,
        email=inst.email,
    )
    cert = Certificate(
        number="CPC-2026-000042",
        recipient=recipient,
        issue_date=date(2026, 11, 25),
        valid_until=date(2027, 2, 23),
        verification_code="WXYZ-2345-6789",
    )
    return content_for_certificate(Settings(Path("/nonexistent-settings-folder")), cert)


def test_demo_members_of_every_kind_render_with_every_field() -> None:
    members = demo_members()
    chosen: dict[str, Member] = {}
    for m in members:
        chosen.setdefault(f"status:{m.status.value}", m)
        for kind in ("terms_conditions", "discipline", "pending_investigations"):
            if getattr(m, kind):
                chosen.setdefault(kind, m)
        if m.certificate_expiry_date is None:
            chosen.setdefault("no-expiry", m)
    assert {f"status:{s.value}" for s in MemberStatus} <= chosen.keys()
    assert {"terms_conditions", "discipline", "pending_investigations"} <= chosen.keys()
    for i, (kind, member) in enumerate(sorted(chosen.items())):
        content = _demo_content(member, i % len(INSTITUTIONS))
        pdf = render_pdf(content)
        assert_printed(content, pdf)
        if kind in ("terms_conditions", "discipline", "pending_investigations"):
            assert getattr(member, kind) in pdf_text(pdf)[1]


def test_every_fixed_demo_name_and_institution_renders() -> None:
    members = demo_members()[: len(FIXED_MEMBERS)]
    for i, member in enumerate(members):
        content = _demo_content(member, i % len(INSTITUTIONS))
        _pages, text = pdf_text(render_pdf(content))
        assert is_printed(member.full_name, text), member.full_name
    for i, _inst in enumerate(INSTITUTIONS):
        content = _demo_content(members[0], i)
        assert_printed(content, render_pdf(content))


@pytest.mark.parametrize(
    "name",
    [
        "Νικόλαος Παπαδόπουλος",  # Greek
        "Анастасия Кузнецова",  # Cyrillic
        "王美玲",  # Chinese
        "佐藤 健太",  # Japanese
        "김민준",  # Korean
        "Ingrid Ødegård Łukasz Wróblewski Nguyễn Thị Minh Khai",
    ],
)
def test_names_in_other_scripts_are_extracted_exactly(name: str) -> None:
    content = sample(member_name=name, recipient_name=f"Hôpital {name}")
    _pages, text = pdf_text(render_pdf(content))
    assert name in text
    assert f"Hôpital {name}" in text


def test_decomposed_accents_are_printed_composed() -> None:
    decomposed = "He\u0301le\u0300ne"
    _pages, text = pdf_text(render_pdf(sample(member_name=decomposed)))
    assert "Hélène" in text


@pytest.mark.parametrize(
    ("field", "value", "char"),
    [
        ("member_name", "Dr Smiley \U0001f600", "U+1F600"),
        ("recipient_name", "Clinic \U0001f3e5", "U+1F3E5"),
        ("city", "Tel Aviv \u05ea\u05dc \u05d0\u05d1\u05d9\u05d1", "U+05EA"),
        ("attention", "Office \u0000", "U+0000"),
        ("state", "\U00013000 Province", "U+13000"),  # an Egyptian hieroglyph: no shipped font has it
        ("member_name", "สมชาย ใจดี", "U+0E2A"),  # Thai: no shipped font has it
    ],
)
def test_unprintable_character_is_refused_naming_field_and_character(
    field: str, value: str, char: str
) -> None:
    content = sample(**{field: value})
    with pytest.raises(ValidationError) as raised:
        check_renderable(content)
    assert raised.value.field == field
    assert char in str(raised.value)
    with pytest.raises(ValidationError):
        render_pdf(content)


def test_unprintable_character_in_a_street_line_names_the_field() -> None:
    with pytest.raises(ValidationError) as raised:
        render_pdf(sample(street_lines=("1 Main Street", "Suite \U0001f4a9")))
    assert raised.value.field == "street_lines"
    assert "U+1F4A9" in str(raised.value)


def test_long_terms_flow_onto_a_second_page() -> None:
    terms = "\n".join(
        f"{i}. Dr. Côté-Gagnon shall practise only under the supervision of a College-approved clinical "
        "supervisor, who shall review at least twenty charts every month and report to the College."
        for i in range(1, 30)
    )
    content = sample(terms_conditions=terms, member_status="Active")
    pdf = render_pdf(content)
    pages, text = pdf_text(pdf)
    assert pages >= 2
    assert "Page 1 of" in text and f"Page {pages} of {pages}" in text
    assert "(continued)" in text
    assert_printed(content, pdf)


LONGEST = sample(
    member_name="Maximilian Alexander Konstantin Wolfeschlegelsteinhausen-Bergerdorff-Montgomery-Abernathy "
    * 3,
    recipient_name="The Extraordinarily Long Named Regional Health Sciences Centre and Affiliated Teaching "
    "Hospitals Network of Northern Ontario and the Territories, Credentialing and Privileges Office",
    attention="Chief of Staff, Medical Affairs, Credentialing, Privileges and Professional Practice Office",
    street_lines=(
        "W" * 200,
        "Bâtiment " + "long-hyphenated-word-" * 9,
        "Северный корпус, третий этаж, кабинет " * 4,
        "東京都千代田区丸の内一丁目" * 8,
    ),
    city="Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
    state="Isle of Anglesey " * 4,
    postal_code="LL61 5UJ-EXTENDED-0000",
    country="United Kingdom of Great Britain and Northern Ireland",
    specialties=tuple(f"Specialty number {i} in internal medicine" for i in range(12)),
)


def _page_images(qapp: object, pdf: bytes, tmp_path: Path, scale: int = 1) -> list[object]:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    path = tmp_path / "cert.pdf"
    path.write_bytes(pdf)
    doc = QPdfDocument()
    doc.load(str(path))
    images = []
    for i in range(doc.pageCount()):
        size = doc.pagePointSize(i)
        page = doc.render(i, QSize(int(size.width()) * scale, int(size.height()) * scale))
        # The page comes with a transparent background: put it on white paper.
        paper = QImage(page.size(), QImage.Format.Format_RGB32)
        paper.fill(QColor("white"))
        painter = QPainter(paper)
        painter.drawImage(0, 0, page)
        painter.end()
        images.append(paper)
    doc.close()
    return images


def _dark_pixels_outside(image: object, left: int, right: int, top: int, bottom: int) -> int:
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    img = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h = img.width(), img.height()
    row_bytes = img.bytesPerLine()
    data = bytes(img.constBits())  # type: ignore[call-overload]
    dark = 0
    for y in range(h):
        row = data[y * row_bytes : y * row_bytes + w]
        for x in (*range(0, left), *range(right, w)):
            if row[x] < 160:
                dark += 1
        if y < top or y >= bottom:
            dark += sum(1 for v in row if v < 160)
    return dark


def test_longest_values_wrap_and_never_leave_the_page_margins(qapp: object, tmp_path: Path) -> None:
    pdf = render_pdf(LONGEST)
    assert_printed(LONGEST, pdf)
    images = _page_images(qapp, pdf, tmp_path)
    assert images
    for image in images:
        # 1 px = 1 pt: the text area is x 50..562; the footer rule sits at 36 pt from the bottom.
        assert _dark_pixels_outside(image, 47, 565, 20, 792 - 18) == 0


def test_rendered_page_looks_like_a_document(qapp: object, tmp_path: Path) -> None:
    """The page renders in Qt, has ink in the letterhead, the title and the QR code, and white margins."""
    images = _page_images(qapp, render_pdf(sample()), tmp_path)
    assert len(images) == 1
    image = images[0]
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)

    def ink(x0: int, y0: int, x1: int, y1: int) -> int:
        return sum(
            1 for y in range(y0, y1, 2) for x in range(x0, x1, 2) if gray.pixelColor(x, y).value() < 128
        )

    assert ink(50, 40, 110, 100) > 100  # the crest
    assert ink(150, 110, 460, 150) > 200  # the title
    assert _dark_pixels_outside(image, 47, 565, 20, 792 - 18) == 0
    image.save(str(tmp_path / "certificate.png"))


def test_content_for_certificate_reads_the_register(desk: object) -> None:
    from app.desk import Desk

    assert isinstance(desk, Desk)
    cert = issued_certificate(
        desk,
        first_name="Анастасия",
        last_name="Кузнецова",
        discipline="Discipline Tribunal, 2019: reprimand.",
        certificate_expiry_date=None,
    )
    with desk.db.read() as session:
        row = session.get(Certificate, cert.id)
        assert row is not None
        content = content_for_certificate(desk.settings, row)
    assert content.number == cert.number and re.fullmatch(r"CPC-\d{4}-\d{6}", content.number)
    assert content.member_name == "Анастасия Кузнецова"
    assert content.discipline == "Discipline Tribunal, 2019: reprimand."
    assert content.country == "Canada"
    assert content.street_lines == ("200 Elizabeth Street", "Room 1-001")
    assert content.issuer == issuer_from_settings(desk.settings)
    assert content.valid_until == cert.valid_until
    # Worker processes receive the content by pickling.
    assert pickle.loads(pickle.dumps(content)) == content
    assert cert.document is not None
    assert_printed(content, cert.document.pdf)


def test_issuer_settings_are_printed(desk: object, tmp_path: Path) -> None:
    from app.desk import Desk

    assert isinstance(desk, Desk)
    desk.settings.set("issuer.name", "Collège des médecins (ESSAI)")
    desk.settings.set("issuer.address", "1 rue de l'Exemple\nMontréal QC  H3A 0A1")
    desk.settings.set("registrar.name", "Dre Émilie Registraire")
    issuer = issuer_from_settings(desk.settings)
    assert issuer.address_lines == ("1 rue de l'Exemple", "Montréal QC  H3A 0A1")
    content = replace(sample(), issuer=issuer)
    assert_printed(content, render_pdf(content))


def test_a_logo_and_signature_image_are_used_and_a_bad_one_is_refused(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    paths = []
    for name, colour in (("logo.png", "#1b2a4a"), ("signature.png", "#204080")):
        img = QImage(120, 60, QImage.Format.Format_RGB32)
        img.fill(QColor(colour))
        assert img.save(str(tmp_path / name))
        paths.append(str(tmp_path / name))
    issuer = replace(ISSUER, logo_path=paths[0], signature_image_path=paths[1])
    pdf = render_pdf(replace(sample(), issuer=issuer))
    assert pdf.count(b"/Subtype /Image") >= 2
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    with pytest.raises(ValidationError) as raised:
        render_pdf(replace(sample(), issuer=replace(ISSUER, logo_path=str(broken))))
    assert raised.value.field == "issuer.logo"


def test_the_qr_code_reads_back_as_the_verification_link(qapp: object, tmp_path: Path) -> None:
    import zxingcpp
    from PIL import Image

    content = sample(number="CPC-2026-004711", verification_code="QRST-UVWX-YZ23")
    [image] = _page_images(qapp, render_pdf(content), tmp_path, scale=2)
    path = tmp_path / "page.png"
    image.save(str(path))  # type: ignore[attr-defined]
    with Image.open(path) as picture:
        codes = zxingcpp.read_barcodes(picture)
    assert [c.text for c in codes] == [
        "https://verify.example.org/cpc?number=CPC-2026-004711&code=QRST-UVWX-YZ23"
    ]


def test_a_record_of_every_kind_and_a_long_address_still_fit_one_page() -> None:
    from app.register.demo import DISCIPLINE, INVESTIGATIONS, TERMS

    content = sample(
        terms_conditions=TERMS[1].format(last="Côté-Gagnon"),
        discipline=DISCIPLINE[0].format(year=2019),
        pending_investigations=INVESTIGATIONS[0].format(year=2026),
        street_lines=(
            "Department of Medicine",
            "Credentialing Office, Room 4-101",
            "200 Elizabeth St",
            "PO Box 42",
        ),
        member_status="Active",
    )
    pdf = render_pdf(content)
    assert pdf_text(pdf)[0] == 1
    assert_printed(content, pdf)


def test_qr_codewords_match_reportlabs_own_encoder() -> None:
    from reportlab.graphics.barcode import qrencoder

    from app.document.certificates import _qr_codewords

    for text in ("x", "https://verify.example.org/cpc?number=CPC-2026-000123&code=ABCD-EFGH-JKMN", "é" * 300):
        for level in (
            qrencoder.QRErrorCorrectLevel.L,
            qrencoder.QRErrorCorrectLevel.M,
            qrencoder.QRErrorCorrectLevel.H,
        ):
            qr = qrencoder.QRCode(None, level)
            qr.addData(text)
            qr.version = qr.calculate_version()
            assert _qr_codewords(qr) == qrencoder.QRCode.createData(qr.version, level, qr.dataList)


def test_importing_the_document_modules_stays_cheap() -> None:
    """Batch workers and the GUI import these; reportlab and pyHanko load only when a PDF is made."""
    import subprocess
    import sys

    code = (
        "import sys, app.document.certificates, app.document.signing; "
        "print(sorted(m for m in ('reportlab', 'pyhanko') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("overrides", "lazy"),
    [
        ({}, False),
        ({"member_name": "Νικόλαος Παπαδόπουλος"}, False),  # Greek: DejaVu has it
        ({"member_name": "Анастасия Кузнецова"}, False),  # Cyrillic: DejaVu has it
        ({"member_name": "王美玲"}, True),
        ({"recipient_name": "東京大学病院"}, True),
        ({"street_lines": ("1 Main Street", "서울 종로구")}, True),  # Korean, deep in a tuple
        ({"specialties": ("Family Medicine", "内科")}, True),
    ],
)
def test_needs_lazy_font_says_when_the_cjk_face_would_load(overrides: dict[str, object], lazy: bool) -> None:
    from app.document.certificates import needs_lazy_font

    assert needs_lazy_font(sample(**overrides)) is lazy
