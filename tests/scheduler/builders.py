"""Builders of planner inputs for the scheduler tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from scheduler.model import Candidate, Filler, PlanSettings, Priority, SlotRequest

DAY = date(2024, 9, 2)
MIN = 60_000


def request(
    *, day: date = DAY, slot: str = "sáng", length_ms: int = 30 * MIN, start: time = time(6, 30)
) -> SlotRequest:
    return SlotRequest("Đài truyền thanh phường Hà Tu", slot, day, start, length_ms)


def settings(**overrides: Any) -> PlanSettings:
    base: dict[str, Any] = {"opening_ms": 12_000, "closing_ms": 8_000, "gap_ms": 1_500}
    base.update(overrides)
    return PlanSettings(**base)


def script(
    id: int,
    *,
    minutes: float = 3,
    priority: Priority = Priority.normal,
    topic: str = "chung",
    air_from: date = date(2024, 8, 1),
    air_until: date = date(2024, 12, 31),
    approved: datetime = datetime(2024, 8, 1, 9, tzinfo=UTC),
    **fields: Any,
) -> Candidate:
    return Candidate(
        id=id,
        title=f"Tin số {id}",
        topic=topic,
        priority=priority,
        duration_ms=int(minutes * MIN),
        air_from=air_from,
        air_until=air_until,
        approved_at=approved,
        **fields,
    )


def music(id: int, *, minutes: float = 4, cuttable: bool = True) -> Filler:
    return Filler(id=id, title=f"Nhạc {id}", duration_ms=int(minutes * MIN), cuttable=cuttable)
