"""The wizard's recipient page: an institution from the directory or typed in ("Other"), checked as the
service checks it, each added to the request's list of recipients, with the language of its certificate."""

from dataclasses import replace

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.errors import CpcDeskError, ValidationError, ValidationErrors
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.issuing.requests import DirectoryEntry, directory_institutions
from app.register.institution_types import desk_types
from app.register.recipients import (
    ADDRESS_FIELDS,
    FIELD_LABELS,
    RecipientInput,
    countries,
    country_name,
    default_language,
    subdivisions,
    validate_recipient,
)
from app.register.text import fold
from ui.common.certificate_language import language_combo
from ui.common.field_errors import error_label, show_error
from ui.common.line_breaks import line_break_notice, replace_line_breaks
from ui.request.request_form import RequestForm
from ui.shell.context import UiContext

# How each field is named in what the page says about it. The service's FIELD_LABELS name the fields in
# its ValidationErrors (the keys of `errors` below); staff read these, in the desk's language. The typed-in
# organisation, "Institution name" to the service, is labelled as the portal labels it.
SHOWN_LABELS: dict[str, str] = {
    "institution_type": QT_TRANSLATE_NOOP("CpcWizard", "Institution type"),
    "institution_id": QT_TRANSLATE_NOOP("CpcWizard", "Institution"),
    "name": QT_TRANSLATE_NOOP("CpcWizard", "Organisation name"),
    "attention": QT_TRANSLATE_NOOP("CpcWizard", "Attention"),
    "street1": QT_TRANSLATE_NOOP("CpcWizard", "Street 1"),
    "street2": QT_TRANSLATE_NOOP("CpcWizard", "Street 2"),
    "street3": QT_TRANSLATE_NOOP("CpcWizard", "Street 3"),
    "street4": QT_TRANSLATE_NOOP("CpcWizard", "Street 4"),
    "city": QT_TRANSLATE_NOOP("CpcWizard", "City"),
    "state": QT_TRANSLATE_NOOP("CpcWizard", "State/Province"),
    "country": QT_TRANSLATE_NOOP("CpcWizard", "Country"),
    "postal_code": QT_TRANSLATE_NOOP("CpcWizard", "Zip/Postal code"),
    "email": QT_TRANSLATE_NOOP("CpcWizard", "Email address"),
    "language": QT_TRANSLATE_NOOP("CpcWizard", "Certificate language"),
}


def shown_label(service_label: str) -> str:
    """The field the service names `service_label` (a FIELD_LABELS value), as the page names it."""
    field = next((name for name, label in FIELD_LABELS.items() if label == service_label), None)
    return translate_marked("CpcWizard", SHOWN_LABELS[field]) if field in SHOWN_LABELS else service_label


def field_problem(service_label: str, message: str) -> str:
    """What the page says beside a field: its name, then the problem."""
    return translate("CpcWizard", "{0}: {1}").format(shown_label(service_label), message)


OTHER = -1  # the "Other" entry of the institution list


