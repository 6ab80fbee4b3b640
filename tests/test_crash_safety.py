"""Crash safety of Submit and delivery: the headless submit path killed with SIGKILL at every step that
matters, then restarted; and a full or read-only database while issuing.

The child (tests/crash_driver.py) files three requests (1, 2 and 1 recipients: four certificates) through
`app.issuing.requests.submit_request` and then runs `app.mail.outbox.send_due` against a real aiosmtpd
server on 127.0.0.1. CPC_DESK_FAULT names the step where it dies (app/faults.py); the fault points are:

    after-request-row         issuing/engine.py       file_request: request + recipient rows written
    after-certificate-number  issuing/engine.py       number_certificate: number taken, row written
    during-pdf-render         document/certificates.py  render_pdf: document set up, no pages yet
    after-pdf-stored          issuing/engine.py       store_document: signed PDF added with its hash
    after-submit-commit       issuing/requests.py     submit_request: committed, not yet acknowledged
    smtp-before-data          mail/smtp.py            send_prepared: MAIL/RCPT accepted, DATA not yet sent
    after-smtp-accepted       mail/outbox.py          _deliver: server said 250, the row still says 'sending'
(paths below app/)

"During SMTP DATA" proper (the whole message sent, the client waiting for the server's answer) cannot be
reached from inside smtplib, so the server's DATA handler holds the message until the test has killed the
child, then accepts it: the server has the message and the desk never heard.

After each kill the test process is the restarted desk: it opens the data folder afresh, runs recovery
(the outbox's `send_due` once the dead sender's lease has run out — the request service needs none, as a
Submit is one transaction), checks the invariants, then submits every request again with the same keys
(what the wizard does when Submit is pressed again) and checks again. A request committed but never
acknowledged is complete, and a new wizard for the same member and address is warned about it.

A full disk and a read-only database are simulated inside SQLite (max_page_count, query_only): the tests
run as root, where a read-only folder does not stop writes (see _limit_writes). The kill tests also run
on PostgreSQL (--db=postgres); the storage ones are SQLite-only.
"""

import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import selectinload

from app.access.staff import Actor
from app.audit.trail import verify_chain
from app.desk import Desk
from app.errors import CpcDeskError
from app.issuing.requests import RequestDraft, StorageUnavailable, recent_similar_requests, submit_request
from app.mail.outbox import SENDING_LEASE, send_due
from app.register.recipients import validate_recipient
from app.store.models import (
    Certificate,
    CertificateDocument,
    CertificateRequest,
    CertificateSequence,
    ConsentMethod,
    OutboxMessage,
    OutboxState,
    RequestRecipient,
    RequestStatus,
    StaffRole,
    utcnow,
)
from app.store.numbering import NUMBER_RE
from tests.factories import make_member
from tests.smtp_servers import Received, ScriptedHandler, SmtpServer

ROOT = Path(__file__).resolve().parent.parent
CLERK = Actor("clerk.crash", StaffRole.CLERK, "Crash Test Clerk")

HOSPITAL = {
    "institution_type": "Hospital",
    "name": "Toronto General Hospital",
    "street1": "200 Elizabeth Street",
    "city": "Toronto",
    "state": "ON",
    "country": "CA",
    "postal_code": "M5G 2C4",
    "email": "credentials@tgh.example.org",
}
SCHOOL = {
    "institution_type": "Medical school or university",
    "name": "Karolinska Institutet",
    "street1": "Solnavägen 1",
    "city": "Solna",
    "country": "SE",
    "postal_code": "171 77",
    "email": "registrar@ki.example.se",
}
# Three requests with 1, 2 and 1 recipients: the kill can land between certificates of one request.
SHAPE = ((HOSPITAL,), (HOSPITAL, SCHOOL), (SCHOOL,))
CERTIFICATES = sum(len(r) for r in SHAPE)


# --- the child -------------------------------------------------------------------------------------


def _plan(desk: Desk, database_url: str, folder: Path, *, send: bool) -> Path:
    with desk.db.write() as session:
        members = [make_member(session, last_name=f"Crash {i}").id for i in range(len(SHAPE))]
    plan = {
        "data_dir": str(desk.data_dir),
        "database_url": database_url,
        "send": send,
        "requests": [
            {"member_id": m, "key": f"crash-{i}", "recipients": list(recipients)}
            for i, (m, recipients) in enumerate(zip(members, SHAPE, strict=True))
        ],
    }
    path = folder / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


