"""Changing a desk's settings: every value checked first, saved only by those allowed, each change audited.

The one door for a person's change of settings (the Settings screen and `settings set`); the desk's own
bookkeeping (the outbox pause, the demo mailbox's port) writes through Settings directly.
"""

from typing import Any

from app.access import secrets
from app.access.permissions import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.errors import ValidationError, ValidationErrors
from app.i18n import translate
from app.issuing import rules
from app.mail import oauth, outbox
from app.mail.smtp import SmtpConfig
from app.register.institution_types import desk_types
from app.settings import OPTIONS, Settings, parse_value

# Kept by CPC Desk itself; shown, but set only through the outbox (pause / resume).
INTERNAL_KEYS = frozenset({"mail.paused_settings"})
# Secrets live in the OS keyring (app.access.secrets), never in settings nor in the audit trail.
_SECRET_WORDS = ("password", "passphrase", "secret")


def mail_settings_problem(settings: Settings) -> str:
    """The cross-field check of the mail settings (e.g. no encryption to a remote host), or ""."""
    try:
        SmtpConfig.from_settings(settings)
    except ValidationError as exc:
        return str(exc)
    return ""


def _check(desk: Desk, key: str, raw: Any) -> Any:
    if any(word in key.lower() for word in _SECRET_WORDS):
        raise ValidationError(
            key,
            translate(
                "Settings",
                "secrets are kept only in the OS keyring: use 'settings set-password smtp' (or 'signing')",
            ),
        )
    option = OPTIONS.get(key)
    if option is None:
        raise ValidationError(key, translate("Settings", "no such setting (see 'settings list')"))
    if key in INTERNAL_KEYS or key == "mail.paused":
        raise ValidationError(key, translate("Settings", "cannot be set here"))
    value = parse_value(option, raw)
    if key == rules.DAYS_BY_TYPE_KEY:
        # Only the database knows the types: a misspelt one is refused here, not silently ignored later,
        # and the table's spelling is what is stored.
        value = rules.format_days_by_type(rules.parse_days_by_type(key, value, desk_types(desk.db)))
    return value


def change_settings(desk: Desk, actor: Actor, values: dict[str, Any]) -> list[str]:
    """Check every value first (all problems at once, each naming its setting), then save the changed
    ones, each audited with its value before and after. A change to the mail settings ends a pause of
    the outbox. Returns the changed keys."""
    actor.require(Permission.SETTINGS)
    parsed: dict[str, Any] = {}
    problems: list[ValidationError] = []
    for key, raw in values.items():
        try:
            parsed[key] = _check(desk, key, raw)
        except ValidationError as exc:
            problems.append(exc)
    if problems:
        raise ValidationErrors(problems)
    desk.settings.refresh()  # compare with the register as it is now, not as this desk last read it
    changed = [k for k, v in parsed.items() if desk.settings.get(k) != v]
    before = {k: desk.settings.get(k) for k in changed}
    for key in changed:
        if not desk.settings.is_register(key):
            desk.settings.set(key, parsed[key])
    if any(k.startswith("signing.") for k in changed):
        # An unfit key (expired, no signing usage, weak, outside the College's chain) is refused here,
        # naming why, and the settings go back to what they were.
        from app.document.signing import signing_key_problem

        problem = signing_key_problem(desk)
        if problem:
            for key in changed:
                if not desk.settings.is_register(key):
                    desk.settings.set(key, before[key])
            raise ValidationErrors([problem])
    if changed:
        with desk.db.write() as session:
            for key in changed:
                if desk.settings.is_register(key):
                    # the register's value and its event commit together
                    desk.settings.write_register(session, key, parsed[key])
                audit.record(
                    session,
                    actor,
                    "settings.changed",
                    subject=key,
                    before={key: before[key]},
                    after={key: parsed[key]},
                )
        desk.settings.refresh()
    return changed


def change_setting(desk: Desk, actor: Actor, key: str, value: Any) -> bool:
    """Change one setting (checked, allowed, audited); True when its value changed."""
    try:
        return bool(change_settings(desk, actor, {key: value}))
    except ValidationErrors as exc:
        raise exc.errors[0] from None


SECRET_LABELS = {
    secrets.SMTP_PASSWORD_ENTRY: "SMTP password",
    secrets.SIGNING_PASSPHRASE_ENTRY: "signing-key passphrase",
    secrets.SMTP_OAUTH_ENTRY: "OAuth secret",
}


def store_secret(desk: Desk, actor: Actor, entry: str, value: str, *, session_only: bool = False) -> None:
    """Keep the SMTP password or the signing passphrase (the keyring, or this session only), audited
    without its value; a new SMTP password ends a pause of the outbox."""
    actor.require(Permission.SETTINGS)
    label = SECRET_LABELS.get(entry)
    if label is None:
        raise ValidationError(
            "secret", translate("Settings", "{0!r} is not a secret CPC Desk keeps").format(entry)
        )
    if entry == secrets.SMTP_OAUTH_ENTRY:
        # a certificate (PEM) or a service account key spans lines; check_secret knows each form
        value = oauth.check_secret(str(desk.settings.get("smtp.auth")), value)
    elif not value:
        raise ValidationError(label, translate("Settings", "is empty; nothing was stored"))
    elif "\n" in value or "\r" in value or "\x00" in value:
        raise ValidationError(label, translate("Settings", "must be one line"))
    secrets.set_secret(entry, value, session_only=session_only)
    with desk.db.write() as session:
        audit.record(
            session, actor, "settings.secret_stored", subject=label, after={"session_only": session_only}
        )
    if entry == secrets.SMTP_OAUTH_ENTRY:
        oauth.forget_tokens()  # tokens of the old secret go with it
    if entry in (secrets.SMTP_PASSWORD_ENTRY, secrets.SMTP_OAUTH_ENTRY):
        outbox.resume(desk, actor)
