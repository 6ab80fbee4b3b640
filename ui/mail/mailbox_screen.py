"""The Demo mailbox: what the local demo mail server received — headers, text, attachments; a PDF
attachment opens in a viewer window. Refreshes by itself when a message arrives."""

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QFileSystemWatcher, QIODevice, Qt, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.mail.demo_mailbox import (
    MAILBOX_FOLDER,
    MailboxItem,
    attachment_bytes,
    demo_active,
    is_listening,
    list_mailbox,
    message_text,
    read_message,
)
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.common.table_models import Column, RowsModel, SortProxy
from ui.shell.context import UiContext


def _columns() -> list[Column[MailboxItem]]:
    return [
        Column(
            translate("MailboxScreen", "Received"),
            lambda m: m.received_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            sort=lambda m: m.path.name,
        ),
        Column(translate("MailboxScreen", "To"), lambda m: m.to),
        Column(translate("MailboxScreen", "Subject"), lambda m: m.subject),
        Column(
            translate("MailboxScreen", "Attachments"), lambda m: ", ".join(a.filename for a in m.attachments)
        ),
    ]


class PdfWindow(QWidget):
    """A PDF shown in its own window (from memory; nothing is written to disk)."""

    def __init__(self, title: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.resize(760, 680)
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)


class MailboxScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, **_kwargs: Any) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mailboxScreen")
        self.viewers: list[PdfWindow] = []
        self._loading = False
        desk = ctx.desk
        self.folder = desk.folder(MAILBOX_FOLDER)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        heading = QLabel(translate("MailboxScreen", "Demo mailbox"))
        heading.setObjectName("screenHeading")
        self.refresh_button = QPushButton(translate("MailboxScreen", "&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.outbox_button = QPushButton(translate("MailboxScreen", "Open the &Outbox"))
        self.outbox_button.clicked.connect(lambda: ctx.open_screen("outbox"))
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(self.outbox_button)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.info = QLabel("")
        self.info.setObjectName("hint")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)

        self.model: RowsModel[MailboxItem] = RowsModel(_columns(), self)
        self.proxy = SortProxy(self.model, self)
        self.table = QTableView()
        self.table.setObjectName("mailboxTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((150, 240, 420)):
            # never narrower than its heading (longer in French)
            width = max(width, self.table.horizontalHeader().sectionSizeHint(column))
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_selected())

        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 6, 0, 0)
        self.headers = QLabel(translate("MailboxScreen", "Select a message to read it."))
        self.headers.setWordWrap(True)
        self.headers.setTextFormat(Qt.TextFormat.RichText)
        self.headers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headers.setObjectName("mailHeaders")
        self.headers.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Room for every header row: a rich-text label is otherwise squeezed to its first line.
        self.headers.setMinimumHeight(self.headers.fontMetrics().lineSpacing() * 9)
        dl.addWidget(self.headers)
        row = QHBoxLayout()
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setObjectName("mailBody")
        self.body.setAccessibleName(translate("MailboxScreen", "Message text"))
        side = QVBoxLayout()
        side.addWidget(QLabel(translate("MailboxScreen", "Attachments")))
        self.attachments = QListWidget()
        self.attachments.setObjectName("mailAttachments")
        self.attachments.setAccessibleName(translate("MailboxScreen", "Attachments"))
        self.attachments.itemActivated.connect(lambda _item: self.open_attachment())
        self.open_button = QPushButton(translate("MailboxScreen", "&Open attachment"))
        self.open_button.clicked.connect(self.open_attachment)
        side.addWidget(self.attachments, 1)
        side.addWidget(self.open_button)
        row.addWidget(self.body, 3)
        row.addLayout(side, 1)
        dl.addLayout(row, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([260, 360])
        layout.addWidget(splitter, 1)

        self.watcher = QFileSystemWatcher([str(self.folder)], self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.refresh)
        self.watcher.directoryChanged.connect(lambda _p: self._debounce.start())
        self.open_button.setEnabled(False)
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        desk = self.ctx.desk

        def load(_p: Any, _c: Any) -> tuple[list[MailboxItem], str]:
            settings = desk.settings
            host, port = str(settings.get("smtp.host")), int(settings.get("smtp.port"))
            if not demo_active(settings):
                server = translate(
                    "MailboxScreen",
                    "Demo mode is off: certificate email goes to the mail server set in Settings.",
                )
            elif is_listening(host, port):
                server = translate("MailboxScreen", "The demo mail server is listening on {0}:{1}.").format(
                    host, port
                )
            else:
                server = translate("MailboxScreen", "The demo mail server is not running ({0}:{1}).").format(
                    host, port
                )
            return list_mailbox(desk, desk.actor), server

        workers.start(load, on_finished=self._loaded, on_failed=self._failed)

    def _failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self._loading = False
        self.info.setText(message)

    def _loaded(self, result: tuple[list[MailboxItem], str]) -> None:
        self._loading = False
        items, server = result
        selected = self.current()
        self.model.set_rows(items)
        self.info.setText(
            translate("MailboxScreen", "%n message(s) received, kept in {0}. {1}", None, len(items)).format(
                self.folder, server
            )
        )
        if selected is not None:
            for row in range(self.proxy.rowCount()):
                item = self.proxy.row_item(row)
                if item is not None and item.path == selected.path:
                    self.table.selectRow(row)
                    break
        elif items:
            self.table.selectRow(0)

    def current(self) -> MailboxItem | None:
        return self.proxy.selected_item(self.table, MailboxItem)

    def show_selected(self) -> None:
        item = self.current()
        self.attachments.clear()
        if item is None:
            self.headers.setText(translate("MailboxScreen", "Select a message to read it."))
            self.body.clear()
            self.open_button.setEnabled(False)
            return
        try:
            msg = read_message(item.path)
        except OSError as exc:
            self.headers.setText(html.escape(str(exc)))
            return
        rows = [
            (translate("MailboxScreen", "From"), item.sender),
            (translate("MailboxScreen", "To"), item.to),
            (translate("MailboxScreen", "Delivered to"), item.envelope_to),
            (translate("MailboxScreen", "Date"), item.date),
            (translate("MailboxScreen", "Subject"), item.subject),
            (translate("MailboxScreen", "Message-ID"), item.message_id),
        ]
        for name, label in (
            ("Reply-To", translate("MailboxScreen", "Reply-To")),
            ("Auto-Submitted", translate("MailboxScreen", "Auto-Submitted")),
        ):
            if msg.get(name):
                rows.append((label, str(msg.get(name))))
        self.headers.setText(
            "<table>"
            + "".join(
                f"<tr><td style='padding-right:10px'><b>{html.escape(k)}</b></td>"
                f"<td>{html.escape(v)}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        self.body.setPlainText(message_text(msg))
        for attachment in item.attachments:
            entry = QListWidgetItem(f"{attachment.filename}  ({attachment.size / 1024:.0f} KB)")
            entry.setData(Qt.ItemDataRole.UserRole, attachment.filename)
            entry.setToolTip(attachment.content_type)
            self.attachments.addItem(entry)
        if self.attachments.count():
            self.attachments.setCurrentRow(0)
        self.open_button.setEnabled(bool(item.attachments))

    def open_attachment(self) -> None:
        item = self.current()
        entry = self.attachments.currentItem()
        if item is None or entry is None:
            return
        filename = str(entry.data(Qt.ItemDataRole.UserRole))
        try:
            data = attachment_bytes(Path(item.path), filename)
        except OSError as exc:
            messages.warn(self, translate("MailboxScreen", "Demo mailbox"), str(exc))
            return
        if not data.startswith(b"%PDF"):
            messages.info(
                self,
                translate("MailboxScreen", "Demo mailbox"),
                translate("MailboxScreen", "{0} is not a PDF; only PDFs open here.").format(filename),
            )
            return
        window = PdfWindow(filename, data, self)
        window.destroyed.connect(
            lambda _o=None, w=window: self.viewers.remove(w) if w in self.viewers else None
        )
        self.viewers.append(window)
        window.show()
