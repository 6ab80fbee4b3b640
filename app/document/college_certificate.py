"""The College's signing certificates as a reader checks them: the one door the verification service
(and anything else that shows a fingerprint) goes through to the trusted list, and the fingerprint's form.

Where the trusted list lives (today the data folder, app.document.trust) is known only to
`college_signing_certificates`, so moving it changes that one line.
"""

import hashlib
from typing import TYPE_CHECKING

from app.document.trust import known_signing_certificates

if TYPE_CHECKING:
    from app.desk import Desk


def college_signing_certificates(desk: "Desk") -> list[bytes]:
    """DER of every signing certificate of the College, oldest first; never loads a key or writes."""
    return known_signing_certificates(desk)


def fingerprint(der: bytes) -> str:
    """SHA-256 of a certificate as PDF readers show it: upper-case hex pairs joined by colons."""
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def college_fingerprint(desk: "Desk") -> str:
    """The fingerprint of the College's current (newest) signing certificate; "" when it has none yet."""
    certificates = college_signing_certificates(desk)
    return fingerprint(certificates[-1]) if certificates else ""
