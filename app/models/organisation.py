"""The province's information-source system: organisations above the stations, bulletins sent down.

An organisation is a province or a district (kind). A station belongs to at most one organisation
(its district, or its province directly); a district belongs to its province. A user belongs to a
station (``users.station_id``) or to an organisation (``users.organisation_id``), never both; the
role applies within it. A single-ward installation has no organisation at all.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import JSON, Date, Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow
from app.models.script import Priority


class OrganisationKind(enum.StrEnum):
    province = "province"
    district = "district"


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[OrganisationKind] = mapped_column(Enum(OrganisationKind, native_enum=False, length=16))
    # a district's province; None for a province
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), default=None, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class BulletinStatus(enum.StrEnum):
    draft = "draft"
    submitted = "submitted"  # waiting for the organisation's leader
    approved = "approved"    # may be sent
    sent = "sent"
    cancelled = "cancelled"


class Bulletin(Base):
    """A bulletin a province or district sends down to chosen stations (text and/or recording).

    ``level`` is the Circular 39 level: normal (the ward decides when to air it), priority (it
    leads the ward's next programme), emergency (it airs at once, like the ward's own emergency)."""

    __tablename__ = "bulletins"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    # an uploaded recording: its storage key (content-addressed), length and checksum
    recording_key: Mapped[str | None] = mapped_column(String(80), default=None)
    recording_duration_ms: Mapped[int | None] = mapped_column(Integer, default=None)
    recording_filename: Mapped[str | None] = mapped_column(String(300), default=None)
    level: Mapped[Priority] = mapped_column(Enum(Priority, native_enum=False, length=16),
                                            default=Priority.normal)
    status: Mapped[BulletinStatus] = mapped_column(
        Enum(BulletinStatus, native_enum=False, length=16), default=BulletinStatus.draft, index=True
    )
    # the air window (station-local dates); an emergency also has a length in minutes
    air_from: Mapped[date] = mapped_column(Date)
    air_until: Mapped[date] = mapped_column(Date)
    airings_target: Mapped[int] = mapped_column(Integer, default=1)
    emergency_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # an approver sent it back to its author as a draft, saying why (kept until it is approved)
    rejection_reason: Mapped[str | None] = mapped_column(Text, default=None)
    rejected_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class DeliveryState(enum.StrEnum):
    queued = "queued"      # priority / emergency: its delivery job has not run yet
    failed = "failed"      # its delivery job could not make it (``failure_reason`` says why)
    received = "received"  # in the ward's queue, not yet decided (normal level)
    accepted = "accepted"  # the ward took it: its own script now, planned like its own
    declined = "declined"  # the ward said no (with a reason the sender sees)
    stopped = "stopped"    # an emergency the sender or the ward stopped


class BulletinDelivery(Base):
    """One station's copy of a bulletin: what it received and what became of it.

    Scheduled / aired / missed are not stored: they are read from the ward's script (``script_id``),
    its programmes and the relay points' as-run reports."""

    __tablename__ = "bulletin_deliveries"
    __table_args__ = (UniqueConstraint("bulletin_id", "station_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id", ondelete="CASCADE"), index=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    # the chosen areas of that station; empty = every area
    area_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    state: Mapped[DeliveryState] = mapped_column(
        Enum(DeliveryState, native_enum=False, length=16), default=DeliveryState.received
    )
    # the ward's own script made from the bulletin (on acceptance, or at once for priority/emergency)
    script_id: Mapped[int | None] = mapped_column(
        ForeignKey("scripts.id", ondelete="SET NULL"), default=None, index=True
    )
    emergency_id: Mapped[int | None] = mapped_column(
        ForeignKey("emergencies.id", ondelete="SET NULL"), default=None
    )
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    decline_reason: Mapped[str | None] = mapped_column(Text, default=None)
    failure_reason: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
