"""Hostile input, generated (hypothesis): the recipient form, the member and requests CSV importers,
certificate rendering, the certificate email's headers, and the SQL layer's literal matching.

Arbitrary Unicode — control characters, NUL, CR/LF, bidi overrides, RTL scripts, emoji, 10,000-character
strings — either comes back as a clear error naming the field, or is accepted and then printed, stored
and mailed correctly. Never an uncaught exception, never a header carrying CR/LF, never a broken PDF.
Each property runs a modest number of examples so the file stays fast; the explicit @examples are the
cases that must always be covered.
"""

import csv
import io
import os
import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import func, select, text

from app.access.staff import Actor
from app.batch.run import COLUMNS as REQUEST_COLUMNS
from app.batch.run import check_requests
from app.desk import Desk
from app.document.certificates import CertificateContent, IssuerDetails, render_pdf
from app.errors import ValidationError, ValidationErrors
from app.mail import smtp as mail
from app.register.csv_input import CsvFileError
from app.register.member_import import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, import_members
from app.register.members import name_tokens, search_members
from app.register.recipients import FIELD_LABELS, POSTAL_CODE_MAX, validate_recipient
from app.register.text import fold
from app.settings import Settings
from app.store.models import Member, MemberNameToken
from tests.factories import make_member
from tests.smtp_fixtures import tiny_pdf

# --- hostile text ---------------------------------------------------------------------------------

