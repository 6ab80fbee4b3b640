"""The desk in French (issue 20, items 4-5): the French translators installed the way the desk installs
them at start (ui.shell.translations, the .ts files compiled by lrelease into a data folder), then the real
window and screens built on a real database: the home's tiles and the window's menus in French, plural
forms that follow the count in French and English, no text cut off on any main screen at 1366x768, and a
translation file that cannot be compiled leaving the desk in English with a log line."""

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import i18n
from app.access.staff import Actor
from app.desk import Desk
from app.i18n import translate
from app.issuing.requests import RequestDraft, submit_request
from app.register.recipients import RecipientInput
from app.settings import Settings
from app.store.models import ConsentMethod, Member, StaffRole
from tests.factories import make_member
from tests.ui_clipping import LAPTOP, clipped_texts
from ui.shell.home import Tile, portal_tiles
from ui.shell.main_window import MainWindow
from ui.shell.screens import SCREENS
from ui.shell.translations import (
    compiled,
    desk_language,
    install_desk_language,
    install_language,
    uninstall,
)

TGH = RecipientInput(
    institution_type="Hospital",
    name="Toronto General Hospital",
    attention="Medical Staff Office",
    street1="200 Elizabeth Street",
    city="Toronto",
    state="ON",
    country="CA",
    postal_code="M5G 2C4",
    email="credentialing@uhn.example",
)


