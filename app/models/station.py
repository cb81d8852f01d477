from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from app.models.area import Area

DEFAULT_OPENING = "Đây là {station}. Bây giờ là {time}, {date}. Mời bà con cùng nghe chương trình phát thanh."
DEFAULT_CLOSING = "{station} vừa kết thúc chương trình phát thanh. Xin cảm ơn bà con đã chú ý lắng nghe."


class Station(Base):
    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Ho_Chi_Minh")
    opening_announcement: Mapped[str] = mapped_column(Text, default=DEFAULT_OPENING)
    closing_announcement: Mapped[str] = mapped_column(Text, default=DEFAULT_CLOSING)
    voice: Mapped[str] = mapped_column(String(64), default="vi")
    # the engine order, first choice first: "offline", "gtts", "neural", "gtts,neural", …
    # (eSpeak NG, "offline", always ends it)
    speech_engine: Mapped[str] = mapped_column(String(32), default="offline")
    # an installed local neural voice (`loa voices add`), used when the order names "neural"
    neural_voice: Mapped[str | None] = mapped_column(String(64), default=None)
    # 125 wpm: clearer than 150 over a street loudspeaker (bench/bench_intelligibility.py)
    speech_rate: Mapped[int] = mapped_column(Integer, default=125)
    speech_pitch: Mapped[int] = mapped_column(Integer, default=50)
    # the station's own abbreviations for the spoken form, laid over the built-in dictionary
    abbreviations: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    # the programme files relay points download (weak 3G links want low bit rates)
    audio_format: Mapped[str] = mapped_column(String(8), default="mp3")
    audio_bitrate_kbps: Mapped[int] = mapped_column(Integer, default=48)
    audio_sample_rate: Mapped[int] = mapped_column(Integer, default=22050)
    # the area's live stream outside slots: "carrier" (quiet, receivers stay connected) or "off"
    stream_idle: Mapped[str] = mapped_column(String(16), default="carrier", server_default="carrier")
    # aired programmes' audio is deleted this many days after air (0 = kept for ever); scripts,
    # recordings and the as-run log are kept for the archive whatever this says
    audio_retention_days: Mapped[int] = mapped_column(Integer, default=90, server_default="90")
    # bumped whenever a programme or emergency of the station changes: relays' ETags hang on it
    schedule_version: Mapped[int] = mapped_column(Integer, default=1)
    # set when a slot, area or relay point changes: the next re-plan picks the station up
    plan_inputs_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # the digest of everything the last plan depended on: an unchanged re-plan is skipped
    plan_fingerprint: Mapped[str | None] = mapped_column(String(64), default=None)
    # the district or province the station belongs to (None: a station on its own)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), default=None, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    slots: Mapped[list[Slot]] = relationship(
        back_populates="station", lazy="raise", order_by="Slot.start_time",
        cascade="all, delete-orphan",
    )
    areas: Mapped[list[Area]] = relationship(
        back_populates="station", lazy="raise", order_by="Area.name",
        cascade="all, delete-orphan",
    )


class Slot(Base):
    """A daily broadcast slot: a local start time and a length, in the station's zone."""

    __tablename__ = "slots"
    __table_args__ = (UniqueConstraint("station_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200), default="")
    start_time: Mapped[time] = mapped_column(Time)
    length_seconds: Mapped[int] = mapped_column(Integer, default=1800)

    station: Mapped[Station] = relationship(back_populates="slots", lazy="raise")
