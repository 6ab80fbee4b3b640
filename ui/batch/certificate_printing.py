"""Printing stored certificates: the system print dialog (opened, never exec'd), every page drawn, and the
print recorded on the certificates (`app.printing.record.mark_printed`, audited) once the pages went out."""

from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QDialog, QWidget

from app.errors import CpcDeskError
from app.i18n import translate
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.shell.context import UiContext


def draw_pdf(printer: Any, pdf: bytes) -> int:
    """Draw every page of `pdf` on `printer` (a QPrinter); returns the number of pages (0: not printed)."""
    return draw_pdfs(printer, [pdf])


def draw_pdfs(printer: Any, pdfs: Sequence[bytes]) -> int:
    """Draw every page of each PDF, one after the other, as one print job; returns the pages drawn."""
    from PySide6.QtPdf import QPdfDocument

    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.Letter), QPageLayout.Orientation.Portrait, QMarginsF())
    )
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = 0
    try:
        target = printer.pageRect(printer.Unit.DevicePixel).toRect()
        for pdf in pdfs:
            buffer = QBuffer()
            buffer.setData(QByteArray(pdf))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            doc = QPdfDocument()
            doc.load(buffer)
            for index in range(doc.pageCount()):
                if pages:
                    printer.newPage()
                painter.drawImage(target, doc.render(index, target.size()))
                pages += 1
    finally:
        ended = painter.end()
    return pages if ended else 0


def open_print_dialog(
    parent: QWidget,
    ctx: UiContext,
    certificate_ids: Sequence[int],
    *,
    printer: Any = None,
    on_recorded: Callable[[], None] | None = None,
) -> QDialog:
    """Open the print dialog for these certificates without blocking; printing starts when it is accepted.

    `printer` lets a caller (or a test) preset the printer, for example to print to a PDF file.
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    ids = list(certificate_ids)
    dialog.accepted.connect(lambda: print_certificates(parent, ctx, printer, ids, on_recorded=on_recorded))
    # QPrintDialog.open() in PySide6 is the (receiver, slot) overload; QDialog.open() is the plain one.
    QDialog.open(dialog)
    return dialog


def print_certificates(
    parent: QWidget,
    ctx: UiContext,
    printer: Any,
    certificate_ids: Sequence[int],
    *,
    on_recorded: Callable[[], None] | None = None,
) -> int:
    """Print the stored PDFs on `printer`, then record the print off the GUI thread; returns pages drawn."""
    from app.issuing.requests import certificate_pdf
    from app.printing.record import mark_printed

    ids = list(certificate_ids)
    desk = ctx.desk
    try:
        pages = draw_pdfs(printer, [certificate_pdf(desk, desk.actor, i) for i in ids])
    except CpcDeskError as exc:
        messages.error(parent, translate("CertificatePrinting", "Print"), str(exc))
        return 0
    if not pages:
        messages.error(
            parent,
            translate("CertificatePrinting", "Print"),
            translate(
                "CertificatePrinting",
                "The printer could not be started, so nothing was printed. Check the printer and try again.",
            ),
        )
        return 0
    ctx.status_message.emit(translate("CertificatePrinting", "Sent %n page(s) to the printer", None, pages))
    actor = desk.actor

    def job(_progress: Any, _cancelled: Any) -> int:
        return mark_printed(desk, actor, ids)

    def recorded(_count: int) -> None:
        ctx.data_changed.emit()
        if on_recorded is not None:
            on_recorded()

    def failed(exc: BaseException) -> None:
        message = error_sentence(exc)
        messages.error(
            parent if shiboken6.isValid(parent) else None,
            translate("CertificatePrinting", "Print"),
            translate(
                "CertificatePrinting", "The certificate was printed, but the print could not be recorded: {0}"
            ).format(message),
        )

    workers.start(job, on_finished=recorded, on_failed=failed)
    return pages