def _start(plan: Path, fault: str = "") -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "CPC_DESK_FAULT"}
    if fault:
        env["CPC_DESK_FAULT"] = fault
    env["PYTHONPATH"] = str(ROOT)
    # hermetic: never the developer's own keyring (no SMTP user is set, so no password is needed)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    return subprocess.Popen(
        [sys.executable, "-m", "tests.crash_driver", str(plan)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _acknowledged(stdout: str) -> set[str]:
    return {line.split()[2] for line in stdout.splitlines() if line.startswith("ACK ")}


def _drafts(plan: Path) -> list[RequestDraft]:
    items = json.loads(plan.read_text(encoding="utf-8"))["requests"]
    return [
        RequestDraft(
            member_id=item["member_id"],
            recipients=tuple(validate_recipient(r) for r in item["recipients"]),
            consent_given=True,
            consent_method=ConsentMethod.PHONE,
            consent_statement="I certify that I have read and understand the section above.",
            idempotency_key=item["key"],
        )
        for item in items
    ]


# --- the invariants ----------------------------------------------------------------------------------


def _pdf_of(msg: EmailMessage) -> bytes:
    for part in msg.walk():
        if part.get_content_type() == "application/pdf":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload
    raise AssertionError(f"no PDF attached to {msg['Message-ID']}")


def check_consistent(desk: Desk, acknowledged: set[str]) -> set[str]:
    """Every request complete or absent (acknowledged ones complete); numbers gap-free and unique;
    nothing orphaned; the audit chain and the SQLite file intact. Returns the keys of filed requests."""
    with desk.db.read() as session:
        requests = list(
            session.scalars(
                select(CertificateRequest).options(
                    selectinload(CertificateRequest.recipients).selectinload(RequestRecipient.certificates)
                )
            )
        )
        filed = {r.idempotency_key for r in requests}
        assert acknowledged <= filed, f"acknowledged but lost: {acknowledged - filed}"
        certificates: list[Certificate] = []
        for request in requests:
            assert request.status == RequestStatus.ISSUED, (request.number, request.status)
            assert request.issued_at is not None
            for recipient in request.recipients:
                assert [c.issue_seq for c in recipient.certificates] == [0], recipient.name
                certificates.extend(recipient.certificates)
        # nothing left over from a rolled-back request
        assert session.scalar(select(func.count()).select_from(RequestRecipient)) == sum(
            len(r.recipients) for r in requests
        )
        assert session.scalar(select(func.count()).select_from(Certificate)) == len(certificates)
        for cert in certificates:
            doc = session.get(CertificateDocument, cert.id)
            assert doc is not None, f"{cert.number} has no PDF"
            assert cert.pdf_sha256 == hashlib.sha256(doc.pdf).hexdigest()
            assert len(PdfReader(io.BytesIO(doc.pdf), strict=True).pages) >= 1
            queued = session.scalars(
                select(OutboxMessage).where(OutboxMessage.certificate_id == cert.id)
            ).all()
            assert len(queued) == 1, f"{cert.number} has {len(queued)} outbox messages"
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == len(certificates)
        # CPC-YYYY-NNNNNN: consecutive from 1, none twice, and the counter agrees (no number burnt)
        numbers = sorted(c.number for c in certificates)
        matches = [NUMBER_RE.match(n) for n in numbers]
        assert all(matches), numbers
        values = sorted(int(m.group(2)) for m in matches if m)
        assert values == list(range(1, len(certificates) + 1)), numbers
        counters = {s.year: s.last_value for s in session.scalars(select(CertificateSequence))}
        assert sum(counters.values()) == len(certificates), counters
        assert verify_chain(session).ok
        if desk.db.is_sqlite:  # (PostgreSQL has no such check; its WAL makes a killed client harmless)
            assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    return filed


def check_delivered(desk: Desk, received: list[Received]) -> None:
    """Every committed message was delivered at least once, always with its own Message-ID and PDF."""
    by_id: dict[str, list[EmailMessage]] = {}
    for item in received:
        msg = item.message
        by_id.setdefault(str(msg["Message-ID"]), []).append(msg)
    with desk.db.read() as session:
        rows = session.execute(select(OutboxMessage, Certificate).join(Certificate)).all()
        assert {r.message_id for r, _c in rows} == set(by_id), "a message missing, or one we never queued"
        for row, cert in rows:
            assert row.state == OutboxState.SENT, (row.message_id, row.state, row.last_error)
            for copy in by_id[row.message_id]:
                assert [a.addr_spec for a in copy["To"].addresses] == [row.to_address]
                assert hashlib.sha256(_pdf_of(copy)).hexdigest() == cert.pdf_sha256


def recover(data_dir: Path, database_url: str) -> Desk:
    """The desk started again after the crash: a fresh open; the outbox sends once the lease ran out."""
    desk = Desk.open(data_dir, database_url, actor=CLERK)
    report = send_due(desk, now=utcnow() + SENDING_LEASE + timedelta(seconds=1))
    assert not report.failed_permanent and not report.skipped, report.summary()
    return desk


# --- the kills -----------------------------------------------------------------------------------------


@pytest.fixture
def mail_server() -> Iterator[SmtpServer]:
    server = SmtpServer("plain").start()
    yield server
    server.stop()


def _run_killed(plan: Path, fault: str) -> set[str]:
    child = _start(plan, fault)
    out, err = child.communicate(timeout=180)
    assert child.returncode == -signal.SIGKILL, f"not killed at {fault}: rc={child.returncode}\n{err}"
    return _acknowledged(out)


def _resubmit_and_check(desk: Desk, plan: Path, server: SmtpServer, *, before: set[str]) -> None:
    """Staff submit every request again (same keys): nothing twice, all complete, all delivered."""
    for draft in _drafts(plan):
        result = submit_request(desk, CLERK, draft)
        assert result.status == RequestStatus.ISSUED
        assert result.already_submitted == (draft.idempotency_key in before)
    report = send_due(desk)
    assert report.ok, report.summary()
    filed = check_consistent(desk, {d.idempotency_key for d in _drafts(plan)})
    assert len(filed) == len(SHAPE)
    check_delivered(desk, server.received)


# Steps inside Submit: (fault, acknowledged requests, filed requests after the kill)
SUBMIT_STEPS = [
    ("after-request-row:2", 1, 1),
    ("after-certificate-number:3", 1, 1),  # the second certificate of the two-recipient request
    ("during-pdf-render:2", 1, 1),
    ("after-pdf-stored:3", 1, 1),
    ("after-submit-commit:2", 1, 2),  # committed, never acknowledged: complete, not lost
]


@pytest.mark.slow
@pytest.mark.parametrize(("fault", "acked", "filed"), SUBMIT_STEPS, ids=[s[0] for s in SUBMIT_STEPS])
def test_killed_inside_submit(
    desk: Desk, database_url: str, tmp_path: Path, mail_server: SmtpServer, fault: str, acked: int, filed: int
) -> None:
    mail_server.configure(desk.settings)
    plan = _plan(desk, database_url, tmp_path, send=True)

    acknowledged = _run_killed(plan, fault)
    assert len(acknowledged) == acked
    assert mail_server.received == []  # delivery comes after Submit

    again = recover(desk.data_dir, database_url)
    try:
        found = check_consistent(again, acknowledged)
        assert len(found) == filed
        check_delivered(again, mail_server.received)
        # Filed but never acknowledged: the desk died before staff saw it. A new wizard (a new key) for
        # the same member and address is warned about it before filing a second one.
        for draft in _drafts(plan):
            if draft.idempotency_key in found - acknowledged:
                similar = recent_similar_requests(
                    again, CLERK, replace(draft, idempotency_key="after-the-crash")
                )
                assert len(similar) == 1 and draft.recipients[0].email in similar[0]
        _resubmit_and_check(again, plan, mail_server, before=found)
    finally:
        again.close()


SEND_STEPS = ["smtp-before-data:2", "after-smtp-accepted:2", "after-smtp-accepted:4"]


@pytest.mark.slow
@pytest.mark.parametrize("fault", SEND_STEPS)
def test_killed_while_sending(
    desk: Desk, database_url: str, tmp_path: Path, mail_server: SmtpServer, fault: str
) -> None:
    mail_server.configure(desk.settings)
    plan = _plan(desk, database_url, tmp_path, send=True)

    acknowledged = _run_killed(plan, fault)
    assert len(acknowledged) == len(SHAPE)
    delivered_before = len(mail_server.received)
    expected_before = int(fault.split(":")[1]) - (1 if fault.startswith("smtp-before-data") else 0)
    assert delivered_before == expected_before

    again = recover(desk.data_dir, database_url)
    try:
        check_consistent(again, acknowledged)
        check_delivered(again, mail_server.received)
        # a message the server had but whose outcome died with the sender goes again, same Message-ID
        assert len(mail_server.received) >= CERTIFICATES
        _resubmit_and_check(again, plan, mail_server, before=acknowledged)
    finally:
        again.close()


class HoldingHandler(ScriptedHandler):
    """Takes the Nth message into its queue (all its bytes received) and is slow to say "250": a real
    mail server commits the message before answering, so the desk dying in between means the message
    is delivered but the desk never heard. (aiosmtpd cancels the handler when the client goes away.)"""

    def __init__(self, hold: int) -> None:
        super().__init__()
        self.hold = hold
        self.seen = 0
        self.arrived = False
        self.release = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        import asyncio

        self.seen += 1
        if self.seen != self.hold:
            return await super().handle_DATA(server, session, envelope)
        self.received.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or b"")
        )
        self.arrived = True
        while not self.release:
            await asyncio.sleep(0.01)
        return "250 2.0.0 Accepted"


