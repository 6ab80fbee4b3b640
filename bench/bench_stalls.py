"""GUI responsiveness: how long the GUI thread's event loop goes unserved while staff work.

A QTimer fires every 5 ms on the GUI thread and records the time between its ticks; a tick that comes
late means the event loop was blocked (by a slot doing work, or by a worker thread holding the GIL) and
the window could not repaint or take a keystroke. The real screens are driven as staff use them:

- search: the Assistance Desk's search box, typed into one key at a time (80 ms per key), a dozen names
  and CPSO numbers, each until its results are shown;
- submit: the CPC request wizard's Submit, from the click until the done page shows the email delivered
  (issue, sign, store, send — to an SMTP server on 127.0.0.1);
- batch: the Batch Printing screen running a requests file (issue, sign, store, print file);
- outbox: the GUI's outbox sender delivering the messages the batch queued;
- browse: Batch Printing opened with 1,000 certificates awaiting printing, its choices clicked and an
  institution typed (the screen counts what each choice selects).

The baseline is the same timer on an idle event loop, in the same run. Each activity reports its
longest gap and its 99th percentile; the goal is that no gap exceeds 50 ms.

    .venv/bin/python bench/bench_stalls.py [--quick]
"""

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

GOAL_MS = 50.0
TICK_MS = 5

SERVER = r"""
import sys
sys.path.insert(0, sys.argv[1])
from app.mail.demo_mailbox import LoopbackController
class Sink:
    async def handle_DATA(self, server, session, envelope):
        return "250 2.0.0 Accepted"
c = LoopbackController(Sink(), "127.0.0.1", 0)
c.start()
print(c.port, flush=True)
sys.stdin.readline()
c.stop()
"""


class StallMeter(QObject):
    """Records the gaps between the ticks of a precise 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        # the time from the last tick to now counts too: a block at the very end is a block
        self.gaps.append((time.perf_counter() - self._last) * 1000)
        return self.gaps


def wait_until(condition: Callable[[], bool], timeout_s: float = 300.0) -> None:
    """Run the event loop until `condition` holds, checking it every 2 ms.

    A real QEventLoop, as the application runs: QTest.qWait would sleep up to 10 ms between rounds
    of event processing, and those sleeps would show up as stalls that are not the application's.
    """
    if condition():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    timed_out: list[bool] = []

    def check() -> None:
        if condition():
            loop.quit()
        elif time.monotonic() > deadline:
            timed_out.append(True)
            loop.quit()

    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    if timed_out:
        raise TimeoutError("the activity did not finish in time")


def spin(ms: int) -> None:
    """Let the event loop run for `ms` milliseconds."""
    end = time.monotonic() + ms / 1000
    wait_until(lambda: time.monotonic() >= end)


def trace_gc() -> None:
    """With --trace: print every garbage collection that takes over 20 ms (it holds the GIL throughout)."""
    import gc

    started: list[float] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[:] = [time.perf_counter()]
        elif started:
            took = (time.perf_counter() - started[0]) * 1000
            if took > 20:
                print(
                    f"--- gc generation {info['generation']}: {took:.0f} ms, {info['collected']} collected",
                    file=sys.stderr,
                    flush=True,
                )

    gc.callbacks.append(callback)


class StallTracer:
    """With --trace: a watcher thread that prints the GUI thread's Python stack during a long stall."""

    def __init__(self, meter: "StallMeter", threshold_ms: float = GOAL_MS) -> None:
        import threading

        self.meter = meter
        self.threshold = threshold_ms / 1000
        self.gui = threading.get_ident()
        self.seen: set[float] = set()
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        import threading
        import traceback

        while True:
            time.sleep(0.01)
            last = self.meter._last
            try:
                active = self.meter.timer.isActive()
            except RuntimeError:  # the application is gone
                return
            if active and last not in self.seen and time.perf_counter() - last > self.threshold:
                self.seen.add(last)
                # The GUI thread's stack shows a slot doing work; when it sits in the event loop, another
                # thread held the GIL: show where every thread is (the holder has only just let go).
                lines = [f"--- GUI thread stalled {(time.perf_counter() - last) * 1000:.0f} ms so far"]
                for ident, frame in sys._current_frames().items():
                    if ident == threading.get_ident():
                        continue
                    who = "GUI" if ident == self.gui else f"thread {ident}"
                    lines.append(f"  [{who}]\n" + "".join(traceback.format_stack(frame)[-6:]))
                print("\n".join(lines), file=sys.stderr, flush=True)


