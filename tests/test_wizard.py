"""The request wizard end to end, driven through its widgets; checked in the database, mailbox and PDF."""

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from app.desk import Desk
from app.mail.smtp import certificate_subject
from app.store.models import (
    AuditEvent,
    Certificate,
    CertificateRequest,
    Institution,
    OutboxMessage,
    OutboxState,
    RequestRecipient,
    RequestStatus,
)
from tests.factories import make_member
from tests.smtp_servers import SmtpServer
from tests.wizard_driver import (
    WAIT_MS,
    Known,
    Other,
    add_directory,
    click_next,
    flat,
    open_wizard,
    pdf_text,
    run_to_review,
    submit,
    type_text,
)

SHOTS = os.environ.get("CPC_WIZARD_SHOTS", "")


def shot(widget: Any, name: str) -> None:
    """Save a screenshot when CPC_WIZARD_SHOTS names a folder (used to refresh docs/screenshots)."""
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        from ui.shell.application import load_style

        app = QApplication.instance()
        if isinstance(app, QApplication) and not app.styleSheet():
            load_style(app)  # the shots show the app as staff see it
        from PySide6.QtTest import QTest

        QTest.qWait(600)  # QPdfView renders its pages in the background
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"wizard-{name}.png"))


@pytest.fixture
def mail(desk: Desk, plain_smtp: SmtpServer) -> SmtpServer:
    plain_smtp.configure(desk.settings)
    return plain_smtp


@pytest.fixture
def member_id(desk: Desk) -> int:
    with desk.db.write() as session:
        return make_member(session, cpso_number="104512").id


def rows(desk: Desk) -> tuple[list[CertificateRequest], list[Certificate]]:
    with desk.db.read() as session:
        requests = list(session.scalars(select(CertificateRequest)))
        certs = list(session.scalars(select(Certificate).order_by(Certificate.id)))
        for r in requests:
            _ = r.recipients
        for c in certs:
            _ = c.recipient
        return requests, certs


def assert_delivered(
    desk: Desk, server: SmtpServer, cert: Certificate, address: str, institution: str, language: str = "en"
) -> None:
    """The email reached `address` with the right subject and the signed PDF, whose text names everything."""
    received = [m for m in server.received if address in m.rcpt_tos]
    assert len(received) == 1, [m.rcpt_tos for m in server.received]
    msg = received[0].message
    assert msg["Subject"] == certificate_subject("Hélène Côté-Gagnon", "104512", language)
    assert msg["To"].addresses[0].addr_spec == address
    attachments = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert [a.get_filename() for a in attachments] == [f"{cert.number}.pdf"]
    with desk.db.read() as session:
        doc = session.get(Certificate, cert.id)
        assert doc is not None and doc.document is not None
        assert attachments[0].get_content() == doc.document.pdf
    text = flat(pdf_text(desk, cert.id))
    for expected in ("Hélène Côté-Gagnon", "104512", institution, cert.number):
        assert expected in text, f"{expected!r} not in the PDF text"
    with desk.db.read() as session:
        state = session.scalar(select(OutboxMessage.state).where(OutboxMessage.certificate_id == cert.id))
    assert state == OutboxState.SENT