@pytest.mark.slow
def test_killed_during_smtp_data_while_the_server_holds_the_message(
    desk: Desk, database_url: str, tmp_path: Path
) -> None:
    server = SmtpServer("plain")
    handler = HoldingHandler(hold=2)
    server.handler = handler
    server.controller.handler = handler
    server.start()
    try:
        server.configure(desk.settings)
        plan = _plan(desk, database_url, tmp_path, send=True)
        child = _start(plan)
        deadline = time.monotonic() + 120
        while not handler.arrived:  # a condition, not a delay: the child is inside smtp.data()
            assert child.poll() is None, child.communicate()[1]
            assert time.monotonic() < deadline, "the second message never reached DATA"
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        handler.release = True
        assert len(server.received) == 2  # the server has the message the desk never heard about

        again = recover(desk.data_dir, database_url)
        try:
            check_consistent(again, _acknowledged(out))
            check_delivered(again, server.received)
            ids = [str(r.message["Message-ID"]) for r in server.received]
            assert len(ids) > len(set(ids))  # the held message went again, with the same Message-ID
        finally:
            again.close()
    finally:
        server.stop()


# --- a full or read-only database while issuing ---------------------------------------------------------


def _limit_writes(desk: Desk, pragma: str) -> Callable[[Any, Any], None]:
    """Every new connection gets `pragma`; the pool is emptied so the next write uses one.

    Tests run as root, where a read-only folder (chmod) does not stop writes and mounting a tiny
    filesystem needs privileges CI may not have. SQLite itself can be told the disk is full
    (max_page_count: no more pages than the file has now, so the next growth fails with SQLITE_FULL,
    the same error as a full disk) or that the database is read-only (query_only: SQLITE_READONLY).
    """

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        if pragma == "full":
            pages = cur.execute("PRAGMA page_count").fetchone()[0]
            cur.execute(f"PRAGMA max_page_count = {pages}")
        else:
            cur.execute("PRAGMA query_only = ON")
        cur.close()

    event.listen(desk.db.engine, "connect", on_connect)
    desk.db.engine.dispose()
    return on_connect


