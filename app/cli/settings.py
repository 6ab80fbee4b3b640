"""`settings list|get|set|set-password`: prepare a desk with no display, validated like the dialog."""

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from app import paths
from app.access import secrets
from app.access.staff import Permission
from app.desk import Desk
from app.errors import SecretStoreUnavailable, ValidationError
from app.mail.outbox import resume
from app.setting_changes import INTERNAL_KEYS, change_setting, mail_settings_problem, store_secret
from app.settings import OPTIONS, Settings
from app.store.db import password_account, refuse_password_in_url


def format_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return (
        json.dumps(text, ensure_ascii=False) if ("\n" in text or text != text.strip() or not text) else text
    )


def cli_list(args: argparse.Namespace, desk: Desk) -> int:
    for key, value, is_default in desk.settings.items():
        if key in INTERNAL_KEYS:
            continue
        marker = "" if is_default else "   # changed"
        print(f"{key} = {format_value(value)}{marker}")
    status = secrets.status()
    stored = "stored" if secrets.get_secret(secrets.SMTP_PASSWORD_ENTRY) else "not stored"
    print(f"# password store: {status.message}", file=sys.stderr)
    print(f"# SMTP password: {stored}", file=sys.stderr)
    if str(desk.settings.get("smtp.auth")) != "password":
        has_oauth = "stored" if secrets.get_secret(secrets.SMTP_OAUTH_ENTRY) else "not stored"
        print(f"# OAuth secret (smtp-oauth): {has_oauth}", file=sys.stderr)
    return 0


def cli_get(args: argparse.Namespace, desk: Desk) -> int:
    key = str(args.key)
    if key not in OPTIONS:
        raise ValidationError(key, "no such setting (see 'settings list')")
    value = desk.settings.get(key)
    print(value if isinstance(value, str) else format_value(value))
    return 0


def cli_set(args: argparse.Namespace, desk: Desk) -> int:
    key = str(args.key)
    if key == "mail.paused":
        if str(args.value).strip():
            raise ValidationError(key, 'can only be cleared (set it to "") to resume sending')
        desk.actor.require(Permission.SETTINGS)
        print("Sending resumed." if resume(desk, desk.actor) else "Sending was not paused.")
        return 0
    change_setting(desk, desk.actor, key, args.value)
    print(f"{key} = {format_value(desk.settings.get(key))}")
    if key.startswith("smtp."):
        problem = mail_settings_problem(desk.settings)
        if problem:
            print(f"cpc-desk: warning: the mail settings are not usable yet: {problem}", file=sys.stderr)
    return 0


_SECRETS = {
    "smtp": (secrets.SMTP_PASSWORD_ENTRY, "SMTP password"),
    "signing": (secrets.SIGNING_PASSPHRASE_ENTRY, "signing-key passphrase"),
    "smtp-oauth": (secrets.SMTP_OAUTH_ENTRY, "OAuth secret"),
}


def _read_secret(args: argparse.Namespace, label: str) -> str | None:
    """One line from standard input (--stdin), or typed twice on the terminal; None when they differ."""
    if args.stdin:
        line = sys.stdin.readline()
        value = line[:-1] if line.endswith("\n") else line
        return value[:-1] if value.endswith("\r") else value
    value = getpass.getpass(f"{label}: ")
    again = getpass.getpass(f"{label} again: ")
    if value != again:
        print("cpc-desk: the two entries differ; nothing was stored.", file=sys.stderr)
        return None
    return value


def cli_set_database_password(args: argparse.Namespace, folder: Path) -> int:
    """`settings set-password database`: this desk's PostgreSQL password into the OS user's own keyring,
    under user@host:port/database. Opens no database (it cannot connect yet), so needs no sign-in: it
    gives nobody anything the keyring's owner does not already hold."""
    url = paths.database_url(folder, args.database_url, str(Settings(folder).get("database.url")) or None)
    refuse_password_in_url(url, "database URL")
    if url.startswith("sqlite"):
        raise ValidationError("database", "this desk uses SQLite, which has no password")
    status = secrets.status()
    if not status.secure:
        raise SecretStoreUnavailable(
            f"{status.message} Keep the database password in a PGPASSFILE (~/.pgpass) instead."
        )
    value = _read_secret(args, "database password")
    if value is None:
        return 2
    if not value:
        print("cpc-desk: an empty database password was given; nothing was stored.", file=sys.stderr)
        return 2
    account = password_account(url)
    secrets.set_secret(secrets.DATABASE_PASSWORD_ENTRY, value, account)
    print(f"The password for {account} is stored in the OS keyring ({status.backend}).")
    return 0


def cli_set_password(args: argparse.Namespace, desk: Desk) -> int:
    desk.actor.require(Permission.SETTINGS)
    name, label = _SECRETS[args.which]
    status = secrets.status()
    if not status.secure:
        # A session-only secret would vanish with this command; say so instead of pretending.
        if args.which == "signing":
            raise SecretStoreUnavailable(
                f"{status.message} Give the {label} with --pin-stdin on each command that signs, or enter "
                "it when the desk window asks after sign-in."
            )
        raise SecretStoreUnavailable(
            f"{status.message} Set the {label} in the desk window instead (it can keep it for the session)."
        )
    if args.stdin and name == secrets.SMTP_OAUTH_ENTRY:
        # a certificate with its key (PEM) or a service account's JSON key spans lines: all of stdin
        value = sys.stdin.read()
    elif name == secrets.SMTP_OAUTH_ENTRY and str(desk.settings.get("smtp.auth")) != "oauth2-microsoft":
        raise ValidationError(
            label, "a certificate or a service account key spans lines: give it on standard input (--stdin)"
        )
    else:
        typed = _read_secret(args, label)
        if typed is None:
            return 2
        value = typed
    if not value.strip():
        print(f"cpc-desk: an empty {label} was given; nothing was stored.", file=sys.stderr)
        return 2
    store_secret(desk, desk.actor, name, value)
    print(f"The {label} is stored in the OS keyring ({status.backend}).")
    return 0
