"""A member's profile: registration details as the certificate states them, contact, history and actions.

Built with `member_id=None` it starts with the member search. `request_id`/`certificate_id` select that
line of the history (a certificate number or verification code typed at the desk lands here).
"""

from dataclasses import replace
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.access.staff import Permission
from app.document.verification_address import certificate_link
from app.errors import CpcDeskError, ValidationError, ValidationErrors
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.register.institution_types import InstitutionTypes, desk_types
from app.register.members import HistoryRow, MemberHit, local_time, member_record
from app.register.recipients import ADDRESS_FIELDS, FIELD_LABELS, RecipientInput, validate_recipient
from ui.batch.certificate_printing import draw_pdf, open_print_dialog
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.common.line_breaks import line_break_notice, replace_line_breaks
from ui.common.pdf_view import PdfWindow, show_pdf
from ui.common.table_models import Column, RowsModel, SortProxy
from ui.desk.assistance import MemberSearchPanel
from ui.shell.context import UiContext

# Tests switch this off: the PDF is written to the exports folder either way.
OPEN_WITH_SYSTEM = True
RETRYABLE = ("queued", "failed_temporary", "failed_permanent")
REASON_MAX = 500  # the shorter of what revoke and reissue keep

# Kept under its old name: tests and other screens print a PDF with it.
print_pdf_to = draw_pdf

# The address labels of app.register.recipients.FIELD_LABELS that the reissue box shows, marked here so
# lupdate extracts them; shown with translate_marked("Profile", FIELD_LABELS[name]) (a test checks that
# every one of ADDRESS_FIELDS has its French).
_ADDRESS_LABELS = (
    QT_TRANSLATE_NOOP("Profile", "Institution type"),
    QT_TRANSLATE_NOOP("Profile", "Institution"),
    QT_TRANSLATE_NOOP("Profile", "Institution name"),
    QT_TRANSLATE_NOOP("Profile", "Attention"),
    QT_TRANSLATE_NOOP("Profile", "Street 1"),
    QT_TRANSLATE_NOOP("Profile", "Street 2"),
    QT_TRANSLATE_NOOP("Profile", "Street 3"),
    QT_TRANSLATE_NOOP("Profile", "Street 4"),
    QT_TRANSLATE_NOOP("Profile", "City"),
    QT_TRANSLATE_NOOP("Profile", "State/Province"),
    QT_TRANSLATE_NOOP("Profile", "Country"),
    QT_TRANSLATE_NOOP("Profile", "Zip/Postal code"),
    QT_TRANSLATE_NOOP("Profile", "Email address"),
)


def address_label(name: str) -> str:
    """The reissue box's label of an address field, in the desk's language."""
    return translate_marked("Profile", FIELD_LABELS[name])


def member_heading(full_name: str, cpso_number: str) -> str:
    return translate("Profile", "{0} · CPSO #{1}").format(full_name, cpso_number)


def status_text(row: HistoryRow) -> str:
    """The state, and "printed" when it was (the time is in the sentence and the tooltip)."""
    if row.printed_at is None or "printed" in row.state:
        return row.state_words
    return translate("Profile", "{0} · printed").format(row.state_words)


def history_columns() -> list[Column[HistoryRow]]:
    return [
        Column(
            translate("Profile", "When"),
            lambda r: local_time(r.at),
            sort=lambda r: r.at,
            tooltip=lambda r: r.at.isoformat(),
        ),
        Column(
            translate("Profile", "What"),
            lambda r: (
                translate("Profile", "Certificate {0}").format(r.certificate_number)
                if r.kind == "certificate"
                else translate("Profile", "Request {0}").format(r.request_number)
            ),
            sort=lambda r: (r.request_id, r.certificate_id or 0),
        ),
        Column(translate("Profile", "Recipient"), lambda r: r.recipient, tooltip=lambda r: r.recipient_email),
        Column(translate("Profile", "Status"), status_text, tooltip=lambda r: r.sentence),
        Column(
            translate("Profile", "Tries"),
            lambda r: str(r.attempts) if r.delivery_state else "",
            sort=lambda r: r.attempts,
            align_right=True,
        ),
        Column(translate("Profile", "By"), lambda r: r.who),
    ]


