"""The tamper-evident audit trail: every change of state is appended with a hash chained to the last one.

`record()` appends in the caller's transaction; `verify_chain()` walks the chain; `search_events()` and
`export_csv()` serve the Audit screen (registrar and admin only).
"""

import csv
import hashlib
import importlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Select, Table, insert, select, update
from sqlalchemy.orm import Session

from app.access.permissions import Actor, Permission
from app.desk import Desk
from app.errors import ValidationError
from app.store.models import AuditEvent, AuditHead, Member, utcnow

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
) -> str:
    payload = "\x1f".join(
        [
            prev_hash,
            at.isoformat(),
            actor,
            kind,
            "" if member_id is None else str(member_id),
            subject,
            before_json,
            after_json,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_EVENTS: Table = cast(Table, AuditEvent.__table__)
_HEAD: Table = cast(Table, AuditHead.__table__)
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
    prev_hash = _head_for_update(session)
    at = utcnow()
    name = (actor if isinstance(actor, str) else actor.username)[:_ACTOR_MAX]
    kind = kind[:_KIND_MAX]
    subject = subject[:_SUBJECT_MAX]
    before_json, after_json = _canonical(before), _canonical(after)
    digest = event_hash(prev_hash, at, name, kind, member_id, subject, before_json, after_json)
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
        },
    ).scalar_one()
    session.execute(_UPDATE_HEAD, {"last_event_id": event_id, "last_hash": digest})
    return int(event_id)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_id: int | None = None
    problem: str = ""


def verify_chain(session: Session) -> ChainReport:
    """Walk the trail oldest first; name the first event whose hash or link does not hold."""
    prev = GENESIS
    prev_id: int | None = None
    count = 0
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=2000))
    for ev in rows.scalars():
        count += 1
        if ev.prev_hash != prev:
            after = f"event {prev_id}" if prev_id is not None else "the start of the trail"
            return ChainReport(
                False,
                count,
                ev.id,
                f"event {ev.id} ({ev.kind}) does not follow {after}: "
                "an event between them was removed, or one of them was rewritten",
            )
        expected = event_hash(
            prev, ev.at, ev.actor, ev.kind, ev.member_id, ev.subject, ev.before_json, ev.after_json
        )
        if expected != ev.hash:
            return ChainReport(
                False,
                count,
                ev.id,
                f"event {ev.id} ({ev.kind} by {ev.actor} at {ev.at.isoformat(timespec='seconds')}) "
                "was altered after it was written",
            )
        prev, prev_id = ev.hash, ev.id
    head = session.get(AuditHead, 1)
    if head is not None and head.last_hash != prev:
        return ChainReport(
            False,
            count,
            head.last_event_id or None,
            f"the newest events were removed: the trail ends at event {prev_id or 0}, "
            f"but event {head.last_event_id} was written",
        )
    return ChainReport(True, count)


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
        raise ValidationError("date", "the 'from' date is after the 'to' date")
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
    """verify_chain over the desk's whole trail, for those who may read it."""
    actor.require(Permission.VIEW_AUDIT)
    with desk.db.read() as session:
        return verify_chain(session)


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
