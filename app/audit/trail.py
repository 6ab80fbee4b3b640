"""The tamper-evident audit trail: every change of state is appended with a hash chained to the last one.

`record()` appends in the caller's transaction, with the seals of the audited rows the transaction wrote
(app.audit.seals); every write transaction that appended events ends with a checkpoint of the chain's head
signed with the College's key (app.audit.anchor). `verify_chain()` walks the chain, checks the checkpoints
and reconciles the register's rows with their seals; `search_events()` and `export_csv()` serve the Audit
screen (registrar and admin only).
"""

import csv
import hashlib
import importlib
import json
import logging
import weakref
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Select, Table, event, insert, select, update
from sqlalchemy.orm import Session

from app.access.permissions import Actor, Permission
from app.audit import anchor, seals
from app.desk import Desk
from app.errors import ValidationError
from app.i18n import translate
from app.store.models import AuditCheckpoint, AuditEvent, AuditHead, Member, utcnow

log = logging.getLogger(__name__)

GENESIS = "0" * 64
# Column widths of audit_event; values are clipped *before* hashing so the stored row hashes the same.
_ACTOR_MAX = 64
_KIND_MAX = 64
_SUBJECT_MAX = 200


def _canonical(value: Any) -> str:
    if value is None or value == "":
        return ""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))


def event_hash(
    prev_hash: str,
    at: datetime,
    actor: str,
    kind: str,
    member_id: int | None,
    subject: str,
    before_json: str,
    after_json: str,
    state_json: str = "",
) -> str:
    parts = [
        prev_hash,
        at.isoformat(),
        actor,
        kind,
        "" if member_id is None else str(member_id),
        subject,
        before_json,
        after_json,
    ]
    if state_json:  # events written before rows were sealed keep their hashes
        parts.append(state_json)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


_EVENTS: Table = cast(Table, AuditEvent.__table__)
_HEAD: Table = cast(Table, AuditHead.__table__)
_CHECKPOINTS: Table = cast(Table, AuditCheckpoint.__table__)
# session.info keys: the events this transaction appended, and who appended the last one.
_EVENTS_KEY = "cpc_audit_events"
_ACTOR_KEY = "cpc_audit_actor"
_HEAD_KEY = "cpc_audit_head"
_FIRST_KEY = "cpc_audit_first"  # (id, prev_hash) of the first event this transaction appended
_FORCE_KEY = "cpc_audit_sign_gap"  # `audit checkpoint`: sign a head whose earlier events are unsigned
_HEAD_UNWRITTEN_KEY = "cpc_audit_head_unwritten"  # the head row still to be updated before the commit
_INSERT_CHECKPOINT = insert(_CHECKPOINTS)
# Built once: every change of state appends an event, the batch one per certificate.
_SELECT_HEAD = select(_HEAD.c.last_hash).where(_HEAD.c.id == 1).with_for_update()
_INSERT_EVENT = insert(_EVENTS).returning(_EVENTS.c.id)
_UPDATE_HEAD = update(_HEAD).where(_HEAD.c.id == 1)


def _head_for_update(session: Session) -> str:
    """The chain's newest hash, its row locked until the caller's transaction ends (made on first use).

    On PostgreSQL the row lock serialises appends from every desk; on SQLite the write transaction
    (BEGIN IMMEDIATE) already holds the database's write lock.
    """
    last_hash = session.execute(_SELECT_HEAD).scalar_one_or_none()
    if last_hash is not None:
        return str(last_hash)
    dialect = session.get_bind().dialect.name
    if dialect in ("postgresql", "sqlite"):
        # Two desks writing the very first event must not both insert the head row.
        # Only the dialect in use is imported: the PostgreSQL one costs an SQLite desk 25 ms at start-up.
        upsert = importlib.import_module(f"sqlalchemy.dialects.{dialect}").insert
        first = upsert(_HEAD).values(id=1, last_event_id=0, last_hash=GENESIS).on_conflict_do_nothing()
        session.execute(first)
    else:
        session.execute(insert(_HEAD).values(id=1, last_event_id=0, last_hash=GENESIS))
    return str(session.execute(_SELECT_HEAD).scalar_one())


