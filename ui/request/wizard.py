"""The Certificate of Professional Conduct request wizard: member → recipients → consent → review → done.

Nothing is written before Submit; Submit hands one RequestDraft to app.issuing.requests.submit_request off
the GUI
thread, then delivery (app.mail.outbox.send_due) runs in another worker. The final page shows each recipient's
certificate number, verification code and delivery state.
"""

import html
import uuid
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import CpcDeskError, ValidationError, ValidationErrors
from app.issuing.requests import (
    DirectoryEntry,
    MemberSummary,
    RequestDraft,
    SubmitResult,
    directory_institutions,
    export_certificate_pdf,
    find_members,
    find_request_by_key,
    member_summary,
    preview_pdf,
    recent_similar_requests,
    request_result,
    submit_request,
)
from app.register.recipients import (
    ADDRESS_FIELDS,
    FIELD_LABELS,
    RecipientInput,
    countries,
    country_name,
    subdivisions,
    validate_recipient,
)
from app.settings import INSTITUTION_TYPES
from app.store.models import CONSENT_METHOD_LABELS, ConsentMethod, OutboxState, RequestStatus
from ui.common import messages, workers
from ui.shell.context import UiContext


def tr(text: str) -> str:
    return QCoreApplication.translate("CpcWizard", text)


ERROR_STYLE = "color: #b00020;"
# The service names the typed-in organisation "Institution name"; the form labels it as the portal does.
DISPLAY_LABELS = {FIELD_LABELS["name"]: "Organisation name"}
OTHER = -1  # the "Other" entry of the institution list


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setProperty("role", "fieldError")
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _read_only(text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setReadOnly(True)
    edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return edit


# --------------------------------------------------------------------------------------------- member


class MemberPage(QWizardPage):
    def __init__(self, wizard: "CpcWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Member"))
        self.setSubTitle(tr("Find the member by CPSO number or name (accents do not matter)."))
        self.selected: MemberSummary | None = None
        self._hits: list[MemberSummary] = []

        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(tr("e.g. 123456 or helene cote"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(tr("&Find member:"))
        search_label.setBuddy(self.search)
        self.results = QListWidget()
        self.results.setObjectName("memberResults")
        self.results.setMinimumHeight(120)
        self.results.setAccessibleName(tr("Members found"))
        self.found_label = QLabel()
        self.found_label.setObjectName("hint")

        self.name = _read_only()
        self.cpso = _read_only()
        self.reg_class = _read_only()
        self.status = _read_only()
        details = QFormLayout()
        details.addRow(tr("Name"), self.name)
        details.addRow(tr("CPSO#"), self.cpso)
        details.addRow(tr("Class of registration"), self.reg_class)
        details.addRow(tr("Registration status"), self.status)
        self.review_note = QLabel()
        self.review_note.setObjectName("reviewNote")
        self.review_note.setWordWrap(True)
        self.review_note.setStyleSheet("background: #fff4e5; border: 1px solid #f0b35a; padding: 6px;")
        self.review_note.hide()
        self.error = _error_label()

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(search_label)
        row.addWidget(self.search, 1)
        layout.addLayout(row)
        layout.addWidget(self.found_label)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.error)
        layout.addLayout(details)
        layout.addWidget(self.review_note)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._enter_in_search)
        self.results.currentRowChanged.connect(self._row_changed)
        self.search.installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        # Down arrow from the search box moves into the list, as in a type-ahead field.
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.results.count():
                self.results.setFocus()
                if self.results.currentRow() < 0:
                    self.results.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)

    def run_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        try:
            self._hits = find_members(self.w.ctx.desk, text) if text else []
        except CpcDeskError as exc:
            self._hits = []
            _show_error(self.error, str(exc))
        self.results.blockSignals(True)
        self.results.clear()
        for hit in self._hits:
            item = QListWidgetItem(
                tr("{name}  —  CPSO# {cpso}  —  {cls}, {status}").format(
                    name=hit.full_name, cpso=hit.cpso_number, cls=hit.registration_class, status=hit.status
                )
            )
            self.results.addItem(item)
        self.results.blockSignals(False)
        if text:
            self.found_label.setText(
                tr("No member matches “{0}”.").format(text)
                if not self._hits
                else tr("{0} found — ↓ to choose, Enter to continue.").format(len(self._hits))
            )
        else:
            self.found_label.clear()
        ids = [h.id for h in self._hits]
        if self.selected is not None and self.selected.id in ids:
            self.results.setCurrentRow(ids.index(self.selected.id))
        elif len(self._hits) == 1:
            self.results.setCurrentRow(0)
        elif self.selected is not None:
            self.clear_member()  # a new search: the member shown must be one of what was found

    def clear_member(self) -> None:
        self.selected = None
        for edit in (self.name, self.cpso, self.reg_class, self.status):
            edit.clear()
        self.review_note.hide()
        self.w.member_changed()
        self.completeChanged.emit()

    def _enter_in_search(self) -> None:
        if self._timer.isActive() or not self._hits:
            self.run_search()
        if self.selected is None and self._hits:
            self.results.setCurrentRow(0)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._hits):
            self.set_member(self._hits[row])

    def set_member(self, summary: MemberSummary) -> None:
        changed = self.selected is None or self.selected.id != summary.id
        self.selected = summary
        self.name.setText(summary.full_name)
        self.cpso.setText(summary.cpso_number)
        self.reg_class.setText(summary.registration_class)
        self.status.setText(summary.status.capitalize())
        if summary.review_reasons:
            self.review_note.setText(
                tr(
                    "This member's request will go to a registrar for review before anything is issued: {0}."
                ).format("; ".join(summary.review_reasons))
            )
            self.review_note.show()
        else:
            self.review_note.hide()
        _show_error(self.error, "")
        if changed:
            self.w.member_changed()
        self.completeChanged.emit()

    def validatePage(self) -> bool:
        if self._timer.isActive():
            self.run_search()
        if self.selected is None:
            _show_error(
                self.error,
                tr("Member: choose a member from the list (type a CPSO number or name first)."),
            )
            self.search.setFocus()
            return False
        return True


