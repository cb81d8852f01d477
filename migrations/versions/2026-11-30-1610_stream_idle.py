"""the live stream per area: stations.stream_idle (carrier or off outside slots)

Revision ID: 7a3d5c1e9f20
Revises: 7a3d5b1c9e20
Create Date: 2026-11-30 16:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '7a3d5c1e9f20'
down_revision: str | None = '7a3d5b1c9e20'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stream_idle', sa.String(length=16), nullable=False, server_default='carrier'))


def downgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_column('stream_idle')
