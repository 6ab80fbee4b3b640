"""The Certificate of Professional Conduct request wizard: member → recipients → consent → review → done.

Each page is its own module and writes its part of one RequestForm; no page reads another's widgets.
Nothing is written before Submit; Submit hands the form's one RequestDraft to
app.issuing.requests.submit_request off the GUI thread, then delivery (app.mail.outbox.send_due) runs in
another worker. A field the service refuses comes back as the exception and is marked on its page.
"""

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from app.document.verification_address import verification_link
from app.errors import CpcDeskError
from app.i18n import translate
from app.issuing.requests import (
    MemberSummary,
    RequestDraft,
    SubmitResult,
    export_certificate_pdf,
    find_request_by_key,
    member_summary,
    recent_similar_requests,
    request_result,
    submit_request,
)
from app.store.models import OutboxState, RequestStatus
from ui.common import messages, workers
from ui.common.error_sentence import error_sentence
from ui.common.field_errors import field_errors, show_error
from ui.common.pdf_view import show_pdf
from ui.request.consent_page import ConsentPage
from ui.request.done_page import DonePage
from ui.request.member_page import MemberPage
from ui.request.recipient_page import RecipientPage
from ui.request.request_form import RequestForm
from ui.request.review_page import ReviewPage
from ui.shell.context import UiContext


