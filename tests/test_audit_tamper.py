"""Tampering with the database behind CPC Desk's back is reported by `audit verify` (exit 1, naming what).

The tamperer holds the whole data folder and database file (edited here with the sqlite3 module, as with
the sqlite3 shell) but not the signing key's passphrase, which lives in the OS keyring. Each test starts
from the same real register: members, two requests filed and issued through the services, certificates
signed with a passphrase-protected College key, one revoked, a staff account, a register setting changed.
"""

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from app.access import secrets
from app.access.staff import Actor, create_staff_user
from app.audit import anchor
from app.audit.trail import event_hash
from app.desk import Desk
from app.document.verification import revoke_certificate
from app.issuing.requests import RequestDraft, submit_request
from app.register.recipients import validate_recipient
from app.setting_changes import change_setting
from app.store.models import ConsentMethod, StaffRole
from tests.cli_runner import run_cli
from tests.factories import make_member
from tests.signing_pki import issue, make_root, write_pkcs12

ADMIN = Actor("admin.test", StaffRole.ADMIN, "Test Admin")
PASSPHRASE = "correct horse battery staple"
HOSPITAL = validate_recipient(
    {
        "institution_type": "Hospital",
        "name": "Toronto General Hospital",
        "street1": "200 Elizabeth Street",
        "city": "Toronto",
        "state": "ON",
        "country": "CA",
        "postal_code": "M5G 2C4",
        "email": "credentials@tgh.example.org",
    }
)

# The register, built once per test session and copied for each tampering.
_template: dict[str, Path] = {}


def make_pkcs12(path: Path, passphrase: str, name: str = "College of Physicians (test)") -> Path:
    """A document-signing key fit to sign (issued by a root of its own, digitalSignature usage), in an
    encrypted PKCS#12 file; returns the root's PEM, which the desk is configured to trust."""
    root = make_root(f"{name} root")
    cert, key = issue(root, cn=name)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_pkcs12(path, cert, key, [root.cert], passphrase.encode())
    return root.write_pem(path.with_suffix(".root.pem"))


def _draft(member_id: int) -> RequestDraft:
    return RequestDraft(
        member_id=member_id,
        recipients=(HOSPITAL,),
        consent_given=True,
        consent_method=ConsentMethod.PHONE,
        consent_statement="I certify that I have read and understand the section above.",
    )


def _build(folder: Path) -> None:
    db_url = f"sqlite:///{folder / 'cpc-desk.sqlite3'}"
    root_pem = make_pkcs12(folder / "keys" / "college.p12", PASSPHRASE)
    desk = Desk.open(folder, db_url, actor=ADMIN)
    try:
        desk.settings.set("signing.root_certificate", str(root_pem))
        desk.settings.set("signing.pkcs12_path", str(folder / "keys" / "college.p12"))
        desk.settings.set("mail.offline", True)
        with desk.db.write() as s:
            first = make_member(s, cpso_number="100001").id
            second = make_member(s, cpso_number="100002", first_name="Ana", last_name="Álvarez").id
        submit_request(desk, ADMIN, _draft(first))
        result = submit_request(desk, ADMIN, _draft(second))
        number = result.recipients[0].certificate_number
        assert number
        revoke_certificate(desk, ADMIN, number, "Issued to the wrong hospital")
        create_staff_user(desk, ADMIN, "clerk.one", "Clerk One", StaffRole.CLERK, "a long clerk password 1")
        change_setting(desk, ADMIN, "smtp.bcc_archive", "archive@college.example.org")
    finally:
        desk.close()


@pytest.fixture
def register(data_dir: Path, memory_keyring: object) -> Path:
    """A copy of the built register in this test's data folder; the passphrase is in the keyring."""
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, PASSPHRASE)
    if "folder" not in _template:
        built = data_dir.parent / "template"
        _build(built)
        _template["folder"] = built
    source = _template["folder"]
    shutil.rmtree(data_dir, ignore_errors=True)
    shutil.copytree(source, data_dir)
    # the template's key path pointed into the template folder: point it at this copy
    settings = data_dir / "settings.json"
    settings.write_text(settings.read_text(encoding="utf-8").replace(str(source), str(data_dir)))
    return data_dir


