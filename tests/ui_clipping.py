"""Finds text a screen cuts off: a one-line label narrower than its text, a button or check box narrower
than it asks to be, a word-wrapped label shorter than its lines, a window that cannot shrink to 1366x768.
Used by the French screens' test (tests/test_translations_screens.py); read-only, changes nothing."""

from PySide6.QtGui import Qt  # QtGui's Qt namespace: QtCore's lacks mightBeRichText
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QTabBar, QWidget

LAPTOP = (1366, 768)


def _plain(text: str) -> str:
    # A mnemonic's "&" is not drawn; "&&" is one "&".
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _where(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    return f"{name} in {parent.objectName()}" if parent is not None else name


def clipped_texts(root: QWidget) -> list[str]:
    """One line per piece of visible text that `root` (shown, laid out) does not give room to."""
    problems: list[str] = []
    hint = root.minimumSizeHint()
    if root.isWindow() and (hint.width() > LAPTOP[0] or hint.height() > LAPTOP[1]):
        problems.append(f"{_where(root)} needs at least {hint.width()}x{hint.height()}, more than 1366x768")
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or widget.textFormat() == Qt.TextFormat.RichText or Qt.mightBeRichText(text):
                continue
            room = widget.contentsRect()
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    problems.append(
                        f"{_where(widget)}: {text[:60]!r} wraps to {needed}px in {widget.height()}px"
                    )
            else:
                metrics = widget.fontMetrics()
                lines = _plain(text).split("\n")
                needed = max(metrics.horizontalAdvance(line) for line in lines) + 2 * widget.margin()
                if needed > room.width() + 1:
                    problems.append(f"{_where(widget)}: {text[:60]!r} needs {needed}px, has {room.width()}px")
        elif isinstance(widget, QAbstractButton) and widget.text():
            wanted = widget.minimumSizeHint().width() if widget.minimumSizeHint().isValid() else 0
            wanted = max(wanted, widget.sizeHint().width())
            if widget.width() + 1 < wanted:
                problems.append(
                    f"{_where(widget)}: {widget.text()!r} needs {wanted}px, has {widget.width()}px"
                )
        elif isinstance(widget, QGroupBox) and widget.title():
            needed = widget.fontMetrics().horizontalAdvance(_plain(widget.title())) + 16
            if widget.width() < needed:
                problems.append(f"{_where(widget)}: group {widget.title()!r} needs {needed}px")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.tabRect(i).width() + 1 < widget.tabSizeHint(i).width():
                    problems.append(f"{_where(widget)}: tab {widget.tabText(i)!r} is cut")
        elif isinstance(widget, QComboBox) and widget.currentText():
            needed = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 30
            if widget.width() < needed and not widget.isEditable():
                problems.append(f"{_where(widget)}: choice {widget.currentText()!r} needs {needed}px")
    return problems
