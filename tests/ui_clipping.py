"""Finds text a screen cuts off: a one-line label narrower than its text, a button or check box narrower
than it asks to be, a word-wrapped label shorter than its lines, a widget with text that overflows the
window, text a widget paints itself and has no room for, a window that cannot shrink to 1366x768.
Used by the French screens' test (tests/test_translations_screens.py); read-only, changes nothing.

What is not a problem, so that the check raises no false alarm:
- a widget that is hidden, or on a page of a stack or tab that is not shown (not visible to `root`);
- text inside a scroll area that runs past its viewport: it is scrolled into view, not cut (the label
  itself must still be as wide and tall as its text);
- text cut by design, with the whole of it at hand: a widget whose dynamic property "clipsByDesign" is
  true (the status bar's database path, whose tooltip holds it whole), and the cells and headers of item
  views, which elide with "…" and show the whole in a tooltip or a wider column;
- rich text labels (their layout is the document's, not one line of plain text).
A widget that paints its own text (the home tiles) says what it cuts off through a `clipped_text()`
method, which the check calls."""

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import Qt  # QtGui's Qt carries mightBeRichText
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)

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


def _by_design(widget: QWidget, root: QWidget) -> bool:
    """Cut on purpose (property clipsByDesign), or part of an item view (cells elide with "…")."""
    w: QWidget | None = widget
    while w is not None:
        if w.property("clipsByDesign") or (w is not widget and isinstance(w, QAbstractItemView)):
            return True
        if w is root:
            break
        w = w.parentWidget()
    return False


def _overflow(widget: QWidget, root: QWidget) -> str:
    """How `widget` runs past the area it is shown in: the window, or the next scroll area's content,
    which scrolls (so only the content widget's own bounds count there)."""
    area: QWidget = root
    w: QWidget | None = widget
    while w is not None and w is not root:
        parent = w.parentWidget()
        scroll = parent.parentWidget() if parent is not None else None
        if isinstance(scroll, QAbstractScrollArea) and parent is scroll.viewport():
            area = w  # a scroll area's content: scrolling brings any part of it into view
            break
        w = parent
    if area is widget:
        return ""
    top_left = widget.mapTo(area, QPoint(0, 0))
    shown = QRect(top_left, widget.size())
    bounds = area.rect()
    if shown.right() > bounds.right() + 1 or shown.bottom() > bounds.bottom() + 1:
        return f"runs past its {'window' if area is root else 'scroll content'} ({shown} in {bounds})"
    return ""


def clipped_texts(root: QWidget) -> list[str]:
    """One line per piece of visible text that `root` (shown, laid out) does not give room to."""
    problems: list[str] = []
    hint = root.minimumSizeHint()
    if root.isWindow() and (hint.width() > LAPTOP[0] or hint.height() > LAPTOP[1]):
        problems.append(f"{_where(root)} needs at least {hint.width()}x{hint.height()}, more than 1366x768")
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 0 or _by_design(widget, root):
            continue
        if widget.window() is not root.window():
            continue  # a dialog of its own: checked as its own root
        own = getattr(widget, "clipped_text", None)
        if callable(own):
            problems += own()
            continue
        has_text = False
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or widget.textFormat() == Qt.TextFormat.RichText or Qt.mightBeRichText(text):
                continue
            has_text = True
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
            has_text = True
            wanted = widget.minimumSizeHint().width() if widget.minimumSizeHint().isValid() else 0
            wanted = max(wanted, widget.sizeHint().width())
            if widget.width() + 1 < wanted:
                problems.append(
                    f"{_where(widget)}: {widget.text()!r} needs {wanted}px, has {widget.width()}px"
                )
        elif isinstance(widget, QGroupBox) and widget.title():
            has_text = True
            needed = widget.fontMetrics().horizontalAdvance(_plain(widget.title())) + 16
            if widget.width() < needed:
                problems.append(f"{_where(widget)}: group {widget.title()!r} needs {needed}px")
        elif isinstance(widget, QTabBar):
            has_text = widget.count() > 0
            for i in range(widget.count()):
                if widget.tabRect(i).width() + 1 < widget.tabSizeHint(i).width():
                    problems.append(f"{_where(widget)}: tab {widget.tabText(i)!r} is cut")
        elif isinstance(widget, QComboBox) and widget.currentText():
            has_text = True
            needed = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 30
            if widget.width() < needed and not widget.isEditable():
                problems.append(f"{_where(widget)}: choice {widget.currentText()!r} needs {needed}px")
        if has_text and widget is not root:
            overflow = _overflow(widget, root)
            if overflow:
                problems.append(f"{_where(widget)}: {overflow}")
    return problems
