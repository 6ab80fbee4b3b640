"""The registry of screens the main window can open, by key. Modules are imported on first use.

To add a screen: write `class MyScreen(QWidget)` taking `(ctx: UiContext, parent=None, **kwargs)` in its
own ui/ module and add one line here. A tile's key that is not registered shows an honest placeholder.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ScreenSpec:
    title: str
    target: str  # "module:Class"


SCREENS: dict[str, ScreenSpec] = {
    "about": ScreenSpec("About your Portal", "ui.shell.about:AboutScreen"),
    "batch": ScreenSpec("Batch Printing", "ui.batch.batch_screen:BatchScreen"),
    "services": ScreenSpec("Membership Services", "ui.shell.catalogue:ServiceCatalogue"),
    "review": ScreenSpec("Registrar review", "ui.desk.review_screen:ReviewScreen"),
    "audit": ScreenSpec("Audit trail", "ui.admin.audit_screen:AuditScreen"),
    "staff": ScreenSpec("Staff accounts", "ui.admin.staff_screen:StaffScreen"),
    "verify": ScreenSpec("Verify a certificate", "ui.desk.verify_dialog:VerifyScreen"),
    "outbox": ScreenSpec("Outbox", "ui.mail.outbox_screen:OutboxScreen"),
    "settings": ScreenSpec("Settings", "ui.admin.settings_screen:SettingsScreen"),
    "mailbox": ScreenSpec("Demo mailbox", "ui.mail.mailbox_screen:MailboxScreen"),
    "assistance": ScreenSpec("Assistance Desk", "ui.desk.assistance:AssistanceScreen"),
    "profile": ScreenSpec("Profile", "ui.desk.profile:ProfileScreen"),
    "institutions": ScreenSpec("Institutions", "ui.admin.institutions_screen:InstitutionsScreen"),
}
