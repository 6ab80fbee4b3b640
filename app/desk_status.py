"""What the status bar shows about a desk: outbox messages waiting and the mail mode.

Kept apart from app.outbox (which loads the mail machinery) because the window shows it at start-up.
"""

from dataclasses import dataclass

from sqlalchemy import func, select

from app.desk import Desk
from app.models import OutboxMessage, OutboxState

WAITING_STATES = (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.FAILED_TEMPORARY)


@dataclass(frozen=True)
class DeskStatus:
    outbox_waiting: int
    offline: bool


def count_waiting(desk: Desk) -> int:
    """Messages not yet delivered and still to be tried."""
    with desk.db.read() as session:
        query = select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state.in_(WAITING_STATES))
        return int(session.scalar(query) or 0)


def desk_status(desk: Desk) -> DeskStatus:
    return DeskStatus(outbox_waiting=count_waiting(desk), offline=desk.is_offline)
