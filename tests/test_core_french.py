"""Messages from app/ reach a French desk in French, with their values in place: a refused address, an
invalid email, a permission refusal, a batch row refusal, an import summary's plurals. The command line,
which installs no language, says the same things in English."""

import csv
import io
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import i18n
from app.access.permissions import Actor, Permission
from app.access.staff import create_staff_user
from app.batch.run import check_requests
from app.desk import Desk
from app.errors import PermissionDenied, ValidationError, ValidationErrors
from app.mail import smtp as mail
from app.mail.smtp import DeliveryError
from app.register.member_import import ImportResult
from app.register.members import status_sentence
from app.register.recipients import validate_recipient
from app.register.text import validate_email
from app.store.models import RequestStatus, StaffRole
from tests.cli_runner import run_cli
from tests.factories import make_member, make_request
from tests.smtp_servers import SmtpServer

ADDRESS = {
    "institution_type": "Hospital",
    "name": "Hôpital Montfort",
    "street1": "713, chemin Montréal",
    "city": "Ottawa",
    "state": "ON",
    "country": "CA",
    "postal_code": "K1K 0T2",
    "email": "credentials@montfort.example.ca",
}
HEADER = ["cpso_number", "institution_type", "institution_name", "street1", "city", "state", "country"]
HEADER += ["zip", "email", "consent_method", "consent_date"]


@pytest.fixture
def french() -> Iterator[None]:
    """The desk's language as app/ sees it: French, read from the .ts files (no Qt needed)."""
    i18n.install(lambda context, source, n: i18n.catalogue("fr").translate(context, source, n), "fr")
    yield
    i18n.install(None)


def _address_problems(**changes: str) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as raised:
        validate_recipient({**ADDRESS, **changes})
    return {e.field: e.message for e in raised.value.errors}


def test_a_refused_address_is_refused_in_french_with_the_values_in_place(french: None) -> None:
    problems = _address_problems(postal_code="H2X 1Y4", state="ON", country="CA")
    assert problems["Zip/Postal code"] == (
        "H2X 1Y4 est un code postal attribué à : Quebec (et non à : Ontario); vérifiez le code postal "
        "et la province"
    )
    problems = _address_problems(country="Atlantis")
    assert problems["Country"] == (
        "'Atlantis' n'est pas un pays que nous connaissons (utilisez son nom ou son code à 2 lettres)"
    )
    # the field stays the key the screens map to their own (translated) labels
    assert _address_problems(city="")["City"] == "est obligatoire"


def test_an_invalid_email_is_refused_in_french(french: None) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_email("email", "registrar@montfort")
    assert raised.value.field == "email"
    assert raised.value.message == (
        "n'est pas une adresse courriel valide (La partie après le @ n'est pas valide. Elle devrait "
        "contenir un point.)"
    )
    with pytest.raises(ValidationError) as raised:
        validate_email("email", "Greffe <greffe@montfort.example.ca>")
    assert raised.value.message == "doit être une seule adresse courriel, sans nom ni seconde adresse"


def test_a_permission_refusal_names_the_person_role_and_action_in_french(french: None) -> None:
    clerk = Actor("c.tremblay", StaffRole.CLERK, "Chantal Tremblay")
    with pytest.raises(PermissionDenied) as raised:
        clerk.require(Permission.REVOKE)
    assert str(raised.value) == "c.tremblay (commis) n'a pas le droit de révoquer"
    with pytest.raises(PermissionDenied) as raised:
        Actor("nobody", StaffRole.CLERK, signed_in=False).require(Permission.BATCH_PRINT)
    assert str(raised.value) == (
        "Aucune session n'est ouverte : ouvrez une session pour lancer une impression par lots."
    )


def _requests_file(path: Path, rows: list[dict[str, str]]) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, HEADER, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _row(cpso: str, **changes: str) -> dict[str, str]:
    row = {
        "cpso_number": cpso,
        "institution_type": "Hospital",
        "institution_name": "Hôpital Montfort",
        "street1": "713, chemin Montréal",
        "city": "Ottawa",
        "state": "ON",
        "country": "CA",
        "zip": "K1K 0T2",
        "email": "credentials@montfort.example.ca",
        "consent_method": "phone",
        "consent_date": "2026-11-20",
    }
    return {**row, **changes}


@pytest.fixture
def refused_rows(desk: Desk, tmp_path: Path) -> Path:
    with desk.db.write() as session:
        member = make_member(session)
        cpso = member.cpso_number
    return _requests_file(
        tmp_path / "requests.csv",
        [
            _row(cpso),
            _row(cpso),  # the same member for the same institution again
            _row("999999999"),
            _row(cpso, institution_name="Clinique du Nord", email="greffe@nord"),
        ],
    )


