"""login_throttles: failed sign-ins counted per username and address, atomically

Revision ID: 5c1e8a2f7d30
Revises: 5e1c0a7d9b24
Create Date: 2026-11-30 14:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = '5c1e8a2f7d30'
down_revision: str | None = '5e1c0a7d9b24'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'login_throttles',
        sa.Column('username', sa.String(length=64), nullable=False),
        sa.Column('address', sa.String(length=64), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('window_ends_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('username', 'address', name=op.f('pk_login_throttles')),
    )


def downgrade() -> None:
    op.drop_table('login_throttles')
