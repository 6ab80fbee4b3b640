"""One home for each rule: institution types from the table, validity per type, review reasons, what the
certificate discloses, and the text rule every entry point applies."""

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.access.staff import Actor
from app.batch.run import COLUMNS as REQUEST_COLUMNS
from app.batch.run import check_requests
from app.desk import Desk
from app.document.certificates import content_for_certificate, render_pdf
from app.document.disclosure import DISCLOSED_FIELDS, NONE_ON_RECORD
from app.errors import ValidationError, ValidationErrors
from app.issuing.requests import member_summary
from app.issuing.rules import review_reasons, valid_until, validity_days
from app.register.institution_import import import_institutions
from app.register.institution_types import (
    DEFAULT_INSTITUTION_TYPES,
    DEFAULT_TYPES,
    InstitutionTypes,
    desk_types,
    ensure_default_types,
    read_types,
)
from app.register.institutions import add_institution, institution_types
from app.register.member_import import import_members
from app.register.members import search_members
from app.register.recipients import parse_country, validate_recipient
from app.register.text import fold
from app.setting_changes import change_settings
from app.store.models import InstitutionType, Member, MemberStatus
from tests.cli_runner import run_cli
from tests.factories import issued_certificate, make_member

RECIPIENT = {
    "institution_type": "Hospital",
    "name": "Toronto General Hospital",
    "street1": "200 Elizabeth Street",
    "city": "Toronto",
    "state": "ON",
    "country": "CA",
    "postal_code": "M5G 2C4",
    "email": "credentials@tgh.example.org",
}


def _add_type(desk: Desk, name: str) -> None:
    with desk.db.write() as session:
        session.add(InstitutionType(name=name, position=len(DEFAULT_TYPES) + 1))


# --- institution types: the table is the truth -----------------------------------------------------


def test_a_new_database_is_seeded_once_with_one_numbering(desk: Desk) -> None:
    ensure_default_types(desk.db)  # a second time: nothing added, nothing renumbered
    with desk.db.read() as s:
        rows = [(t.name, t.position) for t in s.scalars(select(InstitutionType).order_by(InstitutionType.id))]
    assert rows == [(name, position) for position, name in enumerate(DEFAULT_TYPES, start=1)]


def test_a_type_added_to_the_table_is_listed_and_accepted_everywhere(
    desk: Desk, admin: Actor, tmp_path: Path
) -> None:
    _add_type(desk, "Veterinary board")
    types = desk_types(desk.db)
    assert list(types) == [*DEFAULT_TYPES, "Veterinary board"]
    with desk.db.read() as s:
        assert institution_types(s) == list(types)
    # the one validator: case, spacing and accents do not matter; the table's spelling comes back
    assert types.canonical("institution_type", "  veterinary   BOARD ") == "Veterinary board"
    assert (
        types.canonical("institution_type", "médical school or UNIVERSITY") == "Medical school or university"
    )
    # the wizard's check, given the desk's list
    clean = validate_recipient({**RECIPIENT, "institution_type": "VETERINARY board"}, types)
    assert clean.institution_type == "Veterinary board"
    # the directory service and the directory import read the table too
    row = add_institution(desk, admin, {**RECIPIENT, "institution_type": "veterinary board"})
    assert row.institution_type == "Veterinary board"
    path = tmp_path / "institutions.csv"
    path.write_text(
        "institution_type,name,street1,city,state,country,postal_code,email\n"
        "VETERINARY BOARD,Ontario Vet Board,1 King St W,Toronto,ON,CA,M5H 1A1,vets@example.org\n",
        encoding="utf-8",
    )
    result = import_institutions(desk, admin, path)
    assert result.committed and result.inserted == 1, result.problems


def test_an_unknown_type_is_refused_naming_it_and_listing_the_known_ones(desk: Desk) -> None:
    with pytest.raises(ValidationError) as info:
        read_types_for(desk).canonical("institution_type", "Casino")
    message = str(info.value)
    assert message.startswith("institution_type: 'Casino' is not an institution type; must be one of: ")
    assert message.endswith(", ".join(DEFAULT_TYPES))
    with pytest.raises(ValidationErrors) as form:
        validate_recipient({**RECIPIENT, "institution_type": "Veterinary board"}, DEFAULT_INSTITUTION_TYPES)
    assert "'Veterinary board' is not an institution type" in str(form.value)


