"""When Python's garbage collector may pause the GUI thread.

A full (generation-2) collection holds the GIL for 70-260 ms once the desk has loaded SQLAlchemy, Qt and
reportlab, and by default it comes whenever the allocation counters say, which is often in the middle of a
Submit or a batch. After start-up, what is loaded is frozen out of the collector's view, automatic full
collections are made rare, and a full collection runs instead when the desk is idle (no worker running
and no input for a while).
"""

import gc

from PySide6.QtCore import QObject, QThreadPool, QTimer

IDLE_COLLECT_MS = 30_000
GEN2_THRESHOLD = 1_000_000


class GcPolicy(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.collect()
        gc.freeze()
        young, middle, _old = gc.get_threshold()
        gc.set_threshold(young, middle, GEN2_THRESHOLD)
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
