"""Run app/ functions off the GUI thread and report back through signals.

A job is a plain callable `fn(progress, cancelled) -> result` where `progress(done, total, text)` may be
called from the worker thread and `cancelled()` tells it to stop at the next safe point. The Worker turns
those into `progress(int, int, str)`, `finished(object)` and `failed(object)` signals delivered on the GUI
thread. `failed` carries the exception itself, so a form can mark each field a ValidationErrors names;
ui.common.error_sentence turns it into the sentence staff see. Widgets are never touched from the worker
thread.
"""

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import CpcDeskError

log = logging.getLogger(__name__)
ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]
Job = Callable[[ProgressFn, CancelledFn], Any]

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)  # the exception the job raised


class Worker(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the owner keeps a reference until `finished`/`failed`

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.job(self.signals.progress.emit, self._cancel.is_set)
        except CpcDeskError as exc:  # raised on purpose: the screen shows it, nothing to log
            self.signals.failed.emit(exc)
        except Exception as exc:  # noqa: BLE001 - staff see a sentence, the log gets the traceback
            log.exception("unexpected error in a worker job (%s)", _job_name(self.job))
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def _job_name(job: Job) -> str:
    return getattr(job, "__qualname__", type(job).__name__)


_running: set[Worker] = set()


def _guarded(callback: Callable[..., None], owner: QObject | None) -> Callable[..., None]:
    """Run `callback` only while its owner widget still exists: a job may end after its screen closed."""
    target = owner if owner is not None else getattr(callback, "__self__", None)
    if not isinstance(target, QObject):
        return callback

    def call(*args: Any) -> None:
        if shiboken6.isValid(target):
            callback(*args)

    return call


def start(
    job: Job,
    *,
    on_finished: Callable[[Any], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> Worker:
    """Start `job` on the thread pool; the callbacks run on the GUI thread, and not at all once `owner`
    (or, for a bound method, the object it belongs to) has been destroyed."""
    worker = Worker(job)
    _running.add(worker)
    if on_progress is not None:
        worker.signals.progress.connect(_guarded(on_progress, owner))
    if on_finished is not None:
        worker.signals.finished.connect(_guarded(on_finished, owner))
    if on_failed is not None:
        worker.signals.failed.connect(_guarded(on_failed, owner))
    worker.signals.finished.connect(lambda _r: _running.discard(worker))
    worker.signals.failed.connect(lambda _e: _running.discard(worker))
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Wait for every pool job (used at quit and in tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
