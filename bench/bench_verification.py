"""The verification service under load: status look-ups at 200,000 certificates, 50 concurrent clients on
loopback.

Fills an SQLite database (the real schema, migrated) with 200,000 certificates (50,000 members, four
recipients each, a statement per certificate; some revoked, some replaced), then starts the real service
(`cpc-desk verification serve`, its own process, rate limit lifted) and, in the same run, a bare Starlette
app under the same uvicorn answering the same indexed SELECT (the certificate by number, joined to its
member) as JSON with raw sqlite3. One client process sends the same random mix of look-ups (real
numbers with their codes, wrong codes, unknown numbers) to each, in two ways:

- **50 clients at a busy pace**: each client sends a look-up every PACE seconds (5 a second: ten times
  what the service admits from one address, 30 a minute), 250 a second in all. The p95 latency of this
  load is the goal (p95 <= 20 ms): what 50 credentialing offices checking at once see.
- **Saturation**: 50 requests always in flight, as fast as each answer comes back. Its throughput is
  compared with the bare endpoint's (>= 0.5x); its p95 is reported (it is queueing time: with 50 in
  flight on two shared cores it measures how long the queue is, not how fast one answer is).
"""

import argparse
import asyncio
import json
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from app.desk import Desk  # noqa: E402
from app.store.models import (  # noqa: E402
    Certificate,
    CertificateRequest,
    CertificateStatement,
    Member,
    RequestRecipient,
)

