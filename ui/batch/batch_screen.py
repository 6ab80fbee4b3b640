"""The Batch Printing screen: choose what to print, issue and print it in a worker, print on paper.

The work is `app.batch.run` (run_requests_file / print_certificates) run off the GUI thread by
ui.common.workers; progress arrives as (done, total, text) and Cancel finishes the certificate in hand.
Printing on paper draws the merged PDF's pages onto a QPrinter a few at a time, so the window stays
responsive.
"""

import threading
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QMarginsF, QSizeF, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.batch import run as batch
from app.batch.run import BatchOptions, BatchResult, Selection
from app.errors import CpcDeskError
from app.i18n import translate
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.shell.context import UiContext


def _unused_name(path: Path) -> Path:
    """`path`, or `path` with -2, -3… before the extension: the first name no file has."""
    candidate, n = path, 1
    while candidate.exists() or candidate.with_name(f".{candidate.name}").exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _eta(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds >= 3600:
        return translate("BatchScreen", "about {0} h {1:02d} min left").format(
            seconds // 3600, seconds % 3600 // 60
        )
    return translate("BatchScreen", "about {0}:{1:02d} left").format(seconds // 60, seconds % 60)


class BatchScreen(QWidget):
    SOURCE_AWAITING, SOURCE_DATES, SOURCE_INSTITUTION, SOURCE_FILE = range(4)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("batchScreen")
        self.workers = int(kwargs.get("workers", 0))  # rendering processes; 0 = one per core
        self.worker: workers.Worker | None = None
        self.result: BatchResult | None = None
        self.job_thread: int | None = None  # the thread the last job ran on (the GUI thread never)
        self.progress_seen: list[tuple[int, int, str]] = []
        self._phase_total = -1
        self._phase_started = 0.0
        self._phase_first = 0
        self._printing: dict[str, Any] | None = None
        self.printed_recorded = -1  # certificates recorded as printed by the last print (tests read it)
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        base = ctx.desk.folder("batches")
        self._default_merged = str(_unused_name(base / f"batch-{stamp}.pdf"))

        heading = QLabel(translate("BatchScreen", "Batch Printing"))
        heading.setObjectName("screenHeading")
        intro = QLabel(
            translate(
                "BatchScreen",
                "Issue and print many certificates at once. Nothing needs the network: email can wait in "
                "the outbox. A batch that is cancelled or interrupted resumes where it stopped when it is "
                "run again, and never issues a certificate twice.",
            )
        )
        intro.setWordWrap(True)

        # --- what to print
        source_box = QGroupBox(translate("BatchScreen", "What to print"))
        grid = QGridLayout(source_box)
        self.source = QButtonGroup(self)
        self.rb_awaiting = QRadioButton(translate("BatchScreen", "All certificates awaiting printing"))
        self.rb_dates = QRadioButton(translate("BatchScreen", "Certificates issued from"))
        self.rb_institution = QRadioButton(translate("BatchScreen", "Certificates for one institution"))
        self.rb_file = QRadioButton(translate("BatchScreen", "A requests file (CSV): issue, then print"))
        for i, rb in enumerate((self.rb_awaiting, self.rb_dates, self.rb_institution, self.rb_file)):
            self.source.addButton(rb, i)
        self.rb_awaiting.setChecked(True)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(translate("BatchScreen", "to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.institution = QComboBox()
        self.institution.setEditable(True)
        self.institution.setMinimumContentsLength(30)
        self.file_path = QLineEdit()
        self.file_path.setPlaceholderText(
            translate("BatchScreen", "requests.csv: one row per certificate (see the README)")
        )
        browse = QPushButton(translate("BatchScreen", "Choose…"))
        browse.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_path, 1)
        file_row.addWidget(browse)
        grid.addWidget(self.rb_awaiting, 0, 0, 1, 2)
        grid.addWidget(self.rb_dates, 1, 0)
        grid.addLayout(dates, 1, 1)
        grid.addWidget(self.rb_institution, 2, 0)
        grid.addWidget(self.institution, 2, 1)
        grid.addWidget(self.rb_file, 3, 0)
        grid.addLayout(file_row, 3, 1)
        self.selection_summary = QLabel()
        self.selection_summary.setObjectName("hint")
        grid.addWidget(self.selection_summary, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        # --- output
        out_box = QGroupBox(translate("BatchScreen", "Output"))
        form = QFormLayout(out_box)
        self.cb_merged = QCheckBox(translate("BatchScreen", "One merged, print-ready PDF:"))
        self.cb_merged.setToolTip(translate("BatchScreen", "Sorted by institution, then member name"))
        self.cb_merged.setChecked(True)
        self.merged_path = QLineEdit(self._default_merged)
        merged_row = QHBoxLayout()
        merged_row.addWidget(self.cb_merged)
        merged_row.addWidget(self.merged_path, 1)
        choose_merged = QPushButton(translate("BatchScreen", "Choose…"))
        choose_merged.clicked.connect(self._choose_merged)
        merged_row.addWidget(choose_merged)
        self.cb_separators = QCheckBox(
            translate(
                "BatchScreen", "A separator sheet before each institution, addressed for a window envelope"
            )
        )
        self.cb_separators.setChecked(True)
        self.cb_folder = QCheckBox(translate("BatchScreen", "One PDF per certificate in the folder:"))
        self.folder_path = QLineEdit(str(base / f"certificates-{stamp}"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.cb_folder)
        folder_row.addWidget(self.folder_path, 1)
        choose_folder = QPushButton(translate("BatchScreen", "Choose…"))
        choose_folder.clicked.connect(self._choose_folder)
        folder_row.addWidget(choose_folder)
        self.cb_email = QCheckBox(
            translate("BatchScreen", "Queue each new certificate's email in the outbox (sent when online)")
        )
        self.cb_skip = QCheckBox(
            translate("BatchScreen", "Issue the valid rows even when some rows are refused")
        )
        self.cb_mark = QCheckBox(
            translate(
                "BatchScreen",
                "Mark the certificates printed as soon as the print file is made (to print it elsewhere)",
            )
        )
        self.cb_mark.setToolTip(
            translate("BatchScreen", "Otherwise they are marked printed when Print… has sent the pages")
        )
        # Each output's check box and its path share a line: the screen fits a 1366x768 laptop.
        form.addRow(merged_row)
        form.addRow(self.cb_separators)
        form.addRow(folder_row)
        form.addRow(self.cb_email)
        form.addRow(self.cb_skip)
        form.addRow(self.cb_mark)

        # --- run
        self.start_button = QPushButton(translate("BatchScreen", "&Start"))
        self.start_button.setToolTip(translate("BatchScreen", "Start the batch (Alt+S, or Ctrl+Enter)"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.start_button.animateClick)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.start_button.animateClick)
        self.cancel_button = QPushButton(translate("BatchScreen", "Ca&ncel"))
        self.cancel_button.setToolTip(translate("BatchScreen", "Stop after the certificates in hand (Alt+N)"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button = QPushButton(translate("BatchScreen", "Print…"))
        self.print_button.setEnabled(False)
        self.print_button.setToolTip(
            translate("BatchScreen", "Send the merged print file to a printer (or to a PDF file)")
        )
        self.print_button.clicked.connect(self.print_merged)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        self.progress = QProgressBar()
        self.progress.setFormat("%v / %m")
        self.progress.setValue(0)
        self.status = QLabel(translate("BatchScreen", "Ready."))
        self.status.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(translate("BatchScreen", "The summary of the batch appears here."))
        self.report.setMinimumHeight(90)

        # Everything scrolls as one page, so the screen fits a 1366x768 laptop with room to spare.
        body = QWidget()
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(source_box)
        layout.addWidget(out_box)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)

        self.source.idToggled.connect(lambda _i, on: on and self._source_changed())
        self.date_from.dateChanged.connect(lambda _d: self._refresh_summary())
        self.date_to.dateChanged.connect(lambda _d: self._refresh_summary())
        self.institution.currentTextChanged.connect(lambda _t: self._refresh_summary())
        self.file_path.textChanged.connect(lambda _t: self._refresh_summary())
        self.cb_merged.toggled.connect(self._outputs_changed)
        self.cb_folder.toggled.connect(self._outputs_changed)
        self._summary_generation = 0
        self._load_institutions()
        self._source_changed()

    # --- choices ----------------------------------------------------------------------------------

    def _load_institutions(self) -> None:
        try:
            names = batch.institution_names(self.ctx.desk)
        except CpcDeskError:
            names = []
        self.institution.clear()
        self.institution.addItems(names)

    def _choose_file(self) -> None:
        dialog = QFileDialog(
            self,
            translate("BatchScreen", "Choose a requests file"),
            str(Path.home()),
            translate("BatchScreen", "CSV files (*.csv *.txt)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda p: (self.file_path.setText(p), self.rb_file.setChecked(True)))
        dialog.open()

    def _choose_merged(self) -> None:
        dialog = QFileDialog(
            self,
            translate("BatchScreen", "Save the print file as"),
            self.merged_path.text(),
            translate("BatchScreen", "PDF files (*.pdf)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.merged_path.setText)
        dialog.open()

    def _choose_folder(self) -> None:
        dialog = QFileDialog(
            self, translate("BatchScreen", "Folder for the certificate files"), self.folder_path.text()
        )
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder_path.setText)
        dialog.open()

    def _source_changed(self) -> None:
        source = self.source.checkedId()
        self.date_from.setEnabled(source == self.SOURCE_DATES)
        self.date_to.setEnabled(source == self.SOURCE_DATES)
        self.institution.setEnabled(source == self.SOURCE_INSTITUTION)
        self.file_path.setEnabled(source == self.SOURCE_FILE)
        self.cb_email.setEnabled(source == self.SOURCE_FILE)
        self.cb_skip.setEnabled(source == self.SOURCE_FILE)
        self._refresh_summary()

    def _outputs_changed(self) -> None:
        self.merged_path.setEnabled(self.cb_merged.isChecked())
        self.cb_separators.setEnabled(self.cb_merged.isChecked())
        self.cb_mark.setEnabled(self.cb_merged.isChecked())
        self.folder_path.setEnabled(self.cb_folder.isChecked())

    def selection(self) -> Selection:
        source = self.source.checkedId()
        if source == self.SOURCE_DATES:
            return Selection(
                awaiting_printing=False,
                issued_from=self.date_from.date().toPython(),  # type: ignore[arg-type]
                issued_to=self.date_to.date().toPython(),  # type: ignore[arg-type]
            )
        if source == self.SOURCE_INSTITUTION:
            return Selection(awaiting_printing=False, institution=self.institution.currentText())
        return Selection(awaiting_printing=True)

    def _refresh_summary(self) -> None:
        if self.source.checkedId() == self.SOURCE_FILE:
            path = self.file_path.text().strip()
            self.selection_summary.setText(
                translate("BatchScreen", "Each row is checked before anything is issued.")
                if path
                else translate("BatchScreen", "Choose a requests file.")
            )
            return
        # Counting can take a few hundred milliseconds with thousands of certificates: off the GUI thread,
        # and a count for an older choice (a keystroke ago) is dropped when it arrives late.
        self._summary_generation += 1
        generation = self._summary_generation
        desk, selection = self.ctx.desk, self.selection()
        self.selection_summary.setText(translate("BatchScreen", "Counting…"))

        def count(_progress: workers.ProgressFn, _cancelled: workers.CancelledFn) -> int:
            return len(batch.select_certificates(desk, selection))

        def shown(result: int) -> None:
            if generation == self._summary_generation:
                self.selection_summary.setText(
                    translate("BatchScreen", "%n certificate(s) to print.", None, result)
                )

        def failed(exc: BaseException) -> None:
            message = error_sentence(exc)
            if generation == self._summary_generation:
                self.selection_summary.setText(message)

        workers.start(count, on_finished=shown, on_failed=failed, owner=self)

    def options(self) -> BatchOptions:
        merged = Path(self.merged_path.text().strip()) if self.cb_merged.isChecked() else None
        folder = Path(self.folder_path.text().strip()) if self.cb_folder.isChecked() else None
        file_mode = self.source.checkedId() == self.SOURCE_FILE
        return BatchOptions(
            out_dir=folder,
            merged_path=merged,
            separators=self.cb_separators.isChecked(),
            queue_email=file_mode and self.cb_email.isChecked(),
            skip_invalid=file_mode and self.cb_skip.isChecked(),
            workers=self.workers,
            render_here=False,  # the window's process only files, stores and merges
            mark_printed=merged is not None and self.cb_mark.isChecked(),
            report_path=(folder or (merged.parent if merged else self.ctx.desk.folder("batches")))
            / f"errors-{datetime.now():%Y%m%d-%H%M%S}.csv",
        )

    # --- running ----------------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.worker is not None

    def start(self) -> None:
        """Start the batch; a print file that exists already is never overwritten without asking."""
        if self.worker is not None:
            return
        typed = self.merged_path.text().strip()
        if self.cb_merged.isChecked() and typed and Path(typed).exists():
            if typed == self._default_merged:  # a name the screen chose: choose another, silently
                self._new_default_merged()
            else:
                messages.ask(
                    self,
                    translate("BatchScreen", "Replace the print file?"),
                    translate(
                        "BatchScreen",
                        "{0} already exists (an earlier batch's print file?). Replace it with this batch's "
                        "certificates? Choose No to keep it and type another name.",
                    ).format(typed),
                    self._start,
                    self.merged_path.setFocus,
                )
                return
        self._start()

    def _new_default_merged(self) -> None:
        """Each batch gets a print file of its own: the next free name in the batches folder."""
        typed = self.merged_path.text().strip()
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        previous = self._default_merged
        self._default_merged = str(_unused_name(self.ctx.desk.folder("batches") / f"batch-{stamp}.pdf"))
        if not typed or typed == previous:
            self.merged_path.setText(self._default_merged)

    def _start(self) -> None:
        if self.worker is not None:
            return
        options = self.options()
        if options.merged_path is None and options.out_dir is None:
            messages.warn(
                self,
                translate("BatchScreen", "Batch Printing"),
                translate("BatchScreen", "Choose at least one output: a print file or a folder."),
            )
            return
        desk = self.ctx.desk
        file_mode = self.source.checkedId() == self.SOURCE_FILE
        path = self.file_path.text().strip()
        if file_mode and not path:
            messages.warn(
                self,
                translate("BatchScreen", "Batch Printing"),
                translate("BatchScreen", "Choose the requests file first."),
            )
            return
        selection = self.selection()

        def job(progress: workers.ProgressFn, cancelled: workers.CancelledFn) -> BatchResult:
            self.job_thread = threading.get_ident()
            if file_mode:
                return batch.run_requests_file(desk, path, options, progress, cancelled)
            items = batch.select_certificates(desk, selection)
            label = translate("BatchScreen", "%n certificate(s), {0}", None, len(items)).format(
                date.today().isoformat()
            )
            return batch.print_certificates(desk, items, options, progress, cancelled, label=label)

        self.result = None
        self.progress_seen.clear()
        self._phase_total = -1
        self.report.clear()
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.status.setText(
            translate("BatchScreen", "Checking…") if file_mode else translate("BatchScreen", "Preparing…")
        )
        self._set_running(True)
        self.worker = workers.start(
            job, on_finished=self._finished, on_failed=self._failed, on_progress=self._progress
        )

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(translate("BatchScreen", "Cancelling: finishing the certificates in hand…"))

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.print_button.setEnabled(not running and self._merged_ready())
        for widget in (self.rb_awaiting, self.rb_dates, self.rb_institution, self.rb_file):
            widget.setEnabled(not running)

    def _merged_ready(self) -> bool:
        return bool(self.result and self.result.merged_path and self.result.merged_path.exists())

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress_seen.append((done, total, text))
        now = time.monotonic()
        if total != self._phase_total:
            self._phase_total, self._phase_started, self._phase_first = total, now, done
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        parts = [f"{done} / {total}", text]
        rate_done = done - self._phase_first
        if rate_done > 0 and total > done:
            parts.append(_eta((now - self._phase_started) / rate_done * (total - done)))
        self.status.setText(" · ".join(p for p in parts if p))

    def _finished(self, result: BatchResult) -> None:
        self.worker = None
        self.result = result
        self.progress.setRange(0, max(1, self.progress.maximum()))
        lines = result.summary_lines()
        if result.rejected:
            lines.append("")
            lines.append(translate("BatchScreen", "Refused rows:"))
            lines.extend(f"  {r}" for r in result.rejected[:200])
        self.report.setPlainText("\n".join(lines))
        self.scroll.ensureWidgetVisible(self.report)  # the summary in view, whatever the window's height
        if result.refused:
            self.status.setText(
                translate("BatchScreen", "Nothing was issued: some rows are refused (see below).")
            )
        elif result.cancelled:
            self.status.setText(
                translate("BatchScreen", "Cancelled. Start again with the same choices to finish the batch.")
            )
        else:
            self.progress.setValue(self.progress.maximum())
            self.status.setText(translate("BatchScreen", "Done."))
        self._set_running(False)
        if result.merged_path is not None and not result.cancelled:
            self._new_default_merged()  # the next batch never lands on this one's print file
        self._load_institutions()
        self._refresh_summary()
        self.ctx.data_changed.emit()
        self.ctx.status_message.emit(
            translate("BatchScreen", "Batch finished: %n certificate(s) issued", None, len(result.issued))
        )

    def _failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self.worker = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(message)
        self._set_running(False)
        messages.error(self, translate("BatchScreen", "Batch Printing"), message)

    # --- printing on paper --------------------------------------------------------------------------

    def print_merged(self, printer: Any = None) -> QDialog | None:
        """Open the system print dialog (never blocking); the merged file prints when it is accepted."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self._merged_ready() or self.result is None or self.result.merged_path is None:
            return None
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.result.merged_path.name)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        path, ids = self.result.merged_path, list(self.result.printed_ids)
        dialog.accepted.connect(lambda: self.print_to(printer, path, ids))
        QDialog.open(dialog)  # QPrintDialog.open() in PySide6 is the (receiver, slot) overload
        return dialog

    def print_to(self, printer: Any, path: Path, certificate_ids: list[int] | None = None) -> None:
        """Draw every page of `path` on `printer`, a few pages per event-loop turn; then record the print."""
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument(self)
        document.load(str(path))
        if document.pageCount() == 0:
            messages.error(
                self,
                translate("BatchScreen", "Print"),
                translate("BatchScreen", "The print file {0} cannot be read.").format(path),
            )
            return
        size = document.pagePointSize(0)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point),
                QPageLayout.Orientation.Portrait,
                QMarginsF(),
            )
        )
        painter = QPainter()
        if not painter.begin(printer):
            messages.error(
                self,
                translate("BatchScreen", "Print"),
                translate(
                    "BatchScreen",
                    "The printer could not be started, so nothing was printed. Check it and try again.",
                ),
            )
            return
        self._printing = {
            "doc": document,
            "painter": painter,
            "printer": printer,
            "page": 0,
            "ids": list(certificate_ids or []),
            "target": printer.pageRect(printer.Unit.DevicePixel).toRect(),
        }
        self.progress.setRange(0, document.pageCount())
        self.print_button.setEnabled(False)
        QTimer.singleShot(0, self._print_some)

    def _print_some(self) -> None:
        state = self._printing
        if state is None:
            return
        document, painter, printer, target = state["doc"], state["painter"], state["printer"], state["target"]
        for _ in range(2):
            page = state["page"]
            if page >= document.pageCount():
                painter.end()
                self._printing = None
                self.print_button.setEnabled(True)
                self.status.setText(
                    translate("BatchScreen", "Sent %n page(s) to the printer.", None, document.pageCount())
                )
                self._record_print(state["ids"])
                return
            if page > 0:
                printer.newPage()
            painter.drawImage(target, document.render(page, target.size()))
            state["page"] = page + 1
            self.progress.setValue(page + 1)
            self.status.setText(
                translate("BatchScreen", "Printing page {0} of {1}…").format(page + 1, document.pageCount())
            )
        QTimer.singleShot(0, self._print_some)

    def _record_print(self, certificate_ids: list[int]) -> None:
        """Every print of a certificate is recorded (and audited) once its pages went out."""
        if not certificate_ids:
            return
        from app.printing.record import mark_printed

        desk, actor = self.ctx.desk, self.ctx.desk.actor

        def job(_progress: Any, _cancelled: Any) -> int:
            return mark_printed(desk, actor, certificate_ids)

        def recorded(count: int) -> None:
            self.printed_recorded = count
            self.ctx.data_changed.emit()
            self._refresh_summary()

        def failed(exc: BaseException) -> None:
            message = error_sentence(exc)
            messages.error(
                self,
                translate("BatchScreen", "Print"),
                translate(
                    "BatchScreen", "The pages were printed, but the print could not be recorded: {0}"
                ).format(message),
            )

        workers.start(job, on_finished=recorded, on_failed=failed)
