"""The window's garbage-collection policy: app.tuning's process settings, then collections when idle."""

import gc
import sys
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app import tuning
from ui.common import gc_policy, workers


@pytest.fixture
def restore_gc() -> Iterator[None]:
    before = gc.get_threshold()
    switch = sys.getswitchinterval()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)
    sys.setswitchinterval(switch)


def test_window_tuning_freezes_and_idle_collects_only_when_no_worker_runs(
    qtbot: QtBot, restore_gc: None
) -> None:
    # What ui/application.py does once the desk shows its counts.
    tuning.tune_window_process()
    policy = gc_policy.install()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[2] == tuning.GEN2_THRESHOLD
    assert policy.timer.isActive() and policy.timer.interval() == tuning.IDLE_COLLECT_MS
    # A busy worker thread hands the interpreter back to the GUI thread within a millisecond.
    assert sys.getswitchinterval() == pytest.approx(tuning.WINDOW_SWITCH_INTERVAL_S)

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


def test_the_window_interval_set_during_a_handover_is_the_one_restored_after_it(restore_gc: None) -> None:
    sys.setswitchinterval(0.005)
    with tuning.outbox_handover():
        tuning.tune_window_process()
        assert sys.getswitchinterval() == pytest.approx(tuning.OUTBOX_HANDOVER_INTERVAL_S, abs=2e-6)
    assert sys.getswitchinterval() == pytest.approx(tuning.WINDOW_SWITCH_INTERVAL_S)
