from __future__ import annotations

from datetime import datetime

from app.schemas import Schema


class RecordingRead(Schema):
    id: int
    station_id: int
    title: str
    filename: str
    audio_key: str
    original_key: str
    duration_ms: int
    size_bytes: int
    loudness_lufs: float | None
    is_filler: bool
    created_at: datetime