def verify(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    url = f"sqlite:///{folder / 'cpc-desk.sqlite3'}"
    code = run_cli(["--data-dir", str(folder), "--database-url", url, "audit", "verify"])
    out = capsys.readouterr()
    return code, out.out + out.err


def sql(folder: Path, *statements: str) -> None:
    con = sqlite3.connect(folder / "cpc-desk.sqlite3")
    try:
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def one(folder: Path, query: str) -> object:
    con = sqlite3.connect(folder / "cpc-desk.sqlite3")
    try:
        return con.execute(query).fetchone()[0]
    finally:
        con.close()


def assert_broken(folder: Path, capsys: pytest.CaptureFixture[str], *expected: str) -> str:
    code, text = verify(folder, capsys)
    assert code == 1, text
    assert "AUDIT TRAIL BROKEN" in text
    for piece in expected:
        assert piece in text, text
    assert "Traceback" not in text
    return text


def test_the_untouched_register_verifies(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = verify(register, capsys)
    assert code == 0, text
    assert "Audit trail intact" in text
    # every transaction that wrote events signed the head: the newest event is covered
    assert one(register, "select max(event_id) from audit_checkpoint") == one(
        register, "select max(id) from audit_event"
    )


# --- the trail's own rows ---------------------------------------------------------------------------


def test_editing_an_events_subject(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = one(register, "select min(id) from audit_event where kind = 'certificate.revoked'")
    sql(register, f"update audit_event set subject = 'CPC-1999-000001' where id = {target}")
    assert_broken(register, capsys, f"event {target}", "altered")


def test_editing_an_events_actor(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = one(register, "select min(id) from audit_event where kind = 'certificate.revoked'")
    sql(register, f"update audit_event set actor = 'clerk.one' where id = {target}")
    assert_broken(register, capsys, f"event {target}", "altered")


def test_deleting_the_last_event(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(register, "delete from audit_event where id = (select max(id) from audit_event)")
    # (`audit verify` signs in, and the sign-in's own events are appended after the tampering: they do not
    # follow on from what is left, so the break is named where they meet it)
    assert_broken(register, capsys, "an event between them was removed")


def test_deleting_a_middle_event(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = one(register, "select min(id) from audit_event where kind = 'certificate.revoked'")
    sql(register, f"delete from audit_event where id = {target}")
    assert_broken(register, capsys, f"event {target + 1}", "does not follow")


def test_deleting_every_event_keeping_the_head(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(register, "delete from audit_event")
    # (`audit verify` signs in, and the sign-in's own events are appended after the tampering: they do not
    # follow on from what is left, so the break is named where they meet it)
    assert_broken(register, capsys, "does not follow the start of the trail")


def test_truncating_the_tail_and_moving_the_head(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    revoked = one(register, "select id from audit_event where kind = 'certificate.revoked'")
    keep = int(str(revoked)) - 1
    sql(
        register,
        f"delete from audit_event where id > {keep}",
        f"update audit_head set last_event_id = {keep}, "
        f"last_hash = (select hash from audit_event where id = {keep})",
    )
    # the sign-in's events take the removed events' ids: none is the event its checkpoint signed
    assert_broken(register, capsys, f"event {revoked}", "checkpoint", "the trail up to it was rewritten")


def test_truncating_the_tail_with_its_checkpoints(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The careful tamperer also drops the checkpoints that signed the removed events: the rows those events
    # wrote (the staff account made after the revocation, the revoked certificate) no longer agree with
    # what the trail says of them.
    revoked = one(register, "select id from audit_event where kind = 'certificate.revoked'")
    keep = int(str(revoked)) - 1
    sql(
        register,
        f"delete from audit_event where id > {keep}",
        f"delete from audit_checkpoint where event_id > {keep}",
        f"update audit_head set last_event_id = {keep}, "
        f"last_hash = (select hash from audit_event where id = {keep})",
    )
    assert_broken(register, capsys, "staff account clerk.one", "added outside CPC Desk")


def test_deleting_every_event_and_the_head(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(register, "delete from audit_event", "delete from audit_head")
    assert_broken(register, capsys, "event 1 ", "checkpoint", "the trail up to it was rewritten")


def test_deleting_the_whole_trail_and_its_checkpoints(
    register: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sql(register, "delete from audit_event", "delete from audit_head", "delete from audit_checkpoint")
    assert_broken(register, capsys, "member 100001", "not in the trail")


def test_deleting_the_head_alone(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(register, "delete from audit_head")
    # a new head starts from the beginning again: the sign-in's event does not follow the last one
    assert_broken(register, capsys, "does not follow event", "an event between them was removed")


def _rewrite_from(folder: Path, first_id: int, after_json: str) -> None:
    """Rewrite one event and recompute every later hash and the head, as the tamperer's script would."""
    con = sqlite3.connect(folder / "cpc-desk.sqlite3")
    try:
        rows = con.execute(
            "select id, at, actor, kind, member_id, subject, before_json, after_json, state_json, prev_hash "
            "from audit_event where id >= ? order by id",
            (first_id,),
        ).fetchall()
        prev = rows[0][9]
        for row in rows:
            ev_id, at, actor, kind, member_id, subject, before, after, state, _ = row
            if ev_id == first_id:
                after = after_json
            at_value = datetime.fromisoformat(at).replace(tzinfo=UTC)
            digest = event_hash(prev, at_value, actor, kind, member_id, subject, before, after, state)
            con.execute(
                "update audit_event set after_json = ?, prev_hash = ?, hash = ? where id = ?",
                (after, prev, digest, ev_id),
            )
            prev = digest
        con.execute("update audit_head set last_hash = ?", (prev,))
        con.commit()
    finally:
        con.close()


def test_rewriting_an_event_and_every_later_hash(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    revoked = int(str(one(register, "select id from audit_event where kind = 'certificate.revoked'")))
    _rewrite_from(register, revoked, '{"reason":"asked by the member","revoked":true}')
    assert_broken(register, capsys, f"event {revoked}", "checkpoint", "rewritten")


def test_rewriting_an_event_and_dropping_the_checkpoints(
    register: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    revoked = int(str(one(register, "select id from audit_event where kind = 'certificate.revoked'")))
    _rewrite_from(register, revoked, '{"reason":"asked by the member","revoked":true}')
    sql(register, f"delete from audit_checkpoint where event_id >= {revoked}")
    assert_broken(register, capsys, f"events {revoked} to", "not covered by a checkpoint")


def test_a_checkpoint_signed_with_another_key(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The tamperer signs the rewritten head with a key of their own: it is not the College's.
    revoked = int(str(one(register, "select id from audit_event where kind = 'certificate.revoked'")))
    _rewrite_from(register, revoked, '{"reason":"asked by the member","revoked":true}')
    sql(register, f"delete from audit_checkpoint where event_id >= {revoked}")
    make_pkcs12(register / "keys" / "forger.p12", "forger", name="College of Physicians (test)")
    key, cert, _ = pkcs12.load_key_and_certificates(
        (register / "keys" / "forger.p12").read_bytes(), b"forger"
    )
    assert cert is not None
    from cryptography.hazmat.primitives.serialization import Encoding

    forged = anchor.CollegeKey(cert.public_bytes(Encoding.DER), key)
    head_id = int(str(one(register, "select last_event_id from audit_head")))
    head_hash = str(one(register, "select last_hash from audit_head"))
    at = datetime.now(UTC)
    signature = anchor.sign_checkpoint(forged, head_id, head_hash, at)
    sql(
        register,
        "insert into audit_checkpoint (event_id, event_hash, signed_at, signer_sha256, signature) values "
        f"({head_id}, '{head_hash}', '{at.replace(tzinfo=None).isoformat(sep=' ')}', "
        f"'{forged.fingerprint}', '{signature}')",
    )
    assert_broken(register, capsys, "checkpoint", "does not carry the College's signature")


# --- the register's rows, changed without an event ---------------------------------------------------


def test_unrevoking_a_certificate(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    number = one(register, "select number from certificate where revoked = 1")
    sql(register, "update certificate set revoked = 0 where revoked = 1")
    assert_broken(register, capsys, f"certificate {number}", "revoked", "changed outside CPC Desk")


def test_renaming_a_member(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(register, "update member set last_name = 'Smith' where cpso_number = '100002'")
    assert_broken(register, capsys, "member 100002", "last_name", "changed outside CPC Desk")


def test_changing_a_requests_consent(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(register, "update certificate_request set consent_method = 'in_person' where id = 1")
    assert_broken(register, capsys, "request R-0000001", "consent_method")


def test_changing_who_filed_a_request(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(register, "update certificate_request set created_by = 'clerk.one' where id = 2")
    assert_broken(register, capsys, "request R-0000002", "created_by")


def test_changing_a_recipients_email(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(register, "update request_recipient set email = 'thief@elsewhere.example' where id = 1")
    assert_broken(register, capsys, "recipient", "email", "changed outside CPC Desk")


def test_adding_a_staff_account(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    password_hash = one(register, "select password_hash from staff_user where username = 'clerk.one'")
    sql(
        register,
        "insert into staff_user (username, display_name, role, password_hash, active, failed_signins, "
        f"created_at) values ('mallory', 'Mallory', 'admin', '{password_hash}', 1, 0, '2026-01-01 00:00:00')",
    )
    assert_broken(register, capsys, "staff account mallory", "added outside CPC Desk")


def test_deleting_a_certificate(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(
        register,
        "delete from certificate_document where certificate_id = 1",
        "delete from outbox_message where certificate_id = 1",
        "delete from certificate where id = 1",
    )
    assert_broken(register, capsys, "deleted outside CPC Desk")


def test_a_hand_edit_of_a_register_setting(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(
        register,
        "update register_setting set value_json = '\"someone@elsewhere.example\"' "
        "where key = 'smtp.bcc_archive'",
    )
    assert_broken(register, capsys, "setting smtp.bcc_archive", "value_json", "changed outside CPC Desk")


def test_a_register_setting_added_by_hand(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql(register, "insert into register_setting (key, value_json) values ('issuer.name', '\"Evil College\"')")
    assert_broken(register, capsys, "setting issuer.name", "added outside CPC Desk")


def test_rewriting_a_rows_seal_with_its_change(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The tamperer un-revokes the certificate and rewrites its seal to match: the set of seals no longer
    # has the digest its event vouches for.
    number = one(register, "select number from certificate where revoked = 1")
    sql(register, "update certificate set revoked = 0 where revoked = 1")
    con = sqlite3.connect(register / "cpc-desk.sqlite3")
    try:
        from app.audit import seals
        from app.store.db import Database

        db = Database(f"sqlite:///{register / 'cpc-desk.sqlite3'}")
        with db.read() as s:
            current = dict(seals.current_rows(s, "certificate"))
        db.dispose()
        cert_id = str(one(register, f"select id from certificate where number = '{number}'"))
        con.execute(
            "update audit_seal set seal = ? where table_name = 'certificate' and row_key = ?",
            (current[cert_id], cert_id),
        )
        con.commit()
    finally:
        con.close()
    assert_broken(register, capsys, "row seals", "were altered")


def test_a_change_made_while_the_key_is_away_is_kept_and_flagged_until_signed(
    register: Path, capsys: pytest.CaptureFixture[str], memory_keyring: object
) -> None:
    # No passphrase in the keyring: the desk cannot sign, but the change is not lost.
    memory_keyring.store.clear()  # type: ignore[attr-defined]
    url = f"sqlite:///{register / 'cpc-desk.sqlite3'}"
    desk = Desk.open(register, url, actor=ADMIN)
    try:
        assert change_setting(desk, ADMIN, "registrar.title", "Registrar")
    finally:
        desk.close()
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, PASSPHRASE)
    assert_broken(register, capsys, "not covered by a checkpoint", "audit checkpoint")
    argv = ["--data-dir", str(register), "--database-url", url, "audit"]
    assert run_cli([*argv, "checkpoint"]) == 0
    assert run_cli([*argv, "verify"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("kind", ["ec", "rsa"])
def test_a_checkpoint_signature_holds_only_for_what_was_signed(kind: str) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import Encoding

    key = ec.generate_private_key(ec.SECP256R1()) if kind == "ec" else rsa.generate_private_key(65537, 2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "College")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    college = anchor.CollegeKey(cert.public_bytes(Encoding.DER), key)
    signature = anchor.sign_checkpoint(college, 7, "a" * 64, now)
    assert anchor.signature_holds(college.certificate_der, 7, "a" * 64, now, signature)
    assert not anchor.signature_holds(college.certificate_der, 8, "a" * 64, now, signature)
    assert not anchor.signature_holds(college.certificate_der, 7, "b" * 64, now, signature)
    assert not anchor.signature_holds(college.certificate_der, 7, "a" * 64, now, "not base64!")
