"""The institution directory: browse by type, add and edit entries, mark them verified, import a CSV.

Entries are checked as the request wizard checks a recipient (app.register.recipients), so a directory entry
always passes the wizard. Each field the service refuses is marked under that field.
"""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.access.staff import Permission
from app.errors import CpcDeskError
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.register.institution_types import InstitutionTypes, desk_types
from app.register.institutions import (
    InstitutionRow,
    add_institution,
    directory_entries,
    edit_institution,
    set_verified,
)
from app.register.recipients import ADDRESS_FIELDS, FIELD_LABELS, countries
from ui.common import messages
from ui.common.certificate_language import language_combo
from ui.common.error_sentence import error_sentence
from ui.common.field_errors import error_label, field_errors, mark_fields, show_error
from ui.common.line_breaks import line_break_notice, replace_line_breaks
from ui.common.table_models import Column, RowsModel, SortProxy
from ui.shell.context import UiContext

# The directory's address fields typed into line edits (the country is picked from a list).
FORM_FIELDS = tuple(f for f in ADDRESS_FIELDS if f != "country")

# Words kept as data elsewhere and translated where this screen shows them (translate_marked): the field
# labels of app.register.recipients.FIELD_LABELS and the default types of app.register.institution_types
# (a type the College added itself is shown as it was typed). tests/test_admin_french.py checks that these
# are the texts those modules hold.
MARKED_FIELD_LABELS = (
    QT_TRANSLATE_NOOP("Institutions", "Institution type"),
    QT_TRANSLATE_NOOP("Institutions", "Institution name"),
    QT_TRANSLATE_NOOP("Institutions", "Attention"),
    QT_TRANSLATE_NOOP("Institutions", "Street 1"),
    QT_TRANSLATE_NOOP("Institutions", "Street 2"),
    QT_TRANSLATE_NOOP("Institutions", "Street 3"),
    QT_TRANSLATE_NOOP("Institutions", "Street 4"),
    QT_TRANSLATE_NOOP("Institutions", "City"),
    QT_TRANSLATE_NOOP("Institutions", "State/Province"),
    QT_TRANSLATE_NOOP("Institutions", "Country"),
    QT_TRANSLATE_NOOP("Institutions", "Zip/Postal code"),
    QT_TRANSLATE_NOOP("Institutions", "Email address"),
)
MARKED_TYPES = (
    QT_TRANSLATE_NOOP("Institutions", "Hospital"),
    QT_TRANSLATE_NOOP("Institutions", "Health authority or facility"),
    QT_TRANSLATE_NOOP("Institutions", "Medical school or university"),
    QT_TRANSLATE_NOOP("Institutions", "Licensing or regulatory authority"),
    QT_TRANSLATE_NOOP("Institutions", "Insurance or liability protection"),
    QT_TRANSLATE_NOOP("Institutions", "Employer or locum agency"),
    QT_TRANSLATE_NOOP("Institutions", "Government or immigration"),
    QT_TRANSLATE_NOOP("Institutions", "Other"),
)


def field_label(field: str) -> str:
    """The label of one of the directory's fields, in the desk's language."""
    return translate_marked("Institutions", FIELD_LABELS[field])


def institution_type_label(name: str) -> str:
    """An institution type as shown: a default type in the desk's language, a College's own as typed."""
    return translate_marked("Institutions", name)


def institution_columns(types: InstitutionTypes) -> list[Column[InstitutionRow]]:
    return [
        Column(translate("Institutions", "Name"), lambda r: r.name, tooltip=lambda r: r.name),
        Column(
            translate("Institutions", "Type"),
            lambda r: institution_type_label(r.institution_type),
            sort=lambda r: types.position(r.institution_type),
        ),
        Column(translate("Institutions", "City"), lambda r: r.city),
        Column(translate("Institutions", "Country"), lambda r: r.country),
        Column(
            translate("Institutions", "Verified"),
            lambda r: translate("Institutions", "Yes") if r.verified else translate("Institutions", "No"),
            sort=lambda r: r.verified,
        ),
        Column(translate("Institutions", "Email"), lambda r: r.email, tooltip=lambda r: r.email),
    ]


class InstitutionsScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, **_kwargs: Any) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editing_id: int | None = None
        self.can_edit = ctx.desk.actor.can(Permission.EDIT_INSTITUTIONS)
        self.types = desk_types(ctx.desk.db)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        filters = QHBoxLayout()
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName(translate("Institutions", "Institution type"))
        self.type_filter.addItem(translate("Institutions", "All types"), "")
        for name in self.types:
            self.type_filter.addItem(institution_type_label(name), name)
        self.type_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(translate("Institutions", "Filter by name, city or email"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(lambda _t: self.refresh())
        type_label = QLabel(translate("Institutions", "&Type:"))
        type_label.setBuddy(self.type_filter)
        filters.addWidget(type_label)
        filters.addWidget(self.type_filter)
        filters.addWidget(self.filter_box, 1)
        self.import_button = QPushButton(translate("Institutions", "&Import…"))
        self.import_button.setVisible(ctx.desk.actor.can(Permission.IMPORT))
        self.import_button.clicked.connect(self.open_import)
        filters.addWidget(self.import_button)
        outer.addLayout(filters)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 8, 0)
        self.model: RowsModel[InstitutionRow] = RowsModel(institution_columns(self.types), self)
        self.proxy = SortProxy(self.model, self)
        self.table = QTableView()
        self.table.setObjectName("institutionTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Name and type start at widths that leave city, country and "verified" in view at 1280 px; a long
        # value is elided (whole in the name's tooltip and in the form) and the email takes what is left.
        self.table.setWordWrap(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((0, 250), (1, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        ll.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        ll.addWidget(self.count_label)
        split.addWidget(left)

        form_box = QGroupBox(translate("Institutions", "Entry"))
        fl = QVBoxLayout(form_box)
        form = QFormLayout()
        # One error line under each field, keyed by the field name the service uses in ValidationError.
        self.field_errors: dict[str, QLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}

        def add_row(label: str, field: str, widget: QWidget) -> None:
            holder = QVBoxLayout()
            holder.setSpacing(2)
            holder.addWidget(widget)
            self.field_errors[FIELD_LABELS[field]] = error = error_label()
            self.field_widgets[FIELD_LABELS[field]] = widget
            holder.addWidget(error)
            form.addRow(label, holder)

        self.type_combo = QComboBox()
        for name in self.types:
            self.type_combo.addItem(institution_type_label(name), name)
        add_row(translate("Institutions", "Institution type:"), "institution_type", self.type_combo)
        self.edits: dict[str, QLineEdit] = {}
        for field in FORM_FIELDS:
            edit = QLineEdit()
            edit.setAccessibleName(field_label(field))
            edit.setMaxLength(254 if field == "email" else 200)
            self.edits[field] = edit
            add_row(translate("Institutions", "{0}:").format(field_label(field)), field, edit)
            edit.textEdited.connect(lambda _t, f=field: self._field_edited(f))
            if field == "city":
                self.country_combo = QComboBox()
                self.country_combo.setEditable(False)
                for code, name in countries():
                    self.country_combo.addItem(f"{name} ({code})", code)
                add_row(
                    translate("Institutions", "{0}:").format(field_label("country")),
                    "country",
                    self.country_combo,
                )
        # Certificates to the institution start in this language in the wizard and a batch.
        self.language_combo = language_combo(
            translate("Institutions", "Automatic: French in Quebec, English elsewhere")
        )
        add_row(translate("Institutions", "Certificate language:"), "language", self.language_combo)
        self.verified_box = QCheckBox(translate("Institutions", "&Verified with the institution"))
        self.verified_box.setToolTip(
            translate("Institutions", "The address and email were confirmed with the institution itself")
        )
        form.addRow("", self.verified_box)
        fl.addLayout(form)
        self.problem_label = QLabel("")
        self.problem_label.setProperty("error", True)
        self.problem_label.setWordWrap(True)
        fl.addWidget(self.problem_label)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(translate("Institutions", "&New"))
        self.new_button.clicked.connect(self.new_entry)
        self.save_button = QPushButton(translate("Institutions", "&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.verify_button = QPushButton(translate("Institutions", "Mark &verified"))
        self.verify_button.clicked.connect(self.mark_verified)
        for b in (self.new_button, self.save_button, self.verify_button):
            b.setEnabled(self.can_edit)
            buttons.addWidget(b)
        buttons.addStretch(1)
        fl.addLayout(buttons)
        fl.addStretch(1)
        split.addWidget(form_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([780, 420])
        outer.addWidget(split, 1)
        self._import_dialog: QWidget | None = None
        self.setFocusProxy(self.filter_box)
        self.new_entry()
        self.refresh()

    # --- list -----------------------------------------------------------------------------------

    def _field_edited(self, field: str) -> None:
        """The field was changed: its complaint goes; a pasted line break becomes a space, with a notice."""
        error = self.field_errors[FIELD_LABELS[field]]
        show_error(error, "")
        if replace_line_breaks(self.edits[field]):
            show_error(error, line_break_notice(field_label(field)))

    def refresh(self, select_id: int | None = None) -> None:
        kind = str(self.type_filter.currentData() or "")
        desk = self.ctx.desk
        rows = directory_entries(desk, desk.actor, kind or None, self.filter_box.text())
        self.model.set_rows(rows)
        self.count_label.setText(translate("Institutions", "%n entry(ies)", None, len(rows)))
        if select_id is not None:
            for i, row in enumerate(rows):
                if row.id == select_id:
                    self.table.selectRow(self.proxy.mapFromSource(self.model.index(i, 0)).row())
                    break

    def selected(self) -> InstitutionRow | None:
        return self.proxy.selected_item(self.table, InstitutionRow)

    def _selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.editing_id = row.id
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(row.institution_type)))
        for field, edit in self.edits.items():
            edit.setText(getattr(row, field))
        self.country_combo.setCurrentIndex(max(0, self.country_combo.findData(row.country)))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(row.language)))
        self.verified_box.setChecked(row.verified)
        self.verify_button.setEnabled(self.can_edit and not row.verified)
        self._clear_problems()

    # --- form -----------------------------------------------------------------------------------

    def new_entry(self) -> None:
        self.editing_id = None
        self.table.clearSelection()
        for edit in self.edits.values():
            edit.clear()
        self.country_combo.setCurrentIndex(max(0, self.country_combo.findData("CA")))
        self.language_combo.setCurrentIndex(0)
        self.verified_box.setChecked(False)
        self.verify_button.setEnabled(False)
        self._clear_problems()
        self.edits["name"].setFocus()

    def form_values(self) -> dict[str, str]:
        values = {field: edit.text() for field, edit in self.edits.items()}
        values["institution_type"] = str(self.type_combo.currentData())
        values["country"] = str(self.country_combo.currentData())
        # "Automatic" sends no language: a new entry gets the rule's, an edited one keeps its own.
        values["language"] = str(self.language_combo.currentData() or "")
        return values

    def _clear_problems(self) -> None:
        self.problem_label.setText("")
        for label in self.field_errors.values():
            show_error(label, "")

    def show_problem(self, exc: BaseException) -> None:
        """Each field the exception names is marked under that field; anything else goes on the problem
        line, in words."""
        self._clear_problems()
        named = field_errors(exc)
        if not named:
            self.problem_label.setText(error_sentence(exc))
            return
        unplaced = mark_fields(named, self.field_errors, self.field_widgets)
        lines = [str(e) for e in unplaced]
        marked = len(named) - len(unplaced)
        if marked:
            lines.insert(
                0,
                translate(
                    "Institutions", "Not saved: %n problem(s), shown next to the fields.", None, marked
                ),
            )
        self.problem_label.setText("\n".join(lines))

    def save(self) -> bool:
        desk, actor = self.ctx.desk, self.ctx.desk.actor
        values = self.form_values()
        try:
            if self.editing_id is None:
                row = add_institution(desk, actor, values, verified=self.verified_box.isChecked())
            else:
                row = edit_institution(
                    desk, actor, self.editing_id, values, verified=self.verified_box.isChecked()
                )
        except CpcDeskError as exc:
            self.show_problem(exc)
            return False
        self._clear_problems()
        self.ctx.status_message.emit(translate("Institutions", "Saved {0}").format(row.name))
        self.refresh(select_id=row.id)
        return True

    def mark_verified(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            set_verified(self.ctx.desk, self.ctx.desk.actor, row.id, True)
        except CpcDeskError as exc:
            messages.error(self, translate("Institutions", "Verified"), str(exc))
            return
        self.refresh(select_id=row.id)

    def open_import(self) -> None:
        from ui.admin.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, kind="institutions", parent=self)
        dialog.finished.connect(lambda _r: self.refresh())
        self._import_dialog = dialog
        dialog.open()
