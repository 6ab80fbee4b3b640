"""Checks for values people type: single-line text, email addresses. Every failure names the field."""

import unicodedata

from email_validator import EmailNotValidError
from email_validator import validate_email as _validate_email

from app.errors import ValidationError

MAX_FIELD_LENGTH = 200


def clean_text(
    field: str, value: str | None, *, required: bool = False, max_length: int = MAX_FIELD_LENGTH
) -> str:
    """One line of text: trimmed, whitespace-only counts as empty, no line breaks or control characters."""
    text = "" if value is None else str(value)
    if "\r" in text or "\n" in text or "\u2028" in text or "\u2029" in text:
        raise ValidationError(field, "must be on one line (a line break was found)")
    for ch in text:
        if unicodedata.category(ch) == "Cc" and ch != "\t":
            raise ValidationError(field, f"contains a control character (U+{ord(ch):04X})")
    text = " ".join(text.replace("\t", " ").split())
    if required and not text:
        raise ValidationError(field, "is required")
    if len(text) > max_length:
        raise ValidationError(field, f"is {len(text)} characters long; at most {max_length} are allowed")
    return text


def validate_email(field: str, value: str | None, *, required: bool = True) -> str:
    """One bare address (no display name, no list), normalised; raises ValidationError naming the field."""
    text = clean_text(field, value, required=required)
    if not text:
        return ""
    if any(c in text for c in "<>,;") or " " in text:
        raise ValidationError(field, "must be one email address, without a name or a second address")
    try:
        result = _validate_email(text, check_deliverability=False, allow_display_name=False)
    except EmailNotValidError as exc:
        raise ValidationError(field, f"is not a valid email address ({exc})") from None
    return str(result.normalized)
