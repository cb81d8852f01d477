"""scripts: a people's revision number and the snapshot the editor rejected; one-time form tokens

Revision ID: 5c1e7a9d2b30
Revises: 3b7d2e91c4a0
Create Date: 2026-11-30 12:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '5c1e7a9d2b30'
down_revision: str | None = '3b7d2e91c4a0'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('scripts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('rejected_snapshot', sa.JSON(), nullable=True))
    # Existing scripts: one revision per saved edit after the first draft.
    op.execute(
        "UPDATE scripts SET revision = 1 + (SELECT count(*) FROM audit_events e "
        "WHERE e.entity_type = 'script' AND e.entity_id = scripts.id AND e.action = 'edit')"
    )
    op.create_table(
        'form_tokens',
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.String(length=32), nullable=False),
        sa.Column('draft', sa.JSON(), nullable=True),
        sa.Column('result_url', sa.String(length=300), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_form_tokens_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('token', name=op.f('pk_form_tokens')),
    )
    op.create_index(op.f('ix_form_tokens_created_at'), 'form_tokens', ['created_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_form_tokens_created_at'), table_name='form_tokens')
    op.drop_table('form_tokens')
    with op.batch_alter_table('scripts', schema=None) as batch_op:
        batch_op.drop_column('rejected_snapshot')
        batch_op.drop_column('revision')
