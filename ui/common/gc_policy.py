"""How the interpreter is kept from pausing the GUI thread: when the garbage collector runs, and how soon
a busy worker thread hands the interpreter back.

A full (generation-2) collection holds the GIL for 70-260 ms once the desk has loaded SQLAlchemy, Qt and
reportlab, and by default it comes whenever the allocation counters say, which is often in the middle of a
Submit or a batch. After start-up, what is loaded is frozen out of the collector's view, automatic full
collections are made rare, and a full collection runs instead when the desk is idle (no worker running
and no input for a while).

Worker threads (a batch filing rows and merging, an import, the outbox) run Python beside the GUI thread,
and the GUI thread needs the interpreter lock several times to handle one event; at Python's default
5 ms switch interval each of those waits can take 5 ms, and a repaint or a keystroke comes tens of
milliseconds late. The desk's process switches every millisecond instead.
"""

import gc
import sys

from PySide6.QtCore import QObject, QThreadPool, QTimer

IDLE_COLLECT_MS = 30_000
GEN2_THRESHOLD = 1_000_000
SWITCH_INTERVAL_S = 0.001


class GcPolicy(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.collect()
        gc.freeze()
        young, middle, _old = gc.get_threshold()
        gc.set_threshold(young, middle, GEN2_THRESHOLD)
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        self.timer = QTimer(self)
        self.timer.setInterval(IDLE_COLLECT_MS)
        self.timer.timeout.connect(self.collect_if_idle)
        self.timer.start()
        self.collections = 0

    def collect_if_idle(self) -> bool:
        """Run a full collection now unless a worker is busy (then try again next time)."""
        if QThreadPool.globalInstance().activeThreadCount():
            return False
        gc.collect()
        self.collections += 1
        return True


def install(parent: QObject | None = None) -> GcPolicy:
    return GcPolicy(parent)