def test_known_hospital_from_search_to_delivered_email(qtbot: Any, desk: Desk, mail: SmtpServer) -> None:
    with desk.db.write() as session:
        make_member(session, cpso_number="104512")
        make_member(session, cpso_number="104599", first_name="Helen", last_name="Cotter")
    add_directory(desk)
    wizard = open_wizard(qtbot, desk)
    shot(wizard, "1-member-empty")
    # Accent-insensitive type-ahead, typed as staff would on the phone.
    type_text(qtbot, wizard.member_page.search, "helene cote")
    qtbot.waitUntil(lambda: wizard.member_page.results.count() == 1, timeout=WAIT_MS)
    assert wizard.member_page.name.text() == "Hélène Côté-Gagnon"
    assert wizard.member_page.cpso.text() == "104512"
    assert wizard.member_page.reg_class.text() == "Independent Practice"
    assert wizard.member_page.status.text() == "Active"
    assert wizard.member_page.name.isReadOnly()
    shot(wizard, "1-member")

    def on_page(name: str) -> None:
        if name == "recipient":
            assert wizard.recipient_page.edits["email"].text() == "credentials@tgh.example.org"
            assert wizard.recipient_page.edits["email"].isReadOnly()
            shot(wizard, "2-recipient-directory")

    run_to_review(qtbot, wizard, None, [Known("Toronto General Hospital")], on_page)
    page = wizard.review_page
    assert len(page.preview_docs) == 1 and page.preview_docs[0].pageCount() >= 1
    summary = page.summary.text()
    for expected in (
        "Toronto General Hospital",
        "200 Elizabeth Street",
        "credentials@tgh.example.org",
        "By phone",
    ):
        assert expected.lower() in summary.lower()
    shot(wizard, "4-review")
    with desk.db.read() as session:  # nothing is written before Submit
        assert session.scalar(select(func.count()).select_from(CertificateRequest)) == 0
    submit(qtbot, wizard)
    shot(wizard, "5-done")

    requests, certs = rows(desk)
    assert len(requests) == 1 and requests[0].status == RequestStatus.ISSUED
    assert requests[0].consent_given and requests[0].consent_by == "clerk.test"
    assert requests[0].recipients[0].institution_id is not None
    assert len(certs) == 1 and certs[0].pdf_sha256
    assert_delivered(desk, mail, certs[0], "credentials@tgh.example.org", "Toronto General Hospital")
    table = wizard.done_page.table
    assert table.item(0, 2).text() == certs[0].number
    assert table.item(0, 3).text() == certs[0].verification_code
    assert table.item(0, 4).text() == "Sent"
    with desk.db.read() as session:
        kinds = set(session.scalars(select(AuditEvent.kind)))
    assert {"request.created", "request.consent_recorded", "request.submitted", "certificate.issued"} <= kinds


OTHER_ADDRESSES = {
    "canada": Other(
        name="Centre hospitalier de l'Université de Montréal",
        attention="Direction des affaires médicales",
        street1="1051, rue Sanguinet",
        city="Montréal",
        state="QC",
        country="CA",
        postal_code="h2x 3e4",
        email="affaires.medicales@chum.example.ca",
        institution_type="Hospital",
        save=True,
    ),
    "united-states": Other(
        name="Massachusetts Board of Registration in Medicine",
        attention="Licensing Division",
        street1="178 Albion Street",
        street2="Suite 330",
        city="Wakefield",
        state="MA",
        country="US",
        postal_code="01880",
        email="licensing@borim.example.gov",
        institution_type="Licensing or regulatory authority",
    ),
    "japan": Other(
        name="東京大学医学部附属病院",
        attention="人事部 (Human Resources)",
        street1="7-3-1 Hongo",
        city="Bunkyō-ku, Tokyo",
        state="Tokyo",
        country="JP",
        postal_code="113-8655",
        email="jinji@h.u-tokyo.example.jp",
        institution_type="Employer or locum agency",
    ),
}


@pytest.mark.parametrize("where", list(OTHER_ADDRESSES))
def test_other_organisation_typed_in(
    qtbot: Any, desk: Desk, mail: SmtpServer, member_id: int, where: str
) -> None:
    r = OTHER_ADDRESSES[where]
    wizard = open_wizard(qtbot, desk)

    def on_page(name: str) -> None:
        if where == "canada":
            shot(
                wizard, {"member": "1-member", "recipient": "2-recipient-other", "consent": "3-consent"}[name]
            )

    run_to_review(qtbot, wizard, "104512", [r], on_page)
    assert wizard.review_page.preview_docs[0].pageCount() >= 1
    submit(qtbot, wizard)
    requests, certs = rows(desk)
    assert len(requests) == 1 and requests[0].status == RequestStatus.ISSUED and len(certs) == 1
    row: RequestRecipient = requests[0].recipients[0]
    assert (row.name, row.city, row.country, row.email) == (r.name, r.city, r.country, r.email)
    if where == "canada":
        assert (row.state, row.postal_code) == ("QC", "H2X 3E4")  # normalised
        with desk.db.read() as session:  # "save to the directory": saved, unverified
            inst = session.get(Institution, row.institution_id)
            assert inst is not None and inst.name == r.name and inst.verified is False
    else:
        assert row.institution_id is None
    # A Quebec address gets a French certificate and email (the wizard's default language).
    assert_delivered(desk, mail, certs[0], r.email, r.name, "fr" if where == "canada" else "en")
    if where != "canada":
        assert r.city in flat(pdf_text(desk, certs[0].id))


