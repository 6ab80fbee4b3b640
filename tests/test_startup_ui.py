"""Start-up as run_gui does it: the window paints, the counts show early, then the desk opens and signs in."""

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.store.models import OutboxState
from tests.factories import add_outbox_messages
from ui.common import workers
from ui.shell.application import DeskStarter
from ui.shell.main_window import MainWindow


def existing_desk(data_dir: Path, queued: int) -> None:
    desk = Desk.open(data_dir)
    desk.settings.set("mail.demo_server", "false")  # no listening socket in this test
    add_outbox_messages(desk, {OutboxState.QUEUED: queued})
    desk.close()


Started = tuple[MainWindow, DeskStarter, list[tuple[bool, str]]]


@pytest.fixture
def started(qtbot: QtBot, data_dir: Path) -> Iterator[Started]:
    """A shown window and its (not yet started) DeskStarter; the early counts it shows are recorded."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    early: list[tuple[bool, str]] = []
    show_early = window.show_early_status

    def record(status):  # type: ignore[no-untyped-def]
        early.append((window.ctx is None, window.db_label.text()))
        show_early(status)
        early.append((window.ctx is None, window.outbox_label.text()))

    window.show_early_status = record  # type: ignore[method-assign]
    starter = DeskStarter(window, argparse.Namespace(data_dir=str(data_dir), demo=True, offline=False))
    yield window, starter, early
    workers.wait_all(10_000)
    starter.stop()


def test_counts_show_before_the_desk_opens_then_the_desk_attaches(
    qtbot: QtBot, data_dir: Path, started: Started
) -> None:
    existing_desk(data_dir, queued=3)
    window, starter, early = started
    with qtbot.waitSignal(window.status_shown, timeout=20_000):
        starter.start()
    # The early counts came first, before any desk was attached, and said the same as the desk does.
    assert early == [(True, "Opening the database…"), (True, "Outbox: 3 waiting")]
    assert window.ctx is not None and window.ctx.desk.actor.username
    assert window.outbox_label.text() == "Outbox: 3 waiting"
    assert window.db_label.text() == f"Database: {window.ctx.desk.db.location}"


def test_first_start_has_no_early_counts_and_opens_all_the_same(qtbot: QtBot, started: Started) -> None:
    window, starter, early = started
    with qtbot.waitSignal(window.status_shown, timeout=30_000):
        starter.start()
    assert early == []
    assert window.ctx is not None
    assert window.outbox_label.text() == "Outbox: 0 waiting"


def test_a_tile_chosen_before_the_desk_opens_opens_once_it_has(
    qtbot: QtBot, data_dir: Path, started: Started
) -> None:
    existing_desk(data_dir, queued=0)
    window, starter, _early = started
    with qtbot.waitSignal(window.status_shown, timeout=20_000):
        starter.start()
        window.open_screen("outbox")
        assert window.ctx is None  # still opening: the choice waits
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.screens.get("outbox"), timeout=10_000)
