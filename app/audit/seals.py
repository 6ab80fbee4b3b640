"""What the trail says each audited row holds: a digest of its audited columns, sealed into the events.

Every write transaction notes the audited rows it inserts, updates or deletes (ORM flushes are noted by
themselves; Core statements through `changed()`); the next event appended (`trail.record`), or the commit,
carries their digests. `audit verify` then recomputes every row's digest and compares it with the newest
one the trail holds, so a change made in the database outside CPC Desk (no event, no seal) is found.
"""

import enum
import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.store.models import Base

# The columns whose values the trail vouches for, per table. Left out on purpose: derived columns (search
# names), bookkeeping that changes without a decision (sign-in counters, row versions, updated_at,
# printed_at: printing has its own events).
AUDITED_COLUMNS: dict[str, tuple[str, ...]] = {
    "member": (
        "cpso_number",
        "first_name",
        "middle_name",
        "last_name",
        "registration_class",
        "status",
        "initial_registration_date",
        "certificate_expiry_date",
        "specialties",
        "terms_conditions",
        "discipline",
        "pending_investigations",
        "practice_address",
        "email",
        "phone",
    ),
    "institution": (
        "type_id",
        "name",
        "attention",
        "street1",
        "street2",
        "street3",
        "street4",
        "city",
        "state",
        "country",
        "postal_code",
        "email",
        "verified",
    ),
    "staff_user": ("username", "display_name", "role", "password_hash", "active"),
    "certificate_request": (
        "member_id",
        "status",
        "idempotency_key",
        "consent_given",
        "consent_method",
        "consent_at",
        "consent_by",
        "consent_statement",
        "notes",
        "created_by",
        "created_at",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
        "review_reason",
        "issued_at",
        "batch_id",
    ),
    "request_recipient": (
        "request_id",
        "position",
        "institution_id",
        "institution_type",
        "name",
        "attention",
        "street1",
        "street2",
        "street3",
        "street4",
        "city",
        "state",
        "country",
        "postal_code",
        "email",
    ),
    "certificate": (
        "number",
        "recipient_id",
        "issue_seq",
        "issued_at",
        "issued_by",
        "issue_date",
        "valid_until",
        "verification_code",
        "pdf_sha256",
        "revoked",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
        "replaces_id",
    ),
    "register_setting": ("key", "value_json"),
}
# How a row is named in a report: the column people know it by.
ROW_LABEL = {
    "member": "cpso_number",
    "institution": "name",
    "staff_user": "username",
    "certificate_request": "id",
    "request_recipient": "email",
    "certificate": "number",
    "register_setting": "key",
}
DELETED = "-"
TOUCHED_KEY = "cpc_audit_touched"
_ROW_DIGEST_CHARS = 32  # 128 bits: a forged row would need a second preimage of SHA-256's first half
_COLUMN_CHARS = 4  # per column, only to say *which* column changed; the row digest is what binds


def table(name: str) -> Table:
    found = Base.metadata.tables[name]
    return found


def _primary_key(name: str) -> Any:
    return table(name).primary_key.columns.values()[0]


def _text(value: Any) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def row_seal(name: str, pk: Any, values: Iterable[Any]) -> str:
    """The seal of one row: a digest of its table, key and audited values, and a short digest per column."""
    texts = [_text(v) for v in values]
    whole = hashlib.sha256("\x1e".join([name, _text(pk), *texts]).encode("utf-8")).hexdigest()
    per_column = "".join(hashlib.sha256(t.encode("utf-8")).hexdigest()[:_COLUMN_CHARS] for t in texts)
    return f"{whole[:_ROW_DIGEST_CHARS]}:{per_column}"


