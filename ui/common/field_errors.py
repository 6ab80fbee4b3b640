"""The red line under a form field that says what is wrong with it, and which fields an exception names.

Services raise ValidationError(field, message) or ValidationErrors([...]); a form keeps one error label per
field, keyed by the field name the service uses, and shows each problem next to its field.
"""

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QWidget

from app.errors import ValidationError, ValidationErrors

ERROR_STYLE = "color: #b00020;"


def error_label() -> QLabel:
    """A hidden label for one field's problem, styled and tagged as a field error."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setProperty("role", "fieldError")
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def field_errors(exc: BaseException) -> list[ValidationError]:
    """The field problems `exc` carries; empty when it is not a validation error."""
    if isinstance(exc, ValidationErrors):
        return list(exc.errors)
    if isinstance(exc, ValidationError):
        return [exc]
    return []


def mark_fields(
    errors: list[ValidationError],
    labels: Mapping[str, QLabel],
    widgets: Mapping[str, QWidget] | None = None,
) -> list[ValidationError]:
    """Show each error under the label of its field and focus the first field marked; returns the errors
    that name no field of this form, for the form to show in its general problem line."""
    unplaced: list[ValidationError] = []
    first: QWidget | None = None
    for error in errors:
        label = labels.get(error.field)
        if label is None:
            unplaced.append(error)
            continue
        show_error(label, str(error))
        if first is None and widgets is not None:
            first = widgets.get(error.field)
    if first is not None:
        first.setFocus()
    return unplaced
