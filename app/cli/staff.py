"""`staff create-admin USERNAME`: the first administrator of an empty register, from the command line.

With the window's first-run screen, the only way to make the first account (`--demo` makes its demo
accounts). Refused once any staff account exists.
"""

import argparse
import sys

from app.access.staff import check_password, create_first_admin, needs_first_admin
from app.cli.signin import ask_password, read_stdin_line
from app.desk import Desk
from app.errors import PermissionDenied


def cli_create_admin(args: argparse.Namespace, desk: Desk) -> int:
    """Exit 0 when made; 2 when refused (an account exists, a bad name or password, entries differ)."""
    if not needs_first_admin(desk):
        # Asked before the password, so nobody types one for nothing.
        raise PermissionDenied(
            "staff accounts already exist; an administrator adds accounts in the Staff Accounts screen"
        )
    username = str(args.username)
    if getattr(args, "password_stdin", False):
        password = read_stdin_line()
    else:
        password = ask_password(f"Password for the administrator {username}: ")
        check_password(password, username)
        if ask_password("The same password again: ") != password:
            print("cpc-desk: the two passwords differ; no account was made.", file=sys.stderr)
            return 2
    actor = create_first_admin(desk, username, str(args.display_name or ""), password)
    print(f"Created the administrator {actor.username}. Sign in with --user {actor.username}.")
    return 0
