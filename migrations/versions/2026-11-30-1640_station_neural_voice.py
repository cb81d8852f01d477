"""stations.neural_voice: the installed local neural voice a station speaks with

Revision ID: 7b3d9e1f4a60
Revises: 8c4e1f7a2b63
Create Date: 2026-11-30 16:40:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '7b3d9e1f4a60'
down_revision: str | None = '8c4e1f7a2b63'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('neural_voice', sa.String(length=64), nullable=True))


def downgrade() -> None:
    # SQLite drops the column in place: a batch copy of `stations` would cascade-delete its scripts.
    with op.batch_alter_table('stations', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('neural_voice')
