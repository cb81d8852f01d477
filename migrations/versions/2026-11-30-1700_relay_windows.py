"""relay_sources, relay_windows, relay_window_runs: relaying a higher-level station (tiếp sóng)

Revision ID: 9b3e71c04d2a
Revises: 7b3d9e1f4a60
Create Date: 2026-11-30 17:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '9b3e71c04d2a'
down_revision: str | None = '7b3d9e1f4a60'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'relay_sources',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('station_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('url', sa.String(length=2000), nullable=False),
        sa.Column('expected_format', sa.String(length=8), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_checked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_check_ok', sa.Boolean(), nullable=True),
        sa.Column('last_check_detail', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['station_id'], ['stations.id'],
                                name=op.f('fk_relay_sources_station_id_stations'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_relay_sources')),
        sa.UniqueConstraint('station_id', 'name', name=op.f('uq_relay_sources_station_id')),
    )
    op.create_index(op.f('ix_relay_sources_station_id'), 'relay_sources', ['station_id'])
    op.create_table(
        'relay_windows',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('station_id', sa.Integer(), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('start_time', sa.Time(), nullable=False),
        sa.Column('end_time', sa.Time(), nullable=False),
        sa.Column('weekdays', sa.JSON(), nullable=False),
        sa.Column('dates', sa.JSON(), nullable=False),
        sa.Column('area_ids', sa.JSON(), nullable=False),
        sa.Column('placement', sa.String(length=16), nullable=False),
        sa.Column('slot_id', sa.Integer(), nullable=True),
        sa.Column('fallback', sa.String(length=16), nullable=False),
        sa.Column('fallback_recording_id', sa.Integer(), nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['station_id'], ['stations.id'],
                                name=op.f('fk_relay_windows_station_id_stations'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['source_id'], ['relay_sources.id'],
                                name=op.f('fk_relay_windows_source_id_relay_sources'), ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(['slot_id'], ['slots.id'],
                                name=op.f('fk_relay_windows_slot_id_slots'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['fallback_recording_id'], ['recordings.id'],
                                name=op.f('fk_relay_windows_fallback_recording_id_recordings'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'],
                                name=op.f('fk_relay_windows_created_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_relay_windows')),
    )
    op.create_index(op.f('ix_relay_windows_station_id'), 'relay_windows', ['station_id'])
    op.create_index(op.f('ix_relay_windows_source_id'), 'relay_windows', ['source_id'])
    op.create_table(
        'relay_window_runs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('window_id', sa.Integer(), nullable=False),
        sa.Column('air_date', sa.Date(), nullable=False),
        sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('use_fallback', sa.Boolean(), nullable=False),
        sa.Column('checks', sa.JSON(), nullable=False),
        sa.Column('recording_state', sa.String(length=16), nullable=False),
        sa.Column('recording_key', sa.String(length=80), nullable=True),
        sa.Column('recorded_ms', sa.Integer(), nullable=True),
        sa.Column('recording_error', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['window_id'], ['relay_windows.id'],
                                name=op.f('fk_relay_window_runs_window_id_relay_windows'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_relay_window_runs')),
        sa.UniqueConstraint('window_id', 'air_date', name=op.f('uq_relay_window_runs_window_id')),
    )
    op.create_index(op.f('ix_relay_window_runs_window_id'), 'relay_window_runs', ['window_id'])
    op.create_index(op.f('ix_relay_window_runs_starts_at'), 'relay_window_runs', ['starts_at'])
    # Plain columns added in place (no table rebuild on SQLite): the as-run log is the largest
    # table, and its run id is kept even if the run is deleted (a report still counts it).
    op.add_column('relay_plays', sa.Column('relay_run_id', sa.Integer(), nullable=True))
    op.add_column('relay_plays', sa.Column('relay_part', sa.String(length=16), nullable=True))
    op.create_index(op.f('ix_relay_plays_relay_run_id'), 'relay_plays', ['relay_run_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_relay_plays_relay_run_id'), table_name='relay_plays')
    op.drop_column('relay_plays', 'relay_part')
    op.drop_column('relay_plays', 'relay_run_id')
    op.drop_table('relay_window_runs')
    op.drop_table('relay_windows')
    op.drop_table('relay_sources')