class Bot:
    """What tests/wizard_driver.py needs of pytest-qt's qtbot, on plain QTest."""

    def __init__(self) -> None:
        self.kept: list[QWidget] = []

    def keyClicks(self, widget: QWidget, text: str) -> None:  # noqa: N802 - qtbot's name
        QTest.keyClicks(widget, text)

    def keyClick(self, widget: QWidget, key: Any) -> None:  # noqa: N802 - qtbot's name
        QTest.keyClick(widget, key)

    def mouseClick(self, widget: QWidget, button: Any) -> None:  # noqa: N802 - qtbot's name
        QTest.mouseClick(widget, button)

    def waitUntil(self, condition: Callable[[], bool], timeout: int = 30_000) -> None:  # noqa: N802
        wait_until(condition, timeout / 1000)

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 - qtbot's name
        self.kept.append(widget)


def p99(gaps: list[float]) -> float:
    if len(gaps) < 2:
        return max(gaps, default=0.0)
    return statistics.quantiles(gaps, n=100, method="inclusive")[98]


def measure(meter: StallMeter, activity: Callable[[], None]) -> list[float]:
    meter.start()
    try:
        activity()
    finally:
        gaps = meter.stop()
    return gaps


# --- the data ---------------------------------------------------------------------------------------


def good_members(desk: Any, count: int) -> list[Any]:
    from sqlalchemy import select

    from app.issuing.rules import review_reasons
    from app.store.models import Member

    with desk.db.read() as session:
        found = [m for m in session.scalars(select(Member).order_by(Member.id)) if not review_reasons(m)]
    return found[:count]


def directory_entry(desk: Any) -> tuple[str, str]:
    from sqlalchemy import select

    from app.store.models import Institution, InstitutionType

    with desk.db.read() as session:
        inst, kind = session.execute(
            select(Institution, InstitutionType.name)
            .join(InstitutionType)
            .where(Institution.verified.is_(True), Institution.email != "")
            .order_by(Institution.id)
        ).first()  # type: ignore[misc]
        return inst.name, kind


def requests_file(path: Path, members: list[Any], institution: str) -> Path:
    consent = (date.today() - timedelta(days=1)).isoformat()
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["cpso_number", "institution_name", "consent_method", "consent_date"])
        for m in members:
            writer.writerow([m.cpso_number, institution, "in_person", consent])
    return path


# --- the activities -----------------------------------------------------------------------------------


def search_activity(ctx: Any, queries: list[str]) -> Callable[[], None]:
    from ui.desk.assistance import AssistanceScreen

    screen = AssistanceScreen(ctx)
    screen.resize(1100, 700)
    screen.show()
    panel = screen.search
    shown: list[int] = []
    panel.results_shown.connect(shown.append)

    def run() -> None:
        assert screen.isVisible()  # (and the closure keeps the screen alive)
        for query in queries:
            panel.box.clear()
            before = len(shown)
            for ch in query:
                if ch.isascii():
                    QTest.keyClicks(panel.box, ch)
                else:  # QTest aborts on non-ASCII key text; the search reacts to textChanged alike
                    panel.box.setText(panel.box.text() + ch)
                spin(80)
            wait_until(
                lambda b=before, q=query: (
                    len(shown) > b and panel.last_query == q and not panel._timer.isActive()
                )
            )

    return run


def submit_activity(ctx: Any, desk: Any, member_ids: list[int], institution: tuple[str, str]) -> Any:
    """Returns (prepare, submit) per request: prepare fills the wizard (not measured), submit is measured."""
    from tests import wizard_driver as wd

    bot = Bot()

    def prepare(member_id: int) -> Any:
        wizard = wd.open_wizard(bot, desk, member_id)
        wd.run_to_review(bot, wizard, None, [wd.Known(institution[0], institution[1])])
        return wizard

    def submit(wizard: Any) -> None:
        wd.submit(bot, wizard, wait_delivery=True)
        wizard.close()

    return prepare, submit


