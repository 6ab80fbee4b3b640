"""The tamper-evident audit trail: every change of state is appended with a hash chained to the last one."""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, AuditHead, utcnow
from app.staff import Actor

GENESIS = "0" * 64


def _canonical(value: Any) -> str:
    if value is None or value == "":
        return ""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))


def event_hash(prev_hash: str, at: datetime, actor: str, kind: str, member_id: int | None, subject: str,
               before_json: str, after_json: str) -> str:
    payload = "\x1f".join(
        [prev_hash, at.isoformat(), actor, kind, "" if member_id is None else str(member_id), subject,
         before_json, after_json]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(session: Session, actor: Actor | str, kind: str, *, subject: str = "", member_id: int | None = None,
           before: Any = None, after: Any = None) -> AuditEvent:
    """Append one event in the caller's transaction (so it commits or rolls back with the change)."""
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, last_event_id=0, last_hash=GENESIS)
        session.add(head)
        session.flush()
    at = utcnow()
    name = actor if isinstance(actor, str) else actor.username
    before_json, after_json = _canonical(before), _canonical(after)
    digest = event_hash(head.last_hash, at, name, kind, member_id, subject, before_json, after_json)
    event = AuditEvent(at=at, actor=name, kind=kind, member_id=member_id, subject=subject[:200],
                       before_json=before_json, after_json=after_json, prev_hash=head.last_hash, hash=digest)
    session.add(event)
    session.flush()
    head.last_event_id = event.id
    head.last_hash = digest
    return event


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_id: int | None = None
    problem: str = ""


def verify_chain(session: Session) -> ChainReport:
    """Walk the trail oldest first; name the first event whose hash or link does not hold."""
    prev = GENESIS
    count = 0
    for ev in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        count += 1
        if ev.prev_hash != prev:
            return ChainReport(False, count, ev.id, f"event {ev.id} does not follow event before it")
        at = ev.at
        expected = event_hash(prev, at, ev.actor, ev.kind, ev.member_id, ev.subject, ev.before_json, ev.after_json)
        if expected != ev.hash:
            return ChainReport(False, count, ev.id, f"event {ev.id} ({ev.kind}) was altered after it was written")
        prev = ev.hash
    head = session.get(AuditHead, 1)
    if head is not None and head.last_hash != prev:
        return ChainReport(False, count, None, "the newest events were removed")
    return ChainReport(True, count)