def record(
    session: Session,
    actor: Actor | str,
    kind: str,
    *,
    subject: str = "",
    member_id: int | None = None,
    before: Any = None,
    after: Any = None,
) -> int:
    """Append one event in the caller's transaction (so it commits or rolls back with the change);
    returns its id.

    Plain statements rather than ORM objects (this runs for every certificate of a batch); the
    caller's pending ORM changes are flushed first, as an ORM flush here used to do.
    """
    session.flush()
    # The head this transaction last appended: its row stays locked (or the database's write lock held)
    # until the transaction ends, so no one else can have moved it; read from the database once only.
    own_head = session.info.get(_HEAD_KEY)
    prev_hash = own_head[1] if own_head is not None else _head_for_update(session)
    at = utcnow()
    name = (actor if isinstance(actor, str) else actor.username)[:_ACTOR_MAX]
    kind = kind[:_KIND_MAX]
    subject = subject[:_SUBJECT_MAX]
    before_json, after_json = _canonical(before), _canonical(after)
    state_json = seals.take_seals(session)
    digest = event_hash(prev_hash, at, name, kind, member_id, subject, before_json, after_json, state_json)
    event_id = session.execute(
        _INSERT_EVENT,
        {
            "at": at,
            "actor": name,
            "kind": kind,
            "member_id": member_id,
            "subject": subject,
            "before_json": before_json,
            "after_json": after_json,
            "prev_hash": prev_hash,
            "hash": digest,
            "state_json": state_json,
        },
    ).scalar_one()
    # The head row is written once, as the transaction commits (`write_head`): its lock is held from the
    # first event anyway, and a batch appends seven events per certificate.
    session.info[_HEAD_UNWRITTEN_KEY] = True
    session.info[_EVENTS_KEY] = session.info.get(_EVENTS_KEY, 0) + 1
    session.info[_ACTOR_KEY] = name
    session.info[_HEAD_KEY] = (int(event_id), digest)
    session.info.setdefault(_FIRST_KEY, (int(event_id), prev_hash))
    return int(event_id)


def write_head(session: Session) -> None:
    """Bring the head row up to the last event this transaction appended (called as it commits, and by
    whatever commits a connection itself, as `seal_existing_rows` does)."""
    if session.info.pop(_HEAD_UNWRITTEN_KEY, None):
        event_id, digest = session.info[_HEAD_KEY]
        session.execute(_UPDATE_HEAD, {"last_event_id": event_id, "last_hash": digest})


def changed(session: Session, table_name: str, keys: list[Any]) -> None:
    """Seal rows a Core statement wrote (ORM flushes are noted by themselves); the next event vouches for
    their seals."""
    seals.changed(session, table_name, keys)


# --- the end of every write transaction ------------------------------------------------------------

# Database -> (signing.pkcs12_path it was loaded for, the key); the key is loaded once per desk.
_desk_keys: "weakref.WeakKeyDictionary[Any, tuple[str, anchor.CollegeKey]]" = weakref.WeakKeyDictionary()


def _desk_key(session: Session) -> anchor.CollegeKey | None:
    database = session.info.get("database")
    desk = getattr(database, "owner", None)
    if not isinstance(desk, Desk):
        return None
    configured = str(desk.settings.get("signing.pkcs12_path"))
    cached = _desk_keys.get(database)
    if cached is not None and cached[0] == configured:
        return cached[1]
    try:
        key = anchor.college_key(desk)
    except Exception as exc:  # the change still commits; `audit verify` reports the events as unanchored
        log.warning("audit checkpoint not signed: the College's key is not available (%s)", exc)
        return None
    _desk_keys[database] = (configured, key)
    return key


def write_checkpoint(session: Session, key: anchor.CollegeKey) -> int | None:
    """Sign the chain's head as it stands in this transaction; returns the event it covers (None: empty)."""
    head = session.info.get(_HEAD_KEY)
    if head is None:
        found = session.execute(
            select(_HEAD.c.last_event_id, _HEAD.c.last_hash).where(_HEAD.c.id == 1)
        ).first()
        if found is None or not found.last_event_id:
            return None
        head = (int(found.last_event_id), str(found.last_hash))
    event_id, event_hash_ = head
    at = utcnow()
    session.connection().execute(
        _INSERT_CHECKPOINT,
        {
            "event_id": event_id,
            "event_hash": event_hash_,
            "signed_at": at,
            "signer_sha256": key.fingerprint,
            "signature": anchor.sign_checkpoint(key, event_id, event_hash_, at),
        },
    )
    return event_id


