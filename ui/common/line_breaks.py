"""One rule for a line break pasted into a one-line field (a name or an address copied from a letter): it
cannot be part of the line, so it becomes a space, and the field says so (issue 18: what was pasted is
neither shown as a space while refused as a line break, nor silently changed)."""

from PySide6.QtWidgets import QLineEdit

from app.i18n import translate

LINE_BREAKS = "\r\n\u2028\u2029\x0b\x0c\x85"


def replace_line_breaks(edit: QLineEdit) -> bool:
    """Replace each line break in the field by a space, keeping the cursor where it was; True when any was."""
    text = edit.text()
    if not any(ch in text for ch in LINE_BREAKS):
        return False
    at = edit.cursorPosition()
    cleaned = "".join(" " if ch in LINE_BREAKS else ch for ch in text.replace("\r\n", "\n"))
    edit.setText(cleaned)
    edit.setCursorPosition(min(at, len(cleaned)))
    return True


def line_break_notice(field_label: str) -> str:
    """What the field says after replace_line_breaks changed it."""
    return translate(
        "LineBreaks", "{0}: the line break in the pasted text was replaced by a space; check it reads well."
    ).format(field_label)
