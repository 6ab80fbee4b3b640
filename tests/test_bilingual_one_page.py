"""A bilingual certificate keeps to one page where the content allows (issue 20 item 1): the clean and the
terms demo members' bilingual certificates, issued the way the desk issues them, are one page with every
English and French word on it; a long register entry still runs on to a second page with every word."""

from dataclasses import replace
from io import BytesIO

import pytest
from pypdf import PdfReader

from app.access.staff import Actor
from app.desk import Desk
from app.issuing.requests import RequestDraft, certificate_pdf, submit_request
from app.store.models import ConsentMethod, Member
from tests.factories import make_member
from tests.test_french_certificates import (
    EMPTY_FR,
    ENGLISH_LABELS,
    FRENCH_LABELS,
    MONTFORT,
    assert_printed,
    demo_members,
    issue,
    pdf_pages_text,
)


def _sizes(pdf: bytes) -> set[float]:
    """The font size of every piece of text the certificate's body sets (its matrix's scale)."""
    sizes: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], _fd: object, size: float) -> None:
        if text.strip() and text.strip() != "CPC":  # the demo crest's own lettering is a drawing
            sizes.add(round(size * tm[3] * cm[3], 1))

    for page in PdfReader(BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("kind", ["clean", "terms"])
def test_the_bilingual_certificate_of_a_clean_or_terms_member_is_one_page(
    desk: Desk, registrar: Actor, kind: str
) -> None:
    member_id = demo_members(desk)[kind]
    cert = issue(desk, registrar, member_id, "bilingual")
    pdf = certificate_pdf(desk, desk.actor, cert.id)
    pages, text = pdf_pages_text(pdf)
    assert pages == 1
    for label in (*FRENCH_LABELS[:-1], *ENGLISH_LABELS, "Page 1 of 1 / Page 1 de 1"):
        assert_printed(label, text)
    member = cert.recipient.request.member
    for field, sentence in EMPTY_FR.items():
        recorded = getattr(member, field).strip()
        assert_printed(recorded or sentence, text)
    # Smaller but readable: no text under 7.5 pt, the smallest the English certificate sets (its
    # verification address and signature note); the rest is 8 pt or more.
    sizes = _sizes(pdf)
    assert min(sizes) >= 7.5, sorted(sizes)


def test_a_long_bilingual_certificate_runs_on_to_a_second_page_with_every_word(
    desk: Desk, registrar: Actor
) -> None:
    terms = " ".join(
        f"Term {n}: practise only at the site named in order {n} of the committee." for n in range(30)
    )
    discipline = " ".join(
        f"Finding {n}: professional misconduct found by the panel in case {n}." for n in range(20)
    )
    with desk.db.write() as session:
        member: Member = make_member(session, terms_conditions=terms, discipline=discipline)
        member_id = member.id
    draft = RequestDraft(
        member_id=member_id,
        recipients=(replace(MONTFORT, language="bilingual"),),
        consent_given=True,
        consent_method=ConsentMethod.PHONE,
        consent_statement="Le membre consent à la communication des renseignements.",
    )
    result = submit_request(desk, desk.actor, draft)
    from app.issuing.requests import approve_request

    if not result.recipients[0].certificate_id:
        result = approve_request(desk, registrar, result.request_id)
    certificate_id = result.recipients[0].certificate_id
    assert certificate_id is not None
    pdf = certificate_pdf(desk, desk.actor, certificate_id)
    pages, text = pdf_pages_text(pdf)
    assert pages == 2
    words = text.split()
    position = 0
    for word in f"{terms} {discipline}".split():  # every word, in order, across the page break
        position = words.index(word, position) + 1
    assert_printed("Page 2 of 2 / Page 2 de 2", text)
    assert_printed("How to check this certificate / Comment vérifier le présent certificat", text)
