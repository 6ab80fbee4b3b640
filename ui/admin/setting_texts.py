"""What the Settings screen calls each option and each choice, in the desk's language.

The options and their descriptions live in app.settings.OPTIONS (the command line shows them as they are);
this screen shows each description translated (translate_marked, context "SettingsScreen"), so the
descriptions are marked here for lupdate. tests/test_admin_french.py checks that each text here is the
description app.settings holds, except the few this screen words differently (SCREEN_WORDING), where the
choices are shown by name instead of as stored values."""

from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.settings import Option

# The options whose label on this screen differs from their description in app.settings (which lists the
# stored values the command line takes: "system, en or fr", "oauth2-microsoft, …").
SCREEN_WORDING = frozenset({"smtp.auth", "desk.language"})

LABELS: dict[str, str] = {
    "issuer.name": QT_TRANSLATE_NOOP("SettingsScreen", "Issuing body's name"),
    "issuer.name_fr": QT_TRANSLATE_NOOP(
        "SettingsScreen",
        "Issuing body's name in French, on French and bilingual certificates (empty = the name above)",
    ),
    "issuer.address": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Issuing body's postal address (one line per line)"
    ),
    "issuer.logo": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Path of the logo image (PNG/JPEG); empty = the built-in demo crest"
    ),
    "issuer.demo": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Mark documents as DEMO (turn off only with real issuer details)"
    ),
    "registrar.name": QT_TRANSLATE_NOOP("SettingsScreen", "Registrar's name"),
    "registrar.title": QT_TRANSLATE_NOOP("SettingsScreen", "Registrar's title"),
    "registrar.title_fr": QT_TRANSLATE_NOOP(
        "SettingsScreen",
        "Registrar's title in French, on French and bilingual certificates (empty = the title above)",
    ),
    "registrar.signature_image": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Path of the registrar's signature image; empty = typed name"
    ),
    "verification.url": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Base URL printed in the QR code for checking a certificate"
    ),
    "validity.default_days": QT_TRANSLATE_NOOP("SettingsScreen", "Days a certificate stays valid"),
    "validity.days_by_type": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Per institution type validity, as 'Type=days; Type=days' (others use the default)"
    ),
    "consent.statement": QT_TRANSLATE_NOOP("SettingsScreen", "Consent statement shown in the wizard"),
    "signing.root_certificate": QT_TRANSLATE_NOOP(
        "SettingsScreen", "College root (CA) certificate file; empty = demo"
    ),
    "signing.pkcs12_path": QT_TRANSLATE_NOOP("SettingsScreen", "PKCS#12 signing key file; empty = demo key"),
    "signing.pkcs11_module": QT_TRANSLATE_NOOP("SettingsScreen", "PKCS#11 module of the signing token"),
    "signing.pkcs11_token": QT_TRANSLATE_NOOP("SettingsScreen", "PKCS#11 token label"),
    "signing.pkcs11_key": QT_TRANSLATE_NOOP("SettingsScreen", "Signing key label on the token"),
    "signing.tsa_url": QT_TRANSLATE_NOOP("SettingsScreen", "Time-stamping authority URL (RFC 3161)"),
    "signing.tsa_root_certificate": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Time-stamping authority's root certificate"
    ),
    "smtp.host": QT_TRANSLATE_NOOP("SettingsScreen", "SMTP server host"),
    "smtp.port": QT_TRANSLATE_NOOP("SettingsScreen", "SMTP server port"),
    "smtp.security": QT_TRANSLATE_NOOP("SettingsScreen", "Connection security"),
    "smtp.username": QT_TRANSLATE_NOOP("SettingsScreen", "SMTP user name (password lives in the keyring)"),
    "smtp.auth": QT_TRANSLATE_NOOP("SettingsScreen", "Mail server sign-in"),
    "smtp.oauth.tenant": QT_TRANSLATE_NOOP("SettingsScreen", "Microsoft 365: the tenant ID (or domain)"),
    "smtp.oauth.client_id": QT_TRANSLATE_NOOP(
        "SettingsScreen",
        "Microsoft 365: the application (client) ID; its secret or certificate lives in the keyring",
    ),
    "smtp.from_address": QT_TRANSLATE_NOOP("SettingsScreen", "From address"),
    "smtp.reply_to": QT_TRANSLATE_NOOP("SettingsScreen", "Reply-To address"),
    "smtp.bcc_archive": QT_TRANSLATE_NOOP("SettingsScreen", "Optional BCC archive address"),
    "smtp.timeout_seconds": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Time-out for one SMTP operation, in seconds"
    ),
    "smtp.max_attempts": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Delivery attempts before a message is marked failed"
    ),
    "mail.offline": QT_TRANSLATE_NOOP("SettingsScreen", "Offline mode: queue everything, send nothing"),
    "mail.demo_server": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Demo mode: run a local mailbox server on loopback"
    ),
    "smtp.ca_file": QT_TRANSLATE_NOOP(
        "SettingsScreen",
        "Extra CA certificate file (PEM) to trust for the mail server; empty = the system's CAs only",
    ),
    "desk.language": QT_TRANSLATE_NOOP("SettingsScreen", "Language of this desk's screens"),
    "database.url": QT_TRANSLATE_NOOP("SettingsScreen", "Database URL; empty = SQLite in the data folder"),
    "session.lock_minutes": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Lock the session after this many idle minutes"
    ),
    "session.max_failed_signins": QT_TRANSLATE_NOOP(
        "SettingsScreen", "Wrong passwords before an account is locked"
    ),
    "session.lockout_minutes": QT_TRANSLATE_NOOP("SettingsScreen", "How long a locked account stays locked"),
}

# Each choice's name on this screen; what is stored (and typed on the command line) is the value.
# A language is named in itself, the same in every language of the desk.
CHOICES: dict[str, dict[str, str]] = {
    "smtp.security": {
        "starttls": QT_TRANSLATE_NOOP("SettingsScreen", "STARTTLS (usually port 587)"),
        "tls": QT_TRANSLATE_NOOP("SettingsScreen", "TLS from the start (usually port 465)"),
        "none": QT_TRANSLATE_NOOP("SettingsScreen", "None (unencrypted)"),
    },
    "smtp.auth": {
        "password": QT_TRANSLATE_NOOP("SettingsScreen", "User name and password"),
        "oauth2-microsoft": QT_TRANSLATE_NOOP("SettingsScreen", "OAuth 2.0: Microsoft 365"),
        "oauth2-google": QT_TRANSLATE_NOOP("SettingsScreen", "OAuth 2.0: Google Workspace"),
    },
    "desk.language": {
        "system": QT_TRANSLATE_NOOP("SettingsScreen", "The computer's language"),
    },
}
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def option_label(option: Option) -> str:
    """What the screen calls `option`: its description, in the desk's language (an option added to
    app.settings without a label here is shown with its English description)."""
    return translate_marked("SettingsScreen", LABELS.get(option.key, option.description))


def choice_label(option: Option, value: str) -> str:
    """The name of one of `option`'s choices as shown; a choice without a name here is shown as stored."""
    if option.key == "desk.language" and value in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[value]
    named = CHOICES.get(option.key, {}).get(value)
    return translate_marked("SettingsScreen", named) if named else value


def group_title(title: str) -> str:
    """A group's title (marked where ui.admin.settings_screen.GROUPS lists it), in the desk's language."""
    return translate_marked("SettingsScreen", title)


def applies_at_next_start() -> str:
    return translate("SettingsScreen", "Applies at the next start.")
