"""Copies of Documents in French and in both languages (issue 20 item 1): the registration certificate,
the card and the diploma of demo members, issued through the one engine, read back with pypdf (every
French label and value, French dates, accents exact), signed, `verify` VALID; the email in the
document's language through a real loopback SMTP server; the default language rule; the dialog's combo;
the command line's --language."""

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.access.staff import Actor
from app.desk import Desk
from app.document.disclosure import format_date
from app.document.verification import verify_pdf
from app.errors import ValidationError
from app.issuing.documents import document_pdf, issue_copies, member_language
from app.issuing.requests import reissue_certificate
from app.mail.outbox import send_due
from app.register.demo import demo_members
from app.store.models import Certificate, Member, MemberStatus, RequestRecipient
from tests.cli_runner import run_cli
from tests.factories import make_member
from tests.smtp_servers import SmtpServer
from ui.desk.copies_dialog import CopiesDialog
from ui.shell.context import UiContext

KINDS = ("registration", "card", "diploma")
FRENCH_NAME = "Ordre des médecins et chirurgiens (DÉMO)"
FRENCH_TITLE = "Registraire et chef de la direction"
STATUSES_FR = {"active": "Actif", "suspended": "Suspendu", "revoked": "Révoqué", "resigned": "Démission"}


def _flat(text: str) -> str:
    """Whitespace (the no-break space before a French colon, line ends) as one space."""
    return " ".join(text.split())


def _pages(pdf: bytes) -> list[str]:
    return [_flat(page.extract_text() or "") for page in PdfReader(BytesIO(pdf)).pages]


def _demo_member(desk: Desk, terms: bool) -> Member:
    """An active demo member with terms (or a clean one), stored."""
    member = next(
        m
        for m in demo_members(80)
        if m.status == MemberStatus.ACTIVE
        and bool(m.terms_conditions) == terms
        and not m.discipline
        and not m.pending_investigations
    )
    from app.register.members import refresh_search_name

    refresh_search_name(member)
    with desk.db.write() as session:
        session.add(member)
    return member


def _french_issuer(desk: Desk) -> None:
    desk.settings.set("issuer.name_fr", FRENCH_NAME)
    desk.settings.set("registrar.title_fr", FRENCH_TITLE)


