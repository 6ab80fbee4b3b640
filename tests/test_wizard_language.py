"""The wizard's certificate language: the directory entry's, else French for a Quebec address, else
English, until the clerk picks one; the choice reaches the recipient row and the certificate."""

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.desk import Desk
from app.store.models import RequestRecipient
from tests.factories import make_member
from tests.smtp_servers import SmtpServer
from tests.test_wizard import shot
from tests.wizard_driver import (
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

QUEBEC = Other(
    name="Collège des médecins du Québec",
    street1="1250 boulevard René-Lévesque Ouest",
    city="Montréal",
    state="QC",
    country="CA",
    postal_code="H3B 0G2",
    email="permis@cmq.example.org",
    institution_type="Licensing or regulatory authority",
)
ONTARIO = Other(
    name="Kingston Health Sciences Centre",
    street1="76 Stuart Street",
    city="Kingston",
    state="ON",
    country="CA",
    postal_code="K7L 2V7",
    email="credentials@khsc.example.org",
)


def test_language_defaults_from_the_directory_or_a_quebec_address(qtbot: Any, desk: Desk) -> None:
    with desk.db.write() as session:
        make_member(session, cpso_number="104512")
    add_directory(desk)  # Toronto General Hospital: English (the column's default)
    add_directory(
        desk,
        name="Hôpital Montfort",
        street1="713 chemin Montréal",
        city="Ottawa",
        postal_code="K1K 0T2",
        email="affaires.medicales@montfort.example.org",
        language="fr",
    )
    add_directory(
        desk,
        name="Jewish General Hospital",
        street1="3755 Côte-Sainte-Catherine Road",
        city="Montréal",
        state="QC",
        postal_code="H3T 1E2",
        email="dpsp@jgh.example.org",
        language="bilingual",  # in Quebec, but the directory says bilingual: the entry wins
    )
    wizard = open_wizard(qtbot, desk)
    choose_member(qtbot, wizard, "104512")
    click_next(qtbot, wizard)
    page = wizard.recipient_page
    combo = page.language_combo

    fill_recipient(qtbot, wizard, Known("Hôpital Montfort"))
    assert combo.currentData() == "fr"
    fill_recipient(qtbot, wizard, Known("Jewish General Hospital"))
    assert combo.currentData() == "bilingual"
    fill_recipient(qtbot, wizard, Known("Toronto General Hospital"))
    assert combo.currentData() == "en"
    fill_recipient(qtbot, wizard, QUEBEC)
    assert combo.currentData() == "fr"
    shot(wizard, "2-recipient-language")
    fill_recipient(qtbot, wizard, ONTARIO)
    assert combo.currentData() == "en"
    assert page.current_input().language == "en"

    # The clerk's pick stands when the address changes afterwards.
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("bilingual"))
    combo.activated.emit(combo.currentIndex())
    page.state_combo.setCurrentIndex(page.state_combo.findData("QC"))
    page.edits["postal_code"].setText("H3B 0G2")  # a Quebec code, so the address stays valid
    page.edits["city"].setText("Montréal")
    assert combo.currentData() == "bilingual"
    assert page.current_input().language == "bilingual"
    # A new recipient starts from the rule again.
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert [r.language for r in page.recipients] == ["bilingual"]
    fill_recipient(qtbot, wizard, QUEBEC)
    assert combo.currentData() == "fr"


def test_a_french_recipient_gets_a_french_certificate_and_email(
    qtbot: Any, desk: Desk, plain_smtp: SmtpServer
) -> None:
    plain_smtp.configure(desk.settings)
    with desk.db.write() as session:
        make_member(session, cpso_number="104512")
    wizard = open_wizard(qtbot, desk)
    run_to_review(qtbot, wizard, "104512", [QUEBEC])
    summary = flat(wizard.review_page.summary.text())
    assert "Certificate language: <b>French (français)</b>" in summary
    submit(qtbot, wizard)
    with desk.db.read() as session:
        row = session.scalars(select(RequestRecipient)).one()
        assert row.language == "fr"
        certificate_id = row.certificates[0].id
    text = flat(pdf_text(desk, certificate_id))
    assert "Certificat de conduite professionnelle" in text and "Collège des médecins du Québec" in text
    (received,) = plain_smtp.received
    assert received.message["Subject"].startswith("Certificat de conduite professionnelle")
