"""The Assistance Desk screen: debounced search off the GUI thread, stale results dropped, Enter opens the
profile, a certificate number or verification code opens its request, and the status lookup."""

from typing import Any

import pytest
from members_data import RecordingNavigator, add_certificate, add_member, add_message, add_request
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.access.staff import Actor
from app.desk import Desk
from app.register.members import MemberHit
from app.store.models import OutboxState, StaffRole
from ui.desk.assistance import AssistanceScreen
from ui.shell.context import UiContext


@pytest.fixture
def people(desk: Desk) -> dict[str, Any]:
    with desk.db.write() as s:
        helene = add_member(s, "Hélène", "Côté-Gagnon", "104211")
        add_member(s, "Helen", "Cotton", "104212")
        add_member(s, "Zed", "Anderson", "300001")
        req = add_request(s, helene, [("Toronto General Hospital", "cred@tgh.example")])
        cert = add_certificate(s, req.recipients[0])
        add_message(s, cert, OutboxState.FAILED_PERMANENT, attempts=1, last_error="550 No such user")
        return {
            "helene": helene.id,
            "request": req.id,
            "cert": cert.id,
            "number": cert.number,
            "code": cert.verification_code,
        }


@pytest.fixture
def screen(qtbot: QtBot, desk: Desk) -> tuple[AssistanceScreen, RecordingNavigator]:
    nav = RecordingNavigator()
    widget = AssistanceScreen(UiContext(desk, nav))
    qtbot.addWidget(widget)
    widget.show()
    return widget, nav


def shown_names(screen: AssistanceScreen) -> list[str]:
    proxy = screen.search.proxy
    return [proxy.index(r, 1).data() for r in range(proxy.rowCount())]


def test_typing_searches_once_after_a_pause_and_enter_opens_the_profile(
    qtbot: QtBot, screen: tuple[AssistanceScreen, RecordingNavigator], people: dict[str, Any]
) -> None:
    widget, nav = screen
    panel = widget.search
    qtbot.keyClicks(panel.box, "cote helene")
    assert panel.searches_started == 0  # nothing runs while the person is typing
    qtbot.waitUntil(lambda: shown_names(widget) == ["Hélène Côté-Gagnon"], timeout=3000)
    assert panel.searches_started == 1
    assert panel.count_label.text() == "1 match"
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert nav.opened == [("profile", {"member_id": people["helene"]})]


def test_enter_before_the_results_searches_at_once_and_opens_the_first(
    qtbot: QtBot, screen: tuple[AssistanceScreen, RecordingNavigator], people: dict[str, Any]
) -> None:
    widget, nav = screen
    qtbot.keyClicks(widget.search.box, "anderson")
    qtbot.keyClick(widget.search.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(nav.opened), timeout=3000)
    assert nav.opened[0][0] == "profile"
    assert widget.search.searches_started == 1


def test_a_superseded_search_result_is_dropped(
    qtbot: QtBot, screen: tuple[AssistanceScreen, RecordingNavigator], people: dict[str, Any]
) -> None:
    widget, _nav = screen
    panel = widget.search
    panel.box.setText("anderson")
    panel.search_now()
    first_generation = panel.generation
    panel.box.setText("cotton")
    panel.search_now()
    qtbot.waitUntil(lambda: shown_names(widget) == ["Helen Cotton"], timeout=3000)
    # The first search's result, arriving now, must not replace what is on screen.
    stale = MemberHit(
        people["helene"], "104211", "Hélène Côté-Gagnon", "Independent Practice", "active", "name"
    )
    before = panel.stale_dropped
    panel.show_results((first_generation, [stale]))
    assert panel.stale_dropped == before + 1
    assert shown_names(widget) == ["Helen Cotton"]


def test_results_are_sortable(
    qtbot: QtBot, screen: tuple[AssistanceScreen, RecordingNavigator], people: dict[str, Any]
) -> None:
    widget, _nav = screen
    widget.search.box.setText("104")
    qtbot.waitUntil(lambda: len(shown_names(widget)) == 2, timeout=3000)
    widget.search.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert shown_names(widget) == ["Hélène Côté-Gagnon", "Helen Cotton"]
    widget.search.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert shown_names(widget) == ["Helen Cotton", "Hélène Côté-Gagnon"]


@pytest.mark.parametrize("which", ["number", "code"])
def test_a_certificate_number_or_code_opens_that_request(
    qtbot: QtBot, screen: tuple[AssistanceScreen, RecordingNavigator], people: dict[str, Any], which: str
) -> None:
    widget, nav = screen
    text = str(people[which]).lower().replace("-", " ")
    qtbot.keyClicks(widget.search.box, text)
    qtbot.waitUntil(lambda: bool(nav.opened), timeout=3000)
    assert nav.opened == [
        (
            "profile",
            {
                "member_id": people["helene"],
                "request_id": people["request"],
                "certificate_id": people["cert"],
            },
        )
    ]


def test_status_lookup_says_where_it_stands(
    qtbot: QtBot, screen: tuple[AssistanceScreen, RecordingNavigator], people: dict[str, Any]
) -> None:
    widget, _nav = screen
    qtbot.keyClicks(widget.status_box, f"R-{people['request']:07d}")
    qtbot.keyClick(widget.status_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Could not be delivered" in widget.status_label.text(), timeout=3000)
    assert '"550 No such user"' in widget.status_label.text()
    widget.status_box.setText("R-9999999")
    widget.look_up_status()
    qtbot.waitUntil(lambda: "was found" in widget.status_label.text(), timeout=3000)
    assert widget.status_label.text() == "No request, certificate or verification code “R-9999999” was found."


def test_buttons_follow_the_role(qtbot: QtBot, desk: Desk, people: dict[str, Any]) -> None:
    clerk_screen = AssistanceScreen(UiContext(desk, RecordingNavigator()))
    qtbot.addWidget(clerk_screen)
    assert clerk_screen.import_button.isHidden()
    assert not clerk_screen.start_button.isHidden()
    desk.actor = Actor("registrar.test", StaffRole.REGISTRAR)
    nav = RecordingNavigator()
    registrar_screen = AssistanceScreen(UiContext(desk, nav))
    qtbot.addWidget(registrar_screen)
    assert not registrar_screen.import_button.isHidden()
    registrar_screen.search.box.setText("zed")
    qtbot.waitUntil(lambda: registrar_screen.search.proxy.rowCount() == 1, timeout=3000)
    registrar_screen.start_button.click()
    assert len(nav.started) == 1 and nav.started[0] is not None


def test_a_partly_typed_certificate_number_does_not_jump_away(
    qtbot: QtBot, desk: Desk, screen: tuple[AssistanceScreen, RecordingNavigator], people: dict[str, Any]
) -> None:
    from app.store.models import Certificate

    with desk.db.write() as s:
        cert = s.get(Certificate, people["cert"])
        assert cert is not None
        cert.number = "CPC-2026-000001"
    widget, nav = screen
    widget.search.box.setText("CPC-2026-00001")  # on its way to CPC-2026-000012
    qtbot.waitUntil(lambda: widget.search.proxy.rowCount() == 1, timeout=3000)
    assert nav.opened == []  # shown, not opened: the person may still be typing
    widget.search.box.setText("CPC-2026-000001")
    qtbot.waitUntil(lambda: bool(nav.opened), timeout=3000)
    assert nav.opened[0][1]["certificate_id"] == people["cert"]