# ------------------------------------------------------------------------------------------ recipient


class RecipientPage(QWizardPage):
    # The address fields typed into line edits (state and country have their own pickers).
    TEXT_FIELDS = tuple(f for f in ADDRESS_FIELDS if f not in ("state", "country"))

    def __init__(self, wizard: "CpcWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Recipient"))
        self.setSubTitle(
            tr("Where the certificate is to be sent. Each recipient gets its own certificate, by email.")
        )
        self.recipients: list[RecipientInput] = []
        self._directory: list[DirectoryEntry] = []
        self._was_known = False
        self.setStyleSheet('QLineEdit[readOnly="true"] { background: #eef1f4; color: #222; }')

        self.type_combo = QComboBox()
        self.type_combo.setObjectName("institutionType")
        self.type_combo.addItems(list(INSTITUTION_TYPES))
        self.inst_combo = QComboBox()
        self.inst_combo.setObjectName("institutionName")
        self.inst_combo.setMinimumContentsLength(40)

        self.edits: dict[str, QLineEdit] = {}
        for name in self.TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field_{name}")
            edit.setMaxLength(400)  # long enough to see the 200-character rule explained, not to paste a book
            self.edits[name] = edit
        self.edits["email"].setPlaceholderText(tr("the address the certificate is to be sent to"))
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("field_state_list")
        self.state_edit = QLineEdit()
        self.state_edit.setObjectName("field_state")
        self.state_stack = QStackedWidget()
        self.state_stack.addWidget(self.state_combo)
        self.state_stack.addWidget(self.state_edit)
        self.state_stack.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.country_combo = QComboBox()
        self.country_combo.setObjectName("field_country")
        for code, name in countries():
            self.country_combo.addItem(name, code)
        self.save_check = QCheckBox(tr("Sa&ve this institution to the directory (marked unverified)"))
        self.save_check.setObjectName("saveToDirectory")

        self.errors: dict[str, QLabel] = {label: _error_label() for label in FIELD_LABELS.values()}
        self.page_error = _error_label()
        self.directory_note = QLabel()
        self.directory_note.setObjectName("directoryNote")
        self.directory_note.setWordWrap(True)
        self.directory_note.hide()

        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(2)
        self._row = 0

        def add(label_text: str, widget: QWidget, field: str, column: int = 0) -> None:
            label = QLabel(label_text)
            label.setBuddy(widget.currentWidget() if isinstance(widget, QStackedWidget) else widget)
            self._labels[field] = label
            r = self._row
            form.addWidget(label, r, column * 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.addWidget(widget, r, column * 2 + 1)
            form.addWidget(self.errors[FIELD_LABELS[field]], r + 1, column * 2 + 1)

        self._labels: dict[str, QLabel] = {}
        add(tr("Institution &type"), self.type_combo, "institution_type")
        add(tr("Institution na&me"), self.inst_combo, "institution_id", 1)
        self._row += 2
        add(tr("&Organisation name *"), self.edits["name"], "name")
        add(tr("Attent&ion"), self.edits["attention"], "attention", 1)
        self._row += 2
        add(tr("Street &1 *"), self.edits["street1"], "street1")
        add(tr("Street &2"), self.edits["street2"], "street2", 1)
        self._row += 2
        add(tr("Street &3"), self.edits["street3"], "street3")
        add(tr("Street &4"), self.edits["street4"], "street4", 1)
        self._row += 2
        add(tr("Co&untry *"), self.country_combo, "country")
        add(tr("&State/Province *"), self.state_stack, "state", 1)
        self._row += 2
        add(tr("Cit&y *"), self.edits["city"], "city")
        add(tr("&Zip/Postal code *"), self.edits["postal_code"], "postal_code", 1)
        self._row += 2
        add(tr("&Email address *"), self.edits["email"], "email")
        self._row += 2
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        self.add_button = QPushButton(tr("A&dd another recipient"))
        self.add_button.setObjectName("addRecipient")
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(tr("&Remove from the list"))
        self.remove_button.setObjectName("removeRecipient")
        self.remove_button.setAutoDefault(False)
        self.list = QListWidget()
        self.list.setObjectName("recipientList")
        self.list.setMaximumHeight(80)
        self.list.setAccessibleName(tr("Recipients added"))
        self.list_label = QLabel(tr("Recipients already added:"))
        self.list_label.setBuddy(self.list)

        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.directory_note)
        layout.addWidget(self.save_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.page_error)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.remove_button)
        list_buttons.addStretch(1)
        layout.addLayout(list_buttons)
        layout.addStretch(1)

        # Tab order follows the form, left column then right, row by row.
        order: list[QWidget] = [
            self.type_combo,
            self.inst_combo,
            self.edits["name"],
            self.edits["attention"],
            self.edits["street1"],
            self.edits["street2"],
            self.edits["street3"],
            self.edits["street4"],
            self.country_combo,
            self.state_combo,
            self.state_edit,
            self.edits["city"],
            self.edits["postal_code"],
            self.edits["email"],
            self.save_check,
            self.add_button,
            self.list,
            self.remove_button,
        ]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.inst_combo.currentIndexChanged.connect(self._institution_changed)
        self.country_combo.currentIndexChanged.connect(self._country_changed)
        self.add_button.clicked.connect(self.add_another)
        self.remove_button.clicked.connect(self.remove_selected)
        self.country_combo.setCurrentIndex(0)
        self._country_changed()
        self._type_changed()
        self._refresh_list()

    # --- filling ------------------------------------------------------------------------------

    def _type_changed(self) -> None:
        kind = self.type_combo.currentText()
        try:
            self._directory = directory_institutions(self.w.ctx.desk, kind)
        except CpcDeskError:
            self._directory = []
        self.inst_combo.blockSignals(True)
        self.inst_combo.clear()
        self.inst_combo.addItem(tr("Choose an institution…"), None)
        for i, entry in enumerate(self._directory):
            inst = entry.recipient
            mark = "" if entry.verified else tr(" (unverified)")
            self.inst_combo.addItem(f"{inst.name} — {inst.city}{mark}", i)
        self.inst_combo.addItem(tr("Other (type the organisation and its address)"), OTHER)
        self.inst_combo.setCurrentIndex(0 if self._directory else self.inst_combo.count() - 1)
        self.inst_combo.blockSignals(False)
        self._institution_changed()

    def _institution_changed(self) -> None:
        data = self.inst_combo.currentData()
        known = data is not None and data != OTHER
        if known:
            entry = self._directory[int(data)]
            inst = entry.recipient
            self.directory_note.setText(
                tr("Name, address and email from the institution directory; to send elsewhere choose Other.")
                if entry.verified
                else tr(
                    "Saved by staff and not yet verified: confirm the address and email with the member "
                    "before you submit."
                )
            )
            for name in self.TEXT_FIELDS:
                self.edits[name].setText(getattr(inst, name))
            self._select_country(inst.country)
            self._set_state(inst.state)
        elif data == OTHER and self._was_known:
            for name in self.TEXT_FIELDS:
                self.edits[name].clear()
            self.state_edit.clear()
            self.state_combo.setCurrentIndex(0)
        elif data is None:
            for name in self.TEXT_FIELDS:
                self.edits[name].clear()
        self._was_known = known
        for edit in self.edits.values():
            edit.setReadOnly(known or data is None)
        for widget in (self.country_combo, self.state_combo, self.state_edit):
            widget.setEnabled(not known and data is not None)
        self.state_edit.setReadOnly(known)
        self.save_check.setVisible(data == OTHER)
        self.directory_note.setVisible(known)
        if data != OTHER:
            self.save_check.setChecked(False)
        self._labels["name"].setText(tr("&Organisation name *") if not known else tr("&Organisation name"))
        self._clear_errors()

    def _select_country(self, code: str) -> None:
        index = self.country_combo.findData(code)
        if index >= 0:
            self.country_combo.setCurrentIndex(index)

    def _set_state(self, state: str) -> None:
        if self.state_stack.currentWidget() is self.state_combo:
            index = self.state_combo.findData(state)
            self.state_combo.setCurrentIndex(max(index, 0))
        else:
            self.state_edit.setText(state)

    def _country_changed(self) -> None:
        code = self.country_combo.currentData()
        if code in ("CA", "US"):
            self.state_combo.blockSignals(True)
            self.state_combo.clear()
            self.state_combo.addItem(
                tr("Choose a province or territory…") if code == "CA" else tr("Choose a state…"), ""
            )
            for sub_code, name in subdivisions(code):
                self.state_combo.addItem(f"{name} ({sub_code})", sub_code)
            self.state_combo.blockSignals(False)
            self.state_stack.setCurrentWidget(self.state_combo)
            self._set_state_buddy(self.state_combo)
        else:
            self.state_stack.setCurrentWidget(self.state_edit)
            self._set_state_buddy(self.state_edit)
        self._labels["state"].setText(
            tr("&State/Province *") if code in ("CA", "US") else tr("&State/Province")
        )
        postal_hint = {"CA": "A1A 1A1", "US": "12345 or 12345-6789"}.get(str(code), "")
        self.edits["postal_code"].setPlaceholderText(postal_hint)

    def _set_state_buddy(self, widget: QWidget) -> None:
        if "state" in self._labels:
            self._labels["state"].setBuddy(widget)

    # --- values -------------------------------------------------------------------------------

    def _state_value(self) -> str:
        if self.state_stack.currentWidget() is self.state_combo:
            return str(self.state_combo.currentData() or "")
        return self.state_edit.text()

    def form_is_empty(self) -> bool:
        data = self.inst_combo.currentData()
        if data is not None and data != OTHER:
            return False
        return (
            not any(e.text().strip() for e in self.edits.values())
            and not self.state_edit.text().strip()
            and (
                self.state_stack.currentWidget() is not self.state_combo
                or self.state_combo.currentIndex() <= 0
            )
        )

    def current_input(self) -> RecipientInput:
        data = self.inst_combo.currentData()
        if data is not None and data != OTHER:
            return self._directory[int(data)].recipient
        values = {name: self.edits[name].text() for name in self.TEXT_FIELDS}
        return RecipientInput(
            institution_type=self.type_combo.currentText(),
            institution_id=None,
            state=self._state_value(),
            country=str(self.country_combo.currentData() or ""),
            save_to_directory=self.save_check.isChecked(),
            **values,
        )

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            _show_error(label, "")
        _show_error(self.page_error, "")

    def _show_errors(self, errors: list[ValidationError]) -> None:
        first: QWidget | None = None
        for e in errors:
            label = self.errors.get(e.field)
            shown = DISPLAY_LABELS.get(e.field, e.field)
            if label is None:
                _show_error(self.page_error, f"{shown}: {e.message}")
                continue
            _show_error(label, f"{shown}: {e.message}")
            if first is None:
                first = self._widget_for(e.field)
        if first is not None:
            first.setFocus()

    def _widget_for(self, label: str) -> QWidget | None:
        field = next((k for k, v in FIELD_LABELS.items() if v == label), "")
        if field in self.edits:
            return self.edits[field]
        return {
            "state": self.state_stack.currentWidget(),
            "country": self.country_combo,
            "institution_id": self.inst_combo,
            "institution_type": self.type_combo,
        }.get(field)

    def _validated_current(self) -> RecipientInput | None:
        """The form's recipient, checked; marks every problem inline and returns None when there is one."""
        self._clear_errors()
        if self.inst_combo.currentData() is None:
            _show_error(
                self.errors[FIELD_LABELS["institution_id"]],
                tr("Institution name: choose an institution from the directory, or Other."),
            )
            self.inst_combo.setFocus()
            return None
        try:
            recipient = validate_recipient(self.current_input())
        except ValidationErrors as exc:
            self._show_errors(exc.errors)
            return None
        for existing in self.recipients:
            if existing.email.lower() == recipient.email.lower() and existing.name == recipient.name:
                _show_error(
                    self.errors[FIELD_LABELS["email"]],
                    tr("Email address: this recipient is already on the request."),
                )
                return None
        return recipient

    def add_another(self) -> None:
        recipient = self._validated_current()
        if recipient is None:
            return
        self.recipients.append(recipient)
        self._reset_form()
        self._refresh_list()
        self.type_combo.setFocus()

    def _reset_form(self) -> None:
        for edit in self.edits.values():
            edit.clear()
        self.state_edit.clear()
        self.save_check.setChecked(False)
        self._type_changed()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.recipients):
            del self.recipients[row]
            self._refresh_list()

    def _refresh_list(self) -> None:
        self.list.clear()
        for i, r in enumerate(self.recipients, start=1):
            self.list.addItem(f"{i}. {r.name} — {r.email} ({r.city}, {country_name(r.country)})")
        has = bool(self.recipients)
        self.list.setVisible(has)
        self.list_label.setVisible(has)
        self.remove_button.setVisible(has)

    def all_recipients(self) -> list[RecipientInput]:
        return list(self.recipients)

    def validatePage(self) -> bool:
        if self.recipients and self.form_is_empty():
            return True
        recipient = self._validated_current()
        if recipient is None:
            return False
        self.recipients.append(recipient)
        self._reset_form()
        self._refresh_list()
        return True

    def has_data(self) -> bool:
        return bool(self.recipients) or (self.inst_combo.currentData() == OTHER and not self.form_is_empty())


