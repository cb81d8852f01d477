"""bulletins.rejection_reason / rejected_at (sent back to draft), bulletin_deliveries.failure_reason
(a delivery job that could not deliver); deliveries may now be `queued` or `failed` (no constraint:
the state is a non-native enum)

Revision ID: 7e3b9c2a5f10
Revises: 5d2f8a1c7e94
Create Date: 2026-12-01 05:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision: str = '7e3b9c2a5f10'
down_revision: str | None = '5d2f8a1c7e94'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('bulletins', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rejection_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('rejected_at', UTCDateTime(timezone=True), nullable=True))
    with op.batch_alter_table('bulletin_deliveries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failure_reason', sa.Text(), nullable=True))


def downgrade() -> None:
    # SQLite drops the columns in place: a batch copy would cascade-delete dependent rows.
    with op.batch_alter_table('bulletin_deliveries', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('failure_reason')
    with op.batch_alter_table('bulletins', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('rejected_at')
        batch_op.drop_column('rejection_reason')