@pytest.fixture
def french(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """The desk in French, as at a first start from a source checkout: the .ts files compiled by lrelease
    into a data folder's translations/ folder, then installed; English again afterwards."""
    folder = tmp_path / "translations"
    assert install_language("fr", folder)
    yield folder
    uninstall()


def _window(qtbot: QtBot, desk: Desk, size: tuple[int, int] = LAPTOP) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.attach_desk(desk)
    qtbot.waitUntil(lambda: bool(window.outbox_label.text()))
    return window


# --- words ------------------------------------------------------------------------------------------


def test_the_home_tiles_and_the_window_s_menus_are_in_french(qtbot: QtBot, desk: Desk, french: Path) -> None:
    window = _window(qtbot, desk)
    assert window.windowTitle() == "CPC Desk"
    titles = {t.spec.key: t.spec.title for t in window.home.tiles}
    assert titles["profile"] == "Profil"
    assert titles["batch"] == "Impression par lots"
    assert titles["outbox"] == "Boîte d'envoi"
    assert titles["audit"] == "Journal d'audit"
    assert titles["institutions"] == "Établissements"
    assert window.home.tile("assistance").badge == "Personnel"
    # The signed-in user's menu, with mnemonics that do not clash.
    texts = [a.text() for a in window.user_menu.actions() if not a.isSeparator()]
    assert texts == [
        "Changer mon mot de &passe…",
        "Travailler &hors ligne (cette session)",
        "&Changer d'utilisateur…",
        "&Fermer la session",
        "&Quitter CPC Desk",
    ]
    mnemonics = [t[t.index("&") + 1].lower() for t in texts]
    assert len(set(mnemonics)) == len(mnemonics)
    assert window.user_label.text() == "Session ouverte : Test Clerk (commis)"
    assert window.outbox_label.text() == "Boîte d'envoi : 0 en attente"
    assert window.mode_label.text() == "Courriel : en ligne"
    # A screen opened from a tile is named in French in the header, with the way back.
    window.open_screen("services")
    assert window.title_label.text() == "Services aux membres"
    assert window.back_button.text() == "&Accueil"
    card = window.screens["services"].card("cpc")  # type: ignore[attr-defined]
    assert card.button.text() == "&Commencer la demande" and card.fee.text() == "Frais : 0 $"
    window.go_home()
    assert window.title_label.text() == "CPC Desk"


def test_without_french_the_desk_says_exactly_what_it_said_before(qtbot: QtBot, desk: Desk) -> None:
    window = _window(qtbot, desk)
    assert window.home.tile("profile").spec.title == "Profile"
    assert window.user_label.text() == "Signed in: Test Clerk (clerk)"
    assert window.outbox_label.text() == "Outbox: 0 waiting"
    assert window.outbox_label.toolTip() == "No message waiting to be sent."


def _hold_for_review(desk: Desk, registrar: Actor) -> None:
    with desk.db.write() as s:
        member_id = make_member(s, discipline="Reprimand, 2019").id
    result = submit_request(
        desk, registrar, RequestDraft(member_id, (TGH,), True, ConsentMethod.PHONE, "I consent.")
    )
    assert result.review_reasons


@pytest.mark.parametrize(
    ("language", "none", "one", "two"),
    [
        (
            "en",
            "No request awaits a registrar's decision.",
            "1 request awaits a registrar's decision.",
            "2 requests await a registrar's decision.",
        ),
        (
            "fr",
            "Aucune demande n'attend la décision d'un registraire.",
            "1 demande attend la décision d'un registraire.",
            "2 demandes attendent la décision d'un registraire.",
        ),
    ],
)
def test_the_review_tile_says_how_many_requests_wait_with_the_plural_of_its_language(
    qtbot: QtBot,
    desk: Desk,
    registrar: Actor,
    request: pytest.FixtureRequest,
    language: str,
    none: str,
    one: str,
    two: str,
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    desk.actor = registrar
    window = _window(qtbot, desk)
    tile = window.home.tile("review")

    def said() -> str:
        return tile.toolTip().split("\n")[0]

    qtbot.waitUntil(lambda: said() == none)
    for expected in (one, two):
        _hold_for_review(desk, registrar)
        window.refresh_status()
        qtbot.waitUntil(lambda e=expected: said() == e)  # type: ignore[misc]
    assert tile.note == ("2 en attente" if language == "fr" else "2 waiting") and tile.note_urgent
    # French counts 0 and 1 alike (the singular), English only 1.
    source = "%n message(s) waiting to be sent."
    zero, single = translate("MainWindow", source, None, 0), translate("MainWindow", source, None, 1)
    if language == "fr":
        assert (zero, single) == ("0 message en attente d'envoi.", "1 message en attente d'envoi.")
    else:
        assert (zero, single) == ("0 messages waiting to be sent.", "1 message waiting to be sent.")


# --- nothing cut off at 1366x768 --------------------------------------------------------------------------


@pytest.fixture
def demo_desk(desk: Desk) -> Desk:
    """The demo register (members of every kind, institutions, requests), seen by an administrator, who
    may open every screen."""
    from app.register.demo import fill_if_empty

    fill_if_empty(desk)
    desk.actor = Actor("demo.admin", StaffRole.ADMIN, "Demo Administrator")
    return desk


def _member_id(desk: Desk, cpso_number: str) -> int:
    with desk.db.read() as session:
        found = session.scalar(select(Member.id).where(Member.cpso_number == cpso_number))
    assert found is not None
    return found


def _settle(qtbot: QtBot, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        qtbot.wait(20)


def _save(widget: QWidget, name: str) -> None:
    if os.environ.get("CPC_DESK_SCREENSHOT_DIR"):  # to look at what the test saw
        widget.grab().save(str(Path(os.environ["CPC_DESK_SCREENSHOT_DIR"]) / f"fr-check-{name}.png"))


def test_each_main_screen_in_french_shows_its_text_whole_at_1366x768(
    qtbot: QtBot, demo_desk: Desk, french: Path
) -> None:
    window = _window(qtbot, demo_desk)
    _settle(qtbot)
    problems = {"home": clipped_texts(window)}
    _save(window, "home")
    for key in SCREENS:
        if key == "profile":
            window.open_screen(key, member_id=_member_id(demo_desk, "100002"))
        else:
            window.open_screen(key)
        screen = window.screens[key]
        if key == "assistance":  # with its results, as at the phone desk
            panel = screen.search  # type: ignore[attr-defined]
            panel.box.setText("cote helene")
            panel.search_now()
            qtbot.waitUntil(lambda p=panel: p.model.rowCount() > 0, timeout=10_000)  # type: ignore[misc]
        _settle(qtbot, 0.8)
        problems[key] = clipped_texts(window)
        _save(window, key)
        window.go_home()
    # Narrower than a laptop, the tiles take more lines, and grow to hold them.
    window.resize(700, 720)
    _settle(qtbot)
    problems["home at 700px"] = clipped_texts(window)
    assert {k: v for k, v in problems.items() if v} == {}


def test_each_wizard_page_in_french_shows_its_text_whole(qtbot: QtBot, demo_desk: Desk, french: Path) -> None:
    from ui.request.wizard import CpcWizard

    window = _window(qtbot, demo_desk)
    assert window.ctx is not None
    wizard = CpcWizard(window.ctx, member_id=_member_id(demo_desk, "100001"), parent=window)
    qtbot.addWidget(wizard)
    wizard.open()
    _settle(qtbot)
    problems = {"member": clipped_texts(wizard)}
    _save(wizard, "wizard-1")
    wizard.next()
    page = wizard.recipient_page
    page.type_combo.setCurrentIndex(max(1, page.type_combo.findText("Hospital")))
    page.inst_combo.setCurrentIndex(1)
    _settle(qtbot)
    problems["recipient"] = clipped_texts(wizard)
    _save(wizard, "wizard-2")
    wizard.next()
    wizard.consent_page.consent.setChecked(True)
    wizard.consent_page.method.setCurrentIndex(wizard.consent_page.method.findData("phone"))
    _settle(qtbot)
    problems["consent"] = clipped_texts(wizard)
    _save(wizard, "wizard-3")
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.review_page.previews_done), timeout=30_000)
    _settle(qtbot)
    problems["review"] = clipped_texts(wizard)
    _save(wizard, "wizard-4")
    wizard.reject()
    assert {k: v for k, v in problems.items() if v} == {}


def test_a_long_database_path_is_cut_in_the_middle_not_holding_the_window_wide(
    qtbot: QtBot, desk: Desk, french: Path
) -> None:
    window = _window(qtbot, desk)
    path = "/srv/" + "/".join(["dossier-partagé-du-registraire"] * 12) + "/cpc-desk.sqlite3"
    window.db_label.setText(translate("MainWindow", "Database: {0}").format(path))
    _settle(qtbot, 0.2)
    assert window.minimumSizeHint().width() <= LAPTOP[0]
    shown = window.db_label.shown_text()
    assert shown.startswith("Base de données : /srv/") and shown.endswith("cpc-desk.sqlite3") and "…" in shown
    assert window.db_label.toolTip() == f"Base de données : {path}"
    assert clipped_texts(window) == []
    window.db_label.grab().save(str(desk.data_dir / "db-label.png"))


# --- the check itself ---------------------------------------------------------------------------------


class PaintedText(QWidget):
    def clipped_text(self) -> list[str]:
        return ["painted: no room"]


def test_the_clipping_check_finds_cut_text_and_nothing_that_is_not_cut(qtbot: QtBot) -> None:
    long = "Une phrase assez longue pour ne pas tenir dans quarante pixels de largeur"
    root = QWidget()
    qtbot.addWidget(root)
    root.setObjectName("root")
    layout = QVBoxLayout(root)
    row = QHBoxLayout()
    squeezed = QLabel(long)
    squeezed.setObjectName("squeezed")
    squeezed.setFixedWidth(40)
    narrow_button = QPushButton("&Commencer la demande")
    narrow_button.setObjectName("narrowButton")
    narrow_button.setFixedWidth(50)
    by_design = QLabel(long)
    by_design.setFixedWidth(40)
    by_design.setProperty("clipsByDesign", True)
    hidden = QLabel(long)
    hidden.setFixedWidth(40)
    hidden.hide()
    for w in (squeezed, narrow_button, by_design, hidden):
        row.addWidget(w)
    layout.addLayout(row)
    # A label wider than its scroll area's viewport is scrolled into view, not cut.
    scroll = QScrollArea()
    scroll.setFixedSize(120, 60)
    scroll.setWidget(QLabel(long))
    layout.addWidget(scroll)
    # Text a widget paints itself, which it says it has no room for.
    painted = PaintedText()
    layout.addWidget(painted)
    # A home tile made too short grows to hold its lines.
    tile = Tile(portal_tiles()[0])
    tile.resize(240, 40)
    layout.addWidget(tile)
    # A label placed past the window's edge.
    outside = QLabel("Hors de la fenêtre", root)
    outside.setObjectName("outside")
    root.resize(400, 300)
    root.show()
    qtbot.waitExposed(root)
    outside.setGeometry(380, 10, 200, 20)
    found = clipped_texts(root)
    assert any(p.startswith("squeezed in root:") for p in found), found
    assert any(p.startswith("narrowButton in root:") for p in found), found
    assert "painted: no room" in found, found
    assert tile.height() >= tile.text_layout(tile.width())[3] and not tile.clipped_text()
    assert any(p.startswith("outside in root: runs past its window") for p in found), found
    assert len(found) == 4, found  # not the one cut by design, the hidden one or the scrolled one


# --- the desk's language --------------------------------------------------------------------------------


def test_the_first_start_in_french_compiles_the_translations_into_the_data_folder(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The .ts files as a source checkout has them: no .qm beside them (a build puts them there).
    source = tmp_path / "checkout" / "translations"
    source.mkdir(parents=True)
    for ts in i18n.TRANSLATIONS.glob("*.ts"):
        (source / ts.name).write_bytes(ts.read_bytes())
    monkeypatch.setattr(i18n, "TRANSLATIONS", source)
    cache = tmp_path / "data" / "translations"
    try:
        assert install_language("fr", cache)
        assert translate("Home", "Profile") == "Profil"
        shell_qm = cache / "shell_fr.qm"
        assert shell_qm.stat().st_size > 0
        assert sorted(p.stem for p in cache.glob("*.qm")) == sorted(
            p.stem for p in i18n.TRANSLATIONS.glob("*_fr.ts")
        )
        # The next start uses them as they are, until a .ts file is newer than its .qm.
        made = shell_qm.stat().st_mtime_ns
        assert compiled(i18n.TRANSLATIONS / "shell_fr.ts", cache) == shell_qm
        assert shell_qm.stat().st_mtime_ns == made
    finally:
        uninstall()
    assert translate("Home", "Profile") == "Profile"


def test_a_translation_file_that_cannot_be_compiled_leaves_the_desk_in_english_with_a_log_line(
    qtbot: QtBot, desk: Desk, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.log import configure_logging, log_path, stop_logging

    broken = tmp_path / "translations-src"
    broken.mkdir()
    text = (i18n.TRANSLATIONS / "shell_fr.ts").read_text(encoding="utf-8")
    (broken / "shell_fr.ts").write_text(text[: len(text) // 2], encoding="utf-8")  # cut off mid-file
    monkeypatch.setattr(i18n, "TRANSLATIONS", broken)
    Settings(data_dir).set("desk.language", "fr")
    # As at start: the language before the first window, the log file after the first paint.
    held = install_desk_language(data_dir)
    window = _window(qtbot, desk)
    assert window.home.tile("profile").spec.title == "Profile"
    assert window.outbox_label.text() == "Outbox: 0 waiting"
    assert translate("Home", "Profile") == "Profile"
    configure_logging(data_dir, console=False)
    try:
        held.replay()
    finally:
        stop_logging()
    logged = log_path(data_dir).read_text(encoding="utf-8")
    assert "lrelease could not compile shell_fr.ts" in logged
    assert "no translation of the desk into 'fr' could be loaded; it stays in English" in logged
    assert not (data_dir / "translations" / "shell_fr.qm").exists()
    uninstall()


def test_the_desk_language_setting_chooses_the_language_at_the_next_start(data_dir: Path) -> None:
    settings = Settings(data_dir)
    assert settings.get("desk.language") == "system"
    settings.set("desk.language", "fr")
    assert desk_language(data_dir) == "fr"
    settings.set("desk.language", "en")
    assert desk_language(data_dir) == "en"
    # A settings file that cannot be read: the system's language (the desk reports the file later).
    (data_dir / "settings.json").write_text("{not json", encoding="utf-8")
    assert desk_language(data_dir) in i18n.LANGUAGES
    (data_dir / "settings.json").write_text(json.dumps({"values": {"desk.language": "fr"}}), encoding="utf-8")
    assert desk_language(data_dir) == "fr"


@pytest.mark.slow
def test_the_screenshots_command_renders_the_french_desk(qapp: QApplication, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from tests.cli_runner import run_cli

    out = tmp_path / "shots"
    assert run_cli(["screenshots", "--language", "fr", "--out", str(out)]) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == [
        "fr-home.png",
        "fr-screen-profile.png",
        "fr-wizard-1-member.png",
        "fr-wizard-2-recipient.png",
        "fr-wizard-3-consent.png",
        "fr-wizard-4-review.png",
    ]
    assert QImage(str(out / "fr-home.png")).size().toTuple() == (1280, 720)
    assert translate("Home", "Profile") == "Profile"  # English again once the command is done
