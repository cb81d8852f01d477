from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import Field, field_validator

from app.fields import MAX_NAMES, Day, Id, IdList, Line, Text, not_blank
from app.models import Priority, ScriptStatus
from app.schemas import Schema

MAX_BODY_CHARS = 10_000


class ScriptFields(Schema):
    title: Line = Field(min_length=1, max_length=300)
    body: Text = Field(
        min_length=1, max_length=MAX_BODY_CHARS,
        description=f"Vietnamese text, at most {MAX_BODY_CHARS} characters",
    )
    topic: Line = Field(max_length=64, description="topic code of the station, e.g. 'thoi-su'")
    source_ref: Line = Field(default="", max_length=300)
    priority: Priority = Priority.normal
    air_from: Day
    air_until: Day
    slots: list[Line] = Field(default_factory=list, max_length=MAX_NAMES, description="slot names; empty = any slot")
    area_ids: IdList = Field(default_factory=list, description="target areas; empty = all")
    airings_target: int = Field(default=1, ge=1, le=200)
    recording_id: Id | None = None
    theme_id: Id | None = Field(default=None, description="a theme of the station's month plan")
    recurrence: Line | None = Field(
        default=None, max_length=200,
        description="RFC 5545 rule, e.g. FREQ=WEEKLY;BYDAY=MO,TH: airs once on each of its dates in the "
        "air window, up to airings_target times (left out: every date of the window)")

    _strip = field_validator("title", "body")(not_blank)


class ScriptCreate(ScriptFields):
    station_id: Id | None = Field(default=None, description="defaults to the author's station")


class ScriptUpdate(Schema):
    version: Id = Field(description="the version you edited; a stale one answers 409")
    title: Line | None = Field(default=None, min_length=1, max_length=300)
    body: Text | None = Field(default=None, min_length=1, max_length=MAX_BODY_CHARS)
    topic: Line | None = Field(default=None, max_length=64)
    source_ref: Line | None = Field(default=None, max_length=300)
    priority: Priority | None = None
    air_from: Day | None = None
    air_until: Day | None = None
    slots: list[Line] | None = Field(default=None, max_length=MAX_NAMES)
    area_ids: IdList | None = None
    airings_target: int | None = Field(default=None, ge=1, le=200)
    recording_id: Id | None = None
    theme_id: Id | None = Field(default=None, description="null clears it")
    recurrence: Line | None = Field(default=None, max_length=200, description="null or empty clears it")

    _strip = field_validator("title", "body")(not_blank)


class ScriptRead(Schema):
    id: int
    station_id: int
    title: str
    body: str
    topic: str
    source_ref: str
    priority: Priority
    status: ScriptStatus
    air_from: date
    air_until: date
    slots: list[str]
    area_ids: list[int]
    airings_target: int
    airings_done: int
    recording_id: int | None
    theme_id: int | None = None
    recurrence: str | None = None
    author_id: int
    reviewed_by_id: int | None
    reviewed_at: datetime | None
    approved_at: datetime | None
    rejection_reason: str | None
    approved_snapshot: dict[str, Any] | None
    rejected_snapshot: dict[str, Any] | None = None
    version: int = Field(description="changes with every write: send it back to refuse a stale edit")
    revision: int = Field(default=1, description="the version people wrote: 1, then +1 per edit")
    created_at: datetime
    updated_at: datetime


class Rejection(Schema):
    reason: Text = Field(min_length=1, max_length=2000)
    version: Id | None = None

    _strip = field_validator("reason")(not_blank)


class Approval(Schema):
    version: Id | None = Field(default=None, description="optional: refuse if the script changed")
    priority: Priority | None = Field(default=None, description="the editor decides the priority")


class ActionBody(Schema):
    version: Id | None = None


class ThemeChoice(Schema):
    theme_id: Id | None = Field(description="a theme of the station's month plan; null: none")