class CpcWizard(QWizard):
    """File a CPC request for a member; `open()` it. Submit happens once, however often it is pressed."""

    def __init__(self, ctx: UiContext, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = RequestForm()  # every page writes its part here; Submit files form.to_draft()
        self.prefilled_member_id = member_id
        self.result_: SubmitResult | None = None
        self.submitting = False
        self.asking = False
        self.duplicates_confirmed = False
        self.submit_count = 0  # Submit jobs started (one per wizard, whatever is clicked)
        self.delivering = False
        self.closed = False
        ctx.data_changed.connect(self._delivery_changed_elsewhere)
        self.setObjectName("cpcWizard")
        self.setWindowTitle(translate("CpcWizard", "Certificate of Professional Conduct — new request"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.NextButton, translate("CpcWizard", "&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("CpcWizard", "< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("CpcWizard", "&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("CpcWizard", "Cancel"))
        self.setMinimumSize(900, 640)
        self.resize(1000, 700)

        self.member_page = MemberPage(ctx, self.form)
        self.recipient_page = RecipientPage(ctx, self.form)
        self.consent_page = ConsentPage(ctx, self.form)
        self.review_page = ReviewPage(self, self.form)
        self.done_page = DonePage(self)
        for page in (
            self.member_page,
            self.recipient_page,
            self.consent_page,
            self.review_page,
            self.done_page,
        ):
            self.addPage(page)
        self._page_id = self.currentId()
        self._returning_for_errors = False
        self.currentIdChanged.connect(self._page_changed)
        if member_id is not None:
            try:
                summary = member_summary(ctx.desk, ctx.desk.actor, member_id)
            except CpcDeskError as exc:
                show_error(self.member_page.error, str(exc))
            else:
                self.member_page.prefill(summary)

    # --- the request -------------------------------------------------------------------------

    @property
    def idempotency_key(self) -> str:
        return self.form.idempotency_key

    @property
    def member(self) -> MemberSummary | None:
        return self.form.member

    def draft(self) -> RequestDraft:
        """The one request object Submit hands to submit_request."""
        return self.form.to_draft()

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
                similar = recent_similar_requests(self.ctx.desk, self.ctx.desk.actor, self.draft())
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
                        self.review_page.show_status(
                            translate(
                                "CpcWizard",
                                "Not submitted. Look the earlier request up in the Assistance Desk.",
                            )
                        )

                messages.ask(
                    self,
                    translate("CpcWizard", "File another request?"),
                    translate(
                        "CpcWizard",
                        "This member already has a recent request to the same address:\n{0}\n\n"
                        "File another one?",
                    ).format("\n".join(similar)),
                    on_yes=lambda: answered(True),
                    on_no=lambda: answered(False),
                )
                return
        self.submitting = True
        self.submit_count += 1
        self._set_busy(True)
        self.review_page.show_failure("")
        self.review_page.show_status(
            translate("CpcWizard", "Submitting… issuing and signing the certificates.")
        )
        desk, actor, draft = self.ctx.desk, self.ctx.desk.actor, self.draft()

        def job(_progress: Any, _cancelled: Any) -> SubmitResult:
            try:
                return submit_request(desk, actor, draft)
            except CpcDeskError:
                raise
            except Exception:
                # Something failed after the commit (or the reply was lost): report what was filed,
                # never "nothing was issued" when it was.
                found = find_request_by_key(desk, desk.actor, draft.idempotency_key)
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

    def _submit_failed(self, exc: BaseException) -> None:
        """Nothing was filed. A recipient's field the service refused (its directory entry was deleted
        meanwhile, say) is marked on the recipient page, where it can be corrected; the rest is said here."""
        self.submitting = False
        if self.closed:
            return
        self._set_busy(False)
        recipient_errors = [e for e in field_errors(exc) if self.recipient_page.owns(e.field)]
        if recipient_errors:
            self.review_page.show_failure("")
            self.review_page.show_status("")
            self._returning_for_errors = True  # show_submit_errors chooses the recipient to take back
            try:
                while self.currentPage() is not self.recipient_page and self.currentId() > 0:
                    self.back()
            finally:
                self._returning_for_errors = False
            self.recipient_page.show_submit_errors(recipient_errors)
            return
        self.review_page.show_failure(
            translate("CpcWizard", "Nothing was issued: {0}. Correct it and press Submit again.").format(
                error_sentence(exc)
            )
        )

    def _submitted(self, result: SubmitResult) -> None:
        self.submitting = False
        self.result_ = result
        if self.closed:
            return
        self._set_busy(False)
        self.ctx.data_changed.emit()
        self.ctx.status_message.emit(
            translate("CpcWizard", "Request {0} filed for {1}").format(
                result.request_number, result.member_name
            )
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
            self.done_page.show_delivery(
                translate(
                    "CpcWizard",
                    "Offline mode: the email waits in the outbox and is sent when the desk is back online.",
                )
            )
            return
        self.delivering = True
        self.done_page.show_delivery(translate("CpcWizard", "Sending the email…"))
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
            return request_result(desk, desk.actor, request_id), problem

        workers.start(job, on_finished=self._delivered, on_failed=self._delivery_failed)

    def _page_changed(self, page_id: int) -> None:
        came_back = page_id < self._page_id
        self._page_id = page_id
        if came_back and self.page(page_id) is self.recipient_page and not self._returning_for_errors:
            self.recipient_page.came_back()

    def _delivery_changed_elsewhere(self) -> None:
        """The outbox (or another screen) changed something: the final page shows each message's state
        as it is now, not as it was when this request was submitted."""
        result = self.result_
        if result is None or result.status != RequestStatus.ISSUED or self.delivering or self.closed:
            return
        try:
            fresh = request_result(self.ctx.desk, self.ctx.desk.actor, result.request_id)
        except CpcDeskError:
            return
        fresh.already_submitted = result.already_submitted
        if [(r.delivery_state, r.delivery_error) for r in fresh.recipients] != [
            (r.delivery_state, r.delivery_error) for r in result.recipients
        ]:
            self.result_ = fresh
            self.done_page.show_result()

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
            text = translate("CpcWizard", "Every certificate was delivered to the mail server.")
        elif problem:
            text = translate("CpcWizard", "Delivery will be retried from the outbox: {0}").format(problem)
        else:
            text = translate(
                "CpcWizard", "Messages not yet sent wait in the outbox and are retried automatically."
            )
        self.done_page.show_delivery(text)
        self.ctx.data_changed.emit()

    def _delivery_failed(self, exc: BaseException) -> None:
        self.delivering = False
        if self.closed:
            return
        self.done_page.show_delivery(
            translate(
                "CpcWizard", "The certificates are issued and wait in the outbox; sending failed for now: {0}"
            ).format(error_sentence(exc))
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
            return str(
                export_certificate_pdf(
                    self.ctx.desk, self.ctx.desk.actor, r.certificate_id, r.certificate_number
                )
            )
        except CpcDeskError as exc:
            messages.error(self, translate("CpcWizard", "Open PDF"), str(exc))
            return None

    def open_pdf(self) -> None:
        path = self.save_selected_pdf()
        if path is not None:
            # No PDF application on this computer: the certificate is shown in the desk instead.
            self.pdf_window = show_pdf(self, Path(path))

    def print_pdf(self, printer: Any = None) -> QDialog | None:
        """Open the print dialog for the selected certificate; once printed, it is recorded as printed."""
        from ui.batch.certificate_printing import open_print_dialog

        r = self.selected_result()
        if r is None or r.certificate_id is None or not r.pdf_available:
            return None
        number = r.certificate_number

        def recorded() -> None:
            self.ctx.status_message.emit(translate("CpcWizard", "{0} printed").format(number))
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
            self.ctx.status_message.emit(
                translate("CpcWizard", "Verification code {0} copied").format(r.verification_code)
            )

    def open_verification_page(self) -> None:
        """The selected certificate's verification page, in the system browser."""
        r = self.selected_result()
        if r is not None and r.verification_code:
            base = str(self.ctx.desk.settings.get("verification.url"))
            QDesktopServices.openUrl(QUrl(verification_link(base, r.certificate_number, r.verification_code)))

    def start_another(self) -> None:
        member = self.member
        self.accept()
        if member is not None:
            self.ctx.start_cpc_request(member.id)

    # --- cancel -------------------------------------------------------------------------------

    def has_data(self) -> bool:
        return (
            self.member_page.has_data(self.prefilled_member_id)
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
            translate("CpcWizard", "Cancel this request?"),
            translate(
                "CpcWizard", "What you entered will be discarded; no request is filed. Cancel the request?"
            ),
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
