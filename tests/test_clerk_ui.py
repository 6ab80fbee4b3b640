"""A clerk's day at the desk (issue 18), driven with pytest-qt on real screens, a real database and a
real SMTP server: delivery states that follow the outbox, the phone desk's look-up by CPSO number, and the
keyboard."""

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import ui.desk.profile
from app.access.staff import Actor
from app.desk import Desk
from app.issuing.requests import RequestDraft, submit_request
from app.register.recipients import RecipientInput
from app.store.models import ConsentMethod, OutboxMessage, OutboxState, utcnow
from tests.factories import make_member
from tests.members_data import RecordingNavigator, add_member
from tests.smtp_servers import SmtpServer
from ui.desk.assistance import AssistanceScreen
from ui.desk.profile import ProfileScreen
from ui.mail.outbox_sender import sender_for
from ui.shell.context import UiContext

TGH = RecipientInput(
    institution_type="Hospital",
    name="Toronto General Hospital",
    attention="Medical Staff Office",
    street1="200 Elizabeth Street",
    city="Toronto",
    state="ON",
    country="CA",
    postal_code="M5G 2C4",
    email="credentialing@uhn.example",
)


@pytest.fixture(autouse=True)
def no_system_viewer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.desk.profile, "OPEN_WITH_SYSTEM", False)


@pytest.fixture
def issued(desk: Desk, registrar: Actor) -> dict[str, Any]:
    with desk.db.write() as s:
        member_id = add_member(s, "Hélène", "Côté-Gagnon", "104211", email="h.cote@example.org").id
    result = submit_request(
        desk,
        registrar,
        RequestDraft(member_id, (TGH,), True, ConsentMethod.PHONE, "I consent to the disclosure."),
    )
    r = result.recipients[0]
    return {"member": member_id, "cert": r.certificate_id, "number": r.certificate_number}


def test_after_a_resend_every_screen_shows_the_message_sent_once_the_outbox_sends_it(
    qtbot: QtBot, desk: Desk, issued: dict[str, Any], plain_smtp: SmtpServer
) -> None:
    """Issue 18 item 1: the profile (and the phone desk's answer) said 'Waiting in the outbox… queued'
    with 'Send again now' enabled after the message had gone."""
    with desk.db.write() as s:
        msg = s.scalars(select(OutboxMessage)).one()
        msg.state, msg.attempts, msg.last_error = OutboxState.FAILED_PERMANENT, 1, "550 5.1.1 No such user"
    ctx = UiContext(desk, RecordingNavigator())
    profile = ProfileScreen(ctx, member_id=issued["member"], certificate_id=issued["cert"])
    phone = AssistanceScreen(ctx)
    for screen in (profile, phone):
        qtbot.addWidget(screen)
        screen.show()
    phone.status_box.setText(issued["number"])
    phone.look_up_status()
    qtbot.waitUntil(lambda: "Could not be delivered" in phone.status_label.text())

    assert profile.resend_selected_to("medical.staff@uhn.example") is True
    row = profile.selected_row()
    assert row is not None and row.delivery_state == "queued" and profile.retry_button.isEnabled()
    qtbot.waitUntil(lambda: "Waiting in the outbox" in phone.status_label.text())

    plain_smtp.configure(desk.settings)
    sender = sender_for(ctx)
    with qtbot.waitSignal(sender.finished, timeout=20_000):
        sender.run_now()
    assert [m.rcpt_tos for m in plain_smtp.handler.received] == [["medical.staff@uhn.example"]]

    def profile_says_sent() -> bool:
        shown = profile.selected_row()
        return shown is not None and shown.delivery_state == "sent"

    qtbot.waitUntil(profile_says_sent)
    assert profile.selected_row().certificate_id == issued["cert"]  # type: ignore[union-attr]
    assert not profile.retry_button.isEnabled()
    assert profile.sentence_label.text().startswith("Resent to Toronto General Hospital")
    qtbot.waitUntil(lambda: phone.status_label.text().startswith("Resent to Toronto General Hospital"))


