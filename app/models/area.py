from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from app.models.station import Station


class Area(Base):
    """A neighbourhood (khu phố, tổ dân phố) of a station."""

    __tablename__ = "areas"
    __table_args__ = (UniqueConstraint("station_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))

    station: Mapped[Station] = relationship(back_populates="areas", lazy="raise")
    relay_points: Mapped[list[RelayPoint]] = relationship(
        back_populates="area", lazy="raise", cascade="all, delete-orphan"
    )


class RelayPoint(Base):
    """A loudspeaker cluster (cụm loa); its token is kept only as a SHA-256 hash."""

    __tablename__ = "relay_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_prefix: Mapped[str] = mapped_column(String(16))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    area: Mapped[Area] = relationship(back_populates="relay_points", lazy="raise")