def test_two_recipients_get_a_certificate_each(
    qtbot: Any, desk: Desk, mail: SmtpServer, member_id: int
) -> None:
    add_directory(desk)
    us = OTHER_ADDRESSES["united-states"]
    wizard = open_wizard(qtbot, desk)
    run_to_review(qtbot, wizard, "Cote-Gagnon", [Known("Toronto General Hospital"), us])
    assert len(wizard.review_page.preview_docs) == 2
    assert wizard.review_page.previews.count() == 2
    submit(qtbot, wizard)
    shot(wizard, "5-done-two-recipients")
    requests, certs = rows(desk)
    assert len(requests) == 1 and len(certs) == 2
    assert len({c.number for c in certs}) == 2 and len({c.verification_code for c in certs}) == 2
    assert [c.recipient.name for c in certs] == ["Toronto General Hospital", us.name]
    assert_delivered(desk, mail, certs[0], "credentials@tgh.example.org", "Toronto General Hospital")
    assert_delivered(desk, mail, certs[1], us.email, us.name)
    assert len(mail.received) == 2
    assert [wizard.done_page.table.item(i, 4).text() for i in range(2)] == ["Sent", "Sent"]


def test_member_routed_to_review_then_approved_by_a_registrar(
    qtbot: Any, desk: Desk, mail: SmtpServer, registrar: Any
) -> None:
    from app.issuing.requests import approve_request
    from app.mail.outbox import send_due

    with desk.db.write() as session:
        make_member(
            session,
            cpso_number="104512",
            terms_conditions="Must not perform obstetrical procedures.",
        )
    add_directory(desk)
    wizard = open_wizard(qtbot, desk)
    type_text(qtbot, wizard.member_page.search, "104512")
    qtbot.waitUntil(lambda: wizard.member_page.results.count() == 1, timeout=WAIT_MS)
    assert wizard.member_page.review_note.isVisibleTo(wizard)
    assert "terms, conditions" in wizard.member_page.review_note.text()
    run_to_review(qtbot, wizard, None, [Known("Toronto General Hospital")])
    submit(qtbot, wizard)
    shot(wizard, "5-done-review")
    assert "awaiting registrar review" in wizard.done_page.heading.text()
    assert "has terms, conditions or limitations" in wizard.done_page.heading.text()
    requests, certs = rows(desk)
    assert requests[0].status == RequestStatus.AWAITING_REVIEW and certs == []
    assert mail.received == []

    result = approve_request(desk, registrar, requests[0].id)
    assert result.status == RequestStatus.ISSUED
    send_due(desk)
    requests, certs = rows(desk)
    assert requests[0].reviewed_by == "registrar.test" and len(certs) == 1
    assert_delivered(desk, mail, certs[0], "credentials@tgh.example.org", "Toronto General Hospital")
    assert "Must not perform obstetrical procedures." in flat(pdf_text(desk, certs[0].id))


