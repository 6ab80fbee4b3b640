"""The transactional outbox: certificate email written with the certificate, delivered afterwards."""

from sqlalchemy import func, select

from app.desk import Desk
from app.models import OutboxMessage, OutboxState

WAITING_STATES = (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.FAILED_TEMPORARY)


def count_waiting(desk: Desk) -> int:
    """Messages not yet delivered and still to be tried (for the status bar)."""
    with desk.db.read() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state.in_(WAITING_STATES))
            )
            or 0
        )
