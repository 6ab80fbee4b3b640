"""Copies of Documents: choose the member (unless given), tick the documents, check the email, issue.

The rules say which documents the member may have; one they may not is shown unticked and disabled with
the reason beside it. Issuing (drawing and signing) runs off the GUI thread; its problems are marked on the
fields they name (`document`, `email`).
"""

from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import CpcDeskError
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.issuing.documents import CopiesIssued, document_refusals, issue_copies, member_language
from app.issuing.rules import DOCUMENT_KINDS
from app.register.members import MemberHit, member_record
from ui.common import messages, workers
from ui.common.certificate_language import language_combo
from ui.common.error_sentence import error_sentence
from ui.common.field_errors import error_label, field_errors, show_error
from ui.desk.assistance import MemberSearchPanel
from ui.shell.context import UiContext

# The titles of app.document.kinds.TITLES (DOCUMENT_KINDS), marked so lupdate extracts them; shown with
# translate_marked (a test checks each has its French).
_TITLES = (
    QT_TRANSLATE_NOOP("CopiesDialog", "Certificate of Registration"),
    QT_TRANSLATE_NOOP("CopiesDialog", "Membership Card"),
    QT_TRANSLATE_NOOP("CopiesDialog", "Membership Diploma"),
)


def document_title(kind: str) -> str:
    """A document's title, in the desk's language."""
    return translate_marked("CopiesDialog", DOCUMENT_KINDS.get(kind, kind))