def test_bad_input_is_marked_inline_next_to_each_field(qtbot: Any, desk: Desk, member_id: int) -> None:
    wizard = open_wizard(qtbot, desk)
    click_next(qtbot, wizard)  # no member chosen
    assert wizard.currentPage() is wizard.member_page
    assert wizard.member_page.error.text().startswith("Member:")
    type_text(qtbot, wizard.member_page.search, "104512")
    qtbot.waitUntil(lambda: wizard.member_page.selected is not None, timeout=WAIT_MS)
    click_next(qtbot, wizard)
    page = wizard.recipient_page
    assert page.inst_combo.currentData() == -1  # no directory entries of this type: Other
    page.country_combo.setCurrentIndex(page.country_combo.findData("CA"))
    type_text(qtbot, page.edits["name"], "   ")
    page.edits["street1"].setText("1 Main St\r\nBcc: victim@example.com")
    type_text(qtbot, page.edits["attention"], "x" * 201)
    type_text(qtbot, page.edits["postal_code"], "12345")
    type_text(qtbot, page.edits["email"], "Records <records@example.com>")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is page
    shown = {label: w.text() for label, w in page.errors.items() if w.isVisibleTo(wizard)}
    shot(wizard, "2-recipient-errors")
    assert shown == {
        "Institution name": "Organisation name: is required",
        "Attention": "Attention: is 201 characters long; at most 200 are allowed",
        "Street 1": "Street 1: must be on one line (a line break was found)",
        "City": "City: is required",
        "State/Province": "State/Province: is required",
        "Zip/Postal code": "Zip/Postal code: '12345' is not a Canadian postal code (format A1A 1A1)",
        "Email address": "Email address: must be one email address, without a name or a second address",
    }
    # Fixing the fields clears the marks and moves on.
    type_text(qtbot, page.edits["name"], "Kingston Health Sciences Centre")
    type_text(qtbot, page.edits["attention"], "")
    type_text(qtbot, page.edits["street1"], "76 Stuart Street")
    type_text(qtbot, page.edits["city"], "Kingston")
    page.state_combo.setCurrentIndex(page.state_combo.findData("ON"))
    type_text(qtbot, page.edits["postal_code"], "K7L 2V7")
    type_text(qtbot, page.edits["email"], "two@example.com, three@example.com")
    click_next(qtbot, wizard)
    assert [w.text() for w in page.errors.values() if w.isVisibleTo(wizard)] == [
        "Email address: must be one email address, without a name or a second address"
    ]
    type_text(qtbot, page.edits["email"], "medical.affairs@kingston.example.ca")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.consent_page
    assert [w.text() for w in page.errors.values() if w.isVisibleTo(wizard)] == []
    with desk.db.read() as session:
        assert session.scalar(select(func.count()).select_from(CertificateRequest)) == 0


def test_double_submit_issues_once(qtbot: Any, desk: Desk, mail: SmtpServer, member_id: int) -> None:
    add_directory(desk)
    wizard = open_wizard(qtbot, desk)
    run_to_review(qtbot, wizard, "104512", [Known("Toronto General Hospital")])
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    wizard.review_page.validatePage()  # a second press while the first is under way
    wizard.submit()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not wizard.delivering, timeout=WAIT_MS)
    assert wizard.submit_count == 1
    wizard.submit()  # and after it finished
    assert wizard.submit_count == 1
    requests, certs = rows(desk)
    assert len(requests) == 1 and len(certs) == 1 and len(mail.received) == 1


def test_back_then_submit_again_after_a_crash_finds_the_first_request(
    qtbot: Any, desk: Desk, mail: SmtpServer, member_id: int
) -> None:
    """A new wizard cannot reuse the key; the same wizard re-submitting (as after a lost reply) finds it."""
    from app.issuing.requests import submit_request

    add_directory(desk)
    wizard = open_wizard(qtbot, desk)
    run_to_review(qtbot, wizard, "104512", [Known("Toronto General Hospital")])
    first = submit_request(desk, desk.actor, wizard.draft())  # the reply of this Submit was "lost"
    submit(qtbot, wizard)
    assert wizard.result_ is not None and wizard.result_.already_submitted
    assert wizard.result_.request_id == first.request_id
    assert "already been submitted" in wizard.done_page.heading.text()
    requests, certs = rows(desk)
    assert len(requests) == 1 and len(certs) == 1


def test_mail_server_down_then_the_outbox_sends_later(
    qtbot: Any, desk: Desk, member_id: int, smtp_server: Any
) -> None:
    from datetime import timedelta

    from app.mail.outbox import send_due
    from app.store.models import utcnow
    from tests.smtp_servers import closed_port

    add_directory(desk)
    desk.settings.set("mail.demo_server", False)
    desk.settings.set("smtp.security", "none")
    desk.settings.set("smtp.host", "127.0.0.1")
    desk.settings.set("smtp.port", closed_port())
    wizard = open_wizard(qtbot, desk)
    run_to_review(qtbot, wizard, "104512", [Known("Toronto General Hospital")])
    submit(qtbot, wizard)
    shot(wizard, "5-done-queued")
    state = wizard.done_page.table.item(0, 4).text()
    assert state.startswith("Queued — mail server unreachable, will retry"), state
    requests, certs = rows(desk)
    assert requests[0].status == RequestStatus.ISSUED and len(certs) == 1  # issued all the same
    with desk.db.read() as session:
        message = session.scalar(select(OutboxMessage))
        assert message is not None and message.state == OutboxState.FAILED_TEMPORARY and message.attempts == 1

    server = smtp_server("plain")
    server.configure(desk.settings)
    send_due(desk, now=utcnow() + timedelta(hours=2))  # the retry, after the back-off
    assert_delivered(desk, server, certs[0], "credentials@tgh.example.org", "Toronto General Hospital")


