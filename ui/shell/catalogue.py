"""Membership Services: the portal's catalogue of requests, one card each; the CPC card starts the wizard.

Services this desk does not handle are shown (staff recognise the portal's list) but cannot be started; the
card says why. Every card takes keyboard focus, so Tab reaches each one and its explanation.
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from ui.shell.context import UiContext

NOT_BUILT = QT_TRANSLATE_NOOP(
    "ServiceCatalogue",
    "Not available at the registrar's desk in this version of CPC Desk: members request it in the online "
    "portal, and staff can help them from the Assistance Desk.",
)


@dataclass(frozen=True)
class Service:
    key: str
    name: str
    description: str
    fee: str
    available: bool = False


def services() -> list[Service]:
    return [
        Service(
            "cpc",
            translate("ServiceCatalogue", "Certificate of Professional Conduct"),
            translate(
                "ServiceCatalogue",
                "A statement of the member's registration and standing, sent by email straight to the "
                "hospital, regulator or employer that asked for it.",
            ),
            translate("ServiceCatalogue", "$0"),
            available=True,
        ),
        Service(
            "ihf",
            translate("ServiceCatalogue", "Independent Health Facility (IHF)"),
            translate(
                "ServiceCatalogue",
                "Apply to act as an assessor or a quality advisor for an independent health facility.",
            ),
            translate("ServiceCatalogue", "As listed in the member portal"),
        ),
        Service(
            "copies",
            translate("ServiceCatalogue", "Copies of Documents"),
            translate(
                "ServiceCatalogue",
                "The member's Certificate of Registration, Membership Card and Membership Diploma, "
                "emailed to the member as signed PDFs.",
            ),
            translate("ServiceCatalogue", "$0"),
            available=True,
        ),
        Service(
            "resignation",
            translate("ServiceCatalogue", "Resignation"),
            translate(
                "ServiceCatalogue",
                "Resign the certificate of registration, for example on retiring or leaving Ontario.",
            ),
            translate("ServiceCatalogue", "As listed in the member portal"),
        ),
        Service(
            "receipts",
            translate("ServiceCatalogue", "Historical Fee Receipts"),
            translate(
                "ServiceCatalogue",
                "Receipts for membership fees paid in earlier years, for tax or employer records.",
            ),
            translate("ServiceCatalogue", "As listed in the member portal"),
        ),
        Service(
            "address",
            translate("ServiceCatalogue", "Address Correction"),
            translate(
                "ServiceCatalogue", "Correct the practice or mailing address shown on the public register."
            ),
            translate("ServiceCatalogue", "As listed in the member portal"),
        ),
        Service(
            "scope",
            translate("ServiceCatalogue", "Change of Scope / Re-entering Practice"),
            translate(
                "ServiceCatalogue",
                "Tell the College of a change in scope of practice, or plan a return to practice.",
            ),
            translate("ServiceCatalogue", "As listed in the member portal"),
        ),
    ]


class ServiceCard(QFrame):
    def __init__(self, service: Service, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.ctx = ctx
        self.setObjectName(f"service-{service.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("available", service.available)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(service.name)
        explanation = (
            service.description
            if service.available
            else translate("ServiceCatalogue", "{0} {1}").format(
                service.description, translate_marked("ServiceCatalogue", NOT_BUILT)
            )
        )
        self.setAccessibleDescription(explanation)
        self.setStyleSheet(
            "ServiceCard { border: 1px solid #c9d3df; border-radius: 6px; background: white; }"
            "ServiceCard:focus { border: 2px solid #1f5fa8; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        title = QLabel(service.name)
        title.setObjectName("serviceTitle")
        title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        title.setWordWrap(True)
        body = QLabel(service.description)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.fee = QLabel(translate("ServiceCatalogue", "Fee: {0}").format(service.fee))
        self.fee.setObjectName("serviceFee")
        self.button = QPushButton(
            translate("ServiceCatalogue", "&Start Request")
            if service.available
            else translate("ServiceCatalogue", "Start Request")
        )
        self.button.setObjectName(f"start-{service.key}")
        self.button.setEnabled(service.available)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(title)
        layout.addWidget(body, 1)
        layout.addWidget(self.fee)
        if not service.available:
            # Said on the card itself: a tooltip is invisible to a keyboard user and easy to miss.
            note = QLabel(
                translate(
                    "ServiceCatalogue", "Not available at this desk: members request it in the online portal."
                )
            )
            note.setWordWrap(True)
            note.setObjectName("hint")
            note.setStyleSheet("color: #555;")
            layout.addWidget(note)
            tip = translate_marked("ServiceCatalogue", NOT_BUILT)
            for w in (self, self.button, note):
                w.setToolTip(tip)
        else:
            self.setToolTip(service.description)
            self.button.setToolTip(
                translate("ServiceCatalogue", "Start a {0} request (Enter)").format(service.name)
            )
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.button.clicked.connect(self.start)

    def start(self) -> None:
        if self.service.available and self.service.key == "cpc":
            self.ctx.start_cpc_request()
        elif self.service.available and self.service.key == "copies":
            self.open_copies()

    def open_copies(self) -> QWidget:
        from ui.desk.copies_dialog import CopiesDialog

        dialog = CopiesDialog(self.ctx, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.service.available:
            self.start()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # A keyboard user cannot hover for the tooltip: say it in the status bar instead.
        if self.service.available:
            said = translate("ServiceCatalogue", "{0}: press Enter to start a request.")
        else:
            said = translate("ServiceCatalogue", "{0}: {1}")
        self.ctx.status_message.emit(
            said.format(self.service.name, translate_marked("ServiceCatalogue", NOT_BUILT))
        )


class ServiceCatalogue(QWidget):
    COLUMNS = 2

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("serviceCatalogue")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(24, 18, 24, 18)
        heading = QLabel(translate("ServiceCatalogue", "Membership Services"))
        heading.setObjectName("screenHeading")
        intro = QLabel(
            translate(
                "ServiceCatalogue",
                "Requests a member can make. At this desk you file a Certificate of Professional Conduct "
                "on the member's behalf.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.cards = [ServiceCard(s, ctx) for s in services()]
        for i, card in enumerate(self.cards):
            grid.addWidget(card, i // self.COLUMNS, i % self.COLUMNS)
        for c in range(self.COLUMNS):
            grid.setColumnStretch(c, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        # Reading order: each card, then its button when it has one.
        chain: list[QWidget] = []
        for card in self.cards:
            chain.append(card)
            if card.button.isEnabled():
                chain.append(card.button)
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.cards[0].button)

    def card(self, key: str) -> ServiceCard:
        return next(c for c in self.cards if c.service.key == key)
