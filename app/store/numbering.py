"""Certificate numbers: CPC-YYYY-NNNNNN, unique and gap-free per year; the Copies of Documents have their
own series the same way (REG-, CARD-, DIP-YYYY-NNNNNN, in document_sequence).

The number is taken inside the issuing transaction by incrementing the year's row (a row lock on
PostgreSQL; the database write lock on SQLite, whose write transactions begin IMMEDIATE). A transaction
that rolls back gives its number back, so numbers never skip and are never used twice.
"""

import re
import secrets
from typing import cast

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.store.models import CertificateSequence, DocumentSequence

NUMBER_RE = re.compile(r"^CPC-(\d{4})-(\d{6})$")
# The number series of the Copies of Documents, by the kind of document.
DOCUMENT_SERIES: dict[str, str] = {"registration": "REG", "card": "CARD", "diploma": "DIP"}
# Any number this desk issues: a CPC or a copy of a document (series, year, sequence).
ANY_NUMBER_RE = re.compile(r"^(CPC|REG|CARD|DIP)-(\d{4})-(\d{6})$")
# Crockford-style alphabet: no 0/O, 1/I/L confusion when read over the phone.
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def format_number(year: int, value: int) -> str:
    if not 0 < value <= 999_999:
        raise ValueError(f"certificate sequence {value} out of range for {year}")
    return f"CPC-{year:04d}-{value:06d}"


_SEQUENCES: Table = cast(Table, CertificateSequence.__table__)
# Built once (the batch takes a number per certificate): add one to the year's row and read it back.
_BUMP = (
    update(_SEQUENCES)
    .where(_SEQUENCES.c.year == bindparam("of_year"))
    .values(last_value=_SEQUENCES.c.last_value + 1)
    .returning(_SEQUENCES.c.last_value)
)


def allocate_certificate_number(session: Session, year: int) -> str:
    """Take the next number for `year` in the caller's transaction."""
    value = session.execute(_BUMP, {"of_year": year}).scalar_one_or_none()
    if value is None:  # the year's first number: make its row (once, even with two desks at it)
        dialect = session.get_bind().dialect.name
        if dialect in ("postgresql", "sqlite"):
            upsert = postgresql.insert if dialect == "postgresql" else sqlite.insert
            session.execute(upsert(_SEQUENCES).values(year=year, last_value=0).on_conflict_do_nothing())
        else:
            session.execute(insert(_SEQUENCES).values(year=year, last_value=0))
        value = session.execute(_BUMP, {"of_year": year}).scalar_one()
    return format_number(year, int(value))


_DOC_SEQUENCES: Table = cast(Table, DocumentSequence.__table__)
_DOC_BUMP = (
    update(_DOC_SEQUENCES)
    .where(_DOC_SEQUENCES.c.series == bindparam("of_series"), _DOC_SEQUENCES.c.year == bindparam("of_year"))
    .values(last_value=_DOC_SEQUENCES.c.last_value + 1)
    .returning(_DOC_SEQUENCES.c.last_value)
)


def document_kind(number: str) -> str:
    """ "cpc" for a CPC number, else the kind of document its series names ("registration", "card", ...)."""
    series = number.partition("-")[0].upper()
    for kind, prefix in DOCUMENT_SERIES.items():
        if prefix == series:
            return kind
    return "cpc"


def allocate_document_number(session: Session, kind: str, year: int) -> str:
    """Take the next number of a document series for `year` in the caller's transaction (gap-free,
    like a CPC number: a rollback gives it back)."""
    series = DOCUMENT_SERIES[kind]
    params = {"of_series": series, "of_year": year}
    value = session.execute(_DOC_BUMP, params).scalar_one_or_none()
    if value is None:
        dialect = session.get_bind().dialect.name
        row = {"series": series, "year": year, "last_value": 0}
        if dialect in ("postgresql", "sqlite"):
            upsert = postgresql.insert if dialect == "postgresql" else sqlite.insert
            session.execute(upsert(_DOC_SEQUENCES).values(**row).on_conflict_do_nothing())
        else:
            session.execute(insert(_DOC_SEQUENCES).values(**row))
        value = session.execute(_DOC_BUMP, params).scalar_one()
    if not 0 < int(value) <= 999_999:
        raise ValueError(f"{series} sequence {value} out of range for {year}")
    return f"{series}-{year:04d}-{int(value):06d}"


def new_verification_code() -> str:
    """12 random characters from a 31-letter alphabet (about 59 bits), shown as XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(text: str) -> str:
    """Accept a code as typed over the phone: any case, spaces or dashes anywhere."""
    raw = re.sub(r"[\s\-]", "", text.upper())
    if len(raw) != 12:
        return text.strip().upper()
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