def test_offline_mode_queues_and_says_so(qtbot: Any, desk: Desk, member_id: int) -> None:
    add_directory(desk)
    desk.offline = True
    wizard = open_wizard(qtbot, desk)
    run_to_review(qtbot, wizard, "104512", [Known("Toronto General Hospital")])
    submit(qtbot, wizard)
    assert wizard.done_page.table.item(0, 4).text().startswith("Queued — offline mode")
    assert "Offline mode" in wizard.done_page.delivery_status.text()
    with desk.db.read() as session:
        assert session.scalar(select(OutboxMessage.state)) == OutboxState.QUEUED


def test_cancel_asks_when_data_was_entered_and_files_nothing(
    qtbot: Any, desk: Desk, member_id: int, record_messages: list[tuple[str, str, str]]
) -> None:
    from ui.common import messages

    wizard = open_wizard(qtbot, desk)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # nothing entered: closes without asking
    assert not wizard.isVisible() and record_messages == []

    wizard = open_wizard(qtbot, desk)
    type_text(qtbot, wizard.member_page.search, "104512")
    qtbot.waitUntil(lambda: wizard.member_page.selected is not None, timeout=WAIT_MS)
    messages.auto_answer = lambda _title, _text: False
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert record_messages[-1][0] == "question" and wizard.isVisible()
    messages.auto_answer = lambda _title, _text: True
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    with desk.db.read() as session:
        assert session.scalar(select(func.count()).select_from(CertificateRequest)) == 0
        # (the member the fixture wrote is sealed by a state.sealed event; nothing else is recorded)
        events = select(func.count()).select_from(AuditEvent).where(AuditEvent.kind != "state.sealed")
        assert session.scalar(events) == 0


def test_started_from_a_profile_and_final_page_actions(
    qtbot: Any, desk: Desk, member_id: int, record_messages: list[tuple[str, str, str]]
) -> None:
    from PySide6.QtGui import QGuiApplication

    add_directory(desk)
    desk.offline = True
    started: list[int | None] = []

    class Navigator:
        def open_screen(self, key: str, **kwargs: Any) -> None: ...

        def go_home(self) -> None: ...

        def start_cpc_request(self, member_id: int | None = None) -> None:
            started.append(member_id)

    from ui.request.wizard import CpcWizard
    from ui.shell.context import UiContext

    ctx = UiContext(desk, Navigator())
    wizard = CpcWizard(ctx, member_id=member_id)
    qtbot.addWidget(wizard)
    wizard.open()
    assert not wizard.has_data()  # pre-filled is not "entered": Cancel would not ask
    assert (
        wizard.member_page.cpso.text() == "104512" and wizard.member_page.name.text() == "Hélène Côté-Gagnon"
    )
    run_to_review(qtbot, wizard, None, [Known("Toronto General Hospital")])
    submit(qtbot, wizard)
    _, certs = rows(desk)
    qtbot.mouseClick(wizard.done_page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == certs[0].verification_code
    path = wizard.save_selected_pdf()
    assert path is not None and Path(path).name == f"{certs[0].number}.pdf"
    assert Path(path).read_bytes().startswith(b"%PDF")
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(Path(path).with_name("printed.pdf")))
    assert wizard.print_to(printer, Path(path).read_bytes()) >= 1
    assert Path(path).with_name("printed.pdf").stat().st_size > 1000
    qtbot.mouseClick(wizard.done_page.another_button, Qt.MouseButton.LeftButton)
    assert started == [member_id] and not wizard.isVisible()
    assert record_messages == []


