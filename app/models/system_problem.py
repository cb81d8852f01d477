"""Problems of the server itself (e.g. a full disk) that editors and admins must see."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class SystemProblem(Base):
    """One ongoing problem, keyed by what it stops (e.g. `disk_full:render_ahead`); the row
    is removed when that work next succeeds."""

    __tablename__ = "system_problems"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    message_vi: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    occurrences: Mapped[int] = mapped_column(Integer, default=1)
