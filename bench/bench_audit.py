"""`audit verify` on a sizeable register: the whole check against simply reading what it reads.

Figure (one JSON line): the time `check_trail` takes (every event's hash, every checkpoint's signature,
every seal set's digest, and every audited row's seal recomputed and compared) on a register of N members
imported through the real import and E further events, each in its own transaction changing one member
(so each has its seal set and its signed checkpoint). Baseline, in the same run: reading the same rows
(audit_event, audit_seal, audit_checkpoint and member) with plain SELECTs and nothing else. Report only:
what the checking costs over the reading.

Usage: .venv/bin/python bench/bench_audit.py [--quick]
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("CPC_DESK_DATA_DIR", tempfile.mkdtemp(prefix="cpc-bench-audit-"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="5,000 members and 500 events")
    args = parser.parse_args()
    members, events = (5_000, 500) if args.quick else (50_000, 5_000)

    from datetime import date

    from bench_import import write_register
    from sqlalchemy import select, text

    from app.access.permissions import Actor
    from app.audit.trail import check_trail, record
    from app.desk import Desk
    from app.register.member_import import import_members
    from app.store.models import Member, StaffRole

    admin = Actor("bench.admin", StaffRole.ADMIN, "Bench")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        csv_path = tmp / "register.csv"
        write_register(csv_path, members, 3)
        desk = Desk.open(tmp / "data", f"sqlite:///{tmp / 'bench.sqlite3'}", actor=admin)
        result = import_members(desk, admin, csv_path, today=date(2026, 11, 25))
        assert result.committed, result.problems[:3]
        with desk.db.read() as s:
            ids = list(s.execute(select(Member.id).order_by(Member.id).limit(events)).scalars())
        for i in range(events):
            with desk.db.write() as s:
                member = s.get(Member, ids[i % len(ids)])
                assert member is not None
                member.phone = f"+1 416 555 {i:04d}"
                record(s, admin, "member.updated", subject=member.cpso_number, member_id=member.id)

        start = time.perf_counter()
        report = check_trail(desk, admin)
        took = time.perf_counter() - start
        assert report.ok, report.problem

        start = time.perf_counter()
        with desk.db.engine.connect() as conn:
            for table in ("audit_event", "audit_seal", "audit_checkpoint", "member"):
                for _row in conn.execute(text(f"SELECT * FROM {table}")):  # noqa: S608 - fixed names
                    pass
        read = time.perf_counter() - start
        desk.close()
    print(f"audit verify: {report.checked:,} events, {members:,} members: {took:.2f} s; reading {read:.2f} s")
    row = {
        "figure": f"audit verify, {members:,} members and {report.checked:,} events (s) vs reading them",
        "project": round(took, 2),
        "baseline": round(read, 2),
        "ratio": round(took / read, 1),
        "goal": "report: what checking costs over reading",
        "met": None,
    }
    print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
