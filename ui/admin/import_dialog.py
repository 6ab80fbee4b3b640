"""Import the register or the institution directory from CSV, with a progress bar, off the GUI thread.

The import is one transaction: Cancel stops it and changes nothing. Refused rows are listed (line, column,
value, reason) and can be saved as a CSV report.
"""

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.access.staff import Permission
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.register.member_import import ImportResult, RowProblem, write_report
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.common.table_models import Column, RowsModel, SortProxy
from ui.shell.context import UiContext

SHOWN_PROBLEMS = 2000


# The titles and the column lists are translated where shown (the column names stay as they are).
_KINDS = {
    "members": (
        QT_TRANSLATE_NOOP("ImportDialog", "Import the register"),
        QT_TRANSLATE_NOOP(
            "ImportDialog",
            "cpso_number, first_name, last_name, registration_class, status, initial_registration_date; "
            "optional: middle_name, certificate_expiry_date, specialties (separated by ;), terms_conditions, "
            "discipline, pending_investigations, email, phone, practice_address",
        ),
    ),
    "institutions": (
        QT_TRANSLATE_NOOP("ImportDialog", "Import the institution directory"),
        QT_TRANSLATE_NOOP(
            "ImportDialog",
            "institution_type, name, street1, city, country, email; optional: attention, street2, street3, "
            "street4, state, postal_code, verified (yes/no)",
        ),
    ),
}


class ImportDialog(QDialog):
    def __init__(self, ctx: UiContext, kind: str = "members", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.outcome: ImportResult | None = None
        self.worker: workers.Worker | None = None
        title, columns = _KINDS[kind]
        self.setWindowTitle(translate_marked("ImportDialog", title))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "ImportDialog",
                "A CSV file (UTF-8 or Windows-1252) with a header line naming the columns: {0}. Dates are "
                "written YYYY-MM-DD. Rows are added or updated as one whole: if any row is refused, nothing "
                "is imported unless you tick the second box. An empty cell never erases what is on file.",
            ).format(translate_marked("ImportDialog", columns))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(translate("ImportDialog", "The CSV file to import"))
        self.file_edit.setAccessibleName(translate("ImportDialog", "CSV file"))
        browse = QPushButton(translate("ImportDialog", "&Browse…"))
        browse.clicked.connect(self.browse)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.dry_run = QCheckBox(translate("ImportDialog", "&Check the file only; change nothing"))
        self.skip_invalid = QCheckBox(
            translate("ImportDialog", "Import the valid rows even if some are &refused")
        )
        layout.addWidget(self.dry_run)
        layout.addWidget(self.skip_invalid)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(translate("ImportDialog", "%p%"))
        layout.addWidget(self.progress)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.problems: RowsModel[RowProblem] = RowsModel(
            [
                Column(
                    translate("ImportDialog", "Line"),
                    lambda p: str(p.line),
                    sort=lambda p: p.line,
                    align_right=True,
                ),
                Column(translate("ImportDialog", "Column"), lambda p: p.column),
                Column(
                    translate("ImportDialog", "Value"),
                    lambda p: p.value if len(p.value) <= 80 else p.value[:77] + "…",
                ),
                Column(translate("ImportDialog", "Reason"), lambda p: p.reason),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(SortProxy(self.problems, self))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.report_button = QPushButton(translate("ImportDialog", "&Save report…"))
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.ask_report_path)
        self.start_button = QPushButton(translate("ImportDialog", "&Import"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(translate("ImportDialog", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel_or_close)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        allowed = ctx.desk.actor.can(Permission.IMPORT)
        self.start_button.setEnabled(allowed)
        if not allowed:
            self.summary.setText(
                translate("ImportDialog", "Importing needs a registrar or an administrator.")
            )

    def browse(self) -> None:
        dialog = QFileDialog(
            self,
            translate("ImportDialog", "Choose the CSV file"),
            "",
            translate("ImportDialog", "CSV files (*.csv *.txt);;All files (*)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.fileSelected.connect(self.file_edit.setText)
        dialog.open()

    @property
    def running(self) -> bool:
        return self.worker is not None

    def start(self) -> None:
        path = self.file_edit.text().strip()
        if not path:
            self.summary.setText(translate("ImportDialog", "Choose the CSV file first."))
            return
        if not Path(path).is_file():
            self.summary.setText(
                translate("ImportDialog", "{0} does not exist or is not a file.").format(path)
            )
            return
        desk, actor, kind = self.ctx.desk, self.ctx.desk.actor, self.kind
        dry_run, skip_invalid = self.dry_run.isChecked(), self.skip_invalid.isChecked()

        def job(progress: Any, cancelled: Any) -> ImportResult:
            if kind == "members":
                from app.register.member_import import import_members

                return import_members(
                    desk,
                    actor,
                    path,
                    dry_run=dry_run,
                    skip_invalid=skip_invalid,
                    progress=progress,
                    cancelled=cancelled,
                )
            from app.register.institution_import import import_institutions

            return import_institutions(
                desk,
                actor,
                path,
                dry_run=dry_run,
                skip_invalid=skip_invalid,
                progress=progress,
                cancelled=cancelled,
            )

        self.problems.set_rows([])
        self.outcome = None
        self.report_button.setEnabled(False)
        self.progress.setValue(0)
        self.summary.setText(translate("ImportDialog", "Reading {0}…").format(Path(path).name))
        self.start_button.setEnabled(False)
        self.cancel_button.setText(translate("ImportDialog", "Stop"))
        self.worker = workers.start(
            job,
            on_finished=self.finished_import,
            on_failed=self.failed_import,
            on_progress=self.show_progress,
        )

    def show_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setValue(int(1000 * done / total))
        self.summary.setText(text)

    def _stopped(self) -> None:
        self.worker = None
        self.start_button.setEnabled(True)
        self.cancel_button.setText(translate("ImportDialog", "Close"))

    def finished_import(self, result: ImportResult) -> None:
        self._stopped()
        self.outcome = result
        self.progress.setValue(1000)
        self.summary.setText(result.summary(self.kind))
        self.summary.setProperty("error", not result.ok)
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.problems.set_rows(result.problems[:SHOWN_PROBLEMS])
        self.report_button.setEnabled(bool(result.problems))
        if result.committed:
            self.ctx.data_changed.emit()
            self.ctx.status_message.emit(result.summary(self.kind))

    def failed_import(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self._stopped()
        self.progress.setValue(0)
        self.summary.setText(message)
        self.summary.setProperty("error", True)
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    def cancel_or_close(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.summary.setText(translate("ImportDialog", "Stopping; nothing will be changed…"))
            return
        self.reject()

    def reject(self) -> None:
        if self.worker is not None:  # Esc while importing means stop, not leave it running unseen
            self.cancel_or_close()
            return
        super().reject()

    def ask_report_path(self) -> None:
        dialog = QFileDialog(
            self,
            translate("ImportDialog", "Save the report of refused rows"),
            "refused-rows.csv",
            translate("ImportDialog", "CSV files (*.csv)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.fileSelected.connect(self.save_report)
        dialog.open()

    def save_report(self, path: str) -> None:
        if self.outcome is None:
            return
        try:
            write_report(self.outcome.problems, path)
        except OSError as exc:
            messages.error(
                self,
                translate("ImportDialog", "Save report"),
                translate("ImportDialog", "Could not write {0}: {1}").format(path, exc.strerror),
            )
            return
        self.ctx.status_message.emit(translate("ImportDialog", "Report saved to {0}").format(path))