def test_a_batch_row_refusal_is_in_french_with_its_line_and_values(
    french: None, desk: Desk, refused_rows: Path
) -> None:
    checked = check_requests(desk, refused_rows)
    problems = {(r.line, r.field): r.problem for r in checked.rejected}
    assert problems[(3, "row")] == (
        "répète la ligne 2 (même membre et même établissement) : un certificat par membre et par "
        "établissement"
    )
    assert "999999999" in problems[(4, "cpso_number")]
    assert problems[(5, "email")] == (
        "n'est pas une adresse courriel valide (La partie après le @ n'est pas valide. Elle devrait "
        "contenir un point.)"
    )


def test_the_command_line_says_the_same_refusals_in_english(
    desk: Desk, refused_rows: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ["--data-dir", str(desk.data_dir), "--database-url", str(desk.db.url)]
    status = run_cli([*where, "batch", str(refused_rows), "--out", str(tmp_path / "out"), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 1
    assert (
        "line 3: row: repeats line 2 (same member and institution): one certificate per member and "
        "institution" in err
    )
    assert (
        "line 5: email: is not a valid email address (The part after the @-sign is not valid. It should "
        "have a period.)" in err
    )
    assert "répète" not in err and "courriel" not in err

    setup = Actor("test-setup", StaffRole.ADMIN, "Test set-up")
    create_staff_user(desk, setup, "c.tremblay", "Chantal Tremblay", StaffRole.CLERK, "clerk-password-1")
    words = [*where, "--user", "c.tremblay", "--password-stdin", "settings", "set", "validity.default_days"]
    status = run_cli([*words, "60"], stdin="clerk-password-1\n", signin=False)
    err = capsys.readouterr().err
    assert status != 0
    assert "c.tremblay (clerk) is not allowed to settings" in err


def test_an_import_summary_counts_in_french_and_in_english(french: None) -> None:
    one = ImportResult("i.csv", encoding="UTF-8", rows=1, inserted=1, committed=True)
    many = ImportResult(
        "m.csv", encoding="UTF-8", rows=1500, inserted=1498, updated=2, refused_rows=2, committed=True
    )
    assert (
        one.summary("institutions")
        == "1 ligne lue (UTF-8); 1 établissement ajouté, 0 mis à jour, 0 inchangé(s)."
    )
    assert many.summary() == (
        "1,500 lignes lues (UTF-8); 1,498 membres ajoutés, 2 mis à jour, 0 inchangé(s); 2 lignes refusées."
    )
    i18n.install(None)
    assert one.summary("institutions") == "1 row read (UTF-8); added 1 institution, updated 0, unchanged 0."
    assert many.summary() == (
        "1,500 rows read (UTF-8); added 1,498 members, updated 2, unchanged 0; 2 rows refused."
    )


def test_a_mail_server_refusal_is_reported_in_french_with_the_servers_own_words(
    french: None, desk: Desk, plain_smtp: SmtpServer
) -> None:
    plain_smtp.configure(desk.settings)
    refusal = "550 5.1.1 <greffe@montfort.example.ca>: no such user"
    plain_smtp.handler.refused_recipients["greffe@montfort.example.ca"] = refusal
    with pytest.raises(DeliveryError) as raised:
        mail.send_test_email(desk.settings, "greffe@montfort.example.ca")
    assert str(raised.value) == f"Le serveur a refusé le destinataire greffe@montfort.example.ca : {refusal}"
    assert plain_smtp.received == []


def test_where_a_request_stands_is_said_in_french_with_french_dates(
    french: None, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/Toronto")
    time.tzset()
    reviewed = datetime(2026, 11, 25, 15, 42, tzinfo=UTC)
    with desk.db.write() as session:
        member = make_member(session, discipline="Réprimande, 2019")
        waiting = make_request(session, member, status=RequestStatus.AWAITING_REVIEW, created_at=reviewed)
        declined = make_request(session, member, status=RequestStatus.DECLINED)
        declined.reviewed_by, declined.reviewed_at = "registrar.test", reviewed
        declined.review_reason = "formulaire de consentement non signé"
        numbers = waiting.number, declined.number
    try:
        with desk.db.read() as session:
            now = reviewed + timedelta(hours=2)
            said = [status_sentence(session, number, now=now) for number in numbers]
    finally:
        monkeypatch.undo()
        time.tzset()
    assert said == [
        f"La demande {numbers[0]} pour Hélène Côté-Gagnon attend l'examen du registraire depuis le 25 nov. "
        "à 10:42 parce que le membre fait l'objet de conclusions disciplinaires.",
        f"La demande {numbers[1]} pour Hélène Côté-Gagnon a été refusée par registrar.test le 25 nov. à "
        "10:42 : formulaire de consentement non signé.",
    ]


def test_the_desks_qt_translators_give_app_messages_in_french(qapp: object, tmp_path: Path) -> None:
    """The window installs compiled .qm files through Qt; app/'s messages come out of those too."""
    from ui.shell.translations import install_language, uninstall

    assert install_language("fr", tmp_path)
    try:
        with pytest.raises(ValidationError) as raised:
            validate_email("email", "a@b@c")
        assert raised.value.message.startswith("n'est pas une adresse courriel valide")
    finally:
        uninstall()
    with pytest.raises(ValidationError) as raised:
        validate_email("email", "a@b@c")
    assert raised.value.message.startswith("is not a valid email address")


def test_what_the_certificate_will_disclose_is_shown_in_the_desks_language(desk: Desk) -> None:
    """The wizard, the review and the profile show the certificate's own words: a French desk the French
    certificate's (labels, "Aucune mention au registre", dates in French), an English desk the English."""
    from app.issuing.requests import summarise_member

    with desk.db.write() as session:
        member = make_member(session, discipline="", terms_conditions="")
        session.flush()
        english = dict(summarise_member(member).disclosure)
        with i18n.speaking("fr"):
            french = dict(summarise_member(member).disclosure)
    assert "CPSO number" in english and not any(label in english for label in french)
    assert any("Aucune mention au registre" in value for value in french.values())
    assert not any("None on record" in value for value in french.values())
    assert any(" / " not in label and label.startswith("Numéro") for label in french), french


def test_a_history_row_s_short_state_is_shown_in_the_desks_language_and_kept_in_english(desk: Desk) -> None:
    """The profile's Status column says "en attente d'examen" on a French desk; the state itself stays the
    English key the screens and the command line compare with."""
    from app.register.members import member_history

    with desk.db.write() as session:
        member = make_member(session)
        make_request(session, member, status=RequestStatus.AWAITING_REVIEW)
        make_request(session, member, status=RequestStatus.DECLINED)
        session.flush()
        rows = member_history(session, member.id)
        english = sorted(row.state_words for row in rows)
        with i18n.speaking("fr"):
            french = sorted(row.state_words for row in rows)
    assert english == ["awaiting review", "declined"]
    assert sorted(row.state for row in rows) == english
    assert french == ["en attente d'examen", "refusée"]


def test_dates_inside_a_french_sentence_are_written_in_french(desk: Desk) -> None:
    """A sentence the desk shows in French writes its dates in French too ("30 juin 2027"), and in English
    on an English desk or the command line."""
    from datetime import date

    from app.issuing.rules import validity_shortened_reason

    args = (desk.settings, "Hospital", date(2027, 5, 1), date(2027, 6, 30))
    english = validity_shortened_reason(*args)
    with i18n.speaking("fr"):
        french = validity_shortened_reason(*args)
    assert "30 June 2027" in english and "Valid until" in english
    assert "30 juin 2027" in french and "June" not in french and "Valid until" not in french


def test_the_audit_trail_keeps_review_reasons_in_english_whatever_the_desks_language(
    desk: Desk, registrar: Actor, french: None
) -> None:
    """A French desk files a request that waits for review: it is told why in French, while the audit trail
    (read by every desk, exported, sealed) keeps the reasons in one language, English."""
    import json

    from sqlalchemy import select

    from app.issuing.requests import RequestDraft, submit_request
    from app.register.recipients import RecipientInput
    from app.store.models import AuditEvent, ConsentMethod

    with desk.db.write() as session:
        member_id = make_member(session, discipline="Finding of professional misconduct (2019).").id
    montfort = RecipientInput(
        institution_type="Hospital",
        name="Hôpital Montfort",
        street1="713, chemin Montréal",
        city="Ottawa",
        state="ON",
        country="CA",
        postal_code="K1K 0T2",
        email="credentialing@montfort.example",
    )
    draft = RequestDraft(member_id, (montfort,), True, ConsentMethod.PHONE, "I consent to the disclosure.")
    result = submit_request(desk, registrar, draft)
    assert result.review_reasons == ["fait l'objet de conclusions disciplinaires"], result.review_reasons
    with desk.db.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.kind == "request.submitted")).one()
    assert json.loads(event.after_json)["review_reasons"] == ["has discipline findings"]
