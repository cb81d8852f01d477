from __future__ import annotations

from datetime import datetime

from pydantic import Field, StrictBool, field_validator

from app.fields import ClockTime, Line, Text, Timezone
from app.schemas import Schema

Name = Field(min_length=1, max_length=200)


def _stripped(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise ValueError("không được để trống (must not be blank)")
    return value


class SlotRead(Schema):
    id: int
    name: str
    label: str
    start_time: ClockTime
    length_seconds: int


class SlotCreate(Schema):
    name: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9_-]+$")
    label: Line = Field(default="", max_length=200)
    start_time: ClockTime = Field(description="local time at the station, HH:MM")
    length_seconds: int = Field(default=1800, ge=60, le=4 * 3600)


class SlotUpdate(Schema):
    label: Line | None = Field(default=None, max_length=200)
    start_time: ClockTime | None = Field(default=None, description="local time at the station, HH:MM")
    length_seconds: int | None = Field(default=None, ge=60, le=4 * 3600)


class AreaRead(Schema):
    id: int
    station_id: int
    name: str


class AreaWrite(Schema):
    name: Line = Name
    _strip = field_validator("name")(_stripped)


class TopicRead(Schema):
    id: int
    code: str
    name: str


class TopicCreate(Schema):
    code: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9_-]+$")
    name: Line = Name
    _strip = field_validator("name")(_stripped)


class StationRead(Schema):
    id: int
    name: str
    timezone: str
    opening_announcement: str
    closing_announcement: str
    voice: str
    speech_engine: str = Field(description="engine order, first choice first; eSpeak NG (offline) always ends it")
    neural_voice: str | None = None
    speech_rate: int
    speech_pitch: int
    audio_format: str
    audio_bitrate_kbps: int
    audio_sample_rate: int
    stream_idle: str
    audio_retention_days: int


class StationDetail(StationRead):
    slots: list[SlotRead]
    areas: list[AreaRead]
    topics: list[TopicRead]


class StationCreate(Schema):
    name: Line = Name
    timezone: Timezone = "Asia/Ho_Chi_Minh"
    opening_announcement: Text | None = Field(default=None, max_length=2000)
    closing_announcement: Text | None = Field(default=None, max_length=2000)
    default_slots: StrictBool = Field(default=True, description="Create 06:30 and 16:30, 30 min each")
    _strip = field_validator("name")(_stripped)


class StationUpdate(Schema):
    name: Line | None = Field(default=None, min_length=1, max_length=200)
    timezone: Timezone | None = None
    opening_announcement: Text | None = Field(default=None, max_length=2000)
    closing_announcement: Text | None = Field(default=None, max_length=2000)
    voice: str | None = Field(default=None, pattern=r"^(vi|vi-VN-x-central|vi-VN-x-south)$")
    speech_engine: str | None = Field(
        default=None, pattern=r"^(offline|gtts|neural)(,(offline|gtts|neural)){0,2}$",
        description='engine order, first choice first, e.g. "gtts,neural" (eSpeak NG always ends it)')
    neural_voice: str | None = Field(default=None, max_length=64,
                                     description="an installed local neural voice; empty clears it")
    speech_rate: int | None = Field(default=None, ge=80, le=300)
    speech_pitch: int | None = Field(default=None, ge=0, le=99)
    audio_format: str | None = Field(default=None, pattern=r"^(mp3|opus)$")
    audio_bitrate_kbps: int | None = Field(default=None, ge=16, le=192)
    audio_sample_rate: int | None = Field(default=None, ge=8000, le=48000)
    stream_idle: str | None = Field(default=None, pattern=r"^(carrier|off)$",
                                    description="The live stream outside slots: a quiet carrier, or off")
    audio_retention_days: int | None = Field(
        default=None, ge=0, le=3650,
        description="Days aired programmes' audio is kept after air (0 = for ever); scripts and recordings stay")
    _strip = field_validator("name")(_stripped)


class RelayPointRead(Schema):
    id: int
    area_id: int
    name: str
    token_prefix: str
    revoked_at: datetime | None
    created_at: datetime
    last_seen_at: datetime | None


class RelayPointCreate(Schema):
    name: Line = Name
    _strip = field_validator("name")(_stripped)


class RelayPointWithToken(RelayPointRead):
    token: str = Field(description="Shown once: store it on the relay point now.")
