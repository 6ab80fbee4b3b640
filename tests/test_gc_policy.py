"""The garbage-collection policy: frozen start-up objects, rare automatic full collections, idle collects."""

import gc
import sys
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.common import gc_policy, workers


@pytest.fixture
def restore_gc() -> Iterator[None]:
    before = gc.get_threshold()
    switch = sys.getswitchinterval()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)
    sys.setswitchinterval(switch)


def test_policy_freezes_and_collects_only_when_no_worker_runs(qtbot: QtBot, restore_gc: None) -> None:
    policy = gc_policy.install()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[2] == gc_policy.GEN2_THRESHOLD
    assert policy.timer.isActive()
    # A busy worker thread hands the interpreter back to the GUI thread within a millisecond.
    assert sys.getswitchinterval() == pytest.approx(gc_policy.SWITCH_INTERVAL_S)

    import threading

    release = threading.Event()
    running = threading.Event()

    def job(_progress: object, _cancelled: object) -> None:
        running.set()
        release.wait(10)

    done: list[object] = []
    workers.start(job, on_finished=done.append)
    assert running.wait(10)
    assert policy.collect_if_idle() is False  # a worker is busy: no pause now
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    qtbot.waitUntil(lambda: policy.collect_if_idle(), timeout=10_000)
    assert policy.collections == 1
