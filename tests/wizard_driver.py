"""Drive the CPC request wizard through its page widgets, as staff at the desk would (for the wizard tests).

Typing: ASCII with qtbot.keyClicks; anything else with setText + the textEdited signal (keyClicks aborts
the process on non-ASCII characters).
"""

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWizard
from sqlalchemy import select

from app.desk import Desk
from app.store.models import CertificateDocument, Institution, InstitutionType
from ui.request.wizard import CpcWizard
from ui.shell.context import UiContext

WAIT_MS = 30_000


def type_text(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.setText(text)
        edit.textEdited.emit(text)


def add_directory(desk: Desk, kind: str = "Hospital", **values: Any) -> int:
    defaults: dict[str, Any] = {
        "name": "Toronto General Hospital",
        "attention": "Medical Staff Office",
        "street1": "200 Elizabeth Street",
        "city": "Toronto",
        "state": "ON",
        "country": "CA",
        "postal_code": "M5G 2C4",
        "email": "credentials@tgh.example.org",
        "verified": True,
    }
    defaults.update(values)
    with desk.db.write() as session:
        # Desk.open seeded the types.
        types = {t.name: t for t in session.scalars(select(InstitutionType))}
        inst = Institution(type_id=types[kind].id, **defaults)
        session.add(inst)
        session.flush()
        return inst.id


@dataclass
class Other:
    """A recipient typed in with "Other"."""

    name: str
    street1: str
    city: str
    country: str
    postal_code: str
    email: str
    state: str = ""
    attention: str = ""
    street2: str = ""
    institution_type: str = "Other"
    save: bool = False


@dataclass
class Known:
    """A recipient chosen from the directory."""

    name: str
    institution_type: str = "Hospital"


def click_next(qtbot: Any, wizard: CpcWizard) -> None:
    page = wizard.currentPage()
    button = wizard.button(
        QWizard.WizardButton.CommitButton if page.isCommitPage() else QWizard.WizardButton.NextButton
    )
    assert button.isEnabled(), f"Next is disabled on {page.title()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_member(qtbot: Any, wizard: CpcWizard, query: str) -> None:
    page = wizard.member_page
    type_text(qtbot, page.search, query)
    qtbot.waitUntil(lambda: page.results.count() > 0, timeout=WAIT_MS)
    page.results.setCurrentRow(0)


def fill_recipient(qtbot: Any, wizard: CpcWizard, r: Known | Other) -> None:
    page = wizard.recipient_page
    page.type_combo.setCurrentIndex(page.type_combo.findText(r.institution_type))
    if isinstance(r, Known):
        index = next(
            i for i in range(page.inst_combo.count()) if page.inst_combo.itemText(i).startswith(r.name)
        )
        page.inst_combo.setCurrentIndex(index)
        return
    page.inst_combo.setCurrentIndex(page.inst_combo.findData(-1))
    page.country_combo.setCurrentIndex(page.country_combo.findData(r.country))
    for field in ("name", "attention", "street1", "street2", "city", "postal_code", "email"):
        type_text(qtbot, page.edits[field], getattr(r, field))
    if page.state_stack.currentWidget() is page.state_combo:
        page.state_combo.setCurrentIndex(page.state_combo.findData(r.state))
    else:
        type_text(qtbot, page.state_edit, r.state)
    page.save_check.setChecked(r.save)


def give_consent(qtbot: Any, wizard: CpcWizard, method: str = "phone") -> None:
    page = wizard.consent_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.consent.setFocus()
    qtbot.keyClick(page.consent, Qt.Key.Key_Space)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # the method is required too
    page.method.setCurrentIndex(page.method.findData(method))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def open_wizard(qtbot: Any, desk: Desk, member_id: int | None = None) -> CpcWizard:
    ctx = UiContext(desk)
    wizard = CpcWizard(ctx, member_id=member_id)
    qtbot.addWidget(wizard)
    wizard.ctx_keepalive = ctx  # type: ignore[attr-defined]
    wizard.open()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=WAIT_MS)
    return wizard


def run_to_review(
    qtbot: Any,
    wizard: CpcWizard,
    member_query: str | None,
    recipients: list[Known | Other],
    on_page: Any = None,
) -> None:
    """Member → recipients → consent → review (previews rendered). `on_page(name)` runs before each Next."""
    seen = on_page or (lambda _name: None)
    if member_query is not None:
        choose_member(qtbot, wizard, member_query)
    seen("member")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.recipient_page
    for index, r in enumerate(recipients):
        fill_recipient(qtbot, wizard, r)
        if index < len(recipients) - 1:
            qtbot.mouseClick(wizard.recipient_page.add_button, Qt.MouseButton.LeftButton)
            assert len(wizard.recipient_page.recipients) == index + 1, wizard.recipient_page.errors
    seen("recipient")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.consent_page, [
        lbl.text() for lbl in wizard.recipient_page.errors.values() if lbl.text()
    ]
    give_consent(qtbot, wizard)
    seen("consent")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.review_page
    qtbot.waitUntil(lambda: wizard.review_page.previews_done, timeout=WAIT_MS)


def submit(qtbot: Any, wizard: CpcWizard, *, wait_delivery: bool = True) -> None:
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=WAIT_MS)
    if wait_delivery:
        qtbot.waitUntil(lambda: not wizard.delivering, timeout=WAIT_MS)


def pdf_text(desk: Desk, certificate_id: int) -> str:
    with desk.db.read() as session:
        doc = session.get(CertificateDocument, certificate_id)
        assert doc is not None
        data = bytes(doc.pdf)
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def today() -> date:
    return date.today()
