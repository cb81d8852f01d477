from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Enum, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class ProgrammeStatus(enum.StrEnum):
    provisional = "provisional"  # some durations are estimates
    planned = "planned"
    rendered = "rendered"
    locked = "locked"  # 30 minutes before air: only an emergency changes it
    aired = "aired"
    cancelled = "cancelled"  # an emergency bulletin stopped by the editor: never counted as aired


class Programme(Base):
    """One slot's programme on one date, for the whole station (area_key 0) or one area."""

    __tablename__ = "programmes"
    __table_args__ = (UniqueConstraint("station_id", "slot_id", "air_date", "area_key",
                                       name="uq_programmes_slot_instance"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    slot_id: Mapped[int | None] = mapped_column(ForeignKey("slots.id", ondelete="SET NULL"), default=None)
    slot_name: Mapped[str] = mapped_column(String(64))
    air_date: Mapped[date] = mapped_column(Date, index=True)
    # 0 = every area of the station; otherwise the one area this variant serves
    area_key: Mapped[int] = mapped_column(Integer, default=0)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    duration_ms: Mapped[int] = mapped_column(Integer)
    status: Mapped[ProgrammeStatus] = mapped_column(
        Enum(ProgrammeStatus, native_enum=False, length=16), default=ProgrammeStatus.provisional
    )
    is_emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    explanation: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    plan_hash: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # storage keys: the file's sha256 plus its suffix (".mp3", ".json", ".m3u8")
    audio_key: Mapped[str | None] = mapped_column(String(80), default=None)
    audio_size: Mapped[int | None] = mapped_column(Integer, default=None)
    audio_duration_ms: Mapped[int | None] = mapped_column(Integer, default=None)
    cue_key: Mapped[str | None] = mapped_column(String(80), default=None)
    playlist_key: Mapped[str | None] = mapped_column(String(80), default=None)
    render_error: Mapped[str | None] = mapped_column(String(2000), default=None)
    planned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rendered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class Airing(Base):
    """A script aired in a programme: counts towards its total and spreads its repeats."""

    __tablename__ = "airings"
    __table_args__ = (UniqueConstraint("script_id", "programme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(ForeignKey("scripts.id", ondelete="CASCADE"), index=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    air_date: Mapped[date] = mapped_column(Date)
    slot_name: Mapped[str] = mapped_column(String(64))
    aired_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)


class Emergency(Base):
    """An emergency bulletin (khẩn cấp): played at once by the relay points of its areas."""

    __tablename__ = "emergencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    script_id: Mapped[int] = mapped_column(ForeignKey("scripts.id", ondelete="CASCADE"))
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"),
                                                     default=None)
    area_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # empty = every area
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    after: Mapped[str] = mapped_column(String(16), default="resume")
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class Lease(Base):
    """A named lease held by one process until it expires: one scheduler leader at a time."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
