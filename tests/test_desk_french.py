"""The desk's member screens in French (issue 20, item 4): the profile, the assistance desk, the registrar's
review, verify, copies of documents, the message thread and the reissue box, built for real members in a
real database with the French translators installed, show French text, plural forms right in both
languages, and no text cut off at 1366x768 (tests/ui_clipping.py). Each screen is also saved as a PNG in
the test's folder, to look at."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from members_data import RecordingNavigator, add_member
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_clipping import clipped_texts

from app import i18n
from app.access.staff import Actor
from app.desk import Desk
from app.issuing.documents import issue_copies
from app.issuing.messages import record_message
from app.issuing.requests import RequestDraft, submit_request
from app.issuing.rules import DOCUMENT_KINDS
from app.register.recipients import ADDRESS_FIELDS, FIELD_LABELS, RecipientInput
from app.store.models import (
    CONSENT_METHOD_LABELS,
    Certificate,
    CertificateDocument,
    ConsentMethod,
    MemberStatus,
    MessageChannel,
    StaffRole,
)
from tests.factories import make_member
from ui.desk import profile as profile_module
from ui.desk.assistance import AssistanceScreen, status_words
from ui.desk.copies_dialog import CopiesDialog
from ui.desk.profile import ProfileScreen, ReissueDialog
from ui.desk.review_screen import ReviewScreen
from ui.desk.thread_dialog import ThreadDialog, grouped
from ui.desk.verify_dialog import VerifyScreen
from ui.shell.context import UiContext
from ui.shell.translations import install_language, uninstall

LAPTOP = (1366, 768)

TGH = RecipientInput(
    institution_type="Hospital",
    name="Hôpital Montfort",
    attention="Bureau du personnel médical",
    street1="713, chemin Montréal",
    city="Ottawa",
    state="ON",
    country="CA",
    postal_code="K1K 0T2",
    email="credentialing@montfort.example",
)


@pytest.fixture
def french(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The French translators installed (compiled from the .ts files by lrelease) before any widget."""
    assert install_language("fr", tmp_path / "qm")
    yield
    uninstall()


@pytest.fixture(autouse=True)
def no_system_viewer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_module, "OPEN_WITH_SYSTEM", False)


@pytest.fixture
def member(desk: Desk, registrar: Actor) -> dict[str, Any]:
    """Hélène Côté-Gagnon with a certificate issued (and queued) to a Francophone hospital."""
    desk.offline = True
    with desk.db.write() as s:
        member_id = add_member(
            s,
            "Hélène",
            "Côté-Gagnon",
            "104211",
            specialties="Family Medicine",
            email="h.cote@example.org",
            phone="613-555-0100",
        ).id
        add_member(s, "Helen", "Cotton", "104212")
    submitted = submit_request(
        desk,
        registrar,
        RequestDraft(member_id, (TGH,), True, ConsentMethod.PHONE, "I consent to the disclosure."),
    )
    recipient = submitted.recipients[0]
    return {"id": member_id, "request": submitted.request_number, "number": recipient.certificate_number}


