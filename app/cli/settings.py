"""`settings list|get|set|set-password`: prepare a desk with no display, validated like the dialog."""

import argparse
import getpass
import json
import sys
from typing import Any

from app.access import secrets
from app.access.staff import Actor, Permission
from app.desk import Desk
from app.errors import SecretStoreUnavailable, ValidationError, ValidationErrors
from app.issuing import rules
from app.mail.smtp import SmtpConfig
from app.register.institution_types import desk_types
from app.settings import OPTIONS, Settings, parse_value

# Kept by CPC Desk itself; shown, but set only through the outbox (pause / resume).
INTERNAL_KEYS = frozenset({"mail.paused_settings"})


def format_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return (
        json.dumps(text, ensure_ascii=False) if ("\n" in text or text != text.strip() or not text) else text
    )


def mail_settings_problem(settings: Settings) -> str:
    """The cross-field check of the mail settings (e.g. no encryption to a remote host), or ""."""
    try:
        SmtpConfig.from_settings(settings)
    except ValidationError as exc:
        return str(exc)
    return ""


def apply_settings(desk: Desk, actor: Actor, values: dict[str, Any]) -> list[str]:
    """Check every value first (all problems at once, each naming its setting), then save the changed
    ones, each audited. A change to the mail settings ends a pause of the outbox. Returns changed keys."""
    actor.require(Permission.SETTINGS)
    parsed: dict[str, Any] = {}
    problems: list[ValidationError] = []
    for key, raw in values.items():
        option = OPTIONS.get(key)
        if option is None or key in INTERNAL_KEYS or key == "mail.paused":
            problems.append(ValidationError(key, "cannot be set here"))
            continue
        try:
            parsed[key] = parse_value(option, raw)
            if key == rules.DAYS_BY_TYPE_KEY:
                # Only the database knows the types: a misspelt one is refused here, not ignored later.
                by_type = rules.parse_days_by_type(key, parsed[key], desk_types(desk.db))
                parsed[key] = rules.format_days_by_type(by_type)
        except ValidationError as exc:
            problems.append(exc)
    if problems:
        raise ValidationErrors(problems)
    changed = [k for k, v in parsed.items() if desk.settings.get(k) != v]
    before = {k: desk.settings.get(k) for k in changed}
    for key in changed:
        desk.settings.set(key, parsed[key])
    if changed:
        with desk.db.write() as session:
            from app.audit import trail as audit

            for key in changed:
                audit.record(
                    session,
                    actor,
                    "settings.changed",
                    subject=key,
                    before={key: before[key]},
                    after={key: parsed[key]},
                )
    return changed


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
    if any(word in key.lower() for word in ("password", "passphrase", "secret")):
        raise ValidationError(
            key, "secrets are kept only in the OS keyring: use 'settings set-password smtp' (or 'signing')"
        )
    if key not in OPTIONS:
        raise ValidationError(key, "no such setting (see 'settings list')")
    if key == "mail.paused":
        if str(args.value).strip():
            raise ValidationError(key, 'can only be cleared (set it to "") to resume sending')
        from app.mail.outbox import resume

        desk.actor.require(Permission.SETTINGS)
        print("Sending resumed." if resume(desk, desk.actor) else "Sending was not paused.")
        return 0
    try:
        apply_settings(desk, desk.actor, {key: args.value})
    except ValidationErrors as exc:
        raise exc.errors[0] from None
    print(f"{key} = {format_value(desk.settings.get(key))}")
    if key.startswith("smtp."):
        problem = mail_settings_problem(desk.settings)
        if problem:
            print(f"cpc-desk: warning: the mail settings are not usable yet: {problem}", file=sys.stderr)
    return 0


def cli_set_password(args: argparse.Namespace, desk: Desk) -> int:
    desk.actor.require(Permission.SETTINGS)
    name = secrets.SMTP_PASSWORD_ENTRY if args.which == "smtp" else secrets.SIGNING_PASSPHRASE_ENTRY
    label = "SMTP password" if args.which == "smtp" else "signing-key passphrase"
    status = secrets.status()
    if not status.secure:
        # A session-only secret would vanish with this command; say so instead of pretending.
        raise SecretStoreUnavailable(
            f"{status.message} Set the {label} in the desk window instead (it can keep it for the session)."
        )
    if args.stdin:
        line = sys.stdin.readline()
        value = line[:-1] if line.endswith("\n") else line
        value = value[:-1] if value.endswith("\r") else value
    else:
        value = getpass.getpass(f"{label}: ")
        again = getpass.getpass(f"{label} again: ")
        if value != again:
            print("cpc-desk: the two entries differ; nothing was stored.", file=sys.stderr)
            return 2
    if not value:
        print(f"cpc-desk: an empty {label} was given; nothing was stored.", file=sys.stderr)
        return 2
    if "\n" in value or "\r" in value or "\x00" in value:
        raise ValidationError(label, "must be one line")
    secrets.set_secret(name, value)
    with desk.db.write() as session:
        from app.audit import trail as audit

        audit.record(session, desk.actor, "settings.secret_stored", subject=label)
    if name == secrets.SMTP_PASSWORD_ENTRY:
        from app.mail.outbox import resume

        resume(desk, desk.actor)
    print(f"The {label} is stored in the OS keyring ({status.backend}).")
    return 0
