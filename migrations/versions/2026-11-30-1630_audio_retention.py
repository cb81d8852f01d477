"""audio retention per station: stations.audio_retention_days (0 = keep for ever)

Revision ID: 8c4e1f7a2b63
Revises: 7a3d5c1e9f20
Create Date: 2026-11-30 16:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '8c4e1f7a2b63'
down_revision: str | None = '7a3d5c1e9f20'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('audio_retention_days', sa.Integer(), nullable=False, server_default='90'))


def downgrade() -> None:
    # Not a batch: re-creating `stations` on SQLite would drop it first, and with foreign keys on
    # that deletes every station's scripts, programmes and users (ON DELETE CASCADE). SQLite
    # >= 3.35 drops a column in place.
    op.drop_column('stations', 'audio_retention_days')
