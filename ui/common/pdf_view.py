"""Showing a certificate PDF: with the computer's PDF application, or, when it has none, in the desk itself.

Before, "Open PDF" did nothing visible on a computer without a PDF application (one line on stderr). Now the
file is shown in a window of our own (QtPdf), with where it is saved and a button that copies the path; if
QtPdf cannot draw it, the window still says where the file is.
"""

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate


class PdfWindow(QDialog):
    """The PDF drawn in the desk, with its path and a Copy path button."""

    def __init__(self, parent: QWidget | None, path: Path) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(path.name)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.resize(760, 700)  # fits a 1366x768 screen with the window's frame
        layout = QVBoxLayout(self)
        self.view: QWidget | None = None
        self.page_count = 0
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self.document = QPdfDocument(self)
            self.document.load(str(path))
            self.page_count = self.document.pageCount()
            if self.page_count:
                view = QPdfView(self)
                view.setDocument(self.document)
                view.setPageMode(QPdfView.PageMode.MultiPage)
                view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
                self.view = view
                layout.addWidget(view, 1)
        except ImportError:  # a build without QtPdf: the path alone still helps
            pass
        if self.view is None:
            missing = QLabel(translate("PdfView", "This computer has no application to show PDF files."))
            missing.setWordWrap(True)
            layout.addWidget(missing)
        where = QHBoxLayout()
        self.where = QLabel(translate("PdfView", "Saved as {0}").format(path))
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(translate("PdfView", "&Copy path"))
        self.copy_button.clicked.connect(self.copy_path)
        where.addWidget(self.where, 1)
        where.addWidget(self.copy_button)
        layout.addLayout(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_path(self) -> None:
        QGuiApplication.clipboard().setText(str(self.path))
        self.copy_button.setText(translate("PdfView", "Copied"))


def show_pdf(parent: QWidget | None, path: Path, *, with_system: bool = True) -> PdfWindow | None:
    """Open `path` with the system's PDF application; when there is none (or `with_system` is False),
    show it in a window of the desk. Returns that window, or None when the system opened the file."""
    if with_system and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return None
    window = PdfWindow(parent, path)
    window.open()
    return window