CLIENTS = 50
PACE = 0.2  # seconds between one paced client's look-ups
BARE_APP = '''
import json, sqlite3, sys, threading
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import Route
import uvicorn

DB, PORT = sys.argv[1], int(sys.argv[2])
SQL = """SELECT c.number, c.verification_code, c.issue_date, c.valid_until, c.revoked, r.name,
 m.first_name, m.last_name, m.cpso_number, m.status FROM certificate c
 JOIN request_recipient r ON r.id = c.recipient_id JOIN certificate_request q ON q.id = r.request_id
 JOIN member m ON m.id = q.member_id WHERE c.number = ?"""
local = threading.local()

def lookup(number):
    conn = getattr(local, "conn", None)
    if conn is None:
        conn = local.conn = sqlite3.connect(DB, check_same_thread=False)
    row = conn.execute(SQL, (number,)).fetchone()
    return {"number": number, "status": "found" if row else "not_found", "row": row and list(row)}

async def page(request):
    body = await run_in_threadpool(lookup, request.query_params.get("number", ""))
    return Response(json.dumps(body), media_type="application/json", status_code=200 if body["row"] else 404)

uvicorn.run(Starlette(routes=[Route("/cpc", page)]), host="127.0.0.1", port=PORT, log_level="warning",
            access_log=False)
'''


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fill(desk: Desk, certificates: int, rng: random.Random) -> list[tuple[str, str]]:
    """Bulk rows through the real tables; returns (number, code) of every certificate."""
    members = certificates // 4
    now = datetime.now(UTC)
    today = date.today()
    pairs: list[tuple[str, str]] = []
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    with desk.db.write() as session:
        for start in range(0, members, 5000):
            ids = range(start + 1, min(members, start + 5000) + 1)
            session.execute(
                insert(Member.__table__),
                [
                    {
                        "id": i,
                        "cpso_number": str(100000 + i),
                        "first_name": "Member",
                        "middle_name": "",
                        "last_name": f"Number {i}",
                        "search_name": f"member number {i}",
                        "registration_class": "Independent Practice",
                        "status": "suspended" if i % 50 == 0 else "active",
                        "initial_registration_date": date(2004, 7, 1),
                        "certificate_expiry_date": date(2030, 6, 30),
                        "specialties": "",
                        "terms_conditions": "",
                        "discipline": "",
                        "pending_investigations": "",
                        "practice_address": "",
                        "email": "",
                        "phone": "",
                        "created_at": now,
                        "updated_at": now,
                    }
                    for i in ids
                ],
            )
            session.execute(
                insert(CertificateRequest.__table__),
                [
                    {
                        "id": i,
                        "member_id": i,
                        "status": "issued",
                        "consent_given": True,
                        "consent_by": "bench",
                        "consent_statement": "",
                        "notes": "",
                        "created_by": "bench",
                        "created_at": now,
                        "reviewed_by": "",
                        "review_reason": "",
                        "updated_by": "bench",
                        "updated_at": now,
                        "version": 1,
                    }
                    for i in ids
                ],
            )
        for start in range(0, certificates, 10000):
            ids = range(start + 1, min(certificates, start + 10000) + 1)
            session.execute(
                insert(RequestRecipient.__table__),
                [
                    {
                        "id": i,
                        "request_id": (i - 1) // 4 + 1,
                        "position": (i - 1) % 4,
                        "institution_type": "Hospital",
                        "name": f"Hospital {i % 300}",
                        "attention": "",
                        "street1": "1 Main Street",
                        "street2": "",
                        "street3": "",
                        "street4": "",
                        "city": "Toronto",
                        "state": "ON",
                        "country": "CA",
                        "postal_code": "M5G 2C4",
                        "email": "x@example.org",
                    }
                    for i in ids
                ],
            )
            rows = []
            for i in ids:
                number = f"CPC-{2020 + i // 900_000}-{i % 900_000:06d}"
                raw = "".join(rng.choice(alphabet) for _ in range(12))
                code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
                pairs.append((number, code))
                issued = today - timedelta(days=i % 120)
                rows.append(
                    {
                        "id": i,
                        "number": number,
                        "recipient_id": i,
                        "issue_seq": 0,
                        "issued_at": now,
                        "issued_by": "bench",
                        "issue_date": issued,
                        "valid_until": issued + timedelta(days=90),
                        "verification_code": code,
                        "pdf_sha256": f"{i:064x}",
                        "revoked": i % 97 == 0,
                        "revoked_at": now if i % 97 == 0 else None,
                        "revoked_by": "",
                        "revoked_reason": "",
                        "replaces_id": i - 1 if i % 89 == 0 else None,
                    }
                )
            session.execute(insert(Certificate.__table__), rows)
            session.execute(
                insert(CertificateStatement.__table__),
                [
                    {
                        "certificate_id": i,
                        "member_name": f"Member Number {(i - 1) // 4 + 1}",
                        "cpso_number": str(100000 + (i - 1) // 4 + 1),
                        "registration_class": "Independent Practice",
                        "member_status": "active",
                        "terms_conditions": "",
                        "discipline": "",
                        "pending_investigations": "",
                    }
                    for i in ids
                ],
            )
    return pairs


def wait_up(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server at {base} stopped at start")
        try:
            httpx.get(base + "/", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"server at {base} did not start")


async def load(base: str, queries: list[tuple[str, str]]) -> tuple[float, float]:
    """(p95 ms, requests per second) for `queries`, CLIENTS at a time, over keep-alive connections."""
    latencies: list[float] = []
    queue = list(queries)
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            while queue:
                number, code = queue.pop()
                started = time.perf_counter()
                r = await client.get(
                    "/cpc", params={"number": number, "code": code}, headers={"Accept": "application/json"}
                )
                latencies.append((time.perf_counter() - started) * 1000)
                assert r.status_code in (200, 404), r.status_code

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
        took = time.perf_counter() - began
    latencies.sort()
    return latencies[int(len(latencies) * 0.95) - 1], len(latencies) / took


async def paced(base: str, queries: list[tuple[str, str]]) -> float:
    """p95 ms of `queries` sent by CLIENTS clients, each one look-up every PACE seconds (no faster; a slow
    answer delays only that client's next look-up)."""
    latencies: list[float] = []
    per_client = [queries[i::CLIENTS] for i in range(CLIENTS)]
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def one_client(mine: list[tuple[str, str]], offset: float) -> None:
            await asyncio.sleep(offset)  # clients start spread over one PACE, as independent offices would
            next_at = time.perf_counter()
            for number, code in mine:
                started = time.perf_counter()
                r = await client.get(
                    "/cpc", params={"number": number, "code": code}, headers={"Accept": "application/json"}
                )
                latencies.append((time.perf_counter() - started) * 1000)
                assert r.status_code in (200, 404), r.status_code
                next_at += PACE
                await asyncio.sleep(max(0.0, next_at - time.perf_counter()))

        await asyncio.gather(*(one_client(m, PACE * i / CLIENTS) for i, m in enumerate(per_client)))
    latencies.sort()
    return latencies[int(len(latencies) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20,000 certificates, fewer requests")
    args = parser.parse_args()
    certificates = 20_000 if args.quick else 200_000
    requests = 1_000 if args.quick else 4_000
    rng = random.Random(15)
    with tempfile.TemporaryDirectory(prefix="cpc-bench-web-") as folder:
        db_file = Path(folder) / "cpc-desk.sqlite3"
        url = f"sqlite:///{db_file}"
        desk = Desk.open(folder, url)
        desk.settings.set("verification.url", "https://verify.example.org/cpc")
        started = time.perf_counter()
        pairs = fill(desk, certificates, rng)
        desk.close()
        print(f"filled {certificates:,} certificates in {time.perf_counter() - started:.1f} s")
        queries = []
        for _ in range(requests):
            number, code = rng.choice(pairs)
            kind = rng.random()
            if kind < 0.1:
                code = "AAAA-BBBB-CCCC"  # a wrong code
            elif kind < 0.2:
                number = f"CPC-2031-{rng.randrange(1, 999_999):06d}"  # an unknown number
            queries.append((number, code))
        results = {}
        for name in ("bare", "service"):
            port = free_port()
            if name == "service":
                cmd = [
                    sys.executable,
                    str(ROOT / "main.py"),
                    "--data-dir",
                    folder,
                    "--database-url",
                    url,
                    "verification",
                    "serve",
                    "--port",
                    str(port),
                    "--rate-limit",
                    "1000000000",
                ]
            else:
                cmd = [sys.executable, "-c", BARE_APP, str(db_file), str(port)]
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            base = f"http://127.0.0.1:{port}"
            try:
                wait_up(base, proc)
                asyncio.run(load(base, queries[:200]))  # warm-up: connections, caches, imports
                results[name] = (*asyncio.run(load(base, queries)), asyncio.run(paced(base, queries)))
            finally:
                proc.terminate()
                proc.wait(timeout=30)
        (p95, rps, paced95), (b95, brps, bpaced95) = results["service"], results["bare"]
        print(
            f"service: paced p95 {paced95:.1f} ms, saturated p95 {p95:.1f} ms, {rps:.0f} req/s; "
            f"bare Starlette: paced p95 {bpaced95:.1f} ms, saturated p95 {b95:.1f} ms, {brps:.0f} req/s"
        )
    n = f"{certificates:,}"
    for row in (
        {
            "figure": (
                f"verification look-up p95 (ms), {n} certificates, {CLIENTS} concurrent clients "
                f"each every {PACE:g} s"
            ),
            "project": round(paced95, 1),
            "baseline": round(bpaced95, 1),
            "ratio": round(paced95 / bpaced95, 2),
            "goal": "p95 <= 20 ms (baseline: bare Starlette, same SELECT)",
            "met": paced95 <= 20.0,
        },
        {
            "figure": f"verification look-up p95 (ms), {n} certificates, {CLIENTS} always in flight",
            "project": round(p95, 1),
            "baseline": round(b95, 1),
            "ratio": round(p95 / b95, 2),
            "goal": "report: queueing time at saturation",
            "met": None,
        },
        {
            "figure": f"verification look-ups per second, {n} certificates, {CLIENTS} concurrent clients",
            "project": round(rps),
            "baseline": round(brps),
            "ratio": round(rps / brps, 2),
            "goal": ">= 0.5x a bare Starlette endpoint doing the same indexed SELECT",
            "met": rps / brps >= 0.5,
        },
    ):
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
