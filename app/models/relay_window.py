"""Relay sources and relay windows (tiếp sóng): what a station relays, when, and how it went."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class RelaySource(Base):
    """A higher-level station's internet stream (HTTP MP3/AAC or HLS) a station may relay."""

    __tablename__ = "relay_sources"
    __table_args__ = (UniqueConstraint("station_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(2000))
    expected_format: Mapped[str] = mapped_column(String(8), default="mp3")  # mp3 | aac | hls
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_check_ok: Mapped[bool | None] = mapped_column(Boolean, default=None)
    last_check_detail: Mapped[str | None] = mapped_column(Text, default=None)


class RelayWindow(Base):
    """When a source is relayed: local start and end, on weekdays or dates, for some areas.

    ``placement`` is ``own_slot`` (a programme of its own) or ``in_slot`` (an item inside
    ``slot_id``'s programme). ``fallback`` is what plays when the source fails its checks:
    ``programme`` (the station's own programme for that time), ``recording`` or ``filler``."""

    __tablename__ = "relay_windows"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("relay_sources.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    weekdays: Mapped[list[int]] = mapped_column(JSON, default=list)  # 0 = Monday
    dates: Mapped[list[str]] = mapped_column(JSON, default=list)  # ISO dates, besides weekdays
    area_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # empty = every area
    placement: Mapped[str] = mapped_column(String(16), default="own_slot")
    slot_id: Mapped[int | None] = mapped_column(ForeignKey("slots.id", ondelete="SET NULL"), default=None)
    fallback: Mapped[str] = mapped_column(String(16), default="programme")
    fallback_recording_id: Mapped[int | None] = mapped_column(
        ForeignKey("recordings.id", ondelete="SET NULL"), default=None)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RelayWindowRun(Base):
    """One occurrence of a window on one local date: its checks, fallback and recording."""

    __tablename__ = "relay_window_runs"
    __table_args__ = (UniqueConstraint("window_id", "air_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("relay_windows.id", ondelete="CASCADE"), index=True)
    air_date: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    use_fallback: Mapped[bool] = mapped_column(Boolean, default=False)
    checks: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    recording_state: Mapped[str] = mapped_column(String(16), default="pending")  # pending|recording|done|failed
    recording_key: Mapped[str | None] = mapped_column(String(80), default=None)
    recorded_ms: Mapped[int | None] = mapped_column(Integer, default=None)
    recording_error: Mapped[str | None] = mapped_column(Text, default=None)
