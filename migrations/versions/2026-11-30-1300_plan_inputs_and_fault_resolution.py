"""stations remember when their plan inputs (slots, areas, relay points) changed; faults are resolved

Revision ID: 7c41e0d2a9b5
Revises: 5c1e7a9d2b30
Create Date: 2026-11-30 12:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = '7c41e0d2a9b5'
down_revision: str | None = '5c1e7a9d2b30'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('plan_inputs_changed_at', app.models.base.UTCDateTime(timezone=True),
                                      nullable=True))
    with op.batch_alter_table('relay_faults', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resolved_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('resolution_note', sa.Text(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_relay_faults_resolved_by_id_users'), 'users',
                                    ['resolved_by_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('relay_faults', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_relay_faults_resolved_by_id_users'), type_='foreignkey')
        batch_op.drop_column('resolution_note')
        batch_op.drop_column('resolved_by_id')
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_column('plan_inputs_changed_at')
