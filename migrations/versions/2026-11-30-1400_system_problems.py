"""system_problems: what stops the server's own work (a full disk), shown on the status board

Revision ID: 5e1c0a7d9b24
Revises: 7c41e0d2a9b5
Create Date: 2026-11-30 14:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '5e1c0a7d9b24'
down_revision: str | None = '7c41e0d2a9b5'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'system_problems',
        sa.Column('code', sa.String(length=64), nullable=False),
        sa.Column('message_vi', sa.Text(), nullable=False),
        sa.Column('message_en', sa.Text(), nullable=False),
        sa.Column('first_seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('occurrences', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('code', name=op.f('pk_system_problems')),
    )


def downgrade() -> None:
    op.drop_table('system_problems')
