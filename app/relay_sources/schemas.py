from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field, field_validator

from app.fields import ClockTime, Id, IdList, Line
from app.schemas import Schema

SourceFormat = Literal["mp3", "aac", "hls"]
Placement = Literal["own_slot", "in_slot"]
Fallback = Literal["programme", "recording", "filler"]


def _stream_url(value: str) -> str:
    value = value.strip()
    if not value.lower().startswith(("http://", "https://")):
        raise ValueError("địa chỉ phải bắt đầu bằng http:// hoặc https:// (the URL must start with "
                         "http:// or https://)")
    return value


class RelaySourceCreate(Schema):
    name: Line = Field(min_length=1, max_length=200)
    url: Line = Field(min_length=8, max_length=2000, description="the stream's address (HTTP MP3/AAC or HLS .m3u8)")
    expected_format: SourceFormat = "mp3"
    _url = field_validator("url")(_stream_url)


class RelaySourceUpdate(Schema):
    name: Line | None = Field(default=None, min_length=1, max_length=200)
    url: Line | None = Field(default=None, min_length=8, max_length=2000)
    expected_format: SourceFormat | None = None

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        return None if value is None else _stream_url(value)


class RelaySourceRead(Schema):
    id: int
    station_id: int
    name: str
    url: str
    expected_format: str
    last_checked_at: datetime | None
    last_check_ok: bool | None
    last_check_detail: str | None


class SourceCheckRead(Schema):
    ok: bool
    decoded_ms: int
    elapsed_ms: int
    detail_vi: str
    detail_en: str


class RelayWindowCreate(Schema):
    source_id: Id
    title: Line = Field(min_length=1, max_length=200)
    start_time: ClockTime = Field(description="local time at the station, HH:MM")
    end_time: ClockTime = Field(description="local time at the station, HH:MM, after the start")
    weekdays: list[int] = Field(default_factory=list, max_length=7, description="0 = Monday … 6 = Sunday")
    dates: list[date] = Field(default_factory=list, max_length=366)
    area_ids: IdList = Field(default_factory=list, description="empty = every area")
    placement: Placement = "own_slot"
    slot_id: Id | None = Field(default=None, description="the slot holding an in_slot window")
    fallback: Fallback = "programme"
    fallback_recording_id: Id | None = None


class RelayWindowRead(Schema):
    id: int
    station_id: int
    source_id: int
    title: str
    start_time: ClockTime
    end_time: ClockTime
    weekdays: list[int]
    dates: list[date]
    area_ids: list[int]
    placement: str
    slot_id: int | None
    fallback: str
    fallback_recording_id: int | None


class RelayRunRead(Schema):
    id: int
    window_id: int
    air_date: date
    starts_at: datetime
    ends_at: datetime
    use_fallback: bool
    checks: list[dict[str, object]]
    recording_state: str
    recording_key: str | None
    recorded_ms: int | None
    recording_error: str | None


class RelayedMinutes(Schema):
    """Relay windows in a period: the "relayed" minutes reports count (tiếp sóng)."""

    runs: int
    on_fallback: int = Field(description="runs whose source failed its checks")
    scheduled_minutes: float
    recorded_minutes: float = Field(description="what Loa recorded of the relayed sources")
    live_minutes_by_area: dict[int, float] = Field(description="relay points' as-run, live stream")
    fallback_minutes_by_area: dict[int, float] = Field(description="relay points' as-run, fallback file")
