"""What the trail says each audited row holds: a seal (digest) of its audited columns.

Every write transaction seals the audited rows it inserts, updates or deletes (ORM flushes are noted by
themselves; Core statements call `changed()`) into a set of rows of audit_seal; the next event appended
(`trail.record`), or the commit, closes the set and carries its id, size and digest inside its hash.
`audit verify` recomputes every row's seal and compares it with the newest one the trail vouches for, so
a change made in the database outside CPC Desk (no event, no seal) is found.
"""

import enum
import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, event, insert, inspect, select
from sqlalchemy.orm import Session, object_session

from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.store.models import AuditSeal, Base

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
        "status_since",
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
        "language",
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
        "language",
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
    "request_recipient": "name",
    "certificate": "number",
    "register_setting": "key",
}
# How a report names a row of each audited table ("member 100001"); the table's name when not here.
_ROW_NOUNS = {
    "member": QT_TRANSLATE_NOOP("Audit", "member"),
    "institution": QT_TRANSLATE_NOOP("Audit", "institution"),
    "certificate": QT_TRANSLATE_NOOP("Audit", "certificate"),
    "request_recipient": QT_TRANSLATE_NOOP("Audit", "recipient"),
    "staff_user": QT_TRANSLATE_NOOP("Audit", "staff account"),
    "register_setting": QT_TRANSLATE_NOOP("Audit", "setting"),
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


# --- sealing what a transaction changed ------------------------------------------------------------

SEAL_SET_KEY = "cpc_audit_seal_set"
_SEALS: Table = cast(Table, AuditSeal.__table__)
_INSERT_SEALS = insert(_SEALS)
_CHUNK = 500


def changed(session: Session, name: str, keys: Iterable[Any]) -> None:
    """Note rows of an audited table written by a Core statement (the ORM's are noted by `_note_row`).
    They are sealed with the next event, or as soon as a few chunks are waiting, so an import of 200,000
    members never holds their keys or seals in memory."""
    if name not in AUDITED_COLUMNS:
        return
    waiting: set[Any] = session.info.setdefault(TOUCHED_KEY, {}).setdefault(name, set())
    waiting.update(keys)
    if len(waiting) >= 4 * _CHUNK:
        session.info[TOUCHED_KEY][name] = set()
        seal_now(session, {name: waiting})


def _note_row(_mapper: Any, _connection: Any, target: Any) -> None:
    """A mapper event for each row the ORM inserts or deletes in an audited table: noted in its session,
    sealed by the next event or the commit, when its values are final. (Per row, not per flush: a
    batch's long session holds thousands of objects, and walking them at every flush would cost the
    batch more than it issues.)"""
    session = object_session(target)
    if session is None:
        return
    name = target.__table__.name
    pk = getattr(target, _primary_key(name).key, None)
    if pk is not None:
        session.info.setdefault(TOUCHED_KEY, {}).setdefault(name, set()).add(pk)


def _note_update(mapper: Any, connection: Any, target: Any) -> None:
    """As `_note_row`, for an update that changed an audited value (the ORM also "updates" rows whose
    attributes were merely assigned the values they had)."""
    attrs = inspect(target).attrs
    if any(attrs[c].history.has_changes() for c in AUDITED_COLUMNS[target.__table__.name] if c in attrs):
        _note_row(mapper, connection, target)


for _mapper in Base.registry.mappers:
    if getattr(_mapper.local_table, "name", "") in AUDITED_COLUMNS:
        event.listen(_mapper.class_, "after_insert", _note_row)
        event.listen(_mapper.class_, "after_update", _note_update)
        event.listen(_mapper.class_, "after_delete", _note_row)


def has_pending(session: Session) -> bool:
    return bool(session.info.get(TOUCHED_KEY)) or bool(session.info.get(SEAL_SET_KEY))


def seal_now(session: Session, touched: dict[str, set[Any]]) -> None:
    """Write the seals of these rows (DELETED for a row that is gone) into this transaction's open set:
    one SELECT per table and one INSERT per chunk (this runs for every certificate of a batch)."""
    state = session.info.get(SEAL_SET_KEY)
    conn = session.connection()
    for name, keys in sorted(touched.items()):
        if not keys:
            continue
        if state is None:
            state = session.info[SEAL_SET_KEY] = {
                "id": uuid.uuid4().hex,
                "sha256": hashlib.sha256(),
                "rows": 0,
            }
        ordered = sorted(keys, key=str)
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start : start + _CHUNK]
            rows_read = (
                conn.execute(_by_key(name), {"key": chunk[0]})  # the common case: one row per event
                if len(chunk) == 1
                else conn.execute(_by_keys(name), {"keys": chunk})
            )
            found = {str(row[0]): row_seal(name, row[0], row[1:]) for row in rows_read}
            rows = []
            for key in chunk:
                seal = found.get(str(key), DELETED)
                rows.append({"set_id": state["id"], "table_name": name, "row_key": str(key), "seal": seal})
                state["sha256"].update(seal_line(name, str(key), seal))
            conn.execute(_INSERT_SEALS, rows)
            state["rows"] += len(rows)


