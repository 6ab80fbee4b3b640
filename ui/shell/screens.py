"""The registry of screens the main window can open, by key. Modules are imported on first use.

To add a screen: write `class MyScreen(QWidget)` taking `(ctx: UiContext, parent=None, **kwargs)` in its
own ui/ module and add one line here. A tile's key that is not registered shows an honest placeholder.
"""

from dataclasses import dataclass

from app.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ScreenSpec:
    title: str  # marked for lupdate here; shown with translate_marked("Screens", title)
    target: str  # "module:Class"


SCREENS: dict[str, ScreenSpec] = {
    "about": ScreenSpec(QT_TRANSLATE_NOOP("Screens", "About your Portal"), "ui.shell.about:AboutScreen"),
    "batch": ScreenSpec(QT_TRANSLATE_NOOP("Screens", "Batch Printing"), "ui.batch.batch_screen:BatchScreen"),
    "services": ScreenSpec(
        QT_TRANSLATE_NOOP("Screens", "Membership Services"), "ui.shell.catalogue:ServiceCatalogue"
    ),
    "review": ScreenSpec(
        QT_TRANSLATE_NOOP("Screens", "Registrar review"), "ui.desk.review_screen:ReviewScreen"
    ),
    "audit": ScreenSpec(QT_TRANSLATE_NOOP("Screens", "Audit trail"), "ui.admin.audit_screen:AuditScreen"),
    "staff": ScreenSpec(QT_TRANSLATE_NOOP("Screens", "Staff accounts"), "ui.admin.staff_screen:StaffScreen"),
    "verify": ScreenSpec(
        QT_TRANSLATE_NOOP("Screens", "Verify a certificate"), "ui.desk.verify_dialog:VerifyScreen"
    ),
    "outbox": ScreenSpec(QT_TRANSLATE_NOOP("Screens", "Outbox"), "ui.mail.outbox_screen:OutboxScreen"),
    "settings": ScreenSpec(
        QT_TRANSLATE_NOOP("Screens", "Settings"), "ui.admin.settings_screen:SettingsScreen"
    ),
    "mailbox": ScreenSpec(
        QT_TRANSLATE_NOOP("Screens", "Demo mailbox"), "ui.mail.mailbox_screen:MailboxScreen"
    ),
    "assistance": ScreenSpec(
        QT_TRANSLATE_NOOP("Screens", "Assistance Desk"), "ui.desk.assistance:AssistanceScreen"
    ),
    "profile": ScreenSpec(QT_TRANSLATE_NOOP("Screens", "Profile"), "ui.desk.profile:ProfileScreen"),
    "institutions": ScreenSpec(
        QT_TRANSLATE_NOOP("Screens", "Institutions"), "ui.admin.institutions_screen:InstitutionsScreen"
    ),
}
