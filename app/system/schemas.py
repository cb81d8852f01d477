from __future__ import annotations

from datetime import datetime

from pydantic import Field

from app.schemas import Schema


class SystemProblemRead(Schema):
    """Something that stops the server's own work, with what to do about it."""

    code: str
    message_vi: str
    message_en: str
    first_seen_at: datetime
    last_seen_at: datetime
    occurrences: int


class StorageUse(Schema):
    """The audio store's size and the data disk's room (bytes, and as a person reads them)."""

    audio_store_bytes: int
    audio_store_files: int
    disk_free_bytes: int
    disk_total_bytes: int
    measured_at: datetime
    audio_retention_days: int | None = Field(
        default=None, description="The station's: days aired programmes' audio is kept (0 = for ever)")
    audio_store: str
    disk_free: str
    disk_total: str
