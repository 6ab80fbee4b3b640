"""The wizard's first page: find the member by CPSO number or name, and show what the register holds."""

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from app.errors import CpcDeskError
from app.i18n import translate
from app.issuing.requests import MemberSummary, find_members
from ui.common.field_errors import error_label, show_error
from ui.desk.assistance import status_words
from ui.request.request_form import RequestForm
from ui.shell.context import UiContext


def read_only_edit(text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setReadOnly(True)
    edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return edit


class MemberPage(QWizardPage):
    """Find the member; writes `form.member` (and so clears consent when the member changes)."""

    def __init__(self, ctx: UiContext, form: RequestForm) -> None:
        super().__init__()
        self.ctx = ctx
        self.form = form
        self.setTitle(translate("CpcWizard", "Member"))
        self.setSubTitle(
            translate("CpcWizard", "Find the member by CPSO number or name (accents do not matter).")
        )
        self._hits: list[MemberSummary] = []

        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(translate("CpcWizard", "e.g. 123456 or helene cote"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(translate("CpcWizard", "&Find member:"))
        search_label.setBuddy(self.search)
        self.results = QListWidget()
        self.results.setObjectName("memberResults")
        self.results.setMinimumHeight(120)
        self.results.setAccessibleName(translate("CpcWizard", "Members found"))
        self.found_label = QLabel()
        self.found_label.setObjectName("hint")

        self.name = read_only_edit()
        self.cpso = read_only_edit()
        self.reg_class = read_only_edit()
        self.status = read_only_edit()
        details = QFormLayout()
        details.addRow(translate("CpcWizard", "Name"), self.name)
        details.addRow(translate("CpcWizard", "CPSO#"), self.cpso)
        details.addRow(translate("CpcWizard", "Class of registration"), self.reg_class)
        details.addRow(translate("CpcWizard", "Registration status"), self.status)
        self.review_note = QLabel()
        self.review_note.setObjectName("reviewNote")
        self.review_note.setWordWrap(True)
        self.review_note.setStyleSheet("background: #fff4e5; border: 1px solid #f0b35a; padding: 6px;")
        self.review_note.hide()
        self.error = error_label()

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

    @property
    def selected(self) -> MemberSummary | None:
        return self.form.member

    def initializePage(self) -> None:
        if self.form.member is not None:
            self._show_member(self.form.member)

    def prefill(self, summary: MemberSummary) -> None:
        """Open on a member chosen elsewhere (the profile's "new request"): found as if typed."""
        self.search.setText(summary.cpso_number)
        self.run_search()
        self.set_member(summary)

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
            self._hits = find_members(self.ctx.desk, self.ctx.desk.actor, text) if text else []
        except CpcDeskError as exc:
            self._hits = []
            show_error(self.error, str(exc))
        self.results.blockSignals(True)
        self.results.clear()
        for hit in self._hits:
            item = QListWidgetItem(
                translate("CpcWizard", "{name}  —  CPSO# {cpso}  —  {cls}, {status}").format(
                    name=hit.full_name,
                    cpso=hit.cpso_number,
                    cls=hit.registration_class,
                    status=status_words(hit.status).lower(),
                )
            )
            self.results.addItem(item)
        self.results.blockSignals(False)
        if text:
            self.found_label.setText(
                translate("CpcWizard", "No member matches “{0}”.").format(text)
                if not self._hits
                else translate(
                    "CpcWizard", "%n member(s) found — ↓ to choose, Enter to continue.", None, len(self._hits)
                )
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
        self.form.choose_member(None)
        for edit in (self.name, self.cpso, self.reg_class, self.status):
            edit.clear()
        self.review_note.hide()
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
        self.form.choose_member(summary)
        self._show_member(summary)
        self.completeChanged.emit()

    def _show_member(self, summary: MemberSummary) -> None:
        self.name.setText(summary.full_name)
        self.cpso.setText(summary.cpso_number)
        self.reg_class.setText(summary.registration_class)
        self.status.setText(status_words(summary.status))
        if summary.review_reasons:
            self.review_note.setText(
                translate(
                    "CpcWizard",
                    "This member's request will go to a registrar for review before anything is issued: {0}.",
                ).format("; ".join(summary.review_reasons))
            )
            self.review_note.show()
        else:
            self.review_note.hide()
        show_error(self.error, "")

    def validatePage(self) -> bool:
        if self._timer.isActive():
            self.run_search()
        if self.selected is None:
            show_error(
                self.error,
                translate(
                    "CpcWizard", "Member: choose a member from the list (type a CPSO number or name first)."
                ),
            )
            self.search.setFocus()
            return False
        return True

    def has_data(self, prefilled_member_id: int | None) -> bool:
        """Something typed or chosen here that Cancel would throw away."""
        member = self.form.member
        if member is not None:
            return member.id != prefilled_member_id
        return bool(self.search.text().strip())
