"""Files made to break the desk (issue 18, items 3 and 14-18), run through the command line: each is
refused with one sentence naming the row, the field or the byte, with its own exit status, and nothing
is left half-done."""

import csv
import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.access.staff import Actor
from app.batch.run import BatchOptions, RunningElsewhere, run_requests_file
from app.desk import Desk
from app.errors import ValidationError, ValidationErrors
from app.failures import describe as describe_failure
from app.register.recipients import validate_recipient
from app.store.models import Certificate, CertificateRequest, Member
from tests.cli_runner import run_cli
from tests.factories import DEFAULT_RECIPIENT, make_member
from tests.test_import_members import HEADER as MEMBER_HEADER

CONSENT_DAY = (date.today() - timedelta(days=3)).isoformat()
REQUEST_HEADER = [
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
]


def member_row(cpso: str, first: str, last: str = "Cote") -> str:
    return f"{cpso},{first},,{last},Independent Practice,active,2008-07-01,,,,,,,,"


def requests_file(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, REQUEST_HEADER)
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    "institution_type": "Hospital",
                    "institution_name": "Toronto General Hospital",
                    "street1": "200 Elizabeth Street",
                    "city": "Toronto",
                    "state": "ON",
                    "country": "CA",
                    "zip": "M5G 2C4",
                    "email": "credentials@tgh.example.org",
                    "consent_method": "signed_form",
                    "consent_date": CONSENT_DAY,
                    **row,
                }
            )
    return path


def counts(desk: Desk) -> tuple[int, int]:
    with desk.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(CertificateRequest)) or 0,
            s.scalar(select(func.count()).select_from(Certificate)) or 0,
        )


# --- 3. the postal code's first letter against the province -------------------------------------------


