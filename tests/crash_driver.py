"""Child process of tests/test_crash_safety.py: files requests through the headless submit path, then sends.

    python -m tests.crash_driver PLAN.json

The plan names the data folder, the database and the requests (member id, idempotency key, recipients).
Each request goes through `app.issuing.requests.submit_request` — the service the wizard's Submit calls — and
"ACK <request id> <key>" is printed only after it returned, as the wizard shows "filed" only then. With
"send": true, `app.mail.outbox.send_due` delivers afterwards, as the wizard does after Submit. The test sets
CPC_DESK_FAULT to kill this process (SIGKILL) at a named step; see app/faults.py.
"""

import json
import sys
from pathlib import Path

from app.access.staff import Actor
from app.desk import Desk
from app.issuing.requests import RequestDraft, submit_request
from app.mail.outbox import send_due
from app.register.recipients import validate_recipient
from app.store.models import ConsentMethod, StaffRole

CLERK = Actor("clerk.crash", StaffRole.CLERK, "Crash Test Clerk")


def main(plan_path: str) -> int:
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    desk = Desk.open(plan["data_dir"], plan["database_url"], actor=CLERK)
    try:
        for item in plan["requests"]:
            draft = RequestDraft(
                member_id=int(item["member_id"]),
                recipients=tuple(validate_recipient(r) for r in item["recipients"]),
                consent_given=True,
                consent_method=ConsentMethod.PHONE,
                consent_statement="I certify that I have read and understand the section above.",
                idempotency_key=item["key"],
            )
            result = submit_request(desk, CLERK, draft)
            print(f"ACK {result.request_id} {item['key']}", flush=True)
        if plan.get("send"):
            report = send_due(desk)
            print(f"SENT {report.sent} {report.summary()}", flush=True)
    finally:
        desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
