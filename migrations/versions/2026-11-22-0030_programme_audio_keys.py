"""programme audio keys hold the sha256 and a suffix ("<64 hex>.mp3"): 64 characters were too few

Revision ID: 5c1e9a0d7b21
Revises: 87fc2b8fdcff
Create Date: 2026-11-22 00:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '5c1e9a0d7b21'
down_revision: str | None = '87fc2b8fdcff'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ('audio_sha256', 'cue_sha256', 'playlist_sha256')


def upgrade() -> None:
    # PostgreSQL refused to store a rendered programme (SQLite does not check VARCHAR lengths).
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.alter_column(column, existing_type=sa.String(length=64), type_=sa.String(length=80),
                                  existing_nullable=True)


def downgrade() -> None:
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.alter_column(column, existing_type=sa.String(length=80), type_=sa.String(length=64),
                                  existing_nullable=True)
