"""The verification service, running for real (uvicorn on a loopback port, its own process) against a real
SQLite register with issued, revoked, replaced and expired certificates and a member suspended after issue:
every status and field, the JSON, 400/404/413/429, the headers, the enumeration rule, the file check, the
log line without the code, and a clean stop on SIGTERM."""

import hashlib
import re
import signal
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import select

from app.desk import Desk
from app.document.college_certificate import college_fingerprint
from app.document.disclosure import format_date
from app.store.models import Certificate
from tests.verification_service import SUSPENDED_ON, Issued, Register, fill_register, running_service

JSON = {"Accept": "application/json"}
FIELDS = {
    "number",
    "status",
    "member_name",
    "cpso_number",
    "addressed_to",
    "issue_date",
    "valid_until",
    "revoked_on",
    "replaced_by",
    "register_changed_since_issue",
    "register_now",
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> object:
    """One register and one running service for the read-only checks of this module."""
    import keyring

    from tests.conftest import MemoryKeyring

    folder = tmp_path_factory.mktemp("service") / "data"
    folder.mkdir()
    keyring.set_keyring(MemoryKeyring())
    url = f"sqlite:///{folder / 'cpc-desk.sqlite3'}"
    desk = Desk.open(folder, url)
    register = fill_register(desk)
    path = urlsplit(str(desk.settings.get("verification.url"))).path
    fingerprint = college_fingerprint(desk)
    desk.close()
    with running_service(folder, url, "--rate-limit", "1000") as (base, proc):
        yield {"base": base, "path": path, "register": register, "fingerprint": fingerprint, "folder": folder}


def _get(service: dict, number: str, code: str, **kw: object) -> httpx.Response:
    return httpx.get(service["base"] + service["path"], params={"number": number, "code": code}, **kw)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_each_status_in_one_sentence_with_the_certificate_s_fields(service: dict) -> None:
    r: Register = service["register"]
    today = date.today()
    valid = _get(service, r.valid.number, r.valid.code)
    assert valid.status_code == 200
    page = _text(valid.text)
    assert f"Certificate {r.valid.number} is valid until" in page
    for expected in ("Ada Valid", "Toronto General Hospital", "Independent Practice", "Active"):
        assert expected in page
    assert f"Issue date {format_date(today)}" in page
    assert "The register has changed since issue" not in page

    revoked = _text(_get(service, r.revoked.number, r.revoked.code).text)
    assert f"Certificate {r.revoked.number} was revoked on {format_date(today)}." in revoked
    replaced = _text(_get(service, r.replaced.number, r.replaced.code).text)
    assert f"was replaced by certificate {r.replacement.number}." in replaced
    expired = _text(_get(service, r.expired.number, r.expired.code).text)
    assert f"Certificate {r.expired.number} expired on" in expired and "Ed Expired" in expired

    suspended = _text(_get(service, r.suspended.number, r.suspended.code).text)
    assert "is valid until" in suspended
    assert "The register has changed since issue" in suspended
    assert f"suspended since {format_date(SUSPENDED_ON)}; discipline finding recorded" in suspended
    assert "Professional misconduct found on 1 December 2026." in suspended
    # as certified: the certificate said Active
    assert re.search(r"Status \(as certified\) Active", suspended)


def test_number_and_code_are_matched_without_case_spaces_or_dashes(service: dict) -> None:
    v: Issued = service["register"].valid
    typed = _get(service, v.number.lower().replace("-", " "), v.code.lower().replace("-", ""))
    assert typed.status_code == 200 and "is valid until" in typed.text


def test_json_has_exactly_the_documented_fields(service: dict) -> None:
    r: Register = service["register"]
    for issued, status in (
        (r.valid, "valid"),
        (r.revoked, "revoked"),
        (r.replaced, "replaced"),
        (r.expired, "expired"),
        (r.suspended, "valid"),
    ):
        response = _get(service, issued.number, issued.code, headers=JSON)
        assert response.headers["content-type"].startswith("application/json")
        body = response.json()
        assert set(body) == FIELDS
        assert body["status"] == status and body["number"] == issued.number
        date.fromisoformat(body["issue_date"]) and date.fromisoformat(body["valid_until"])
    revoked = _get(service, r.revoked.number, r.revoked.code, headers=JSON).json()
    assert revoked["revoked_on"] == date.today().isoformat() and revoked["replaced_by"] is None
    replaced = _get(service, r.replaced.number, r.replaced.code, headers=JSON).json()
    assert replaced["replaced_by"] == r.replacement.number
    changed = _get(service, r.suspended.number, r.suspended.code, headers=JSON).json()
    assert changed["register_changed_since_issue"] is True
    assert changed["register_now"]["status"] == "suspended"
    assert changed["register_now"]["status_since"] == SUSPENDED_ON.isoformat()
    assert changed["member_name"] == "Sam Suspended" and changed["cpso_number"]
    assert changed["addressed_to"] == "Toronto General Hospital"
    unchanged = _get(service, r.valid.number, r.valid.code, headers=JSON).json()
    assert unchanged["register_changed_since_issue"] is False


def test_a_wrong_code_and_an_unknown_number_get_the_same_answer(service: dict) -> None:
    """The enumeration rule: byte for byte the same apart from the echo, with the same status."""
    r: Register = service["register"]
    other_code = r.revoked.code
    attempts = [
        (r.valid.number, other_code),  # a real number with another certificate's code
        (r.valid.number, "AAAA-BBBB-CCCC"),
        (r.suspended.number, "2222-3333-4444"),
        (r.expired.number, "ZZZZ-ZZZZ-ZZZZ"),
        ("CPC-2026-999999", r.valid.code),  # an unknown number with a real code
        ("CPC-2031-000001", "AAAA-BBBB-CCCC"),
        ("CPC-2026-000099", "HHHH-JJJJ-KKKK"),
    ]
    for headers in ({}, JSON):
        bodies = set()
        for number, code in attempts:
            response = _get(service, number, code, headers=headers)
            assert response.status_code == 404
            body = response.text
            # the echo of the input is the only difference
            for echoed in (number, code):
                body = body.replace(echoed, "ECHO")
            bodies.add(body)
            assert set(response.headers) == set(_get(service, *attempts[0], headers=headers).headers)
        assert len(bodies) == 1, bodies
        if headers:
            answer = _get(service, *attempts[0], headers=headers).json()
            assert answer["status"] == "not_found"
            assert all(answer[k] is None for k in FIELDS - {"number", "status"})
        else:
            assert "Ada Valid" not in bodies.pop()


def test_bad_input_is_refused_with_400_naming_the_field(service: dict) -> None:
    v: Issued = service["register"].valid
    base = service["base"] + service["path"]
    for params, field in (
        ({"number": "CPC-2026-1' OR 1=1--", "code": v.code}, "number"),
        ({"number": v.number, "code": "<script>"}, "code"),
        ({"number": "x" * 500, "code": v.code}, "number"),
        ({"number": v.number}, "code"),
        ({"code": v.code}, "number"),
        ({"number": v.number, "code": v.code, "extra": "1"}, "query"),
    ):
        response = httpx.get(base, params=params, headers=JSON)
        assert response.status_code == 400, params
        assert response.json()["error"]["field"] == field
        html = httpx.get(base, params=params)
        assert html.status_code == 400 and "<script>" not in html.text


def test_other_paths_are_404_and_the_bare_path_shows_the_forms(service: dict) -> None:
    assert httpx.get(service["base"] + "/admin").status_code == 404
    start = httpx.get(service["base"] + service["path"])
    assert start.status_code == 200
    assert 'name="number"' in start.text and 'type="file"' in start.text
    assert "<script" not in start.text


def test_security_headers_on_every_answer(service: dict) -> None:
    v: Issued = service["register"].valid
    for response in (
        _get(service, v.number, v.code),
        _get(service, v.number, "AAAA-AAAA-AAAA", headers=JSON),
        httpx.get(service["base"] + service["path"], params={"number": "bad", "code": "x"}),
        httpx.get(service["base"] + "/nowhere"),
    ):
        h = response.headers
        assert h["cache-control"] == "no-store"
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"
        csp = h["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe-inline" not in csp
        assert "server" not in h


def test_the_page_shows_the_college_s_signing_fingerprint(service: dict) -> None:
    assert re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", service["fingerprint"])
    v: Issued = service["register"].valid
    assert service["fingerprint"] in _get(service, v.number, v.code).text


def test_a_file_is_checked_exactly_and_nothing_is_told_about_others(service: dict) -> None:
    r: Register = service["register"]
    url = service["base"] + service["path"]
    ok = httpx.post(url, files={"pdf": ("c.pdf", r.suspended.pdf, "application/pdf")})
    assert ok.status_code == 200
    page = _text(ok.text)
    assert (
        f"This file is exactly certificate {r.suspended.number} as the College issued and signed it." in page
    )
    assert "The register has changed since issue" in page
    as_json = httpx.post(
        url, content=r.revoked.pdf, headers={**JSON, "Content-Type": "application/pdf"}
    ).json()
    assert as_json["issued_file"] is True and as_json["signed_by_college"] is True
    assert as_json["certificate"]["status"] == "revoked"
    altered = r.valid.pdf.replace(b"Ada Valid", b"Ada Vaiid")
    if altered == r.valid.pdf:
        altered = r.valid.pdf + b"%"
    refused = httpx.post(url, files={"pdf": ("c.pdf", altered, "application/pdf")})
    text = _text(refused.text)
    assert "NOT a certificate as the College issued it" in text
    assert "Ada" not in text and "Toronto General" not in text  # nothing about the named certificate
    not_pdf = httpx.post(url, files={"pdf": ("c.pdf", b"hello", "application/pdf")})
    assert "This file is not a PDF." in not_pdf.text
    assert httpx.post(url, files={}, data={"x": "1"}).status_code == 400


def test_a_file_over_10_mb_is_refused_with_413(service: dict) -> None:
    url = service["base"] + service["path"]
    big = b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024 + 1)
    assert httpx.post(url, files={"pdf": ("big.pdf", big, "application/pdf")}).status_code == 413
    raw = httpx.post(url, content=big, headers={"Content-Type": "application/pdf"})
    assert raw.status_code == 413


def test_log_has_one_line_per_request_and_never_the_code(service: dict) -> None:
    v: Issued = service["register"].valid
    marker = "CPC-2026-000777"
    _get(service, marker, v.code)
    log_text = "".join(p.read_text() for p in (service["folder"] / "logs").glob("*.log*"))
    lines = [line for line in log_text.splitlines() if marker in line]
    assert len(lines) == 1 and " 404 " in lines[0]
    for code in (v.code, v.code.replace("-", "")):
        assert code not in log_text


def test_rate_limit_answers_429_with_retry_after(data_dir: Path, desk: Desk, database_url: str) -> None:
    v = fill_register(desk).valid
    desk.close()
    with running_service(data_dir, database_url, "--rate-limit", "5") as (base, _proc):
        path = urlsplit(str(desk.settings.get("verification.url"))).path
        # running_service's start-up probe was the first of the five this minute
        statuses = [
            httpx.get(base + path, params={"number": v.number, "code": v.code}).status_code for _ in range(4)
        ]
        assert statuses == [200] * 4
        limited = httpx.get(base + path, params={"number": v.number, "code": v.code})
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert limited.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_a_signal_stops_it_cleanly_and_it_wrote_nothing(
    data_dir: Path, desk: Desk, database_url: str, stop: signal.Signals
) -> None:
    v = fill_register(desk).valid
    with desk.db.read() as session:
        before = session.scalars(select(Certificate.number).order_by(Certificate.id)).all()
    desk.close()
    # on SQLite the file itself must be untouched (on PostgreSQL, the roles test shows it cannot write)
    db_file = Path(database_url.removeprefix("sqlite:///")) if database_url.startswith("sqlite") else None
    content = hashlib.sha256(db_file.read_bytes()).hexdigest() if db_file else ""
    with running_service(data_dir, database_url) as (base, proc):
        path = urlsplit(str(desk.settings.get("verification.url"))).path
        assert httpx.get(base + path, params={"number": v.number, "code": v.code}).status_code == 200
        proc.send_signal(stop)
        assert proc.wait(timeout=20) == 0
        assert proc.stdout is not None
        out = proc.stdout.read()
        assert "Verification service stopped." in out
        assert proc.stderr is not None and "Traceback" not in proc.stderr.read()
    if db_file is not None:
        assert hashlib.sha256(db_file.read_bytes()).hexdigest() == content
    reopened = Desk.open(data_dir, database_url)
    with reopened.db.read() as session:
        assert session.scalars(select(Certificate.number).order_by(Certificate.id)).all() == before
    reopened.close()


def test_serve_refuses_bad_options_and_an_unmigrated_database(
    desk: Desk, data_dir: Path, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.cli_runner import run_cli

    base = ["--data-dir", str(data_dir), "--database-url", database_url, "verification", "serve"]
    assert run_cli([*base, "--port", "70000"]) == 2
    assert "--port: 70000 is not a port number" in capsys.readouterr().err
    assert run_cli([*base, "--rate-limit", "0"]) == 2
    assert "--rate-limit" in capsys.readouterr().err
    empty = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    assert run_cli(["--data-dir", str(data_dir), "--database-url", empty, "verification", "serve"]) == 2
    assert "open it once with a desk of this version first" in capsys.readouterr().err


def test_the_limit_counts_real_clients_behind_the_college_s_proxy_only(
    data_dir: Path, desk: Desk, database_url: str
) -> None:
    v = fill_register(desk).valid
    path = urlsplit(str(desk.settings.get("verification.url"))).path
    desk.close()
    params = {"number": v.number, "code": v.code}

    def status(base: str, client: str) -> int:
        return httpx.get(base + path, params=params, headers={"X-Forwarded-For": client}).status_code

    # Not behind a trusted proxy: a forged X-Forwarded-For does not make a new client.
    with running_service(data_dir, database_url, "--rate-limit", "3") as (base, _proc):
        # (the start-up probe was the first request of the minute)
        assert [status(base, f"203.0.113.{i}") for i in range(3)] == [200, 200, 429]
    # Behind the College's web server (trusted): each forwarded client has its own limit.
    trusted = ("--rate-limit", "3", "--forwarded-allow-ips", "127.0.0.1")
    with running_service(data_dir, database_url, *trusted) as (base, _proc):
        assert [status(base, "198.51.100.7") for _ in range(4)] == [200, 200, 200, 429]
        assert status(base, "198.51.100.8") == 200