class RecipientPage(QWizardPage):
    """Where the certificates go; each recipient checked here is added to `form.recipients`."""

    # The address fields typed into line edits (state and country have their own pickers).
    TEXT_FIELDS = tuple(f for f in ADDRESS_FIELDS if f not in ("state", "country"))

    def __init__(self, ctx: UiContext, form: RequestForm) -> None:
        super().__init__()
        self.ctx = ctx
        self.form = form
        self.setTitle(translate("CpcWizard", "Recipient"))
        self.setSubTitle(
            translate(
                "CpcWizard",
                "Where the certificate is to be sent. Each recipient gets its own certificate, by email.",
            )
        )
        self._editing: int | None = None  # where a recipient taken back for correction goes back in the list
        self._last_added: int | None = None  # the recipient Next took from the form into the list
        self._directory: list[DirectoryEntry] = []
        self._was_known = False
        self.setStyleSheet('QLineEdit[readOnly="true"] { background: #eef1f4; color: #222; }')

        # The desk's types, read once for the wizard: the combo offers them and the form is checked on them.
        self.types = desk_types(ctx.desk.db)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("institutionType")
        self.type_combo.addItems(list(self.types))
        self.inst_combo = QComboBox()
        self.inst_combo.setObjectName("institutionName")
        self.inst_combo.setMinimumContentsLength(40)

        self.edits: dict[str, QLineEdit] = {}
        for name in self.TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field_{name}")
            edit.setMaxLength(400)  # long enough to see the 200-character rule explained, not to paste a book
            self.edits[name] = edit
        self.edits["email"].setPlaceholderText(
            translate("CpcWizard", "the address the certificate is to be sent to")
        )
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
            self.country_combo.addItem(f"{name} ({code})", code)
        # Typed, not scrolled to: any part of the name or the code finds the country ("kingdom", "GB").
        self.country_combo.setEditable(True)
        self.country_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.country_combo.model(), self.country_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.country_combo.setCompleter(completer)
        completer.activated[str].connect(self._country_typed)
        line = self.country_combo.lineEdit()
        assert line is not None
        line.returnPressed.connect(lambda: self._country_typed(line.text()))
        # Leaving the box settles what was typed (editingFinished is not sent while the list is open).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        # The certificate's language: the directory entry's, else French for Quebec, else English,
        # until the clerk picks one (app.register.recipients.default_language).
        self.language_combo = language_combo()
        self._language_chosen = False
        self.save_check = QCheckBox(
            translate("CpcWizard", "Sa&ve this institution to the directory (marked unverified)")
        )
        self.save_check.setObjectName("saveToDirectory")

        self.errors: dict[str, QLabel] = {label: error_label() for label in FIELD_LABELS.values()}
        self.page_error = error_label()
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
        add(translate("CpcWizard", "Institution &type"), self.type_combo, "institution_type")
        add(translate("CpcWizard", "Institution na&me"), self.inst_combo, "institution_id", 1)
        self._row += 2
        add(translate("CpcWizard", "&Organisation name *"), self.edits["name"], "name")
        add(translate("CpcWizard", "Attent&ion"), self.edits["attention"], "attention", 1)
        self._row += 2
        add(translate("CpcWizard", "Street &1 *"), self.edits["street1"], "street1")
        add(translate("CpcWizard", "Street &2"), self.edits["street2"], "street2", 1)
        self._row += 2
        add(translate("CpcWizard", "Street &3"), self.edits["street3"], "street3")
        add(translate("CpcWizard", "Street &4"), self.edits["street4"], "street4", 1)
        self._row += 2
        add(translate("CpcWizard", "Co&untry *"), self.country_combo, "country")
        add(translate("CpcWizard", "&State/Province *"), self.state_stack, "state", 1)
        self._row += 2
        add(translate("CpcWizard", "Cit&y *"), self.edits["city"], "city")
        add(translate("CpcWizard", "&Zip/Postal code *"), self.edits["postal_code"], "postal_code", 1)
        self._row += 2
        add(translate("CpcWizard", "&Email address *"), self.edits["email"], "email")
        add(translate("CpcWizard", "Certificate &language"), self.language_combo, "language", 1)
        self._row += 2
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        self.add_button = QPushButton(translate("CpcWizard", "A&dd another recipient"))
        self.add_button.setObjectName("addRecipient")
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(translate("CpcWizard", "&Remove from the list"))
        self.remove_button.setObjectName("removeRecipient")
        self.remove_button.setAutoDefault(False)
        self.list = QListWidget()
        self.list.setObjectName("recipientList")
        self.list.setMaximumHeight(80)
        self.list.setAccessibleName(translate("CpcWizard", "Recipients added"))
        self.list_label = QLabel(translate("CpcWizard", "Recipients already added:"))
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
            self.language_combo,
            self.save_check,
            self.add_button,
            self.list,
            self.remove_button,
        ]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

        for name, edit in self.edits.items():
            edit.textEdited.connect(lambda _t, n=name: self._field_edited(n))
        self.state_edit.textEdited.connect(lambda _t: self._field_edited("state"))
        self.state_combo.currentIndexChanged.connect(lambda _i: self._clear_error("state"))
        self.country_combo.currentIndexChanged.connect(lambda _i: self._clear_error("country"))
        self.inst_combo.currentIndexChanged.connect(lambda _i: self._clear_error("institution_id"))
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.inst_combo.currentIndexChanged.connect(self._institution_changed)
        self.country_combo.currentIndexChanged.connect(self._country_changed)
        self.state_combo.currentIndexChanged.connect(self._default_language)
        self.state_edit.textChanged.connect(self._default_language)
        self.language_combo.activated.connect(self._language_picked)
        self.add_button.clicked.connect(self.add_another)
        self.remove_button.clicked.connect(self.remove_selected)
        self.country_combo.setCurrentIndex(0)
        self._country_changed()
        self._type_changed()
        self._refresh_list()

    @property
    def recipients(self) -> list[RecipientInput]:
        return self.form.recipients

    def initializePage(self) -> None:
        self._refresh_list()

    # --- filling ------------------------------------------------------------------------------

    def _type_changed(self) -> None:
        kind = self.type_combo.currentText()
        try:
            self._directory = directory_institutions(self.ctx.desk, kind)
        except CpcDeskError:
            self._directory = []
        self.inst_combo.blockSignals(True)
        self.inst_combo.clear()
        self.inst_combo.addItem(translate("CpcWizard", "Choose an institution…"), None)
        for i, entry in enumerate(self._directory):
            inst = entry.recipient
            mark = "" if entry.verified else translate("CpcWizard", " (unverified)")
            self.inst_combo.addItem(f"{inst.name} — {inst.city}{mark}", i)
        self.inst_combo.addItem(
            translate("CpcWizard", "Other (type the organisation and its address)"), OTHER
        )
        # The type "Other" (or a type with no directory entries) means typing the organisation.
        typed_in = not self._directory or fold(kind) == "other"
        self.inst_combo.setCurrentIndex(self.inst_combo.count() - 1 if typed_in else 0)
        self.inst_combo.blockSignals(False)
        self._institution_changed()

    def _institution_changed(self) -> None:
        data = self.inst_combo.currentData()
        known = data is not None and data != OTHER
        if known:
            entry = self._directory[int(data)]
            inst = entry.recipient
            self.directory_note.setText(
                translate(
                    "CpcWizard",
                    "Name, address and email from the institution directory; to send elsewhere choose Other.",
                )
                if entry.verified
                else translate(
                    "CpcWizard",
                    "Saved by staff and not yet verified: confirm the address and email with the member "
                    "before you submit.",
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
        for edit in (*self.edits.values(), self.state_edit):
            # The grey of the style sheet's [readOnly="true"] follows the property only when re-polished:
            # without this, fields typed into after a directory entry still looked read-only.
            edit.style().unpolish(edit)
            edit.style().polish(edit)
        self.save_check.setVisible(data == OTHER)
        self.directory_note.setVisible(known)
        if data != OTHER:
            self.save_check.setChecked(False)
        self._labels["name"].setText(
            translate("CpcWizard", "&Organisation name *")
            if not known
            else translate("CpcWizard", "&Organisation name")
        )
        self._language_chosen = False
        self._default_language()
        self._clear_errors()

    def _language_picked(self) -> None:
        self._language_chosen = True

    def _default_language(self) -> None:
        """Set the language the rule gives for what the form shows, unless the clerk has picked one."""
        if self._language_chosen:
            return
        data = self.inst_combo.currentData()
        directory = self._directory[int(data)].recipient.language if data not in (None, OTHER) else None
        country = str(self.country_combo.currentData() or "")
        self._set_language(default_language(directory, country, self._state_value()))

    def _set_language(self, language: str) -> None:
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language), 0))

    def language(self) -> str:
        """The language chosen for the recipient in the form: en, fr or bilingual."""
        return str(self.language_combo.currentData() or "en")

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.country_combo):
            return
        box = self.country_combo
        completer = box.completer()
        popup = completer.popup() if completer is not None else None
        inside = (box, box.lineEdit(), popup)
        if old in inside and new not in inside:
            line = box.lineEdit()
            if line is not None:
                self._country_typed(line.text())

    def _country_typed(self, text: str) -> None:
        """What was typed in the Country box: the country it names (by name, part of it, or code), or back
        to the country chosen before when it names none."""
        index = self.country_combo.findText(text)
        if index < 0 and text.strip():
            wanted = fold(text)
            box = self.country_combo
            codes = [i for i in range(box.count()) if wanted == fold(str(box.itemData(i)))]
            names = [i for i in range(box.count()) if wanted in fold(box.itemText(i))]
            matches = codes + [i for i in names if fold(box.itemText(i)).startswith(wanted)] + names
            index = matches[0] if matches else -1
        if index < 0:
            index = self.country_combo.currentIndex()
        if index != self.country_combo.currentIndex():
            self.country_combo.setCurrentIndex(index)
        self.country_combo.setEditText(self.country_combo.itemText(index))

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
                translate("CpcWizard", "Choose a province or territory…")
                if code == "CA"
                else translate("CpcWizard", "Choose a state…"),
                "",
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
            translate("CpcWizard", "&State/Province *")
            if code in ("CA", "US")
            else translate("CpcWizard", "&State/Province")
        )
        postal_hint = {"CA": "A1A 1A1", "US": translate("CpcWizard", "12345 or 12345-6789")}.get(
            str(code), ""
        )
        self.edits["postal_code"].setPlaceholderText(postal_hint)
        self._default_language()

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
        if data is None:
            return True  # "Choose an institution…": the fields are read-only, a state left shown is not typed
        if data != OTHER:
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
            return replace(self._directory[int(data)].recipient, language=self.language())
        values = {name: self.edits[name].text() for name in self.TEXT_FIELDS}
        return RecipientInput(
            institution_type=self.type_combo.currentText(),
            institution_id=None,
            state=self._state_value(),
            country=str(self.country_combo.currentData() or ""),
            save_to_directory=self.save_check.isChecked(),
            language=self.language(),
            **values,
        )

    def _clear_error(self, field: str) -> None:
        show_error(self.errors[FIELD_LABELS[field]], "")

    def _field_edited(self, field: str) -> None:
        """The person changed the field: its complaint goes. A line break (pasted from a letter) cannot be
        part of one line: it is replaced by a space, and the field says so."""
        self._clear_error(field)
        edit = self.state_edit if field == "state" else self.edits[field]
        if replace_line_breaks(edit):
            show_error(self.errors[FIELD_LABELS[field]], line_break_notice(shown_label(FIELD_LABELS[field])))

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            show_error(label, "")
        show_error(self.page_error, "")

    def _show_errors(self, errors: list[ValidationError]) -> None:
        first: QWidget | None = None
        for e in errors:
            label = self.errors.get(e.field)
            if label is None:
                show_error(self.page_error, field_problem(e.field, e.message))
                continue
            show_error(label, field_problem(e.field, e.message))
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
            "language": self.language_combo,
        }.get(field)

    def _validated_current(self) -> RecipientInput | None:
        """The form's recipient, checked; marks every problem inline and returns None when there is one."""
        self._clear_errors()
        if self.inst_combo.currentData() is None:
            show_error(
                self.errors[FIELD_LABELS["institution_id"]],
                translate(
                    "CpcWizard", "Institution name: choose an institution from the directory, or Other."
                ),
            )
            self.inst_combo.setFocus()
            return None
        try:
            recipient = validate_recipient(self.current_input(), self.types)
        except ValidationErrors as exc:
            self._show_errors(exc.errors)
            return None
        for existing in self.recipients:
            if existing.email.lower() == recipient.email.lower() and existing.name == recipient.name:
                show_error(
                    self.errors[FIELD_LABELS["email"]],
                    translate("CpcWizard", "Email address: this recipient is already on the request."),
                )
                return None
        return recipient

    def _put_back(self, recipient: RecipientInput) -> None:
        index = len(self.recipients) if self._editing is None else min(self._editing, len(self.recipients))
        self.recipients.insert(index, recipient)
        self._editing = None

    def add_another(self) -> None:
        recipient = self._validated_current()
        if recipient is None:
            return
        self._put_back(recipient)
        self._reset_form()
        self._refresh_list()
        self.type_combo.setFocus()

    def _reset_form(self) -> None:
        for edit in self.edits.values():
            edit.clear()
        self.state_edit.clear()
        self.state_combo.setCurrentIndex(0)  # "Choose a province…": an empty form holds no province
        self.save_check.setChecked(False)
        self._language_chosen = False
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

    def validatePage(self) -> bool:
        if self.recipients and self.form_is_empty():
            self._last_added = len(self.recipients) - 1
            return True
        recipient = self._validated_current()
        if recipient is None:
            return False
        index = len(self.recipients) if self._editing is None else min(self._editing, len(self.recipients))
        self._put_back(recipient)
        self._last_added = index
        self._reset_form()
        self._refresh_list()
        return True

    def came_back(self) -> None:
        """Back from the next page: the recipient Next took into the list is in the form again, as it was
        typed (an organisation typed in stays editable), and Next puts it back in its place."""
        index, self._last_added = self._last_added, None
        if index is None or not 0 <= index < len(self.recipients) or not self.form_is_empty():
            return
        self._editing = index
        self._edit(self.recipients.pop(index))
        self._refresh_list()

    def has_data(self) -> bool:
        return bool(self.recipients) or (self.inst_combo.currentData() == OTHER and not self.form_is_empty())

    # --- what Submit refused --------------------------------------------------------------------

    def owns(self, field: str) -> bool:
        """Whether a field named by the service (maybe "Recipient 2 – City") is one of this form's."""
        return _split_field(field)[1] in self.errors

    def show_submit_errors(self, errors: list[ValidationError]) -> None:
        """Take the refused recipient back into the form and mark each field the service named."""
        index, _field = _split_field(errors[0].field)
        if index is None:
            index = self._stale_recipient() if len(self.recipients) != 1 else 0
        if index is not None and 0 <= index < len(self.recipients) and self.form_is_empty():
            self._edit(self.recipients.pop(index))
            self._editing = index
            self._refresh_list()
        first = _split_field(errors[0].field)[0]
        here = [e for e in errors if _split_field(e.field)[0] == first]
        elsewhere = [_other_recipient_problem(e) for e in errors if _split_field(e.field)[0] != first]
        self._clear_errors()
        self._show_errors([ValidationError(_split_field(e.field)[1], e.message) for e in here])
        show_error(
            self.page_error,
            " ".join(
                [
                    translate(
                        "CpcWizard",
                        "Nothing was issued. Correct what is marked, press Next, then Submit again.",
                    )
                ]
                + elsewhere
            ),
        )

    def _stale_recipient(self) -> int | None:
        """The first recipient chosen from a directory entry that is no longer there."""
        for index, r in enumerate(self.recipients):
            if r.institution_id is None:
                continue
            try:
                entries = directory_institutions(self.ctx.desk, r.institution_type)
            except CpcDeskError:
                return index
            if all(e.recipient.institution_id != r.institution_id for e in entries):
                return index
        return None

    def _edit(self, r: RecipientInput) -> None:
        """Show `r` in the form: its directory entry when it still exists, typed in as Other otherwise."""
        self.type_combo.blockSignals(True)
        self.type_combo.setCurrentIndex(max(self.type_combo.findText(r.institution_type), 0))
        self.type_combo.blockSignals(False)
        self._type_changed()  # the directory as it is now: the entry may be the one that went away
        if r.institution_id is not None:
            for position, entry in enumerate(self._directory):
                if entry.recipient.institution_id == r.institution_id:
                    self.inst_combo.setCurrentIndex(self.inst_combo.findData(position))
                    self._keep_language(r.language)
                    return
        self.inst_combo.setCurrentIndex(self.inst_combo.findData(OTHER))
        self._select_country(r.country)
        for name in self.TEXT_FIELDS:
            self.edits[name].setText(getattr(r, name))
        self._set_state(r.state)
        self._keep_language(r.language)

    def _keep_language(self, language: str) -> None:
        """A recipient taken back for correction keeps the language it was given."""
        self._set_language(language)
        self._language_chosen = True


def _other_recipient_problem(error: ValidationError) -> str:
    """A refused field of a recipient other than the one taken back into the form, named with its number."""
    index, field = _split_field(error.field)
    problem = field_problem(field, error.message)
    if index is None:
        return problem
    return translate("CpcWizard", "Recipient {0} – {1}").format(index + 1, problem)


def _split_field(field: str) -> tuple[int | None, str]:
    """ "Recipient 2 – City" → (1, "City"); the service prefixes the recipient when there are several."""
    head, sep, rest = field.partition(" – ")
    if sep and head.startswith("Recipient ") and head[len("Recipient ") :].isdigit():
        return int(head[len("Recipient ") :]) - 1, rest
    return None, field
