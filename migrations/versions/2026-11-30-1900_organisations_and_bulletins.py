"""organisations, bulletins, bulletin_deliveries; stations and users may belong to an organisation

Revision ID: 4c1a7e2d9f30
Revises: 9b3e71c04d2a
Create Date: 2026-11-30 19:00:00+00:00

A single-ward database gains empty tables and two NULL columns: nothing of it moves.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '4c1a7e2d9f30'
down_revision: str | None = '9b3e71c04d2a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'organisations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.Enum('province', 'district', name='organisationkind',
                                  native_enum=False, length=16), nullable=False),
        sa.Column('parent_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['parent_id'], ['organisations.id'],
                                name=op.f('fk_organisations_parent_id_organisations'), ondelete='RESTRICT'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations')),
        sa.UniqueConstraint('name', name=op.f('uq_organisations_name')),
    )
    op.create_index(op.f('ix_organisations_parent_id'), 'organisations', ['parent_id'])
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('organisation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_stations_organisation_id'), ['organisation_id'])
        batch_op.create_foreign_key(batch_op.f('fk_stations_organisation_id_organisations'),
                                    'organisations', ['organisation_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('organisation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_users_organisation_id'), ['organisation_id'])
        batch_op.create_foreign_key(batch_op.f('fk_users_organisation_id_organisations'),
                                    'organisations', ['organisation_id'], ['id'], ondelete='SET NULL')
    level = sa.Enum('normal', 'priority', 'emergency', name='priority', native_enum=False, length=16)
    op.create_table(
        'bulletins',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('recording_key', sa.String(length=80), nullable=True),
        sa.Column('recording_duration_ms', sa.Integer(), nullable=True),
        sa.Column('recording_filename', sa.String(length=300), nullable=True),
        sa.Column('level', level, nullable=False),
        sa.Column('status', sa.Enum('draft', 'submitted', 'approved', 'sent', 'cancelled',
                                    name='bulletinstatus', native_enum=False, length=16), nullable=False),
        sa.Column('air_from', sa.Date(), nullable=False),
        sa.Column('air_until', sa.Date(), nullable=False),
        sa.Column('airings_target', sa.Integer(), nullable=False),
        sa.Column('emergency_minutes', sa.Integer(), nullable=True),
        sa.Column('author_id', sa.Integer(), nullable=False),
        sa.Column('approved_by_id', sa.Integer(), nullable=True),
        sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('sent_by_id', sa.Integer(), nullable=True),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'],
                                name=op.f('fk_bulletins_organisation_id_organisations'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_bulletins_author_id_users')),
        sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'],
                                name=op.f('fk_bulletins_approved_by_id_users')),
        sa.ForeignKeyConstraint(['sent_by_id'], ['users.id'], name=op.f('fk_bulletins_sent_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_bulletins')),
    )
    op.create_index(op.f('ix_bulletins_organisation_id'), 'bulletins', ['organisation_id'])
    op.create_index(op.f('ix_bulletins_author_id'), 'bulletins', ['author_id'])
    op.create_index(op.f('ix_bulletins_status'), 'bulletins', ['status'])
    op.create_table(
        'bulletin_deliveries',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('bulletin_id', sa.Integer(), nullable=False),
        sa.Column('station_id', sa.Integer(), nullable=False),
        sa.Column('area_ids', sa.JSON(), nullable=False),
        sa.Column('state', sa.Enum('received', 'accepted', 'declined', 'stopped',
                                   name='deliverystate', native_enum=False, length=16), nullable=False),
        sa.Column('script_id', sa.Integer(), nullable=True),
        sa.Column('emergency_id', sa.Integer(), nullable=True),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decline_reason', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['bulletin_id'], ['bulletins.id'],
                                name=op.f('fk_bulletin_deliveries_bulletin_id_bulletins'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['station_id'], ['stations.id'],
                                name=op.f('fk_bulletin_deliveries_station_id_stations'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['script_id'], ['scripts.id'],
                                name=op.f('fk_bulletin_deliveries_script_id_scripts'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['emergency_id'], ['emergencies.id'],
                                name=op.f('fk_bulletin_deliveries_emergency_id_emergencies'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'],
                                name=op.f('fk_bulletin_deliveries_decided_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_bulletin_deliveries')),
        sa.UniqueConstraint('bulletin_id', 'station_id', name=op.f('uq_bulletin_deliveries_bulletin_id')),
    )
    op.create_index(op.f('ix_bulletin_deliveries_bulletin_id'), 'bulletin_deliveries', ['bulletin_id'])
    op.create_index(op.f('ix_bulletin_deliveries_station_id'), 'bulletin_deliveries', ['station_id'])
    op.create_index(op.f('ix_bulletin_deliveries_script_id'), 'bulletin_deliveries', ['script_id'])


def downgrade() -> None:
    op.drop_table('bulletin_deliveries')
    op.drop_table('bulletins')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_users_organisation_id_organisations'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_users_organisation_id'))
        batch_op.drop_column('organisation_id')
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_stations_organisation_id_organisations'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_stations_organisation_id'))
        batch_op.drop_column('organisation_id')
    op.drop_table('organisations')
