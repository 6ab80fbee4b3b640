"""The one log (app/log.py): tracebacks of unexpected errors in a private file, a sentence on screen,
never a secret."""

import logging
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import log as app_log
from app.access import staff
from app.desk import Desk
from app.store.models import StaffRole
from tests import cli_runner
from tests.cli_runner import cli_command, cli_stdin
from tests.smtp_fixtures import MakeServer, queue_certificate_email

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def logging_stopped() -> Iterator[None]:
    yield
    app_log.stop_logging()


def log_text(data_dir: Path) -> str:
    """Everything in the log folder, rotated files included."""
    folder = data_dir / app_log.LOG_FOLDER
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None) -> tuple[int, str]:
    code = cli_runner.run_cli(argv, stdin=stdin)
    out, err = capsys.readouterr()
    return code, out + err


def test_a_worker_job_that_fails_unexpectedly_leaves_its_traceback_in_the_log_and_a_sentence_for_staff(
    qtbot: QtBot, data_dir: Path
) -> None:
    from ui.common import workers
    from ui.common.error_sentence import error_sentence

    path = app_log.configure_logging(data_dir, console=False)
    assert path == data_dir / "logs" / "cpc-desk.log"

    def export_the_register(_progress: object, _cancelled: object) -> None:
        {"rows": 1}["columns"]  # a fault of ours: KeyError

    failed: list[BaseException] = []
    workers.start(export_the_register, on_failed=failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    sentence = error_sentence(failed[0])
    assert "\n" not in sentence and "Traceback" not in sentence
    assert sentence.startswith("Something went wrong (KeyError: 'columns').")
    assert str(path) in sentence
    text = log_text(data_dir)
    assert "Traceback (most recent call last)" in text
    assert "export_the_register" in text  # the job is named, and its frame is in the traceback
    assert "KeyError: 'columns'" in text


def test_an_exception_no_one_caught_in_the_window_is_logged_and_told_in_the_status_bar(
    qtbot: QtBot, data_dir: Path
) -> None:
    from ui.shell.application import UnexpectedErrors
    from ui.shell.main_window import MainWindow

    app_log.configure_logging(data_dir, console=False)
    window = MainWindow()
    qtbot.addWidget(window)
    hooks = UnexpectedErrors(window)
    try:

        def sender() -> None:
            raise ConnectionResetError("the print server went away")

        thread = threading.Thread(target=sender, name="print-spooler")
        thread.start()
        thread.join(10)
        qtbot.waitUntil(lambda: "ConnectionResetError" in window.statusBar().currentMessage(), timeout=5000)
    finally:
        hooks.uninstall()
    assert "Traceback" not in window.statusBar().currentMessage()
    text = log_text(data_dir)
    assert "unexpected error in thread print-spooler" in text
    assert "Traceback (most recent call last)" in text and "the print server went away" in text
    # Uninstalled: the hooks in force before are back.
    assert sys.excepthook != hooks._on_exception
    assert threading.excepthook != hooks._on_thread_exception


def test_a_command_that_fails_unexpectedly_prints_one_sentence_logs_the_traceback_and_exits_70(
    tmp_path: Path,
) -> None:
    data = tmp_path / "desk"
    # Where the database file should be there is a folder: SQLite cannot open it, which no command expects.
    (data / "cpc-desk.sqlite3").mkdir(parents=True)
    result = subprocess.run(
        cli_command(["--data-dir", str(data), "members", "search", "cote"]),
        input=cli_stdin(),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 70, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    log_file = data / "logs" / "cpc-desk.log"
    assert lines[0] == (
        "cpc-desk: 'members' stopped on an unexpected error (OperationalError); "
        f"the details are in {log_file}."
    )
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR app.cli.main" in text and "unexpected error in 'members'" in text
    assert "Traceback (most recent call last)" in text and "unable to open database file" in text


def test_no_password_reaches_the_log_whatever_the_flows_do_with_them(
    capsys: pytest.CaptureFixture[str], data_dir: Path, smtp_server: MakeServer
) -> None:
    smtp_password = "Smtp-Pw-7c1e0b"
    signing_passphrase = "Sign-Pass-3f9d2a"
    first_admin = "Admin-Pw-51b8e4"
    clerk_password = "Clerk-Pw-9a0c7d"
    clerk_new = "Clerk-New-2e6f31"
    wrong = "Wrong-Pw-c4d5e6"
    db_password = "Db-Pw-0d8e2f"
    passwords = [
        smtp_password, signing_passphrase, first_admin, clerk_password, clerk_new, wrong, db_password
    ]  # fmt: skip

    # The secrets through the command line (each run configures and closes the log itself).
    code, said = run_cli(capsys, "settings", "set-password", "smtp", "--stdin", stdin=smtp_password + "\n")
    assert code == 0, said
    code, said = run_cli(
        capsys, "settings", "set-password", "signing", "--stdin", stdin=signing_passphrase + "\n"
    )
    assert code == 0, said
    # Mail sent with the stored password, once accepted and once refused (the outbox pauses).
    server = smtp_server("starttls", username="cpc-desk", password=smtp_password)
    desk = Desk.open(data_dir)
    server.configure(desk.settings)
    desk.settings.set("smtp.username", "cpc-desk")
    queue_certificate_email(desk)
    desk.close()
    code, said = run_cli(capsys, "outbox", "send")
    assert code == 0, said
    refusing = smtp_server("starttls", username="cpc-desk", password="another-one")
    desk = Desk.open(data_dir)
    refusing.configure(desk.settings)
    queue_certificate_email(desk)
    desk.close()
    code, said = run_cli(capsys, "outbox", "send")
    assert code == 1 and "refused the user name or password" in said
    # A database URL with a password is refused; the password kept in the keyring instead reaches the
    # driver of a server that is not there: its own status (6), the cause logged in full.
    url = f"postgresql+psycopg://desk:{db_password}@127.0.0.1:1/cpc"
    code, said = run_cli(capsys, "--database-url", url, "members", "search", "cote")
    assert code == 2 and "must not carry a password" in said
    server = "postgresql+psycopg://desk@127.0.0.1:1/cpc"
    code, said = run_cli(
        capsys, "--database-url", server, "settings", "set-password", "database", "--stdin", stdin=db_password
    )
    assert code == 0, said
    code, said = run_cli(capsys, "--database-url", server, "members", "search", "cote")
    assert code == 6 and "The database stopped answering" in said

    # Staff passwords through the services, with the log as the window configures it.
    app_log.configure_logging(data_dir, console=True)
    desk = Desk.open(data_dir)
    # The command line made the test administrator (tests/cli_runner.py); it adds a second one.
    setup = staff.sign_in(desk, cli_runner.TEST_ADMIN, cli_runner.TEST_ADMIN_PASSWORD)
    staff.create_staff_user(desk, setup, "boss", "The Administrator", StaffRole.ADMIN, first_admin)
    admin = staff.sign_in(desk, "boss", first_admin)
    staff.create_staff_user(desk, admin, "pat", "Pat Clerk", StaffRole.CLERK, clerk_password)
    with pytest.raises(staff.SignInFailed):
        staff.sign_in(desk, "pat", wrong)
    clerk = staff.sign_in(desk, "pat", clerk_password)
    staff.change_password(desk, clerk, "pat", clerk_new, current_password=clerk_password)
    staff.sign_in(desk, "pat", clerk_new)
    logging.getLogger("app").warning("staff flows done")
    desk.close()
    app_log.stop_logging()
    _out, err = capsys.readouterr()

    text = log_text(data_dir)
    assert "unexpected error in 'members'" in text and "staff flows done" in text  # the log was written
    for password in passwords:
        assert password not in text, f"{password} is in the log"
        assert password not in err
    for path in (data_dir / "logs").rglob("*"):
        for password in passwords:
            assert password.encode() not in path.read_bytes(), f"{password} in {path}"


def test_the_filter_blanks_remembered_secrets_and_url_passwords_should_a_message_quote_them(
    data_dir: Path,
) -> None:
    from app.access import secrets

    secrets.set_secret(secrets.SMTP_PASSWORD_ENTRY, "Quoted-Secret-88")
    app_log.configure_logging(data_dir, console=False)
    logger = logging.getLogger("app.test")
    logger.error("server said: %s", "535 bad password Quoted-Secret-88")
    try:
        raise RuntimeError("cannot reach postgresql+psycopg://desk:Url-Pw-41@db.example.org/cpc")
    except RuntimeError:
        logger.exception("while connecting")
    app_log.stop_logging()
    text = log_text(data_dir)
    assert "Quoted-Secret-88" not in text and "Url-Pw-41" not in text
    assert "535 bad password [redacted]" in text
    assert "postgresql+psycopg://desk:[redacted]@db.example.org/cpc" in text


def test_the_log_folder_and_every_file_of_the_rotation_are_private(data_dir: Path) -> None:
    folder = data_dir / "logs"
    folder.mkdir(mode=0o755)
    (folder / "cpc-desk.log").write_text("from an older version\n", encoding="utf-8")
    os.chmod(folder / "cpc-desk.log", 0o644)
    old_umask = os.umask(0)  # the widest umask: the modes must not depend on it
    try:
        app_log.configure_logging(data_dir, console=False)
        logger = logging.getLogger("app.test")
        for _ in range(app_log.MAX_BYTES // 1000 + 50):  # a little over one file: one rotation
            logger.info("x" * 1000)
        app_log.stop_logging()
    finally:
        os.umask(old_umask)
    files = sorted(folder.iterdir())
    assert [p.name for p in files] == ["cpc-desk.log", "cpc-desk.log.1"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert all(p.stat().st_size <= app_log.MAX_BYTES for p in files)


def test_a_log_that_cannot_be_written_does_not_stop_the_desk(tmp_path: Path) -> None:
    data = tmp_path / "desk"
    data.mkdir()
    (data / "logs").write_text("a file where the folder should be", encoding="utf-8")
    assert app_log.configure_logging(data, console=False) is None
    logging.getLogger("app.test").error("goes nowhere, raises nothing")