def test_a_toronto_postal_code_in_quebec_is_refused_everywhere_an_address_is_entered(
    desk: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = {**DEFAULT_RECIPIENT, "city": "Montreal", "state": "QC", "postal_code": "M5G 2C4"}
    with pytest.raises(ValidationErrors) as caught:
        validate_recipient(wrong)
    [error] = caught.value.errors
    assert error.field == "Zip/Postal code"
    assert "M5G 2C4 is a postal code in Ontario, not in Quebec" in error.message
    # The same code with its own province, and a Montreal code with Quebec, pass.
    assert validate_recipient({**wrong, "state": "ON"}).postal_code == "M5G 2C4"
    assert validate_recipient({**wrong, "postal_code": "h3a0g4"}).postal_code == "H3A 0G4"
    # X is shared by the Northwest Territories and Nunavut.
    assert validate_recipient({**wrong, "state": "NU", "postal_code": "X0A 0H0"}).state == "NU"

    # The directory import and the batch go through the same rule.
    directory = tmp_path / "directory.csv"
    directory.write_text(
        "institution_type,name,street1,city,state,country,postal_code,email\n"
        "Hospital,Hôpital Test,1 Rue Test,Montreal,QC,CA,M5G 2C4,a@b.example.org\n",
        encoding="utf-8",
    )
    base = ["--database-url", database_url]
    assert run_cli([*base, "institutions", "import", str(directory)]) == 1
    assert "not in Quebec" in capsys.readouterr().err
    with desk.db.write() as s:
        make_member(s, cpso_number="700001")
    batch = requests_file(tmp_path / "r.csv", [{"cpso_number": "700001", "state": "QC", "city": "Montreal"}])
    assert run_cli([*base, "batch", str(batch), "--out", str(tmp_path / "out"), "--workers", "1"]) == 1
    assert "not in Quebec" in (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8-sig")
    assert counts(desk) == (0, 0)


# --- 14. a file mostly in UTF-8 with a stray Windows-1252 byte ------------------------------------------


def test_mixed_encodings_are_refused_naming_line_and_byte_unless_encoding_is_given(
    desk: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(
        (MEMBER_HEADER + "\n" + member_row("104211", "Hélène", "Côté") + "\n").encode("utf-8")
        + (member_row("104212", "Andr\xe9") + "\n").encode("cp1252")
    )
    base = ["--database-url", database_url, "members", "import"]
    assert run_cli([*base, str(mixed)]) == 2
    err = capsys.readouterr().err
    assert "mixes encodings" in err and "line 3, byte 12 (0xE9)" in err and "--encoding" in err
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 0

    # Said to be Windows-1252, the file is read as such (the clerk takes responsibility for it) ...
    assert run_cli([*base, str(mixed), "--encoding", "windows-1252", "--dry-run"]) == 0
    assert "Windows-1252" in capsys.readouterr().out
    # ... an encoding the file does not fit is refused naming the byte, and an unknown name the option.
    assert run_cli([*base, str(mixed), "--encoding", "klingon"]) == 2
    assert "--encoding: 'klingon' is not an encoding we read" in capsys.readouterr().err

    # A whole file in Windows-1252 (no UTF-8 in it) is still recognised without the option.
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes((MEMBER_HEADER + "\n" + member_row("104212", "André") + "\n").encode("cp1252"))
    assert run_cli([*base, str(legacy)]) == 0
    with desk.db.read() as s:
        assert s.scalar(select(Member.first_name)) == "André"

    # The batch's requests file follows the same rule.
    batch = requests_file(tmp_path / "requests.csv", [{"cpso_number": "104212", "street1": "1 Rue Côté"}])
    batch.write_bytes(batch.read_bytes().replace(b"Toronto General", b"H\xf4pital Toronto General"))
    assert run_cli(["--database-url", database_url, "batch", str(batch), "--out", str(tmp_path / "o")]) == 2
    assert "mixes encodings" in capsys.readouterr().err
    assert counts(desk) == (0, 0)


# --- 15. one text rule: what could disguise text, or what the certificate cannot draw -------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Hel\u202eene", "U+202E"),
        ("Hel\ufeffene", "U+FEFF"),
        ("Hel\U0001f600ene", "U+1F600"),
        ("Hel\u2705ene", "U+2705"),
        ("Hel\u200bene", "U+200B"),
    ],
)
def test_every_input_refuses_characters_that_disguise_text_or_cannot_be_printed(
    desk: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, named: str
) -> None:
    members = tmp_path / "members.csv"
    members.write_text(MEMBER_HEADER + "\n" + member_row("104211", text) + "\n", encoding="utf-8")
    assert run_cli(["--database-url", database_url, "members", "import", str(members)]) == 1
    err = capsys.readouterr().err
    assert "\n2\tfirst_name\t" in err and named in err
    with pytest.raises(ValidationErrors) as caught:
        validate_recipient({**DEFAULT_RECIPIENT, "name": text, "street1": text})
    assert {e.field for e in caught.value.errors} == {"Institution name", "Street 1"}
    assert all(named in e.message for e in caught.value.errors)


# --- 16. a row the certificate cannot draw, in a batch with worker processes ---------------------------


def test_a_batch_row_that_cannot_be_printed_numbers_nothing_and_names_the_row(
    desk: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A name an older register let in (the import refuses it now): the batch must not number it.
    with desk.db.write() as s:
        make_member(s, cpso_number="700001", first_name="Ana")
        make_member(s, cpso_number="700002", first_name="Bo\U0001f600")
        make_member(s, cpso_number="700003", first_name="Cy")
    batch = requests_file(tmp_path / "r.csv", [{"cpso_number": c} for c in ("700001", "700002", "700003")])
    argv = ["--database-url", database_url, "batch", str(batch), "--out", str(tmp_path / "out")]
    for _attempt in range(2):  # and a rerun says the same, rather than fail some other way
        assert run_cli([*argv, "--workers", "2"]) == 1
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and "BrokenProcessPool" not in captured.err
        report = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8-sig")
        # named by the file's column (the member's cpso_number) and the register's field
        expected = (
            "\n3,700002,refused,cpso_number,\"the member's register entry (member_name) contains U+1F600"
        )

        assert expected in report
        assert counts(desk) == (0, 0)
    # With --skip-invalid the other two are issued, each with its document, and the row is named.
    assert run_cli([*argv, "--workers", "2", "--skip-invalid"]) == 1
    assert counts(desk) == (2, 2)
    with desk.db.read() as s:
        assert all(s.scalars(select(Certificate.pdf_sha256)))
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 2


def test_a_worker_error_reaches_the_batch_as_the_error_it_was() -> None:
    """A ValidationError raised in a worker process comes back whole (it used to break the pool when
    it could not be unpickled)."""
    import pickle

    error = pickle.loads(pickle.dumps(ValidationError("first_name", "contains U+1F600")))
    assert (error.field, error.message, str(error)) == (
        "first_name",
        "contains U+1F600",
        "first_name: contains U+1F600",
    )
    errors = pickle.loads(
        pickle.dumps(ValidationErrors([ValidationError("a", "b"), ValidationError("c", "d")]))
    )
    assert [(e.field, e.message) for e in errors.errors] == [("a", "b"), ("c", "d")]


# --- 17. PDF file names keep every letter --------------------------------------------------------------


def test_pdf_file_names_are_transliterated_never_losing_a_letter(
    desk: Desk, database_url: str, tmp_path: Path
) -> None:
    names = {
        "700011": ("Łukasz", "Wróblewski"),
        "700012": ("Ingrid", "Ødegård"),
        "700013": ("Αλέξης", "Παπαδόπουλος"),
        "700014": ("Юлия", "Чайковская"),
        "700015": ("伟", "王"),
    }
    with desk.db.write() as s:
        for cpso, (first, last) in names.items():
            make_member(s, cpso_number=cpso, first_name=first, last_name=last)
    batch = requests_file(tmp_path / "r.csv", [{"cpso_number": c} for c in names])
    out = tmp_path / "out"
    argv = ["--database-url", database_url, "batch", str(batch), "--out", str(out), "--workers", "1"]
    assert run_cli(argv) == 0
    files = sorted(f.name.split("_", 1)[1] for f in out.glob("*.pdf"))
    assert files == sorted(
        [
            "Lukasz-Wroblewski_Toronto-General-Hospital.pdf",
            "Ingrid-Odegard_Toronto-General-Hospital.pdf",
            "Alexis-Papadopoulos_Toronto-General-Hospital.pdf",
            "Yuliya-Chaykovskaya_Toronto-General-Hospital.pdf",
            "伟-王_Toronto-General-Hospital.pdf",
        ]
    )


# --- 18. the surroundings fail: one sentence, its own exit status, nothing half-written ----------------


@contextmanager
def small_disk(where: Path, size_kb: int) -> Iterator[Path]:
    """A real file system of `size_kb` KiB (a tmpfs) mounted at `where`; skips when mounting is not
    allowed (only root may)."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("a small disk cannot be mounted here (mounting a tmpfs needs root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def _members(desk: Desk, n: int) -> list[str]:
    numbers = [str(710001 + i) for i in range(n)]
    with desk.db.write() as s:
        for cpso in numbers:
            make_member(s, cpso_number=cpso)
    return numbers


def test_an_output_folder_that_fills_up_stops_with_one_sentence_and_a_rerun_finishes(
    desk: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    numbers = _members(desk, 6)
    batch = requests_file(tmp_path / "r.csv", [{"cpso_number": c} for c in numbers])
    with small_disk(tmp_path / "disk", 160) as out:
        argv = ["--database-url", database_url, "batch", str(batch), "--out", str(out), "--workers", "1"]
        assert run_cli(argv) == 4
        err = capsys.readouterr().err
        [said] = [line for line in err.splitlines() if line.startswith("cpc-desk:")]
        assert said.startswith("cpc-desk: The disk is full: a file could not be written.")
        assert "run the same command again" in said and "Traceback" not in err
        written = sorted(out.glob("*"))
        assert len(written) < 6 and not [p for p in written if "partial" in p.name]  # none half-written
        assert all(p.read_bytes().startswith(b"%PDF") and b"%%EOF" in p.read_bytes()[-64:] for p in written)
    # Every certificate numbered has its document in the database; a rerun with room writes the rest.
    with desk.db.read() as s:
        assert all(s.scalars(select(Certificate.pdf_sha256)))
    out = tmp_path / "roomy"
    assert run_cli(["--database-url", database_url, "batch", str(batch), "--out", str(out)]) == 0
    assert len(list(out.glob("*.pdf"))) == 6
    assert counts(desk) == (6, 6)


def test_a_full_database_stops_with_one_sentence_and_keeps_what_was_finished(
    desk: Desk, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not desk.db.url.startswith("sqlite"):
        pytest.skip("the full disk is made for an SQLite file")
    numbers = _members(desk, 12)
    database = Path(desk.db.url.removeprefix("sqlite:///"))
    desk.close()
    batch = requests_file(tmp_path / "r.csv", [{"cpso_number": c} for c in numbers])
    size_kb = database.stat().st_size // 1024 + 96
    with small_disk(tmp_path / "dbdisk", size_kb) as disk:
        shutil.copy(database, disk / "full.sqlite3")
        url = f"sqlite:///{disk / 'full.sqlite3'}"
        argv = ["--database-url", url, "batch", str(batch), "--out", str(tmp_path / "out"), "--workers", "1"]
        assert run_cli(argv) == 5
        err = capsys.readouterr().err
        [said] = [line for line in err.splitlines() if line.startswith("cpc-desk:")]
        assert said.startswith("cpc-desk: The database is full") and "Traceback" not in err
        shutil.copy(disk / "full.sqlite3", database)
        for suffix in ("-wal", "-shm"):
            if (disk / f"full.sqlite3{suffix}").exists():
                shutil.copy(disk / f"full.sqlite3{suffix}", f"{database}{suffix}")
    # The file is sound and a rerun with room finishes every row, each certificate with its document.
    url = f"sqlite:///{database}"
    assert run_cli(["--database-url", url, "batch", str(batch), "--out", str(tmp_path / "out")]) == 0
    again = Desk.open(data_dir, url)
    try:
        with again.db.read() as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert all(s.scalars(select(Certificate.pdf_sha256)))
        assert counts(again) == (12, 12)
    finally:
        again.close()


def test_a_second_run_of_the_same_file_at_the_same_time_stops_cleanly(
    desk: Desk, data_dir: Path, database_url: str, tmp_path: Path, admin: Actor
) -> None:
    numbers = _members(desk, 3)
    batch = requests_file(tmp_path / "r.csv", [{"cpso_number": c} for c in numbers])
    other = Desk.open(data_dir, database_url, actor=admin)
    started: list[int] = []

    def meanwhile(done: int, total: int, text: str) -> None:
        # The moment this run is about to file its first row, another desk runs the whole file.
        if not started:
            started.append(1)
            run_requests_file(other, batch, BatchOptions(out_dir=tmp_path / "other", workers=1))

    try:
        with pytest.raises(RunningElsewhere) as caught:
            run_requests_file(
                desk, batch, BatchOptions(out_dir=tmp_path / "mine", workers=1), meanwhile, actor=admin
            )
    finally:
        other.close()
    failure = describe_failure(caught.value)
    assert failure is not None and failure.status == 8
    assert "Another desk is issuing r.csv at this moment" in failure.sentence and "line 2" in failure.sentence
    # Each row has one certificate, with its document: nothing twice, nothing half-done.
    assert counts(desk) == (3, 3)
    with desk.db.read() as s:
        assert all(s.scalars(select(Certificate.pdf_sha256)))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_database_server_that_does_not_answer_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql+psycopg://cpc@127.0.0.1:{_free_port()}/cpc"
    assert run_cli(["--database-url", url, "members", "search", "Smith"]) == 6
    err = capsys.readouterr().err
    assert err.startswith("cpc-desk: The database stopped answering") and "Traceback" not in err


@pytest.mark.postgres
def test_postgresql_stopped_mid_batch_then_a_rerun_finishes(
    postgres_url: str, data_dir: Path, tmp_path: Path, admin: Actor
) -> None:
    desk = Desk.open(data_dir, postgres_url, actor=admin)
    try:
        numbers = _members(desk, 4)
        batch = requests_file(tmp_path / "r.csv", [{"cpso_number": c} for c in numbers])
        calls: list[int] = []

        def cut_off(done: int, total: int, label: str) -> None:
            calls.append(done)
            if len(calls) == 3:  # two rows filed: the server cuts every connection and lets none in
                with killer.connect() as conn:
                    conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false'))
                    conn.execute(
                        text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            f"WHERE datname = '{database}'"
                        )
                    )

        database = make_url(postgres_url).database
        killer = create_engine(make_url(postgres_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
        try:
            with pytest.raises(Exception) as caught:  # noqa: B017 - whichever driver error; describe() names it
                run_requests_file(desk, batch, BatchOptions(out_dir=tmp_path / "out", workers=1), cut_off)
        finally:
            with killer.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true'))
            killer.dispose()
        failure = describe_failure(caught.value)
        assert failure is not None, repr(caught.value)
        assert failure.status == 6
        assert failure.sentence.startswith("The database stopped answering")
        # Nothing half-written: a rerun on the same file finishes every row, each with its document.
        run_requests_file(desk, batch, BatchOptions(out_dir=tmp_path / "out", workers=1))
        assert counts(desk) == (4, 4)
        with desk.db.read() as s:
            assert all(s.scalars(select(Certificate.pdf_sha256)))
    finally:
        desk.close()


@pytest.mark.postgres
def test_a_database_role_without_write_permission_is_one_sentence(
    postgres_url: str, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Desk.open(data_dir, postgres_url).close()  # the schema, made by the owner
    role = f"cpc_reader_{uuid.uuid4().hex[:8]}"
    owner = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    try:
        with owner.connect() as conn:
            conn.execute(text(f"CREATE ROLE {role} LOGIN"))
            conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {role}"))
            conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"))
        reader = (
            make_url(postgres_url).set(username=role, password=None).render_as_string(hide_password=False)
        )
        members = tmp_path / "m.csv"
        members.write_text(MEMBER_HEADER + "\n" + member_row("104211", "Ana") + "\n", encoding="utf-8")
        assert run_cli(["--database-url", reader, "members", "import", str(members)]) == 7
        err = capsys.readouterr().err
        assert err.startswith("cpc-desk: The database refused this step") and "Traceback" not in err
    finally:
        with owner.connect() as conn:
            conn.execute(text(f"REASSIGN OWNED BY {role} TO CURRENT_USER"))
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        owner.dispose()


def test_a_file_said_to_be_in_an_encoding_it_does_not_fit_is_refused_naming_the_byte(
    desk: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_bytes(
        (MEMBER_HEADER + "\n").encode() + b"104211,Andr\xe9,,Cote,x,active,2008-07-01,,,,,,,,\n"
    )
    assert (
        run_cli(["--database-url", database_url, "members", "import", str(broken), "--encoding", "utf-8"])
        == 2
    )
    err = capsys.readouterr().err
    assert "cannot be read as utf-8: line 2, byte 12 (0xE9)" in err


def test_the_text_rule_knows_exactly_what_the_certificate_fonts_draw() -> None:
    """The input rule's set is the certificate's own: DejaVu Sans and the CJK face, which every face's
    fallback chain ends in (app.document.certificates.FALLBACKS)."""
    from app.document import certificates
    from app.register.glyphs import covered_code_points

    coverage = certificates._register_fonts()
    assert all(chain[-1] == "CPC-CJK" and "CPC-Sans" in chain for chain in certificates.FALLBACKS.values())
    assert covered_code_points() == set(coverage["CPC-Sans"]) | set(coverage["CPC-CJK"])


def test_a_name_in_a_script_the_certificate_cannot_draw_is_refused_at_import(
    desk: Desk, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members = tmp_path / "members.csv"
    rows = [member_row("104211", "தமிழ்"), member_row("104212", "王伟"), member_row("104213", "Юлия")]
    members.write_text(MEMBER_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert run_cli(["--database-url", database_url, "members", "import", str(members)]) == 1
    err = capsys.readouterr().err
    assert "\n2\tfirst_name\t" in err and "U+0BA4 (TAMIL LETTER TA)" in err and "cannot draw" in err
    assert "\n3\t" not in err and "\n4\t" not in err  # Chinese and Cyrillic print