def shown(qtbot: QtBot, widget: QWidget, tmp_path: Path, name: str, size: tuple[int, int] = LAPTOP) -> None:
    """`widget` shown and laid out at `size` (a 1366x768 laptop), saved as `name`.png."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    assert widget.grab().save(str(tmp_path / f"{name}.png"))


def test_the_profile_is_in_french_for_a_real_member(
    qtbot: QtBot, desk: Desk, member: dict[str, Any], french: None, tmp_path: Path
) -> None:
    desk.actor = Actor("registrar.test", StaffRole.REGISTRAR)
    screen = ProfileScreen(UiContext(desk, RecordingNavigator()), member_id=member["id"])
    shown(qtbot, screen, tmp_path, "profile-fr")
    assert screen.name_label.text() == "Hélène Côté-Gagnon · nº CPSO 104211"
    assert screen.start_button.text() == "&Nouvelle demande de certificat"
    assert screen.revoke_button.text() == "Révo&quer…" and screen.reissue_button.text() == "Réémet&tre…"
    assert screen.cert_box.title() == "Sur le certificat" and screen.contact_box.title() == "Coordonnées"
    headers = [
        screen.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(screen.proxy.columnCount())
    ]
    assert headers == ["Quand", "Quoi", "Destinataire", "Statut", "Tentatives", "Par"]
    whats = {screen.proxy.index(r, 1).data() for r in range(screen.proxy.rowCount())}
    assert whats == {f"Certificat {member['number']}", f"Demande {member['request']}"}
    contact = screen.contact_form
    labels = [
        contact.itemAt(i, contact.ItemRole.LabelRole).widget().text() for i in range(contact.rowCount())
    ]
    assert labels == ["Courriel :", "Téléphone :", "Adresse d'exercice :"]
    # no clashing keyboard mnemonics among the profile's buttons, in French
    buttons = [b for b in screen.findChildren(type(screen.start_button)) if b.isVisibleTo(screen)]
    keys = [b.text()[b.text().index("&") + 1].lower() for b in buttons if "&" in b.text()]
    assert len(keys) == len(set(keys)), keys
    assert clipped_texts(screen) == []
    # French words are longer: the buttons' row must still fit the main window (1180 px wide at start)
    assert screen.minimumSizeHint().width() <= 1180


def test_the_unread_messages_line_of_the_profile_has_french_plural_forms(
    qtbot: QtBot, desk: Desk, member: dict[str, Any], french: None, tmp_path: Path
) -> None:
    call = "Dr Côté-Gagnon a téléphoné."
    record_message(desk, desk.actor, member["request"], call, channel=MessageChannel.PHONE_CALL)
    screen = ProfileScreen(UiContext(desk), member_id=member["id"])
    shown(qtbot, screen, tmp_path, "profile-unread-fr")
    assert screen.unread_label.text() == f"1 nouveau message non lu : {member['request']}"
    record_message(desk, desk.actor, member["request"], "Et encore.", channel=MessageChannel.PHONE_CALL)
    screen.reload()
    assert screen.unread_label.text() == f"2 nouveaux messages non lus : {member['request']}"
    assert clipped_texts(screen) == []


def test_the_assistance_desk_is_in_french_with_plural_counts(
    qtbot: QtBot, desk: Desk, member: dict[str, Any], french: None, tmp_path: Path
) -> None:
    screen = AssistanceScreen(UiContext(desk, RecordingNavigator()))
    shown(qtbot, screen, tmp_path, "assistance-fr")
    panel = screen.search
    assert screen.open_button.text() == "&Ouvrir le profil"
    assert panel.count_label.text().startswith("Saisissez votre recherche dans le registre")
    qtbot.keyClicks(panel.box, "cote helene")  # accents are folded
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1, timeout=5000)
    assert panel.count_label.text() == "1 résultat"
    headers = [panel.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.proxy.columnCount())]
    assert headers == ["Nº CPSO", "Nom", "Catégorie d'inscription", "Statut", "Trouvé par"]
    assert panel.proxy.index(0, 4).data() == "nom"
    assert panel.proxy.index(0, 3).data() == "Actif"
    panel.box.clear()
    qtbot.keyClicks(panel.box, "1042")
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 2, timeout=5000)
    assert panel.count_label.text() == "2 résultats"
    assert panel.proxy.index(0, 4).data() == "numéro CPSO"
    screen.status_box.setText("R-9999999")
    screen.look_up_status()
    expected = "Aucune demande, aucun certificat ni aucun code de vérification « R-9999999 » n'a été trouvé."
    qtbot.waitUntil(lambda: screen.status_label.text() == expected, timeout=5000)
    QApplication.processEvents()
    screen.grab().save(str(tmp_path / "assistance-results-fr.png"))
    assert clipped_texts(screen) == []


def test_plural_forms_in_english_and_french(french: None) -> None:
    context, text = "Assistance", "%n match(es)"
    assert [i18n.translate(context, text, None, n) for n in (0, 1, 2)] == [
        "0 résultat",
        "1 résultat",
        "2 résultats",
    ]
    review = "Approve {0} and issue %n certificate(s) now? They are emailed to the recipients."
    assert i18n.translate("ReviewScreen", review, None, 2).startswith(
        "Approuver {0} et émettre 2 certificats"
    )
    uninstall()  # English: the source language, its plural forms from desk_en.ts
    assert [i18n.translate(context, text, None, n) for n in (0, 1, 2)] == [
        "0 matches",
        "1 match",
        "2 matches",
    ]
    assert i18n.translate("ReviewScreen", review, None, 1).startswith(
        "Approve {0} and issue 1 certificate now"
    )
    assert grouped(5000) == "5,000"


def test_the_labels_marked_here_for_values_of_app_have_their_french() -> None:
    """The profile, the review and copies show app/'s tables through marked copies of their words: each
    word of those tables must be one that was marked (and so translated)."""
    french = i18n.catalogue("fr")
    for context, words in (
        ("Profile", [FIELD_LABELS[name] for name in ADDRESS_FIELDS]),
        ("ReviewScreen", list(CONSENT_METHOD_LABELS.values())),
        ("CopiesDialog", list(DOCUMENT_KINDS.values())),
        ("Assistance", [status_words(status) for status in MemberStatus]),
    ):
        untranslated = [w for w in words if french.translate(context, w) == w]
        assert not untranslated, f"{context}: {untranslated}"


def test_review_verify_copies_thread_and_reissue_in_french_fit_a_laptop(
    qtbot: QtBot, desk: Desk, member: dict[str, Any], french: None, tmp_path: Path
) -> None:
    with desk.db.write() as s:
        held = make_member(
            s, cpso_number="301001", discipline="2019: professional misconduct (reprimand)."
        ).id
    submit_request(desk, desk.actor, RequestDraft(held, (TGH,), True, ConsentMethod.IN_PERSON, "I consent."))
    desk.actor = Actor("registrar.test", StaffRole.REGISTRAR)
    ctx = UiContext(desk, RecordingNavigator())
    review = ReviewScreen(ctx)
    shown(qtbot, review, tmp_path, "review-fr")
    assert review.approve_button.text() == "&Approuver et émettre"
    assert review.table is not None and review.table.rowCount() == 1
    assert "Consentement donné (En personne)" in review.details.text()
    assert clipped_texts(review) == []

    verify = VerifyScreen(ctx)
    shown(qtbot, verify, tmp_path, "verify-fr")
    assert verify.drop_area.choose_button.text() == "Choisir un fichier PDF…"
    with desk.db.read() as s:
        pdf = s.scalar(
            select(CertificateDocument.pdf).join(Certificate).where(Certificate.number == member["number"])
        )
    assert pdf is not None
    (tmp_path / "certificate.pdf").write_bytes(pdf)
    verify.verify_file(str(tmp_path / "certificate.pdf"))
    qtbot.waitUntil(lambda: verify.last_result is not None, timeout=20_000)
    assert verify.verdict.text() == f"Authentique et valide : certificat {member['number']}."
    assert verify.file_label.text().startswith("Fichier : ")
    assert verify.details.text().startswith("Membre : Hélène Côté-Gagnon — adressé à Hôpital Montfort")
    QApplication.processEvents()
    verify.grab().save(str(tmp_path / "verify-result-fr.png"))
    assert clipped_texts(verify) == []

    issued = issue_copies(desk, desk.actor, "104211", ["card"])
    copies = CopiesDialog(ctx, member_id=member["id"])
    shown(qtbot, copies, tmp_path, "copies-fr", copies.sizeHint().toTuple())  # type: ignore[arg-type]
    assert copies.kind_boxes["card"].text() == "Carte de membre"
    assert copies.issue_button.text() == "É&mettre et envoyer"
    assert clipped_texts(copies) == []

    record_message(desk, desk.actor, issued.request_number, "Reçu, merci.", channel=MessageChannel.PHONE_CALL)
    thread = ThreadDialog(ctx, issued.request_number)
    shown(qtbot, thread, tmp_path, "thread-fr", (720, 640))
    assert thread.windowTitle() == f"Messages au sujet de {issued.request_number}"
    assert thread.text.placeholderText() == "Texte brut, au plus 5\u202f000 caractères"
    assert clipped_texts(thread) == []

    profile = ProfileScreen(ctx, member_id=member["id"])
    shown(qtbot, profile, tmp_path, "profile-copies-fr")
    row = next(i for i, r in enumerate(profile.history) if r.certificate_number == member["number"])
    profile.table.selectRow(profile.proxy.mapFromSource(profile.model.index(row, 0)).row())
    dialog = profile.ask_reissue_reason()
    assert isinstance(dialog, ReissueDialog)
    dialog.correct_box.setChecked(True)
    QApplication.processEvents()
    dialog.grab().save(str(tmp_path / "reissue-fr.png"))
    assert dialog.windowTitle() == f"Réémettre {member['number']}"
    assert dialog.ok_button.text() == "Réémettre"
    assert clipped_texts(dialog) == []
    dialog.reject()

    revoke = profile.ask_revoke_reason()
    assert revoke is not None
    QApplication.processEvents()
    revoke.grab().save(str(tmp_path / "revoke-fr.png"))
    assert revoke.ok_button.text() == "Révoquer"
    revoke.accept()  # no reason given: refused inline, in French, and the box stays open
    assert (
        revoke.isVisible()
        and revoke.error.text() == "Motif : veuillez indiquer la raison ; il est obligatoire."
    )
    assert clipped_texts(revoke) == []
    revoke.reject()

    profile.ask_resend_address()
    resend = profile.resend_dialog
    assert resend is not None
    QApplication.processEvents()
    resend.grab().save(str(tmp_path / "resend-fr.png"))
    assert resend.windowTitle() == f"Renvoyer {member['number']}"
    assert clipped_texts(resend) == []
    resend.reject()