SPECIALS = [
    "",
    " ",
    "\x00",
    "Nul\x00byte",
    "line\nbreak",
    "carriage\rreturn",
    "crlf\r\nBcc: victim@example.org",
    "tab\there",
    "\x1b[31mred\x1b[0m",
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u200e\u2066isolate\u2069",
    "مستشفى تورونتو العام",
    "בית החולים",
    "Ελληνικό Νοσοκομείο",
    "東京大学医学部",
    "🏥 Hospital 👩\u200d⚕️",
    "Zalgo: Z\u0351\u0352\u0353a\u0354l\u0355g\u0356o",
    "'; DROP TABLE member; --",
    "%_%",
    "\\",
    "\ufeffBOM",
    "\ud7ff\ue000\uffff",
    "x" * 10_000,
    "é" * 10_000,
    "🏥" * 10_000,
    "word " * 2_000,
]
_any_char = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot even be written to a file
hostile = st.one_of(
    st.sampled_from(SPECIALS),
    st.text(_any_char, max_size=40),
    st.builds(
        lambda a, b, c: a + b + c, st.text(max_size=10), st.sampled_from(SPECIALS), st.text(max_size=10)
    ),
)
# CPC_DESK_FUZZ_EXAMPLES=1000 fuzzes deeper on demand; the default keeps the file to seconds.
EXAMPLES = int(os.environ.get("CPC_DESK_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _no_control(value: str) -> bool:
    return not any(unicodedata.category(ch) == "Cc" for ch in value)


def _write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)


# --- the recipient form -----------------------------------------------------------------------------

GOOD_RECIPIENT = {
    "institution_type": "Hospital",
    "name": "Toronto General Hospital",
    "attention": "Medical Staff Office",
    "street1": "200 Elizabeth Street",
    "street2": "",
    "street3": "",
    "street4": "",
    "city": "Toronto",
    "state": "ON",
    "country": "CA",
    "postal_code": "M5G 2C4",
    "email": "credentials@tgh.example.org",
}
LABELS = set(FIELD_LABELS.values())


@FUZZ
@given(
    field=st.sampled_from(sorted(GOOD_RECIPIENT)), value=hostile, also=st.sampled_from(sorted(GOOD_RECIPIENT))
)
@example(field="name", value="x" * 10_000, also="city")
@example(field="email", value="a@b.org\r\nBcc: victim@example.org", also="attention")
@example(field="name", value="\x00", also="street1")
def test_recipient_form_accepts_clean_values_or_names_the_field(field: str, value: str, also: str) -> None:
    raw = {**GOOD_RECIPIENT, field: value, also: value}
    try:
        cleaned = validate_recipient(raw)
    except ValidationErrors as exc:
        assert exc.errors
        for error in exc.errors:
            assert error.field in LABELS, error.field
            assert error.message.strip()
            assert str(exc)  # what the form shows
        return
    for name, label in FIELD_LABELS.items():
        stored = getattr(cleaned, name)
        if isinstance(stored, str):
            assert _no_control(stored), (label, stored)
            assert "\n" not in stored and "\r" not in stored
            assert len(stored) <= (POSTAL_CODE_MAX if name == "postal_code" else 200), label
    assert validate_recipient(cleaned) == cleaned  # cleaning is stable: what was stored validates again


# --- the member importer -------------------------------------------------------------------------------

MEMBER_HEADER = [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS]
TEXT_COLUMNS = [
    "first_name",
    "middle_name",
    "last_name",
    "specialties",
    "terms_conditions",
    "practice_address",
]


_cpso_counter = iter(range(700_000, 800_000))


@FUZZ
@given(column=st.sampled_from(TEXT_COLUMNS + ["cpso_number", "email", "phone", "status"]), value=hostile)
@example(column="last_name", value="'; DROP TABLE member; --")
@example(column="last_name", value="%_")
@example(column="first_name", value="\x00")
@example(column="terms_conditions", value="x" * 10_000)
def test_member_import_stores_literally_or_refuses_naming_line_and_column(
    desk: Desk, admin: Actor, tmp_path_factory: pytest.TempPathFactory, column: str, value: str
) -> None:
    cpso = str(next(_cpso_counter))
    row = {
        "cpso_number": cpso,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "registration_class": "Independent Practice",
        "status": "active",
        "initial_registration_date": "2004-07-01",
    }
    row[column] = value
    path = tmp_path_factory.mktemp("import") / "members.csv"
    _write_csv(path, MEMBER_HEADER, [{**dict.fromkeys(MEMBER_HEADER, ""), **row}])
    try:
        result = import_members(desk, admin, path)
    except CsvFileError as exc:  # the file as a whole cannot be read: a sentence, never a traceback
        assert str(exc).strip()
        return
    if not result.committed:
        assert result.problems
        for problem in result.problems:
            assert problem.line >= 2 and problem.column in MEMBER_HEADER + ["row"], problem
            assert problem.reason.strip()
        return
    with desk.db.read() as session:
        member = session.scalar(
            select(Member).where(Member.cpso_number == row["cpso_number"].strip().upper())
        )
        assert member is not None
        for name in ("first_name", "middle_name", "last_name"):
            stored = getattr(member, name) or ""
            assert _no_control(stored) and "\n" not in stored
        if column in ("first_name", "last_name"):
            # Stored literally: the same text, only Unicode-composed and with whitespace runs made single.
            assert getattr(member, column) == " ".join(unicodedata.normalize("NFC", value).split())
            hits = search_members(session, value, 1000)
            if fold(value).split():
                assert member.id in {h.member_id for h in hits}
        if desk.db.is_sqlite:
            assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


RAW_TAILS = st.one_of(
    st.binary(max_size=300),
    st.text(_any_char, max_size=300).map(lambda t: t.encode("utf-8")),
    st.sampled_from(
        [
            b'"unterminated,quote\n',
            b"\x00\x00\x00",
            b"\xff\xfe\x00a",
            b"a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n",
            b"\r\r\r\n\n",
            "é".encode("latin-1") * 50,
        ]
    ),
)


@FUZZ
@given(tail=RAW_TAILS)
def test_member_file_of_any_bytes_is_read_or_refused_in_words(
    desk: Desk, admin: Actor, tmp_path_factory: pytest.TempPathFactory, tail: bytes
) -> None:
    """Not only hostile cells: a damaged file (bad bytes, encodings, quotes, NULs) after a good header."""
    path = tmp_path_factory.mktemp("raw") / "members.csv"
    path.write_bytes((",".join(MEMBER_HEADER) + "\r\n").encode() + tail)
    try:
        result = import_members(desk, admin, path)
    except CsvFileError as exc:
        assert str(exc).strip() and "Traceback" not in str(exc)
        return
    assert not result.committed or not result.problems
    for problem in result.problems:
        assert problem.line >= 2 and problem.reason.strip()


@FUZZ
@given(tail=RAW_TAILS)
def test_requests_file_of_any_bytes_is_checked_or_refused_in_words(
    batch_desk: Desk, tmp_path_factory: pytest.TempPathFactory, tail: bytes
) -> None:
    path = tmp_path_factory.mktemp("raw") / "requests.csv"
    path.write_bytes((",".join(REQUEST_COLUMNS) + "\r\n").encode() + tail)
    try:
        checked = check_requests(batch_desk, path)
    except (ValidationError, ValidationErrors, CsvFileError) as exc:
        assert str(exc).strip() and "Traceback" not in str(exc)
        return
    for rejected in checked.rejected:
        assert rejected.field in (*REQUEST_COLUMNS, "row") and rejected.problem.strip(), rejected


# --- the requests CSV (batch) -------------------------------------------------------------------------

REQUEST_FIELDS = ["cpso_number", "institution_name", "attention", "street1", "city", "state", "country"]
REQUEST_FIELDS += ["zip", "email", "consent_method", "consent_date", "institution_type"]


@pytest.fixture
def batch_desk(desk: Desk) -> Desk:
    with desk.db.write() as session:
        make_member(session, cpso_number="104512")
    return desk


@FUZZ
@given(column=st.sampled_from(REQUEST_FIELDS), value=hostile)
@example(column="institution_name", value="'; DROP TABLE member; --")
@example(column="street1", value="x" * 10_000)
@example(column="email", value="a@b.org\r\nBcc: victim@example.org")
@example(column="institution_name", value="\u0645\u0633\u062a\u0634\u0641\u0649")  # found: a printing problem
def test_requests_file_rows_are_accepted_clean_or_rejected_naming_the_column(
    batch_desk: Desk, tmp_path_factory: pytest.TempPathFactory, column: str, value: str
) -> None:
    row = dict.fromkeys(REQUEST_COLUMNS, "")
    row.update(
        {
            "cpso_number": "104512",
            "institution_type": "Hospital",
            "institution_name": "Toronto General Hospital",
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
    row[column] = value
    path = tmp_path_factory.mktemp("batch") / "requests.csv"
    _write_csv(path, list(REQUEST_COLUMNS), [row])
    try:
        checked = check_requests(batch_desk, path)
    except (ValidationError, ValidationErrors, CsvFileError) as exc:  # the file itself: one sentence
        assert str(exc).strip()
        return
    assert len(checked.rows) + len({r.line for r in checked.rejected}) == 1
    for rejected in checked.rejected:
        assert rejected.field in (*REQUEST_COLUMNS, "row"), rejected
        assert rejected.problem.strip()
    for accepted in checked.rows:
        for name in FIELD_LABELS:
            stored = getattr(accepted.recipient, name)
            if isinstance(stored, str):
                assert _no_control(stored) and "\n" not in stored, (name, stored)


# --- certificate rendering -----------------------------------------------------------------------------

CONTENT_FIELDS = {f for f in CertificateContent.__dataclass_fields__}


def sample(**overrides: Any) -> CertificateContent:
    values: dict[str, Any] = {
        "number": "CPC-2026-000123",
        "verification_code": "ABCD-EFGH-JKMN",
        "issue_date": date(2026, 11, 25),
        "valid_until": date(2027, 2, 23),
        "member_name": "Hélène Côté-Gagnon",
        "cpso_number": "100001",
        "registration_class": "Independent Practice",
        "member_status": "Active",
        "initial_registration_date": date(2004, 7, 1),
        "certificate_expiry_date": date(2027, 6, 30),
        "specialties": ("Family Medicine",),
        "terms_conditions": "",
        "discipline": "",
        "pending_investigations": "",
        "recipient_name": "Toronto General Hospital",
        "attention": "",
        "street_lines": ("200 Elizabeth Street",),
        "city": "Toronto",
        "state": "ON",
        "postal_code": "M5G 2C4",
        "country": "Canada",
        "issuer": IssuerDetails(
            name="College of Physicians and Surgeons (DEMO)",
            address_lines=("80 College Street", "Toronto ON  M5G 2E2"),
            registrar_name="Dr. A. Registrar (DEMO)",
            verification_url="https://verify.example.org/cpc",
        ),
    }
    values.update(overrides)
    return CertificateContent(**values)


def _field_named(error: ValidationError) -> bool:
    return error.field.split(".")[0].split("[")[0] in CONTENT_FIELDS and bool(error.message.strip())


# The services refuse longer values before anything is rendered: a member's names are at most 200
# characters each (member import, String(200)), every address field at most 200 (clean_text).
NAME_MAX, FIELD_MAX = 610, 200


@settings(max_examples=max(10, EXAMPLES * 5 // 8), deadline=None)
@given(
    name=hostile,
    place=hostile,
    latin=st.text(
        st.characters(min_codepoint=0x41, max_codepoint=0x17F, categories=("Lu", "Ll")),
        min_size=3,
        max_size=30,
    ),
)
@example(name="x" * 10_000, place="🏥" * 10_000, latin="Abc")
@example(name="مستشفى تورونتو العام", place="\u202eevil", latin="Abc")
@example(name="W" * 610, place="\x00", latin="Abc")
def test_certificate_renders_to_a_pdf_that_parses_or_names_the_field(
    name: str, place: str, latin: str
) -> None:
    content = sample(
        member_name=name[:NAME_MAX],
        recipient_name=place[:FIELD_MAX],
        attention=place[:FIELD_MAX],
        street_lines=(place[:FIELD_MAX], latin),
        city=latin,
    )
    try:
        pdf = render_pdf(content)
    except ValidationError as exc:
        assert _field_named(exc), str(exc)
        return
    reader = PdfReader(io.BytesIO(pdf), strict=True)
    assert len(reader.pages) >= 1
    text_ = " ".join("\n".join(p.extract_text() or "" for p in reader.pages).split())
    assert "".join(latin.split()) in "".join(text_.split())  # a plain Latin value is printed as given


@pytest.mark.parametrize(
    "overrides",
    [
        {"member_name": "W" * 3_000},
        {"specialties": tuple(("Specialty " * 20)[:200] for _ in range(25))},
    ],
    ids=["long-name", "many-specialties"],
)
def test_a_member_block_too_big_for_a_page_is_refused_naming_the_field(overrides: dict[str, Any]) -> None:
    try:
        render_pdf(sample(**overrides))
    except ValidationError as exc:
        assert _field_named(exc)
    else:
        pytest.fail("rendered a member block taller than a page?")


# --- the certificate email: no header injection -----------------------------------------------------------


@pytest.fixture(scope="module")
def mail_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(tmp_path_factory.mktemp("settings"))


def _header_block(wire: bytes) -> bytes:
    head, sep, _body = wire.partition(b"\r\n\r\n")
    assert sep, "no blank line after the headers"
    return head


@FUZZ
@given(member=hostile, recipient=hostile, code=hostile, cpso=hostile)
@example(member="Eve\r\nBcc: victim@example.org", recipient="R\nX-Evil: 1", code="C", cpso="1")
@example(member="x" * 10_000, recipient="🏥" * 10_000, code="\x00", cpso="%_")
def test_certificate_email_headers_never_carry_cr_or_lf(
    mail_settings: Settings, member: str, recipient: str, code: str, cpso: str
) -> None:
    try:
        msg = mail.build_certificate_message(
            mail_settings,
            to_address="credentials@tgh.example.org",
            member_name=member,
            cpso_number=cpso,
            certificate_number="CPC-2026-000123",
            valid_until=date(2027, 2, 23),
            verification_code=code,
            recipient_name=recipient,
            pdf=tiny_pdf(),
            message_id="<CPC-2026-000123@example.org>",
        )
    except ValidationError as exc:
        assert exc.field in {"member_name", "cpso_number", "verification_code", "recipient_name"}, exc.field
        assert exc.message.strip()
        return
    names = [k.lower() for k in msg.keys()]
    for key, value in msg.items():
        assert "\r" not in str(value) and "\n" not in str(value), key
    wire = mail.prepare(msg, "cpc-desk@example.org").wire
    head = _header_block(wire)
    # On the wire: CRLF only between header lines, and every line is a header we set or a folded
    # continuation of one (starts with white space).
    assert b"\n" not in head.replace(b"\r\n", b"") and b"\r" not in head.replace(b"\r\n", b"")
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t"):
            continue
        found = re.match(rb"^([\x21-\x39\x3b-\x7e]+):", line)
        assert found and found.group(1).decode().lower() in names, line[:80]
    # Parsed back, the message has exactly the headers we set: nothing smuggled in.
    from email import policy
    from email.parser import BytesParser

    parsed = BytesParser(policy=policy.default).parsebytes(wire)
    assert sorted(k.lower() for k in parsed.keys()) == sorted(n for n in names if n != "bcc")
    assert [a.addr_spec for a in parsed["To"].addresses] == ["credentials@tgh.example.org"]
    assert parsed["Message-ID"] == "<CPC-2026-000123@example.org>"


# --- the SQL layer: quotes and wildcards are plain characters ---------------------------------------

LITERAL_NAMES = [
    ("Robert", "'); DROP TABLE member; --"),
    ("Percy", "100%_Pure"),
    ("Under", "Score_Name"),
    ("Ann", "O'Brien"),
    ("Bob", "Smith"),
    ("Back", "Slash\\Name"),
    ("Élodie", "Côté-Gagnon"),
    ("محمد", "العلي"),
]


@pytest.fixture
def literal_register(desk: Desk) -> Desk:
    with desk.db.write() as session:
        for first, last in LITERAL_NAMES:
            make_member(session, first_name=first, last_name=last)
    return desk


def _reference(session: Any, query: str) -> set[int]:
    """Members whose every query word begins one of their name words: the literal meaning of a search."""
    words = [w[:200] for w in fold(" ".join(query.split())).split()]
    found = set()
    for member in session.scalars(select(Member)):
        tokens = name_tokens(member.first_name, member.middle_name or "", member.last_name)
        tokens.add(member.cpso_number.casefold())
        if words and all(any(t.startswith(w) for t in tokens) for w in words):
            found.add(member.id)
    return found


@FUZZ
@given(
    query=st.one_of(
        st.sampled_from(
            ["%", "_", "%_", "%%", "*", "'", "''", "'; DROP TABLE member; --", "\\", "100%", "o'b"]
        ),
        st.sampled_from([f"{first} {last}" for first, last in LITERAL_NAMES]),
        hostile,
    )
)
def test_search_matches_literally(literal_register: Desk, query: str) -> None:
    with literal_register.db.read() as session:
        hits = search_members(session, query, 1000)
        expected = _reference(session, query)
        got = {h.member_id for h in hits if h.matched == "name"}
        assert got <= expected, (query, got - expected)
        if not any(ch.isdigit() for ch in query):
            assert {h.member_id for h in hits} == expected, query
        assert session.scalar(select(func.count()).select_from(Member)) == len(LITERAL_NAMES)
        assert session.scalar(select(func.count()).select_from(MemberNameToken))


def test_wildcards_and_quotes_find_only_the_names_that_contain_them(literal_register: Desk) -> None:
    with literal_register.db.read() as session:
        everyone = session.scalar(select(func.count()).select_from(Member))
        for query in ("%", "_", "%_", "'", "--", ";"):
            assert search_members(session, query, 1000) == [], query  # no letters: nothing, not everyone
        bobby = search_members(session, "'; DROP TABLE member; --", 1000)
        assert [h.full_name for h in bobby] == ["Robert '); DROP TABLE member; --"]
        assert [h.full_name for h in search_members(session, "100%_pure", 1000)] == ["Percy 100%_Pure"]
        assert [h.full_name for h in search_members(session, "o'brien", 1000)] == ["Ann O'Brien"]
        assert session.scalar(select(func.count()).select_from(Member)) == everyone


def test_imported_sql_and_wildcard_names_are_stored_literally(
    desk: Desk, admin: Actor, tmp_path: Path
) -> None:
    rows = []
    for i, (first, last) in enumerate(LITERAL_NAMES):
        rows.append(
            {
                **dict.fromkeys(MEMBER_HEADER, ""),
                "cpso_number": str(900001 + i),
                "first_name": first,
                "last_name": last,
                "registration_class": "Independent Practice",
                "status": "active",
                "initial_registration_date": "2004-07-01",
                "terms_conditions": "Must not use '%' or '_' in prescriptions; -- see order 1",
            }
        )
    path = tmp_path / "members.csv"
    _write_csv(path, MEMBER_HEADER, rows)
    result = import_members(desk, admin, path)
    assert result.committed and result.inserted == len(LITERAL_NAMES), result.problems
    with desk.db.read() as session:
        stored = {(m.first_name, m.last_name) for m in session.scalars(select(Member))}
        nfc = unicodedata.normalize
        assert stored == {(nfc("NFC", first), nfc("NFC", last)) for first, last in LITERAL_NAMES}
        terms = set(session.scalars(select(Member.terms_conditions)))
        assert terms == {"Must not use '%' or '_' in prescriptions; -- see order 1"}
