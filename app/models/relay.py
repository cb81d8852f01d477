from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class RelayHeartbeat(Base):
    """The latest state a relay point reported (one row per relay point)."""

    __tablename__ = "relay_heartbeats"

    relay_point_id: Mapped[int] = mapped_column(
        ForeignKey("relay_points.id", ondelete="CASCADE"), primary_key=True
    )
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    agent_version: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(32), default="")
    free_disk_bytes: Mapped[int | None] = mapped_column(BigInteger, default=None)
    cached_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)


class RelayPlay(Base):
    """The as-run log (nhật ký phát): what a relay point actually played."""

    __tablename__ = "relay_plays"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), unique=True)
    relay_point_id: Mapped[int] = mapped_column(ForeignKey("relay_points.id", ondelete="CASCADE"),
                                                index=True)
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="SET NULL"), default=None, index=True
    )
    emergency_id: Mapped[int | None] = mapped_column(
        ForeignKey("emergencies.id", ondelete="SET NULL"), default=None
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    offset_ms: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # a relay window's run (tiếp sóng): which part played, the live stream or the fallback file
    relay_run_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    relay_part: Mapped[str | None] = mapped_column(String(16), default=None)


class RelayFault(Base):
    """A fault a neighbourhood leader or agent reported."""

    __tablename__ = "relay_faults"

    id: Mapped[int] = mapped_column(primary_key=True)
    relay_point_id: Mapped[int] = mapped_column(ForeignKey("relay_points.id", ondelete="CASCADE"),
                                                index=True)
    category: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                       default=None)
    resolution_note: Mapped[str | None] = mapped_column(Text, default=None)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
