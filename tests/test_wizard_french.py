"""The request wizard with the desk in French: driven through its page buttons, every page speaks French
and shows all of its text at 1366x768, and what it files is what the English desk files (the language of
the desk is not the language of the certificate, which is chosen per recipient)."""

import ast
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget, QWizard
from sqlalchemy import delete, select

from app.desk import Desk
from app.i18n import Catalogue
from app.store.models import (
    CONSENT_METHOD_LABELS,
    Certificate,
    CertificateRequest,
    InstitutionType,
    RequestStatus,
)
from tests.factories import make_member
from tests.smtp_servers import SmtpServer
from tests.ui_clipping import clipped_texts
from tests.wizard_driver import (
    WAIT_MS,
    Known,
    Other,
    add_directory,
    choose_member,
    click_next,
    fill_recipient,
    flat,
    open_wizard,
    pdf_text,
    run_to_review,
    submit,
)
from ui.common import messages
from ui.request.consent_page import METHOD_LABELS
from ui.request.wizard import CpcWizard
from ui.shell.application import load_style
from ui.shell.translations import install_language, uninstall

ROOT = Path(__file__).resolve().parent.parent
TRANSLATING = ("translate", "QT_TRANSLATE_NOOP")  # the calls whose literals lupdate should extract
SHOTS = os.environ.get("CPC_WIZARD_SHOTS", "")  # a folder: save each French page there as a PNG


@pytest.fixture
def language(qapp: Any, tmp_path: Path) -> Iterator[Callable[[str], None]]:
    """use("fr") installs French (before the widgets are built), use("en") goes back to English. The desk's
    style sheet is on, as staff see the screens (its fonts and paddings decide what fits)."""

    def use(code: str) -> None:
        if code == "en":
            uninstall()
        else:
            assert install_language(code, tmp_path / "qm"), "the French translations did not load"

    load_style(qapp)
    assert qapp.styleSheet()
    yield use
    uninstall()
    qapp.setStyleSheet("")


@pytest.fixture
def mail(desk: Desk, plain_smtp: SmtpServer) -> SmtpServer:
    plain_smtp.configure(desk.settings)
    return plain_smtp


def mnemonic_clashes(wizard: CpcWizard) -> list[str]:
    """Alt+letter keys that two visible labels or buttons of the current page (wizard buttons included)
    both claim: the French words chose their letters anew."""
    owners: dict[str, list[str]] = {}
    for widget in wizard.findChildren(QWidget):
        if not widget.isVisibleTo(wizard) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        match = re.search(r"&([^&\s])", widget.text().replace("&&", ""))
        if match:
            owners.setdefault(match.group(1).lower(), []).append(widget.text())
    return [f"{key}: {texts}" for key, texts in owners.items() if len(texts) > 1]


def page_shown(qtbot: Any, wizard: CpcWizard, name: str) -> list[str]:
    """What the current page cuts off, once laid out, and the keys it gives twice (and its PNG, when
    asked for)."""
    qtbot.wait(50)  # the layout settles after a page change
    if SHOTS:
        qtbot.wait(600)  # the review page's previews render in the background
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        wizard.grab().save(str(Path(SHOTS) / f"wizard-fr-{name}.png"))
    return clipped_texts(wizard) + mnemonic_clashes(wizard)


def file_request(qtbot: Any, wizard: CpcWizard, on_page: Callable[[str], None]) -> None:
    run_to_review(qtbot, wizard, "104512", [Known("Toronto General Hospital")], on_page)
    on_page("review")
    submit(qtbot, wizard)
    on_page("done")


def certificate_words(desk: Desk, certificate: Certificate) -> str:
    """The certificate's text, its own number and code (which differ from one certificate to the next)
    replaced by placeholders."""
    text = flat(pdf_text(desk, certificate.id))
    assert certificate.number in text and certificate.verification_code in text
    return text.replace(certificate.number, "<number>").replace(certificate.verification_code, "<code>")