def _verify_on_the_command_line(
    desk: Desk, pdf: bytes, path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path.write_bytes(pdf)
    capsys.readouterr()
    base = ["--data-dir", str(desk.data_dir), "--database-url", str(desk.db.url)]
    status = run_cli([*base, "verify", str(path)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "Result: VALID" in out and "FAILED" not in out


def _stored(desk: Desk, number: str) -> tuple[str, date, date]:
    """The verification code, issue date and validity of an issued document."""
    with desk.db.read() as session:
        cert = session.scalar(select(Certificate).where(Certificate.number == number))
        assert cert is not None
        return cert.verification_code, cert.issue_date, cert.valid_until


def test_french_copies_of_every_document_read_back_signed_and_valid(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _french_issuer(desk)
    member = _demo_member(desk, terms=True)
    issued = issue_copies(desk, desk.actor, member.cpso_number, list(KINDS), language="fr")
    for copy in issued.copies:
        pdf = document_pdf(desk, desk.actor, copy.number)
        pages = _pages(pdf)
        text = " ".join(pages)
        code, issued_on, valid_until = _stored(desk, copy.number)
        # register content as recorded, the issuer's French name, the number and code
        for value in (member.full_name, FRENCH_NAME, copy.number, code):
            assert _flat(value) in text, (copy.kind, value)
        # nothing left in English
        for english in ("Date of issue", "Valid until", "Verification code", "How to check", "Page 1 of"):
            assert english not in text, (copy.kind, english)
        if copy.kind == "registration":
            assert len(pages) == 1
            expected = [
                "Certificat d'inscription",
                "Extrait du registre tenu par : " + FRENCH_NAME,
                "Nous attestons que",
                f"Numéro de membre (CPSO) {member.cpso_number}",
                "figure au registre de l'Ordre comme suit :",
                "Catégorie de certificat d'inscription",
                member.registration_class,
                "Statut d'inscription",
                "Actif",
                "Première inscription",
                format_date(member.initial_registration_date, "fr"),
                "Expiration du certificat",
                "Spécialités",
                "Conditions et restrictions",
                _flat(member.terms_conditions),
                "Date de délivrance",
                format_date(issued_on, "fr"),
                "Numéro du document",
                f"{FRENCH_NAME} atteste qu'en date du {format_date(issued_on, 'fr')}",
                "La présente copie est délivrée à la demande du membre.",
                FRENCH_TITLE,
                "Comment vérifier le présent document",
                "Code de vérification :",
                "Numéro du document :",
                "Balayez le code",
                "document non officiel",
                f"Certificat d'inscription {copy.number}",
                "Page 1",
            ]
        elif copy.kind == "card":
            assert len(pages) == 3
            expected = [
                "CARTE DE MEMBRE",
                "No CPSO",
                member.cpso_number,
                "Catégorie",
                "Statut",
                "Actif",
                "Valide jusqu'au",
                format_date(valid_until, "fr"),
                "Vérifier la présente carte",
                "Code de vérification",
                "Numéro de la carte",
                "Le registre fait foi",
                f"En cas de perte, retourner à : {FRENCH_NAME}, 80 College Street",
                f"Délivrée le {format_date(issued_on, 'fr')}",
                f"Carte de membre {copy.number} : feuille d'impression",
                "Imprimez la présente page à 100 %",
                "Recto",
                "Verso",
                "Page 3 de 3",
            ]
        else:
            assert len(pages) == 1
            expected = [
                "Diplôme de membre",
                "Nous attestons que",
                f"titulaire du numéro de membre (CPSO) {member.cpso_number}, figure au registre de l'Ordre "
                f"depuis le {format_date(member.initial_registration_date, 'fr')}",
                f"dans la catégorie « {member.registration_class} »",
                f"Fait le {format_date(issued_on, 'fr')}",
                f"Diplôme {copy.number}",
                f"Code de vérification {code}",
                FRENCH_TITLE,
            ]
        for words in expected:
            assert _flat(words) in text, (copy.kind, words)
        result = verify_pdf(desk, pdf, today=issued_on)
        assert result.ok, (copy.kind, result.problems)
        assert result.number == copy.number
        _verify_on_the_command_line(desk, pdf, tmp_path / f"{copy.number}.pdf", capsys)
    with desk.db.read() as session:
        languages = set(session.scalars(select(RequestRecipient.language)))
    assert languages == {"fr"}  # the request's recipient rows keep the language, as a CPC's do


def test_bilingual_copies_say_everything_in_both_languages_and_the_registration_keeps_to_one_page(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _french_issuer(desk)
    for terms in (False, True):
        member = _demo_member(desk, terms=terms)
        issued = issue_copies(desk, desk.actor, member.cpso_number, list(KINDS), language="bilingual")
        for copy in issued.copies:
            pdf = document_pdf(desk, desk.actor, copy.number)
            pages = _pages(pdf)
            text = " ".join(pages)
            code, issued_on, valid_until = _stored(desk, copy.number)
            both = f"{format_date(issued_on, 'en')} / {format_date(issued_on, 'fr')}"
            if copy.kind == "registration":
                assert len(pages) == 1, (terms, pages)
                expected = [
                    "Certificate of Registration",
                    "Certificat d'inscription",
                    "This certifies that / Nous attestons que",
                    "Class of registration",
                    "Catégorie de certificat d'inscription",
                    "Active / Actif",
                    "Date of issue",
                    "Date de délivrance",
                    both,
                    "College of Physicians and Surgeons (DEMO) certifies that",
                    f"{FRENCH_NAME} atteste qu'en date du",
                    "How to check this document / Comment vérifier le présent document",
                    "Registrar and Chief Executive Officer",
                    FRENCH_TITLE,
                    _flat(member.terms_conditions)
                    if terms
                    else "None on record. / Aucune mention au registre.",
                ]
            elif copy.kind == "card":
                expected = [
                    "MEMBERSHIP CARD / CARTE DE MEMBRE",
                    "Valid until",
                    "Valide jusqu'au",
                    f"{format_date(valid_until, 'en')} / {format_date(valid_until, 'fr')}",
                    f"Issued {format_date(issued_on, 'en')} / Délivrée le {format_date(issued_on, 'fr')}",
                    "Front / Recto",
                    "Back / Verso",
                    "Page 3 of 3 / Page 3 de 3",
                ]
            else:
                expected = [
                    "Membership Diploma",
                    "Diplôme de membre",
                    f"CPSO number {member.cpso_number}, was admitted to membership",
                    f"titulaire du numéro de membre (CPSO) {member.cpso_number}",
                    f"Given on {format_date(issued_on, 'en')} / Fait le {format_date(issued_on, 'fr')}",
                ]
            for words in [member.full_name, copy.number, code, *expected]:
                assert _flat(words) in text, (copy.kind, words)
            assert verify_pdf(desk, pdf, today=issued_on).ok
        _verify_on_the_command_line(desk, pdf, tmp_path / f"{copy.number}.pdf", capsys)


def test_a_long_bilingual_registration_runs_on_to_a_second_page_with_every_word(desk: Desk) -> None:
    terms = " ".join(
        f"Condition {n}: the member shall practise only at site {n} under supervision." for n in range(40)
    )
    with desk.db.write() as session:
        member = make_member(session, terms_conditions=terms)
        cpso = member.cpso_number
    issued = issue_copies(desk, desk.actor, cpso, ["registration"], language="bilingual")
    pages = _pages(document_pdf(desk, desk.actor, issued.copies[0].number))
    assert len(pages) >= 2
    text = " ".join(pages)
    # every word, in order (a sentence may run over the page break, past the footer and the label)
    words = text.split()
    position = 0
    for word in terms.split():
        position = words.index(word, position) + 1
    assert "(continued) / (suite)" in pages[1]
    assert "Comment vérifier le présent document" in pages[-1]


def test_the_email_that_carries_a_document_is_in_its_language(desk: Desk, plain_smtp: SmtpServer) -> None:
    plain_smtp.configure(desk.settings)
    _french_issuer(desk)
    member = _demo_member(desk, terms=False)
    french = issue_copies(desk, desk.actor, member.cpso_number, ["registration"], language="fr")
    both = issue_copies(desk, desk.actor, member.cpso_number, ["diploma"], language="bilingual")
    english = issue_copies(desk, desk.actor, member.cpso_number, ["registration"], language="en")
    assert send_due(desk).sent == 3
    got = {m.message["X-CPC-Certificate"]: m.message for m in plain_smtp.received}
    cpso = member.cpso_number

    fr_number = french.copies[0].number
    msg = got[fr_number]
    assert msg["Subject"] == f"Votre certificat d'inscription {fr_number} (CPSO no {cpso})"
    body = msg.get_body(("plain",))
    assert body is not None
    text = _flat(body.get_content())
    assert f"Bonjour {member.full_name}," in text
    assert (
        f"Comme vous l'avez demandé, {FRENCH_NAME} vous transmet une copie de votre certificat d'inscription"
        in text
    )
    assert "Pièce jointe :" in text and "Code de vérification :" in text
    assert "Dear" not in text and "Certificate of Registration" not in text
    html_part = msg.get_body(("html",))
    assert html_part is not None and "lang='fr'" in html_part.get_content()

    dip_number = both.copies[0].number
    msg = got[dip_number]
    assert msg["Subject"] == f"Membership Diploma / Diplôme de membre {dip_number} (CPSO #{cpso})"
    body = msg.get_body(("plain",))
    assert body is not None
    text = _flat(body.get_content())
    assert text.startswith("(Le français suit.)")
    assert "a copy of your Membership Diploma" in text and "une copie de votre diplôme de membre" in text

    en_number = english.copies[0].number
    msg = got[en_number]
    assert msg["Subject"] == f"Your Certificate of Registration {en_number} (CPSO #{cpso})"
    body = msg.get_body(("plain",))
    assert body is not None and "Bonjour" not in body.get_content()


def test_the_default_language_is_french_for_a_practice_address_in_quebec(desk: Desk) -> None:
    with desk.db.write() as session:
        quebec = make_member(session, practice_address="1000 rue Sherbrooke Ouest\nMontréal QC  H3A 3G4")
        city = make_member(session, practice_address="12 Grande Allée, Québec (Québec) G1R 2J5")
        ontario = make_member(session, practice_address="80 College Street, Toronto ON  M5G 2E2")
        nowhere = make_member(session, practice_address="")
        assert [member_language(m) for m in (quebec, city, ontario, nowhere)] == ["fr", "fr", "en", "en"]
        cpso = quebec.cpso_number
    issued = issue_copies(desk, desk.actor, cpso, ["registration"])  # no language: the rule decides
    assert "Certificat d'inscription" in " ".join(
        _pages(document_pdf(desk, desk.actor, issued.copies[0].number))
    )
    with desk.db.read() as session:
        assert session.scalars(select(RequestRecipient.language)).one() == "fr"


def test_a_language_that_is_not_one_is_refused_naming_the_field(
    desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    member = _demo_member(desk, terms=False)
    with pytest.raises(ValidationError) as caught:
        issue_copies(desk, desk.actor, member.cpso_number, ["card"], language="klingon")
    assert caught.value.field == "language"
    base = ["--data-dir", str(desk.data_dir), "--database-url", str(desk.db.url)]
    status = run_cli([*base, "documents", "issue", member.cpso_number, "--kind", "card", "--language", "xx"])
    printed = capsys.readouterr()
    assert status == 2
    assert "language" in printed.err and "Traceback" not in printed.err
    with desk.db.read() as session:
        assert session.scalar(select(Certificate.id)) is None


def test_documents_in_french_on_the_command_line(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member = _demo_member(desk, terms=False)
    base = ["--data-dir", str(desk.data_dir), "--database-url", str(desk.db.url)]
    out = tmp_path / "out"
    status = run_cli(
        [
            *base,
            "documents",
            "issue",
            member.cpso_number,
            "--kind",
            "card",
            "--language",
            "fr",
            "--out",
            str(out),
        ]
    )
    assert status == 0, capsys.readouterr().err
    (path,) = out.iterdir()
    assert "CARTE DE MEMBRE" in " ".join(_pages(path.read_bytes()))
    capsys.readouterr()
    assert run_cli([*base, "verify", str(path)]) == 0
    assert "Result: VALID" in capsys.readouterr().out


def test_the_dialog_starts_in_the_members_language_and_issues_in_the_one_chosen(
    qtbot: QtBot, desk: Desk
) -> None:
    with desk.db.write() as session:
        quebec = make_member(session, practice_address="Montréal QC  H3A 3G4")
        ontario = make_member(session, practice_address="Toronto ON  M5G 2E2")
        ids = quebec.id, ontario.id
    ctx = UiContext(desk)
    dialog = CopiesDialog(ctx, member_id=ids[1])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.language.currentData() == "en"
    # Tab goes down the form: from the language to the email address
    following = dialog.language.nextInFocusChain()
    while not (following.focusPolicy() & Qt.FocusPolicy.TabFocus and following.isVisible()):
        following = following.nextInFocusChain()
    assert following is dialog.email
    dialog.load(ids[0])
    assert dialog.language.currentData() == "fr"
    dialog.language.setCurrentIndex(dialog.language.findData("bilingual"))
    dialog.kind_boxes["registration"].setChecked(True)
    dialog.issue()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    assert dialog.result is not None
    pages = _pages(document_pdf(desk, desk.actor, dialog.result.copies[0].number))
    assert "Certificate of Registration" in pages[0] and "Certificat d'inscription" in pages[0]
    with desk.db.read() as session:
        assert session.scalars(select(RequestRecipient.language)).one() == "bilingual"


def test_the_french_statuses_are_the_certificates(desk: Desk) -> None:
    for status, french in STATUSES_FR.items():
        with desk.db.write() as session:
            cpso = make_member(session, status=MemberStatus(status)).cpso_number
        issued = issue_copies(desk, desk.actor, cpso, ["registration"], language="fr")
        text = " ".join(_pages(document_pdf(desk, desk.actor, issued.copies[0].number)))
        assert f"Statut d'inscription {french}" in text, status


def test_a_reissued_french_document_stays_french(desk: Desk, registrar: Actor) -> None:
    member = _demo_member(desk, terms=False)
    issued = issue_copies(desk, desk.actor, member.cpso_number, ["diploma"], language="fr")
    new = reissue_certificate(desk, registrar, issued.copies[0].number, reason="le cadre a été brisé")
    assert new.number.startswith("DIP-") and new.number != issued.copies[0].number
    pdf = document_pdf(desk, desk.actor, new.number)
    text = " ".join(_pages(pdf))
    assert "Diplôme de membre" in text and "Membership Diploma" not in text
    assert verify_pdf(desk, pdf, today=new.issue_date).ok
