from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, Enum, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class ThemeKind(enum.StrEnum):
    """A month's propaganda theme (chủ đề trọng tâm) or a commemoration day (ngày kỷ niệm)."""

    theme = "theme"
    commemoration = "commemoration"


class Theme(Base):
    """One line of a month's propaganda plan (kế hoạch tuyên truyền): what to broadcast about,
    when, and the documents that ask for it (e.g. the city's monthly orientation, seed 001)."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    # the first day of the plan's month
    month: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[ThemeKind] = mapped_column(Enum(ThemeKind, native_enum=False, length=16),
                                            default=ThemeKind.theme)
    title: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date | None] = mapped_column(Date, default=None)
    ends_on: Mapped[date | None] = mapped_column(Date, default=None)
    # the documents it comes from, one per line ("Công văn số 581-CV/BTGTU ngày 02/02/2023")
    sources: Mapped[str] = mapped_column(Text, default="")
    # how many bulletins the editor wants aired on it in the month (0: no target)
    target_bulletins: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