# Database -> (event id, hash) of the last checkpoint this process signed there: a transaction whose first
# event chains from that very hash follows a signed checkpoint with no query and no signature to check.
_last_signed: "weakref.WeakKeyDictionary[Any, tuple[int, str]]" = weakref.WeakKeyDictionary()


def _continues_a_signed_trail(session: Session, key: anchor.CollegeKey) -> str:
    """ "" when this transaction's events follow straight on from a checkpoint the College signed (or
    start the trail); otherwise why not.

    Signing only then is what stops a checkpoint from vouching for someone else's work: a trail rewritten
    (or extended) by hand and re-hashed stays unsigned, and `audit verify` keeps reporting it, until an
    administrator has looked and signs it with `audit checkpoint`.
    """
    first = session.info.get(_FIRST_KEY)
    if first is None:
        return ""
    first_id, prev_hash = first
    signed = _last_signed.get(session.info.get("database"))
    if signed is not None and signed[1] == prev_hash:
        return ""
    before = session.execute(
        select(_EVENTS.c.id).where(_EVENTS.c.id < first_id).order_by(_EVENTS.c.id.desc()).limit(1)
    ).scalar()
    if before is None:
        if prev_hash == GENESIS:
            return ""
        return translate("Audit", "the trail's head names events that are no longer there")
    cp = session.execute(
        select(AuditCheckpoint)
        .where(AuditCheckpoint.event_id == before)
        .order_by(AuditCheckpoint.id.desc())
        .limit(1)
    ).scalar()
    if cp is None or cp.event_hash != prev_hash:
        return translate(
            "Audit", "event {0} before this change is not covered by a signed checkpoint"
        ).format(before)
    if cp.signer_sha256 != key.fingerprint or not anchor.signature_holds(
        key.certificate_der, cp.event_id, cp.event_hash, cp.signed_at, cp.signature
    ):
        return translate("Audit", "the checkpoint of event {0} does not carry this key's signature").format(
            before
        )
    return ""


@event.listens_for(Session, "before_commit")
def _seal_and_sign(session: Session) -> None:
    """Rows written with no event after them are sealed by one `state.sealed` event; then the head of
    every transaction that appended events is signed, when they follow a signed checkpoint."""
    if seals.has_pending(session):
        record(session, session.info.get(_ACTOR_KEY, "system"), "state.sealed")
    write_head(session)
    if session.info.get(_EVENTS_KEY):
        key = _desk_key(session)
        if key is None:
            return
        gap = "" if session.info.get(_FORCE_KEY) else _continues_a_signed_trail(session, key)
        if gap:
            # The change commits (refusing it would stop the desk); the trail stays unsigned from here
            # and `audit verify` says so until an administrator signs it after a look.
            log.warning("audit checkpoint not signed: %s; run 'audit verify', then 'audit checkpoint'", gap)
            return
        covered = write_checkpoint(session, key)
        database = session.info.get("database")
        head = session.info.get(_HEAD_KEY)
        if covered is not None and database is not None and head is not None:
            _last_signed[database] = head


@event.listens_for(Session, "after_soft_rollback")
def _forget_head(session: Session, _previous: Any) -> None:
    # Any rollback (a savepoint's too) may have undone the events appended: read the head again.
    session.info.pop(_HEAD_KEY, None)
    session.info.pop(_HEAD_UNWRITTEN_KEY, None)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    for name in (_EVENTS_KEY, _ACTOR_KEY, _HEAD_KEY, _FIRST_KEY, _FORCE_KEY, _HEAD_UNWRITTEN_KEY):
        session.info.pop(name, None)
    seals.forget(session)


def seal_existing_rows(connection: Connection) -> int:
    """Seal every audited row as it stands, in one `state.baseline` event (the upgrade that brought
    sealing in); returns the number of rows sealed."""
    session = Session(bind=connection)
    try:
        count = 0
        for name in seals.AUDITED_COLUMNS:
            keys = {seals.key_value(name, key) for key, _seal in seals.current_rows(session, name)}
            seals.seal_now(session, {name: keys})
            count += len(keys)
        if count:
            record(session, "system:upgrade", "state.baseline", after={"rows": count})
        write_head(session)  # the migration commits the connection, not this session
        session.flush()
        return count
    finally:
        session.close()


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_id: int | None = None
    problem: str = ""
    where: str = ""  # "event 12", "certificate CPC-2026-000001 (id 3)", "checkpoint 4": what disagrees


