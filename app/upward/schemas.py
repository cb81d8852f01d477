"""The upward API's answers: plain JSON a province platform can read without knowing Loa."""

from __future__ import annotations

from datetime import date, datetime
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class RelayStatus(BaseModel):
    id: int
    name: str
    revoked: bool
    last_seen_at: datetime | None = Field(description="The last time the relay point called the server (UTC).")
    connection: Literal["online", "late", "offline"] = Field(
        description="Heard (heartbeat or poll) within 3 minutes: online; within 6 hours: late; else offline.")
    state: str | None = Field(description="The state the relay point last reported (playing, idle, …).")
    agent_version: str | None
    last_error: str | None
    open_faults: int


class AreaInventory(BaseModel):
    id: int
    name: str
    relay_points: list[RelayStatus]


class Inventory(BaseModel):
    station_id: int
    station_name: str
    timezone: str
    generated_at: datetime
    areas: list[AreaInventory]


class PlanItem(BaseModel):
    kind: str
    title: str | None
    offset_ms: int
    duration_ms: int


class PlannedProgramme(BaseModel):
    id: int
    air_date: date
    slot_name: str
    area_key: int = Field(description="0: every area; otherwise the programme of one area's variant.")
    starts_at: datetime
    duration_ms: int
    status: str
    is_emergency: bool
    items: list[PlanItem]


class AsRunEntry(BaseModel):
    id: int
    relay_point_id: int
    relay_point_name: str
    area_id: int
    programme_id: int | None
    emergency_id: int | None
    started_at: datetime
    ended_at: datetime
    outcome: str = Field(description="completed, interrupted or failed, as the relay point reported.")
    offset_ms: int = Field(description="How late the relay point started, in milliseconds.")
    reason: str | None


class FaultEntry(BaseModel):
    id: int
    relay_point_id: int
    relay_point_name: str
    area_id: int
    category: str
    text: str
    created_at: datetime
    resolved_at: datetime | None
    resolution_note: str | None


class Page(BaseModel, Generic[T]):
    """One page of a long list: `next_offset` is null on the last page."""

    total: int
    offset: int
    limit: int
    next_offset: int | None
    items: list[T]


class FigureRow(BaseModel):
    key: str
    label: str
    airings_planned: int
    airings_aired: int
    minutes_planned: float
    minutes_aired: float


class MonthlyStatistics(BaseModel):
    station_id: int
    year: int
    month: int
    first: date
    last: date
    totals: FigureRow
    by_topic: list[FigureRow]
    by_priority: list[FigureRow]
    by_area: list[FigureRow]
    relay_points_due: int = Field(description="Programme airings the relay points were due to play.")
    relay_points_on_time: int
    relay_points_late: int
    faults_reported: int