class ReasonDialog(QDialog):
    """Asks why (revoke, reissue); opened with open(). An empty reason is refused inline, the box stays."""

    reason_given = Signal(str)

    def __init__(self, parent: QWidget, title: str, text: str, action: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        prompt = QLabel(
            translate("Profile", "&Reason (recorded, and told to anyone who checks the certificate):")
        )
        prompt.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(REASON_MAX)
        prompt.setBuddy(self.reason)
        layout.addWidget(prompt)
        layout.addWidget(self.reason)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textEdited.connect(lambda _t: self.error.hide())
        self.reason.setFocus()

    def checked_reason(self) -> str | None:
        """The reason on one line; None (and the complaint shown) when it is empty."""
        text = " ".join(self.reason.text().split())
        if not text:
            self.show_error(translate("Profile", "Reason: please say why; it is required."))
            self.reason.setFocus()
            return None
        return text

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        text = self.checked_reason()
        if text is None:
            return
        super().accept()
        self.reason_given.emit(text)


class ResendDialog(QDialog):
    """The address to send a certificate again to. A refused address is said under the field and the box
    stays open with what was typed; `send(address)` returns the problem, or "" once it is queued."""

    def __init__(self, parent: QWidget, title: str, address: str, send: Any) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setMinimumWidth(480)
        self.send = send
        layout = QVBoxLayout(self)
        prompt = QLabel(translate("Profile", "Send the certificate again to this &address:"))
        self.address = QLineEdit(address)
        self.address.setObjectName("email")
        self.address.setMaxLength(254)
        prompt.setBuddy(self.address)
        layout.addWidget(prompt)
        layout.addWidget(self.address)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Profile", "&Resend"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.address.textEdited.connect(lambda _t: self.error.hide())  # fixed: the complaint goes
        self.address.selectAll()
        self.address.setFocus()

    def accept(self) -> None:
        problem = self.send(self.address.text())
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.address.setFocus()
            return
        super().accept()


class ReissueDialog(ReasonDialog):
    """The reason, and when need be a corrected name or address: the new certificate goes there, the old one
    keeps the address it was issued to. Every problem in the address is shown inline; the box stays open."""

    # (reason, the corrected and validated RecipientInput, or None to reissue to the same recipient)
    reissue_given = Signal(str, object)

    def __init__(
        self, parent: QWidget, title: str, text: str, recipient: RecipientInput, types: InstitutionTypes
    ) -> None:
        super().__init__(parent, title, text, translate("Profile", "Reissue"))
        self.recipient = recipient
        self.types = types
        self.correct_box = QCheckBox(translate("Profile", "Send it to a &corrected name, address or email"))
        self.address_box = QWidget()
        form = QFormLayout(self.address_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.fields: dict[str, QLineEdit] = {}
        for name in ADDRESS_FIELDS:
            edit = QLineEdit(getattr(recipient, name))
            edit.setObjectName(name)
            edit.setMaxLength(254 if name == "email" else 200)
            edit.textEdited.connect(lambda _t, n=name: self._field_edited(n))
            self.fields[name] = edit
            form.addRow(translate("Profile", "{0}:").format(address_label(name)), edit)
        self.address_box.setVisible(False)
        self.correct_box.toggled.connect(self._show_address)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        at = layout.indexOf(self.error)
        layout.insertWidget(at, self.correct_box)
        layout.insertWidget(at + 1, self.address_box)

    def _field_edited(self, name: str) -> None:
        """The field was changed: the complaint goes; a pasted line break becomes a space, with a notice."""
        self.error.hide()
        if replace_line_breaks(self.fields[name]):
            self.error.setText(line_break_notice(address_label(name)))
            self.error.show()

    def _show_address(self, on: bool) -> None:
        self.address_box.setVisible(on)
        self.error.hide()
        self.adjustSize()
        if on:
            self.fields["name"].setFocus()

    def corrected_input(self) -> RecipientInput:
        values = {name: edit.text() for name, edit in self.fields.items()}
        # A corrected address is typed, not the directory's entry: it is not linked to the directory.
        return replace(self.recipient, institution_id=None, save_to_directory=False, **values)

    def accept(self) -> None:
        reason = self.checked_reason()
        if reason is None:
            return
        corrected = None
        if self.correct_box.isChecked():
            try:
                corrected = validate_recipient(self.corrected_input(), self.types)
            except ValidationErrors as exc:
                self.show_error("\n".join(str(e) for e in exc.errors))
                return
            except ValidationError as exc:
                self.show_error(str(exc))
                return
        QDialog.accept(self)
        self.reissue_given.emit(reason, corrected)


class ProfileScreen(QWidget):
    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        member_id: int | None = None,
        request_id: int | None = None,
        certificate_id: int | None = None,
        **_kwargs: Any,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = ctx.desk.actor
        self.member_id: int | None = None
        self.history: list[HistoryRow] = []
        self._dialogs: list[QWidget] = []
        self.resend_dialog: ResendDialog | None = None
        self.pdf_window: PdfWindow | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        # page 0: pick a member
        picker = QWidget()
        pl = QVBoxLayout(picker)
        pl.setContentsMargins(0, 0, 0, 0)
        title = QLabel(translate("Profile", "Whose profile?"))
        title.setObjectName("screenHeading")
        pl.addWidget(title)
        self.search = MemberSearchPanel(ctx.desk)
        self.search.chosen.connect(self._picked)
        self.search.document_found.connect(self._picked)
        pl.addWidget(self.search, 1)
        self.stack.addWidget(picker)

        # page 1: the profile
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.name_label = QLabel()
        self.name_label.setObjectName("screenHeading")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A very long name wraps instead of widening the window past a laptop screen.
        self.name_label.setWordWrap(True)
        self.review_label = QLabel()
        self.review_label.setProperty("error", True)
        self.review_label.setWordWrap(True)
        top.addWidget(self.name_label, 3)
        top.addWidget(self.review_label, 2)
        self.change_button = QPushButton(translate("Profile", "&Other member…"))
        self.change_button.clicked.connect(self.show_search)
        self.start_button = QPushButton(translate("Profile", "&Start a CPC request"))
        self.start_button.setObjectName("primaryButton")
        self.start_button.clicked.connect(self.start_request)
        self.start_button.setVisible(self.actor.can(Permission.FILE_REQUEST))
        top.addWidget(self.change_button)
        top.addWidget(self.start_button)
        # Copies of Documents and request messages (issue 19)
        self.copies_button = QPushButton(translate("Profile", "Copies of &documents…"))
        self.copies_button.setObjectName("copiesButton")
        self.copies_button.setToolTip(
            translate("Profile", "Email the member their Certificate of Registration, card or diploma")
        )
        self.copies_button.clicked.connect(self.open_copies)
        self.copies_button.setVisible(self.actor.can(Permission.FILE_REQUEST))
        top.addWidget(self.copies_button)
        layout.addLayout(top)
        self.unread_label = QLabel()
        self.unread_label.setObjectName("unreadMessages")
        self.unread_label.setStyleSheet("color: #1f5fa8; font-weight: bold;")
        self.unread_label.hide()
        layout.addWidget(self.unread_label)
        self.unread: dict[str, int] = {}

        split = QSplitter(Qt.Orientation.Horizontal)
        details = QWidget()
        dl = QVBoxLayout(details)
        dl.setContentsMargins(0, 0, 8, 0)
        self.cert_box = QGroupBox(translate("Profile", "On the certificate"))
        self.cert_form = QFormLayout(self.cert_box)
        self.contact_box = QGroupBox(translate("Profile", "Contact"))
        self.contact_form = QFormLayout(self.contact_box)
        for form in (self.cert_form, self.contact_form):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        dl.addWidget(self.cert_box)
        dl.addWidget(self.contact_box)
        dl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        scroll.setMinimumWidth(360)
        split.addWidget(scroll)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        heading = QLabel(translate("Profile", "History, newest first"))
        heading.setObjectName("sectionHeading")
        rl.addWidget(heading)
        self.model: RowsModel[HistoryRow] = RowsModel(history_columns(), self)
        self.proxy = SortProxy(self.model, self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # a long recipient is elided; its email is in the tooltip
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda *_: self.open_pdf())
        rl.addWidget(self.table, 1)
        self.sentence_label = QLabel()
        self.sentence_label.setObjectName("statusSentence")
        self.sentence_label.setWordWrap(True)
        self.sentence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence_label.setMinimumHeight(36)
        rl.addWidget(self.sentence_label)
        actions = QHBoxLayout()
        self.open_button = QPushButton(translate("Profile", "Open &PDF"))
        self.open_button.clicked.connect(self.open_pdf)
        self.print_button = QPushButton(translate("Profile", "P&rint…"))
        self.print_button.clicked.connect(self.print_pdf)
        self.web_button = QPushButton(translate("Profile", "Verification pa&ge"))
        self.web_button.setToolTip(
            translate("Profile", "Open the verification page for this certificate in the browser")
        )
        self.web_button.clicked.connect(self.open_verification_page)
        self.retry_button = QPushButton(translate("Profile", "Send &again now"))
        self.retry_button.setToolTip(
            translate("Profile", "Try the waiting or failed email once more, first in line")
        )
        self.retry_button.clicked.connect(self.retry_selected)
        self.resend_button = QPushButton(translate("Profile", "Resend &to…"))
        self.resend_button.setToolTip(
            translate("Profile", "Send the certificate again, to a corrected address if need be")
        )
        self.resend_button.clicked.connect(self.ask_resend_address)
        self.reissue_button = QPushButton(translate("Profile", "Re&issue…"))
        self.reissue_button.setToolTip(
            translate("Profile", "Issue a new certificate in place of this one, which is revoked")
        )
        self.reissue_button.clicked.connect(self.ask_reissue_reason)
        self.revoke_button = QPushButton(translate("Profile", "Re&voke…"))
        self.revoke_button.setToolTip(
            translate("Profile", "Withdraw this certificate: anyone who checks it is told it is revoked")
        )
        self.revoke_button.clicked.connect(self.ask_revoke_reason)
        self.messages_button = QPushButton(translate("Profile", "&Messages…"))
        self.messages_button.setObjectName("messagesButton")
        self.messages_button.setToolTip(
            translate("Profile", "The request's messages: write to the member, record a reply or call")
        )
        self.messages_button.clicked.connect(self.open_thread)
        for b in (
            self.messages_button,
            self.open_button,
            self.print_button,
            self.web_button,
            self.retry_button,
            self.resend_button,
            self.reissue_button,
            self.revoke_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        self.resend_button.setVisible(self.actor.can(Permission.RESEND))
        self.retry_button.setVisible(self.actor.can(Permission.RESEND))
        self.reissue_button.setVisible(self.actor.can(Permission.REISSUE))
        self.revoke_button.setVisible(self.actor.can(Permission.REVOKE))
        self._busy = False  # a revoke or reissue is running
        rl.addLayout(actions)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([450, 730])  # the certificate's wording reads on one line at 1180 px
        layout.addWidget(split, 1)
        self.stack.addWidget(page)

        if member_id is None:
            self.show_search()
        else:
            self.load(member_id, request_id=request_id, certificate_id=certificate_id)
        # A delivery state shown here changes when the outbox sends (or another screen acts): show it.
        self._emitting = False
        ctx.data_changed.connect(self._changed_elsewhere)

    # --- loading --------------------------------------------------------------------------------

    def show_search(self) -> None:
        self.stack.setCurrentIndex(0)
        self.setFocusProxy(self.search)
        self.search.setFocus()

    def _picked(self, hit: MemberHit) -> None:
        self.load(hit.member_id, request_id=hit.request_id, certificate_id=hit.certificate_id)

    def load(
        self, member_id: int, *, request_id: int | None = None, certificate_id: int | None = None
    ) -> None:
        from app.issuing.requests import summarise_member

        desk = self.ctx.desk
        try:
            record = member_record(desk, desk.actor, member_id)
            summary = summarise_member(record.member)
            contact = record.contact
            self.history = record.history
        except CpcDeskError as exc:
            messages.error(self, translate("Profile", "Profile"), str(exc))
            self.show_search()
            return
        self.member_id = member_id
        self.name_label.setText(member_heading(summary.full_name, summary.cpso_number))
        reasons = "; ".join(summary.review_reasons)
        self.review_label.setText(
            translate("Profile", "A registrar reviews requests: {0}").format(reasons) if reasons else ""
        )
        self._fill(self.cert_form, list(summary.disclosure))
        none = translate("Profile", "None on record")
        self._fill(
            self.contact_form,
            [
                (translate("Profile", "Email"), contact[0] or none),
                (translate("Profile", "Phone"), contact[1] or none),
                (translate("Profile", "Practice address"), contact[2] or none),
            ],
        )
        self.model.set_rows(self.history)
        self._show_unread()
        self.stack.setCurrentIndex(1)
        self.setFocusProxy(self.table)
        target = None
        for i, row in enumerate(self.history):
            if certificate_id is not None and row.certificate_id == certificate_id:
                target = i
                break
            if (
                target is None
                and request_id is not None
                and certificate_id is None
                and row.request_id == request_id
            ):
                target = i
        if target is None and self.history:
            target = 0
        if target is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(target, 0)).row())
        else:
            self.sentence_label.setText(translate("Profile", "No requests or certificates yet."))
        self._selection_changed()

    def reload(self) -> None:
        if self.member_id is not None:
            self._load_again()
            self._emitting = True
            try:
                self.ctx.data_changed.emit()
            finally:
                self._emitting = False

    def _load_again(self) -> None:
        """Load the member again, keeping the selected line."""
        if self.member_id is None:
            return
        row = self.selected_row()
        self.load(
            self.member_id,
            request_id=row.request_id if row else None,
            certificate_id=row.certificate_id if row else None,
        )

    def _changed_elsewhere(self) -> None:
        if not self._emitting and shiboken6.isValid(self) and self.stack.currentIndex() == 1:
            self._load_again()

    @staticmethod
    def _fill(form: QFormLayout, pairs: list[tuple[str, str]]) -> None:
        while form.rowCount():
            form.removeRow(0)
        for label, value in pairs:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(QLabel(translate("Profile", "{0}:").format(label)), text)

    # --- the selected line ----------------------------------------------------------------------

    def selected_row(self) -> HistoryRow | None:
        return self.proxy.selected_item(self.table, HistoryRow)

    def _selection_changed(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.sentence_label.setText(row.sentence)
        new = self.unread.get(row.request_number, 0) if row is not None else 0
        self.messages_button.setEnabled(row is not None)
        self.messages_button.setText(
            translate("Profile", "&Messages ({0} new)…").format(new)
            if new
            else translate("Profile", "&Messages…")
        )
        cert = row is not None and row.kind == "certificate"
        live = cert and row is not None and not row.revoked and not row.replaced
        self.open_button.setEnabled(bool(cert and row and row.has_pdf))
        self.web_button.setEnabled(bool(cert))
        # A revoked certificate can be opened for the file, but not printed to be handed out.
        self.print_button.setEnabled(bool(cert and row and row.has_pdf and not row.revoked))
        self.print_button.setToolTip(
            translate("Profile", "A revoked certificate is not printed; Open PDF shows it for the file")
            if row is not None and row.revoked
            else translate("Profile", "Print the certificate; the print is recorded in the history")
        )
        self.retry_button.setEnabled(bool(live and row and row.delivery_state in RETRYABLE))
        self.resend_button.setEnabled(bool(live and row and row.outbox_message_id is not None))
        # A certificate revoked (say, for a wrong address) and not yet replaced can still be reissued.
        revoked_only = cert and row is not None and row.revoked and not row.replaced
        self.reissue_button.setEnabled(bool(live or revoked_only) and not self._busy)
        self.revoke_button.setEnabled(bool(cert and row is not None and not row.revoked) and not self._busy)

    def start_request(self) -> None:
        if self.member_id is not None:
            self.ctx.start_cpc_request(self.member_id)

    # --- copies of documents and request messages ------------------------------------------------

    def _show_unread(self) -> None:
        from app.issuing.messages import unread_by_request

        try:
            self.unread = unread_by_request(self.ctx.desk, self.actor, self.member_id)
        except CpcDeskError:
            self.unread = {}
        total = sum(self.unread.values())
        self.unread_label.setText(
            translate("Profile", "%n new message(s) not yet seen: {0}", None, total).format(
                ", ".join(sorted(self.unread))
            )
            if total
            else ""
        )
        self.unread_label.setVisible(bool(total))

    def open_copies(self) -> QDialog | None:
        from ui.desk.copies_dialog import CopiesDialog

        if self.member_id is None:
            return None
        dialog = CopiesDialog(self.ctx, self, member_id=self.member_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.issued.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def open_thread(self) -> QDialog | None:
        from ui.desk.thread_dialog import ThreadDialog

        row = self.selected_row()
        if row is None:
            return None
        dialog = ThreadDialog(self.ctx, row.request_number, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.changed.connect(self._thread_changed)
        dialog.open()
        self._thread_changed()  # opening it marked its entries seen
        return dialog

    def _thread_changed(self) -> None:
        if shiboken6.isValid(self):
            self._show_unread()
            self._selection_changed()

    # --- certificate PDF ------------------------------------------------------------------------

    def export_pdf(self) -> Path | None:
        """Write the selected certificate's PDF into the exports folder; returns its path."""
        from app.issuing.requests import export_certificate_pdf

        row = self.selected_row()
        if row is None or row.certificate_id is None:
            return None
        try:
            return export_certificate_pdf(
                self.ctx.desk, self.ctx.desk.actor, row.certificate_id, row.certificate_number
            )
        except CpcDeskError as exc:
            messages.error(self, translate("Profile", "Certificate"), str(exc))
            return None

    def open_pdf(self) -> None:
        row = self.selected_row()
        if row is None or not row.has_pdf:
            return
        path = self.export_pdf()
        if path is None:
            return
        self.ctx.status_message.emit(translate("Profile", "Saved {0}").format(path))
        if OPEN_WITH_SYSTEM:
            # No PDF application on this computer: the certificate is shown in the desk instead.
            self.pdf_window = show_pdf(self, path)

    def open_verification_page(self) -> None:
        """The certificate's page on the verification service, in the system browser."""
        row = self.selected_row()
        if row is None or row.certificate_id is None:
            return
        try:
            link = certificate_link(self.ctx.desk, self.actor, row.certificate_id)
        except CpcDeskError as exc:
            messages.error(self, translate("Profile", "Certificate"), str(exc))
            return
        self.ctx.status_message.emit(translate("Profile", "Opening {0}").format(link.split("?")[0]))
        QDesktopServices.openUrl(QUrl(link))

    def print_pdf(self, printer: Any = None) -> QDialog | None:
        """Open the print dialog for the selected certificate; once printed, it is recorded as printed."""
        row = self.selected_row()
        if row is None or row.certificate_id is None or not row.has_pdf or row.revoked:
            return None
        certificate_id = row.certificate_id

        def recorded() -> None:
            if shiboken6.isValid(self) and self.member_id is not None and self.isVisible():
                self.load(self.member_id, certificate_id=certificate_id)

        return open_print_dialog(self, self.ctx, [certificate_id], printer=printer, on_recorded=recorded)

    # --- email ----------------------------------------------------------------------------------

    def retry_selected(self) -> None:
        from app.mail.outbox import retry_now

        row = self.selected_row()
        if row is None or row.outbox_message_id is None:
            return
        try:
            retry_now(self.ctx.desk, self.actor, row.outbox_message_id)
        except CpcDeskError as exc:
            messages.error(self, translate("Profile", "Send again"), str(exc))
            return
        self.ctx.status_message.emit(
            translate("Profile", "{0} is first in line for the next send").format(row.certificate_number)
        )
        self.reload()

    def ask_resend_address(self) -> None:
        row = self.selected_row()
        if row is None or row.outbox_message_id is None:
            return
        dialog = ResendDialog(
            self,
            translate("Profile", "Resend {0}").format(row.certificate_number),
            row.recipient_email,
            self._resend,
        )
        self.resend_dialog = dialog
        dialog.open()
        return

    def resend_selected_to(self, address: str) -> bool:
        problem = self._resend(address)
        if problem:
            messages.error(self, translate("Profile", "Resend"), problem)
        return not problem

    def _resend(self, address: str) -> str:
        """Queue the selected certificate again to `address`; the problem in words, or "" when queued."""
        from app.mail.outbox import resend_to

        row = self.selected_row()
        if row is None or row.outbox_message_id is None:
            return translate("Profile", "Choose a certificate that was emailed first.")
        try:
            msg = resend_to(self.ctx.desk, self.actor, row.outbox_message_id, address)
        except CpcDeskError as exc:
            return str(exc)
        self.ctx.status_message.emit(
            translate("Profile", "{0} will be sent to {1}").format(row.certificate_number, msg.to_address)
        )
        self.reload()
        return ""

    # --- reissue and revoke -------------------------------------------------------------------

    def ask_reissue_reason(self) -> ReissueDialog | None:
        from app.issuing.requests import certificate_recipient

        row = self.selected_row()
        if row is None or row.certificate_id is None:
            return None
        try:
            recipient = certificate_recipient(self.ctx.desk, self.ctx.desk.actor, row.certificate_id)
        except CpcDeskError as exc:
            messages.error(self, translate("Profile", "Reissue"), str(exc))
            return None
        if row.revoked:
            text = translate(
                "Profile", "{0} is already revoked. A new certificate will be issued to {1} in its place."
            ).format(row.certificate_number, row.recipient)
        else:
            text = translate(
                "Profile", "{0} will be revoked and a new certificate issued to {1} in its place."
            ).format(row.certificate_number, row.recipient)
        dialog = ReissueDialog(
            self,
            translate("Profile", "Reissue {0}").format(row.certificate_number),
            text,
            recipient,
            desk_types(self.ctx.desk.db),
        )
        dialog.reissue_given.connect(self.reissue_selected)
        dialog.open()
        return dialog

    def reissue_selected(self, reason: str, corrected: RecipientInput | None = None) -> None:
        """Reissue off the GUI thread (it renders and signs a PDF), then show the new certificate."""
        from app.issuing.requests import reissue_certificate

        row = self.selected_row()
        if row is None or row.certificate_id is None or self._busy:
            return
        desk, actor, number = self.ctx.desk, self.actor, row.certificate_number
        self._set_busy(True)

        def job(_progress: Any, _cancelled: Any) -> tuple[int, str]:
            new = reissue_certificate(desk, actor, number, corrected, reason=reason)
            return new.id, new.number

        def done(result: tuple[int, str]) -> None:
            self.ctx.status_message.emit(
                translate("Profile", "{0} reissued as {1}").format(number, result[1])
            )
            self.ctx.data_changed.emit()
            if not shiboken6.isValid(self):  # the screen was closed while the job ran
                return
            self._busy = False
            if self.member_id is not None:
                self.load(self.member_id, certificate_id=result[0])

        def failed(exc: BaseException) -> None:
            message = error_sentence(exc)
            alive = shiboken6.isValid(self)
            if alive:
                self._set_busy(False)
            messages.error(self if alive else None, translate("Profile", "Reissue"), message)

        workers.start(job, on_finished=done, on_failed=failed)

    def ask_revoke_reason(self) -> ReasonDialog | None:
        row = self.selected_row()
        if row is None or row.certificate_id is None or row.revoked:
            return None
        text = translate(
            "Profile",
            "{0}, issued to {1}, will be revoked. Anyone who checks it from then on is told it is revoked "
            "and why. This cannot be undone; to send a corrected certificate, use Reissue instead.",
        ).format(row.certificate_number, row.recipient)
        dialog = ReasonDialog(
            self,
            translate("Profile", "Revoke {0}").format(row.certificate_number),
            text,
            translate("Profile", "Revoke"),
        )
        dialog.reason_given.connect(self.revoke_selected)
        dialog.open()
        return dialog

    def revoke_selected(self, reason: str) -> None:
        """Revoke the selected certificate off the GUI thread, then show it revoked in the history."""
        from app.document.verification import revoke_certificate

        row = self.selected_row()
        if row is None or row.certificate_id is None or self._busy:
            return
        desk, actor = self.ctx.desk, self.actor
        number, certificate_id = row.certificate_number, row.certificate_id
        self._set_busy(True)

        def job(_progress: Any, _cancelled: Any) -> str:
            return revoke_certificate(desk, actor, number, reason).number

        def done(_number: str) -> None:
            self.ctx.status_message.emit(translate("Profile", "{0} is revoked").format(number))
            self.ctx.data_changed.emit()
            if not shiboken6.isValid(self):  # the screen was closed while the job ran
                return
            self._busy = False
            if self.member_id is not None:
                self.load(self.member_id, certificate_id=certificate_id)

        def failed(exc: BaseException) -> None:
            message = error_sentence(exc)
            alive = shiboken6.isValid(self)
            if alive:
                self._set_busy(False)
            messages.error(self if alive else None, translate("Profile", "Revoke"), message)

        workers.start(job, on_finished=done, on_failed=failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._selection_changed()