# -------------------------------------------------------------------------------------------- consent


class ConsentPage(QWizardPage):
    def __init__(self, wizard: "CpcWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Consent for Release of Information"))
        self.setSubTitle(tr("Read the statement to the member and record how consent was given."))
        self.includes = QLabel()
        self.includes.setObjectName("disclosure")
        self.includes.setWordWrap(True)
        self.includes.setTextFormat(Qt.TextFormat.RichText)
        self.includes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.includes.setContentsMargins(8, 8, 8, 8)
        self.statement = QLabel(str(wizard.ctx.desk.settings.get("consent.statement")))
        self.statement.setObjectName("consentStatement")
        self.statement.setWordWrap(True)
        self.statement.setStyleSheet("font-weight: bold;")
        self.consent = QCheckBox(tr("The member &gives consent, as stated above (required)"))
        self.consent.setObjectName("consentGiven")
        self.method = QComboBox()
        self.method.setObjectName("consentMethod")
        self.method.addItem(tr("Choose how…"), None)
        for method, label in CONSENT_METHOD_LABELS.items():
            self.method.addItem(tr(label), method.value)
        method_label = QLabel(tr("&How consent was given *"))
        method_label.setBuddy(self.method)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        notes_label = QLabel(tr("N&otes for the file (optional)"))
        notes_label.setBuddy(self.notes)
        self.recorded = QLabel()
        self.recorded.setObjectName("hint")
        self.recorded.setWordWrap(True)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.includes)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(tr("The certificate will include the following, exactly as the register holds it:"))
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.statement)
        layout.addWidget(self.consent)
        row = QHBoxLayout()
        row.addWidget(method_label)
        row.addWidget(self.method, 1)
        layout.addLayout(row)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes)
        layout.addWidget(self.recorded)
        self.consent.toggled.connect(lambda _c: self.completeChanged.emit())
        self.method.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())

    def initializePage(self) -> None:
        member = self.w.member
        if member is not None:
            rows = "".join(
                f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td>"
                f"<td>{html.escape(v)}</td></tr>"
                for k, v in member.disclosure
            )
            self.includes.setText(f"<table>{rows}</table>")
        actor = self.w.ctx.desk.actor
        self.recorded.setText(
            tr("Consent will be recorded as taken by {0} at the time you submit.").format(
                actor.display_name or actor.username
            )
        )

    def isComplete(self) -> bool:
        return self.consent.isChecked() and self.method.currentData() is not None

    def reset(self) -> None:
        self.consent.setChecked(False)
        self.method.setCurrentIndex(0)

    def consent_method(self) -> ConsentMethod | None:
        value = self.method.currentData()
        return ConsentMethod(value) if value else None

    def has_data(self) -> bool:
        return self.consent.isChecked() or bool(self.notes.toPlainText().strip())


