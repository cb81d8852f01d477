"""programme file columns hold storage keys (sha256 and a suffix): name them *_key

Revision ID: 3b7d2e91c4a0
Revises: af5a603adfc4
Create Date: 2026-11-22 01:05:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '3b7d2e91c4a0'
down_revision: str | None = 'af5a603adfc4'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RENAMES = (('audio_sha256', 'audio_key'), ('cue_sha256', 'cue_key'), ('playlist_sha256', 'playlist_key'))


def upgrade() -> None:
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        for old, new in RENAMES:
            batch_op.alter_column(old, new_column_name=new)


def downgrade() -> None:
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        for old, new in RENAMES:
            batch_op.alter_column(new, new_column_name=old)
