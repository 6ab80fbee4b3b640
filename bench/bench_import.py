"""Importing the register at scale: `main.py members import` on a generated 200,000-row CSV.

Each import runs as its own process through the real command line (validation, one transaction, search
words, audit), on a fresh data folder; the process reports its peak memory. Baselines in the same run:
a raw loader (csv.reader + sqlite3.executemany into a plain table, no checks) on the same file for the
rows-per-second ratio; and the same import of a file a tenth the size, for memory: streaming means the
peak hardly grows with the file.
"""

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import CLASSES, FIRST, LAST  # noqa: E402

HEADER = [
    "cpso_number",
    "first_name",
    "middle_name",
    "last_name",
    "registration_class",
    "status",
    "initial_registration_date",
    "certificate_expiry_date",
    "specialties",
    "terms_conditions",
    "discipline",
    "pending_investigations",
    "email",
    "phone",
    "practice_address",
]

IMPORT = r"""
import resource, sys, time
def peak_mb():
    # VmHWM belongs to this process alone (ru_maxrss would carry over the parent's peak across fork/exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
sys.path.insert(0, sys.argv[1])
import io
import main
from tests.cli_runner import TEST_ADMIN_PASSWORD, signin_words
# signed in as the tests' administrator (made before the clock starts), as every command is
words = signin_words(["--data-dir", sys.argv[2], "members", "import", sys.argv[3]])
sys.stdin = io.StringIO(TEST_ADMIN_PASSWORD + "\n")
start = time.perf_counter()
rc = main.main(words)
took = time.perf_counter() - start
print(f"RESULT {rc} {took:.3f} {peak_mb():.1f}")
"""

RAW = r"""
import csv, resource, sqlite3, sys, time
def peak_mb():
    # VmHWM belongs to this process alone (ru_maxrss would carry over the parent's peak across fork/exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
conn = sqlite3.connect(sys.argv[1])
conn.execute("CREATE TABLE m (cpso TEXT PRIMARY KEY, first TEXT, middle TEXT, last TEXT, klass TEXT, "
             "status TEXT, initial TEXT, expiry TEXT, specialties TEXT, terms TEXT, discipline TEXT, "
             "pending TEXT, email TEXT, phone TEXT, address TEXT)")
with open(sys.argv[2], encoding="utf-8", newline="") as fh:
    rows = csv.reader(fh)
    next(rows)
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == 1000:
            conn.executemany("INSERT INTO m VALUES (" + ",".join("?" * 15) + ")", batch)
            batch = []
    conn.executemany("INSERT INTO m VALUES (" + ",".join("?" * 15) + ")", batch)
conn.commit()
took = time.perf_counter() - start
print(f"RESULT 0 {took:.3f} {peak_mb():.1f}")
"""


def write_register(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    numbers = rng.sample(range(100_000, 9_999_999), rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i, number in enumerate(numbers):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            w.writerow(
                [
                    number,
                    first,
                    rng.choice(FIRST) if rng.random() < 0.2 else "",
                    last,
                    rng.choice(CLASSES),
                    "active" if rng.random() < 0.95 else "suspended",
                    f"{1980 + i % 45}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    "",
                    "Family Medicine; Paediatrics" if i % 3 == 0 else "",
                    "Must practise under supervision" if i % 97 == 0 else "",
                    "",
                    "",
                    f"member{number}@example.org",
                    f"+1 416 555 {i % 10000:04d}",
                    f"{i % 999 + 1} Main Street\nToronto ON",
                ]
            )


def run(script: str, *args: str) -> tuple[int, float, float]:
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=ROOT, timeout=3600
    )
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            _, rc, took, rss = line.split()
            return int(rc), float(took), float(rss)
    raise SystemExit(f"no result: {out.stdout[-2000:]} {out.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="20,000 rows (and 2,000 for the memory baseline)"
    )
    args = parser.parse_args()
    big = 20_000 if args.quick else 200_000
    small = big // 10
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        big_csv, small_csv = tmp / "big.csv", tmp / "small.csv"
        write_register(big_csv, big, 1)
        write_register(small_csv, small, 2)
        print(f"register file: {big:,} rows, {big_csv.stat().st_size / 1e6:.1f} MB")
        rc_small, took_small, rss_small = run(IMPORT, str(ROOT), str(tmp / "d1"), str(small_csv))
        rc_big, took_big, rss_big = run(IMPORT, str(ROOT), str(tmp / "d2"), str(big_csv))
        _rc, took_raw, rss_raw = run(RAW, str(tmp / "raw.sqlite3"), str(big_csv))
    if rc_small or rc_big:
        print(f"import failed: exit {rc_small}, {rc_big}")
    rate, raw_rate = big / took_big, big / took_raw
    print(f"import of {big:,} rows: {took_big:.1f} s = {rate:,.0f} rows/s, peak {rss_big:.0f} MB")
    print(f"import of {small:,} rows: {took_small:.1f} s, peak {rss_small:.0f} MB")
    print(f"raw csv + sqlite3 loader: {took_raw:.1f} s = {raw_rate:,.0f} rows/s, peak {rss_raw:.0f} MB")
    ok = rc_small == 0 and rc_big == 0
    for row in (
        {
            "figure": f"register import rows/s ({big:,} rows, vs raw sqlite3 loader)",
            "project": round(rate),
            "baseline": round(raw_rate),
            "ratio": round(rate / raw_rate, 2),
            "goal": "report",
            "met": ok,
        },
        {
            "figure": f"register import peak memory, {big:,} vs {small:,} rows (MB)",
            "project": round(rss_big),
            "baseline": round(rss_small),
            "ratio": round(rss_big / rss_small, 2),
            "goal": "<= 1.5x (bounded: streaming)",
            "met": ok and rss_big / rss_small <= 1.5,
        },
    ):
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
