"""Registrar review: requests held back because of the member's record; approve (issue and send) or decline.

Only staff with the review permission see the list. Approving renders and signs off the GUI thread, then
hands the email to the outbox sender in another worker.
"""

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.access.staff import Permission
from app.errors import CpcDeskError
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.issuing.requests import (
    ReviewItem,
    SubmitResult,
    approve_request,
    awaiting_review,
    decline_request,
    request_result,
)
from app.register.recipients import country_name
from app.store.models import CONSENT_METHOD_LABELS
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.shell.context import UiContext

# The words of app.store.models.CONSENT_METHOD_LABELS, marked so lupdate extracts them (shown with
# translate_marked; a test checks each has its French).
_CONSENT_LABELS = (
    QT_TRANSLATE_NOOP("ReviewScreen", "In person"),
    QT_TRANSLATE_NOOP("ReviewScreen", "By phone"),
    QT_TRANSLATE_NOOP("ReviewScreen", "Signed form"),
    QT_TRANSLATE_NOOP("ReviewScreen", "Member portal"),
)


class ReviewScreen(QWidget):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ReviewScreen", "Request"),
        QT_TRANSLATE_NOOP("ReviewScreen", "Member"),
        QT_TRANSLATE_NOOP("ReviewScreen", "CPSO#"),
        QT_TRANSLATE_NOOP("ReviewScreen", "Why it needs review"),
        QT_TRANSLATE_NOOP("ReviewScreen", "Recipients"),
        QT_TRANSLATE_NOOP("ReviewScreen", "Submitted"),
    )

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reviewScreen")
        self.requests: list[ReviewItem] = []
        self.busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        heading = QLabel(translate("ReviewScreen", "Registrar review"))
        heading.setObjectName("screenHeading")
        layout.addWidget(heading)
        self.allowed = ctx.desk.actor.can(Permission.REVIEW)
        if not self.allowed:
            note = QLabel(
                translate(
                    "ReviewScreen",
                    "Only a registrar can review requests held back for review. You are signed in as {0}; "
                    "ask a registrar to sign in at this desk.",
                ).format(ctx.desk.actor.display_name or ctx.desk.actor.username)
            )
            note.setObjectName("notAllowed")
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)
            self.table = None
            return
        intro = QLabel(
            translate(
                "ReviewScreen",
                "These requests were not issued automatically because of the member's registration "
                "status, terms, discipline or a pending investigation. Approve to issue and send the "
                "certificates, or decline with a reason.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("reviewList")
        self.table.setHorizontalHeaderLabels([translate_marked("ReviewScreen", c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(translate("ReviewScreen", "Requests awaiting review"))
        self.details = QLabel()
        self.details.setObjectName("reviewDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(scroll)
        split.setSizes([220, 300])
        layout.addWidget(split, 1)

        self.reason = QPlainTextEdit()
        self.reason.setObjectName("declineReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(56)
        self.reason.setPlaceholderText(
            translate("ReviewScreen", "Reason for declining (required to decline; kept on the request)")
        )
        reason_label = QLabel(translate("ReviewScreen", "Decline &reason:"))
        reason_label.setBuddy(self.reason)
        self.error = QLabel()
        self.error.setObjectName("reviewError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)
        self.approve_button = QPushButton(translate("ReviewScreen", "&Approve and issue"))
        self.approve_button.setObjectName("approve")
        self.decline_button = QPushButton(translate("ReviewScreen", "&Decline"))
        self.decline_button.setObjectName("decline")
        self.refresh_button = QPushButton(translate("ReviewScreen", "Re&fresh"))
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.decline_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.approve_button.clicked.connect(self.approve)
        self.decline_button.clicked.connect(self.decline)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.currentCellChanged.connect(lambda *_a: self._show_details())
        self.setFocusProxy(self.table)
        self.refresh()

    # --- list ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.table is None:
            return
        try:
            self.requests = awaiting_review(self.ctx.desk, self.ctx.desk.actor)
        except CpcDeskError as exc:
            self._error(str(exc))
            return
        self.table.setRowCount(len(self.requests))
        for row, r in enumerate(self.requests):
            submitted = r.submitted_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.submitted_at else ""
            values = (
                r.number,
                r.member.full_name,
                r.member.cpso_number,
                "; ".join(r.member.review_reasons)
                or translate("ReviewScreen", "(the record has changed: now clean)"),
                ", ".join(x.name for x in r.recipients),
                translate("ReviewScreen", "{0} by {1}").format(submitted, r.created_by),
            )
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if self.requests:
            self.table.setCurrentCell(0, 0)
        self._show_details()

    def selected(self) -> ReviewItem | None:
        if self.table is None:
            return None
        row = self.table.currentRow()
        return self.requests[row] if 0 <= row < len(self.requests) else None

    def _show_details(self) -> None:
        r = self.selected()
        has = r is not None and not self.busy
        self.approve_button.setEnabled(has)
        self.decline_button.setEnabled(has)
        if r is None:
            self.details.setText(translate("ReviewScreen", "<p>No request is waiting for review.</p>"))
            return
        e = html.escape
        summary = r.member
        parts = [
            "<h3>"
            + e(
                translate("ReviewScreen", "{0} — {1} (CPSO# {2})").format(
                    r.number, summary.full_name, summary.cpso_number
                )
            )
            + "</h3>",
            "<p><b>"
            + e(translate("ReviewScreen", "Why it needs review:"))
            + f"</b> {e('; '.join(summary.review_reasons))}</p>",
            "<table>",
        ]
        for label, value in summary.disclosure:
            parts.append(f"<tr><td style='padding-right:10px'><b>{e(label)}</b></td><td>{e(value)}</td></tr>")
        parts.append("</table><h4>" + e(translate("ReviewScreen", "Recipients")) + "</h4>")
        for x in r.recipients:
            address = ", ".join(
                p for p in (*x.street_lines, x.city, x.state, x.postal_code, country_name(x.country)) if p
            )
            parts.append(f"<p><b>{e(x.name)}</b> — {e(x.email)}<br>{e(address)}</p>")
        method = (
            translate_marked("ReviewScreen", CONSENT_METHOD_LABELS[r.consent_method])
            if r.consent_method in CONSENT_METHOD_LABELS
            else "—"
        )
        parts.append(
            "<p>"
            + e(
                translate("ReviewScreen", "Consent given ({0}), recorded by {1}.").format(
                    method, r.consent_by or r.created_by
                )
            )
            + "</p>"
        )
        if r.notes:
            parts.append("<p>" + e(translate("ReviewScreen", "Notes: {0}").format(r.notes)) + "</p>")
        self.details.setText("".join(parts))

    # --- actions ------------------------------------------------------------------------------

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.refresh_button.setEnabled(not busy)
        self._show_details()

    def approve(self) -> None:
        r = self.selected()
        if r is None or self.busy:
            return
        request_id, number, count = r.request_id, r.number, len(r.recipients)
        messages.ask(
            self,
            translate("ReviewScreen", "Approve request"),
            translate(
                "ReviewScreen",
                "Approve {0} and issue %n certificate(s) now? They are emailed to the recipients.",
                None,
                count,
            ).format(number),
            on_yes=lambda: self._approve(request_id),
        )

    def _approve(self, request_id: int) -> None:
        self._error("")
        self._set_busy(True)
        self.status.setText(translate("ReviewScreen", "Issuing and signing…"))
        desk, actor = self.ctx.desk, self.ctx.desk.actor

        def job(_progress: Any, _cancelled: Any) -> SubmitResult:
            return approve_request(desk, actor, request_id)

        workers.start(job, on_finished=self._approved, on_failed=self._failed)

    def _approved(self, result: SubmitResult) -> None:
        self._set_busy(False)
        numbers = ", ".join(r.certificate_number for r in result.recipients)
        self.status.setText(
            translate("ReviewScreen", "{0} approved: issued {1}. Sending…").format(
                result.request_number, numbers
            )
        )
        self.ctx.status_message.emit(
            translate("ReviewScreen", "{0} approved and issued").format(result.request_number)
        )
        self.ctx.data_changed.emit()
        self.refresh()
        desk = self.ctx.desk
        request_id = result.request_id

        def send(_progress: Any, _cancelled: Any) -> SubmitResult:
            from app.mail.outbox import send_due

            send_due(desk)
            return request_result(desk, desk.actor, request_id)

        workers.start(
            send,
            on_finished=self._sent,
            on_failed=lambda exc: self.status.setText(error_sentence(exc)),
            owner=self,
        )

    def _sent(self, result: SubmitResult) -> None:
        from ui.request.done_page import delivery_text

        states = "; ".join(
            translate("ReviewScreen", "{0}: {1}").format(
                r.name, delivery_text(r.delivery_state, r.delivery_error, self.ctx.desk.is_offline)
            )
            for r in result.recipients
        )
        self.status.setText(translate("ReviewScreen", "{0}: {1}").format(result.request_number, states))
        self.ctx.data_changed.emit()

    def decline(self) -> None:
        r = self.selected()
        if r is None or self.busy:
            return
        reason = self.reason.toPlainText().strip()
        if not reason:
            self._error(
                translate(
                    "ReviewScreen", "Decline reason: is required — say why the certificate is not issued."
                )
            )
            self.reason.setFocus()
            return
        try:
            result = decline_request(self.ctx.desk, self.ctx.desk.actor, r.request_id, reason)
        except CpcDeskError as exc:
            self._error(str(exc))
            self.refresh()
            return
        self._error("")
        self.reason.clear()
        self.status.setText(translate("ReviewScreen", "{0} declined.").format(result.request_number))
        self.ctx.data_changed.emit()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self._set_busy(False)
        self.status.clear()
        self._error(translate("ReviewScreen", "Not approved: {0}").format(message))
        self.refresh()
