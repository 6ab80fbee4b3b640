"""One issuing engine: the wizard's Submit, approval, reissue and a batch row file, number, store and audit
a certificate the same way (app/issuing/engine.py), and no other module writes certificates."""

import ast
import csv
import hashlib
import json
from pathlib import Path

from sqlalchemy import select

from app.access.staff import Actor
from app.batch.run import BatchOptions, run_requests_file
from app.desk import Desk
from app.issuing.requests import (
    RequestDraft,
    approve_request,
    reissue_certificate,
    submit_request,
)
from app.register.recipients import validate_recipient
from app.store.models import (
    AuditEvent,
    Certificate,
    CertificateDocument,
    CertificateRequest,
    ConsentMethod,
    Institution,
    InstitutionType,
    OutboxMessage,
    RequestStatus,
    StaffRole,
)
from tests.factories import make_member

APP = Path(__file__).resolve().parent.parent / "app"
REGISTRAR = Actor("registrar.test", StaffRole.REGISTRAR, "Test Registrar")

TGH = {
    "institution_type": "Hospital",
    "name": "Toronto General Hospital",
    "street1": "200 Elizabeth Street",
    "city": "Toronto",
    "state": "ON",
    "country": "CA",
    "postal_code": "M5G 2C4",
    "email": "credentials@tgh.example.org",
}

# What issuing one certificate to one recipient writes to the audit trail, whatever started it.
ONE_CERTIFICATE = [
    "request.created",
    "request.consent_recorded",
    "request.submitted",
    "certificate.issued",
    "request.issued",
    "certificate.signed",
    "outbox.queued",
]


def _hospital(desk: Desk) -> int:
    with desk.db.write() as session:
        kind = session.scalar(select(InstitutionType).where(InstitutionType.name == "Hospital"))
        assert kind is not None  # a new desk is seeded with the default types
        address = {k: v for k, v in TGH.items() if k != "institution_type"}
        inst = Institution(type_id=kind.id, **address, verified=True)
        session.add(inst)
        session.flush()
        return inst.id


def _events_of(desk: Desk, request_id: int) -> list[tuple[str, dict[str, object]]]:
    """The audit events about one request and its certificates, oldest first."""
    with desk.db.read() as session:
        request = session.get(CertificateRequest, request_id)
        assert request is not None
        subjects = {request.number} | {c.number for r in request.recipients for c in r.certificates}
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.subject.in_(subjects)).order_by(AuditEvent.id)
        ).all()
        return [(e.kind, json.loads(e.after_json or "null") or {}) for e in rows]


def _certificate_of(desk: Desk, request_id: int) -> tuple[Certificate, bytes, int]:
    with desk.db.read() as session:
        request = session.get(CertificateRequest, request_id)
        assert request is not None
        [recipient] = request.recipients
        [certificate] = recipient.certificates
        document = session.get(CertificateDocument, certificate.id)
        assert document is not None
        emails = len(
            session.scalars(select(OutboxMessage).where(OutboxMessage.certificate_id == certificate.id)).all()
        )
        session.expunge(certificate)
        return certificate, bytes(document.pdf), emails


