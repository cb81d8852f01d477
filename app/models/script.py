from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Date, Enum, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.area import Area
from app.models.base import Base, UTCDateTime, utcnow
from app.models.station import Slot
from app.models.topic import Topic


class Priority(enum.StrEnum):
    """The three levels of Thông tư 39/2020/TT-BTTTT."""

    normal = "normal"
    priority = "priority"
    emergency = "emergency"


class ScriptStatus(enum.StrEnum):
    draft = "draft"
    submitted = "submitted"
    approved = "approved"
    rejected = "rejected"
    withdrawn = "withdrawn"
    archived = "archived"


script_areas = Table(
    "script_areas",
    Base.metadata,
    Column("script_id", ForeignKey("scripts.id", ondelete="CASCADE"), primary_key=True),
    Column("area_id", ForeignKey("areas.id", ondelete="CASCADE"), primary_key=True),
)

script_slots = Table(
    "script_slots",
    Base.metadata,
    Column("script_id", ForeignKey("scripts.id", ondelete="CASCADE"), primary_key=True),
    Column("slot_id", ForeignKey("slots.id", ondelete="CASCADE"), primary_key=True),
)


class Script(Base):
    """A news script (tin bài). No target areas means every area; no slots means any slot."""

    __tablename__ = "scripts"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    # lower-case, accent-free title, body and source: people search without diacritics
    search_text: Mapped[str] = mapped_column(Text, default="")
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), index=True)
    source_ref: Mapped[str] = mapped_column(String(300), default="")
    # the month plan's theme it serves (kế hoạch tuyên truyền); a label, not content: no re-approval
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"),
                                                 default=None, index=True)
    # an RFC 5545 rule (FREQ=WEEKLY;BYDAY=MO,TH): it airs once on each date the rule gives inside
    # its air window, up to airings_target times; None airs airings_target times anywhere in it
    recurrence: Mapped[str | None] = mapped_column(String(200), default=None)
    priority: Mapped[Priority] = mapped_column(
        Enum(Priority, native_enum=False, length=16), default=Priority.normal
    )
    status: Mapped[ScriptStatus] = mapped_column(
        Enum(ScriptStatus, native_enum=False, length=16), default=ScriptStatus.draft, index=True
    )
    air_from: Mapped[date] = mapped_column(Date)
    air_until: Mapped[date] = mapped_column(Date)
    airings_target: Mapped[int] = mapped_column(Integer, default=1)
    airings_done: Mapped[int] = mapped_column(Integer, default=0)
    recording_id: Mapped[int | None] = mapped_column(
        ForeignKey("recordings.id", ondelete="SET NULL"), default=None
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    rejection_reason: Mapped[str | None] = mapped_column(Text, default=None)
    approved_snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    # what the editor saw when they last rejected it (cleared on approval): the base of the next diff
    rejected_snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    # the script's synthesized speech: storage key, exact length, and what it was made from
    speech_key: Mapped[str | None] = mapped_column(String(80), default=None)
    speech_duration_ms: Mapped[int | None] = mapped_column(Integer, default=None)
    speech_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    speech_engine: Mapped[str | None] = mapped_column(String(32), default=None)
    speech_note: Mapped[str | None] = mapped_column(Text, default=None)
    # `version` guards concurrent writes and moves with every row update (speech renders, airings);
    # `revision` counts the versions people wrote: 1 at creation, +1 per edit that changed content.
    version: Mapped[int] = mapped_column(Integer, default=1)
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    topic: Mapped[Topic] = relationship(lazy="raise")
    areas: Mapped[list[Area]] = relationship(secondary=script_areas, lazy="raise", order_by="Area.id")
    slots: Mapped[list[Slot]] = relationship(secondary=script_slots, lazy="raise", order_by="Slot.id")

    __mapper_args__ = {"version_id_col": version}
