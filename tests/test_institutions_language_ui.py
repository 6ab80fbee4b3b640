"""The Institutions screen's certificate language: automatic (French in Quebec, English elsewhere) for a
new entry, shown and changed for an existing one, kept when an edit leaves it alone."""

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.register.institutions import list_institutions
from tests.test_institutions_ui import fill
from ui.admin.institutions_screen import InstitutionsScreen
from ui.shell.context import UiContext


def languages(desk: Desk) -> dict[str, str]:
    with desk.db.read() as s:
        return {r.name: r.language for r in list_institutions(s)}


def test_language_of_directory_entries_through_the_form(qtbot: QtBot, desk: Desk) -> None:
    screen = InstitutionsScreen(UiContext(desk))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.language_combo.currentData() == ""  # a new entry: automatic
    fill(
        screen,
        name="Hôpital Sainte-Justine",
        street1="3175 ch. de la Côte-Sainte-Catherine",
        city="Montréal",
        state="Quebec",
        postal_code="H3T 1C5",
        email="dossiers@chusj.example",
    )
    assert screen.save() is True
    screen.new_entry()
    fill(
        screen,
        name="Kingston Health Sciences Centre",
        street1="76 Stuart Street",
        city="Kingston",
        state="ON",
        postal_code="K7L 2V7",
        email="credentials@khsc.example",
    )
    assert screen.save() is True
    assert languages(desk) == {"Hôpital Sainte-Justine": "fr", "Kingston Health Sciences Centre": "en"}

    # Kingston is selected after its save: its language shows; choose bilingual and save.
    assert screen.language_combo.currentData() == "en"
    screen.language_combo.setCurrentIndex(screen.language_combo.findData("bilingual"))
    assert screen.save() is True
    assert languages(desk)["Kingston Health Sciences Centre"] == "bilingual"
    # "Automatic" on an existing entry keeps its language (an edit of the address only).
    screen.language_combo.setCurrentIndex(0)
    fill(screen, attention="Medical Affairs")
    assert screen.save() is True
    assert languages(desk)["Kingston Health Sciences Centre"] == "bilingual"
    shots = os.environ.get("CPC_WIZARD_SHOTS", "")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        screen.resize(1280, 760)
        screen.grab().save(str(Path(shots) / "institutions-language.png"))
