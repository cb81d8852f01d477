"""the month plan's themes, scripts' theme and recurrence; search text takes in the source

Revision ID: 7a3d5b1c9e20
Revises: 5e1c0a7d9b42
Create Date: 2026-11-30 16:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime
from app.text import fold

revision: str = '7a3d5b1c9e20'
down_revision: str | None = '5e1c0a7d9b42'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_scripts = sa.table('scripts', sa.column('id', sa.Integer), sa.column('title', sa.String),
                    sa.column('body', sa.Text), sa.column('source_ref', sa.String),
                    sa.column('search_text', sa.Text))


def upgrade() -> None:
    op.create_table(
        'themes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('station_id', sa.Integer(), nullable=False),
        sa.Column('month', sa.Date(), nullable=False),
        sa.Column('kind', sa.Enum('theme', 'commemoration', name='themekind', native_enum=False, length=16),
                  nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=True),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('sources', sa.Text(), nullable=False),
        sa.Column('target_bulletins', sa.Integer(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_themes_station_id_stations'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_themes_created_by_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_themes')),
    )
    with op.batch_alter_table('themes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_themes_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_themes_month'), ['month'], unique=False)
    with op.batch_alter_table('scripts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('theme_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('recurrence', sa.String(length=200), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_scripts_theme_id_themes'), 'themes', ['theme_id'], ['id'],
                                    ondelete='SET NULL')
        batch_op.create_index(batch_op.f('ix_scripts_theme_id'), ['theme_id'], unique=False)
    # People search by the letter's number too ("15/KH-UBND"): refold every script's search text.
    conn = op.get_bind()
    rows = conn.execute(sa.select(_scripts.c.id, _scripts.c.title, _scripts.c.body, _scripts.c.source_ref))
    for script_id, title, body, source_ref in rows.fetchall():
        conn.execute(_scripts.update().where(_scripts.c.id == script_id)
                     .values(search_text=fold(f"{title}\n{body}\n{source_ref or ''}")))


def downgrade() -> None:
    with op.batch_alter_table('scripts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scripts_theme_id'))
        batch_op.drop_constraint(batch_op.f('fk_scripts_theme_id_themes'), type_='foreignkey')
        batch_op.drop_column('recurrence')
        batch_op.drop_column('theme_id')
    op.drop_table('themes')
