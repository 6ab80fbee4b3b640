"""The screens of issue 19: Membership Services -> Copies of Documents, the profile's Copies of documents
and Messages, and the thread dialog. Driven with qtbot; asserted on the database, the outbox and the PDF."""

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.issuing.documents import issue_copies
from app.issuing.messages import record_message, request_thread, unread_by_request
from app.store.models import Certificate, Member, MemberStatus, MessageChannel, OutboxMessage, RequestMessage
from tests.factories import make_member
from ui.desk.copies_dialog import CopiesDialog
from ui.desk.profile import ProfileScreen
from ui.desk.thread_dialog import ThreadDialog
from ui.shell.catalogue import ServiceCatalogue
from ui.shell.context import UiContext


def _member(desk: Desk, **values: Any) -> tuple[int, str]:
    with desk.db.write() as session:
        m = make_member(session, **values)
        return m.id, m.cpso_number


def test_the_catalogue_starts_copies_of_documents(qtbot: QtBot, desk: Desk) -> None:
    ctx = UiContext(desk)
    screen = ServiceCatalogue(ctx)
    qtbot.addWidget(screen)
    card = screen.card("copies")
    assert card.button.isEnabled()
    dialog = card.open_copies()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CopiesDialog)
    assert dialog.stack.currentIndex() == 0  # whose documents? the member search first
    assert not dialog.issue_button.isEnabled()


def test_the_dialog_shows_what_the_rules_refuse_and_issues_the_rest(qtbot: QtBot, desk: Desk) -> None:
    member_id, cpso = _member(desk, status=MemberStatus.REVOKED)
    ctx = UiContext(desk)
    dialog = CopiesDialog(ctx, member_id=member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.stack.currentIndex() == 1
    assert not dialog.kind_boxes["card"].isEnabled() and not dialog.kind_boxes["diploma"].isEnabled()
    assert "active member" in dialog.reasons["card"].text()
    assert dialog.reasons["card"].isVisibleTo(dialog) and not dialog.reasons["registration"].isVisibleTo(
        dialog
    )
    dialog.issue()  # nothing ticked
    assert "at least one" in dialog.document_error.text()
    dialog.kind_boxes["registration"].setChecked(True)
    dialog.email.setText("not an address")
    dialog.issue()
    qtbot.waitUntil(lambda: dialog.email_error.isVisibleTo(dialog), timeout=10_000)
    assert "email" in dialog.email_error.text()
    with desk.db.read() as session:
        assert session.scalar(select(Certificate.id)) is None
    dialog.email.setText("corrected@example.org")
    dialog.issue()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 2, timeout=20_000)
    assert dialog.result is not None
    number = dialog.result.copies[0].number
    assert number.startswith("REG-") and number in dialog.done_label.text()
    with desk.db.read() as session:
        row = session.scalar(select(OutboxMessage).join(Certificate).where(Certificate.number == number))
        assert row is not None and row.to_address == "corrected@example.org"
        assert (
            session.scalar(select(Member.email).where(Member.cpso_number == cpso)) != "corrected@example.org"
        )


