"""Secrets never in a file, a log, the audit or output (issue 17 item 6): after every secret the desk
knows has been set (SMTP password, signing passphrase, database password) and a database URL with a
password has been tried in each place one could be given, nothing in the data folder (database, audit,
settings, logs) nor anything printed holds any of them."""

import json
from pathlib import Path

import pytest

from app.access import secrets
from app.desk import Desk, keyring_database_password
from app.errors import ValidationError
from app.store.db import PASSWORD_IN_URL, Database
from tests.cli_runner import run_cli

SMTP_PW = "Smtp-Secret-81f3"
SIGNING_PW = "Signing-Secret-27c9"
DB_PW = "Db-Secret-4be0"
URL_PW = "Url-Secret-9d1a"
SERVER = "postgresql+psycopg://desk@127.0.0.1:1/cpc"  # nothing listens on port 1
WITH_PASSWORD = f"postgresql+psycopg://desk:{URL_PW}@db.example.org:5432/cpc"
ALL = (SMTP_PW, SIGNING_PW, DB_PW, URL_PW)


def test_no_secret_reaches_a_file_the_log_the_audit_or_output(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    said: list[str] = []

    def cli(argv: list[str], stdin: str | None = None) -> int:
        code = run_cli(argv, stdin=stdin)
        out = capsys.readouterr()
        said.append(out.out + out.err)
        return code

    assert cli(["settings", "set-password", "smtp", "--stdin"], SMTP_PW + "\n") == 0
    assert cli(["settings", "set-password", "signing", "--stdin"], SIGNING_PW + "\n") == 0
    # The database password goes to the OS user's keyring, for this URL's user@host:port/database.
    assert (
        cli(["--database-url", SERVER, "settings", "set-password", "database", "--stdin"], DB_PW + "\n") == 0
    )
    assert "desk@127.0.0.1:1/cpc" in said[-1]
    assert secrets.get_secret(secrets.DATABASE_PASSWORD_ENTRY, "desk@127.0.0.1:1/cpc") == DB_PW
    assert keyring_database_password(SERVER) == DB_PW

    # A URL with a password is refused wherever it is given, saying where the password belongs.
    assert cli(["settings", "set", "database.url", WITH_PASSWORD]) == 2
    assert "database.url: must not carry a password" in said[-1] and "set-password database" in said[-1]
    assert cli(["--database-url", WITH_PASSWORD, "members", "search", "cote"]) == 2
    assert "PGPASSFILE" in said[-1]
    # The desk uses the keyring's password for the server (which is not there: its own status, logged).
    assert cli(["--database-url", SERVER, "members", "search", "cote"]) == 6
    assert "The database stopped answering" in said[-1]
    assert cli(["settings", "list"]) == 0
    assert "database.url = " in said[-1]

    # Everything the desk wrote: the database (audit trail included), settings, logs, backups.
    written = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in written) and any(p.name == "cpc-desk.log" for p in written)
    for path in written:
        data = path.read_bytes()
        for secret in ALL:
            assert secret.encode() not in data, f"{secret} is in {path}"
    for text in said:
        for secret in ALL:
            assert secret not in text, f"{secret} was printed: {text}"
    assert "settings.secret_stored" in (data_dir / "cpc-desk.sqlite3").read_bytes().decode("latin-1")


def test_a_hand_edited_settings_file_with_a_password_is_neither_used_nor_shown(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = Desk.open(data_dir)
    desk.settings.set("mail.offline", True)  # this desk's own setting: the file exists, as on a desk in use
    desk.close()
    path = data_dir / "settings.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["values"]["database.url"] = WITH_PASSWORD
    path.write_text(json.dumps(stored), encoding="utf-8")
    desk = Desk.open(data_dir)  # an invalid stored value is ignored, as every setting's is
    try:
        assert desk.settings.get("database.url") == "" and desk.db.is_sqlite
    finally:
        desk.close()
    assert run_cli(["settings", "list"]) == 0
    out = capsys.readouterr()
    assert URL_PW not in out.out + out.err and 'database.url = ""' in out.out
    with pytest.raises(ValidationError) as refused:
        Desk.open(data_dir, WITH_PASSWORD)
    assert refused.value.field == "database.url" and URL_PW not in str(refused.value)
    assert PASSWORD_IN_URL in str(refused.value)


def test_the_keyring_password_goes_to_the_driver_never_into_the_url() -> None:
    db = Database(SERVER, password=DB_PW)
    try:
        assert db.engine.url.password is None and DB_PW not in db.url and DB_PW not in db.location
        assert DB_PW not in repr(db.engine.url) and DB_PW not in str(db.engine)
    finally:
        db.dispose()
