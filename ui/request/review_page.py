"""The wizard's review page: the whole request and each certificate's preview, then Submit."""

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.access.staff import Actor
from app.errors import CpcDeskError
from app.i18n import translate
from app.issuing.requests import preview_pdf, validity_note
from ui.common import workers
from ui.common.certificate_language import language_label
from ui.common.error_sentence import error_sentence
from ui.common.field_errors import ERROR_STYLE, error_label, show_error
from ui.desk.assistance import status_words
from ui.request.consent_page import consent_method_label
from ui.request.request_form import RequestForm

if TYPE_CHECKING:
    from ui.request.wizard import CpcWizard


def summary_html(form: RequestForm, actor: Actor) -> str:
    """The request as it will be filed, for staff to check before Submit."""
    member = form.member
    if member is None:
        return ""
    e = html.escape

    def heading(text: str) -> str:
        return f"<h3>{e(text)}</h3>"

    # translate() is never called inside an f-string: lupdate does not look there.
    parts = [heading(translate("CpcWizard", "Member"))]
    cpso = translate("CpcWizard", "CPSO# {0}").format(member.cpso_number)
    parts.append(
        f"<p><b>{e(member.full_name)}</b> — {e(cpso)}<br>"
        f"{e(member.registration_class)}, {e(status_words(member.status).lower())}</p>"
    )
    if member.review_reasons:
        parts.append(
            "<p style='color:#8a4b00'>"
            + translate("CpcWizard", "<b>Will go to a registrar for review:</b> {0}").format(
                e("; ".join(member.review_reasons))
            )
            + "</p>"
        )
    parts.append(heading(translate("CpcWizard", "Recipients")))
    for i, r in enumerate(form.recipients, start=1):
        lines = "<br>".join(e(line) for line in r.address_lines())
        saved = (
            translate("CpcWizard", " (will be saved to the directory, unverified)")
            if r.save_to_directory
            else ""
        )
        parts.append(
            f"<p><b>{i}.</b> {lines}<br>"
            + translate("CpcWizard", "Email: <b>{0}</b>").format(e(r.email))
            + "<br>"
            + translate("CpcWizard", "Certificate language: <b>{0}</b>").format(e(language_label(r.language)))
            + f"<br><i>{e(r.institution_type)}</i>{e(saved)}</p>"
        )
    parts.append(heading(translate("CpcWizard", "What the certificate will disclose")) + "<table>")
    for label, value in member.disclosure:
        parts.append(f"<tr><td style='padding-right:10px'>{e(label)}</td><td>{e(value)}</td></tr>")
    parts.append("</table>")
    method = form.consent_method
    parts.append(heading(translate("CpcWizard", "Consent")))
    parts.append(
        "<p>"
        + e(
            translate(
                "CpcWizard", "Given by the member ({method}); recorded by {who} when you submit."
            ).format(
                method=consent_method_label(method).lower() if method else "—",
                who=actor.display_name or actor.username,
            )
        )
        + "<br><i>"
        + e(translate("CpcWizard", "“{0}”").format(form.consent_statement))
        + "</i></p>"
    )
    notes = form.notes.strip()
    if notes:
        parts.append("<p>" + translate("CpcWizard", "Notes: {0}").format(e(notes)) + "</p>")
    return "".join(parts)


class ReviewPage(QWizardPage):
    """The request as the form holds it and a preview of each certificate; Submit (this page's Next) asks
    the wizard to file it, and stays here until the wizard has a result."""

    def __init__(self, wizard: "CpcWizard", form: RequestForm) -> None:
        super().__init__()
        self.w = wizard  # for the wizard's own state (its result, whether it closed) and its Submit
        self.form = form
        self.setTitle(translate("CpcWizard", "Review"))
        self.setSubTitle(
            translate("CpcWizard", "Check the details and the certificate as it will be issued, then Submit.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("CpcWizard", "&Submit"))
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
        self.error = error_label()
        # Why a certificate is valid for less than the usual period (the registration expires sooner)
        self.validity = QLabel()
        self.validity.setObjectName("validityNote")
        self.validity.setWordWrap(True)
        self.validity.hide()
        split = QHBoxLayout()
        split.addWidget(scroll, 1)
        split.addWidget(self.previews, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(split, 1)
        layout.addWidget(self.validity)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.preview_docs: list[QPdfDocument] = []
        self._buffers: list[QBuffer] = []
        self.preview_errors: list[str] = []
        self.previews_done = False
        self._preview_token = 0

    def initializePage(self) -> None:
        show_error(self.error, "")
        self.status.clear()
        self.summary.setText(summary_html(self.form, self.w.ctx.desk.actor))
        self._show_validity_note()
        self._start_previews()

    def _show_validity_note(self) -> None:
        notes: list[str] = []
        member = self.form.member
        if member is not None:
            for kind in dict.fromkeys(r.institution_type for r in self.form.recipients):
                try:
                    note = validity_note(self.w.ctx.desk, member.id, kind)
                except CpcDeskError:
                    continue
                if note and note not in notes:
                    notes.append(note)
        self.validity.setText("\n".join(notes))
        self.validity.setVisible(bool(notes))

    def _start_previews(self) -> None:
        self.previews.clear()
        self.preview_docs.clear()
        self._buffers.clear()
        self.preview_errors = []
        self.previews_done = False
        self._preview_token += 1
        token = self._preview_token
        recipients = list(self.form.recipients)
        member = self.form.member
        if member is None or not recipients:
            return
        for r in recipients:
            waiting = QLabel(translate("CpcWizard", "Rendering the preview…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.previews.addTab(waiting, r.name[:30])
        desk = self.w.ctx.desk

        def job(_progress: Any, _cancelled: Any) -> list[bytes | str]:
            out: list[bytes | str] = []
            for r in recipients:
                try:
                    out.append(preview_pdf(desk, desk.actor, member.id, r))
                except CpcDeskError as exc:
                    out.append(str(exc))
            return out

        workers.start(
            job,
            on_finished=lambda result: self._show_previews(token, result),
            on_failed=lambda exc: self._preview_failed(token, error_sentence(exc)),
            owner=self,
        )

    def _preview_failed(self, token: int, message: str) -> None:
        if token != self._preview_token or self.w.closed:
            return
        self.preview_errors = [message]
        self.previews_done = True
        show_error(self.error, translate("CpcWizard", "The preview could not be made: {0}").format(message))

    def _show_previews(self, token: int, result: list[bytes | str]) -> None:
        if token != self._preview_token or self.w.closed:
            return
        recipients = self.form.recipients
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
            show_error(
                self.error,
                translate("CpcWizard", "This certificate cannot be issued as entered: {0}").format(
                    "; ".join(self.preview_errors)
                ),
            )

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_failure(self, text: str) -> None:
        self.status.clear()
        show_error(self.error, text)

    def validatePage(self) -> bool:
        if self.w.result_ is not None:
            return True
        if self.preview_errors:
            return False
        self.w.submit()
        return False
