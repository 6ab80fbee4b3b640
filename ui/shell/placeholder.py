"""An honest page for a tile whose screen is not built yet: says so, offers the way back."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import translate


class PlaceholderScreen(QWidget):
    def __init__(self, title: str, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"placeholder-{key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        heading = QLabel(title)
        heading.setObjectName("screenHeading")
        text = QLabel(
            translate(
                "Placeholder",
                "This part of the member portal is not available at the registrar's desk in this version "
                "of CPC Desk. Members use it in the online portal; staff can help them from the "
                "Assistance Desk.",
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        hint = QLabel(translate("Placeholder", "Press Alt+Home or the Home button to go back."))
        hint.setObjectName("hint")
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(hint)
        layout.addStretch(1)
