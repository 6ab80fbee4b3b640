"""Signing in on the command line: which commands need it, reading the password, and the sign-in itself.

`--user NAME` asks the password on the terminal (no echo); `--password-stdin` takes it from the first line
of standard input instead, so a command that reads standard input itself reads the rest. The sign-in is
app.access.staff.sign_in, the window's: same roles, same lockout, same audit events. The operating-system
account is recorded with the sign-in as context only; it is never who acts.
"""

import argparse
import getpass
import sys
import warnings

from app.access.permissions import Actor
from app.access.staff import sign_in
from app.desk import Desk
from app.errors import CpcDeskError

# sysexits.h's EX_NOPERM: no sign-in given, or the sign-in refused (wrong password, locked, deactivated).
# Apart from every status a command documents (0, 1, 2, 3, 70, 130).
SIGNIN_FAILED_STATUS = 77

# Commands anyone may run without signing in: they change nothing and show no personal data (verify,
# the verification service), or they make the first accounts of an empty register (create-admin, demo).
PUBLIC_COMMANDS = frozenset({"verify", "verification serve", "staff create-admin", "demo"})


class SignInRequired(CpcDeskError):
    """The command needs a sign-in and none was given, or it was refused."""


def command_path(args: argparse.Namespace) -> str:
    """'certificates revoke', 'verify', …: the command and its action, as typed."""
    command = str(getattr(args, "command", None) or "")
    action = getattr(args, f"{command}_command", None) if command else None
    return f"{command} {action}" if action else command


def needs_signin(args: argparse.Namespace) -> bool:
    if command_path(args) == "settings set-password" and getattr(args, "which", "") == "database":
        return False  # writes only the OS user's own keyring, before the desk can connect (app.cli.settings)
    return bool(getattr(args, "command", None)) and command_path(args) not in PUBLIC_COMMANDS


def os_account() -> str:
    """The operating-system account as the environment names it: context for the trail, never an identity."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises several kinds when no name can be found
        return "unknown"


def read_stdin_line() -> str:
    """The first line of standard input without its line end ('' at end of input)."""
    line = sys.stdin.readline()
    return line.rstrip("\r\n") if line.endswith("\n") else line


def ask_password(prompt: str) -> str:
    """A password typed on the terminal with no echo; refused when there is no terminal to ask on
    (getpass would otherwise read standard input with echo on)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(prompt)
        except getpass.GetPassWarning:
            raise SignInRequired(
                "there is no terminal to ask the password on; give it with --password-stdin"
            ) from None
        except EOFError:
            raise SignInRequired("no password was given") from None


def sign_in_from_args(args: argparse.Namespace, desk: Desk) -> Actor:
    """The staff member the command runs as; raises SignInRequired or SignInFailed."""
    username = (getattr(args, "user", None) or "").strip()
    what = command_path(args)
    if not username:
        raise SignInRequired(
            f"'{what}' needs a sign-in: add --user NAME (the password is asked), "
            "or --user NAME --password-stdin (the password is the first line of standard input)"
        )
    if getattr(args, "password_stdin", False):
        password = read_stdin_line()
    else:
        password = ask_password(f"Password for {username}: ")
    # An empty password goes to sign_in too: a refusal counts toward the lockout like any other.
    context = {"via": "command line", "command": what, "os_account": os_account()}
    return sign_in(desk, username, password, context=context)
