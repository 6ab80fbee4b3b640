"""Member search, lookups, the one-sentence status and the member history, on a real database."""

import json
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from members_data import T0, add_certificate, add_member, add_message, add_request
from sqlalchemy import select

from app.desk import Desk
from app.register.members import (
    member_history,
    refresh_search_name,
    search_members,
    status_sentence,
)
from app.register.text import fold
from app.store.models import Member, MemberNameToken, MemberStatus, OutboxState, RequestStatus
from tests.cli_runner import run_cli


@pytest.fixture(autouse=True)
def toronto_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Staff read local time; these tests read it in Toronto (UTC-5 in November)."""
    monkeypatch.setenv("TZ", "America/Toronto")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


NOW = T0 + timedelta(hours=2)


def names(hits: list) -> list[str]:
    return [h.full_name for h in hits]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hélène Côté-Gagnon", "helene cote gagnon"),
        ("  ÉMILE   d'Aubigné ", "emile d aubigne"),
        ("Straße", "strasse"),
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Łukasz Żółć", "lukasz zolc"),
        ("Ærøskøbing", "aeroskobing"),
        ("Ζωή Παπαδοπούλου", "ζωη παπαδοπουλου"),
        ("Đorđe Šimić", "dorde simic"),
        ("王小明", "王小明"),
        ("Jürgen_Müller%", "jurgen muller"),
        ("", ""),
    ],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_fold_keeps_vowel_signs_of_other_scripts() -> None:
    # Devanagari vowel signs are combining marks, but dropping them would change the name.
    assert fold("प्रिया शर्मा") == "प्रिया शर्मा"


@pytest.fixture
def register(desk: Desk) -> dict[str, int]:
    with desk.db.write() as s:
        people = {
            "helene": add_member(s, "Hélène", "Côté-Gagnon", "104211"),
            "helen": add_member(s, "Helen", "Cotton", "104212"),
            "obrien": add_member(s, "Siobhán", "O'Brien", "55001"),
            "strasse": add_member(s, "Klaus", "Straße", "55002", middle="Maria"),
            "wang": add_member(s, "小明", "王", "55003"),
            "papa": add_member(s, "Ζωή", "Παπαδοπούλου", "55004"),
            "smith": add_member(s, "John", "Smith", "10420"),
            "pct": add_member(s, "Ann", "Percent", "77777"),
        }
        return {k: m.id for k, m in people.items()}


def test_name_words_in_any_order_without_accents_or_case(desk: Desk, register: dict[str, int]) -> None:
    with desk.db.read() as s:
        assert names(search_members(s, "cote helene")) == ["Hélène Côté-Gagnon"]
        assert names(search_members(s, "HELENE CÔTÉ")) == ["Hélène Côté-Gagnon"]
        assert names(search_members(s, "gagnon")) == ["Hélène Côté-Gagnon"]
        assert names(search_members(s, "Côté-Gagnon")) == ["Hélène Côté-Gagnon"]
        assert names(search_members(s, "cotegagnon")) == ["Hélène Côté-Gagnon"]
        # prefixes of every word; the exact word match ranks first
        assert names(search_members(s, "hel cot")) == ["Hélène Côté-Gagnon", "Helen Cotton"]
        assert names(search_members(s, "helen")) == ["Helen Cotton", "Hélène Côté-Gagnon"]
        assert all(h.matched == "name" for h in search_members(s, "hel"))


def test_names_in_other_scripts_and_special_letters(desk: Desk, register: dict[str, int]) -> None:
    with desk.db.read() as s:
        assert names(search_members(s, "obrien")) == ["Siobhán O'Brien"]
        assert names(search_members(s, "o'brien siobhan")) == ["Siobhán O'Brien"]
        assert names(search_members(s, "strasse")) == ["Klaus Maria Straße"]
        assert names(search_members(s, "maria klaus")) == ["Klaus Maria Straße"]
        assert names(search_members(s, "王")) == ["小明 王"]
        assert names(search_members(s, "小")) == ["小明 王"]
        assert names(search_members(s, "παπαδοπουλου")) == ["Ζωή Παπαδοπούλου"]
        assert names(search_members(s, "ΖΩΗ")) == ["Ζωή Παπαδοπούλου"]


def test_cpso_number_exact_first_then_prefix(desk: Desk, register: dict[str, int]) -> None:
    with desk.db.read() as s:
        hits = search_members(s, "10421")
        assert [h.cpso_number for h in hits] == ["104211", "104212"]
        hits = search_members(s, "1042")
        assert [h.cpso_number for h in hits] == ["10420", "104211", "104212"]
        hits = search_members(s, "10420")
        assert [h.cpso_number for h in hits] == ["10420"]
        assert hits[0].matched == "cpso"
        assert search_members(s, "999999") == []


def test_search_text_is_literal(desk: Desk, register: dict[str, int]) -> None:
    with desk.db.read() as s:
        for hostile in (
            "%",
            "_",
            "%%",
            "' OR 1=1 --",
            "'; DROP TABLE member; --",
            '"',
            "\\",
            "*",
            "per%",
            "s_ith",
        ):
            hits = search_members(s, hostile)
            assert len(hits) <= 1, hostile
        assert names(search_members(s, "per%")) == ["Ann Percent"]  # % is punctuation, not a wildcard
        assert search_members(s, "s_ith") == []  # _ is not "any letter"
        assert search_members(s, "SELECT") == []
        assert search_members(s, "   ") == []
    with desk.db.read() as s:
        assert s.scalar(select(Member).where(Member.cpso_number == "10420")) is not None


def test_limit_and_rename(desk: Desk, register: dict[str, int]) -> None:
    with desk.db.write() as s:
        for i in range(30):
            add_member(s, f"Bulk{i:02d}", "Lastname")
    with desk.db.read() as s:
        assert len(search_members(s, "lastname", limit=10)) == 10
        assert len(search_members(s, "bulk", limit=50)) == 30
    with desk.db.write() as s:
        m = s.get(Member, register["smith"])
        assert m is not None
        m.last_name = "Smythe-Jones"
        refresh_search_name(m)
    with desk.db.read() as s:
        assert search_members(s, "smith") == []
        assert names(search_members(s, "jones john")) == ["John Smythe-Jones"]
        tokens = set(
            s.scalars(select(MemberNameToken.token).where(MemberNameToken.member_id == register["smith"]))
        )
        assert tokens == {"john", "smythe", "jones", "smythejones", "10420"}


def test_certificate_number_and_verification_code_open_the_request(
    desk: Desk, register: dict[str, int]
) -> None:
    with desk.db.write() as s:
        member = s.get(Member, register["helene"])
        assert member is not None
        req = add_request(s, member, [("Toronto General Hospital", "cred@tgh.example")])
        cert = add_certificate(s, req.recipients[0])
        number, code, rid, cid = cert.number, cert.verification_code, req.id, cert.id
    with desk.db.read() as s:
        for text, kind in (
            (number, "certificate"),
            (number.lower().replace("-", " "), "certificate"),
            (code, "code"),
            (code.replace("-", "").lower(), "code"),
            (" ".join(code.replace("-", "")), "code"),
        ):
            hits = search_members(s, text)
            assert [(h.member_id, h.matched, h.certificate_id, h.request_id) for h in hits] == [
                (register["helene"], kind, cid, rid)
            ], text
        hits = search_members(s, f"R-{rid:07d}")
        assert [(h.member_id, h.matched, h.request_id) for h in hits] == [
            (register["helene"], "request", rid)
        ]


# --- status --------------------------------------------------------------------------------------


@pytest.fixture
def one_cert(desk: Desk, register: dict[str, int]) -> dict[str, object]:
    with desk.db.write() as s:
        member = s.get(Member, register["helene"])
        assert member is not None
        req = add_request(s, member, [("Toronto General Hospital", "cred@tgh.example")])
        cert = add_certificate(s, req.recipients[0])
        return {"req": req.id, "cert": cert.id, "number": cert.number, "code": cert.verification_code}


def _sentence(desk: Desk, text: str, **kw: object) -> str | None:
    with desk.db.read() as s:
        return status_sentence(s, text, now=NOW, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("state", "fields", "offline", "expected"),
    [
        (
            OutboxState.SENT,
            {"sent_at": T0, "attempts": 1},
            False,
            "Sent to Toronto General Hospital at 10:42 on 25 Nov; the server accepted it.",
        ),
        (
            OutboxState.QUEUED,
            {},
            False,
            "Waiting in the outbox to go to Toronto General Hospital (cred@tgh.example), "
            "queued at 10:42 on 25 Nov.",
        ),
        (
            OutboxState.QUEUED,
            {},
            True,
            "Queued for Toronto General Hospital (cred@tgh.example) since 10:42 on 25 Nov; mail is offline "
            "on this desk, so it goes out when mail is switched back on.",
        ),
        (
            OutboxState.SENDING,
            {"attempts": 2},
            False,
            "Being sent to Toronto General Hospital (cred@tgh.example) now, attempt 2.",
        ),
        (
            OutboxState.FAILED_TEMPORARY,
            {
                "attempts": 3,
                "last_error": "451 4.7.1 Greylisted, try later",
                "next_attempt_at": T0 + timedelta(minutes=10),
            },
            False,
            "Not yet delivered to Toronto General Hospital (cred@tgh.example): 3 attempts failed, the "
            'last with the server saying "451 4.7.1 Greylisted, try later"; next try at 10:52 on 25 Nov.',
        ),
        (
            OutboxState.FAILED_PERMANENT,
            {"attempts": 1, "last_error": "550 5.1.1 No such user"},
            False,
            "Could not be delivered to Toronto General Hospital (cred@tgh.example): the server refused it "
            'permanently after 1 attempt saying "550 5.1.1 No such user"; correct the address and resend.',
        ),
        (
            OutboxState.CANCELLED,
            {},
            False,
            "The email to Toronto General Hospital (cred@tgh.example) was cancelled; CPC-",
        ),
    ],
)
def test_status_sentence_for_each_delivery_state(
    desk: Desk,
    one_cert: dict[str, object],
    state: OutboxState,
    fields: dict[str, object],
    offline: bool,
    expected: str,
) -> None:
    from app.store.models import Certificate

    with desk.db.write() as s:
        cert = s.get(Certificate, one_cert["cert"])
        assert cert is not None
        add_message(s, cert, state, **fields)  # type: ignore[arg-type]
    for text in (
        str(one_cert["number"]),
        str(one_cert["code"]),
        f"R-{one_cert['req']:07d}",
        str(one_cert["req"]),
    ):
        sentence = _sentence(desk, text, offline=offline)
        assert sentence is not None
        assert sentence.startswith(expected), (text, sentence)


def test_status_sentence_revoked_reissued_printed_and_unknown(
    desk: Desk, one_cert: dict[str, object]
) -> None:
    from app.store.models import Certificate

    with desk.db.write() as s:
        cert = s.get(Certificate, one_cert["cert"])
        assert cert is not None
        cert.printed_at = T0 + timedelta(minutes=5)
    assert _sentence(desk, str(one_cert["number"])) == (
        f"Issued to Toronto General Hospital at 10:42 on 25 Nov as {one_cert['number']}; not emailed; "
        "printed at 10:47 on 25 Nov."
    )
    with desk.db.write() as s:
        cert = s.get(Certificate, one_cert["cert"])
        assert cert is not None
        new = add_certificate(s, cert.recipient, seq=1, replaces=cert, at=T0 + timedelta(hours=1))
        new_number = new.number
    assert _sentence(desk, str(one_cert["number"])) == (
        f"Certificate {one_cert['number']} for Toronto General Hospital was replaced by {new_number}, "
        "reissued at 11:42 on 25 Nov."
    )
    with desk.db.write() as s:
        cert = s.get(Certificate, one_cert["cert"])
        assert cert is not None
        cert.revoked, cert.revoked_at, cert.revoked_by = True, T0, "registrar.test"
        cert.revoked_reason = "issued to the wrong hospital"
    assert _sentence(desk, str(one_cert["code"])) == (
        f"Certificate {one_cert['number']} for Toronto General Hospital was revoked at 10:42 on 25 Nov by "
        "registrar.test: issued to the wrong hospital."
    )
    assert _sentence(desk, "CPC-2026-999999") is None
    assert _sentence(desk, "R-9999999") is None
    assert _sentence(desk, "ZZZZ-ZZZZ-ZZZZ") is None
    assert _sentence(desk, "") is None


def test_status_sentence_for_requests_not_issued(desk: Desk, register: dict[str, int]) -> None:
    with desk.db.write() as s:
        member = s.get(Member, register["smith"])
        assert member is not None
        member.discipline = "Reprimand, 2019"
        review = add_request(s, member, [("A", "a@a.example")], status=RequestStatus.AWAITING_REVIEW)
        declined = add_request(s, member, [("B", "b@b.example")], status=RequestStatus.DECLINED)
        declined.reviewed_by, declined.reviewed_at = "registrar.test", T0
        declined.review_reason = "consent form unsigned"
        draft = add_request(s, member, [("C", "c@c.example")], status=RequestStatus.DRAFT)
        cancelled = add_request(s, member, [("D", "d@d.example")], status=RequestStatus.CANCELLED)
        cancelled.updated_by = "clerk.test"
        ids = review.id, declined.id, draft.id, cancelled.id
    assert _sentence(desk, f"R-{ids[0]:07d}") == (
        f"Request R-{ids[0]:07d} for John Smith is awaiting a registrar's review since 10:42 on 25 Nov "
        "because the member has discipline findings."
    )
    assert _sentence(desk, str(ids[1])) == (
        f"Request R-{ids[1]:07d} for John Smith was declined by registrar.test at 10:42 on 25 Nov: "
        "consent form unsigned."
    )
    assert "is a draft" in (_sentence(desk, f"r{ids[2]}") or "")
    cancelled_text = _sentence(desk, f"R-{ids[3]:07d}") or ""
    assert "was cancelled by clerk.test at" in cancelled_text


def test_status_sentence_for_a_request_with_two_recipients(desk: Desk, register: dict[str, int]) -> None:
    with desk.db.write() as s:
        member = s.get(Member, register["helen"])
        assert member is not None
        req = add_request(s, member, [("Hospital A", "a@a.example"), ("Board B", "b@b.example")])
        c1 = add_certificate(s, req.recipients[0])
        c2 = add_certificate(s, req.recipients[1])
        add_message(s, c1, OutboxState.SENT, sent_at=T0, attempts=1)
        add_message(s, c2, OutboxState.FAILED_PERMANENT, attempts=1, last_error="550 mailbox unavailable")
        rid, n1, n2 = req.id, c1.number, c2.number
    text = _sentence(desk, f"R-{rid:07d}") or ""
    assert text.startswith(
        f"Request R-{rid:07d} for Helen Cotton has 2 certificates. {n1}: Sent to Hospital A at"
    )
    assert f"{n2}: Could not be delivered to Board B (b@b.example)" in text


# --- history -------------------------------------------------------------------------------------


def test_history_lists_requests_and_certificates_newest_first(desk: Desk, register: dict[str, int]) -> None:
    with desk.db.write() as s:
        member = s.get(Member, register["helene"])
        assert member is not None
        old = add_request(s, member, [("Old Hospital", "old@h.example")], at=T0 - timedelta(days=400))
        old_cert = add_certificate(s, old.recipients[0], at=T0 - timedelta(days=400))
        add_message(s, old_cert, OutboxState.SENT, sent_at=T0 - timedelta(days=400), attempts=1)
        new = add_request(s, member, [("Toronto General Hospital", "cred@tgh.example")], at=T0)
        new_cert = add_certificate(s, new.recipients[0], at=T0 + timedelta(minutes=1))
        add_message(s, new_cert, OutboxState.FAILED_TEMPORARY, attempts=2, last_error="421 busy")
        review = add_request(
            s,
            member,
            [("Board", "b@b.example")],
            status=RequestStatus.AWAITING_REVIEW,
            at=T0 + timedelta(hours=1),
        )
        other = add_member(s, "Other", "Person")
        add_request(s, other, [("Elsewhere", "e@e.example")])
        ids = old.id, new.id, review.id, new_cert.number, old_cert.number
    with desk.db.read() as s:
        rows = member_history(s, register["helene"], now=NOW)
    assert [(r.kind, r.request_id) for r in rows] == [
        ("request", ids[2]),
        ("certificate", ids[1]),
        ("request", ids[1]),
        ("certificate", ids[0]),
        ("request", ids[0]),
    ]
    assert rows[0].state == "awaiting review" and rows[0].recipient == "Board"
    assert rows[1].certificate_number == ids[3]
    assert (rows[1].state, rows[1].attempts, rows[1].last_error) == ("retrying", 2, "421 busy")
    assert rows[1].recipient == "Toronto General Hospital" and rows[1].who == "registrar.test"
    assert rows[2].who == "clerk.test" and rows[2].state == "issued"
    assert rows[3].state == "sent" and rows[3].certificate_number == ids[4]
    assert "expired on" in rows[3].sentence
    assert all(r.at.tzinfo is not None for r in rows)
    with desk.db.read() as s:
        assert member_history(s, register["pct"]) == []


# --- command line --------------------------------------------------------------------------------


def test_cli_search_prints_lines_and_json(
    desk: Desk, register: dict[str, int], database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(["--database-url", database_url, "members", "search", "cote helene"]) == 0
    out = capsys.readouterr().out
    assert out == "104211\tHélène Côté-Gagnon\tIndependent Practice\tactive\n"
    assert run_cli(["--database-url", database_url, "members", "search", "1042", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["cpso_number"] for d in data] == ["10420", "104211", "104212"]
    assert data[0]["matched"] == "cpso" and data[0]["status"] == MemberStatus.ACTIVE.value
    assert run_cli(["--database-url", database_url, "members", "search", "nobody-here"]) == 1
    assert "No member" in capsys.readouterr().err


def test_times_are_shown_in_local_time() -> None:
    from app.register.members import local_time

    assert local_time(datetime(2026, 11, 25, 15, 42, tzinfo=UTC), NOW) == "10:42 on 25 Nov"
    assert local_time(datetime(2025, 7, 1, 12, 0, tzinfo=UTC), NOW) == "08:00 on 1 Jul 2025"


def _prefix_edges(desk: Desk) -> None:
    with desk.db.write() as s:
        add_member(s, "Bo", "Abz", "10797")
        add_member(s, "Anna", "Ab-Zed", "10696")
        add_member(s, "Y", "Aβ", "10999")
    with desk.db.read() as s:
        # the last letter of a prefix is z or 9: its upper bound is "{" or ":", punctuation that a
        # linguistic collation would sort before the letters
        assert {h.full_name for h in search_members(s, "abz")} == {"Bo Abz", "Anna Ab-Zed"}
        assert names(search_members(s, "ab z")) == ["Anna Ab-Zed"]
        assert [h.cpso_number for h in search_members(s, "109")] == ["10999"]
        assert [h.cpso_number for h in search_members(s, "1079")] == ["10797"]
        assert names(search_members(s, "aβ")) == ["Y Aβ"]


def test_prefix_ranges_at_the_end_of_the_alphabet(desk: Desk) -> None:
    _prefix_edges(desk)


@pytest.mark.postgres
def test_search_under_a_linguistic_postgresql_collation(postgres_url: str, data_dir: Path) -> None:
    """A server whose databases sort like en-US (ICU) still finds prefixes: the words compare in binary."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"cpc_icu_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text(
                f"CREATE DATABASE \"{name}\" LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8' "
                "TEMPLATE template0"
            )
        )
    url = make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    desk = Desk.open(data_dir, url)
    try:
        _prefix_edges(desk)
    finally:
        desk.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_members_saved_without_refresh_are_still_findable(desk: Desk) -> None:
    from datetime import date

    with desk.db.write() as s:
        s.add(
            Member(
                cpso_number="424242",
                first_name="Ngozi",
                last_name="Okonjo-Iweala",
                registration_class="Restricted",
                status=MemberStatus.ACTIVE,
                initial_registration_date=date(2001, 1, 1),
            )
        )
    with desk.db.read() as s:
        assert names(search_members(s, "iweala ngozi")) == ["Ngozi Okonjo-Iweala"]
    with desk.db.write() as s:
        m = s.scalar(select(Member).where(Member.cpso_number == "424242"))
        assert m is not None
        m.first_name = "Ngozika"
    with desk.db.read() as s:
        assert names(search_members(s, "ngozika")) == ["Ngozika Okonjo-Iweala"]
        m = s.scalar(select(Member).where(Member.cpso_number == "424242"))
        assert m is not None and m.search_name == "ngozika okonjo iweala"
