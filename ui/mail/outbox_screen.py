"""The Outbox screen: every certificate email, its state, attempts, last error and next try;
send now, retry, resend to a corrected address, cancel. The sending itself runs in a worker thread."""

from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import CpcDeskError
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.mail import outbox
from app.mail.outbox import OutboxRow, SendReport
from app.register.text import validate_email
from app.store.models import OutboxState
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.common.table_models import Column, RowsModel, SortProxy
from ui.mail.outbox_sender import sender_for
from ui.shell.context import UiContext

STATE_LABELS = {
    OutboxState.QUEUED: QT_TRANSLATE_NOOP("OutboxScreen", "Waiting"),
    OutboxState.SENDING: QT_TRANSLATE_NOOP("OutboxScreen", "Sending…"),
    OutboxState.SENT: QT_TRANSLATE_NOOP("OutboxScreen", "Sent"),
    OutboxState.FAILED_TEMPORARY: QT_TRANSLATE_NOOP("OutboxScreen", "Failed, will retry"),
    OutboxState.FAILED_PERMANENT: QT_TRANSLATE_NOOP("OutboxScreen", "Failed — needs action"),
    OutboxState.CANCELLED: QT_TRANSLATE_NOOP("OutboxScreen", "Cancelled"),
}


def local_time(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def _when(row: OutboxRow) -> str:
    if row.state == OutboxState.SENT:
        return translate("OutboxScreen", "sent {0}").format(local_time(row.sent_at))
    if row.state == OutboxState.QUEUED:
        return (
            translate("OutboxScreen", "next run")
            if row.next_attempt_at is None
            else local_time(row.next_attempt_at)
        )
    if row.state == OutboxState.FAILED_TEMPORARY:
        return local_time(row.next_attempt_at)
    return ""


def _columns() -> list[Column[OutboxRow]]:
    return [
        Column(
            translate("OutboxScreen", "State"),
            lambda r: translate_marked("OutboxScreen", STATE_LABELS[r.state]),
        ),
        Column(translate("OutboxScreen", "Certificate"), lambda r: r.certificate_number),
        Column(
            translate("OutboxScreen", "Member"),
            lambda r: f"{r.member_name} ({r.cpso_number})" if r.cpso_number else "",
        ),
        Column(
            translate("OutboxScreen", "Recipient"),
            lambda r: f"{r.recipient_name} <{r.to_address}>" if r.recipient_name else r.to_address,
        ),
        Column(
            translate("OutboxScreen", "Attempts"),
            lambda r: str(r.attempts),
            sort=lambda r: r.attempts,
            align_right=True,
        ),
        Column(
            translate("OutboxScreen", "Next try / sent"),
            _when,
            sort=lambda r: r.sent_at or r.next_attempt_at or r.created_at,
        ),
        Column(
            translate("OutboxScreen", "Last error"),
            lambda r: " ".join(r.last_error.split()),
            tooltip=lambda r: r.last_error,
        ),
    ]


class OutboxScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, **_kwargs: Any) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outboxScreen")
        self.sender_driver = sender_for(ctx)
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        heading = QLabel(translate("OutboxScreen", "Outbox"))
        heading.setObjectName("screenHeading")
        layout.addWidget(heading)

        self.banner = QLabel("")
        self.banner.setObjectName("outboxBanner")
        self.banner.setWordWrap(True)
        self.banner.setProperty("error", True)
        self.resume_button = QPushButton(translate("OutboxScreen", "Resume sending"))
        self.resume_button.setToolTip(
            translate("OutboxScreen", "After fixing the mail settings or the password, try again")
        )
        self.resume_button.clicked.connect(self.resume)
        self.banner.hide()
        self.resume_button.hide()
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.resume_button)
        layout.addLayout(banner_row)

        bar = QHBoxLayout()
        self.send_button = QPushButton(translate("OutboxScreen", "&Send now"))
        self.send_button.setToolTip(translate("OutboxScreen", "Send every message that is due, now"))
        self.send_button.clicked.connect(self.send_now)
        self.show_done = QCheckBox(translate("OutboxScreen", "Show sent and cancelled"))
        self.show_done.toggled.connect(self.refresh)
        self.refresh_button = QPushButton(translate("OutboxScreen", "&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.summary = QLabel("")
        self.summary.setObjectName("hint")
        bar.addWidget(self.send_button)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.show_done)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout.addLayout(bar)

        self.model: RowsModel[OutboxRow] = RowsModel(_columns(), self)
        self.proxy = SortProxy(self.model, self)
        self.table = QTableView()
        self.table.setObjectName("outboxTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 140, 200, 280, 70, 130)):
            # never narrower than its heading (longer in French)
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        layout.addWidget(self.table, 1)

        # Read-only text rather than a label: a server's answer can run to several lines.
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("outboxDetail")
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(translate("OutboxScreen", "Message details"))
        self.detail.setFixedHeight(self.detail.fontMetrics().lineSpacing() * 6 + 12)
        self.detail.setPlaceholderText(translate("OutboxScreen", "Select a message to see its details."))
        layout.addWidget(self.detail)

        actions = QHBoxLayout()
        self.retry_button = QPushButton(translate("OutboxScreen", "Retry &now"))
        self.retry_button.clicked.connect(self.retry)
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(translate("OutboxScreen", "Corrected email address"))
        self.address_edit.setAccessibleName(translate("OutboxScreen", "Corrected email address"))
        self.address_edit.returnPressed.connect(self.resend)
        self.resend_button = QPushButton(translate("OutboxScreen", "Resend &to this address"))
        self.resend_button.clicked.connect(self.resend)
        self.cancel_button = QPushButton(translate("OutboxScreen", "&Cancel message"))
        self.cancel_button.clicked.connect(self.cancel)
        self.address_error = QLabel("")
        self.address_error.setProperty("error", True)
        actions.addWidget(self.retry_button)
        actions.addSpacing(16)
        actions.addWidget(self.address_edit, 1)
        actions.addWidget(self.resend_button)
        actions.addSpacing(16)
        actions.addWidget(self.cancel_button)
        layout.addLayout(actions)
        layout.addWidget(self.address_error)

        self.sender_driver.started.connect(self._sending_started)
        self.sender_driver.finished.connect(self._sending_finished)
        # Methods, not lambdas: Qt disconnects a method's connection when this screen is destroyed,
        # while the sender (which belongs to the window) goes on.
        self.sender_driver.failed.connect(self._sending_failed)
        self.sender_driver.progress.connect(self._sending_progress)
        self.ctx.data_changed.connect(self.refresh)
        self._selection_changed()
        self.refresh()
        self.sender_driver.start()

    # --- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        desk = self.ctx.desk
        include_done = self.show_done.isChecked()

        def load(_progress: Any, _cancelled: Any) -> tuple[list[OutboxRow], str, bool, int]:
            return (
                outbox.list_messages(desk, desk.actor, include_done=include_done),
                outbox.pause_reason(desk),
                desk.is_offline,
                outbox.count_waiting(desk),
            )

        workers.start(load, on_finished=self._loaded, on_failed=self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self._loading = False
        self.summary.setText(message)

    def _loaded(self, result: tuple[list[OutboxRow], str, bool, int]) -> None:
        self._loading = False
        rows, paused, offline, waiting = result
        selected = self.current()
        self.model.set_rows(rows)
        if selected is not None:
            self._select(selected.id)
        notes = []
        if offline:
            notes.append(
                translate(
                    "OutboxScreen",
                    "Offline mode: nothing is sent; everything waits here. Turn it off in Settings.",
                )
            )
        if paused:
            notes.append(translate("OutboxScreen", "Sending is paused: {0}").format(paused))
        report = self.sender_driver.last_report
        if report is not None and report.skipped and report.skipped_problem and not paused:
            notes.append(report.skipped)
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))
        self.resume_button.setVisible(bool(paused))
        self.send_button.setEnabled(not offline and not paused and not self.sender_driver.running)
        if not self.sender_driver.running:
            self.summary.setText(
                translate("OutboxScreen", "{0} waiting · {1} shown").format(waiting, len(rows))
            )
        self._selection_changed()

    def _select(self, outbox_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            item = self.proxy.row_item(row)
            if item is not None and item.id == outbox_id:
                self.table.selectionModel().select(
                    self.proxy.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                return

    def current(self) -> OutboxRow | None:
        return self.proxy.selected_item(self.table, OutboxRow)

    def _selection_changed(self) -> None:
        row = self.current()
        can = self.ctx.desk.actor.can("resend")
        waiting = row is not None and row.state in (
            OutboxState.QUEUED,
            OutboxState.FAILED_TEMPORARY,
            OutboxState.FAILED_PERMANENT,
        )
        self.retry_button.setEnabled(can and waiting)
        self.cancel_button.setEnabled(can and waiting)
        self.resend_button.setEnabled(can and row is not None and row.state != OutboxState.SENDING)
        self.address_edit.setEnabled(self.resend_button.isEnabled())
        if row is None:
            self.detail.clear()
            return
        if not self.address_edit.text() or self.address_edit.property("for_id") != row.id:
            self.address_edit.setText(row.to_address)
            self.address_edit.setProperty("for_id", row.id)
        self.address_error.setText("")
        parts = [
            translate("OutboxScreen", "Subject: {0}").format(row.subject),
            translate("OutboxScreen", "To: {0}").format(row.to_address),
            translate("OutboxScreen", "Message-ID: {0}").format(row.message_id),
            translate("OutboxScreen", "Queued: {0}").format(local_time(row.created_at)),
        ]
        if row.resend_of_id:
            parts.append(translate("OutboxScreen", "Resent from message {0}").format(row.resend_of_id))
        if row.last_error:
            parts.append(translate("OutboxScreen", "Last error: {0}").format(row.last_error))
        self.detail.setPlainText("\n".join(parts))

    # --- actions --------------------------------------------------------------------------------

    def send_now(self) -> None:
        self.sender_driver.run_now()

    def _sending_started(self) -> None:
        self.send_button.setEnabled(False)
        self.summary.setText(translate("OutboxScreen", "Sending…"))

    def _sending_failed(self, message: str) -> None:
        self._sending_finished(None, message)

    def _sending_progress(self, done: int, total: int, text: str) -> None:
        self.summary.setText(translate("OutboxScreen", "Sending {0} of {1}: {2}").format(done, total, text))

    def _sending_finished(self, report: SendReport | None, failure: str = "") -> None:
        self.send_button.setEnabled(True)
        if report is not None:
            self.summary.setText(
                report.summary()
                if (report.attempted or report.skipped)
                else translate("OutboxScreen", "Nothing due.")
            )
        else:
            self.summary.setText(failure)
        self.refresh()

    def _act(self, action: Any, done_text: str) -> None:
        try:
            action()
        except CpcDeskError as exc:
            messages.warn(self, translate("OutboxScreen", "Outbox"), str(exc))
            return
        self.ctx.status_message.emit(done_text)
        self.ctx.data_changed.emit()

    def retry(self) -> None:
        row = self.current()
        if row is None:
            return
        desk = self.ctx.desk
        self._act(
            lambda: outbox.retry_now(desk, desk.actor, row.id),
            translate("OutboxScreen", "Message {0} will be sent on the next run.").format(
                row.certificate_number
            ),
        )

    def resend(self) -> None:
        row = self.current()
        if row is None:
            return
        text = self.address_edit.text()
        try:
            address = validate_email("email", text)
        except CpcDeskError as exc:
            self.address_error.setText(
                translate("OutboxScreen", "Corrected email address: {0}").format(getattr(exc, "message", exc))
            )
            self.address_edit.setFocus()
            return
        self.address_error.setText("")
        desk = self.ctx.desk

        def do() -> None:
            self._act(
                lambda: outbox.resend_to(desk, desk.actor, row.id, address),
                translate("OutboxScreen", "Certificate {0} queued for {1}.").format(
                    row.certificate_number, address
                ),
            )

        messages.ask(
            self,
            translate("OutboxScreen", "Resend certificate"),
            translate(
                "OutboxScreen",
                "Send certificate {0} again, to {1}? A new message is queued and the change is recorded.",
            ).format(row.certificate_number, address),
            do,
        )

    def cancel(self) -> None:
        row = self.current()
        if row is None:
            return
        desk = self.ctx.desk
        messages.ask(
            self,
            translate("OutboxScreen", "Cancel message"),
            translate(
                "OutboxScreen", "Cancel the email of certificate {0} to {1}? It will not be sent."
            ).format(row.certificate_number, row.to_address),
            lambda: self._act(
                lambda: outbox.cancel(desk, desk.actor, row.id),
                translate("OutboxScreen", "The email of {0} was cancelled.").format(row.certificate_number),
            ),
        )

    def resume(self) -> None:
        desk = self.ctx.desk
        try:
            outbox.resume(desk, desk.actor)
        except CpcDeskError as exc:
            messages.warn(self, translate("OutboxScreen", "Outbox"), str(exc))
            return
        self.ctx.data_changed.emit()
        self.sender_driver.run_now()