# --------------------------------------------------------------------------------------------- review


class ReviewPage(QWizardPage):
    def __init__(self, wizard: "CpcWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Review"))
        self.setSubTitle(tr("Check the details and the certificate as it will be issued, then Submit."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, tr("&Submit"))
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.summary)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.previews = QTabWidget()
        self.previews.setObjectName("previews")
        self.status = QLabel()
        self.status.setObjectName("submitStatus")
        self.status.setWordWrap(True)
        self.error = _error_label()
        split = QHBoxLayout()
        split.addWidget(scroll, 1)
        split.addWidget(self.previews, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.preview_docs: list[QPdfDocument] = []
        self._buffers: list[QBuffer] = []
        self.preview_errors: list[str] = []
        self.previews_done = False
        self._preview_token = 0

    def initializePage(self) -> None:
        _show_error(self.error, "")
        self.status.clear()
        self.summary.setText(self.w.summary_html())
        self._start_previews()

    def _start_previews(self) -> None:
        self.previews.clear()
        self.preview_docs.clear()
        self._buffers.clear()
        self.preview_errors = []
        self.previews_done = False
        self._preview_token += 1
        token = self._preview_token
        recipients = self.w.recipients()
        member = self.w.member
        if member is None or not recipients:
            return
        for r in recipients:
            waiting = QLabel(tr("Rendering the preview…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.previews.addTab(waiting, r.name[:30])
        desk = self.w.ctx.desk

        def job(_progress: Any, _cancelled: Any) -> list[bytes | str]:
            out: list[bytes | str] = []
            for r in recipients:
                try:
                    out.append(preview_pdf(desk, member.id, r))
                except CpcDeskError as exc:
                    out.append(str(exc))
            return out

        workers.start(
            job,
            on_finished=lambda result: self._show_previews(token, result),
            on_failed=lambda msg: self._preview_failed(token, msg),
            owner=self,
        )

    def _preview_failed(self, token: int, message: str) -> None:
        if token != self._preview_token or self.w.closed:
            return
        self.preview_errors = [message]
        self.previews_done = True
        _show_error(self.error, tr("The preview could not be made: {0}").format(message))

    def _show_previews(self, token: int, result: list[bytes | str]) -> None:
        if token != self._preview_token or self.w.closed:
            return
        recipients = self.w.recipients()
        for index, item in enumerate(result):
            if isinstance(item, str):
                self.preview_errors.append(item)
                label = QLabel(item)
                label.setWordWrap(True)
                label.setStyleSheet(ERROR_STYLE)
                widget: QWidget = label
            else:
                buffer = QBuffer(self)
                buffer.setData(QByteArray(item))
                buffer.open(QIODevice.OpenModeFlag.ReadOnly)
                doc = QPdfDocument(self)
                doc.load(buffer)
                view = QPdfView()
                view.setObjectName(f"preview_{index}")
                view.setDocument(doc)
                view.setPageMode(QPdfView.PageMode.MultiPage)
                view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
                view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                self._buffers.append(buffer)
                self.preview_docs.append(doc)
                widget = view
            self.previews.removeTab(index)
            self.previews.insertTab(
                index, widget, recipients[index].name[:30] if index < len(recipients) else ""
            )
        self.previews.setCurrentIndex(0)
        self.previews_done = True
        if self.preview_errors:
            _show_error(
                self.error,
                tr("This certificate cannot be issued as entered: {0}").format(
                    "; ".join(self.preview_errors)
                ),
            )

    def validatePage(self) -> bool:
        if self.w.result_ is not None:
            return True
        if self.preview_errors:
            return False
        self.w.submit()
        return False


# ----------------------------------------------------------------------------------------------- done


def delivery_text(state: str, error: str, offline: bool) -> str:
    if state == OutboxState.SENT:
        return tr("Sent")
    if state == OutboxState.FAILED_PERMANENT:
        return tr("Failed: {0}").format(error or tr("the server refused it"))
    if state == OutboxState.CANCELLED:
        return tr("Cancelled")
    if state in (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.FAILED_TEMPORARY):
        if offline:
            return tr("Queued — offline mode, will be sent when the desk is back online")
        if error:
            return tr("Queued — mail server unreachable, will retry ({0})").format(error)
        return tr("Queued — will be sent shortly")
    return tr("Not issued")


class DonePage(QWizardPage):
    COLUMNS = ("Recipient", "Email address", "Certificate", "Verification code", "Delivery")

    def __init__(self, wizard: "CpcWizard") -> None:
        super().__init__()
        self.w = wizard
        self.printed: set[str] = set()  # certificate numbers printed from this page
        self.setTitle(tr("Submitted"))
        self.setFinalPage(True)
        self.heading = QLabel()
        self.heading.setObjectName("doneHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("results")
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Number and code keep their width; a long name, address or delivery error wraps (its whole text
        # is in the tooltip) so every column stays in view without scrolling sideways.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.delivery_status = QLabel()
        self.delivery_status.setObjectName("deliveryStatus")
        self.delivery_status.setWordWrap(True)
        self.open_button = QPushButton(tr("&Open PDF"))
        self.print_button = QPushButton(tr("&Print…"))
        self.copy_button = QPushButton(tr("&Copy verification code"))
        self.another_button = QPushButton(tr("Start &another request for this member"))
        buttons = QHBoxLayout()
        for b in (self.open_button, self.print_button, self.copy_button, self.another_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.delivery_status)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.w.open_pdf)
        self.print_button.clicked.connect(self.w.print_pdf)
        self.copy_button.clicked.connect(self.w.copy_code)
        self.another_button.clicked.connect(self.w.start_another)
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())

    def initializePage(self) -> None:
        self.show_result()
        self.table.setFocus()

    def show_result(self) -> None:
        result = self.w.result_
        if result is None:
            return
        offline = self.w.ctx.desk.is_offline
        if result.status == RequestStatus.AWAITING_REVIEW:
            self.setTitle(tr("Sent to a registrar for review"))
            self.setSubTitle(tr("Nothing is issued until a registrar approves the request."))
            self.heading.setText(
                tr(
                    "<p>Request <b>{number}</b> for {name} (CPSO# {cpso}) was recorded and is "
                    "<b>awaiting registrar review</b>: {reasons}.</p><p>No certificate has been issued yet. "
                    "When a registrar approves it, the certificates are issued and sent to the recipients "
                    "below.</p>"
                ).format(
                    number=result.request_number,
                    name=html.escape(result.member_name),
                    cpso=result.cpso_number,
                    reasons=html.escape("; ".join(result.review_reasons)),
                )
            )
        else:
            self.setTitle(tr("Certificates issued"))
            self.setSubTitle(tr("Each certificate is signed and stored; its email state is shown below."))
            again = tr(" (this request had already been submitted)") if result.already_submitted else ""
            self.heading.setText(
                tr(
                    "<p>Request <b>{number}</b> for {name} (CPSO# {cpso}): "
                    "{count} certificate(s) issued{again}.</p>"
                ).format(
                    number=result.request_number,
                    name=html.escape(result.member_name),
                    cpso=result.cpso_number,
                    count=sum(1 for r in result.recipients if r.certificate_number),
                    again=again,
                )
            )
        self.table.setRowCount(len(result.recipients))
        for row, r in enumerate(result.recipients):
            state = (
                delivery_text(r.delivery_state, r.delivery_error, offline)
                if r.certificate_number
                else (
                    tr("Awaiting review")
                    if result.status == RequestStatus.AWAITING_REVIEW
                    else tr("Not issued")
                )
            )
            if r.certificate_number in self.printed:
                state = tr("{0} · printed").format(state)
            for col, text in enumerate((r.name, r.email, r.certificate_number, r.verification_code, state)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if result.recipients and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        r = self.w.selected_result()
        has_pdf = r is not None and r.pdf_available
        self.open_button.setEnabled(has_pdf)
        self.print_button.setEnabled(has_pdf)
        self.copy_button.setEnabled(r is not None and bool(r.verification_code))


# --------------------------------------------------------------------------------------------- wizard


class CpcWizard(QWizard):
    """File a CPC request for a member; `open()` it. Submit happens once, however often it is pressed."""

    def __init__(self, ctx: UiContext, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.idempotency_key = uuid.uuid4().hex
        self.prefilled_member_id = member_id
        self.result_: SubmitResult | None = None
        self.submitting = False
        self.asking = False
        self.duplicates_confirmed = False
        self.submit_count = 0  # Submit jobs started (one per wizard, whatever is clicked)
        self.delivering = False
        self.closed = False
        self.setObjectName("cpcWizard")
        self.setWindowTitle(tr("Certificate of Professional Conduct — new request"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Cancel"))
        self.setMinimumSize(900, 640)
        self.resize(1000, 700)

        self.member_page = MemberPage(self)
        self.recipient_page = RecipientPage(self)
        self.consent_page = ConsentPage(self)
        self.review_page = ReviewPage(self)
        self.done_page = DonePage(self)
        for page in (
            self.member_page,
            self.recipient_page,
            self.consent_page,
            self.review_page,
            self.done_page,
        ):
            self.addPage(page)
        if member_id is not None:
            try:
                summary = member_summary(ctx.desk, member_id)
            except CpcDeskError as exc:
                _show_error(self.member_page.error, str(exc))
            else:
                self.member_page.search.setText(summary.cpso_number)
                self.member_page.run_search()
                self.member_page.set_member(summary)

    # --- shared state -------------------------------------------------------------------------

    @property
    def member(self) -> MemberSummary | None:
        return self.member_page.selected

    def recipients(self) -> list[RecipientInput]:
        return self.recipient_page.all_recipients()

    def member_changed(self) -> None:
        # Consent is the member's: a different member has not given it.
        self.consent_page.reset()

    def draft(self) -> RequestDraft:
        member = self.member
        assert member is not None
        return RequestDraft(
            member_id=member.id,
            recipients=tuple(self.recipients()),
            consent_given=self.consent_page.consent.isChecked(),
            consent_method=self.consent_page.consent_method(),
            consent_statement=self.consent_page.statement.text(),
            notes=self.consent_page.notes.toPlainText(),
            idempotency_key=self.idempotency_key,
        )

    def summary_html(self) -> str:
        member = self.member
        if member is None:
            return ""
        e = html.escape
        parts = [f"<h3>{e(tr('Member'))}</h3>"]
        parts.append(
            f"<p><b>{e(member.full_name)}</b> — CPSO# {e(member.cpso_number)}<br>"
            f"{e(member.registration_class)}, {e(member.status)}</p>"
        )
        if member.review_reasons:
            parts.append(
                "<p style='color:#8a4b00'><b>"
                + e(tr("Will go to a registrar for review"))
                + f":</b> {e('; '.join(member.review_reasons))}</p>"
            )
        parts.append(f"<h3>{e(tr('Recipients'))}</h3>")
        for i, r in enumerate(self.recipients(), start=1):
            lines = "<br>".join(e(line) for line in r.address_lines())
            saved = tr(" (will be saved to the directory, unverified)") if r.save_to_directory else ""
            parts.append(
                f"<p><b>{i}.</b> {lines}<br>{e(tr('Email'))}: <b>{e(r.email)}</b><br>"
                f"<i>{e(r.institution_type)}</i>{e(saved)}</p>"
            )
        parts.append(f"<h3>{e(tr('What the certificate will disclose'))}</h3><table>")
        for label, value in member.disclosure:
            parts.append(f"<tr><td style='padding-right:10px'>{e(label)}</td><td>{e(value)}</td></tr>")
        parts.append("</table>")
        method = self.consent_page.consent_method()
        actor = self.ctx.desk.actor
        parts.append(f"<h3>{e(tr('Consent'))}</h3>")
        parts.append(
            "<p>"
            + e(
                tr("Given by the member ({method}); recorded by {who} when you submit.").format(
                    method=tr(CONSENT_METHOD_LABELS[method]).lower() if method else "—",
                    who=actor.display_name or actor.username,
                )
            )
            + f"<br><i>“{e(self.consent_page.statement.text())}”</i></p>"
        )
        notes = self.consent_page.notes.toPlainText().strip()
        if notes:
            parts.append(f"<p>{e(tr('Notes'))}: {e(notes)}</p>")
        return "".join(parts)

    # --- submit and delivery ------------------------------------------------------------------

    def submit(self) -> None:
        """Start the one Submit; pressing Submit again while it runs does nothing.

        When the member already has a recent request to the same address, ask first: a second request
        after a crash or a repeated phone call is usually a mistake.
        """
        if self.submitting or self.result_ is not None or self.asking:
            return
        if not self.duplicates_confirmed:
            try:
                similar = recent_similar_requests(self.ctx.desk, self.draft())
            except CpcDeskError:
                similar = []
            if similar:
                self.asking = True

                def answered(yes: bool) -> None:
                    self.asking = False
                    if yes:
                        self.duplicates_confirmed = True
                        self.submit()
                    else:
                        self.review_page.status.setText(
                            tr("Not submitted. Look the earlier request up in the Assistance Desk.")
                        )

                messages.ask(
                    self,
                    tr("File another request?"),
                    tr(
                        "This member already has a recent request to the same address:\n{0}\n\n"
                        "File another one?"
                    ).format("\n".join(similar)),
                    on_yes=lambda: answered(True),
                    on_no=lambda: answered(False),
                )
                return
        self.submitting = True
        self.submit_count += 1
        self._set_busy(True)
        self.review_page.status.setText(tr("Submitting… issuing and signing the certificates."))
        _show_error(self.review_page.error, "")
        desk, actor, draft = self.ctx.desk, self.ctx.desk.actor, self.draft()

        def job(_progress: Any, _cancelled: Any) -> SubmitResult:
            try:
                return submit_request(desk, actor, draft)
            except CpcDeskError:
                raise
            except Exception:
                # Something failed after the commit (or the reply was lost): report what was filed,
                # never "nothing was issued" when it was.
                found = find_request_by_key(desk, draft.idempotency_key)
                if found is None:
                    raise
                return found

        workers.start(job, on_finished=self._submitted, on_failed=self._submit_failed)

    def _set_busy(self, busy: bool) -> None:
        for which in (
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not busy)

    def _submit_failed(self, message: str) -> None:
        self.submitting = False
        if self.closed:
            return
        self._set_busy(False)
        self.review_page.status.clear()
        _show_error(
            self.review_page.error,
            tr("Nothing was issued: {0}. Correct it and press Submit again.").format(message),
        )

    def _submitted(self, result: SubmitResult) -> None:
        self.submitting = False
        self.result_ = result
        if self.closed:
            return
        self._set_busy(False)
        self.ctx.data_changed.emit()
        self.ctx.status_message.emit(
            tr("Request {0} filed for {1}").format(result.request_number, result.member_name)
        )
        self.next()
        self.deliver()

    def deliver(self) -> None:
        """Send what this request queued, in a worker; the final page follows each message's state."""
        result = self.result_
        if result is None or result.status != RequestStatus.ISSUED or self.delivering:
            return
        desk = self.ctx.desk
        if desk.is_offline:
            self.done_page.delivery_status.setText(
                tr("Offline mode: the email waits in the outbox and is sent when the desk is back online.")
            )
            return
        self.delivering = True
        self.done_page.delivery_status.setText(tr("Sending the email…"))
        request_id = result.request_id

        def job(_progress: Any, _cancelled: Any) -> tuple[SubmitResult, str]:
            from app.mail.outbox import send_due

            problem = ""
            try:
                send_due(desk)
            except CpcDeskError as exc:
                problem = str(exc)
            except OSError as exc:  # the mail server could not be reached: the outbox retries later
                problem = str(exc) or type(exc).__name__
            return request_result(desk, request_id), problem

        workers.start(job, on_finished=self._delivered, on_failed=self._delivery_failed)

    def _delivered(self, outcome: tuple[SubmitResult, str]) -> None:
        self.delivering = False
        result, problem = outcome
        if self.result_ is not None:
            result.already_submitted = self.result_.already_submitted
        self.result_ = result
        if self.closed:
            return
        self.done_page.show_result()
        states = [r.delivery_state for r in result.recipients]
        if all(s == OutboxState.SENT for s in states):
            text = tr("Every certificate was delivered to the mail server.")
        elif problem:
            text = tr("Delivery will be retried from the outbox: {0}").format(problem)
        else:
            text = tr("Messages not yet sent wait in the outbox and are retried automatically.")
        self.done_page.delivery_status.setText(text)
        self.ctx.data_changed.emit()

    def _delivery_failed(self, message: str) -> None:
        self.delivering = False
        if self.closed:
            return
        self.done_page.delivery_status.setText(
            tr("The certificates are issued and wait in the outbox; sending failed for now: {0}").format(
                message
            )
        )

    # --- final page actions -------------------------------------------------------------------

    def selected_result(self) -> Any:
        result = self.result_
        if result is None or not result.recipients:
            return None
        row = max(self.done_page.table.currentRow(), 0)
        return result.recipients[row] if row < len(result.recipients) else None

    def save_selected_pdf(self) -> str | None:
        """Write the selected certificate's PDF to the exports folder; returns its path."""
        r = self.selected_result()
        if r is None or r.certificate_id is None:
            return None
        try:
            return str(export_certificate_pdf(self.ctx.desk, r.certificate_id, r.certificate_number))
        except CpcDeskError as exc:
            messages.error(self, tr("Open PDF"), str(exc))
            return None

    def open_pdf(self) -> None:
        path = self.save_selected_pdf()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def print_pdf(self, printer: Any = None) -> QDialog | None:
        """Open the print dialog for the selected certificate; once printed, it is recorded as printed."""
        from ui.batch.certificate_printing import open_print_dialog

        r = self.selected_result()
        if r is None or r.certificate_id is None or not r.pdf_available:
            return None
        number = r.certificate_number

        def recorded() -> None:
            self.ctx.status_message.emit(tr("{0} printed").format(number))
            if shiboken6.isValid(self) and not self.closed:
                self.done_page.printed.add(number)
                self.done_page.show_result()

        return open_print_dialog(self, self.ctx, [r.certificate_id], printer=printer, on_recorded=recorded)

    @staticmethod
    def print_to(printer: Any, pdf: bytes) -> int:
        """Draw every page of `pdf` on `printer`; returns the number of pages printed."""
        from ui.batch.certificate_printing import draw_pdf

        return draw_pdf(printer, pdf)

    def copy_code(self) -> None:
        r = self.selected_result()
        if r is not None and r.verification_code:
            QGuiApplication.clipboard().setText(r.verification_code)
            self.ctx.status_message.emit(tr("Verification code {0} copied").format(r.verification_code))

    def start_another(self) -> None:
        member = self.member
        self.accept()
        if member is not None:
            self.ctx.start_cpc_request(member.id)

    # --- cancel -------------------------------------------------------------------------------

    def has_data(self) -> bool:
        page = self.member_page
        typed_member = page.selected is not None and page.selected.id != self.prefilled_member_id
        return (
            typed_member
            or (page.selected is None and bool(page.search.text().strip()))
            or self.recipient_page.has_data()
            or self.consent_page.has_data()
        )

    def reject(self) -> None:
        if self.submitting:
            return  # the Submit under way finishes first; then the final page shows what was done
        if self.result_ is not None or not self.has_data():
            self._close(rejected=True)
            return
        messages.ask(
            self,
            tr("Cancel this request?"),
            tr("What you entered will be discarded; no request is filed. Cancel the request?"),
            on_yes=lambda: self._close(rejected=True),
        )

    def _close(self, rejected: bool) -> None:
        self.closed = True
        if rejected:
            super().reject()
        else:
            super().accept()

    def accept(self) -> None:
        self.closed = True
        super().accept()
