"""The certificate's language chosen per recipient: the default rule, the directory's CSV column, the
batch's column, and the email that carries the certificate (delivered to a real SMTP server)."""

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.access.staff import Actor
from app.batch.run import BatchOptions, check_requests, run_requests_file
from app.desk import Desk
from app.errors import ValidationError, ValidationErrors
from app.issuing.requests import RequestDraft, submit_request
from app.mail import outbox
from app.register.institution_import import import_institutions
from app.register.institutions import add_institution, list_institutions
from app.register.recipients import RecipientInput, default_language, parse_language, validate_recipient
from app.store.models import Certificate, ConsentMethod, OutboxMessage, RequestRecipient
from tests.factories import make_member
from tests.smtp_servers import SmtpServer

MOIS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def date_fr(d: date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {MOIS[d.month - 1]} {d.year}"


def recipient(name: str, email: str, language: str, **where: str) -> RecipientInput:
    address = {"street1": "1 rue Principale", "city": "Ottawa", "state": "ON", "country": "CA"}
    address.update(where)
    postal = {"ON": "K1K 0T2", "QC": "H3T 1J4"}.get(address["state"], "K1K 0T2")
    return RecipientInput(
        institution_type="Hospital", name=name, postal_code=postal, email=email, language=language, **address
    )


# --- the rule ---------------------------------------------------------------------------------------


def test_default_language_rule() -> None:
    assert default_language(None, "CA", "QC") == "fr"
    assert default_language(None, "CA", "Québec") == "fr"
    assert default_language(None, "CA", "ON") == "en"
    assert default_language(None, "FR", "") == "en"  # the rule is about Quebec addresses only
    assert default_language("bilingual", "CA", "QC") == "bilingual"  # the directory entry's comes first
    assert default_language("en", "CA", "QC") == "en"
    assert default_language("fr", "CA", "ON") == "fr"


def test_language_values_accepted_and_refused() -> None:
    assert parse_language("language", "FR") == "fr"
    assert parse_language("language", "Français") == "fr"
    assert parse_language("language", "bilingue") == "bilingual"
    assert parse_language("language", "EN/FR") == "bilingual"
    with pytest.raises(ValidationError) as info:
        parse_language("language", "es")
    assert info.value.field == "language" and "'es' is not a certificate language" in info.value.message
    with pytest.raises(ValidationErrors) as errors:
        validate_recipient(recipient("X", "x@example.org", "klingon"))
    assert [e.field for e in errors.value.errors] == ["Certificate language"]


# --- the directory and its CSV ----------------------------------------------------------------------

HEADER = "institution_type,name,street1,city,state,country,postal_code,email,language"


def test_institutions_csv_language_column(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    path = tmp_path / "dir.csv"
    rows = [
        "Hospital,Hôpital Montfort,713 chemin Montréal,Ottawa,ON,CA,K1K 0T2,am@montfort.example,fr",
        "Hospital,Hôpital général juif,3755 chemin de la Côte-Sainte-Catherine,Montréal,QC,CA,H3T 1E2,"
        "dpsp@jgh.example,",
        "Hospital,Hôpital d'Ottawa,1053 Carling Avenue,Ottawa,ON,CA,K1Y 4E9,med@toh.example,bilingual",
        "Hospital,Toronto General Hospital,200 Elizabeth Street,Toronto,ON,CA,M5G 2C4,cred@tgh.example,",
        "Hospital,Hospital Español,1 Calle Mayor,Madrid,,ES,28013,h@es.example,es",
    ]
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = import_institutions(desk, admin, path, skip_invalid=True)
    assert (result.inserted, result.refused_rows) == (4, 1)
    (problem,) = result.problems
    assert (problem.line, problem.column, problem.value) == (6, "language", "es")
    with desk.db.read() as s:
        languages = {r.name: r.language for r in list_institutions(s)}
    assert languages == {
        "Hôpital Montfort": "fr",
        "Hôpital général juif": "fr",  # blank, in Quebec: French
        "Hôpital d'Ottawa": "bilingual",
        "Toronto General Hospital": "en",  # blank, elsewhere: English
    }
    # An update with a blank language keeps the entry's; a value changes it.
    path.write_text(
        HEADER + "\nHospital,Hôpital Montfort,,,,,,,\nHospital,Toronto General Hospital,,,,,,,FR\n",
        encoding="utf-8",
    )
    again = import_institutions(desk, admin, path)
    assert (again.updated, again.unchanged) == (1, 1)
    with desk.db.read() as s:
        languages = {r.name: r.language for r in list_institutions(s)}
    assert languages["Hôpital Montfort"] == "fr" and languages["Toronto General Hospital"] == "fr"


def test_editing_an_entry_without_a_language_keeps_it(desk: Desk, admin: Actor) -> None:
    from app.register.institutions import edit_institution

    row = add_institution(
        desk, admin, {**recipient("Hôpital Montfort", "a@m.example", "").__dict__, "language": "fr"}
    )
    assert row.language == "fr"
    # The directory screen's form has no language: an edit must not turn the entry English.
    form = {k: v for k, v in row.__dict__.items() if k not in ("id", "verified", "updated_at", "language")}
    edited = edit_institution(desk, admin, row.id, {**form, "email": "b@m.example"})
    assert (edited.email, edited.language) == ("b@m.example", "fr")


# --- the batch's column -----------------------------------------------------------------------------

BATCH_HEADER = [
    "cpso_number",
    "institution_type",
    "institution_name",
    "street1",
    "city",
    "state",
    "country",
    "zip",
    "email",
    "consent_method",
    "consent_date",
    "language",
]


def _write_batch(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, BATCH_HEADER)
        writer.writeheader()
        for row in rows:
            full = dict.fromkeys(BATCH_HEADER, "")
            full.update(consent_method="phone", consent_date=(date.today() - timedelta(days=1)).isoformat())
            full.update(row)
            writer.writerow(full)
    return path


def test_batch_language_column(desk: Desk, admin: Actor, tmp_path: Path) -> None:
    add_institution(desk, admin, recipient("Hôpital Montfort", "am@montfort.example", "fr"))
    add_institution(desk, admin, recipient("Toronto General Hospital", "c@tgh.example", "en"))
    with desk.db.write() as session:
        cpso = [make_member(session, last_name=f"Membre {i}").cpso_number for i in range(6)]
    typed = {
        "institution_type": "Hospital",
        "street1": "3755 chemin de la Côte-Sainte-Catherine",
        "city": "Montréal",
        "state": "QC",
        "country": "CA",
        "zip": "H3T 1E2",
    }
    path = _write_batch(
        tmp_path / "requests.csv",
        [
            {"cpso_number": cpso[0], "institution_name": "Hôpital Montfort"},  # blank: the directory's (fr)
            {"cpso_number": cpso[1], "institution_name": "Hôpital Montfort", "language": "bilingual"},
            {"cpso_number": cpso[2], "institution_name": "Toronto General Hospital"},  # blank: en
            {
                "cpso_number": cpso[3],
                "institution_name": "Hôpital général juif",
                "email": "d@jgh.example",
                **typed,
                "language": "fr",
            },
            {
                "cpso_number": cpso[4],
                "institution_name": "Hôpital général juif",
                "email": "d@jgh.example",
                **typed,
                "language": "",
            },  # typed in, blank: English (the batch's default)
            {"cpso_number": cpso[5], "institution_name": "Toronto General Hospital", "language": "español"},
        ],
    )
    checked = check_requests(desk, path)
    assert [r.recipient.language for r in checked.rows] == ["fr", "bilingual", "en", "fr", "en"]
    (bad,) = checked.rejected
    assert (bad.line, bad.field) == (7, "language")
    assert "'español' is not a certificate language" in bad.problem

    result = run_requests_file(
        desk, path, BatchOptions(out_dir=tmp_path / "out", skip_invalid=True, workers=1)
    )
    assert len(result.issued) == 5
    with desk.db.read() as session:
        languages = dict(
            session.execute(
                select(Certificate.number, RequestRecipient.language).join(
                    RequestRecipient, Certificate.recipient_id == RequestRecipient.id
                )
            ).all()
        )
    titles = {}
    for issued in result.issued:
        (pdf,) = (tmp_path / "out").glob(f"{issued.number}*.pdf")
        text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
        titles[languages[issued.number]] = (
            ("Certificate of Professional Conduct" in text),
            ("Certificat de conduite professionnelle" in text),
        )
    assert titles == {"fr": (False, True), "bilingual": (True, True), "en": (True, False)}


# --- the email --------------------------------------------------------------------------------------


@pytest.fixture
def mail(desk: Desk, plain_smtp: SmtpServer) -> SmtpServer:
    plain_smtp.configure(desk.settings)
    desk.settings.set("verification.url", "https://verify.example.org/cpc")
    return plain_smtp


def test_the_email_is_in_the_certificates_language(desk: Desk, mail: SmtpServer) -> None:
    with desk.db.write() as session:
        member = make_member(session, first_name="Hélène", last_name="Côté-Gagnon", cpso_number="104512")
        member_id = member.id
    draft = RequestDraft(
        member_id,
        (
            recipient("Hôpital Montfort", "fr@montfort.example", "fr"),
            recipient("Hôpital d'Ottawa", "bi@toh.example", "bilingual"),
            recipient("Toronto General Hospital", "en@tgh.example", "en", city="Toronto", state="ON"),
        ),
        True,
        ConsentMethod.PHONE,
        "consent",
    )
    result = submit_request(desk, desk.actor, draft)
    report = outbox.send_due(desk)
    assert report.ok and len(mail.received) == 3
    by_address = {m.rcpt_tos[0]: m.message for m in mail.received}
    until = result.recipients[0].valid_until
    assert until is not None

    french = by_address["fr@montfort.example"]
    assert french["Subject"] == "Certificat de conduite professionnelle – Hélène Côté-Gagnon (CPSO no 104512)"
    text = french.get_body(("plain",)).get_content()
    for expected in (
        "Madame, Monsieur,",
        "À la demande du membre, College of Physicians and Surgeons",
        "vous transmet un certificat de conduite professionnelle au nom de Hélène Côté-Gagnon",
        f"Valide jusqu'au\u00a0: {date_fr(until)}",
        "Code de vérification\u00a0:",
        "rendez-vous à l'adresse https://verify.example.org/cpc et saisissez le code de vérification",
        "Ce message a été envoyé automatiquement",
    ):
        assert expected in text, expected
    assert "Dear" not in text and "Valid until" not in text
    html = french.get_body(("html",)).get_content()
    assert "lang='fr'" in html and "<strong>Hélène Côté-Gagnon</strong>" in html and "Pièce jointe" in html
    (attachment,) = [p for p in french.iter_attachments() if p.get_content_type() == "application/pdf"]
    pdf_text = " ".join(PdfReader(io.BytesIO(attachment.get_content())).pages[0].extract_text().split())
    assert "Certificat de conduite professionnelle" in pdf_text

    both = by_address["bi@toh.example"]
    assert both["Subject"] == (
        "Certificate of Professional Conduct / Certificat de conduite professionnelle – Hélène Côté-Gagnon "
        "(CPSO #104512)"
    )
    text = both.get_body(("plain",)).get_content()
    assert text.startswith("(Le français suit.)")
    assert 0 < text.index("Dear Hôpital d'Ottawa,") < text.index("Madame, Monsieur,")
    assert "Valid until:" in text and "Valide jusqu'au\u00a0:" in text
    assert text.count("College of Physicians and Surgeons (DEMO)\n") <= 2  # one signature, at the end

    english = by_address["en@tgh.example"]
    assert english["Subject"] == "Certificate of Professional Conduct – Hélène Côté-Gagnon (CPSO #104512)"
    text = english.get_body(("plain",)).get_content()
    assert "Dear Toronto General Hospital," in text and "Madame" not in text and "français" not in text

    # A resend to a corrected address keeps the certificate's language.
    with desk.db.read() as session:
        row_id = session.scalars(
            select(OutboxMessage.id).where(OutboxMessage.to_address == "fr@montfort.example")
        ).one()
    resent = outbox.resend_to(desk, desk.actor, row_id, "autre@montfort.example")
    assert resent.subject.startswith("Certificat de conduite professionnelle")
    outbox.send_due(desk)
    again = [m.message for m in mail.received if m.rcpt_tos == ["autre@montfort.example"]]
    assert len(again) == 1 and "Madame, Monsieur," in again[0].get_body(("plain",)).get_content()


# --- the migration ----------------------------------------------------------------------------------


def test_migration_gives_existing_quebec_entries_french(database_url: str) -> None:
    from sqlalchemy import text

    from app.store.db import Database

    db = Database(database_url)
    db.upgrade("0001")  # a register made before certificates had a language
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO institution_type (id, name, position) VALUES (1, 'Hospital', 1)"))
        for i, (name, state) in enumerate((("Hôpital général juif", "QC"), ("Toronto General", "ON")), 1):
            conn.execute(
                text(
                    "INSERT INTO institution (id, type_id, name, attention, street1, street2, street3,"
                    " street4, city, state, country, postal_code, email, verified, created_at, updated_at)"
                    " VALUES (:id, 1, :name, '', '1 Main', '', '', '', 'City', :state, 'CA', 'H3T 1E2',"
                    " 'a@b.example', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                ),
                {"id": i, "name": name, "state": state},
            )
    assert db.ensure_schema() is True
    with db.engine.connect() as conn:
        languages = dict(conn.execute(text("SELECT name, language FROM institution")).all())
    assert languages == {"Hôpital général juif": "fr", "Toronto General": "en"}
    db.dispose()