def batch_activity(ctx: Any, path: Path) -> Any:
    from ui.batch.batch_screen import BatchScreen

    screen = BatchScreen(ctx)  # as staff get it: one rendering process per core
    screen.resize(1000, 760)
    screen.show()
    screen.rb_file.setChecked(True)
    screen.file_path.setText(str(path))
    screen.cb_email.setChecked(True)  # the outbox activity sends these

    def run() -> None:
        QTest.mouseClick(screen.start_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: screen.result is not None and not screen.is_running())

    return screen, run


def awaiting_printing(desk: Any, count: int) -> None:
    """`count` issued certificates awaiting printing (records only: choosing them needs no PDF)."""
    from app.store.models import Certificate, RequestStatus
    from tests.factories import make_member, make_request

    today = date.today()
    with desk.db.write() as session:
        for i in range(count):
            member = make_member(session, last_name=f"Awaiting {i:05d}")
            request = make_request(session, member, recipients=[{"name": f"Hospital {i % 40:02d}"}])
            request.status = RequestStatus.ISSUED
            session.add(
                Certificate(
                    number=f"CPC-{today.year - 1}-{i + 1:06d}",
                    recipient=request.recipients[0],
                    issue_seq=0,
                    issued_by="bench",
                    issue_date=today - timedelta(days=400),
                    valid_until=today - timedelta(days=310),
                    verification_code=f"BENCH-{i:06d}",
                )
            )


def browse_activity(ctx: Any) -> Callable[[], None]:
    """Open Batch Printing and look at what there is to print, as staff do before starting a batch."""
    from ui.batch.batch_screen import BatchScreen

    kept: list[Any] = []

    def run() -> None:
        screen = BatchScreen(ctx)  # as staff get it: one rendering process per core
        kept.append(screen)
        screen.resize(1000, 760)
        screen.show()
        spin(100)
        for button in (screen.rb_dates, screen.rb_institution):
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            spin(100)
        edit = screen.institution.lineEdit()
        edit.clear()
        for ch in "Hospital 07":
            QTest.keyClicks(edit, ch)
            spin(80)
        QTest.mouseClick(screen.rb_awaiting, Qt.MouseButton.LeftButton)
        spin(100)

    return run


def outbox_activity(ctx: Any) -> Any:
    from ui.mail.outbox_sender import OutboxSender

    sender = OutboxSender(ctx)
    reports: list[Any] = []
    sender.finished.connect(reports.append)

    def run() -> None:
        sender.run_now()
        wait_until(lambda: bool(reports) and not sender.running)

    return reports, run


