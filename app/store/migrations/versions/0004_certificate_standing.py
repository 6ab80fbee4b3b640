"""certificate standing: what each certificate stated, since when a member has their status, replaced-by index

Revision ID: 0004
Revises: 0001

`certificate_statement` keeps, per certificate, the register's facts the certificate states (status, class,
terms, discipline, pending investigations), so that the verification page and `verify` can say whether the
register has changed since issue. `member.status_since` is the date the member's current status took effect
(set when an import changes the status). The index on `certificate.replaces_id` answers "replaced by which
number" without a scan; the one on `pdf_sha256` finds the certificate an uploaded file is.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "certificate_statement",
        sa.Column("certificate_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("member_name", sa.String(length=610), nullable=False),
        sa.Column("cpso_number", sa.String(length=16), nullable=False),
        sa.Column("registration_class", sa.String(length=64), nullable=False),
        sa.Column("member_status", sa.String(length=32), nullable=False),
        sa.Column("terms_conditions", sa.Text(), nullable=False),
        sa.Column("discipline", sa.Text(), nullable=False),
        sa.Column("pending_investigations", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["certificate_id"], ["certificate.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("certificate_id"),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status_since", sa.Date(), nullable=True))
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index("ix_certificate_replaces_id", ["replaces_id"], unique=False)
        batch_op.create_index("ix_certificate_pdf_sha256", ["pdf_sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index("ix_certificate_pdf_sha256")
        batch_op.drop_index("ix_certificate_replaces_id")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("status_since")
    op.drop_table("certificate_statement")
