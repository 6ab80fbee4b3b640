"""Runs the outbox's sender in a worker thread: every minute, and soon after something is queued.

One run at a time: a request while a run is going is remembered and served when it ends. The GUI
thread only starts runs and hears how they went; `app.mail.outbox.send_due` does the work off it.
"""

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.i18n import translate
from app.mail.outbox import SendReport, send_due
from ui.common import workers
from ui.common.error_sentence import error_sentence
from ui.shell.context import UiContext

PERIOD_MS = 60_000
KICK_DELAY_MS = 400


class OutboxSender(QObject):
    started = Signal()
    finished = Signal(object)  # SendReport
    failed = Signal(str)
    progress = Signal(int, int, str)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent or ctx)
        self.ctx = ctx
        self.running = False
        self._again = False
        self._worker: workers.Worker | None = None
        self.last_report: SendReport | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(PERIOD_MS)
        self._timer.timeout.connect(self.kick)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(KICK_DELAY_MS)
        self._soon.timeout.connect(self.run_now)
        ctx.data_changed.connect(self.kick)

    def start(self) -> None:
        """Begin the periodic runs (idempotent) and make a first one soon."""
        if not self._timer.isActive():
            self._timer.start()
            self.kick()

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()
        if self._worker is not None:
            self._worker.cancel()

    def kick(self) -> None:
        """Ask for a run shortly (several asks in a row make one run)."""
        self._soon.start()

    def run_now(self) -> None:
        if self.running:
            self._again = True
            return
        desk = self.ctx.desk
        if desk.is_offline:
            return
        self.running = True
        self.started.emit()

        def job(progress: Any, cancelled: Any) -> SendReport:
            return send_due(desk, progress=progress, cancelled=cancelled)

        self._worker = workers.start(
            job, on_finished=self._finished, on_failed=self._failed, on_progress=self.progress.emit
        )

    def _done(self) -> None:
        self.running = False
        self._worker = None
        if self._again:
            self._again = False
            self.kick()

    def _finished(self, report: SendReport) -> None:
        self.last_report = report
        self._done()
        self.finished.emit(report)
        if report.attempted or report.cancelled or report.paused:
            if report.sent and report.ok:
                self.ctx.status_message.emit(
                    translate("OutboxSender", "Outbox: %n message(s) sent.", None, report.sent)
                )
            elif not report.ok:
                self.ctx.status_message.emit(
                    translate("OutboxSender", "Outbox: {0}").format(report.summary())
                )
            self.ctx.data_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        message = error_sentence(exc)
        self._done()
        self.failed.emit(message)
        self.ctx.status_message.emit(translate("OutboxSender", "Outbox: sending failed: {0}").format(message))


def sender_for(ctx: UiContext) -> OutboxSender:
    """The one sender of a window (made on first use)."""
    sender = getattr(ctx, "_outbox_sender", None)
    if not isinstance(sender, OutboxSender):
        sender = OutboxSender(ctx)
        ctx._outbox_sender = sender  # type: ignore[attr-defined]
    return sender