def changed_columns(name: str, sealed: str, current: str) -> list[str]:
    """The audited columns whose short digests differ between two seals of a row of `name`."""
    columns = AUDITED_COLUMNS[name]
    old = sealed.partition(":")[2]
    new = current.partition(":")[2]
    out = []
    for i, column in enumerate(columns):
        a, b = (
            old[i * _COLUMN_CHARS : (i + 1) * _COLUMN_CHARS],
            new[i * _COLUMN_CHARS : (i + 1) * _COLUMN_CHARS],
        )
        if a != b:
            out.append(column)
    return out


# --- noting what a transaction changed -------------------------------------------------------------


def changed(session: Session, name: str, keys: Iterable[Any]) -> None:
    """Note rows of an audited table written by a Core statement (ORM flushes are noted by themselves)."""
    if name in AUDITED_COLUMNS:
        session.info.setdefault(TOUCHED_KEY, {}).setdefault(name, set()).update(keys)


def note_flush(session: Session) -> None:
    """After an ORM flush: note the audited rows it inserted, updated or deleted."""
    for obj in (*session.new, *session.dirty, *session.deleted):
        name = getattr(getattr(obj, "__table__", None), "name", None)
        if name in AUDITED_COLUMNS:
            pk = getattr(obj, _primary_key(name).key, None)
            if pk is not None:
                session.info.setdefault(TOUCHED_KEY, {}).setdefault(name, set()).add(pk)


def has_pending(session: Session) -> bool:
    return bool(session.info.get(TOUCHED_KEY))


def take_seals(session: Session) -> dict[str, dict[str, str]]:
    """The seals of every row noted since the last call ({table: {key: seal or DELETED}}), and forget them."""
    touched: dict[str, set[Any]] = session.info.pop(TOUCHED_KEY, {})
    out: dict[str, dict[str, str]] = {}
    for name, keys in sorted(touched.items()):
        if not keys:
            continue
        found = dict(_current_seals(session, name, sorted(keys, key=str)))
        out[name] = {str(k): found.get(str(k), DELETED) for k in sorted(keys, key=str)}
    return out


def _current_seals(session: Session, name: str, keys: list[Any] | None) -> Iterator[tuple[str, str]]:
    tbl = table(name)
    pk = _primary_key(name)
    columns = [tbl.c[c] for c in AUDITED_COLUMNS[name]]
    chunks: list[list[Any] | None] = (
        [None] if keys is None else [keys[i : i + 500] for i in range(0, len(keys), 500)]
    )
    for chunk in chunks:
        query = select(pk, *columns)
        if chunk is not None:
            query = query.where(pk.in_(chunk))
        else:
            query = query.order_by(pk).execution_options(yield_per=2000)
        for row in session.execute(query):
            yield str(row[0]), row_seal(name, row[0], row[1:])


def current_rows(session: Session, name: str) -> Iterator[tuple[str, str]]:
    """(key, seal) of every row of an audited table, in key order."""
    return _current_seals(session, name, None)


def row_label(session: Session, name: str, key: str) -> str:
    """How a report names a row: "member 100001", "certificate CPC-2026-000001", "setting issuer.name"."""
    noun = {
        "certificate_request": "request",
        "request_recipient": "recipient",
        "staff_user": "staff account",
        "register_setting": "setting",
    }.get(name, name)
    label_column = ROW_LABEL[name]
    if name == "certificate_request":
        return f"request R-{int(key):07d}" if key.isdigit() else f"request {key}"
    tbl = table(name)
    pk = _primary_key(name)
    value = session.execute(select(tbl.c[label_column]).where(pk == key_value(name, key))).scalar()
    if value is None or label_column == pk.key:
        return f"{noun} {key}"
    return f"{noun} {value} (id {key})"


def key_value(name: str, key: str) -> Any:
    return int(key) if _primary_key(name).type.python_type is int else key


def encode(seals: dict[str, dict[str, str]]) -> str:
    return json.dumps(seals, sort_keys=True, separators=(",", ":")) if seals else ""


def decode(state_json: str) -> dict[str, dict[str, str]]:
    if not state_json:
        return {}
    value = json.loads(state_json)
    return value if isinstance(value, dict) else {}