def _broken(checked: int, event_id: int | None, problem: str, where: str = "") -> ChainReport:
    if not where and event_id:
        where = translate("Audit", "event {0}").format(event_id)
    return ChainReport(False, checked, event_id, problem, where)


def verify_chain(session: Session, trusted: list[bytes] | None = None) -> ChainReport:
    """Walk the trail oldest first; name the first event, checkpoint or row that does not agree.

    Checks, in order: each event's hash and link; the head row; every checkpoint against the event it
    signed; and the register's rows against their newest seals. With `trusted` (the College's signing
    certificates, DER) each checkpoint's signature is checked too, and the newest event must be covered
    by a signed checkpoint; without it (tests of the chain's structure) those two checks are skipped.
    """
    checkpoints: dict[int, list[AuditCheckpoint]] = {}
    trusted_by_fingerprint = {hashlib.sha256(der).hexdigest(): der for der in trusted or []}
    for cp in session.execute(select(AuditCheckpoint).order_by(AuditCheckpoint.id)).scalars():
        if trusted is not None:
            der = trusted_by_fingerprint.get(cp.signer_sha256)
            if der is None or not anchor.signature_holds(
                der, cp.event_id, cp.event_hash, cp.signed_at, cp.signature
            ):
                return _broken(
                    0,
                    cp.event_id,
                    translate(
                        "Audit",
                        "checkpoint {0} (for event {1}) does not carry the College's "
                        "signature: it was forged or altered",
                    ).format(cp.id, cp.event_id),
                    translate("Audit", "checkpoint {0}").format(cp.id),
                )
        checkpoints.setdefault(cp.event_id, []).append(cp)
    covered = max(checkpoints, default=0)
    sets = seals.seal_sets(session)
    prev = GENESIS
    prev_id: int | None = None
    count = 0
    sealed: dict[tuple[str, str], tuple[str, int]] = {}
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=2000))
    for ev in rows.scalars():
        count += 1
        if ev.prev_hash != prev:
            if prev_id is not None:
                after = translate("Audit", "event {0}").format(prev_id)
            else:
                after = translate("Audit", "the start of the trail")
            return _broken(
                count,
                ev.id,
                translate(
                    "Audit",
                    "event {0} ({1}) does not follow {2}: an event between them was "
                    "removed, or one of them was rewritten",
                ).format(ev.id, ev.kind, after),
            )
        expected = event_hash(
            prev,
            ev.at,
            ev.actor,
            ev.kind,
            ev.member_id,
            ev.subject,
            ev.before_json,
            ev.after_json,
            ev.state_json,
        )
        if expected != ev.hash:
            return _broken(
                count,
                ev.id,
                translate("Audit", "event {0} ({1} by {2} at {3}) was altered after it was written").format(
                    ev.id, ev.kind, ev.actor, ev.at.isoformat(timespec="seconds")
                ),
            )
        for cp in checkpoints.pop(ev.id, ()):
            if cp.event_hash != ev.hash:
                return _broken(
                    count,
                    ev.id,
                    translate(
                        "Audit",
                        "event {0} ({1} by {2}) is not the event checkpoint {3} signed "
                        "on {4}: the trail up to it was rewritten",
                    ).format(ev.id, ev.kind, ev.actor, cp.id, cp.signed_at.isoformat(timespec="seconds")),
                )
        if ev.state_json:
            state = seals.decode(ev.state_json)
            lines = sets.pop(str(state.get("set")), [])
            if len(lines) != state.get("rows") or seals.set_digest(lines) != state.get("sha256"):
                return _broken(
                    count,
                    ev.id,
                    translate(
                        "Audit",
                        "the row seals event {0} ({1} by {2}) vouches for were altered "
                        "(it vouches for {3}, {4} are there)",
                    ).format(ev.id, ev.kind, ev.actor, state.get("rows"), len(lines)),
                )
            for name, key, seal in lines:
                sealed[(name, key)] = (seal, ev.id)
        prev, prev_id = ev.hash, ev.id
    head = session.get(AuditHead, 1)
    if head is not None and head.last_hash != prev:
        return _broken(
            count,
            head.last_event_id or None,
            translate(
                "Audit",
                "the newest events were removed: the trail ends at event {0}, but event {1} was written",
            ).format(prev_id or 0, head.last_event_id),
        )
    if head is None and count:
        return _broken(
            count,
            prev_id,
            translate(
                "Audit",
                "the trail's head (audit_head) was removed: the trail ends at "
                "event {0}, and nothing says it ended there",
            ).format(prev_id),
            translate("Audit", "the trail's head"),
        )
    if checkpoints:
        missing = min(checkpoints)
        cp = checkpoints[missing][0]
        return _broken(
            count,
            missing,
            translate(
                "Audit",
                "checkpoint {0}, signed on {1}, covers event {2}, which is no "
                "longer in the trail (it ends at event {3}): events were removed",
            ).format(cp.id, cp.signed_at.isoformat(timespec="seconds"), missing, prev_id or 0),
        )
    if trusted is not None and prev_id is not None and covered < prev_id:
        return _broken(
            count,
            covered + 1,
            translate(
                "Audit",
                "events {0} to {1} are not covered by a checkpoint signed with "
                "the College's key: they were written or rewritten without it, "
                "or their checkpoints were removed (if they are genuine, sign "
                "one with 'cpc-desk audit checkpoint' at a desk holding the key)",
            ).format(covered + 1, prev_id),
        )
    return _reconcile(session, sealed, count)