def test_the_profile_marks_unread_entries_and_the_thread_shows_and_clears_them(
    qtbot: QtBot, desk: Desk
) -> None:
    member_id, cpso = _member(desk, first_name="Hélène", last_name="Côté-Gagnon")
    issued = issue_copies(desk, desk.actor, cpso, ["card", "diploma"])
    number = issued.request_number
    record_message(
        desk,
        desk.actor,
        number,
        "Dr. Côté-Gagnon called: the card did not arrive.",
        channel=MessageChannel.PHONE_CALL,
    )
    ctx = UiContext(desk)
    profile = ProfileScreen(ctx, member_id=member_id)
    qtbot.addWidget(profile)
    profile.resize(1180, 720)
    profile.show()
    assert profile.copies_button.isVisible()
    assert profile.unread_label.isVisible() and number in profile.unread_label.text()
    assert "(1 new)" in profile.messages_button.text()
    history_numbers = {row.certificate_number for row in profile.history}
    assert {c.number for c in issued.copies} <= history_numbers
    card_row = next(i for i, row in enumerate(profile.history) if row.certificate_number.startswith("CARD-"))
    profile.table.selectRow(profile.proxy.mapFromSource(profile.model.index(card_row, 0)).row())
    exported = profile.export_pdf()  # Open PDF / Print work for a copy of a document as for a CPC
    assert (
        exported is not None
        and exported.name.startswith("CARD-")
        and exported.read_bytes().startswith(b"%PDF")
    )

    dialog = profile.open_thread()
    assert isinstance(dialog, ThreadDialog)
    qtbot.addWidget(dialog)
    heads = [w.text() for w in dialog.entries.findChildren(type(dialog.heading), "entryHead")]
    assert len(heads) == 1 and heads[0].startswith("● New") and "phone call" in heads[0]
    assert unread_by_request(desk, desk.actor, member_id) == {}  # seen now that it is open
    qtbot.waitUntil(lambda: not profile.unread_label.isVisible())
    assert profile.messages_button.text() == "&Messages…"

    dialog.subject.setText("Card\nBcc: x@example.org")
    dialog.text.setPlainText("We sent it again today.")
    dialog.send()
    assert "subject" in dialog.subject_error.text()
    dialog.subject.setText("Your Membership Card")
    dialog.send()
    dialog.text.setPlainText("Thank you, it arrived.")
    dialog.record(MessageChannel.REPLY_RECORDED)
    thread = request_thread(desk, desk.actor, number)
    assert [e.channel for e in thread.entries] == [
        MessageChannel.PHONE_CALL,
        MessageChannel.EMAIL_SENT,
        MessageChannel.REPLY_RECORDED,
    ]
    assert thread.entries[1].subject == f"Your Membership Card [{number}]"
    bodies = [w.text() for w in dialog.entries.findChildren(type(dialog.heading), "entryBody")]
    assert bodies == [e.body for e in thread.entries]
    dialog.text.setPlainText("x" * 5001)
    dialog.send()
    assert "5,000" in dialog.text_error.text()
    with desk.db.read() as session:
        assert len(session.scalars(select(RequestMessage.id)).all()) == 3


def test_the_assistance_desk_lists_unread_threads_and_opens_the_thread_of_a_number(
    qtbot: QtBot, desk: Desk
) -> None:
    from ui.desk.assistance import AssistanceScreen

    _member_id, cpso = _member(desk)
    issued = issue_copies(desk, desk.actor, cpso, ["registration"])
    record_message(desk, desk.actor, issued.request_number, "Is it sent?", channel=MessageChannel.PHONE_CALL)
    ctx = UiContext(desk)
    screen = AssistanceScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.unread_label.isVisible()
    assert f"{issued.request_number} (1)" in screen.unread_label.text()
    screen.status_box.setText("nothing-like-a-number")
    assert screen.open_thread() is None
    screen.status_box.setText(issued.copies[0].number)  # a document's number finds its request
    dialog = screen.open_thread()
    assert isinstance(dialog, ThreadDialog)
    qtbot.addWidget(dialog)
    assert dialog.request_number == issued.request_number
    assert not screen.unread_label.isVisible()
    screen.status_box.setText(issued.request_number)
    screen.look_up_status()
    qtbot.waitUntil(lambda: "Last message" in screen.status_label.text(), timeout=10_000)
    assert '"Is it sent?"' in screen.status_label.text()


def test_markup_in_a_recorded_reply_is_shown_as_text(qtbot: QtBot, desk: Desk) -> None:
    _member_id, cpso = _member(desk)
    issued = issue_copies(desk, desk.actor, cpso, ["registration"])
    attack = '<img src="http://evil.example/x.png"><b>Urgent</b> <a href="http://evil.example">pay here</a>'
    record_message(desk, desk.actor, issued.request_number, attack, channel=MessageChannel.REPLY_RECORDED)
    dialog = ThreadDialog(UiContext(desk), issued.request_number)
    qtbot.addWidget(dialog)
    [body] = dialog.entries.findChildren(type(dialog.heading), "entryBody")
    assert body.textFormat() == Qt.TextFormat.PlainText
    assert body.text() == attack
