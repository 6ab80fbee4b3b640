"""Every process-wide interpreter setting CPC Desk makes, each with the measurement that justifies it.

Two kinds, and who applies them:

- the window's process (`tune_window_process`, called by ui/application.py once the desk shows its
  counts; bench/bench_stalls.py applies it the same way): the garbage collector and the thread switch
  interval are set for the life of the process;
- a shorter switch interval only while threads hand work to each other (`batch_handover`,
  `outbox_handover`), in whichever process runs the batch or the outbox, the command line included,
  because the headless benchmarks of those two commands show the need (see each constant).

Everything else runs with the interpreter's defaults. A new setting belongs here, with its benchmark.
"""

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

# --- The window's process -------------------------------------------------------------------------
# A full (generation-2) collection holds the GIL for 70-260 ms once the desk has loaded SQLAlchemy, Qt
# and reportlab, and by default it comes whenever the allocation counters say, which is often in the
# middle of a Submit or a batch (bench/bench_stalls.py, `--gc python` against `--gc product`). After
# start-up what is loaded is frozen out of the collector's view, automatic full collections are made
# rare, and ui/gc_policy.py runs a full collection when the desk is idle instead.
GEN2_THRESHOLD = 1_000_000
# How often the window looks for an idle moment (no worker running) to run that full collection.
IDLE_COLLECT_MS = 30_000
# Worker threads (a batch filing rows and merging, an import, the outbox) run Python beside the GUI
# thread, and the GUI thread needs the interpreter lock several times to handle one event; at Python's
# default 5 ms switch interval each of those waits can take 5 ms, and a repaint or a keystroke comes tens
# of milliseconds late (bench/bench_stalls.py: the GUI thread's longest stall, goal <= 50 ms). The
# window's process switches every millisecond instead.
WINDOW_SWITCH_INTERVAL_S = 0.001

# --- While threads hand work over (any process) -----------------------------------------------------
# The batch: the render pool's threads in the batch process feed the worker process its next
# certificate while the batch's own thread draws and files for long stretches; at the default 5 ms the
# worker often sat idle waiting for them, about 2 s of 15 in a 1,000-certificate batch. Measured by
# bench/bench_batch.py, which runs the headless `run_requests_file` (README: batch of 1000 end to end,
# goal <= 0.6x the single-process loop on 2 cores), so it applies to `cpc-desk batch` too.
BATCH_HANDOVER_INTERVAL_S = 0.0002
# The outbox: the sending thread blocks on the socket for each message and must then win the GIL back
# from the thread building the next one; at the default interval that wait (up to 5 ms a message) cost
# more than the overlap gained. Measured by bench/bench_outbox.py, which runs the headless `send_due`
# as `cpc-desk outbox send` does: 0.82x a bare smtplib loop at 5 ms, 0.86x at 0.5 ms, ~1x at 0.2 ms
# (goal >= 0.8x), so it applies to the command line too.
OUTBOX_HANDOVER_INTERVAL_S = 0.0002

_lock = threading.Lock()
_users = 0
_saved = 0.0


def tune_window_process() -> None:
    """The window's settings: what start-up loaded is frozen, full collections rare, switches prompt."""
    global _saved
    gc.collect()
    gc.freeze()
    young, middle, _old = gc.get_threshold()
    gc.set_threshold(young, middle, GEN2_THRESHOLD)
    with _lock:
        if _users:  # a hand-over is on: the window's interval is the one it restores
            _saved = min(_saved, WINDOW_SWITCH_INTERVAL_S)
        sys.setswitchinterval(min(sys.getswitchinterval(), WINDOW_SWITCH_INTERVAL_S))


def collect_when_idle() -> None:
    """The full collection the window's process runs in an idle moment instead of mid-task."""
    gc.collect()


@contextmanager
def prompt_handover(interval_s: float) -> Iterator[None]:
    """Inside the block the switch interval is at most `interval_s` seconds.

    Blocks may nest and overlap across threads; the interval in force before the first one is restored
    after the last."""
    global _users, _saved
    with _lock:
        if _users == 0:
            _saved = sys.getswitchinterval()
        _users += 1
        sys.setswitchinterval(min(sys.getswitchinterval(), interval_s))
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                sys.setswitchinterval(_saved)


def batch_handover() -> AbstractContextManager[None]:
    """While a batch's render pool feeds a worker process (see BATCH_HANDOVER_INTERVAL_S)."""
    return prompt_handover(BATCH_HANDOVER_INTERVAL_S)


def outbox_handover() -> AbstractContextManager[None]:
    """While an outbox run's sending thread talks to the server (see OUTBOX_HANDOVER_INTERVAL_S)."""
    return prompt_handover(OUTBOX_HANDOVER_INTERVAL_S)
