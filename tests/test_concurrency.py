"""Several desks at once: certificate numbers stay unique and gap-free, and no request or event is lost.

Four real processes (spawn) issue at the same moment against one SQLite file and against PostgreSQL.
"""

import multiprocessing
import queue
import traceback
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.access.staff import Actor
from app.audit.trail import record, verify_chain
from app.desk import Desk
from app.store.db import Database
from app.store.models import (
    AuditEvent,
    Certificate,
    CertificateRequest,
    ConsentMethod,
    Member,
    MemberStatus,
    RequestRecipient,
    RequestStatus,
    StaffRole,
)
from app.store.numbering import NUMBER_RE, allocate_certificate_number, new_verification_code

PROCESSES = 4
ISSUES_EACH = 50
YEAR = 2031


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared_url(request: pytest.FixtureRequest, data_dir: Path) -> str:
    """One database that every process opens: an SQLite file, or a PostgreSQL database."""
    if request.param == "postgres":
        url: str = request.getfixturevalue("postgres_url")
        return url
    return f"sqlite:///{data_dir / 'shared.sqlite3'}"


def _new_member(session: Any, cpso: str = "123456") -> Member:
    member = Member(
        cpso_number=cpso,
        first_name="Zoë",
        last_name="Nakamura-Ødegård",
        registration_class="Independent Practice",
        status=MemberStatus.ACTIVE,
        initial_registration_date=date(2010, 7, 1),
    )
    session.add(member)
    session.flush()
    return member


def _recipient(request_id: int, position: int) -> RequestRecipient:
    return RequestRecipient(
        request_id=request_id,
        position=position,
        institution_type="Hospital",
        name=f"Hospital {position}",
        street1="1 Main Street",
        city="Toronto",
        state="ON",
        country="CA",
        postal_code="M5G 2E2",
        email=f"h{position}@example.org",
    )


# --- the worker processes (module level, so `spawn` can import them) -------------------------------


def _run(target: Any, worker: int, args: tuple[Any, ...], start: Any, out: Any) -> None:
    try:
        start.wait(60)
        out.put((worker, "ok", target(worker, *args)))
    except BaseException:  # noqa: BLE001 - everything must reach the parent, which fails the test
        out.put((worker, "error", traceback.format_exc()))


def _issue_with_allocator(worker: int, url: str, request_id: int) -> list[str]:
    """The database part of issuing: number, certificate row and audit event, committed together."""
    db = Database(url)
    actor = Actor(f"desk{worker}", StaffRole.CLERK)
    numbers = []
    try:
        for i in range(ISSUES_EACH):
            with db.write() as session:
                recipient = _recipient(request_id, worker * 1000 + i)
                session.add(recipient)
                session.flush()
                number = allocate_certificate_number(session, YEAR)
                session.add(
                    Certificate(
                        number=number,
                        recipient_id=recipient.id,
                        issue_seq=0,
                        issued_by=actor.username,
                        issue_date=date(YEAR, 3, 1),
                        valid_until=date(YEAR, 6, 1),
                        verification_code=new_verification_code(),
                    )
                )
                record(session, actor, "certificate.issued", subject=number)
            numbers.append(number)
    finally:
        db.dispose()
    return numbers


def _submit_requests(worker: int, url: str, data_dir: str, member_id: int) -> list[str]:
    """The real Submit path of the wizard: validate, file, number, render, sign, queue the email."""
    from app.issuing.requests import RequestDraft, submit_request
    from app.register.recipients import RecipientInput

    desk = Desk.open(data_dir, url, actor=Actor(f"desk{worker}", StaffRole.CLERK), migrate=False)
    numbers = []
    try:
        for i in range(ISSUES_EACH):
            draft = RequestDraft(
                member_id=member_id,
                recipients=(
                    RecipientInput(
                        institution_type="Hospital",
                        name=f"Hôpital {worker}-{i}",
                        street1="1 Main Street",
                        city="Toronto",
                        state="ON",
                        country="CA",
                        postal_code="M5G 2E2",
                        email=f"records{worker}.{i}@example.org",
                    ),
                ),
                consent_given=True,
                consent_method=ConsentMethod.PHONE,
                consent_statement="I consent.",
                idempotency_key=f"w{worker}-{i}",
            )
            result = submit_request(desk, desk.actor, draft)
            assert result.status == RequestStatus.ISSUED, result
            numbers.extend(r.certificate_number for r in result.recipients)
    finally:
        desk.close()
    return numbers


def _wrong_passwords(worker: int, url: str, data_dir: str) -> list[str]:
    """Every desk types two wrong passwords for the same account at the same moment."""
    from app.access.staff import SignInFailed, sign_in

    desk = Desk.open(data_dir, url, migrate=False)
    refusals = []
    try:
        for attempt in range(2):
            try:
                sign_in(desk, "shared.account", f"wrong-{worker}-{attempt}")
            except SignInFailed as exc:
                refusals.append(str(exc))
    finally:
        desk.close()
    return refusals


