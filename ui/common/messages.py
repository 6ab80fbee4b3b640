"""Every message box the app shows goes through here, opened with open() so nothing blocks a test.

`shown` records (kind, title, text) of every message; tests set `record_only = True` (conftest does) so
no box opens, and `auto_answer` to answer questions at once.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

shown: list[tuple[str, str, str]] = []
record_only = False
auto_answer: Callable[[str, str], bool] | None = None

_DELETE = Qt.WidgetAttribute.WA_DeleteOnClose
_ICONS = {
    "info": QMessageBox.Icon.Information,
    "warning": QMessageBox.Icon.Warning,
    "error": QMessageBox.Icon.Critical,
}


def _show(kind: str, parent: QWidget | None, title: str, text: str) -> None:
    shown.append((kind, title, text))
    if record_only:
        return
    box = QMessageBox(_ICONS[kind], title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(_DELETE, True)
    box.open()


def info(parent: QWidget | None, title: str, text: str) -> None:
    _show("info", parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _show("warning", parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    _show("error", parent, title, text)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    on_yes: Callable[[], None],
    on_no: Callable[[], None] | None = None,
) -> None:
    """Ask yes/no without blocking: `on_yes`/`on_no` run when the person answers."""
    shown.append(("question", title, text))
    if auto_answer is not None or record_only:
        yes = auto_answer(title, text) if auto_answer is not None else False
        (on_yes if yes else (on_no or (lambda: None)))()
        return
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(_DELETE, True)

    def done(_result: int) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            on_yes()
        elif on_no is not None:
            on_no()

    box.finished.connect(done)
    box.open()