_SELECTS: dict[str, Any] = {}
_SELECT_ONE: dict[str, Any] = {}


def _by_key(name: str) -> Any:
    """SELECT key and audited columns WHERE key = :key, built once per table (an IN list with one value
    is rebuilt at every execution; this statement is compiled once)."""
    query = _SELECT_ONE.get(name)
    if query is None:
        tbl = table(name)
        pk = _primary_key(name)
        query = select(pk, *[tbl.c[c] for c in AUDITED_COLUMNS[name]]).where(pk == bindparam("key"))
        _SELECT_ONE[name] = query
    return query


def _by_keys(name: str) -> Any:
    """SELECT key and audited columns WHERE key IN :keys, built once per table."""
    query = _SELECTS.get(name)
    if query is None:
        tbl = table(name)
        pk = _primary_key(name)
        query = select(pk, *[tbl.c[c] for c in AUDITED_COLUMNS[name]]).where(
            pk.in_(bindparam("keys", expanding=True))
        )
        _SELECTS[name] = query
    return query


def seal_line(name: str, key: str, seal: str) -> bytes:
    return f"{name}\x1f{key}\x1f{seal}\n".encode()


def take_seals(session: Session) -> str:
    """Seal the rows written since the last event and close this transaction's set of seals; returns
    what the event says of it ({"set", "rows", "sha256"} as JSON), or "" when no row was written."""
    touched: dict[str, set[Any]] = session.info.pop(TOUCHED_KEY, {})
    if touched:
        seal_now(session, touched)
    state = session.info.pop(SEAL_SET_KEY, None)
    if state is None:
        return ""
    summary = {"set": state["id"], "rows": state["rows"], "sha256": state["sha256"].hexdigest()}
    return json.dumps(summary, sort_keys=True, separators=(",", ":"))


def forget(session: Session) -> None:
    session.info.pop(TOUCHED_KEY, None)
    session.info.pop(SEAL_SET_KEY, None)


def seal_sets(session: Session) -> dict[str, list[tuple[str, str, str]]]:
    """Every set of seals: {set id: [(table, key, seal), ...] in the order they were written}."""
    sets: dict[str, list[tuple[str, str, str]]] = {}
    query = (
        select(_SEALS.c.set_id, _SEALS.c.table_name, _SEALS.c.row_key, _SEALS.c.seal)
        .order_by(_SEALS.c.id)
        .execution_options(yield_per=5000)
    )
    for set_id, name, key, seal in session.execute(query):
        sets.setdefault(set_id, []).append((name, key, seal))
    return sets


def set_digest(lines: list[tuple[str, str, str]]) -> str:
    digest = hashlib.sha256()
    for name, key, seal in lines:
        digest.update(seal_line(name, key, seal))
    return digest.hexdigest()


def _current_seals(session: Session, name: str) -> Iterator[tuple[str, str]]:
    tbl = table(name)
    pk = _primary_key(name)
    query = select(pk, *[tbl.c[c] for c in AUDITED_COLUMNS[name]]).order_by(pk)
    for row in session.execute(query.execution_options(yield_per=2000)):
        yield str(row[0]), row_seal(name, row[0], row[1:])


def current_rows(session: Session, name: str) -> Iterator[tuple[str, str]]:
    """(key, seal) of every row of an audited table, in key order."""
    return _current_seals(session, name)


def row_label(session: Session, name: str, key: str) -> str:
    """How a report names a row: "member 100001", "certificate CPC-2026-000001", "setting issuer.name"."""
    noun = translate_marked("Audit", _ROW_NOUNS[name]) if name in _ROW_NOUNS else name
    label_column = ROW_LABEL[name]
    if name == "certificate_request":
        return translate("Audit", "request {0}").format(f"R-{int(key):07d}" if key.isdigit() else key)
    tbl = table(name)
    pk = _primary_key(name)
    value = session.execute(select(tbl.c[label_column]).where(pk == key_value(name, key))).scalar()
    if value is None or label_column == pk.key:
        return translate("Audit", "{0} {1}").format(noun, key)
    return translate("Audit", "{0} {1} (id {2})").format(noun, value, key)


def key_value(name: str, key: str) -> Any:
    return int(key) if _primary_key(name).type.python_type is int else key


def decode(state_json: str) -> dict[str, Any]:
    """What an event says of its set of seals ({} for none, or for a value that is not ours)."""
    if not state_json:
        return {}
    try:
        value = json.loads(state_json)
    except ValueError:
        return {"set": "", "rows": -1, "sha256": ""}
    return value if isinstance(value, dict) else {"set": "", "rows": -1, "sha256": ""}
