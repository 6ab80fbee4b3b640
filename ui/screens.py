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
    "about": ScreenSpec("About your Portal", "ui.about:AboutScreen"),
    "batch": ScreenSpec("Batch Printing", "ui.batch_screen:BatchScreen"),
    "services": ScreenSpec("Membership Services", "ui.catalogue:ServiceCatalogue"),
    "review": ScreenSpec("Registrar review", "ui.review_screen:ReviewScreen"),
    "audit": ScreenSpec("Audit trail", "ui.audit_screen:AuditScreen"),
    "staff": ScreenSpec("Staff accounts", "ui.staff_screen:StaffScreen"),
    "verify": ScreenSpec("Verify a certificate", "ui.verify_dialog:VerifyScreen"),
    "outbox": ScreenSpec("Outbox", "ui.outbox_screen:OutboxScreen"),
    "settings": ScreenSpec("Settings", "ui.settings_screen:SettingsScreen"),
    "mailbox": ScreenSpec("Demo mailbox", "ui.mailbox_screen:MailboxScreen"),
    "assistance": ScreenSpec("Assistance Desk", "ui.assistance:AssistanceScreen"),
    "profile": ScreenSpec("Profile", "ui.profile:ProfileScreen"),
    "institutions": ScreenSpec("Institutions", "ui.institutions_screen:InstitutionsScreen"),
}