def _reconcile(session: Session, sealed: dict[tuple[str, str], tuple[str, int]], checked: int) -> ChainReport:
    """Compare every audited row with the newest seal the trail holds for it."""
    for name in seals.AUDITED_COLUMNS:
        present: set[str] = set()
        for key, seal in seals.current_rows(session, name):
            present.add(key)
            found = sealed.get((name, key))
            label = ""
            if found is None:
                label = seals.row_label(session, name, key)
                return _broken(
                    checked,
                    None,
                    translate("Audit", "{0} is not in the trail: it was added outside CPC Desk").format(
                        label
                    ),
                    label,
                )
            want, event_id = found
            if want == seals.DELETED:
                label = seals.row_label(session, name, key)
                return _broken(
                    checked,
                    event_id,
                    translate(
                        "Audit", "{0} was deleted by event {1} but is back: restored outside CPC Desk"
                    ).format(label, event_id),
                    label,
                )
            if want != seal:
                label = seals.row_label(session, name, key)
                columns = ", ".join(seals.changed_columns(name, want, seal)) or translate(
                    "Audit", "its values"
                )
                return _broken(
                    checked,
                    event_id,
                    translate(
                        "Audit",
                        "{0} does not agree with the trail (last written by event {1}): "
                        "{2} changed outside CPC Desk",
                    ).format(label, event_id, columns),
                    label,
                )
        for (table_name, key), (want, event_id) in sealed.items():
            if table_name == name and want != seals.DELETED and key not in present:
                return _broken(
                    checked,
                    event_id,
                    translate("Audit", "{0} (last written by event {1}) was deleted outside CPC Desk").format(
                        seals.row_label(session, name, key), event_id
                    ),
                    f"{name} {key}",
                )
    return ChainReport(True, checked)


# --- reading the trail ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    """What the Audit screen asks for; every part is optional. Dates are local calendar days, inclusive."""

    member: str = ""  # a CPSO number
    member_id: int | None = None
    actor: str = ""  # a staff username, or system:<job> for jobs no person runs
    kind: str = ""  # "certificate.issued", or a family such as "signin" (matches signin.failed too)
    date_from: date | None = None
    date_to: date | None = None


def _local_midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


def _filtered(flt: AuditFilter) -> Select[AuditEvent]:
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationError("date", translate("Audit", "the 'from' date is after the 'to' date"))
    query = select(AuditEvent)
    if flt.member_id is not None:
        query = query.where(AuditEvent.member_id == flt.member_id)
    if flt.member.strip():
        ids = select(Member.id).where(Member.cpso_number == flt.member.strip())
        query = query.where(AuditEvent.member_id.in_(ids))
    if flt.actor.strip():
        query = query.where(AuditEvent.actor == flt.actor.strip())
    if flt.kind.strip():
        kind = flt.kind.strip()
        # A family name matches its members: "signin" finds signin.failed and signin.locked too.
        query = query.where(
            (AuditEvent.kind == kind) | (AuditEvent.kind.startswith(kind + ".", autoescape=True))
        )
    if flt.date_from is not None:
        query = query.where(AuditEvent.at >= _local_midnight_utc(flt.date_from))
    if flt.date_to is not None:
        query = query.where(AuditEvent.at < _local_midnight_utc(flt.date_to + timedelta(days=1)))
    return query


