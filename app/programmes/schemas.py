from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import Field

from app.fields import IdList, Line, Text
from app.schemas import Schema


class ProgrammeItemRead(Schema):
    kind: str
    offset_ms: int
    duration_ms: int
    title: str = ""
    script_id: int | None = None
    filler_id: int | None = None
    source_duration_ms: int | None = None
    fade_out_ms: int = 0
    provisional: bool = False
    audio_key: str | None = None
    spoken_by: str | None = Field(default=None, description='speech: engines and voices that spoke it, '
                                  'e.g. "neural:vi_VN-vais1000-medium+espeak:vi"')
    fell_back: bool = Field(default=False, description="speech: an engine lower than the station's first "
                            "choice stood in; spoken again when that engine answers, until the programme locks")


class ProgrammeRead(Schema):
    id: int
    station_id: int
    slot: str = Field(validation_alias="slot_name")
    air_date: date
    area_id: int | None
    starts_at: datetime
    starts_at_local: datetime
    duration_ms: int
    status: str
    is_emergency: bool
    version: int
    fill_ms: int = Field(description="time taken by scripts")
    items: list[ProgrammeItemRead]
    audio_url: str | None
    audio_sha256: str | None
    audio_size: int | None
    audio_duration_ms: int | None
    playlist_url: str | None
    cue_url: str | None = None
    render_error: str | None


class Explanation(Schema):
    programme_id: int
    entries: list[dict[str, Any]]


class EmergencyCreate(Schema):
    title: Line = Field(min_length=1, max_length=300)
    body: Text = Field(min_length=1, max_length=5000)
    area_ids: IdList = Field(default_factory=list, description="empty = every area")
    minutes: int = Field(default=60, ge=5, le=24 * 60, description="how long relays keep it active")
    after: str = Field(default="resume", pattern="^(resume|skip)$")
    topic: Line = Field(default="thong-bao", max_length=64)


class EmergencyRead(Schema):
    id: int
    script_id: int
    programme_id: int | None
    area_ids: list[int]
    issued_at: datetime
    expires_at: datetime
    after: str
    engine: str | None = None
    note: str | None = None