def _lift_limit(desk: Desk, listener: Callable[[Any, Any], None]) -> None:
    event.remove(desk.db.engine, "connect", listener)
    desk.db.engine.dispose()


@pytest.mark.parametrize("trouble", ["full", "read-only"])
def test_full_or_read_only_database_while_issuing(
    desk: Desk, database_url: str, tmp_path: Path, trouble: str
) -> None:
    if not desk.db.is_sqlite:
        pytest.skip("simulated with SQLite pragmas")
    plan = _plan(desk, database_url, tmp_path, send=False)
    first, second = _drafts(plan)[:2]
    submit_request(desk, CLERK, first)
    # A request with a few long addresses: it needs pages the file does not have yet.
    big = replace(
        second,
        recipients=tuple(
            replace(r, attention=f"Credentialing office {i} " + "x" * 150)
            for i, r in enumerate(second.recipients * 5)
        ),
    )
    listener = _limit_writes(desk, trouble)
    with pytest.raises(StorageUnavailable) as caught:
        submit_request(desk, CLERK, big)
    message = str(caught.value)
    assert isinstance(caught.value, CpcDeskError)  # the wizard shows str() as it is, no traceback
    assert ("disk is full" if trouble == "full" else "read-only") in message
    assert "Nothing was filed" in message and "Submit again" in message
    assert "sqlite" not in message.lower() and "Traceback" not in message

    _lift_limit(desk, listener)
    check_consistent(desk, {first.idempotency_key})
    result = submit_request(desk, CLERK, big)  # the same Submit, once there is room: filed once
    assert result.status == RequestStatus.ISSUED and not result.already_submitted
    assert len(result.recipients) == 10
    again = submit_request(desk, CLERK, big)
    assert again.already_submitted and again.request_id == result.request_id
    check_consistent(desk, {first.idempotency_key, big.idempotency_key})
