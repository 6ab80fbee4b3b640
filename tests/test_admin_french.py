"""The administration, batch printing and mail screens in French: the Settings screen offers this desk's
language (saved in the desk's own settings file, read at the next start), each screen built in French
shows French text that nothing cuts off at a 1366x768 laptop's sizes, and counts take the plural form
of their language."""

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import i18n
from app.access.staff import Actor
from app.desk import Desk
from app.register.institution_types import DEFAULT_TYPES
from app.register.recipients import ADDRESS_FIELDS, FIELD_LABELS
from app.settings import OPTIONS
from app.store.db import PASSWORD_HOME
from app.store.models import StaffRole
from tests.ui_clipping import clipped_texts
from ui.admin import setting_texts
from ui.admin.database_password import MARKED_PASSWORD_HOME
from ui.admin.institutions_screen import MARKED_FIELD_LABELS, MARKED_TYPES
from ui.admin.settings_screen import HIDDEN, SettingsScreen
from ui.common import workers
from ui.shell.context import UiContext
from ui.shell.translations import desk_language, install_language, uninstall

# Where a screen sits in the window: the window's default size (1180x720), and the window maximized on a
# 1366x768 laptop; the header and the status bar take the rest of the height.
SCREEN_SIZES = ((1180, 640), (1366, 690))
ADMIN = Actor("admin.test", StaffRole.ADMIN, "Test Admin")


@pytest.fixture
def french(tmp_path: Path) -> Iterator[None]:
    """The desk in French (installed before any widget is built, as the desk does), English after."""
    from ui.shell.application import load_style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_style(app)  # the desk's own fonts and margins: what is cut off depends on them
    assert install_language("fr", tmp_path / "qm")
    yield
    workers.wait_all(10_000)
    uninstall()
    app.setStyleSheet("")


def _shown(qtbot: QtBot, widget: QWidget, size: tuple[int, int] | None = None) -> QWidget:
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


def _texts(root: QWidget) -> set[str]:
    """Every text a person reads on `root`: labels, buttons, group titles."""
    texts = {w.text() for w in root.findChildren(QLabel)} | {
        b.text() for b in root.findChildren(QAbstractButton)
    }
    return texts | {g.title() for g in root.findChildren(QGroupBox)}


def _check(widget: QWidget, picture: Path) -> None:
    """Nothing cut off; the picture kept for a person to look at (pytest --basetemp=… keeps it)."""
    QApplication.processEvents()
    widget.grab().save(str(picture))
    assert clipped_texts(widget) == [], picture.name
    # a page that scrolls sideways hides its right-hand side (clipped_texts sees only what lacks room)
    sideways = [
        a.objectName() or type(a.widget()).__name__
        for a in widget.findChildren(QScrollArea)
        if a.isVisible() and a.horizontalScrollBar().isVisible()
    ]
    assert sideways == [], picture.name


# --- the desk's language on the Settings screen ------------------------------------------------------------


def test_settings_offer_the_desk_language_by_name_and_saving_writes_it(
    qtbot: QtBot, desk: Desk, data_dir: Path
) -> None:
    desk.actor = ADMIN
    screen = _shown(qtbot, SettingsScreen(UiContext(desk)), SCREEN_SIZES[0])
    assert isinstance(screen, SettingsScreen)
    combo = screen.fields["desk.language"].widget
    assert isinstance(combo, QComboBox)
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["The computer's language", "English", "Français"]
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "en", "fr"]
    assert combo.currentData() == "system"
    # the label says what it is and, beside the choice, when it takes effect
    label = next(w for w in screen.findChildren(QLabel) if w.buddy() is combo)
    assert label.text() == "Language of this desk's screens"
    hint = next(w for w in screen.findChildren(QLabel) if w.text() == "Applies at the next start.")
    assert hint.isVisible()
    at_combo, at_hint = combo.mapTo(screen, combo.rect().center()), hint.mapTo(screen, hint.rect().center())
    assert (
        at_hint.x() > at_combo.x() + combo.width() // 2 and abs(at_hint.y() - at_combo.y()) < combo.height()
    )

    combo.setCurrentIndex(combo.findData("fr"))
    assert screen.save_button.isEnabled()
    screen.save_button.click()
    assert screen.status.text() == "1 setting saved."
    stored = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert stored["values"]["desk.language"] == "fr"  # this desk's file, not the register's table
    assert not desk.settings.is_register("desk.language")
    assert desk_language(data_dir) == "fr"  # what the next start installs

    combo.setCurrentIndex(combo.findData("system"))
    screen.save()
    stored = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert stored["values"].get("desk.language", "system") == "system"


