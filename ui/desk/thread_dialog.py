"""A request's message thread: every entry with who, when and how (and the delivery state of what was sent),
new entries marked until a clerk has seen them; write to the member, or record a reply or a phone call.

Opening the thread marks its entries seen (after they are shown with their "New" marker). Services are
quick (no drawing or signing), so they run on the GUI thread like the other desk look-ups.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import CpcDeskError
from app.i18n import translate
from app.issuing.messages import (
    MAX_LENGTH,
    Thread,
    ThreadEntry,
    mark_thread_read,
    record_message,
    request_thread,
    send_message,
)
from app.register.members import local_time
from app.store.models import MessageChannel
from ui.common import messages
from ui.common.field_errors import error_label, field_errors, show_error
from ui.shell.context import UiContext

_COLOURS = {
    MessageChannel.EMAIL_SENT: "#eef4fb",
    MessageChannel.REPLY_RECORDED: "#f6f3ea",
    MessageChannel.PHONE_CALL: "#f6f3ea",
}


def grouped(n: int) -> str:
    """`n` with its thousands grouped as the desk's language writes them: "5,000"; "5 000" in French (the
    translators give the separator: a narrow no-break space)."""
    return f"{n:,}".replace(",", translate("ThreadDialog", ","))


def entry_widget(entry: ThreadEntry) -> QFrame:
    frame = QFrame()
    frame.setObjectName(f"entry-{entry.id}")
    frame.setStyleSheet(
        f"QFrame#entry-{entry.id} {{ background: {_COLOURS[entry.channel]}; border: 1px solid #c9d3df;"
        " border-radius: 5px; }"
    )
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 6, 10, 8)
    state = f" · {entry.delivery}" if entry.delivery else ""
    if entry.delivery_error:
        state += f" ({entry.delivery_error})"
    new = translate("ThreadDialog", "● New · ") if entry.unread else ""
    head = QLabel(
        new
        + translate("ThreadDialog", "{0} by {1} · {2}").format(local_time(entry.at), entry.who, entry.how)
        + state
    )
    head.setTextFormat(Qt.TextFormat.PlainText)  # a server's reply may hold "<"
    head.setObjectName("entryHead")
    head.setWordWrap(True)
    head.setStyleSheet("color: #1f5fa8; font-weight: bold;" if entry.unread else "color: #444;")
    layout.addWidget(head)
    if entry.subject:
        subject = QLabel(translate("ThreadDialog", "Subject: {0}").format(entry.subject))
        subject.setTextFormat(Qt.TextFormat.PlainText)
        subject.setStyleSheet("font-weight: bold;")
        subject.setWordWrap(True)
        layout.addWidget(subject)
    body = QLabel(entry.body)
    body.setObjectName("entryBody")
    body.setTextFormat(Qt.TextFormat.PlainText)  # a member's text is never read as markup
    body.setWordWrap(True)
    body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(body)
    return frame


class ThreadDialog(QDialog):
    """Opened with open(); emits `changed()` after something was written (so counts can refresh)."""

    changed = Signal()

    def __init__(self, ctx: UiContext, request_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request_number = request_number
        self.thread: Thread | None = None
        self.setObjectName("threadDialog")
        self.setWindowTitle(translate("ThreadDialog", "Messages about {0}").format(request_number))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.entries = QWidget()
        self.entries_layout = QVBoxLayout(self.entries)
        self.scroll.setWidget(self.entries)
        layout.addWidget(self.scroll, 1)
        self.subject = QLineEdit()
        self.subject.setObjectName("subject")
        self.subject.setMaxLength(200)
        self.subject.setPlaceholderText(
            translate("ThreadDialog", "Subject (optional; the request number is always in it)")
        )
        layout.addWidget(self.subject)
        self.subject_error = error_label()
        layout.addWidget(self.subject_error)
        self.text = QPlainTextEdit()
        self.text.setObjectName("messageText")
        self.text.setPlaceholderText(
            translate("ThreadDialog", "Plain text, at most {0} characters").format(grouped(MAX_LENGTH))
        )
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(140)
        layout.addWidget(self.text)
        self.counter = QLabel()
        self.counter.setStyleSheet("color: #555;")
        self.text.textChanged.connect(self._count)
        self.text_error = error_label()
        row = QHBoxLayout()
        row.addWidget(self.counter)
        row.addWidget(self.text_error, 1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        self.send_button = QPushButton(translate("ThreadDialog", "&Send to member"))
        self.send_button.setObjectName("sendButton")
        self.send_button.clicked.connect(self.send)
        self.reply_button = QPushButton(translate("ThreadDialog", "Record &reply"))
        self.reply_button.setObjectName("replyButton")
        self.reply_button.setToolTip(
            translate("ThreadDialog", "What the member wrote, typed in here; marked as recorded by staff")
        )
        self.reply_button.clicked.connect(lambda: self.record(MessageChannel.REPLY_RECORDED))
        self.phone_button = QPushButton(translate("ThreadDialog", "Record &phone call"))
        self.phone_button.setObjectName("phoneButton")
        self.phone_button.clicked.connect(lambda: self.record(MessageChannel.PHONE_CALL))
        close = QPushButton(translate("ThreadDialog", "&Close"))
        close.clicked.connect(self.accept)
        for b in (self.send_button, self.reply_button, self.phone_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._count()
        self.load()
        self.text.setFocus()

    def _count(self) -> None:
        n = len(self.text.toPlainText())
        self.counter.setText(translate("ThreadDialog", "{0} / {1}").format(grouped(n), grouped(MAX_LENGTH)))
        self.counter.setStyleSheet("color: #b00020;" if n > MAX_LENGTH else "color: #555;")
        show_error(self.text_error, "")

    def load(self) -> None:
        desk = self.ctx.desk
        try:
            self.thread = request_thread(desk, desk.actor, self.request_number)
        except CpcDeskError as exc:
            messages.error(self, translate("ThreadDialog", "Messages"), str(exc))
            return
        t = self.thread
        self.heading.setText(
            translate("ThreadDialog", "{0} for {1} · email on file: {2}").format(
                t.request_number, t.member_name, t.member_email or "—"
            )
        )
        while self.entries_layout.count():
            item = self.entries_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from the dialog now, not at the next event loop turn
                widget.deleteLater()
        if not t.entries:
            empty = QLabel(translate("ThreadDialog", "No messages yet."))
            empty.setObjectName("noMessages")
            self.entries_layout.addWidget(empty)
        for entry in t.entries:
            self.entries_layout.addWidget(entry_widget(entry))
        self.entries_layout.addStretch(1)
        if t.unread:
            mark_thread_read(desk, desk.actor, self.request_number)
            self.changed.emit()
        bar = self.scroll.verticalScrollBar()
        bar.rangeChanged.connect(lambda _lo, hi: bar.setValue(hi))

    def _show_problem(self, exc: CpcDeskError) -> None:
        problems = field_errors(exc)
        if not problems:
            messages.error(self, translate("ThreadDialog", "Messages"), str(exc))
            return
        for p in problems:
            target = self.subject_error if p.field == "subject" else self.text_error
            show_error(target, str(p))

    def send(self) -> None:
        desk = self.ctx.desk
        try:
            send_message(
                desk, desk.actor, self.request_number, self.text.toPlainText(), subject=self.subject.text()
            )
        except CpcDeskError as exc:
            self._show_problem(exc)
            return
        self._written(translate("ThreadDialog", "Message queued for the member"))

    def record(self, channel: MessageChannel) -> None:
        desk = self.ctx.desk
        try:
            record_message(desk, desk.actor, self.request_number, self.text.toPlainText(), channel=channel)
        except CpcDeskError as exc:
            self._show_problem(exc)
            return
        self._written(translate("ThreadDialog", "Recorded"))

    def _written(self, status: str) -> None:
        self.text.clear()
        self.subject.clear()
        show_error(self.subject_error, "")
        self.load()
        self.changed.emit()
        self.ctx.data_changed.emit()
        self.ctx.status_message.emit(status)
