"""About your Portal: what the desk does, where its data is, and who is signed in."""

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app import __version__
from app.i18n import translate
from ui.shell.context import UiContext
from ui.shell.main_window import role_name


class AboutScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        desk = ctx.desk
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        heading = QLabel(translate("About", "About your Portal"))
        heading.setObjectName("screenHeading")
        layout.addWidget(heading)
        body = QLabel(
            translate(
                "About",
                "<p>CPC Desk is the registrar staff's side of the member portal. From here you file a "
                "<b>Certificate of Professional Conduct</b> on a member's behalf, and the certificate is "
                "sent straight to the organisation that asked for it — never to the physician.</p>"
                "<p>A certificate states the member's registration and standing exactly as the register "
                "holds them. Members who are not active, or who have terms, conditions or limitations, "
                "discipline findings or a pending investigation are routed to a registrar for review "
                "before anything is issued.</p>"
                "<p>Every certificate is digitally signed and carries a verification code and a QR code, "
                "so the receiving organisation can check that it is genuine and unaltered.</p>",
            )
        )
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(body)
        facts = QLabel(
            translate(
                "About",
                "Version {version}<br>Data folder: {folder}<br>Database: {db}<br>"
                "Signed in as: {user} ({role})",
            ).format(
                version=__version__,
                folder=html.escape(str(desk.data_dir)),
                db=html.escape(desk.db.location),
                user=html.escape(desk.actor.display_name or desk.actor.username),
                role=html.escape(role_name(desk.actor.role.value)),
            )
        )
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts.setObjectName("hint")
        facts.setWordWrap(True)
        layout.addWidget(facts)
        layout.addStretch(1)
