"""Checking an uploaded certificate file for the verification page: is it exactly the certificate the
College issued (by its SHA-256 among the issued ones), is its signature the College's, and its standing.

Unlike `verify` (app.document.verification) it tells nothing about a file that is not exactly an issued
one, beyond echoing the number the file claims: an altered or forged file must not become a way to look up
a number without its code. Reads only; loads no key.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.document.standing import Standing, standing_in
from app.i18n import translate
from app.store.models import Certificate

if TYPE_CHECKING:
    from app.desk import Desk

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
_CLAIMED_NUMBER = re.compile(rb"(?:CPC|REG|CARD|DIP)-\d{4}-\d{6}")


@dataclass(frozen=True)
class FileVerdict:
    is_pdf: bool
    issued: bool  # byte for byte the file issued under `standing.number`
    signed_by_college: bool
    claimed_number: str  # the first certificate number the file's bytes name ("" if none)
    standing: Standing | None  # only when `issued`

    @property
    def sentence(self) -> str:
        if not self.is_pdf:
            return translate("Document", "This file is not a PDF.")
        if not self.issued or self.standing is None:
            sentence = translate(
                "Document",
                "This file is NOT a certificate as the College issued it: it was "
                "changed after issue or was never issued by the College.",
            )
            if self.claimed_number:
                sentence += " " + translate("Document", "It names {0}.").format(self.claimed_number)
            return sentence
        if not self.signed_by_college:
            return translate(
                "Document",
                "This file matches the record of {0}, but its signature does not check as the College's.",
            ).format(self.standing.number)
        return translate(
            "Document", "This file is exactly certificate {0} as the College issued and signed it. {1}"
        ).format(self.standing.number, self.standing.sentence)


def _signature_is_colleges(desk: "Desk", data: bytes) -> bool:
    """`verify`'s own signature check: intact, the whole file, and trusted by the register at its
    signing time."""
    from app.document.verification import _signature_findings

    return _signature_findings(desk, data, datetime.now(UTC)).holds


def check_file(desk: "Desk", data: bytes, today: date | None = None) -> FileVerdict:
    """The verdict on an uploaded file (at most MAX_UPLOAD_BYTES; the caller refuses more)."""
    if not data.lstrip()[:5] == b"%PDF-":
        return FileVerdict(False, False, False, "", None)
    claimed = _CLAIMED_NUMBER.search(data)
    claimed_number = claimed.group(0).decode("ascii") if claimed else ""
    digest = hashlib.sha256(data).hexdigest()
    with desk.db.read() as session:
        number = session.scalar(select(Certificate.number).where(Certificate.pdf_sha256 == digest))
        standing = standing_in(session, number, today or date.today()) if number else None
    if standing is None:
        return FileVerdict(True, False, False, claimed_number, None)
    signed = _signature_is_colleges(desk, data)
    return FileVerdict(True, True, signed, claimed_number, standing)
