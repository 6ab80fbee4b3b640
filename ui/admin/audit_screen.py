"""The Audit trail screen (registrars and administrators): filter the trail, check its chain, export CSV."""

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.access.staff import Permission
from app.audit.readable import readable_change
from app.audit.trail import (
    AuditFilter,
    check_trail,
    event_actors,
    event_kinds,
    export_csv,
    member_numbers,
    search_events,
)
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from ui.admin.staff_screen import role_label
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.shell.context import UiContext

ROW_LIMIT = 2000


class AuditRow:
    __slots__ = ("id", "when", "actor", "kind", "member", "subject", "before", "after", "change")

    def __init__(self, **values: Any) -> None:
        for key, value in values.items():
            setattr(self, key, value)


class AuditModel(QAbstractTableModel):
    # Before and after are shown together, readable ("status: awaiting_review → issued"); the JSON as
    # stored is in the tooltip and the CSV export.
    COLUMNS = (
        QT_TRANSLATE_NOOP("AuditScreen", "#"),
        QT_TRANSLATE_NOOP("AuditScreen", "When"),
        QT_TRANSLATE_NOOP("AuditScreen", "Staff"),
        QT_TRANSLATE_NOOP("AuditScreen", "Kind"),
        QT_TRANSLATE_NOOP("AuditScreen", "Member"),
        QT_TRANSLATE_NOOP("AuditScreen", "Subject"),
        QT_TRANSLATE_NOOP("AuditScreen", "Change (before → after)"),
    )
    FIELDS = ("id", "when", "actor", "kind", "member", "subject", "change")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AuditRow] = []

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        value = getattr(row, self.FIELDS[index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            text = str(value)
            return text if len(text) <= 120 else text[:117] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 6:
            labels = (translate("AuditScreen", "before"), translate("AuditScreen", "after"))
            stored = "\n".join(f"{k}: {v}" for k, v in zip(labels, (row.before, row.after), strict=True) if v)
            return f"{str(value).replace('; ', chr(10))}\n\n{stored}" if stored else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return str(value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate_marked("AuditScreen", self.COLUMNS[section])
        return None


def _optional_date(check: QCheckBox, edit: QDateEdit) -> date | None:
    if not check.isChecked():
        return None
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class AuditScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, **_kwargs: Any) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditScreen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        actor = ctx.desk.actor
        self.allowed = actor.can(Permission.VIEW_AUDIT)
        if not self.allowed:
            notice = QLabel(
                translate(
                    "AuditScreen",
                    "The audit trail is open to registrars and administrators. "
                    "You are signed in as {0} ({1}).",
                ).format(actor.display_name or actor.username, role_label(actor.role))
            )
            notice.setObjectName("notAllowed")
            notice.setWordWrap(True)
            layout.addWidget(notice)
            layout.addStretch(1)
            return

        filters = QGridLayout()
        self.member = QLineEdit()
        self.member.setObjectName("memberFilter")
        self.member.setPlaceholderText(translate("AuditScreen", "CPSO number"))
        self.member.setMaxLength(16)
        self.member.returnPressed.connect(self.search)
        self.staff = QComboBox()
        self.staff.setObjectName("staffFilter")
        self.staff.setEditable(True)
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.setEditable(True)
        self.member.setMaximumWidth(160)
        for combo in (self.staff, self.kind):
            combo.setMinimumWidth(220)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        today = QDate.currentDate()
        self.from_check = QCheckBox(translate("AuditScreen", "&From"))
        self.from_date = QDateEdit(today.addDays(-30))
        self.to_check = QCheckBox(translate("AuditScreen", "&To"))
        self.to_date = QDateEdit(today)
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.from_check.toggled.connect(self.from_date.setEnabled)
        self.to_check.toggled.connect(self.to_date.setEnabled)
        member_label = QLabel(translate("AuditScreen", "&Member:"))
        member_label.setBuddy(self.member)
        staff_label = QLabel(translate("AuditScreen", "&Staff user:"))
        staff_label.setBuddy(self.staff)
        kind_label = QLabel(translate("AuditScreen", "&Kind:"))
        kind_label.setBuddy(self.kind)
        filters.addWidget(member_label, 0, 0)
        filters.addWidget(self.member, 0, 1)
        filters.addWidget(staff_label, 0, 2)
        filters.addWidget(self.staff, 0, 3)
        filters.addWidget(kind_label, 0, 4)
        filters.addWidget(self.kind, 0, 5)
        dates = QHBoxLayout()
        dates.addWidget(self.from_check)
        dates.addWidget(self.from_date)
        dates.addWidget(self.to_check)
        dates.addWidget(self.to_date)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 0, 1, 4)
        buttons = QHBoxLayout()
        self.search_button = QPushButton(translate("AuditScreen", "&Search"))
        self.search_button.setObjectName("searchButton")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.export_button = QPushButton(translate("AuditScreen", "&Export CSV…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.choose_export_file)
        self.verify_button = QPushButton(translate("AuditScreen", "&Check the chain"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setToolTip(
            translate("AuditScreen", "Recompute every event's hash to show that nothing was changed")
        )
        self.verify_button.clicked.connect(self.verify)
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.verify_button)
        filters.addLayout(buttons, 1, 4, 1, 3)
        filters.setColumnStretch(6, 1)
        layout.addLayout(filters)

        self.model = AuditModel()
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((60, 140, 120, 170, 80, 170)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.status = QLabel("")
        self.status.setObjectName("auditStatus")
        layout.addWidget(self.status)
        self._file_dialog: QFileDialog | None = None
        self.load_choices()
        self.search()

    # --- filters ----------------------------------------------------------------------------------

    def load_choices(self) -> None:
        desk = self.ctx.desk
        workers.start(
            lambda _p, _c: (event_actors(desk, desk.actor), event_kinds(desk, desk.actor)),
            on_finished=self._fill_choices,
            on_failed=lambda exc: self.status.setText(error_sentence(exc)),
        )

    def _fill_choices(self, result: tuple[list[str], list[str]]) -> None:
        actors, kinds = result
        families = sorted({k.split(".", 1)[0] for k in kinds if "." in k})
        for combo, values in ((self.staff, actors), (self.kind, sorted(set(kinds) | set(families)))):
            current = combo.currentText()
            combo.clear()
            combo.addItem(
                translate("AuditScreen", "(anyone)")
                if combo is self.staff
                else translate("AuditScreen", "(any kind)"),
                "",
            )
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentText(current) if current else combo.setCurrentIndex(0)

    def current_filter(self) -> AuditFilter:
        def chosen(combo: QComboBox) -> str:
            text = combo.currentText().strip()
            return "" if combo.currentIndex() == 0 and text == combo.itemText(0) else text

        return AuditFilter(
            member=self.member.text().strip(),
            actor=chosen(self.staff),
            kind=chosen(self.kind),
            date_from=_optional_date(self.from_check, self.from_date),
            date_to=_optional_date(self.to_check, self.to_date),
        )

    # --- search -----------------------------------------------------------------------------------

    def search(self) -> None:
        desk, actor, flt = self.ctx.desk, self.ctx.desk.actor, self.current_filter()
        self.search_button.setEnabled(False)
        self.status.setText(translate("AuditScreen", "Searching…"))

        def job(_p: Any, _c: Any) -> list[AuditRow]:
            events = search_events(desk, actor, flt, limit=ROW_LIMIT)
            cpso = member_numbers(desk, actor, {e.member_id for e in events if e.member_id is not None})
            return [
                AuditRow(
                    id=e.id,
                    when=e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    actor=e.actor,
                    kind=e.kind,
                    member=cpso.get(e.member_id, str(e.member_id)) if e.member_id is not None else "",
                    subject=e.subject,
                    before=e.before_json,
                    after=e.after_json,
                    change=readable_change(e.before_json, e.after_json),
                )
                for e in events
            ]

        workers.start(job, on_finished=self._show_rows, on_failed=self._search_failed)

    def _show_rows(self, rows: list[AuditRow]) -> None:
        self.search_button.setEnabled(True)
        self.model.set_rows(rows)
        if len(rows) >= ROW_LIMIT:
            self.status.setText(
                translate(
                    "AuditScreen", "Showing the newest {0} events; narrow the filter or export CSV for all."
                ).format(ROW_LIMIT)
            )
        else:
            self.status.setText(translate("AuditScreen", "%n event(s).", None, len(rows)))

    def _search_failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self.search_button.setEnabled(True)
        self.status.setText(message)

    # --- export and verify ------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        folder = self.ctx.desk.folder("exports")
        dialog = QFileDialog(
            self,
            translate("AuditScreen", "Export the audit trail"),
            str(folder / f"audit-{date.today():%Y%m%d}.csv"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(translate("AuditScreen", "CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        self._file_dialog = dialog
        dialog.open()

    def export_to(self, path: Path) -> None:
        desk, actor, flt = self.ctx.desk, self.ctx.desk.actor, self.current_filter()
        self.export_button.setEnabled(False)
        self.status.setText(translate("AuditScreen", "Exporting…"))

        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            self.status.setText(
                translate("AuditScreen", "%n event(s) exported to {0}.", None, count).format(path)
            )
            self.ctx.status_message.emit(
                translate("AuditScreen", "Audit trail exported: {0}").format(path.name)
            )

        def failed(exc: BaseException) -> None:
            message = error_sentence(exc)
            self.export_button.setEnabled(True)
            self.status.setText(message)
            messages.error(self, translate("AuditScreen", "Export failed"), message)

        workers.start(lambda _p, _c: export_csv(desk, actor, flt, path), on_finished=done, on_failed=failed)

    def verify(self) -> None:
        desk = self.ctx.desk
        self.verify_button.setEnabled(False)

        def job(_p: Any, _c: Any) -> Any:
            return check_trail(desk, desk.actor)

        def done(report: Any) -> None:
            self.verify_button.setEnabled(True)
            if report.ok:
                text = translate(
                    "AuditScreen",
                    "All %n event(s) are unchanged, and the register agrees with them.",
                    None,
                    report.checked,
                )
                messages.info(self, translate("AuditScreen", "Audit trail intact"), text)
            else:
                messages.error(self, translate("AuditScreen", "Audit trail broken"), report.problem)

        def failed(exc: BaseException) -> None:
            message = error_sentence(exc)
            self.verify_button.setEnabled(True)
            messages.error(self, translate("AuditScreen", "Audit trail check failed"), message)

        workers.start(job, on_finished=done, on_failed=failed)
