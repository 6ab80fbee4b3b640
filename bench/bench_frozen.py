"""The built desk (PyInstaller one folder) against the venv install, measured in the same run: size on disk
and cold start (window painted; desk usable), as medians of fresh processes on the same demo database.

The venv's size is the installed files of CPC Desk's run-time dependencies (their RECORDs), not the test
tools; the built folder's is every file in it (it also holds Python itself and its standard library).
Prints a Markdown table for the README and JSON lines.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def dependency_bytes(top: str = "cpc-desk") -> int:
    """Installed size of `top`'s run-time dependency closure (extras not included)."""
    seen: set[str] = set()
    todo = [top]
    total = 0
    while todo:
        name = re.split(r"[\s\[<>=!~;(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or ():
            path = Path(str(dist.locate_file(file)))
            if path.is_file() and name != top:
                total += path.stat().st_size
        for req in dist.requires or ():
            if "extra ==" not in req:
                todo.append(req)
    return total


def start_once(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.perf_counter()  # CLOCK_MONOTONIC on Linux: comparable with the child's own clock
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT).stdout
    stages = {}
    for line in out.splitlines():
        if line.startswith("STARTUP "):
            _, stage, at, _rss = line.split()
            stages[stage] = float(at) - start
    if "painted" not in stages:
        raise SystemExit(f"no STARTUP lines from {cmd}: {out}")
    return stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exe", default="dist/cpc-desk/cpc-desk")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = Path(args.exe).resolve()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "compileall", "-q", "app", "ui", "main.py"], cwd=ROOT, check=True)
    frozen_size = folder_bytes(exe.parent)
    venv_size = dependency_bytes()
    with tempfile.TemporaryDirectory(prefix="cpc-bench-frozen-") as folder:
        desk_env = dict(env, CPC_DESK_STARTUP_PROBE="1", CPC_DESK_DATA_DIR=folder)
        subprocess.run(
            [sys.executable, "main.py", "demo"], env=desk_env, cwd=ROOT, check=True, capture_output=True
        )
        venv_runs, frozen_runs = [], []
        start_once(
            [str(exe), "--demo"], desk_env
        )  # the first start of a fresh folder fills the OS file cache
        for _ in range(args.runs):
            venv_runs.append(start_once([sys.executable, "main.py", "--demo"], desk_env))
            frozen_runs.append(start_once([str(exe), "--demo"], desk_env))

    def median(runs: list[dict[str, float]], stage: str) -> float:
        return statistics.median(r.get(stage, r["painted"]) for r in runs)

    rows = [
        ("size on disk (MB)", frozen_size / 1e6, venv_size / 1e6),
        ("start-up: window painted (s)", median(frozen_runs, "painted"), median(venv_runs, "painted")),
        ("start-up: usable (s)", median(frozen_runs, "usable"), median(venv_runs, "usable")),
    ]
    print(f"| measure | built desk | venv install | ratio |  ({args.runs} runs each, same machine, same run)")
    print("|---|---:|---:|---:|")
    for name, frozen, venv in rows:
        print(f"| {name} | {frozen:.2f} | {venv:.2f} | {frozen / venv:.2f} |")
    for name, frozen, venv in rows:
        print(
            json.dumps(
                {"bench": "frozen", "measure": name, "built": frozen, "venv": venv, "ratio": frozen / venv}
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
