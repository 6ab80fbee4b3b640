"""The "Verify a certificate" screen: file picker, drag and drop, and the result in words."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from app.desk import Desk
from tests.factories import issued_certificate
from ui.desk.verify_dialog import VerifyScreen
from ui.shell.context import UiContext
from ui.shell.screens import SCREENS


@pytest.fixture
def screen(qtbot, desk: Desk) -> VerifyScreen:  # type: ignore[no-untyped-def]
    widget = VerifyScreen(UiContext(desk))
    qtbot.addWidget(widget)
    widget.resize(900, 640)
    widget.show()
    return widget


@pytest.fixture
def certificate_file(desk: Desk, tmp_path: Path) -> Path:
    cert = issued_certificate(desk)
    assert cert.document is not None
    path = tmp_path / f"{cert.number}.pdf"
    path.write_bytes(cert.document.pdf)
    return path


def test_screen_is_registered() -> None:
    spec = SCREENS["verify"]
    assert spec.title == "Verify a certificate"
    assert spec.target == "ui.desk.verify_dialog:VerifyScreen"


def test_genuine_file_shows_genuine_and_valid(  # type: ignore[no-untyped-def]
    qtbot, screen: VerifyScreen, certificate_file: Path, tmp_path: Path
) -> None:
    with qtbot.waitSignal(screen.verified, timeout=20_000) as blocker:
        screen.verify_file(str(certificate_file))
    assert blocker.args[0].ok
    assert screen.verdict.text().startswith("Genuine and valid: certificate CPC-")
    assert "Hélène Côté-Gagnon" in screen.details.text()
    assert "the digital signature is intact" in screen.details.text()
    qtbot.wait(20)  # let the layout settle before looking at it
    assert screen.grab().save(str(tmp_path / "verify-ok.png"))


def _drop(widget: VerifyScreen, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(widget.drop_area.rect().center())
    enter = QDragEnterEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    widget.drop_area.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    widget.drop_area.dropEvent(drop)


def test_dropping_a_tampered_file_says_what_is_wrong(
    qtbot,
    screen: VerifyScreen,
    certificate_file: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(certificate_file.read_bytes() + b"\n%%EOF\n")
    with qtbot.waitSignal(screen.verified, timeout=20_000) as blocker:
        _drop(screen, tampered)
    assert not blocker.args[0].ok
    assert "is NOT valid" in screen.verdict.text()
    assert "does not match the issued certificate" in screen.details.text()
    qtbot.wait(20)
    assert screen.grab().save(str(tmp_path / "verify-bad.png"))


def test_a_dragged_non_pdf_is_not_accepted(screen: VerifyScreen, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text))])
    enter = QDragEnterEvent(
        QPointF(screen.drop_area.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    screen.drop_area.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_the_file_picker_checks_the_chosen_file(qtbot, screen: VerifyScreen, certificate_file: Path) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(screen.drop_area.choose_button, Qt.MouseButton.LeftButton)
    dialog = screen._file_dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    with qtbot.waitSignal(screen.verified, timeout=20_000) as blocker:
        dialog.fileSelected.emit(str(certificate_file))
        dialog.close()
    assert blocker.args[0].ok


def test_an_unreadable_file_is_explained(qtbot, screen: VerifyScreen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(screen.failed, timeout=5_000):
        screen.verify_file(str(tmp_path / "gone.pdf"))
    assert screen.verdict.text() == "This file could not be checked."
    assert "cannot be read" in screen.details.text()
