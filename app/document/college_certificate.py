"""The College's signing certificate as a reader checks it: the fingerprint the verification page shows,
in the form PDF readers show it. The trusted certificates themselves live in the register
(app.document.trust); this never loads a key or writes."""

from typing import TYPE_CHECKING

from app.document.trust import current_signing_fingerprint, spaced_fingerprint

if TYPE_CHECKING:
    from app.desk import Desk


def college_fingerprint(desk: "Desk") -> str:
    """SHA-256 of the College's current signing certificate as upper-case hex pairs joined by colons;
    "" when the register holds none yet."""
    current = current_signing_fingerprint(desk)
    return spaced_fingerprint(current) if current else ""
