"""Cold start of CPC Desk on demo data versus a bare PySide6 QMainWindow, measured in the same run.

Both run from compiled bytecode, as an installed desk does (see the compileall step below). Each run is
a fresh process; the time is from just before the process is started to the moment the
window reports its first paint ("painted") and, for CPC Desk, the moment the database is open and the
status bar counts are shown ("ready": read through sqlite3 before SQLAlchemy has loaded) and the moment
the desk is open through the ORM and signed in, so every screen opens ("usable", reported without a goal).
Prints medians and ratios, then JSON lines for bench/run.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = r"""
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1180, 720)
class P(QObject):
    done = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"STARTUP painted {time.perf_counter():.6f} {rss:.1f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
p = P(); w.centralWidget().installEventFilter(p)
w.show(); app.exec()
"""


def run_once(cmd: list[str], env: dict[str, str]) -> dict[str, tuple[float, float]]:
    start = time.perf_counter()
    # perf_counter is CLOCK_MONOTONIC on Linux: comparable across processes on one machine.
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT).stdout
    stages = {}
    for line in out.splitlines():
        if line.startswith("STARTUP "):
            _, stage, at, rss = line.split()
            stages[stage] = (float(at) - start, float(rss))
    if not stages:
        raise SystemExit(f"no STARTUP lines from {cmd}: {out}")
    return stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="3 runs")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # An installed desk runs from compiled bytecode (pip compiles what it installs; Python caches the
    # rest on the first start). Where PYTHONDONTWRITEBYTECODE is set, as on some build machines, an
    # editable checkout would be compiled from source at every start, so compile it once here.
    subprocess.run([sys.executable, "-m", "compileall", "-q", "app", "ui", "main.py"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as folder:
        desk_env = dict(env, CPC_DESK_STARTUP_PROBE="1", CPC_DESK_DATA_DIR=folder)
        # First run fills the demo database and migrates it; cold start is measured on the runs after.
        subprocess.run(
            [sys.executable, "main.py", "demo"], env=desk_env, cwd=ROOT, check=True, capture_output=True
        )
        bare, painted, ready, usable = [], [], [], []
        bare_rss, ready_rss = [], []
        for _ in range(runs):
            b = run_once([sys.executable, "-c", BARE], env)
            d = run_once([sys.executable, "main.py", "--demo"], desk_env)
            bare.append(b["painted"][0])
            bare_rss.append(b["painted"][1])
            painted.append(d["painted"][0])
            ready.append(d["ready"][0])
            usable.append(d["usable"][0])
            ready_rss.append(d["usable"][1])
    base = statistics.median(bare)
    rows = [
        ("start-up: home window painted (s)", statistics.median(painted), base, 1.5),
        ("start-up: ready, database open and counts shown (s)", statistics.median(ready), base, 3.5),
    ]
    print(f"bare QMainWindow painted: median {base:.3f} s, {statistics.median(bare_rss):.0f} MB")
    for name, value, baseline, goal in rows:
        ratio = value / baseline
        print(f"{name}: {value:.3f} vs {baseline:.3f} -> {ratio:.2f}x (goal <= {goal}x)")
    print(
        f"memory once usable: {statistics.median(ready_rss):.0f} MB"
        f" (bare {statistics.median(bare_rss):.0f} MB)"
    )
    for name, value, baseline, goal in rows:
        ratio = value / baseline
        print(
            json.dumps(
                {
                    "figure": name,
                    "project": round(value, 3),
                    "baseline": round(baseline, 3),
                    "ratio": round(ratio, 2),
                    "goal": f"<= {goal}x",
                    "met": ratio <= goal,
                }
            )
        )
    print(
        json.dumps(
            {
                "figure": "start-up: usable, desk open through the ORM and signed in (s)",
                "project": round(statistics.median(usable), 3),
                "baseline": round(base, 3),
                "ratio": round(statistics.median(usable) / base, 2),
                "goal": "report",
                "met": None,
            }
        )
    )
    rss_ratio = statistics.median(ready_rss) / statistics.median(bare_rss)
    print(
        json.dumps(
            {
                "figure": "start-up: peak memory once usable (MB)",
                "project": round(statistics.median(ready_rss)),
                "baseline": round(statistics.median(bare_rss)),
                "ratio": round(rss_ratio, 2),
                "goal": "report",
                "met": None,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