def test_keyboard_only_enter_advances(qtbot: Any, desk: Desk, mail: SmtpServer, member_id: int) -> None:
    add_directory(desk)
    wizard = open_wizard(qtbot, desk)
    search = wizard.member_page.search
    search.setFocus()
    qtbot.keyClicks(search, "104512")
    qtbot.keyClick(search, Qt.Key.Key_Return)  # the search runs at once, the only match is taken
    assert wizard.member_page.selected is not None
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.recipient_page
    page = wizard.recipient_page
    assert page.inst_combo.currentText().startswith("Choose")
    page.inst_combo.setFocus()
    qtbot.keyClick(page.inst_combo, Qt.Key.Key_Down)  # the first directory entry
    assert page.edits["email"].text() == "credentials@tgh.example.org"
    assert page.edits["email"].isReadOnly()
    qtbot.keyClick(page.inst_combo, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.consent_page
    consent = wizard.consent_page
    consent.consent.setFocus()
    qtbot.keyClick(consent.consent, Qt.Key.Key_Space)
    qtbot.keyClick(consent.consent, Qt.Key.Key_Tab)
    assert consent.method.hasFocus()
    qtbot.keyClick(consent.method, Qt.Key.Key_Down)
    qtbot.keyClick(consent.method, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.review_page
    qtbot.waitUntil(lambda: wizard.review_page.previews_done, timeout=WAIT_MS)
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not wizard.delivering, timeout=WAIT_MS)
    assert len(mail.received) == 1


def test_non_ascii_search_typed_with_accents(qtbot: Any, desk: Desk, member_id: int) -> None:
    with desk.db.write() as session:
        make_member(session, cpso_number="300300", first_name="Łukasz", last_name="Ødegård")
    wizard = open_wizard(qtbot, desk)
    search = wizard.member_page.search
    search.setText("Ødegård łukasz")
    search.textEdited.emit(search.text())  # as typing does; keyClicks cannot type these characters
    qtbot.waitUntil(lambda: wizard.member_page.results.count() == 1, timeout=WAIT_MS)
    assert wizard.member_page.name.text() == "Łukasz Ødegård"
    type_text(qtbot, search, "HÉLÈNE CÔTÉ")
    qtbot.waitUntil(lambda: wizard.member_page.cpso.text() == "104512", timeout=WAIT_MS)


def test_a_name_that_cannot_be_printed_is_caught_where_it_is_typed(
    qtbot: Any, desk: Desk, member_id: int
) -> None:
    # A letter no font of the certificate has (Cherokee): the text rule refuses it on the recipient page,
    # beside the field, as it does an emoji (issue 18 item 15; it used to wait for the review page).
    from app.register.recipients import FIELD_LABELS
    from tests.wizard_driver import choose_member, fill_recipient

    bad = Other(
        name="Clinic \u13a0 Central",
        street1="1 Main Street",
        city="Ottawa",
        state="ON",
        country="CA",
        postal_code="K1A 0A1",
        email="clinic@example.ca",
    )
    wizard = open_wizard(qtbot, desk)
    choose_member(qtbot, wizard, "104512")
    click_next(qtbot, wizard)
    fill_recipient(qtbot, wizard, bad)
    click_next(qtbot, wizard)  # refused: the page stays, the field says why
    error = wizard.recipient_page.errors[FIELD_LABELS["name"]]
    assert wizard.currentPage() is wizard.recipient_page
    assert error.isVisibleTo(wizard) and "U+13A0" in error.text()
    assert wizard.submit_count == 0
    with desk.db.read() as session:
        assert session.scalar(select(func.count()).select_from(CertificateRequest)) == 0


def test_tab_order_follows_the_recipient_form(qtbot: Any, desk: Desk, member_id: int) -> None:
    wizard = open_wizard(qtbot, desk)
    type_text(qtbot, wizard.member_page.search, "104512")
    qtbot.waitUntil(lambda: wizard.member_page.selected is not None, timeout=WAIT_MS)
    click_next(qtbot, wizard)
    page = wizard.recipient_page
    page.country_combo.setCurrentIndex(page.country_combo.findData("DE"))  # free-text state
    page.type_combo.setFocus()
    seen: list[str] = []
    for _ in range(15):
        widget = wizard.focusWidget()
        seen.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert seen == [
        "institutionType",
        "institutionName",
        "field_name",
        "field_attention",
        "field_street1",
        "field_street2",
        "field_street3",
        "field_street4",
        "field_country",
        "field_state",
        "field_city",
        "field_postal_code",
        "field_email",
        "certificateLanguage",
        "saveToDirectory",
    ]


def test_a_recent_request_to_the_same_address_is_asked_about(
    qtbot: Any, desk: Desk, member_id: int, record_messages: list[tuple[str, str, str]]
) -> None:
    from app.issuing.requests import submit_request
    from ui.common import messages

    add_directory(desk)
    desk.offline = True
    wizard = open_wizard(qtbot, desk)
    run_to_review(qtbot, wizard, "104512", [Known("Toronto General Hospital")])
    earlier = submit_request(desk, desk.actor, replace(wizard.draft(), idempotency_key="an-earlier-wizard"))
    messages.auto_answer = lambda _title, _text: False
    click_next(qtbot, wizard)
    kind, title, text = record_messages[-1]
    assert (kind, title) == ("question", "File another request?")
    assert earlier.request_number in text and "credentials@tgh.example.org" in text
    assert wizard.submit_count == 0 and wizard.currentPage() is wizard.review_page
    messages.auto_answer = lambda _title, _text: True
    submit(qtbot, wizard)
    requests, certs = rows(desk)
    assert len(requests) == 2 and len(certs) == 2  # filed on purpose, the second time


def test_a_new_search_drops_a_member_it_does_not_find(qtbot: Any, desk: Desk, member_id: int) -> None:
    wizard = open_wizard(qtbot, desk)
    type_text(qtbot, wizard.member_page.search, "104512")
    qtbot.waitUntil(lambda: wizard.member_page.selected is not None, timeout=WAIT_MS)
    type_text(qtbot, wizard.member_page.search, "nobody by this name")
    qtbot.waitUntil(lambda: wizard.member_page.selected is None, timeout=WAIT_MS)
    assert (
        wizard.member_page.name.text() == "" and "No member matches" in wizard.member_page.found_label.text()
    )
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.member_page


def test_a_directory_entry_deleted_before_submit_is_marked_on_the_recipient_page(
    qtbot: Any, desk: Desk, mail: SmtpServer, member_id: int
) -> None:
    """The service refuses it in the worker (the page checked it while the entry existed); the wizard goes
    back to the recipient page with that recipient in the form and the institution marked; corrected,
    the same wizard files it."""
    gone = add_directory(desk, name="Closed Clinic", email="records@closed.example.org")
    add_directory(desk)
    wizard = open_wizard(qtbot, desk)
    run_to_review(qtbot, wizard, "104512", [Known("Toronto General Hospital"), Known("Closed Clinic")])
    with desk.db.write() as session:  # another desk deletes the entry meanwhile
        inst = session.get(Institution, gone)
        assert inst is not None
        session.delete(inst)
    click_next(qtbot, wizard)  # Submit
    page = wizard.recipient_page
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=WAIT_MS)
    marked = page.errors["Institution"]
    assert marked.isVisibleTo(wizard) and f"directory entry {gone} no longer exists" in marked.text()
    assert [lbl for lbl in page.errors.values() if lbl.isVisibleTo(wizard)] == [marked]
    assert "Nothing was issued" in page.page_error.text()
    # The refused recipient is back in the form, typed in as "Other"; the other one stays on the list.
    assert [r.name for r in page.recipients] == ["Toronto General Hospital"]
    assert page.inst_combo.currentData() == -1 and page.edits["name"].text() == "Closed Clinic"
    assert rows(desk) == ([], [])
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.consent_page
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.review_page.previews_done, timeout=WAIT_MS)
    submit(qtbot, wizard)
    requests, certs = rows(desk)
    assert len(requests) == 1 and len(certs) == 2
    assert [r.name for r in requests[0].recipients] == ["Toronto General Hospital", "Closed Clinic"]
    assert requests[0].recipients[1].institution_id is None