def test_choices_are_named_and_stored_as_their_values(qtbot: QtBot, desk: Desk) -> None:
    desk.actor = ADMIN
    screen = _shown(qtbot, SettingsScreen(UiContext(desk)), SCREEN_SIZES[0])
    assert isinstance(screen, SettingsScreen)
    security = screen.fields["smtp.security"].widget
    assert isinstance(security, QComboBox)
    security.setCurrentIndex(security.findData("starttls"))
    assert security.currentText() == "STARTTLS (usually port 587)"
    assert screen.fields["smtp.security"].raw() == "starttls"
    screen.save()
    assert desk.settings.get("smtp.security") == "starttls"


def test_every_option_shown_has_its_description_marked_for_translation() -> None:
    """Every option the screen shows is named in French on a French desk: its description, marked where
    app.settings writes it, or the screen's own wording of the few whose choices it names."""
    shown = [OPTIONS[key] for key in OPTIONS if key not in HIDDEN]
    with i18n.speaking("fr"):
        french = {option.key: setting_texts.option_label(option) for option in shown}
    english = {option.key: setting_texts.option_label(option) for option in shown}
    untranslated = sorted(key for key in french if french[key] == english[key])
    assert not untranslated, untranslated
    assert english["issuer.name"] == OPTIONS["issuer.name"].description
    assert set(setting_texts.LABELS) == {"smtp.auth", "desk.language"}
    for key, names in setting_texts.CHOICES.items():
        assert set(names) <= set(OPTIONS[key].choices)
    assert set(MARKED_FIELD_LABELS) == {FIELD_LABELS[f] for f in ADDRESS_FIELDS} | {
        FIELD_LABELS["institution_type"]
    }
    assert set(MARKED_TYPES) == set(DEFAULT_TYPES)
    assert MARKED_PASSWORD_HOME == PASSWORD_HOME


# --- the screens in French ---------------------------------------------------------------------------------


def _settings(desk: Desk) -> QWidget:
    desk.actor = ADMIN
    return SettingsScreen(UiContext(desk))


def _staff(desk: Desk) -> QWidget:
    from ui.admin.staff_screen import StaffScreen

    desk.actor = ADMIN
    return StaffScreen(UiContext(desk))


def _audit(desk: Desk) -> QWidget:
    from ui.admin.audit_screen import AuditScreen

    desk.actor = ADMIN
    return AuditScreen(UiContext(desk))


def _institutions(desk: Desk) -> QWidget:
    from ui.admin.institutions_screen import InstitutionsScreen

    desk.actor = ADMIN
    return InstitutionsScreen(UiContext(desk))


def _batch(desk: Desk) -> QWidget:
    from ui.batch.batch_screen import BatchScreen

    return BatchScreen(UiContext(desk), workers=1)


def _outbox(desk: Desk) -> QWidget:
    from ui.mail.outbox_screen import OutboxScreen

    return OutboxScreen(UiContext(desk))


def _mailbox(desk: Desk) -> QWidget:
    from ui.mail.mailbox_screen import MailboxScreen

    return MailboxScreen(UiContext(desk))


