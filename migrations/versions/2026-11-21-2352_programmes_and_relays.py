"""programmes and relays

Revision ID: 47a12cdfcd18
Revises: fe540e18140c
Create Date: 2026-11-21 23:52:03.487276+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = '47a12cdfcd18'
down_revision: str | None = 'fe540e18140c'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('schedule_version', sa.Integer(), nullable=False, server_default='1'))
    op.create_table('leases',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('holder', sa.String(length=128), nullable=False),
    sa.Column('expires_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_leases'))
    )
    op.create_table('programmes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('slot_id', sa.Integer(), nullable=True),
    sa.Column('slot_name', sa.String(length=64), nullable=False),
    sa.Column('air_date', sa.Date(), nullable=False),
    sa.Column('area_key', sa.Integer(), nullable=False),
    sa.Column('starts_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('provisional', 'planned', 'rendered', 'locked', 'aired', name='programmestatus', native_enum=False, length=16), nullable=False),
    sa.Column('is_emergency', sa.Boolean(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('explanation', sa.JSON(), nullable=False),
    sa.Column('plan_hash', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('audio_sha256', sa.String(length=80), nullable=True),
    sa.Column('audio_size', sa.Integer(), nullable=True),
    sa.Column('audio_duration_ms', sa.Integer(), nullable=True),
    sa.Column('cue_sha256', sa.String(length=80), nullable=True),
    sa.Column('playlist_sha256', sa.String(length=80), nullable=True),
    sa.Column('render_error', sa.String(length=2000), nullable=True),
    sa.Column('planned_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('rendered_at', app.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('locked_at', app.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['slot_id'], ['slots.id'], name=op.f('fk_programmes_slot_id_slots'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_programmes_station_id_stations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programmes')),
    sa.UniqueConstraint('station_id', 'slot_id', 'air_date', 'area_key', name='uq_programmes_slot_instance')
    )
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programmes_air_date'), ['air_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_programmes_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_programmes_station_id'), ['station_id'], unique=False)

    op.create_table('relay_faults',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('relay_point_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('reported_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', app.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['relay_point_id'], ['relay_points.id'], name=op.f('fk_relay_faults_relay_point_id_relay_points'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reported_by_id'], ['users.id'], name=op.f('fk_relay_faults_reported_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relay_faults'))
    )
    with op.batch_alter_table('relay_faults', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relay_faults_relay_point_id'), ['relay_point_id'], unique=False)

    op.create_table('relay_heartbeats',
    sa.Column('relay_point_id', sa.Integer(), nullable=False),
    sa.Column('received_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('agent_version', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('free_disk_bytes', sa.BigInteger(), nullable=True),
    sa.Column('cached_until', app.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['relay_point_id'], ['relay_points.id'], name=op.f('fk_relay_heartbeats_relay_point_id_relay_points'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('relay_point_id', name=op.f('pk_relay_heartbeats'))
    )
    op.create_table('airings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('script_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('air_date', sa.Date(), nullable=False),
    sa.Column('slot_name', sa.String(length=64), nullable=False),
    sa.Column('aired_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_airings_programme_id_programmes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['script_id'], ['scripts.id'], name=op.f('fk_airings_script_id_scripts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_airings')),
    sa.UniqueConstraint('script_id', 'programme_id', name=op.f('uq_airings_script_id'))
    )
    with op.batch_alter_table('airings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_airings_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_airings_script_id'), ['script_id'], unique=False)

    op.create_table('emergencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('script_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('area_ids', sa.JSON(), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=False),
    sa.Column('issued_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('after', sa.String(length=16), nullable=False),
    sa.Column('cancelled_at', app.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_emergencies_issued_by_id_users')),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_emergencies_programme_id_programmes'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['script_id'], ['scripts.id'], name=op.f('fk_emergencies_script_id_scripts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_emergencies_station_id_stations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emergencies'))
    )
    with op.batch_alter_table('emergencies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emergencies_station_id'), ['station_id'], unique=False)

    op.create_table('relay_plays',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('relay_point_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('emergency_id', sa.Integer(), nullable=True),
    sa.Column('started_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('offset_ms', sa.Integer(), nullable=False),
    sa.Column('received_at', app.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['emergency_id'], ['emergencies.id'], name=op.f('fk_relay_plays_emergency_id_emergencies'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_relay_plays_programme_id_programmes'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['relay_point_id'], ['relay_points.id'], name=op.f('fk_relay_plays_relay_point_id_relay_points'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relay_plays')),
    sa.UniqueConstraint('record_id', name=op.f('uq_relay_plays_record_id'))
    )
    with op.batch_alter_table('relay_plays', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relay_plays_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relay_plays_relay_point_id'), ['relay_point_id'], unique=False)

    # ### end Alembic commands ###


def downgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_column('schedule_version')
    with op.batch_alter_table('relay_plays', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relay_plays_relay_point_id'))
        batch_op.drop_index(batch_op.f('ix_relay_plays_programme_id'))

    op.drop_table('relay_plays')
    with op.batch_alter_table('emergencies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emergencies_station_id'))

    op.drop_table('emergencies')
    with op.batch_alter_table('airings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_airings_script_id'))
        batch_op.drop_index(batch_op.f('ix_airings_programme_id'))

    op.drop_table('airings')
    op.drop_table('relay_heartbeats')
    with op.batch_alter_table('relay_faults', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relay_faults_relay_point_id'))

    op.drop_table('relay_faults')
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programmes_station_id'))
        batch_op.drop_index(batch_op.f('ix_programmes_starts_at'))
        batch_op.drop_index(batch_op.f('ix_programmes_air_date'))

    op.drop_table('programmes')
    op.drop_table('leases')
    # ### end Alembic commands ###