class CopiesDialog(QDialog):
    """Opened with open(); emits `issued(result)` once the documents are filed and their email queued."""

    issued = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, member_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cpso_number = ""
        self.result: CopiesIssued | None = None
        self.setWindowTitle(translate("CopiesDialog", "Copies of Documents"))
        self.setObjectName("copiesDialog")
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        picker = QWidget()
        pl = QVBoxLayout(picker)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(QLabel(translate("CopiesDialog", "Whose documents?")))
        self.search = MemberSearchPanel(ctx.desk)
        self.search.chosen.connect(self._picked)
        pl.addWidget(self.search, 1)
        self.stack.addWidget(picker)

        form_page = QWidget()
        fl = QVBoxLayout(form_page)
        fl.setContentsMargins(0, 0, 0, 0)
        self.member_label = QLabel()
        self.member_label.setObjectName("sectionHeading")
        self.member_label.setWordWrap(True)
        fl.addWidget(self.member_label)
        intro = QLabel(
            translate(
                "CopiesDialog",
                "Each document is signed, numbered in its own series and emailed to the member as a PDF. "
                "Choose one or more.",
            )
        )
        intro.setWordWrap(True)
        fl.addWidget(intro)
        self.kind_boxes: dict[str, QCheckBox] = {}
        self.reasons: dict[str, QLabel] = {}
        for kind in DOCUMENT_KINDS:
            box = QCheckBox(document_title(kind))
            box.setObjectName(f"kind-{kind}")
            reason = QLabel()
            reason.setObjectName(f"reason-{kind}")
            reason.setWordWrap(True)
            reason.setStyleSheet("color: #555; margin-left: 24px;")
            reason.hide()
            self.kind_boxes[kind], self.reasons[kind] = box, reason
            fl.addWidget(box)
            fl.addWidget(reason)
        self.document_error = error_label()
        fl.addWidget(self.document_error)
        email_form = QFormLayout()
        self.email = QLineEdit()
        self.email.setObjectName("email")
        self.email.setMaxLength(254)
        email_label = QLabel(translate("CopiesDialog", "Send to &email:"))
        email_label.setBuddy(self.email)
        # The documents' and their email's language; load() sets the member's default (member_language).
        self.language = language_combo()
        self.language.setObjectName("documentLanguage")
        language_label = QLabel(translate("CopiesDialog", "&Language:"))
        language_label.setBuddy(self.language)
        email_form.addRow(language_label, self.language)
        email_form.addRow(email_label, self.email)
        fl.addLayout(email_form)
        self.email_error = error_label()
        fl.addWidget(self.email_error)
        hint = QLabel(
            translate(
                "CopiesDialog", "The address on file is filled in; correct it here for this request only."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        fl.addWidget(hint)
        fl.addStretch(1)
        self.stack.addWidget(form_page)

        done_page = QWidget()
        dl = QVBoxLayout(done_page)
        self.done_label = QLabel()
        self.done_label.setObjectName("doneSummary")
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dl.addWidget(self.done_label)
        dl.addStretch(1)
        self.stack.addWidget(done_page)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.issue_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.issue_button.setObjectName("issueButton")
        self.issue_button.setText(translate("CopiesDialog", "&Issue and email"))
        self.buttons.accepted.connect(self.issue)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for box in self.kind_boxes.values():
            box.toggled.connect(lambda _on: show_error(self.document_error, ""))
        self.email.textEdited.connect(lambda _t: show_error(self.email_error, ""))

        if member_id is None:
            self.stack.setCurrentIndex(0)
            self.issue_button.setEnabled(False)
        else:
            self.load(member_id)

    def _picked(self, hit: MemberHit) -> None:
        self.load(hit.member_id)

    def load(self, member_id: int) -> None:
        desk = self.ctx.desk
        try:
            record = member_record(desk, desk.actor, member_id)
            refusals = document_refusals(desk, desk.actor, record.member.cpso_number)
        except CpcDeskError as exc:
            messages.error(self, translate("CopiesDialog", "Copies of Documents"), str(exc))
            return
        member = record.member
        self.cpso_number = member.cpso_number
        self.member_label.setText(
            translate("CopiesDialog", "{0} · CPSO #{1}").format(member.full_name, member.cpso_number)
        )
        for kind, box in self.kind_boxes.items():
            reason = refusals.get(kind, "")
            box.setEnabled(not reason)
            box.setChecked(False)
            self.reasons[kind].setText(
                translate("CopiesDialog", "Not available: {0}.").format(reason) if reason else ""
            )
            self.reasons[kind].setVisible(bool(reason))
        self.email.setText(record.contact[0])
        self.language.setCurrentIndex(max(0, self.language.findData(member_language(member))))
        self.stack.setCurrentIndex(1)
        self.issue_button.setEnabled(True)
        first = next((b for b in self.kind_boxes.values() if b.isEnabled()), None)
        (first or self.email).setFocus()

    def chosen_kinds(self) -> list[str]:
        return [k for k, box in self.kind_boxes.items() if box.isEnabled() and box.isChecked()]

    def issue(self) -> None:
        if self.stack.currentIndex() == 2:
            self.accept()
            return
        kinds = self.chosen_kinds()
        if not kinds:
            show_error(self.document_error, translate("CopiesDialog", "Documents: choose at least one."))
            return
        desk, actor = self.ctx.desk, self.ctx.desk.actor
        cpso, email = self.cpso_number, self.email.text()
        language = str(self.language.currentData() or "")
        self.issue_button.setEnabled(False)

        def job(_progress: Any, _cancelled: Any) -> CopiesIssued:
            return issue_copies(desk, actor, cpso, kinds, email=email, language=language)

        workers.start(job, on_finished=self._issued, on_failed=self._failed, owner=self)

    def _issued(self, result: CopiesIssued) -> None:
        self.result = result
        lines = [
            translate("CopiesDialog", "Request {0}: emailed to {1} (waiting in the outbox).").format(
                result.request_number, result.email
            )
        ]
        lines += [
            translate("CopiesDialog", "• {0}: {1}").format(document_title(c.kind), c.number)
            for c in result.copies
        ]
        self.done_label.setText("\n".join(lines))
        self.stack.setCurrentIndex(2)
        self.issue_button.setText(translate("CopiesDialog", "&Close"))
        self.issue_button.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.ctx.data_changed.emit()
        self.ctx.status_message.emit(
            translate("CopiesDialog", "Documents issued on request {0}").format(result.request_number)
        )
        self.issued.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.issue_button.setEnabled(True)
        problems = field_errors(exc)
        if not problems:
            messages.error(self, translate("CopiesDialog", "Copies of Documents"), error_sentence(exc))
            return
        documents = [str(p) for p in problems if p.field == "document"]
        emails = [str(p) for p in problems if p.field == "email"]
        show_error(self.document_error, "\n".join(documents))
        show_error(self.email_error, "\n".join(emails))
        if emails:
            self.email.setFocus()
