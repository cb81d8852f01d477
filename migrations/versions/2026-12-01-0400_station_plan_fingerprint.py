"""stations.plan_fingerprint: the digest of what the station's last plan depended on

Revision ID: 5d2f8a1c7e94
Revises: 4c1a7e2d9f30
Create Date: 2026-12-01 04:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '5d2f8a1c7e94'
down_revision: str | None = '4c1a7e2d9f30'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('plan_fingerprint', sa.String(length=64), nullable=True))


def downgrade() -> None:
    # SQLite drops the column in place: a batch copy of `stations` would cascade-delete its scripts.
    with op.batch_alter_table('stations', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('plan_fingerprint')
