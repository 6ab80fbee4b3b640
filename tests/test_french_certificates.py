"""Certificates in French and bilingual, issued the way the desk issues them, read back from the PDF:
every French label and value, dates in French, accents exact, signature valid, `verify` VALID."""

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.access.staff import Actor
from app.desk import Desk
from app.document.disclosure import format_date
from app.document.verification import verify_pdf
from app.issuing.requests import RequestDraft, approve_request, certificate_pdf, submit_request
from app.mail import outbox
from app.register import demo
from app.register.recipients import RecipientInput
from app.store.models import AuditEvent, Certificate, ConsentMethod, Member, MemberStatus, RequestRecipient
from tests.cli_runner import run_cli
from tests.smtp_servers import SmtpServer

# Written out here, not taken from the code under test: a wrong month or accent in the code fails.
MOIS = ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre").split()
MONTHS = ("January February March April May June July August September October November December").split()


def date_fr(d: date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {MOIS[d.month - 1]} {d.year}"


def date_en(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


FRENCH_LABELS = (
    "Certificat de conduite professionnelle",
    "Extrait du registre tenu par : College of Physicians and Surgeons",
    "Numéro du certificat",
    "Date de délivrance",
    "Valide jusqu'au",
    "Membre",
    "Destinataire",
    "Nom",
    "Numéro de membre (CPSO)",
    "Catégorie de certificat d'inscription",
    "Statut actuel",
    "Première inscription",
    "Expiration du certificat",
    "Spécialités",
    "Conditions et restrictions",
    "Conclusions disciplinaires",
    "Enquêtes en cours",
    "atteste qu'en date du",
    "son registre contient les renseignements ci-dessus au sujet du membre nommé",
    "Le présent document porte la signature numérique de l'organisme émetteur",
    "Comment vérifier le présent certificat",
    "Code de vérification :",
    "Balayez le code, ou rendez-vous à l'adresse ci-dessous",
    "Une copie imprimée n'est authentique que si son numéro et son code sont confirmés",
    "Page 1 de",
)
ENGLISH_LABELS = (
    "Certificate of Professional Conduct",
    "A statement of the register of the College of Physicians and Surgeons",
    "Certificate number",
    "Issue date",
    "Valid until",
    "Class of registration",
    "Terms, conditions and limitations",
    "Discipline findings",
    "Pending investigations",
    "How to check this certificate",
    "certifies that, on",
)
EMPTY_FR = {
    "terms_conditions": "Le registre n'indique aucune condition ni restriction dont serait assorti le "
    "certificat d'inscription de ce membre.",
    "discipline": "Le registre n'indique aucune conclusion de faute professionnelle, d'incompétence ou "
    "d'incapacité rendue contre ce membre par un comité de discipline ou un tribunal.",
    "pending_investigations": "Le registre n'indique, comme étant en cours, aucune allégation renvoyée à "
    "un comité de discipline ou à un tribunal",
}
STATUS_FR = {
    MemberStatus.ACTIVE: "Actif",
    MemberStatus.SUSPENDED: "Suspendu",
    MemberStatus.RESIGNED: "Démission",
}

MONTFORT = RecipientInput(
    institution_type="Hospital",
    name="Hôpital Montfort",
    attention="Bureau des affaires médicales",
    street1="713 chemin Montréal",
    city="Ottawa",
    state="ON",
    country="CA",
    postal_code="K1K 0T2",
    email="affaires.medicales@montfort.example.org",
)


def flat(text: str) -> str:
    """Whitespace runs (line breaks, no-break spaces) as single spaces."""
    return " ".join(text.split())


def squash(text: str) -> str:
    return "".join(text.split())


def pdf_pages_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), flat("\n".join(p.extract_text() or "" for p in reader.pages))


def assert_printed(expected: str, text: str) -> None:
    # A long value wraps: compare with single spaces, and without any whitespace (a split word).
    assert flat(expected) in text or squash(expected) in squash(text), f"{expected!r} is not printed"


def demo_members(desk: Desk) -> dict[str, int]:
    """One demo member of each kind: a clean record, terms, a discipline finding, an investigation."""
    demo.fill(desk)
    with desk.db.read() as session:
        members = list(session.scalars(select(Member).order_by(Member.cpso_number)))

    def first(pred: object) -> int:
        return next(m.id for m in members if pred(m))  # type: ignore[operator]

    return {
        "clean": first(
            lambda m: (
                not (m.terms_conditions or m.discipline or m.pending_investigations)
                and m.status == MemberStatus.ACTIVE
                and m.certificate_expiry_date is not None
            )
        ),
        "terms": first(lambda m: m.terms_conditions and not m.discipline),
        "discipline": first(lambda m: m.discipline),
        "investigation": first(lambda m: m.pending_investigations),
    }


def issue(desk: Desk, registrar: Actor, member_id: int, language: str) -> Certificate:
    """File and (after a registrar's approval when the member needs one) issue one certificate."""
    draft = RequestDraft(
        member_id=member_id,
        recipients=(replace(MONTFORT, language=language),),
        consent_given=True,
        consent_method=ConsentMethod.PHONE,
        consent_statement="Le membre consent à la communication des renseignements.",
    )
    result = submit_request(desk, desk.actor, draft)
    if not result.recipients[0].certificate_id:
        result = approve_request(desk, registrar, result.request_id)
    certificate_id = result.recipients[0].certificate_id
    assert certificate_id is not None
    with desk.db.read() as session:
        cert = session.get(Certificate, certificate_id)
        assert cert is not None
        assert cert.recipient.language == language
        # The trail says in which language the certificate was issued.
        issued = session.scalars(
            select(AuditEvent).where(
                AuditEvent.kind == "certificate.issued", AuditEvent.subject == cert.number
            )
        ).one()
        assert json.loads(issued.after_json)["language"] == language
        _ = cert.recipient.request.member
        session.expunge_all()
    return cert


def verify_on_the_command_line(
    desk: Desk, database_url: str, pdf: bytes, path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path.write_bytes(pdf)
    capsys.readouterr()
    status = run_cli(["--data-dir", str(desk.data_dir), "--database-url", database_url, "verify", str(path)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "Result: VALID" in out and "FAILED" not in out


def test_french_dates_are_written_the_french_way() -> None:
    assert format_date(date(2026, 11, 25), "fr") == "25 novembre 2026"
    assert format_date(date(2026, 12, 1), "fr") == "1er décembre 2026"
    assert format_date(date(2027, 2, 1), "fr") == "1er février 2027"
    assert format_date(date(2027, 8, 15), "fr") == "15 août 2027"
    assert format_date(date(2026, 12, 1), "en") == "1 December 2026"
    assert format_date(date(2026, 12, 1), "bilingual") == "1 December 2026 / 1er décembre 2026"


@pytest.mark.parametrize("kind", ["clean", "terms", "discipline", "investigation"])
def test_french_certificate_for_each_kind_of_demo_member(
    desk: Desk,
    registrar: Actor,
    database_url: str,
    kind: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    member_id = demo_members(desk)[kind]
    cert = issue(desk, registrar, member_id, "fr")
    pdf = certificate_pdf(desk, desk.actor, cert.id)
    pages, text = pdf_pages_text(pdf)
    assert pages == 1, "a French certificate fits one page like the English one"
    for label in FRENCH_LABELS:
        assert_printed(label, text)
    for label in ENGLISH_LABELS:
        assert label not in text, f"English {label!r} on a French certificate"
    member = cert.recipient.request.member
    # Register content printed as recorded, accents exact.
    for value in (member.full_name, member.cpso_number, member.registration_class, *member.specialty_list):
        assert_printed(value, text)
    for value in (
        "Hôpital Montfort",
        "À l'attention de : Bureau des affaires médicales",
        "713 chemin Montréal",
    ):
        assert_printed(value, text)
    assert_printed(STATUS_FR[member.status], text)
    # Dates in French: the key facts, the member's dates and the attestation.
    assert_printed(f"Date de délivrance {date_fr(cert.issue_date)}", text)
    assert_printed(f"Valide jusqu'au {date_fr(cert.valid_until)}", text)
    assert_printed(f"en date du {date_fr(cert.issue_date)}", text)
    assert_printed(f"est valide jusqu'au {date_fr(cert.valid_until)}", text)
    assert_printed(f"Première inscription {date_fr(member.initial_registration_date)}", text)
    assert date_en(cert.valid_until) not in text
    for field, sentence in EMPTY_FR.items():
        recorded = getattr(member, field).strip()
        if recorded:
            assert_printed(recorded, text)
        else:
            assert_printed(f"Aucune mention au registre. {sentence}", text)
    assert "Certificat de conduite professionnelle " + cert.number in text  # the footer
    # The signature is intact and the register still stands behind it.
    result = verify_pdf(desk, pdf, today=cert.issue_date)
    assert result.ok, result.problems
    assert "the digital signature is intact" in result.checks
    verify_on_the_command_line(desk, database_url, pdf, tmp_path / "fr.pdf", capsys)


@pytest.mark.parametrize("kind", ["clean", "terms", "discipline", "investigation"])
def test_bilingual_certificate_for_each_kind_of_demo_member(
    desk: Desk,
    registrar: Actor,
    database_url: str,
    kind: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    member_id = demo_members(desk)[kind]
    cert = issue(desk, registrar, member_id, "bilingual")
    pdf = certificate_pdf(desk, desk.actor, cert.id)
    pages, text = pdf_pages_text(pdf)
    assert pages <= 2
    for label in (*FRENCH_LABELS[:-1], *ENGLISH_LABELS):
        assert_printed(label, text)
    # Labels side by side, English first.
    for both in (
        "Certificate number / Numéro du certificat",
        "Issue date / Date de délivrance",
        "Valid until / Valide jusqu'au",
        "Member / Membre",
        "Addressed to / Destinataire",
        "Discipline findings / Conclusions disciplinaires",
        "How to check this certificate / Comment vérifier le présent certificat",
        "Verification code / Code de vérification:",
        f"Page 1 of {pages} / Page 1 de {pages}",
    ):
        assert_printed(both, text)
    member = cert.recipient.request.member
    # The member's values once (register content is not translated); dates in both languages.
    assert text.count(member.full_name) >= 1
    assert_printed(f"{date_en(cert.issue_date)} {date_fr(cert.issue_date)}", text)
    assert_printed(
        f"{date_en(member.initial_registration_date)} / {date_fr(member.initial_registration_date)}", text
    )
    assert_printed(f"on {date_en(cert.issue_date)}, its register shows", text)
    assert_printed(f"en date du {date_fr(cert.issue_date)}", text)
    for field, sentence in EMPTY_FR.items():
        recorded = getattr(member, field).strip()
        if recorded:
            assert_printed(recorded, text)
            assert text.count(flat(recorded)[:40]) == 1, "register text is printed once, as recorded"
        else:
            assert_printed("None on record.", text)
            assert_printed(sentence, text)
    result = verify_pdf(desk, pdf, today=cert.issue_date)
    assert result.ok, result.problems
    verify_on_the_command_line(desk, database_url, pdf, tmp_path / "bilingual.pdf", capsys)


def test_english_stays_the_default_and_unchanged(desk: Desk, registrar: Actor) -> None:
    member_id = demo_members(desk)["clean"]
    draft = RequestDraft(member_id, (MONTFORT,), True, ConsentMethod.PHONE, "consent")
    result = submit_request(desk, desk.actor, draft)
    with desk.db.read() as session:
        recipient = session.scalars(select(RequestRecipient)).one()
        assert recipient.language == "en"
    certificate_id = result.recipients[0].certificate_id
    assert certificate_id is not None
    _pages, text = pdf_pages_text(certificate_pdf(desk, desk.actor, certificate_id))
    assert "Certificate of Professional Conduct" in text and "Certificat de conduite" not in text
    assert "None on record." in text and "Aucune mention" not in text


def test_the_issuing_body_named_in_french_when_it_has_a_french_name(
    desk: Desk, registrar: Actor, plain_smtp: SmtpServer
) -> None:
    plain_smtp.configure(desk.settings)
    desk.settings.set("issuer.name_fr", "Ordre des médecins et chirurgiens (DÉMO)")
    desk.settings.set("registrar.title_fr", "Registraire et chef de la direction")
    member_id = demo_members(desk)["clean"]
    french = issue(desk, registrar, member_id, "fr")
    _pages, text = pdf_pages_text(certificate_pdf(desk, desk.actor, french.id))
    assert_printed("Ordre des médecins et chirurgiens (DÉMO) atteste qu'en date du", text)
    assert_printed("Extrait du registre tenu par : Ordre des médecins et chirurgiens (DÉMO)", text)
    assert_printed("Registraire et chef de la direction", text)
    assert "College of Physicians" not in text and "Chief Executive" not in text
    both = issue(desk, registrar, member_id, "bilingual")
    _pages, text = pdf_pages_text(certificate_pdf(desk, desk.actor, both.id))
    assert_printed("College of Physicians and Surgeons (DEMO) Ordre des médecins et chirurgiens (DÉMO)", text)
    assert_printed("The College of Physicians and Surgeons (DEMO) certifies that", text)
    assert_printed("Ordre des médecins et chirurgiens (DÉMO) atteste qu'en date du", text)
    assert_printed("Registrar and Chief Executive Officer / Registraire et chef de la direction", text)
    # The email of the French certificate names the body in French, in its text and its signature.
    outbox.send_due(desk)
    letters = {m.message["Subject"].split(" – ")[0]: m.message for m in plain_smtp.received}
    body = letters["Certificat de conduite professionnelle"].get_body(("plain",)).get_content()
    assert "À la demande du membre, Ordre des médecins et chirurgiens (DÉMO) vous transmet" in body
    assert body.rstrip().splitlines()[-2:] == [
        "Registraire et chef de la direction",
        "Ordre des médecins et chirurgiens (DÉMO)",
    ]
