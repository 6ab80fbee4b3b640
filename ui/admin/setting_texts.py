"""What the Settings screen calls each option and each choice, in the desk's language.

The options and their descriptions live in app.settings.OPTIONS, marked for translation there (context
"Settings"; the command line shows them in English); this screen shows each translated, except the few
it words itself (LABELS: their choices are shown by name here, not as the stored values the description
lists)."""

from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.settings import Option

# The screen's own wording of these options (app.settings' descriptions, marked for translation where they
# are written, name the stored values the command line takes instead).
LABELS: dict[str, str] = {
    "smtp.auth": QT_TRANSLATE_NOOP("SettingsScreen", "Mail server sign-in"),
    "desk.language": QT_TRANSLATE_NOOP("SettingsScreen", "Language of this desk's screens"),
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
    """What the screen calls `option`: its description (marked in app.settings, context "Settings"), in the
    desk's language, or this screen's own wording of it (LABELS)."""
    if option.key in LABELS:
        return translate_marked("SettingsScreen", LABELS[option.key])
    return translate_marked("Settings", option.description)


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
