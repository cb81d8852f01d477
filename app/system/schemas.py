from __future__ import annotations

from datetime import datetime

from app.schemas import Schema


class SystemProblemRead(Schema):
    """Something that stops the server's own work, with what to do about it."""

    code: str
    message_vi: str
    message_en: str
    first_seen_at: datetime
    last_seen_at: datetime
    occurrences: int
