"""The print record: which certificates were printed, and when. The one service every print goes through.

A reprint from a member's profile, a selection printed from Batch Printing and a batch's merged print
file are all recorded here, the same way: every certificate's `printed_at` holds its latest print, each
print is one audited event (`certificate.printed`, with the previous print time), and a request counts
as printed once every certificate on it that is still in force has been printed.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.errors import NotFound
from app.i18n import translate
from app.store.models import Certificate, CertificateRequest, RequestRecipient, utcnow

_CHUNK = 500  # ids per statement: well under SQLite's and PostgreSQL's parameter limits

_CERTIFICATE: Any = Certificate.__table__
_REQUEST: Any = CertificateRequest.__table__
_RECIPIENT: Any = RequestRecipient.__table__


def mark_printed(
    desk: Desk, actor: Actor, certificate_ids: Sequence[int], *, at: datetime | None = None
) -> int:
    """Record that these certificates were just printed; returns how many were recorded.

    All or nothing: an unknown id records nothing. Set-based statements in chunks, so that a batch of
    ten thousand certificates loads none of them as objects.
    """
    actor.require(Permission.BATCH_PRINT)
    ids = list(dict.fromkeys(certificate_ids))
    if not ids:
        return 0
    now = at or utcnow()
    with desk.db.write() as session:
        found: dict[int, tuple[str, datetime | None, int]] = {}
        for start in range(0, len(ids), _CHUNK):
            found.update(_certificates(session, ids[start : start + _CHUNK]))
        missing = [i for i in ids if i not in found]
        if missing:
            listed = ", ".join(str(i) for i in missing[:10]) + ("…" if len(missing) > 10 else "")
            raise NotFound(
                translate("Printing", "No certificate with id {0}; nothing was marked printed").format(listed)
            )
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            session.execute(_CERTIFICATE.update().where(_CERTIFICATE.c.id.in_(chunk)).values(printed_at=now))
            _mark_requests(session, actor, chunk, now)
        for certificate_id in ids:  # audited in the order printed
            number, before, member_id = found[certificate_id]
            audit.record(
                session,
                actor,
                "certificate.printed",
                subject=number,
                member_id=member_id,
                before={"printed_at": before.isoformat() if before else None},
                after={"printed_at": now.isoformat()},
            )
    return len(ids)


def _certificates(session: Session, ids: list[int]) -> dict[int, tuple[str, datetime | None, int]]:
    rows = session.execute(
        select(Certificate.id, Certificate.number, Certificate.printed_at, CertificateRequest.member_id)
        .join(RequestRecipient, Certificate.recipient_id == RequestRecipient.id)
        .join(CertificateRequest, RequestRecipient.request_id == CertificateRequest.id)
        .where(Certificate.id.in_(ids))
    )
    return {cid: (number, printed, member_id) for cid, number, printed, member_id in rows}


def _mark_requests(session: Session, actor: Actor, chunk: list[int], now: datetime) -> None:
    """Requests of these certificates with no certificate in force left unprinted: printed now."""
    cert, req, rec = _CERTIFICATE, _REQUEST, _RECIPIENT
    touched = select(rec.c.request_id).join(cert, cert.c.recipient_id == rec.c.id).where(cert.c.id.in_(chunk))
    unprinted = (
        select(rec.c.id)
        .join(cert, cert.c.recipient_id == rec.c.id)
        .where(rec.c.request_id == req.c.id, cert.c.printed_at.is_(None), cert.c.revoked.is_(False))
        .exists()
    )
    # The version moves on as the ORM's optimistic lock would: someone editing the request meanwhile
    # is told it changed instead of overwriting the print time.
    session.execute(
        req.update()
        .where(req.c.id.in_(touched), ~unprinted)
        .values(printed_at=now, version=req.c.version + 1, updated_at=now, updated_by=actor.username)
    )
