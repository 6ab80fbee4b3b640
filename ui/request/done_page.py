"""The wizard's last page: what was filed, each certificate and its delivery."""

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.store.models import OutboxState, RequestStatus

if TYPE_CHECKING:
    from ui.request.wizard import CpcWizard


def delivery_text(state: str, error: str, offline: bool) -> str:
    if state == OutboxState.SENT:
        return translate("CpcWizard", "Sent")
    if state == OutboxState.FAILED_PERMANENT:
        return translate("CpcWizard", "Failed: {0}").format(
            error or translate("CpcWizard", "the server refused it")
        )
    if state == OutboxState.CANCELLED:
        return translate("CpcWizard", "Cancelled")
    if state in (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.FAILED_TEMPORARY):
        if offline:
            return translate("CpcWizard", "Queued — offline mode, will be sent when the desk is back online")
        if error:
            return translate("CpcWizard", "Queued — mail server unreachable, will retry ({0})").format(error)
        return translate("CpcWizard", "Queued — will be sent shortly")
    return translate("CpcWizard", "Not issued")


class DonePage(QWizardPage):
    """What Submit filed: each recipient's certificate, verification code and delivery, with the actions
    on the selected one (the wizard's)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("CpcWizard", "Recipient"),
        QT_TRANSLATE_NOOP("CpcWizard", "Email address"),
        QT_TRANSLATE_NOOP("CpcWizard", "Certificate"),
        QT_TRANSLATE_NOOP("CpcWizard", "Verification code"),
        QT_TRANSLATE_NOOP("CpcWizard", "Delivery"),
    )

    def __init__(self, wizard: "CpcWizard") -> None:
        super().__init__()
        self.w = wizard  # the result is the wizard's; the buttons run its actions
        self.printed: set[str] = set()  # certificate numbers printed from this page
        self.setTitle(translate("CpcWizard", "Submitted"))
        self.setFinalPage(True)
        self.heading = QLabel()
        self.heading.setObjectName("doneHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("results")
        self.table.setHorizontalHeaderLabels([translate_marked("CpcWizard", c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Number and code keep their width; a long name, address or delivery error wraps (its whole text
        # is in the tooltip) so every column stays in view without scrolling sideways.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.delivery_status = QLabel()
        self.delivery_status.setObjectName("deliveryStatus")
        self.delivery_status.setWordWrap(True)
        self.open_button = QPushButton(translate("CpcWizard", "&Open PDF"))
        self.print_button = QPushButton(translate("CpcWizard", "&Print…"))
        self.copy_button = QPushButton(translate("CpcWizard", "&Copy verification code"))
        self.web_button = QPushButton(translate("CpcWizard", "Open the &verification page"))
        self.web_button.setToolTip(
            translate("CpcWizard", "Open the verification page for this certificate in the browser")
        )
        self.another_button = QPushButton(translate("CpcWizard", "Start &another request for this member"))
        buttons = QHBoxLayout()
        for b in (
            self.open_button,
            self.print_button,
            self.copy_button,
            self.web_button,
            self.another_button,
        ):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.delivery_status)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.w.open_pdf)
        self.print_button.clicked.connect(self.w.print_pdf)
        self.copy_button.clicked.connect(self.w.copy_code)
        self.web_button.clicked.connect(self.w.open_verification_page)
        self.another_button.clicked.connect(self.w.start_another)
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())

    def initializePage(self) -> None:
        self.show_result()
        self.table.setFocus()

    def show_result(self) -> None:
        result = self.w.result_
        if result is None:
            return
        offline = self.w.ctx.desk.is_offline
        if result.status == RequestStatus.AWAITING_REVIEW:
            self.setTitle(translate("CpcWizard", "Sent to a registrar for review"))
            self.setSubTitle(
                translate("CpcWizard", "Nothing is issued until a registrar approves the request.")
            )
            self.heading.setText(
                translate(
                    "CpcWizard",
                    "<p>Request <b>{number}</b> for {name} (CPSO# {cpso}) was recorded and is "
                    "<b>awaiting registrar review</b>: {reasons}.</p><p>No certificate has been issued yet. "
                    "When a registrar approves it, the certificates are issued and sent to the recipients "
                    "below.</p>",
                ).format(
                    number=result.request_number,
                    name=html.escape(result.member_name),
                    cpso=result.cpso_number,
                    reasons=html.escape("; ".join(result.review_reasons)),
                )
            )
        else:
            self.setTitle(translate("CpcWizard", "Certificates issued"))
            self.setSubTitle(
                translate(
                    "CpcWizard", "Each certificate is signed and stored; its email state is shown below."
                )
            )
            again = (
                translate("CpcWizard", " (this request had already been submitted)")
                if result.already_submitted
                else ""
            )
            self.heading.setText(
                translate(
                    "CpcWizard",
                    "<p>Request <b>{number}</b> for {name} (CPSO# {cpso}): "
                    "%n certificate(s) issued{again}.</p>",
                    None,
                    sum(1 for r in result.recipients if r.certificate_number),
                ).format(
                    number=result.request_number,
                    name=html.escape(result.member_name),
                    cpso=result.cpso_number,
                    again=html.escape(again),
                )
            )
        self.table.setRowCount(len(result.recipients))
        for row, r in enumerate(result.recipients):
            state = (
                delivery_text(r.delivery_state, r.delivery_error, offline)
                if r.certificate_number
                else (
                    translate("CpcWizard", "Awaiting review")
                    if result.status == RequestStatus.AWAITING_REVIEW
                    else translate("CpcWizard", "Not issued")
                )
            )
            if r.certificate_number in self.printed:
                state = translate("CpcWizard", "{0} · printed").format(state)
            for col, text in enumerate((r.name, r.email, r.certificate_number, r.verification_code, state)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if result.recipients and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)
        self._update_buttons()

    def show_delivery(self, text: str) -> None:
        self.delivery_status.setText(text)

    def _update_buttons(self) -> None:
        r = self.w.selected_result()
        has_pdf = r is not None and r.pdf_available
        self.open_button.setEnabled(has_pdf)
        self.print_button.setEnabled(has_pdf)
        self.copy_button.setEnabled(r is not None and bool(r.verification_code))
        self.web_button.setEnabled(r is not None and bool(r.verification_code))