def test_where_is_my_certificate_takes_a_cpso_number_and_has_a_shortcut_key(
    qtbot: QtBot, desk: Desk, issued: dict[str, Any]
) -> None:
    phone = AssistanceScreen(UiContext(desk, RecordingNavigator()))
    qtbot.addWidget(phone)
    phone.show()
    phone.activateWindow()
    qtbot.waitUntil(phone.isActiveWindow)
    phone.search.setFocus()
    qtbot.keyClick(phone, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(phone.status_box.hasFocus)
    qtbot.keyClicks(phone.status_box, "104211")
    qtbot.keyClick(phone.status_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "CPSO 104211" in phone.status_label.text())
    lines = phone.status_label.text().splitlines()
    assert lines[0] == "Hélène Côté-Gagnon (CPSO 104211), 1 certificate(s), newest first:"
    assert lines[1].startswith(f"• {issued['number']}: Waiting in the outbox to go to Toronto General")


def test_the_wizard_final_page_follows_the_outbox(qtbot: QtBot, desk: Desk, smtp_server: Any) -> None:
    """The final page said 'Queued — mail server unreachable' after the outbox had sent the message."""
    from tests.smtp_servers import closed_port
    from tests.wizard_driver import Known, add_directory, open_wizard, run_to_review, submit

    with desk.db.write() as s:
        make_member(s, cpso_number="104512")
    add_directory(desk)
    desk.settings.set("mail.demo_server", False)
    desk.settings.set("smtp.security", "none")
    desk.settings.set("smtp.host", "127.0.0.1")
    desk.settings.set("smtp.port", closed_port())
    wizard = open_wizard(qtbot, desk)
    run_to_review(qtbot, wizard, "104512", [Known("Toronto General Hospital")])
    submit(qtbot, wizard)
    assert wizard.done_page.table.item(0, 4).text().startswith("Queued — mail server unreachable")
    with desk.db.write() as s:  # the back-off is over
        for message in s.scalars(select(OutboxMessage)):
            message.next_attempt_at = utcnow() - timedelta(minutes=1)
    smtp_server("plain").configure(desk.settings)
    sender = sender_for(wizard.ctx)
    with qtbot.waitSignal(sender.finished, timeout=20_000):
        sender.run_now()
    assert sender.last_report is not None and sender.last_report.sent == 1, sender.last_report
    qtbot.waitUntil(lambda: wizard.done_page.table.item(0, 4).text() == "Sent")


def test_the_resend_dialog_keeps_what_was_typed_and_says_the_problem_beside_the_field(
    qtbot: QtBot, desk: Desk, issued: dict[str, Any], record_messages: list[tuple[str, str, str]]
) -> None:
    profile = ProfileScreen(UiContext(desk, RecordingNavigator()), member_id=issued["member"])
    qtbot.addWidget(profile)
    profile.show()
    qtbot.mouseClick(profile.resend_button, Qt.MouseButton.LeftButton)
    dialog = profile.resend_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.address.text() == "credentialing@uhn.example"
    dialog.address.clear()
    qtbot.keyClicks(dialog.address, "medical staff@uhn")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    # Refused: still open, the typing kept, the reason under the field, no message box.
    assert dialog.isVisible() and dialog.address.text() == "medical staff@uhn"
    assert dialog.error.isVisible() and "must be one email address" in dialog.error.text()
    assert not [m for m in record_messages if m[0] == "error"]
    # Correcting it clears the complaint; Enter queues it and closes the box.
    dialog.address.setCursorPosition(8)
    qtbot.keyClick(dialog.address, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.address, ".")
    assert not dialog.error.isVisible()
    qtbot.keyClick(dialog.address, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.address, ".example")
    assert dialog.address.text() == "medical.staff@uhn.example"
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with desk.db.read() as s:
        latest = s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()[-1]
        assert (latest.to_address, latest.state) == ("medical.staff@uhn.example", OutboxState.QUEUED)


@pytest.mark.qt_log_ignore("does not support QPlatformServices::openDocument")
def test_open_pdf_without_a_pdf_application_shows_the_certificate_in_the_desk(
    qtbot: QtBot, desk: Desk, issued: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offscreen platform, like a computer with no PDF application, cannot open a document: the
    certificate is drawn in a window of the desk, which says where the file is and copies the path."""
    from PySide6.QtGui import QGuiApplication

    monkeypatch.setattr(ui.desk.profile, "OPEN_WITH_SYSTEM", True)
    profile = ProfileScreen(
        UiContext(desk, RecordingNavigator()), member_id=issued["member"], certificate_id=issued["cert"]
    )
    qtbot.addWidget(profile)
    profile.show()
    qtbot.mouseClick(profile.open_button, Qt.MouseButton.LeftButton)
    window = profile.pdf_window
    assert window is not None and window.isVisible()
    assert window.view is not None and window.page_count >= 1  # QtPdf read the signed file
    assert str(window.path) in window.where.text() and window.path.read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == str(window.path)


# --- the recipient page -----------------------------------------------------------------------------


def _recipient_page(qtbot: QtBot, desk: Desk) -> Any:
    from tests.wizard_driver import add_directory, choose_member, click_next, open_wizard

    with desk.db.write() as s:
        make_member(s, cpso_number="104512")
    add_directory(desk)
    wizard = open_wizard(qtbot, desk)
    choose_member(qtbot, wizard, "104512")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.recipient_page
    return wizard


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard", "does not support raise")
def test_the_country_box_finds_a_country_by_any_part_of_its_name_or_its_code(
    qtbot: QtBot, desk: Desk
) -> None:
    page = _recipient_page(qtbot, desk).recipient_page
    page.type_combo.setCurrentIndex(page.type_combo.findText("Other"))
    box = page.country_combo
    assert box.currentData() == "CA" and box.isEnabled()
    for typed, code in (("United Kingdom", "GB"), ("kingdom", "GB"), ("DE", "DE"), ("ivoire", "CI")):
        box.setFocus()
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), typed)
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Tab)
        assert box.currentData() == code, (typed, box.currentText())
    # What names no country puts the box back as it was, never on a neighbour.
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "Atlantis")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Tab)
    assert box.currentData() == "CI" and box.currentText() == box.itemText(box.currentIndex())


def test_back_keeps_a_typed_recipient_editable(qtbot: QtBot, desk: Desk) -> None:
    from tests.wizard_driver import Other, click_next, fill_recipient

    wizard = _recipient_page(qtbot, desk)
    page = wizard.recipient_page
    typed = Other(
        name="Clinique Test",
        street1="1 Rue Test",
        city="Montreal",
        state="QC",
        country="CA",
        postal_code="H3A 0G4",
        email="office@clinique.example.org",
    )
    fill_recipient(qtbot, wizard, typed)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.consent_page and len(page.recipients) == 1
    qtbot.mouseClick(wizard.button(wizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page
    # The organisation is in the form again, every field editable, and not also in the list.
    assert page.edits["name"].text() == "Clinique Test" and not page.edits["name"].isReadOnly()
    assert all(not e.isReadOnly() for e in page.edits.values()) and page.country_combo.isEnabled()
    assert page.recipients == []
    page.edits["city"].setFocus()
    page.edits["city"].selectAll()
    qtbot.keyClicks(page.edits["city"], "Montreal-Nord")
    click_next(qtbot, wizard)
    assert [(r.name, r.city) for r in page.recipients] == [("Clinique Test", "Montreal-Nord")]


def test_choosing_the_type_other_opens_the_address_fields(qtbot: QtBot, desk: Desk) -> None:
    from tests.wizard_driver import add_directory

    add_directory(desk, "Other", name="Saved Other Organisation", email="office@saved.example.org")
    page = _recipient_page(qtbot, desk).recipient_page
    page.type_combo.setCurrentIndex(page.type_combo.findText("Hospital"))
    assert page.edits["street1"].isReadOnly()  # a directory to choose from first
    page.type_combo.setCurrentIndex(page.type_combo.findText("Other"))
    assert page.inst_combo.currentData() == -1
    assert not page.edits["name"].isReadOnly() and not page.edits["street1"].isReadOnly()
    assert page.country_combo.isEnabled()


def test_an_error_goes_when_its_field_is_fixed_and_a_pasted_line_break_is_shown_replaced(
    qtbot: QtBot, desk: Desk
) -> None:
    from app.register.recipients import FIELD_LABELS

    wizard = _recipient_page(qtbot, desk)
    page = wizard.recipient_page
    page.type_combo.setCurrentIndex(page.type_combo.findText("Other"))
    assert not wizard.recipient_page.validatePage()
    city_error = page.errors[FIELD_LABELS["city"]]
    street_error = page.errors[FIELD_LABELS["street1"]]
    assert not city_error.isHidden() and not street_error.isHidden()
    qtbot.keyClicks(page.edits["city"], "T")
    assert city_error.isHidden() and not street_error.isHidden()  # only the fixed field's complaint goes
    # A pasted two-line address: the line break becomes a space, and the field says so.
    page.edits["street1"].setFocus()
    page.edits["street1"].insert("200 Elizabeth Street\nRoom 1")
    assert page.edits["street1"].text() == "200 Elizabeth Street Room 1"
    assert "line break" in street_error.text() and not street_error.isHidden()


# --- the home -----------------------------------------------------------------------------------------


def test_the_first_paint_shows_only_the_role_s_tiles_with_focus_on_the_first_then_the_last_used(
    qtbot: QtBot, desk: Desk
) -> None:
    from app.store.models import StaffRole
    from ui.shell.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    painted: list[list[str]] = []
    window.first_painted.connect(lambda: painted.append([t.spec.key for t in window.home.grid.visible_tiles]))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(painted))
    assert painted == [[]]  # before anyone is signed in, no tile at all (not all sixteen)
    assert window.home.grid.placeholder.isVisible()
    desk.actor = Actor("clerk.x", StaffRole.CLERK, "X")
    window.attach_desk(desk)
    shown = [t.spec.key for t in window.home.grid.visible_tiles]
    assert "settings" not in shown and "audit" not in shown and "review" not in shown
    assert not window.home.grid.placeholder.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.home.grid.visible_tiles[0].hasFocus())
    # The tile used last has the focus when the clerk comes home.
    qtbot.keyClick(window.home.grid.visible_tiles[0], Qt.Key.Key_Right)
    outbox = window.home.tile("outbox")
    outbox.setFocus()
    qtbot.keyClick(outbox, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is not window.home
    window.go_home()
    qtbot.waitUntil(outbox.hasFocus)
    # And the next time the desk is opened at this window.
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    again.attach_desk(desk)
    again.activateWindow()
    qtbot.waitUntil(again.home.tile("outbox").hasFocus)


def test_the_registrar_review_tile_shows_how_many_wait(qtbot: QtBot, desk: Desk, registrar: Actor) -> None:
    from ui.shell.main_window import MainWindow

    with desk.db.write() as s:
        held = [make_member(s, discipline="Reprimand, 2019").id for _ in range(2)]
    for member_id in held:
        result = submit_request(
            desk, registrar, RequestDraft(member_id, (TGH,), True, ConsentMethod.PHONE, "I consent.")
        )
        assert result.review_reasons
    desk.actor = registrar
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach_desk(desk)
    tile = window.home.tile("review")
    qtbot.waitUntil(lambda: tile.note == "2 waiting")
    assert tile.note_urgent and tile.accessibleDescription().startswith("2 waiting.")
    tile.grab().save(str(desk.data_dir / "review-tile.png"))


def test_the_audit_trail_shows_before_and_after_in_words(qtbot: QtBot, desk: Desk, registrar: Actor) -> None:
    from app.audit.trail import record
    from ui.admin.audit_screen import AuditScreen

    with desk.db.write() as s:
        record(
            s,
            registrar,
            "request.approved",
            subject="R-0000001",
            before={"status": "awaiting_review", "reasons": ["discipline"]},
            after={"status": "issued", "reasons": ["discipline"], "certificates": ["CPC-2026-000001"]},
        )
    desk.actor = registrar
    screen = AuditScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.search_button.isEnabled() and screen.model.rowCount() == 1)
    column = screen.model.FIELDS.index("change")
    shown = screen.model.data(screen.model.index(0, column))
    assert shown == "status: awaiting_review → issued; certificates: CPC-2026-000001"
    assert "{" not in shown
    tip = screen.model.data(screen.model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert '"status":"awaiting_review"' in tip.replace(" ", "")  # the stored JSON stays at hand


# --- fitting a 1366x768 laptop (the window is 1366x728 with its task bar) ------------------------------


def test_at_1366x768_the_batch_summary_the_signer_line_and_the_keyring_notice_are_seen_whole(
    qtbot: QtBot, desk: Desk, tmp_path: Any
) -> None:
    from app.access import secrets
    from ui.batch.batch_screen import BatchScreen
    from ui.shell.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    window.attach_desk(desk)
    # The keyring notice, whole (the status bar cut it at "…after a resta").
    import keyring
    from keyring.backends import fail

    kept = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        state = secrets.status()
    finally:
        keyring.set_keyring(kept)
    assert not state.secure and state.message.endswith("never saved to a file.")
    window.show_notice(state.message)
    label = window.notice_label
    qtbot.waitUntil(lambda: label.isVisible() and label.height() >= label.heightForWidth(label.width()))
    assert label.text() == state.message

    # Batch Printing: after a batch, its summary is in view without scrolling by hand.
    window.open_screen("batch")
    screen = window.screens["batch"]
    assert isinstance(screen, BatchScreen)
    screen.merged_path.setText(str(tmp_path / "print.pdf"))
    screen.start()
    qtbot.waitUntil(lambda: screen.result is not None and not screen.is_running(), timeout=60_000)
    qtbot.wait(50)
    viewport = screen.scroll.viewport()
    top_left = screen.report.mapTo(viewport, screen.report.rect().topLeft())
    assert 0 <= top_left.y() and top_left.y() + 60 <= viewport.height(), (top_left, viewport.height())
    assert "certificate" in screen.report.toPlainText().lower()


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        ("", '{"institutions":34,"members":520}', "institutions: 34; members: 520"),
        ('{"a":1}', "", "a: 1 → (removed)"),
        ('{"status":"x","same":1}', '{"status":"y","same":1,"n":[1,2]}', "status: x → y; n: 1, 2"),
        ('{"on":false}', '{"on":true}', "on: no → yes"),
        ("", "", ""),
    ],
)
def test_readable_change(before: str, after: str, shown: str) -> None:
    from app.audit.readable import readable_change

    assert readable_change(before, after) == shown


def test_at_1366x768_the_verify_screen_shows_the_signer_line_whole(
    qtbot: QtBot, desk: Desk, issued: dict[str, Any]
) -> None:
    from app.issuing.requests import export_certificate_pdf
    from ui.desk.verify_dialog import VerifyScreen
    from ui.shell.main_window import MainWindow

    path = export_certificate_pdf(desk, desk.actor, issued["cert"], issued["number"])
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    window.attach_desk(desk)
    window.open_screen("verify")
    screen = window.screens["verify"]
    assert isinstance(screen, VerifyScreen)
    with qtbot.waitSignal(screen.verified, timeout=20_000):
        screen.verify_file(str(path))
    details = screen.details
    assert "signed by" in details.text()
    qtbot.waitUntil(lambda: details.height() >= details.heightForWidth(details.width()))
    # Every line of the checks can be brought into view: nothing is cut off below the window.
    scroll = screen.details_scroll
    assert scroll.widget() is details and scroll.verticalScrollBar().maximum() >= 0
    assert details.height() >= details.heightForWidth(details.width())


def test_batch_printing_onto_a_full_disk_says_so_in_one_sentence(
    qtbot: QtBot, desk: Desk, tmp_path: Any, record_messages: list[tuple[str, str, str]]
) -> None:
    """The window says what the command line says (app.failures), not "Something went wrong (OSError…)"."""
    from tests.test_batch_screen import _requests, _screen
    from tests.test_clerk_bad_input import small_disk

    path = _requests(desk, tmp_path, 6)
    with small_disk(tmp_path / "disk", 160) as disk:
        screen = _screen(qtbot, desk)
        screen.rb_file.setChecked(True)
        screen.file_path.setText(str(path))
        screen.cb_merged.setChecked(False)
        screen.cb_folder.setChecked(True)
        screen.folder_path.setText(str(disk / "files"))
        screen.start()
        qtbot.waitUntil(lambda: not screen.is_running(), timeout=60_000)
        assert screen.status.text().startswith("The disk is full: a file could not be written.")
        assert record_messages[-1][0] == "error" and "Something went wrong" not in record_messages[-1][2]
        assert not [p for p in (disk / "files").iterdir() if "partial" in p.name]


def test_a_pasted_line_break_is_replaced_with_a_notice_in_the_directory_and_the_reissue_too(
    qtbot: QtBot, desk: Desk
) -> None:
    """One rule for one-line fields everywhere an address is typed (ui/common/line_breaks.py)."""
    from app.register.institution_types import desk_types
    from app.register.recipients import FIELD_LABELS, RecipientInput
    from ui.admin.institutions_screen import InstitutionsScreen
    from ui.desk.profile import ReissueDialog
    from ui.shell.context import UiContext

    screen = InstitutionsScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.save() is False  # an empty entry: the name's complaint shows
    name_error = screen.field_errors[FIELD_LABELS["name"]]
    assert name_error.isVisibleTo(screen)
    screen.edits["name"].setFocus()
    screen.edits["name"].insert("Kingston Health\nSciences Centre")
    assert screen.edits["name"].text() == "Kingston Health Sciences Centre"
    assert "line break" in name_error.text() and name_error.isVisibleTo(screen)
    screen.edits["name"].insert("!")  # edited again: the notice goes
    assert not name_error.isVisibleTo(screen)

    recipient = RecipientInput(
        institution_type="Hospital",
        name="Toronto General Hospital",
        street1="200 Elizabeth Street",
        city="Toronto",
        state="ON",
        country="CA",
        postal_code="M5G 2C4",
        email="credentials@tgh.example.org",
    )
    dialog = ReissueDialog(screen, "Reissue", "Why?", recipient, desk_types(desk.db))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.correct_box.setChecked(True)
    street = dialog.fields["street1"]
    street.setFocus()
    street.end(False)
    street.insert("\r\nRoom 1")
    assert street.text() == "200 Elizabeth Street Room 1"
    assert "line break" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