# --- main ---------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer searches, submits and batch rows")
    parser.add_argument(
        "--trace",
        action="store_true",
        help="print every thread's stack during a stall (over TRACE_MS in the environment, default 50)",
    )
    parser.add_argument(
        "--gc",
        choices=("python", "product"),
        default="product",
        help="garbage collection as the desk runs it (product: app.tuning and ui.common.gc_policy, "
        "as at start-up) "
        "or Python's defaults, for comparison",
    )
    args = parser.parse_args()
    submits, batch_rows, idle_s, awaiting = (2, 20, 1.5, 300) if args.quick else (5, 100, 3.0, 1000)

    app = QApplication.instance() or QApplication(["bench_stalls"])
    from ui.common import messages

    messages.record_only = True  # a message box would wait for a click that never comes
    from app.access.permissions import Actor
    from app.desk import Desk
    from app.register import demo
    from app.store.models import StaffRole
    from ui.shell.context import UiContext

    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(ROOT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None and server.stdin is not None
    port = int(server.stdout.readline())
    results: dict[str, list[float]] = {}
    notes: dict[str, str] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["CPC_DESK_DATA_DIR"] = str(Path(tmp) / "data")
            # the screens run as a signed-in administrator, as in the window
            admin = Actor("bench.admin", StaffRole.ADMIN, "Bench Administrator")
            desk = Desk.open(Path(tmp) / "data", actor=admin)
            demo.fill_if_empty(desk)
            for key, value in (
                ("smtp.host", "127.0.0.1"),
                ("smtp.port", port),
                ("smtp.security", "none"),
                ("mail.demo_server", False),
            ):
                desk.settings.set(key, value)
            ctx = UiContext(desk)
            meter = StallMeter()
            members = good_members(desk, submits + batch_rows)
            institution = directory_entry(desk)

            # warm up imports and first paints outside the measurements
            spin(200)
            if args.trace:
                StallTracer(meter, float(os.environ.get("TRACE_MS", GOAL_MS)))
                trace_gc()
            if args.gc == "product":
                from app import tuning
                from ui.common import gc_policy

                # The same tuning and idle collector ui/shell/application.py installs once the desk is ready.
                tuning.tune_window_process()
                gc_policy.install(app)

            results["idle"] = measure(meter, lambda: spin(int(idle_s * 1000)))

            names = [m.last_name[:5] for m in members[:6]] + [m.cpso_number[:4] for m in members[6:9]]
            names += [f"{m.first_name} {m.last_name}" for m in members[9:12]]
            queries = names if not args.quick else names[:6]
            results["search"] = measure(meter, search_activity(ctx, queries))
            notes["search"] = f"{len(queries)} queries typed"

            prepare, submit = submit_activity(ctx, desk, [m.id for m in members[:submits]], institution)
            gaps: list[float] = []
            for m in members[:submits]:
                wizard = prepare(m.id)
                one = measure(meter, lambda w=wizard: submit(w))
                if args.trace:
                    print(f"submit: max gap {max(one):.0f} ms", file=sys.stderr)
                gaps += one
            results["submit"] = gaps
            notes["submit"] = f"{submits} requests, Submit → delivered"

            path = requests_file(Path(tmp) / "requests.csv", members[submits:], institution[0])
            screen, run_batch = batch_activity(ctx, path)
            results["batch"] = measure(meter, run_batch)
            issued = len(screen.result.issued) if screen.result is not None else 0
            notes["batch"] = f"{issued} certificates issued and printed"

            reports, run_outbox = outbox_activity(ctx)
            results["outbox"] = measure(meter, run_outbox)
            notes["outbox"] = f"{reports[0].sent if reports else 0} messages sent"

            awaiting_printing(desk, awaiting)
            results["browse"] = measure(meter, browse_activity(ctx))
            notes["browse"] = (
                f"Batch Printing opened and browsed, {awaiting:,} certificates awaiting printing"
            )
            # Screens may still be counting in the background: let them finish before the desk and its
            # folder go (else a late query meets a deleted database and the run fails at clean-up).
            from ui.common import workers

            workers.wait_all()
            desk.close()
    finally:
        server.stdin.write("\n")
        server.stdin.flush()
        server.wait(timeout=30)
    del app

    idle = results["idle"]
    idle_max, idle_p99 = max(idle), p99(idle)
    print(
        f"GUI event-loop gaps (timer every {TICK_MS} ms, gc {args.gc}); idle: max {idle_max:.1f} ms, "
        f"p99 {idle_p99:.1f} ms"
    )
    print(f"{'activity':<10} {'ticks':>7} {'max ms':>8} {'p99 ms':>8}  what")
    for name in ("idle", "search", "submit", "batch", "outbox", "browse"):
        gaps = results[name]
        print(f"{name:<10} {len(gaps):>7} {max(gaps):>8.1f} {p99(gaps):>8.1f}  {notes.get(name, '')}")
    suffix = "" if args.gc == "python" else f", gc {args.gc}"
    for name, label in (
        ("search", "member search"),
        ("submit", "wizard Submit"),
        ("batch", "batch printing"),
        ("outbox", "outbox sending"),
        ("browse", "Batch Printing choices"),
    ):
        worst = max(results[name])
        print(
            json.dumps(
                {
                    "figure": f"GUI thread's longest stall during {label}, ms{suffix} (vs idle loop)",
                    "project": round(worst, 1),
                    "baseline": round(idle_max, 1),
                    "ratio": round(worst / idle_max, 2),
                    "goal": f"max gap <= {GOAL_MS:g} ms",
                    "met": worst <= GOAL_MS,
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
