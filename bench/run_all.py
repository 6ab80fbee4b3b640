"""Run every bench/bench_*.py, gather the JSON lines they print, and print one table.

Each figure is measured against a baseline run in the same script run, so the ratio is what counts.
With --write-readme the table (and the machine it ran on) replaces the block between the
`<!-- bench:start -->` and `<!-- bench:end -->` markers in README.md: no figure is typed by hand.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
# A figure with a goal is met or not; a report-only figure ("met": null) has no verdict.
MET = {True: "yes", False: "**no**", None: "—"}


def machine() -> str:
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    system = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    return f"{os.cpu_count()} cores, {mem_gb:.0f} GB RAM, {system}"


def fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="pass --quick to every script (smaller runs)")
    parser.add_argument("--only", nargs="*", help="run only these scripts (names without bench_ and .py)")
    parser.add_argument("--write-readme", action="store_true", help="put the table into README.md")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    rows: list[dict[str, object]] = []
    failed = []
    for script in scripts:
        cmd = [sys.executable, str(script)] + (["--quick"] if args.quick else [])
        print(f"== {script.name}", flush=True)
        started = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        took = time.perf_counter() - started
        found = 0
        for line in proc.stdout.splitlines():
            line = line.strip()
            if line.startswith("{") and '"figure"' in line:
                row = json.loads(line)
                row["script"] = script.name
                rows.append(row)
                found += 1
            elif line:
                print(f"   {line}")
        if proc.returncode != 0 or not found:
            failed.append(script.name)
            print(f"   FAILED (exit {proc.returncode}): {proc.stderr.strip()[-2000:]}")
        print(f"   ({took:.0f} s)", flush=True)
    header = (
        "| figure | this project | baseline (same run) | ratio | goal | met |\n|---|---|---|---|---|---|\n"
    )
    body = "".join(
        f"| {r['figure']} | {fmt(r['project'])} | {fmt(r['baseline'])} | {fmt(r['ratio'])}× | {r['goal']} | "
        f"{MET[r['met']]} |\n"
        for r in rows
    )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    table = f"Measured {stamp} on {machine()}{' (--quick)' if args.quick else ''}.\n\n{header}{body}"
    print()
    print(table)
    if failed:
        print(f"scripts that failed: {', '.join(failed)}")
    if args.write_readme:
        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        if START in text and END in text:
            before, rest = text.split(START, 1)
            _, after = rest.split(END, 1)
            readme.write_text(f"{before}{START}\n{table}{END}{after}", encoding="utf-8")
            print("README.md updated")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