def read_types_for(desk: Desk) -> InstitutionTypes:
    with desk.db.read() as s:
        return read_types(s)


# --- validity per type -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Hopsital=60", "'Hopsital' is not an institution type"),
        ("Hospital=0", "the days for 'Hospital' must be a whole number greater than zero"),
        ("Hospital=-5", "the days for 'Hospital' must be a whole number greater than zero"),
        ("Hospital=sixty", "the days for 'Hospital' must be a whole number greater than zero"),
        ("Hospital=1.5", "the days for 'Hospital' must be a whole number greater than zero"),
        ("Hospital", "'Hospital' is not Type=days"),
        ("Hospital=60; hospital=30", "'hospital' is given twice"),
    ],
)
def test_settings_set_refuses_a_bad_validity_by_type(
    capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    code = run_cli(["settings", "set", "validity.days_by_type", value])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert f"validity.days_by_type: {message}" in err and "Traceback" not in err


def test_validity_by_type_is_stored_in_the_tables_spelling_and_used(
    desk: Desk, admin: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    # the Settings screen and the command line both go through change_settings
    change_settings(desk, admin, {"validity.days_by_type": " hospital = 60 ; OTHER=30 "})
    assert desk.settings.get("validity.days_by_type") == "Hospital=60; Other=30"
    assert validity_days(desk.settings, "Hospital") == 60
    assert validity_days(desk.settings, "Other") == 30
    assert validity_days(desk.settings, "Medical school or university") == 90  # the default
    assert valid_until(desk.settings, "Hospital", date(2026, 1, 1)) == date(2026, 3, 2)
    with pytest.raises(ValidationErrors, match="'Clinic' is not an institution type"):
        change_settings(desk, admin, {"validity.days_by_type": "Clinic=10"})
    assert desk.settings.get("validity.days_by_type") == "Hospital=60; Other=30"  # unchanged
    # the command-line contract keeps its text format
    desk.close()
    assert run_cli(["settings", "set", "validity.days_by_type", "Hospital=45; Other=30"]) == 0
    assert capsys.readouterr().out.strip() == "validity.days_by_type = Hospital=45; Other=30"


def test_a_type_added_to_the_table_can_be_given_a_validity(desk: Desk, admin: Actor) -> None:
    _add_type(desk, "Veterinary board")
    change_settings(desk, admin, {"validity.days_by_type": "veterinary board=14"})
    assert validity_days(desk.settings, "Veterinary board") == 14


# --- review reasons --------------------------------------------------------------------------------


def test_review_reasons_keep_their_words(desk: Desk) -> None:
    with desk.db.write() as s:
        clean = make_member(s)
        flagged = make_member(
            s,
            status=MemberStatus.SUSPENDED,
            terms_conditions="Supervised practice",
            discipline="Reprimand",
            pending_investigations="Referred 2026",
        )
        assert review_reasons(clean) == []
        assert review_reasons(flagged) == [
            "registration status is suspended",
            "has terms, conditions or limitations",
            "has discipline findings",
            "has a pending investigation",
        ]
        assert not hasattr(flagged, "needs_review_reasons")  # the rule has one home: app.issuing.rules


# --- what the certificate discloses ----------------------------------------------------------------


def test_the_wizard_shows_what_the_certificate_prints_in_its_words(desk: Desk) -> None:
    cert = issued_certificate(desk)
    with desk.db.read() as s:
        member = s.scalars(select(Member)).one()
        content = content_for_certificate(desk.settings, cert)
        summary = member_summary(desk, desk.actor, member.id)
    labels = [label for label, _value in summary.disclosure]
    assert labels == [f.label for f in DISCLOSED_FIELDS]
    assert "CPSO number" in labels and "CPSO #" not in labels
    values = dict(summary.disclosure)
    assert values["Discipline findings"] == NONE_ON_RECORD
    reader = PdfReader(io.BytesIO(render_pdf(content)))
    text = " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())
    for label, value in summary.disclosure:
        assert label in text, label
        assert " ".join(value.split()) in text, (label, value)


# --- the text rule ---------------------------------------------------------------------------------

HOSTILE = [
    ("\u202e", "invisible or direction-changing character (U+202E)"),
    ("\ufeff", "invisible or direction-changing character (U+FEFF)"),
    ("\U0001f600", "emoji or pictograph (U+1F600)"),
]
MEMBER_HEADER = "cpso_number,first_name,last_name,registration_class,status,initial_registration_date"


@pytest.mark.parametrize(("char", "message"), HOSTILE)
def test_member_import_refuses_what_the_wizard_and_the_batch_refuse(
    desk: Desk, admin: Actor, tmp_path: Path, char: str, message: str
) -> None:
    path = tmp_path / "members.csv"
    path.write_text(
        f"{MEMBER_HEADER}\n104999,Hél{char}ène,Côté,Independent Practice,active,2008-07-01\n",
        encoding="utf-8",
    )
    result = import_members(desk, admin, path, today=date(2026, 11, 25))
    assert not result.committed
    assert [(p.line, p.column) for p in result.problems] == [(2, "first_name")]
    assert result.problems[0].reason.startswith(f"contains an {message}")

    # the wizard's check of a recipient
    with pytest.raises(ValidationErrors) as form:
        validate_recipient({**RECIPIENT, "name": f"Toronto {char}General"})
    assert [(e.field, message in e.message) for e in form.value.errors] == [("Institution name", True)]

    # the batch requests file
    with desk.db.write() as s:
        make_member(s, cpso_number="104512")
    row = dict.fromkeys(REQUEST_COLUMNS, "")
    row.update(
        {
            "cpso_number": "104512",
            "institution_type": "Hospital",
            "institution_name": f"Toronto {char}General",
            "street1": "200 Elizabeth Street",
            "city": "Toronto",
            "state": "ON",
            "country": "CA",
            "zip": "M5G 2C4",
            "email": "credentials@tgh.example.org",
            "consent_method": "in_person",
            "consent_date": (date.today() - timedelta(days=2)).isoformat(),
        }
    )
    requests = tmp_path / "requests.csv"
    with requests.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(REQUEST_COLUMNS))
        writer.writeheader()
        writer.writerow(row)
    checked = check_requests(desk, requests)
    assert not checked.rows
    assert [(r.field, message in r.problem) for r in checked.rejected] == [("institution_name", True)]


def test_member_import_refuses_an_invisible_character_in_a_printed_note(
    desk: Desk, admin: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "members.csv"
    path.write_text(
        f"{MEMBER_HEADER},discipline\n"
        '104999,Hélène,Côté,Independent Practice,active,2008-07-01,"Reprimand\u202e 2019"\n',
        encoding="utf-8",
    )
    result = import_members(desk, admin, path, today=date(2026, 11, 25))
    assert [(p.column, p.reason) for p in result.problems] == [
        ("discipline", "contains an invisible or direction-changing character (U+202E); retype it")
    ]


def test_letters_of_every_script_and_their_joiners_still_pass(
    desk: Desk, admin: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "members.csv"
    # Persian uses ZWNJ between parts of a word (and Devanagari ZWJ, but no font of the certificate draws
    # Devanagari, so the text rule refuses it: issue 18 item 15).
    path.write_text(
        f"{MEMBER_HEADER}\n104998,نسرین\u200cدخت,Kazemi\u200d,Independent Practice,active,2008-07-01\n"
        "104997,Zoë,Brontë-Løvik,Independent Practice,active,2008-07-01\n",
        encoding="utf-8",
    )
    result = import_members(desk, admin, path, today=date(2026, 11, 25))
    assert result.committed and result.inserted == 2, result.problems


def test_folding_is_the_same_everywhere(desk: Desk) -> None:
    from app.batch import run as batch_run

    assert fold("Hélène  CÔTÉ") == "helene cote"
    assert batch_run._fold is fold  # the batch's matching and sort keys
    assert parse_country("country", "  CÔTE D'IVOIRE ") == "CI"
    assert parse_country("country", "Trinidad & Tobago") == "TT"
    with desk.db.write() as s:
        make_member(s, first_name="Hélène", last_name="Côté")
    with desk.db.read() as s:
        assert [h.full_name for h in search_members(s, "Hélène  CÔTÉ")] == ["Hélène Côté"]
        assert [h.full_name for h in search_members(s, "helene cote")] == ["Hélène Côté"]
