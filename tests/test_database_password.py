"""A PostgreSQL password never in a URL (issue 17 item 6): the desk takes it from the OS keyring, or asks it
on the terminal (no echo) when the server wants one that neither the keyring nor a PGPASSFILE gave.

These tests need a server that asks a password of some logins: they make a login in the role
`cpc_password_users` and skip when the server lets it in without one. To run them, add
`host all +cpc_password_users 127.0.0.1/32 scram-sha-256` at the top of pg_hba.conf and
`CREATE ROLE cpc_password_users NOLOGIN`.
"""

import argparse
import os
import pty
import select
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.access import secrets
from app.desk import Desk
from app.store.db import password_account
from tests.cli_runner import ROOT, cli_command

PG_PASSWORD = "Pg-Secret-6a0f2c"


@pytest.fixture
def password_login(postgres_url: str) -> Iterator[str]:
    """A URL (no password in it) for a new login that owns the test database and needs PG_PASSWORD."""
    admin = create_engine(os.environ["CPC_DESK_TEST_POSTGRES_URL"], isolation_level="AUTOCOMMIT")
    role = f"pw_{uuid.uuid4().hex[:10]}"
    database = make_url(postgres_url).database
    with admin.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = 'cpc_password_users'")).first() is None:
            admin.dispose()
            pytest.skip("the server has no role cpc_password_users (see this module's docstring)")
        conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{PG_PASSWORD}' IN ROLE cpc_password_users"))
        conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO {role}'))
    url = make_url(postgres_url).set(username=role, password=None).render_as_string(hide_password=False)
    try:
        try:
            psycopg.connect(host="127.0.0.1", port=make_url(url).port, user=role, dbname=database).close()
        except psycopg.OperationalError as exc:
            assert "password" in str(exc)
        else:
            pytest.skip("the server lets this login in without a password (see this module's docstring)")
        yield url
    finally:
        admin_url = make_url(os.environ["CPC_DESK_TEST_POSTGRES_URL"])
        in_db = create_engine(admin_url.set(database=database), isolation_level="AUTOCOMMIT")
        with in_db.connect() as conn:  # ownership inside the test database is per database
            conn.execute(text(f"REASSIGN OWNED BY {role} TO CURRENT_USER"))
            conn.execute(text(f"DROP OWNED BY {role}"))
        in_db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO CURRENT_USER'))
            conn.execute(text(f"DROP ROLE {role}"))
        admin.dispose()


@pytest.mark.postgres
def test_the_password_comes_from_the_keyring_and_never_into_a_file(
    password_login: str, data_dir: Path
) -> None:
    secrets.set_secret(secrets.DATABASE_PASSWORD_ENTRY, PG_PASSWORD, password_account(password_login))
    desk = Desk.open(data_dir, password_login)
    try:
        assert desk.db.current_revision() is not None and PG_PASSWORD not in desk.db.url
    finally:
        desk.close()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert PG_PASSWORD.encode() not in path.read_bytes(), path


@pytest.mark.postgres
def test_without_a_terminal_the_refusal_says_where_the_password_goes(
    password_login: str, data_dir: Path
) -> None:
    argv = ["--database-url", password_login, "--password-stdin", "staff", "create-admin", "boss"]
    done = subprocess.run(
        cli_command(argv, signin=False),
        input="boss-password-1\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        start_new_session=True,
    )
    assert done.returncode == 2, done.stderr
    assert "database password: the database server wants one and there is no terminal" in done.stderr
    assert "set-password database" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.postgres
def test_on_a_terminal_the_password_is_asked_without_echo(password_login: str, data_dir: Path) -> None:
    argv = cli_command(
        ["--data-dir", str(data_dir), "--database-url", password_login, "--password-stdin", "staff",
         "create-admin", "boss"], signin=False,
    )  # fmt: skip
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    said = b""

    def read_until(wanted: bytes) -> None:
        nonlocal said
        while wanted not in said:
            ready, _w, _x = select.select([fd], [], [], 60)
            assert ready, f"nothing more within 60 s: {said!r}"
            chunk = os.read(fd, 1024)
            assert chunk, f"the command ended early: {said!r}"
            said += chunk

    read_until(b"Password for the database: ")
    os.write(fd, PG_PASSWORD.encode() + b"\n")
    read_until(b"database: \r\n")  # getpass has read its line (it reads the terminal ahead of stdin)
    os.write(fd, b"boss-password-1\n")  # the new administrator's password: standard input's first line
    while True:
        ready, _w, _x = select.select([fd], [], [], 60)
        assert ready, f"the command did not end within 60 s: {said!r}"
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        said += chunk
    _pid, status = os.waitpid(pid, 0)
    os.close(fd)
    text_said = said.decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, text_said
    assert "Created the administrator boss" in text_said and PG_PASSWORD not in text_said
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert PG_PASSWORD.encode() not in path.read_bytes(), path


@pytest.mark.postgres
def test_the_window_asks_the_password_keeps_it_on_a_refusal_and_opens_with_the_right_one(
    qtbot: Any, password_login: str, data_dir: Path
) -> None:
    # lazy: the only GUI test of this module
    from PySide6.QtWidgets import QApplication

    from ui.admin.database_password import DatabasePasswordDialog
    from ui.common import workers
    from ui.shell.application import DeskStarter
    from ui.shell.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    args = argparse.Namespace(data_dir=str(data_dir), database_url=password_login, demo=False, offline=False)
    starter = DeskStarter(window, args)
    try:
        starter.start()

        def dialog() -> DatabasePasswordDialog:
            found = [w for w in QApplication.topLevelWidgets() if isinstance(w, DatabasePasswordDialog)]
            assert found and found[0].isVisible()
            return found[0]

        qtbot.waitUntil(lambda: bool(dialog()), timeout=30_000)
        asked = dialog()
        assert password_account(password_login) in asked.findChild(QLabel).text()
        asked.password.setText("not-the-password")
        asked.submit()
        qtbot.waitUntil(lambda: asked.error.isVisible(), timeout=30_000)
        assert "refused" in asked.error.text() and asked.isVisible() and starter.desk is None
        assert asked.password.text() == "not-the-password"  # kept, selected, to be corrected
        asked.password.setText(PG_PASSWORD)
        asked.submit()
        qtbot.waitUntil(lambda: starter.desk is not None, timeout=30_000)
        assert not asked.isVisible()
        assert starter.desk.db.current_revision() is not None and PG_PASSWORD not in starter.desk.db.url
    finally:
        workers.wait_all(10_000)
        starter.stop()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert PG_PASSWORD.encode() not in path.read_bytes(), path