def _in_parallel(target: Any, *args: Any) -> dict[int, list[str]]:
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    out = ctx.Queue()
    procs = [ctx.Process(target=_run, args=(target, w, args, start, out)) for w in range(PROCESSES)]
    for p in procs:
        p.start()
    start.set()  # every process is up: issue at the same moment
    results: dict[int, list[str]] = {}
    errors = []
    try:
        for _ in procs:
            worker, status, value = out.get(timeout=600)
            if status == "ok":
                results[worker] = value
            else:
                errors.append(f"process {worker}:\n{value}")
    except queue.Empty:
        errors.append("a process neither finished nor failed within 10 minutes")
    finally:
        for p in procs:
            p.join(30)
            if p.is_alive():
                p.kill()
    assert not errors, "\n".join(errors)
    return results


def _assert_consecutive(results: dict[int, list[str]], db: Database, year: int) -> None:
    everything = [n for numbers in results.values() for n in numbers]
    total = PROCESSES * ISSUES_EACH
    assert all(len(numbers) == ISSUES_EACH for numbers in results.values()), "a request was lost"
    assert all(NUMBER_RE.match(n) for n in everything)
    assert sorted(everything) == [f"CPC-{year}-{i:06d}" for i in range(1, total + 1)]
    for numbers in results.values():
        assert numbers == sorted(numbers)  # each desk's numbers only go up
    with db.read() as session:
        stored = sorted(session.execute(select(Certificate.number)).scalars())
        assert stored == sorted(everything)
        report = verify_chain(session)
        assert report.ok, report.problem
        issued = session.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.kind == "certificate.issued")
        ).scalar_one()
        assert issued == total


def test_four_processes_allocating_numbers_at_once(shared_url: str) -> None:
    db = Database(shared_url)
    db.ensure_schema()
    with db.write() as session:
        member = _new_member(session)
        request = CertificateRequest(member=member, status=RequestStatus.DRAFT, created_by="setup")
        session.add(request)
        session.flush()
        request_id = request.id
    try:
        results = _in_parallel(_issue_with_allocator, shared_url, request_id)
        _assert_consecutive(results, db, YEAR)
    finally:
        db.dispose()


@pytest.mark.slow
def test_four_desks_submitting_requests_at_once(shared_url: str, data_dir: Path) -> None:
    from app.document.signing import load_signer
    from app.issuing.requests import local_today

    desk = Desk.open(data_dir, shared_url)
    try:
        load_signer(desk)  # the demo signing key is made once, before the desks start
        with desk.db.write() as session:
            member_id = _new_member(session).id
        results = _in_parallel(_submit_requests, shared_url, str(data_dir), member_id)
        _assert_consecutive(results, desk.db, local_today().year)
        with desk.db.read() as session:
            assert session.execute(select(func.count()).select_from(CertificateRequest)).scalar_one() == 200
    finally:
        desk.close()


def test_a_rolled_back_issue_gives_its_number_back(desk: Desk) -> None:
    with desk.db.write() as session:
        assert allocate_certificate_number(session, YEAR) == f"CPC-{YEAR}-000001"
    with pytest.raises(RuntimeError), desk.db.write() as session:
        assert allocate_certificate_number(session, YEAR) == f"CPC-{YEAR}-000002"
        raise RuntimeError("rendering failed")
    with desk.db.write() as session:
        assert allocate_certificate_number(session, YEAR) == f"CPC-{YEAR}-000002"
        assert allocate_certificate_number(session, YEAR + 1) == f"CPC-{YEAR + 1}-000001"


def test_wrong_passwords_typed_at_four_desks_at_once_all_count(shared_url: str, data_dir: Path) -> None:
    from app.access.staff import create_first_admin, create_staff_user
    from app.store.models import StaffUser, utcnow

    desk = Desk.open(data_dir, shared_url)
    try:
        boss = create_first_admin(desk, "boss", "Bea Boss", "boss-password")
        create_staff_user(desk, boss, "shared.account", "", StaffRole.CLERK, "right-password")
        results = _in_parallel(_wrong_passwords, shared_url, str(data_dir))
        refusals = [r for rs in results.values() for r in rs]
        assert len(refusals) == 8  # 4 desks x 2 attempts, every one refused
        with desk.db.read() as session:
            user = session.execute(
                select(StaffUser).where(StaffUser.username == "shared.account")
            ).scalar_one()
            # the 5th wrong password locked the account; the 3 after it were refused as locked
            assert user.locked_until is not None and user.locked_until > utcnow()
            kinds = list(
                session.execute(
                    select(AuditEvent.kind)
                    .where(AuditEvent.actor == "shared.account")
                    .order_by(AuditEvent.id)
                ).scalars()
            )
            assert kinds == ["signin.failed"] * 4 + ["signin.locked"] + ["signin.failed"] * 3
            assert verify_chain(session).ok
        assert sum("locked" in r for r in refusals) == 4
    finally:
        desk.close()
