"""The API's shapes of bulletins sent down: the sender's side and the ward's inbox."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field, field_validator

from app.fields import Day, Id, IdList, Line, Text, not_blank
from app.models import BulletinStatus, DeliveryState, Priority
from app.schemas import Schema
from app.scripts.schemas import MAX_BODY_CHARS

MAX_STATIONS = 500  # a province has 100-200 stations


class BulletinCreate(Schema):
    title: Line = Field(min_length=1, max_length=300)
    body: Text = Field(min_length=1, max_length=MAX_BODY_CHARS)
    level: Priority = Field(default=Priority.normal, description="normal / priority / emergency")
    air_from: Day
    air_until: Day
    airings_target: int = Field(default=1, ge=1, le=50, description="times each ward airs it")
    emergency_minutes: int | None = Field(default=None, ge=5, le=24 * 60,
                                          description="emergency: how long relays keep it active")

    _strip = field_validator("title", "body")(not_blank)


class BulletinUpdate(Schema):
    title: Line | None = Field(default=None, min_length=1, max_length=300)
    body: Text | None = Field(default=None, min_length=1, max_length=MAX_BODY_CHARS)
    level: Priority | None = None
    air_from: Day | None = None
    air_until: Day | None = None
    airings_target: int | None = Field(default=None, ge=1, le=50)
    emergency_minutes: int | None = Field(default=None, ge=5, le=24 * 60)

    _strip = field_validator("title", "body")(not_blank)


class BulletinRead(Schema):
    id: int
    organisation_id: int
    title: str
    body: str
    level: Priority
    status: BulletinStatus
    air_from: date
    air_until: date
    airings_target: int
    emergency_minutes: int | None
    recording_filename: str | None = Field(description="the attached recording, aired instead of the text")
    recording_duration_ms: int | None
    author_id: int
    approved_by_id: int | None
    approved_at: datetime | None
    sent_by_id: int | None
    sent_at: datetime | None
    cancelled_at: datetime | None
    rejection_reason: str | None = Field(default=None, description="why an approver sent it back to draft")
    rejected_at: datetime | None = None
    created_at: datetime


class SendTarget(Schema):
    station_id: Id
    area_ids: IdList = Field(default_factory=list, description="areas of that station; empty = every area")


class BulletinSend(Schema):
    stations: list[SendTarget] = Field(min_length=1, max_length=MAX_STATIONS)
    level: Priority | None = Field(default=None, description="overrides the draft's level")
    air_from: Day | None = None
    air_until: Day | None = None
    emergency_minutes: int | None = Field(default=None, ge=5, le=24 * 60)


# What the sender sees per station; scheduled / aired / missed / on_air are read, not stored.
StationStatus = Literal["queued", "failed", "received", "accepted", "declined", "stopped", "scheduled",
                        "aired", "missed", "on_air"]


class DeliveryStatus(Schema):
    delivery_id: int
    station_id: int
    station_name: str
    area_ids: list[int]
    state: DeliveryState
    status: StationStatus
    decline_reason: str | None
    failure_reason: str | None = Field(default=None, description="why its delivery job could not deliver")
    script_id: int | None
    emergency_id: int | None
    decided_at: datetime | None


class InboxItem(Schema):
    id: int
    bulletin_id: int
    organisation: str
    title: str
    body: str
    level: Priority
    air_from: date
    air_until: date
    area_ids: list[int]
    state: DeliveryState
    decline_reason: str | None
    script_id: int | None
    emergency_id: int | None
    received_at: datetime
    recording_duration_ms: int | None = Field(default=None, description="the bulletin has a recording")


class Decline(Schema):
    reason: Text = Field(min_length=1, max_length=2000)

    _strip = field_validator("reason")(not_blank)


class BulletinRejection(Schema):
    reason: Text = Field(min_length=1, max_length=2000)

    _strip = field_validator("reason")(not_blank)
