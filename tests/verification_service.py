"""For the verification service tests: a register with certificates in every standing, issued through the
real issuing engine, and the real service (uvicorn) on a loopback port chosen at run time."""

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from app.access.permissions import Actor
from app.desk import Desk
from app.document.signing import load_signer
from app.document.verification import revoke_certificate
from app.issuing import engine
from app.issuing.requests import reissue_certificate
from app.register.recipients import RecipientInput
from app.store.models import Certificate, ConsentMethod, Member, MemberStatus, StaffRole, utcnow
from tests.cli_runner import cli_command
from tests.factories import make_member

REGISTRAR = Actor("registrar.test", StaffRole.REGISTRAR, "Test Registrar")
HOSPITAL = RecipientInput(
    institution_type="Hospital",
    name="Toronto General Hospital",
    attention="Medical Staff Office",
    street1="200 Elizabeth Street",
    city="Toronto",
    state="ON",
    country="CA",
    postal_code="M5G 2C4",
    email="credentials@tgh.example.org",
)
SUSPENDED_ON = date(2026, 12, 2)


@dataclass(frozen=True)
class Issued:
    number: str
    code: str
    pdf: bytes


def issue(desk: Desk, *, issued_on: date | None = None, **member: object) -> Issued:
    """One member and one certificate through the real engine (numbered, statement kept, drawn, signed)."""
    issued_on = issued_on or date.today()
    signer = load_signer(desk)  # before the write: the first load records the signing certificate
    with desk.db.write() as session:
        row = make_member(session, **member)
        filing = engine.Filing(
            member=engine.MemberFacts.of(row),
            recipients=(HOSPITAL,),
            consent_method=ConsentMethod.PHONE,
            consent_at=utcnow(),
            consent_statement="The member consents.",
            idempotency_key=uuid.uuid4().hex,
        )
        filed = engine.file_request(session, desk, REGISTRAR, filing, issued_on=issued_on)
        assert filed.certificates, filed.review_reasons
        engine.issue_documents(session, desk, REGISTRAR, filed.certificates, signer, queue_email=False)
        number = filed.certificates[0].number
    return stored(desk, number)


def stored(desk: Desk, number: str) -> Issued:
    with desk.db.read() as session:
        cert = session.scalars(select(Certificate).where(Certificate.number == number)).one()
        assert cert.document is not None
        return Issued(cert.number, cert.verification_code, cert.document.pdf)


@dataclass(frozen=True)
class Register:
    valid: Issued
    revoked: Issued
    replaced: Issued
    replacement: Issued
    expired: Issued
    suspended: Issued  # valid, but the member was suspended with a discipline finding after issue


def fill_register(desk: Desk) -> Register:
    valid = issue(desk, first_name="Ada", last_name="Valid")
    revoked = issue(desk, first_name="Rex", last_name="Revoked")
    revoke_certificate(desk, REGISTRAR, revoked.number, "Issued in error")
    replaced = issue(desk, first_name="Rhea", last_name="Replaced")
    new = reissue_certificate(desk, REGISTRAR, replaced.number, reason="Address corrected")
    replacement = stored(desk, new.number)
    expired = issue(desk, issued_on=date.today() - timedelta(days=400), first_name="Ed", last_name="Expired")
    suspended = issue(desk, first_name="Sam", last_name="Suspended")
    with desk.db.write() as session:
        member = session.scalars(select(Member).where(Member.last_name == "Suspended")).one()
        member.status = MemberStatus.SUSPENDED
        member.status_since = SUSPENDED_ON
        member.discipline = "Professional misconduct found on 1 December 2026."
    return Register(valid, revoked, replaced, replacement, expired, suspended)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_service(
    data_dir: Path, database_url: str, *extra: str, port: int | None = None
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`cpc-desk verification serve` as its own process; yields its base URL and the process. Stops it
    with SIGTERM and checks it stopped cleanly."""
    port = port or free_port()
    argv = ["--data-dir", str(data_dir), "--database-url", database_url, "verification", "serve"]
    proc = subprocess.Popen(
        [*cli_command([*argv, "--port", str(port), *extra])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if proc.poll() is not None:
            raise AssertionError(f"the service stopped at start: {proc.stderr.read() if proc.stderr else ''}")
        try:
            httpx.get(base + "/", timeout=1)
            break
        except httpx.TransportError:
            if time.monotonic() > deadline:
                proc.kill()
                raise AssertionError("the service did not start within 30 s") from None
            time.sleep(0.1)
    try:
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                raise
        if proc.stdout:
            proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()


_ = sys  # the subprocess runs under this interpreter (cli_command uses sys.executable)
