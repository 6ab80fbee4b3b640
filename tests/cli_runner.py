"""Running the command line from tests. Every test that runs a `cpc-desk` command goes through here, so
what every command needs is added in one place: the sign-in.

- `run_cli(argv, stdin=...)` runs `main.main(argv)` in this process, with `stdin` (text) as standard input,
  and returns the exit status.
- `cli_command(argv)` is the argument list for `subprocess.run`, and `cli_stdin(stdin)` the text to pass as
  its `input=`.

Unless `signin=False`, a command that needs a sign-in (app.cli.signin.needs_signin) runs as the test
administrator: `--user admin --password-stdin` are put before the command and the password is standard
input's first line. The account is the demo administrator's (`admin` / `demo-admin`, README), so `--demo`
and the `demo` command still work on a database that has it; it is made in the database the command names
(--data-dir/--database-url, else CPC_DESK_DATA_DIR/CPC_DESK_DATABASE_URL) when missing. With `--demo` the
command makes it itself. Tests of the sign-in pass `signin=False` and their own options.
"""

import io
import sys
from collections.abc import Sequence
from pathlib import Path

import main

ROOT = Path(__file__).resolve().parent.parent

TEST_ADMIN = "admin"
TEST_ADMIN_PASSWORD = "demo-admin"


def _parsed(argv: Sequence[str]) -> object | None:
    from app.cli.main import build_parser

    try:
        return build_parser(main._gui_commands).parse_args(list(argv))
    except SystemExit:  # --help, or a command line the test expects to be refused: leave it as it is
        return None


def ensure_test_admin(data_dir: str | None, database_url: str | None) -> None:
    """The test administrator in the database these options name (made when missing)."""
    from sqlalchemy import select

    from app.access.permissions import Actor
    from app.access.staff import DEMO_USERS, create_first_admin, create_staff_user, needs_first_admin
    from app.desk import Desk
    from app.store.models import StaffRole, StaffUser

    desk = Desk.open(data_dir, database_url)
    try:
        if needs_first_admin(desk):
            create_first_admin(desk, TEST_ADMIN, "Test Administrator", TEST_ADMIN_PASSWORD)
            return
        with desk.db.read() as session:
            exists = session.execute(select(StaffUser.id).where(StaffUser.username == TEST_ADMIN)).first()
        if exists is None:
            demo_admin = next(d for d in DEMO_USERS if d.username == TEST_ADMIN)
            setup = Actor("test-setup", StaffRole.ADMIN, "Test set-up")
            create_staff_user(
                desk, setup, TEST_ADMIN, demo_admin.display_name, StaffRole.ADMIN, demo_admin.password
            )
    finally:
        desk.close()


def signin_words(argv: Sequence[str], *, signin: bool = True) -> list[str]:
    """ARGV with the test administrator's sign-in put before the command, when the command needs one."""
    words = list(argv)
    if not signin or "--user" in words or any(w.startswith("--user=") for w in words):
        return words
    args = _parsed(words)
    if args is None:
        return words
    from app.cli.signin import needs_signin

    if not needs_signin(args):  # type: ignore[arg-type]
        return words
    if not getattr(args, "demo", False):
        try:
            ensure_test_admin(getattr(args, "data_dir", None), getattr(args, "database_url", None))
        except Exception:  # noqa: BLE001 - a database the test means to be unusable: the command says why
            pass
    return ["--user", TEST_ADMIN, "--password-stdin", *words]


def run_cli(argv: Sequence[str], *, stdin: str | None = None, signin: bool = True) -> int:
    """`cpc-desk ARGV` in this process; standard input is `stdin` (empty when None)."""
    words = signin_words(argv, signin=signin)
    saved = sys.stdin
    sys.stdin = io.StringIO(cli_stdin(stdin, signin=words != list(argv)))
    try:
        return main.main(words)
    finally:
        sys.stdin = saved


def cli_command(argv: Sequence[str], *, signin: bool = True) -> list[str]:
    """`cpc-desk ARGV` as a subprocess argument list."""
    return [sys.executable, str(ROOT / "main.py"), *signin_words(argv, signin=signin)]


def cli_stdin(stdin: str | None = None, *, signin: bool = True) -> str:
    """What a subprocess started with `cli_command` should get as its standard input: the test
    administrator's password first (a command that needs no sign-in never reads it), then `stdin`."""
    prefix = f"{TEST_ADMIN_PASSWORD}\n" if signin else ""
    return prefix + (stdin or "")
