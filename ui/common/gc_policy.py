"""Full garbage collections in the window's idle moments (the settings behind it are in app/tuning.py).

After `app.tuning.tune_window_process` has made automatic full collections rare, this timer runs one
when no worker is busy, so the collector's pause never lands in the middle of a Submit or a batch.
"""

from PySide6.QtCore import QObject, QThreadPool, QTimer

from app import tuning


class GcPolicy(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(tuning.IDLE_COLLECT_MS)
        self.timer.timeout.connect(self.collect_if_idle)
        self.timer.start()
        self.collections = 0

    def collect_if_idle(self) -> bool:
        """Run a full collection now unless a worker is busy (then try again next time)."""
        if QThreadPool.globalInstance().activeThreadCount():
            return False
        tuning.collect_when_idle()
        self.collections += 1
        return True


def install(parent: QObject | None = None) -> GcPolicy:
    """The idle collector of the window's process (ui/application.py, after tune_window_process)."""
    return GcPolicy(parent)