def test_the_wizard_and_a_batch_row_write_the_same_rows_and_the_same_audit_events(
    desk: Desk, tmp_path: Path
) -> None:
    institution_id = _hospital(desk)
    with desk.db.write() as session:
        by_wizard = make_member(session, cpso_number="104512").id
        make_member(session, cpso_number="104513", first_name="Batch", last_name="Member")
    recipient = validate_recipient({**TGH, "institution_id": institution_id})
    filed = submit_request(
        desk,
        desk.actor,
        RequestDraft(by_wizard, (recipient,), True, ConsentMethod.PHONE, "I consent."),
    )
    requests_file = tmp_path / "requests.csv"
    with requests_file.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(
            ["cpso_number", "institution_type", "institution_name", "consent_method", "consent_date"]
        )
        writer.writerow(["104513", "Hospital", "Toronto General Hospital", "phone", "2026-01-05"])
    batch = run_requests_file(desk, requests_file, BatchOptions(workers=1, queue_email=True))
    assert len(batch.issued) == 1
    with desk.db.read() as session:
        batch_request = session.scalar(
            select(CertificateRequest.id).where(CertificateRequest.batch_id == batch.batch_id)
        )
    assert batch_request is not None

    wizard_events, batch_events = _events_of(desk, filed.request_id), _events_of(desk, batch_request)
    assert [k for k, _ in wizard_events] == ONE_CERTIFICATE
    assert [k for k, _ in batch_events] == ONE_CERTIFICATE
    # the same details in every event, the batch adding only where the request came from
    for (kind, wizard_after), (_kind, batch_after) in zip(wizard_events, batch_events, strict=True):
        extra = {"batch", "line"} if kind == "request.created" else set()
        assert set(batch_after) == set(wizard_after) | extra, kind
    consent = dict(batch_events)["request.consent_recorded"]
    assert consent["method"] == "phone" and str(consent["at"]).startswith("2026-01-05")

    for request_id in (filed.request_id, batch_request):
        certificate, pdf, emails = _certificate_of(desk, request_id)
        assert certificate.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
        assert pdf.startswith(b"%PDF") and certificate.number.encode() in pdf
        assert emails == 1
        signed = dict(_events_of(desk, request_id))["certificate.signed"]
        assert signed == {"pdf_sha256": certificate.pdf_sha256}


def test_approval_and_reissue_number_and_store_through_the_engine(desk: Desk) -> None:
    _hospital(desk)
    with desk.db.write() as session:
        flagged = make_member(session, cpso_number="209876", pending_investigations="Under review.").id
    recipient = validate_recipient(TGH)
    held = submit_request(
        desk, desk.actor, RequestDraft(flagged, (recipient,), True, ConsentMethod.IN_PERSON, "I consent.")
    )
    assert held.status == RequestStatus.AWAITING_REVIEW
    assert [k for k, _ in _events_of(desk, held.request_id)] == ONE_CERTIFICATE[:3]

    approved = approve_request(desk, REGISTRAR, held.request_id)
    assert approved.status == RequestStatus.ISSUED
    assert [k for k, _ in _events_of(desk, held.request_id)] == [
        *ONE_CERTIFICATE[:3],
        "request.approved",
        *ONE_CERTIFICATE[3:],
    ]
    old_number = approved.recipients[0].certificate_number

    new = reissue_certificate(desk, REGISTRAR, old_number, reason="the hospital lost it")
    kinds = [k for k, _ in _events_of(desk, held.request_id)]
    assert kinds[-5:] == [
        "certificate.revoked",
        "certificate.issued",
        "certificate.signed",
        "outbox.queued",
        "certificate.reissued",
    ]
    issued = [after for kind, after in _events_of(desk, held.request_id) if kind == "certificate.issued"]
    assert issued[-1]["replaces"] == old_number and issued[-1]["issue_seq"] == 1
    with desk.db.read() as session:
        stored = session.get(Certificate, new.id)
        document = session.get(CertificateDocument, new.id)
        assert stored is not None and document is not None
        assert stored.pdf_sha256 == hashlib.sha256(document.pdf).hexdigest()
        assert stored.replaces_id is not None


def _writes_certificates(tree: ast.AST) -> list[str]:
    """Where a module makes certificate rows or numbers itself instead of asking the engine."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in {
                "Certificate",
                "CertificateDocument",
                "allocate_certificate_number",
                "allocate_document_number",
            }:
                found.append(f"line {node.lineno}: {name}(…)")
    return found


def test_no_module_but_the_engine_numbers_or_writes_a_certificate() -> None:
    offenders = {}
    for path in sorted(APP.rglob("*.py")):
        if path.relative_to(APP).as_posix() in {"issuing/engine.py", "store/numbering.py"}:
            continue
        found = _writes_certificates(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[path.relative_to(APP).as_posix()] = found
    assert offenders == {}, f"certificates made outside app/issuing/engine.py: {offenders}"


def test_the_scan_finds_a_second_issuing_path() -> None:
    source = "def sneaky(s):\n    s.add(Certificate(number=allocate_certificate_number(s, 2026)))\n"
    assert len(_writes_certificates(ast.parse(source))) == 2
