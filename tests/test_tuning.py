"""app/tuning.py: the hand-over blocks, and headless commands left with the interpreter's defaults."""

import gc
import sys
import threading
from pathlib import Path

import pytest

from app import tuning
from tests.cli_runner import run_cli


def test_prompt_handover_blocks_nest_and_overlap_and_restore_the_interval_after_the_last() -> None:
    before = sys.getswitchinterval()
    entered, release = threading.Event(), threading.Event()

    def other_thread() -> None:
        with tuning.prompt_handover(0.0005):
            entered.set()
            release.wait(5)

    with tuning.prompt_handover(0.001):
        assert sys.getswitchinterval() == pytest.approx(0.001)
        thread = threading.Thread(target=other_thread)
        thread.start()
        assert entered.wait(5)
        assert sys.getswitchinterval() == pytest.approx(0.0005)  # the shorter one wins
        with tuning.prompt_handover(0.002):  # a longer one never lengthens it
            assert sys.getswitchinterval() == pytest.approx(0.0005)
    assert sys.getswitchinterval() == pytest.approx(0.0005)  # the other thread's block is still on
    release.set()
    thread.join(5)
    assert sys.getswitchinterval() == before


def test_the_batch_and_outbox_blocks_use_their_measured_intervals() -> None:
    before = sys.getswitchinterval()
    with tuning.batch_handover():
        assert sys.getswitchinterval() == pytest.approx(tuning.BATCH_HANDOVER_INTERVAL_S, abs=2e-6)
    with tuning.outbox_handover():
        assert sys.getswitchinterval() == pytest.approx(tuning.OUTBOX_HANDOVER_INTERVAL_S, abs=2e-6)
    assert sys.getswitchinterval() == before


def _run(words: list[str]) -> int:
    return run_cli(words)


def test_a_headless_command_leaves_the_collector_and_switch_interval_as_the_interpreter_set_them(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gc.unfreeze()  # an earlier test's window tuning may have frozen objects, which die off one by one
    thresholds, switch = gc.get_threshold(), sys.getswitchinterval()
    assert _run(["--demo", "members", "search", "cote helene"]) == 0
    assert "Côté" in capsys.readouterr().out
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0
    assert sys.getswitchinterval() == switch
