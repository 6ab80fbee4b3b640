"""Membership Services: the CPC card starts the wizard; the others say why they cannot be started."""

from typing import Any

from PySide6.QtCore import Qt

from app.desk import Desk
from ui.shell.catalogue import NOT_BUILT, ServiceCatalogue
from ui.shell.context import UiContext


class RecordingNavigator:
    def __init__(self) -> None:
        self.started: list[int | None] = []

    def open_screen(self, key: str, **kwargs: Any) -> None: ...

    def go_home(self) -> None: ...

    def start_cpc_request(self, member_id: int | None = None) -> None:
        self.started.append(member_id)


def make(qtbot: Any, desk: Desk) -> tuple[ServiceCatalogue, RecordingNavigator, UiContext]:
    nav = RecordingNavigator()
    ctx = UiContext(desk, nav)
    screen = ServiceCatalogue(ctx)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    return screen, nav, ctx


def test_cards_list_the_portal_services_with_fees(qtbot: Any, desk: Desk) -> None:
    screen, _nav, _ctx = make(qtbot, desk)
    names = [c.service.name for c in screen.cards]
    assert names == [
        "Certificate of Professional Conduct",
        "Independent Health Facility (IHF)",
        "Copies of Documents",
        "Resignation",
        "Historical Fee Receipts",
        "Address Correction",
        "Change of Scope / Re-entering Practice",
    ]
    assert screen.card("cpc").fee.text() == "Fee: $0"
    assert screen.card("cpc").button.isEnabled()
    assert screen.card("copies").button.isEnabled() and screen.card("copies").fee.text() == "Fee: $0"
    for card in screen.cards[1:]:
        if card.service.key == "copies":  # Copies of Documents is issued at the desk (issue 19)
            continue
        assert not card.button.isEnabled()
        assert card.button.toolTip() == NOT_BUILT and card.toolTip() == NOT_BUILT
        assert card.fee.text().startswith("Fee: ")


def test_start_request_opens_the_wizard(qtbot: Any, desk: Desk) -> None:
    screen, nav, _ctx = make(qtbot, desk)
    qtbot.mouseClick(screen.card("cpc").button, Qt.MouseButton.LeftButton)
    assert nav.started == [None]
    qtbot.mouseClick(screen.card("resignation").button, Qt.MouseButton.LeftButton)
    assert nav.started == [None]  # disabled: nothing happens


def test_every_card_is_reached_with_tab_and_explains_itself(qtbot: Any, desk: Desk) -> None:
    screen, nav, ctx = make(qtbot, desk)
    said: list[str] = []
    ctx.status_message.connect(said.append)
    first = screen.cards[0]
    first.setFocus()
    visited = [first]
    for _ in range(len(screen.cards) + 1):
        qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Tab)
        widget = screen.focusWidget()
        if widget in screen.cards:
            visited.append(widget)
    assert visited == screen.cards
    assert any(NOT_BUILT in s for s in said)
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert nav.started == [None]


def test_from_the_main_window_start_request_opens_the_wizard(qtbot: Any, desk: Desk) -> None:
    from ui.request.wizard import CpcWizard
    from ui.shell.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach_desk(desk)
    window.open_screen("services")
    screen = window.screens["services"]
    assert isinstance(screen, ServiceCatalogue)
    qtbot.mouseClick(screen.card("cpc").button, Qt.MouseButton.LeftButton)
    wizard = window._wizard
    assert isinstance(wizard, CpcWizard) and wizard.isVisible()
    assert wizard.currentPage() is wizard.member_page
    wizard.reject()  # nothing entered: closes without a question
    assert not wizard.isVisible()
    qtbot.waitUntil(lambda: window.outbox_label.text() != "", timeout=10_000)