def test_a_request_filed_in_french_issues_the_same_certificate_as_in_english(
    qtbot: Any, desk: Desk, mail: SmtpServer, language: Callable[[str], None]
) -> None:
    with desk.db.write() as session:
        make_member(session, cpso_number="104512")
    add_directory(desk)

    # The English desk files the request first: the certificate to compare with.
    wizard = open_wizard(qtbot, desk)
    file_request(qtbot, wizard, lambda _name: None)
    assert wizard.done_page.title() == "Certificates issued"
    assert "1 certificate issued" in wizard.done_page.heading.text()
    wizard.accept()

    language("fr")
    messages.auto_answer = lambda _title, _text: True  # the same member and address again: yes, file it
    wizard = open_wizard(qtbot, desk)
    assert wizard.windowTitle() == "Certificat de conduite professionnelle — nouvelle demande"
    clipped: dict[str, list[str]] = {}

    def on_page(name: str) -> None:
        page = wizard.currentPage()
        next_button = wizard.button(
            QWizard.WizardButton.CommitButton if page.isCommitPage() else QWizard.WizardButton.NextButton
        )
        if name == "member":
            assert page.title() == "Membre"
            assert wizard.member_page.found_label.text().startswith("1 membre trouvé — ↓ pour choisir")
            assert wizard.member_page.cpso.text() == "104512"
            assert wizard.member_page.status.text() == "Actif"
            assert wizard.member_page.results.item(0).text().endswith("Independent Practice, actif")
            assert next_button.text() == "&Suivant >"
        elif name == "recipient":
            assert page.title() == "Destinataire"
            assert wizard.recipient_page.add_button.text() == "Ajouter un autre &destinataire"
            assert wizard.recipient_page.directory_note.text().startswith("Nom, adresse et courriel tirés")
            assert wizard.button(QWizard.WizardButton.BackButton).text() == "< &Précédent"
        elif name == "consent":
            assert page.title() == "Consentement à la communication de renseignements"
            assert wizard.consent_page.method.currentText() == "Par téléphone"
            assert wizard.consent_page.consent.text().startswith("Le membre &donne son consentement")
        elif name == "review":
            assert page.title() == "Vérification"
            assert next_button.text() == "&Soumettre"
            summary = flat(wizard.review_page.summary.text())
            assert "Courriel : <b>credentials@tgh.example.org</b>" in summary
            assert "Donné par le membre (par téléphone); consigné par Test Clerk" in summary
            for title in ("Membre", "Destinataires", "Ce que le certificat communiquera", "Consentement"):
                assert f"<h3>{title}</h3>" in summary
        clipped[name] = page_shown(qtbot, wizard, name)

    file_request(qtbot, wizard, on_page)
    # The duplicate question was asked in French, and answered.
    assert ("question", "Déposer une autre demande?") in [(kind, title) for kind, title, _ in messages.shown]
    done = wizard.done_page
    assert done.title() == "Certificats délivrés"
    assert re.search(
        r"Demande <b>\S+</b> pour .* \(nº CPSO 104512\) : 1 certificat délivré\.", done.heading.text()
    )
    headers = [done.table.horizontalHeaderItem(c).text() for c in range(done.table.columnCount())]
    assert headers == ["Destinataire", "Adresse courriel", "Certificat", "Code de vérification", "Envoi"]
    assert done.table.item(0, 4).text() == "Envoyé"
    assert done.delivery_status.text() == "Tous les certificats ont été remis au serveur de courriel."
    assert done.open_button.text() == "&Ouvrir le PDF"
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Terminer"
    assert clipped == {name: [] for name in ("member", "recipient", "consent", "review", "done")}

    # What was filed and issued is the same, whatever the desk's language.
    with desk.db.read() as session:
        requests = list(session.scalars(select(CertificateRequest).order_by(CertificateRequest.id)))
        assert [r.status for r in requests] == [RequestStatus.ISSUED, RequestStatus.ISSUED]
        english, french = (r.recipients[0] for r in requests)
        assert (french.language, french.email, french.name) == (english.language, english.email, english.name)
        assert [r.consent_method for r in requests] == [requests[0].consent_method] * 2
        first, second = (rec.certificates[0] for rec in (english, french))
    assert first.number != second.number
    assert certificate_words(desk, second) == certificate_words(desk, first)
    assert "Certificate of Professional Conduct" in certificate_words(desk, second)
    subjects = [m.message["Subject"] for m in mail.received]
    assert len(subjects) == 2 and subjects[0] == subjects[1]


