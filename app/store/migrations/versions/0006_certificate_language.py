"""certificate language: a language per directory institution and per request recipient

Revision ID: 0006
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every existing institution and recipient was written for an English certificate.
_TABLES = ("institution", "request_recipient")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("language", sa.String(length=16), server_default="en", nullable=False)
            )
    # The directory's entries in Quebec default to French, the rule new entries follow
    # (app.register.recipients.default_language).
    op.execute("UPDATE institution SET language = 'fr' WHERE country = 'CA' AND state = 'QC'")


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("language")