SCREENS: dict[str, tuple[Callable[[Desk], QWidget], str]] = {
    "settings": (_settings, "Paramètres"),
    "staff": (_staff, "Ajouter un compte"),
    "audit": (_audit, "&Vérifier la chaîne"),
    "institutions": (_institutions, "Fiche"),
    "batch": (_batch, "Impression par lots"),
    "outbox": (_outbox, "Boîte d'envoi"),
    "mailbox": (_mailbox, "Boîte aux lettres de démonstration"),
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen_in_french_is_not_cut_off(
    name: str, qtbot: QtBot, desk: Desk, french: None, tmp_path: Path
) -> None:
    build, french_text = SCREENS[name]
    screen = _shown(qtbot, build(desk))
    assert french_text in _texts(screen), name
    for width, height in SCREEN_SIZES:
        screen.resize(width, height)
        workers.wait_all(10_000)
        qtbot.wait(50)
        _check(screen, tmp_path / f"{name}-fr-{width}x{height}.png")


def _sign_in(desk: Desk) -> QWidget:
    from ui.admin.signin import SignInDialog

    return SignInDialog(desk, lambda _actor: None)


def _first_admin(desk: Desk) -> QWidget:
    from ui.admin.signin import FirstAdminDialog

    return FirstAdminDialog(desk, lambda _actor: None)


def _change_password(desk: Desk) -> QWidget:
    from ui.admin.signin import ChangePasswordDialog

    desk.actor = ADMIN
    return ChangePasswordDialog(desk)


def _database_password(_desk: Desk) -> QWidget:
    from ui.admin.database_password import DatabasePasswordDialog

    return DatabasePasswordDialog("cpc_desk@db.example.org", lambda _password: None)


def _signing_pin(desk: Desk) -> QWidget:
    from ui.admin.signing_pin import SigningPinDialog

    return SigningPinDialog(desk, "the PIN of the signing token")


def _import_members(desk: Desk) -> QWidget:
    from ui.admin.import_dialog import ImportDialog

    desk.actor = ADMIN
    return ImportDialog(UiContext(desk), kind="members")


def _import_institutions(desk: Desk) -> QWidget:
    from ui.admin.import_dialog import ImportDialog

    desk.actor = ADMIN
    return ImportDialog(UiContext(desk), kind="institutions")


DIALOGS: dict[str, tuple[Callable[[Desk], QWidget], str]] = {
    "sign-in": (_sign_in, "&Ouvrir une session"),
    "first-admin": (_first_admin, "Créer et &ouvrir une session"),
    "change-password": (_change_password, "Mot de passe &actuel :"),
    "database-password": (_database_password, "Mot de passe de la base de données"),
    "signing-pin": (_signing_pin, "Passer"),
    "import-members": (_import_members, "&Vérifier le fichier seulement, sans rien modifier"),
    "import-institutions": (_import_institutions, "&Importer"),
}


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_dialog_in_french_is_not_cut_off(
    name: str, qtbot: QtBot, desk: Desk, french: None, tmp_path: Path
) -> None:
    build, french_text = DIALOGS[name]
    dialog = _shown(qtbot, build(desk))
    texts = _texts(dialog) | {dialog.windowTitle()}
    assert french_text in texts, sorted(texts)
    _check(dialog, tmp_path / f"{name}-fr.png")


# --- plural forms ------------------------------------------------------------------------------------------


def test_counts_take_the_french_plural_form(qtbot: QtBot, desk: Desk, french: None) -> None:
    """French counts 0 and 1 as singular, English only 1: each language's own form, from the .ts files."""
    desk.actor = ADMIN
    screen = _shown(qtbot, SettingsScreen(UiContext(desk)), SCREEN_SIZES[0])
    assert isinstance(screen, SettingsScreen)
    lock = screen.fields["session.lock_minutes"].widget
    assert isinstance(lock, QLineEdit)
    lock.setText("20")
    lock.textEdited.emit("20")
    assert screen.save()
    assert screen.status.text() == "1 paramètre enregistré."
    for key, value in (("session.lock_minutes", "25"), ("session.lockout_minutes", "30")):
        edit = screen.fields[key].widget
        assert isinstance(edit, QLineEdit)
        edit.setText(value)
        edit.textEdited.emit(value)
    assert screen.save()
    assert screen.status.text() == "2 paramètres enregistrés."
    assert desk.settings.get("session.lockout_minutes") == 30
    # a problem in two fields: "problèmes", and each named beside its field
    for key in ("session.lock_minutes", "smtp.port"):
        edit = screen.fields[key].widget
        assert isinstance(edit, QLineEdit)
        edit.setText("zéro")
        edit.textEdited.emit("zéro")
    assert not screen.save()
    assert screen.status.text() == "Non enregistré : 2 problèmes, indiqués à côté des champs."

    from ui.mail.mailbox_screen import MailboxScreen

    mailbox = _shown(qtbot, MailboxScreen(UiContext(desk)))
    assert isinstance(mailbox, MailboxScreen)
    workers.wait_all(10_000)
    qtbot.waitUntil(lambda: mailbox.info.text().startswith("0 message reçu, conservé dans"))


def test_locked_session_in_french_is_not_cut_off(
    qtbot: QtBot, desk: Desk, french: None, tmp_path: Path
) -> None:
    from ui.admin.signin import InactivityLock

    desk.actor = ADMIN
    window = _shown(qtbot, QWidget(), SCREEN_SIZES[0])
    lock = InactivityLock(desk, window, timeout_ms=600_000)
    lock.lock()
    qtbot.waitUntil(lock.overlay.isVisible)
    assert "Ouvrir une session sous un &autre nom" in _texts(lock.overlay)
    _check(window, tmp_path / "locked-fr.png")
    lock.stop()


def test_settings_in_french_with_the_oauth_rows_shown(
    qtbot: QtBot, desk: Desk, french: None, tmp_path: Path
) -> None:
    screen = _shown(qtbot, _settings(desk), SCREEN_SIZES[0])
    assert isinstance(screen, SettingsScreen)
    auth = screen.fields["smtp.auth"].widget
    assert isinstance(auth, QComboBox)
    auth.setCurrentIndex(auth.findData("oauth2-microsoft"))
    assert auth.currentText() == "OAuth 2.0 : Microsoft 365"
    assert screen.oauth_edit.isVisible() and screen.fields["smtp.oauth.tenant"].widget.isVisible()
    assert "Microsoft 365 : l'ID du locataire (ou le domaine)" in _texts(screen)
    language = screen.fields["desk.language"].widget
    assert isinstance(language, QComboBox)  # each language named in itself, whatever the desk's language
    assert [language.itemText(i) for i in range(3)] == ["Celle de l'ordinateur", "English", "Français"]
    assert "S'applique au prochain démarrage." in _texts(screen)
    _check(screen, tmp_path / "settings-oauth-fr.png")