def test_a_request_for_review_with_two_recipients_in_french(
    qtbot: Any, desk: Desk, language: Callable[[str], None]
) -> None:
    with desk.db.write() as session:
        make_member(session, cpso_number="104512", terms_conditions="Must practise under supervision.")
    add_directory(desk)
    quebec = Other(
        name="Collège des médecins du Québec",
        street1="1250 boulevard René-Lévesque Ouest",
        city="Montréal",
        state="QC",
        country="CA",
        postal_code="H3B 0G2",
        email="permis@cmq.example.org",
        institution_type="Licensing or regulatory authority",
    )
    language("fr")
    wizard = open_wizard(qtbot, desk)
    clipped: dict[str, list[str]] = {}

    def on_page(name: str) -> None:
        if name == "member":
            note = wizard.member_page.review_note
            assert note.isVisibleTo(wizard)
            assert note.text().startswith("La demande de ce membre sera examinée par un registraire avant")
        elif name == "recipient":
            page = wizard.recipient_page
            assert page.list_label.text() == "Destinataires déjà ajoutés :"
            assert page.list.count() == 1 and page.remove_button.isVisibleTo(wizard)
            assert page.remove_button.text() == "&Retirer de la liste"
            # Typed in after a directory entry was added: the fields no longer look read-only.
            attention = page.edits["attention"]
            assert not attention.isReadOnly()
            image = attention.grab().toImage()
            assert image.pixelColor(image.width() - 6, image.height() // 2).name() != "#eef1f4"
        elif name == "review":
            summary = flat(wizard.review_page.summary.text())
            assert "<b>Sera examinée par un registraire :</b>" in summary
            assert summary.count("Langue du certificat : <b>") == 2
        clipped[f"review-{name}"] = page_shown(qtbot, wizard, f"review-{name}")

    run_to_review(qtbot, wizard, "104512", [Known("Toronto General Hospital"), quebec], on_page)
    on_page("review")
    submit(qtbot, wizard)
    on_page("done")
    done = wizard.done_page
    assert done.title() == "Transmise à un registraire pour examen"
    assert done.subTitle() == "Rien n’est délivré avant qu’un registraire approuve la demande."
    assert "<b>en attente d’examen par un registraire</b>" in done.heading.text()
    assert [done.table.item(row, 4).text() for row in range(2)] == ["En attente d’examen"] * 2
    assert clipped == {f"review-{n}": [] for n in ("member", "recipient", "consent", "review", "done")}
    with desk.db.read() as session:
        request = session.scalars(select(CertificateRequest)).one()
        assert request.status == RequestStatus.AWAITING_REVIEW
        assert [r.language for r in request.recipients] == ["en", "fr"]


def test_recipient_errors_name_their_fields_in_french_without_cutting_text(
    qtbot: Any, desk: Desk, language: Callable[[str], None]
) -> None:
    with desk.db.write() as session:
        make_member(session, cpso_number="104512")
    language("fr")
    wizard = open_wizard(qtbot, desk)
    choose_member(qtbot, wizard, "104512")
    click_next(qtbot, wizard)
    page = wizard.recipient_page
    fill_recipient(
        qtbot,
        wizard,
        Other(
            name=" ",
            street1="76 Stuart Street",
            city="",
            state="",
            country="CA",
            postal_code="12345",
            email="two@example.com, three@example.com",
            save=True,
        ),
    )
    click_next(qtbot, wizard)
    assert wizard.currentPage() is page
    shown = {label: w.text() for label, w in page.errors.items() if w.isVisibleTo(wizard)}
    assert set(shown) == {"Institution name", "City", "State/Province", "Zip/Postal code", "Email address"}
    french_names = {
        "Institution name": "Nom de l’organisation : ",
        "City": "Ville : ",
        "State/Province": "Province/État : ",
        "Zip/Postal code": "Code postal/ZIP : ",
        "Email address": "Adresse courriel : ",
    }
    for label, text in shown.items():
        assert text.startswith(french_names[label]), text
    assert page.save_check.text().startswith("&Enregistrer cet établissement")
    assert page_shown(qtbot, wizard, "recipient-errors") == []
    # Cancel asks first, in French; "no" keeps the wizard open and files nothing.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert messages.shown[-1][:2] == ("question", "Annuler cette demande?")
    assert messages.shown[-1][2].startswith("Ce que vous avez saisi sera perdu")
    assert wizard.isVisible()
    with desk.db.read() as session:
        assert session.scalars(select(CertificateRequest)).first() is None


def test_recipients_refused_at_submit_are_named_in_french(
    qtbot: Any, desk: Desk, language: Callable[[str], None]
) -> None:
    """Both recipients are of a type the desk's list drops between the review and Submit: the first comes
    back into the form with its field marked, the second is named by its number, all in French."""
    with desk.db.write() as session:
        make_member(session, cpso_number="104512")
        session.add(InstitutionType(name="Private clinic", position=99))
    clinics = [
        Other(
            name=name,
            street1="1 King Street West",
            city="Toronto",
            state="ON",
            country="CA",
            postal_code="M5H 1A1",
            email=email,
            institution_type="Private clinic",
        )
        for name, email in (
            ("King Clinic", "records@king.example.org"),
            ("Queen Clinic", "q@queen.example.org"),
        )
    ]
    language("fr")
    wizard = open_wizard(qtbot, desk)
    run_to_review(qtbot, wizard, "104512", list(clinics))
    with desk.db.write() as session:  # an administrator removes the type meanwhile
        session.execute(delete(InstitutionType).where(InstitutionType.name == "Private clinic"))
    click_next(qtbot, wizard)  # Soumettre
    page = wizard.recipient_page
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=WAIT_MS)
    marked = page.errors["Institution type"]
    assert marked.isVisibleTo(wizard) and marked.text().startswith("Type d’établissement : ")
    assert page.edits["name"].text() == "King Clinic"
    assert [r.name for r in page.recipients] == ["Queen Clinic"]
    assert page.page_error.text().startswith(
        "Rien n’a été délivré. Corrigez ce qui est signalé, cliquez sur Suivant, puis de nouveau sur "
        "Soumettre. Destinataire 2 – Type d’établissement : "
    )
    assert page_shown(qtbot, wizard, "recipient-refused") == []
    with desk.db.read() as session:
        assert session.scalars(select(CertificateRequest)).first() is None


def test_every_text_of_the_wizard_has_its_french_translation() -> None:
    """Read from the code, not from lupdate: a text lupdate cannot see (inside an f-string, or a plural
    whose count is passed as n=) is also missing from the French file, and is caught here."""
    texts: set[tuple[str, str]] = set()
    for path in sorted((ROOT / "ui" / "request").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in TRANSLATING:
                context, source = (ast.literal_eval(arg) for arg in node.args[:2])
                texts.add((context, source))
    assert len(texts) > 100
    french = Catalogue("fr").messages
    assert sorted(texts - set(french)) == []
    assert french[("CpcWizard", "%n member(s) found — ↓ to choose, Enter to continue.")] == [
        "%n membre trouvé — ↓ pour choisir, Entrée pour continuer.",
        "%n membres trouvés — ↓ pour choisir, Entrée pour continuer.",
    ]


def test_consent_methods_shown_are_the_register_s_words() -> None:
    # The page marks the words for translation; the batch file and the register keep them in app/.
    assert METHOD_LABELS == CONSENT_METHOD_LABELS
