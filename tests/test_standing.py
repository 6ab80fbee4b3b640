"""A certificate's standing (app/document/standing.py) as `verify` reports it, the valid-until cap at the
member's registration expiry, status_since kept by the register import, and the input rule."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.desk import Desk
from app.document.disclosure import format_date
from app.document.standing import BadInput, Status, certificate_standing, normalise_code, normalise_number
from app.issuing.requests import validity_note
from app.register.member_import import import_members
from app.store.models import Certificate, CertificateStatement, Member
from tests.cli_runner import run_cli
from tests.verification_service import REGISTRAR, SUSPENDED_ON, fill_register, issue


def _verify(desk: Desk, database_url: str, pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    return run_cli(["--data-dir", str(desk.data_dir), "--database-url", database_url, "verify", str(path)])


def test_verify_names_what_the_register_shows_now_for_a_member_suspended_after_issue(
    desk: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = fill_register(desk)
    assert _verify(desk, database_url, register.valid.pdf, tmp_path) == 0
    out = capsys.readouterr().out
    assert "the register still states what the certificate states" in out and "Result: VALID" in out

    assert _verify(desk, database_url, register.suspended.pdf, tmp_path) == 1
    out = capsys.readouterr().out
    expected = (
        f"the register now shows: suspended since {format_date(SUSPENDED_ON)}; discipline finding recorded"
    )
    assert f"FAILED  {expected}" in out
    assert "Result: NOT VALID" in out

    assert _verify(desk, database_url, register.replaced.pdf, tmp_path) == 1
    assert f"replaced by certificate {register.replacement.number}" in capsys.readouterr().out
    assert _verify(desk, database_url, register.replacement.pdf, tmp_path) == 0


def test_the_statement_is_what_the_certificate_stated_at_issue(desk: Desk) -> None:
    issued = issue(desk, first_name="Nia", last_name="Before")
    with desk.db.write() as session:
        member = session.scalars(select(Member).where(Member.last_name == "Before")).one()
        member.last_name = "After"
        member.pending_investigations = "Referred on 3 December 2026."
        cert_id = session.scalars(select(Certificate.id).where(Certificate.number == issued.number)).one()
        statement = session.get(CertificateStatement, cert_id)
        assert statement is not None and statement.member_status == "active"
    standing = certificate_standing(desk, issued.number, issued.code)
    assert standing.member_name == "Nia Before"  # as the certificate shows it
    assert standing.change_sentence == "the register now shows: pending investigation recorded"
    assert standing.as_json()["register_now"]["pending_investigations"] == "Referred on 3 December 2026."


def test_valid_until_never_runs_past_the_registration_expiry(desk: Desk) -> None:
    today = date.today()
    soon = today + timedelta(days=10)
    capped = issue(desk, first_name="Cap", last_name="Ped", certificate_expiry_date=soon)
    standing = certificate_standing(desk, capped.number, capped.code)
    assert standing.valid_until == soon
    later = issue(
        desk, first_name="Un", last_name="Capped", certificate_expiry_date=today + timedelta(days=900)
    )
    assert certificate_standing(desk, later.number, later.code).valid_until == today + timedelta(days=90)
    with desk.db.read() as session:
        short_id = session.scalars(select(Member.id).where(Member.last_name == "Ped")).one()
        long_id = session.scalars(select(Member.id).where(Member.last_name == "Capped")).one()
    note = validity_note(desk, short_id, "Hospital", today)
    assert note.startswith(f"Valid until {format_date(soon)}, not {format_date(today + timedelta(days=90))}")
    assert "certificate of registration expires" in note
    assert validity_note(desk, long_id, "Hospital", today) == ""


def test_an_import_that_changes_the_status_records_since_when(desk: Desk, tmp_path: Path) -> None:
    issued = issue(desk, first_name="Ivy", last_name="Import", cpso_number="777001")
    csv = tmp_path / "members.csv"
    csv.write_text(
        "cpso_number,first_name,last_name,registration_class,status,initial_registration_date\n"
        "777001,Ivy,Import,Independent Practice,suspended,2004-07-01\n",
        encoding="utf-8",
    )
    import_members(desk, REGISTRAR, csv)
    standing = certificate_standing(desk, issued.number, issued.code)
    assert standing.register_now is not None and standing.register_now.status_since == date.today()
    assert standing.change_sentence == f"the register now shows: suspended since {format_date(date.today())}"
    assert standing.status is Status.VALID and standing.register_changed_since_issue


@pytest.mark.parametrize(
    "typed", ["CPC-2026-000003", "cpc-2026-000003", "CPC 2026 000003", " cpc2026000003 ", "CPC–2026–000003"]
)
def test_numbers_are_matched_without_case_spaces_or_dashes(typed: str) -> None:
    assert normalise_number(typed) == "CPC-2026-000003"


def test_codes_are_matched_without_case_spaces_or_dashes() -> None:
    assert normalise_code("mqqh andh-c5xe") == normalise_code("MQQH-ANDH-C5XE") == "MQQHANDHC5XE"


@pytest.mark.parametrize(
    ("number", "code", "field"),
    [
        ("CPC-2026-00003", "MQQH-ANDH-C5XE", "number"),
        ("CPC-2026-000003'--", "MQQH-ANDH-C5XE", "number"),
        ("X" * 100, "MQQH-ANDH-C5XE", "number"),
        ("CPC-2026-000003", "MQQH_ANDH", "code"),
        ("CPC-2026-000003", "", "code"),
        ("CPC-2026-000003", "A" * 65, "code"),
    ],
)
def test_other_input_is_refused_before_the_database(
    number: str, code: str, field: str, data_dir: Path
) -> None:
    class NoDatabase:  # a desk whose database cannot be reached: refusing must not need it
        @property
        def db(self) -> object:
            raise AssertionError("the database was asked")

    with pytest.raises(BadInput) as refused:
        certificate_standing(NoDatabase(), number, code)  # type: ignore[arg-type]
    assert refused.value.field == field


def test_no_domain_module_imports_the_web_service() -> None:
    """app/web is a front like app/cli: only it and the command line that starts it import it."""
    from tests.test_architecture import import_graph

    graph = import_graph()
    offenders = {
        module: sorted(m for m in imported if m == "app.web" or m.startswith("app.web."))
        for module, imported in graph.items()
        if not (module.startswith("app.web") or module.startswith("app.cli."))
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert "app.web.server" in graph["app.cli.verification"]  # the scan sees the web imports


def test_a_certificate_from_before_statements_were_kept_is_not_compared(desk: Desk) -> None:
    from app.document.verification import verify_pdf
    from tests.factories import issued_certificate

    legacy = issued_certificate(desk)  # numbered without the engine: no certificate_statement row
    assert legacy.document is not None
    standing = certificate_standing(desk, legacy.number, legacy.verification_code)
    assert standing.status is Status.VALID and not standing.compared
    assert standing.as_json()["register_changed_since_issue"] is None
    result = verify_pdf(desk, legacy.document.pdf, today=legacy.issue_date)
    assert result.ok and "the register still states what the certificate states" not in result.checks
