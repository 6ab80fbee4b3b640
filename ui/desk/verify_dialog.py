"""Verify a certificate: pick or drop a certificate PDF and read, in words, whether it is genuine."""

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from ui.common import workers
from ui.common.error_sentence import error_sentence
from ui.shell.context import UiContext


def _pdf_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf"):
            return Path(url.toLocalFile())
    return None


class DropArea(QFrame):
    """The dashed box a PDF can be dropped on; clicking its button opens a file picker."""

    dropped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDropArea")
        self.setAcceptDrops(True)
        self.setMinimumHeight(120)
        self.setStyleSheet(
            "#verifyDropArea { border: 2px dashed #8a94a6; border-radius: 8px; background: #f6f8fb; }"
            '#verifyDropArea[hover="true"] { border-color: #17305a; background: #e9eef7; }'
        )
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label = QLabel(translate("VerifyScreen", "Drop a certificate PDF here"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("font-size: 15px; color: #17305a; border: none; background: transparent;")
        layout.addWidget(label)
        self.choose_button = QPushButton(translate("VerifyScreen", "Choose a PDF file…"))
        self.choose_button.setObjectName("verifyChooseButton")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout.addLayout(row)

    def _hover(self, on: bool) -> None:
        self.setProperty("hover", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if _pdf_path(event) is not None:
            event.acceptProposedAction()
            self._hover(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self._hover(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        self._hover(False)
        path = _pdf_path(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(str(path))


class VerifyScreen(QWidget):
    """Checks the signature, the register record, revocation and validity of one certificate file."""

    # (VerificationResult) once a file has been checked; (str) when it could not be checked at all
    verified = Signal(object)
    failed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, **_kwargs: Any) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("verifyScreen")
        self.last_result: Any = None
        self._worker: workers.Worker | None = None
        self._file_dialog: QFileDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        heading = QLabel(translate("VerifyScreen", "Verify a certificate"))
        heading.setObjectName("screenHeading")
        layout.addWidget(heading)
        intro = QLabel(
            translate(
                "VerifyScreen",
                "Check a Certificate of Professional Conduct that someone has sent back or asked about. "
                "The desk checks that the file's digital signature is intact and is this College's, that "
                "the certificate number is on record and the file is exactly the one issued, that it has "
                "not been revoked, and that it is still within its validity.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.drop_area = DropArea(self)
        self.drop_area.dropped.connect(self.verify_file)
        self.drop_area.choose_button.clicked.connect(self.choose_file)
        layout.addWidget(self.drop_area)

        self.file_label = QLabel("")
        self.file_label.setObjectName("hint")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.file_label)

        self.verdict = QLabel("")
        self.verdict.setObjectName("verifyVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)

        self.details = QLabel("")
        self.details.setObjectName("verifyDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The checks (the signer's long name among them) scroll rather than being cut off when the window
        # is short (a 1366x768 laptop) or narrow.
        self.details_scroll = QScrollArea()
        self.details_scroll.setObjectName("verifyDetailsScroll")
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setWidget(self.details)
        layout.addWidget(self.details_scroll, 1)
        self.setAcceptDrops(True)

    # --- choosing a file

    def choose_file(self) -> None:
        dialog = QFileDialog(
            self,
            translate("VerifyScreen", "Choose a certificate PDF"),
            "",
            translate("VerifyScreen", "PDF files (*.pdf)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.fileSelected.connect(self.verify_file)
        self._file_dialog = dialog
        dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        self.drop_area.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        self.drop_area.dropEvent(event)

    # --- checking it

    def verify_file(self, path: str) -> None:
        file = Path(path)
        self.file_label.setText(translate("VerifyScreen", "File: {name}").format(name=str(file)))
        from app.document.verification import too_large_problem

        try:
            # a file far larger than any certificate is refused before it is read whole
            too_large = too_large_problem(file.stat().st_size)
            data = b"" if too_large else file.read_bytes()
        except OSError as exc:
            self._show_failure(
                translate("VerifyScreen", "The file cannot be read ({reason}).").format(reason=exc.strerror)
            )
            return
        if too_large:
            from app.errors import ValidationError

            self._show_failure(ValidationError("file", too_large))
            return
        self.verdict.setText(translate("VerifyScreen", "Checking…"))
        self.verdict.setStyleSheet("font-size: 17px; color: #444;")
        self.details.setText("")
        self.drop_area.choose_button.setEnabled(False)
        desk = self.ctx.desk

        def job(_progress: Any, _cancelled: Any) -> Any:
            from app.document.verification import verify_pdf

            return verify_pdf(desk, data)

        self._worker = workers.start(job, on_finished=self._show_result, on_failed=self._show_failure)

    def _show_failure(self, exc: BaseException | str) -> None:
        message = exc if isinstance(exc, str) else error_sentence(exc)
        self.drop_area.choose_button.setEnabled(True)
        self.verdict.setText(translate("VerifyScreen", "This file could not be checked."))
        self.verdict.setStyleSheet("font-size: 17px; font-weight: bold; color: #9b1c1c;")
        self.details.setText(html.escape(message))
        self.failed.emit(message)

    def _show_result(self, result: Any) -> None:
        self.drop_area.choose_button.setEnabled(True)
        self.last_result = result
        if result.ok:
            self.verdict.setText(
                translate("VerifyScreen", "Genuine and valid: certificate {number}.").format(
                    number=result.number
                )
            )
            self.verdict.setStyleSheet("font-size: 17px; font-weight: bold; color: #1e6b2f;")
        else:
            what = (
                translate("VerifyScreen", "Certificate {number} is NOT valid.").format(number=result.number)
                if result.number
                else translate("VerifyScreen", "This file is NOT a valid certificate.")
            )
            self.verdict.setText(what)
            self.verdict.setStyleSheet("font-size: 17px; font-weight: bold; color: #9b1c1c;")
        lines = []
        if result.member_name:
            lines.append(
                translate("VerifyScreen", "Member: {name}").format(name=html.escape(result.member_name))
                + (
                    translate("VerifyScreen", " — addressed to {recipient}").format(
                        recipient=html.escape(result.recipient_name)
                    )
                    if result.recipient_name
                    else ""
                )
            )
        for problem in result.problems:
            lines.append(f"<span style='color:#9b1c1c'>✗ {html.escape(problem)}</span>")
        for check in result.checks:
            lines.append(f"<span style='color:#1e6b2f'>✓ {html.escape(check)}</span>")
        self.details.setText("<br>".join(lines))
        self.ctx.status_message.emit(self.verdict.text())
        self.verified.emit(result)
