"""The wizard's consent page: the disclosure, the consent statement, how consent was given, notes."""

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWizardPage,
)

from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.store.models import ConsentMethod
from ui.request.request_form import RequestForm
from ui.shell.context import UiContext

# How each consent method is named on screen: app.store.models.CONSENT_METHOD_LABELS, the words the batch
# file also accepts, marked here for lupdate (tests/test_wizard_french.py checks the two agree).
METHOD_LABELS: dict[ConsentMethod, str] = {
    ConsentMethod.IN_PERSON: QT_TRANSLATE_NOOP("CpcWizard", "In person"),
    ConsentMethod.PHONE: QT_TRANSLATE_NOOP("CpcWizard", "By phone"),
    ConsentMethod.SIGNED_FORM: QT_TRANSLATE_NOOP("CpcWizard", "Signed form"),
    ConsentMethod.PORTAL: QT_TRANSLATE_NOOP("CpcWizard", "Member portal"),
}


def consent_method_label(method: ConsentMethod) -> str:
    """A consent method as staff read it, in the desk's language."""
    return translate_marked("CpcWizard", METHOD_LABELS[method])


class ConsentPage(QWizardPage):
    """What will be disclosed, the statement read to the member, and how consent was given; writes the
    form's consent, method, statement and notes as they change."""

    def __init__(self, ctx: UiContext, form: RequestForm) -> None:
        super().__init__()
        self.ctx = ctx
        self.form = form
        self.setTitle(translate("CpcWizard", "Consent for Release of Information"))
        self.setSubTitle(
            translate("CpcWizard", "Read the statement to the member and record how consent was given.")
        )
        self.includes = QLabel()
        self.includes.setObjectName("disclosure")
        self.includes.setWordWrap(True)
        self.includes.setTextFormat(Qt.TextFormat.RichText)
        self.includes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.includes.setContentsMargins(8, 8, 8, 8)
        self.statement = QLabel(str(ctx.desk.settings.get("consent.statement")))
        self.statement.setObjectName("consentStatement")
        self.statement.setWordWrap(True)
        self.statement.setStyleSheet("font-weight: bold;")
        self.consent = QCheckBox(
            translate("CpcWizard", "The member &gives consent, as stated above (required)")
        )
        self.consent.setObjectName("consentGiven")
        self.method = QComboBox()
        self.method.setObjectName("consentMethod")
        self.method.addItem(translate("CpcWizard", "Choose how…"), None)
        for method in METHOD_LABELS:
            self.method.addItem(consent_method_label(method), method.value)
        method_label = QLabel(translate("CpcWizard", "&How consent was given *"))
        method_label.setBuddy(self.method)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        notes_label = QLabel(translate("CpcWizard", "N&otes for the file (optional)"))
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
            QLabel(
                translate(
                    "CpcWizard",
                    "The certificate will include the following, exactly as the register holds it:",
                )
            )
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
        form.consent_statement = self.statement.text()
        self.consent.toggled.connect(self._consent_changed)
        self.method.currentIndexChanged.connect(self._method_changed)
        self.notes.textChanged.connect(self._notes_changed)

    def _consent_changed(self, given: bool) -> None:
        self.form.consent_given = given
        self.completeChanged.emit()

    def _method_changed(self, _index: int) -> None:
        self.form.consent_method = self.consent_method()
        self.completeChanged.emit()

    def _notes_changed(self) -> None:
        self.form.notes = self.notes.toPlainText()

    def initializePage(self) -> None:
        # The form clears consent when the member changes: show what it holds, not what was ticked before.
        self.consent.setChecked(self.form.consent_given)
        method = self.form.consent_method
        self.method.setCurrentIndex(max(self.method.findData(method.value), 0) if method else 0)
        member = self.form.member
        if member is not None:
            rows = "".join(
                f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td>"
                f"<td>{html.escape(v)}</td></tr>"
                for k, v in member.disclosure
            )
            self.includes.setText(f"<table>{rows}</table>")
        actor = self.ctx.desk.actor
        self.recorded.setText(
            translate("CpcWizard", "Consent will be recorded as taken by {0} at the time you submit.").format(
                actor.display_name or actor.username
            )
        )

    def isComplete(self) -> bool:
        return self.consent.isChecked() and self.method.currentData() is not None

    def consent_method(self) -> ConsentMethod | None:
        value = self.method.currentData()
        return ConsentMethod(value) if value else None

    def has_data(self) -> bool:
        return self.consent.isChecked() or bool(self.notes.toPlainText().strip())