def search_events(desk: Desk, actor: Actor, flt: AuditFilter, *, limit: int = 1000) -> list[AuditEvent]:
    """The newest events matching `flt` first, at most `limit` of them."""
    actor.require(Permission.VIEW_AUDIT)
    with desk.db.read() as session:
        query = _filtered(flt).order_by(AuditEvent.id.desc()).limit(limit)
        return list(session.execute(query).scalars())


def event_kinds(desk: Desk, actor: Actor) -> list[str]:
    """Every kind of event in the trail, for the Audit screen's filter."""
    actor.require(Permission.VIEW_AUDIT)
    with desk.db.read() as session:
        return list(session.execute(select(AuditEvent.kind).distinct().order_by(AuditEvent.kind)).scalars())


def event_actors(desk: Desk, actor: Actor) -> list[str]:
    """Everyone who appears in the trail (staff and system jobs)."""
    actor.require(Permission.VIEW_AUDIT)
    with desk.db.read() as session:
        return list(session.execute(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)).scalars())


def member_numbers(desk: Desk, actor: Actor, member_ids: set[int]) -> dict[int, str]:
    """The CPSO number of each member the shown events name (the Audit screen's member column)."""
    actor.require(Permission.VIEW_AUDIT)
    if not member_ids:
        return {}
    with desk.db.read() as session:
        rows = session.execute(select(Member.id, Member.cpso_number).where(Member.id.in_(member_ids)))
        return {member_id: number for member_id, number in rows}


def check_trail(desk: Desk, actor: Actor) -> ChainReport:
    """verify_chain over the desk's whole trail, checkpoints checked against the College's certificate,
    for those who may read it."""
    actor.require(Permission.VIEW_AUDIT)
    key = anchor.college_key(desk)
    with desk.db.read() as session:
        return verify_chain(session, [key.certificate_der])


def sign_checkpoint_now(desk: Desk, actor: Actor) -> int | None:
    """Sign the chain's head now (after an upgrade, or once the key is back for events written without
    it); audited. Returns the event the checkpoint covers."""
    actor.require(Permission.VIEW_AUDIT)
    key = anchor.college_key(desk)
    with desk.db.write() as session:
        # The trail must hold together before anyone vouches for it: every hash and link, the head, and the
        # register's rows against their seals (only the signatures are left to this checkpoint).
        report = verify_chain(session)
        if not report.ok:
            raise ValidationError(
                "audit",
                translate("Audit", "not signed, the trail does not hold together: {0}").format(
                    report.problem
                ),
            )
        session.info[_FORCE_KEY] = True
        record(session, actor, "audit.checkpoint_signed", after={"signer": key.fingerprint})
        # the commit hook signs the head, this event included
        session.flush()
    with desk.db.read() as session:
        return session.execute(select(AuditCheckpoint.event_id).order_by(AuditCheckpoint.id.desc())).scalar()


CSV_COLUMNS = (
    "event_id",
    "at_utc",
    "actor",
    "kind",
    "member_id",
    "cpso_number",
    "subject",
    "before",
    "after",
    "hash",
)


def _cell(value: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets: hostile names must stay text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_csv(desk: Desk, actor: Actor, flt: AuditFilter, path: Path) -> int:
    """Write the matching events, oldest first, as UTF-8 CSV (with BOM, for spreadsheets); returns the count.

    The export itself is recorded in the trail.
    """
    actor.require(Permission.VIEW_AUDIT)
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    count = 0
    with desk.db.read() as session, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        query = (
            _filtered(flt)
            .add_columns(Member.cpso_number)
            .outerjoin(Member, Member.id == AuditEvent.member_id)
            .order_by(AuditEvent.id)
            .execution_options(yield_per=2000)
        )
        for ev, cpso in session.execute(query):
            writer.writerow(
                [
                    ev.id,
                    ev.at.isoformat(timespec="seconds"),
                    _cell(ev.actor),
                    _cell(ev.kind),
                    "" if ev.member_id is None else ev.member_id,
                    cpso or "",
                    _cell(ev.subject),
                    _cell(ev.before_json),
                    _cell(ev.after_json),
                    ev.hash,
                ]
            )
            count += 1
    tmp.replace(path)
    with desk.db.write() as session:
        record(session, actor, "audit.exported", subject=path.name, after={"events": count})
    return count
