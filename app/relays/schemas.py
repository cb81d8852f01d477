from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from app.fields import TEXT_CHECK, ByteCount, Id, Instant, Line, Offset, Text
from app.schemas import Schema


class RelayInfo(Schema):
    id: int
    name: str
    area_id: int
    area_name: str


class StationInfo(Schema):
    id: int
    name: str
    timezone: str


class ScheduledProgramme(Schema):
    id: int
    slot: str
    starts_at: datetime
    starts_at_local: datetime
    duration_ms: int
    status: str
    audio_url: str | None
    sha256: str | None
    size_bytes: int | None
    m3u8_url: str | None
    version: int


class EmergencyBulletin(Schema):
    id: int
    title: str
    issued_at: datetime
    expires_at: datetime
    duration_ms: int
    audio_url: str | None
    sha256: str | None
    size_bytes: int | None
    after: Literal["resume", "skip"]


class ScheduledRelay(Schema):
    """A relay window (tiếp sóng) run: play `live_url` from `starts_at` to `ends_at`; if it is
    null (the source failed its checks) or the stream drops, play the cached fallback file."""

    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    live_url: str | None
    fallback_audio_url: str | None
    fallback_sha256: str | None
    fallback_size_bytes: int | None
    fallback_duration_ms: int | None
    fallback_kind: Literal["programme", "recording", "filler"] = Field(
        default="filler", description="programme: the area's own programme plays when there is one "
                                      "(the fallback file otherwise)")


class RelaySchedule(Schema):
    relay_point: RelayInfo
    station: StationInfo
    generated_at: datetime
    poll_seconds: int
    programmes: list[ScheduledProgramme]
    emergency: EmergencyBulletin | None
    relays: list[ScheduledRelay] = []


class Heartbeat(Schema):
    agent_version: Line = Field(default="", max_length=64)
    sent_at: Instant | None = None
    state: Line = Field(default="", max_length=32)
    free_disk_bytes: ByteCount | None = None
    cached_until: Instant | None = None
    last_error: Text | None = Field(default=None, max_length=2000)


class PlayedRecord(Schema):
    record_id: Line = Field(min_length=8, max_length=64)
    programme_id: Id | None = None
    emergency_id: Id | None = None
    started_at: Instant
    ended_at: Instant
    outcome: Literal["completed", "interrupted", "failed"]
    reason: Text | None = Field(default=None, max_length=2000)
    offset_ms: Offset = 0
    relay_run_id: Id | None = Field(default=None, description="the relay window run this record belongs to")
    relay_part: Literal["live", "fallback"] | None = Field(
        default=None, description="what played of the relay window: the live stream or the fallback file")


class FaultReport(Schema):
    category: Literal["speaker", "amplifier", "power", "network", "other"]
    text: Text = Field(min_length=1, max_length=2000)


class RelayStatus(Schema):
    id: int
    name: str
    area_id: int
    area_name: str
    token_revoked: bool
    last_seen_at: datetime | None
    online: bool
    connection: Literal["online", "late", "offline"] = Field(
        description="online: heard within 3 min; late: within 6 h; offline: longer or never (app/relays/health.py)")
    state: str | None
    agent_version: str | None
    cached_until: datetime | None
    last_error: str | None
    last_played_programme_id: int | None
    last_played_at: datetime | None
    missed_programme_ids: list[int]
    open_faults: list[dict[str, object]]
    health: Literal["green", "amber", "red"]
    flagged: bool


class FaultResolution(Schema):
    note: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), TEXT_CHECK] = Field(
        description="what was done (đã khắc phục thế nào)")


class FaultRead(Schema):
    id: int
    relay_point_id: int
    category: str
    text: str
    created_at: datetime
    resolved_at: datetime | None
    resolved_by_id: int | None
    resolution_note: str | None
