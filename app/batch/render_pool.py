"""The rendering half of a batch: certificates drawn and signed in worker processes, one per core.

reportlab is pure Python, so only processes use more than one core. Workers start with the `spawn`
method (no inherited database connections or Qt state), receive the signer once when they start, and
then turn `CertificateContent` values into signed PDFs. This module imports no database code, so a
worker loads only what drawing and signing need. With one worker everything runs in the calling
process (no start-up cost: the choice for tests and one-off reprints).
"""

import ctypes
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from app import i18n
from app.document.certificates import CertificateContent, needs_lazy_font, with_signing_fingerprint
from app.document.member_documents import draw_document
from app.document.signing import issue_document, sign_pdf
from app.faults import fault_point

_signer: Any = None


@dataclass(frozen=True)
class RenderedCertificate:
    number: str
    pdf: bytes
    sha256: str


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _die_with_parent(parent: int) -> None:
    """A worker whose batch process died (a crash, kill -9) must not live on holding its pipes open.

    The parent's pid comes from the parent itself: a worker still starting when the parent was
    killed already has a new parent, and must notice that at once.
    """
    if os.getppid() != parent:
        os._exit(1)
    if sys.platform.startswith("linux"):
        try:
            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # died between the first check and the death signal being set
            os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _init_worker(signer: Any, parent: int, language: str = "en") -> None:
    global _signer
    _die_with_parent(parent)
    if language != "en":  # a refusal a worker words reaches the desk that started it, in its language
        catalogue = i18n.catalogue(language)
        i18n.install(lambda context, source, n: catalogue.translate(context, source, n), language)
    # Ctrl-C in the terminal reaches the whole process group: the batch process decides what it means
    # (finish the certificates in hand, then stop); a worker must not die in the middle of one.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tune_memory()
    _signer = signer


_rendered = 0
_TRIM_EVERY = 16


def tune_memory() -> None:
    """Keep a long batch's memory flat (glibc): the 100 KB PDFs of each certificate are given their own
    mappings, returned to the system when freed, instead of fragmenting the heap; and the threads of
    the pool share two heaps rather than each growing its own."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6")
            m_mmap_threshold, m_arena_max = -3, -8
            libc.mallopt(m_mmap_threshold, 64 * 1024)
            libc.mallopt(m_arena_max, 2)
        except (OSError, AttributeError):
            pass


def release_free_memory() -> None:
    """Give the C heap's free pages back to the system (glibc keeps them after each render)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):
            pass


def _count_and_trim() -> None:
    global _rendered
    _rendered += 1
    if _rendered % _TRIM_EVERY == 0:
        release_free_memory()


def render_and_sign(content: CertificateContent, signer: Any = None) -> RenderedCertificate:
    """Draw and sign one certificate (in a worker: with the signer it was started with)."""
    # The crash tests' worker death on one certificate (CPC_DESK_FAULT=render-CPC-2026-000003): inert
    # unless that variable names it (app.faults).
    fault_point("render-" + content.number)
    _count_and_trim()
    issued = issue_document(content, signer if signer is not None else _signer)
    return RenderedCertificate(content.number, issued.pdf, issued.sha256)


def sign_rendered(number: str, pdf: bytes, signer: Any = None) -> RenderedCertificate:
    """Sign a certificate the issuing process has drawn (so that process never loads pyHanko)."""
    fault_point("render-" + number)
    _count_and_trim()
    signed = sign_pdf(pdf, signer if signer is not None else _signer)
    return RenderedCertificate(number, signed, hashlib.sha256(signed).hexdigest())


class _InlineExecutor(Executor):
    """Runs each job at once in this process; the Executor interface of the pool, without processes."""

    def __init__(self, signer: Any) -> None:
        self._signer = signer

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> "Future[Any]":
        future: Future[Any] = Future()
        try:
            if fn is render_and_sign:
                kwargs.setdefault("signer", self._signer)
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(exc)
        return future


class RenderPool:
    """`submit(content)` → a Future of RenderedCertificate, drawn in this process or a worker.

    `workers` counts every process that renders, this one included: with two, one worker process
    renders while this process files the next rows, and this process also renders whenever the
    worker already has enough queued. That uses both cores like two workers would, while keeping one
    copy fewer of the rendering stack (reportlab, the fonts) in memory. What this process draws, the
    worker signs, so pyHanko (~40 MB) is loaded in the worker only; certificates that need the CJK
    face always go to the worker, so this process never loads it either (~25 MB).

    `render_here=False` keeps every certificate out of this process (the desk window: a thread that
    renders holds the interpreter for long stretches and the window would stutter); `workers` then
    counts worker processes only.
    """

    def __init__(self, signer: Any, workers: int = 0, *, render_here: bool = True) -> None:
        self.workers = workers if workers > 0 else default_workers()
        self.signer = signer
        self.render_here = render_here
        tune_memory()
        self._inline = _InlineExecutor(signer)
        self._pool: ProcessPoolExecutor | None = None
        self._queued: set[Future[Any]] = set()
        processes = self.workers - 1 if render_here else self.workers
        # Tasks queued for the workers: enough to keep them busy while this process renders one itself
        # or writes an envelope group into the merged file.
        self._depth = 4 * processes
        if processes > 0:
            self._pool = ProcessPoolExecutor(
                max_workers=processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(signer, os.getpid(), i18n.language()),
            )
            # Start the workers now: they import and load fonts while this process checks the file.
            for _ in range(processes):
                self._pool.submit(os.getpid)

    @property
    def in_process(self) -> bool:
        return self._pool is None

    def submit(self, content: CertificateContent) -> "Future[RenderedCertificate]":
        content = with_signing_fingerprint(content, self.signer.fingerprint)
        if self._pool is None:
            return self._inline.submit(render_and_sign, content)
        self._queued = {f for f in self._queued if not f.done()}
        if len(self._queued) < self._depth or not self.render_here or needs_lazy_font(content):
            future = self._pool.submit(render_and_sign, content)
        else:
            # Drawn here while the worker is busy, signed there: signing is the worker's alone, so this
            # process never loads pyHanko (~40 MB) and the two share the drawing.

            future = self._pool.submit(sign_rendered, content.number, draw_document(content))
        self._queued.add(future)
        return future

    def close(self, *, cancel_pending: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel_pending)

    def __enter__(self) -> "RenderPool":
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close(cancel_pending=exc_type is not None)
