"""What a push carries: one station's day so far, as-run figures per relay point and the day's faults.

Each push repeats the whole day (and the faults' ids), so a platform that missed a push, or got
one twice, keeps the latest per (station, day) and loses nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Area, RelayPlay, RelayPoint, Station
from app.upward import schemas, service


class RelayDay(BaseModel):
    relay_point_id: int
    relay_point_name: str
    area_id: int
    plays: int
    completed: int
    interrupted: int
    failed: int
    minutes_played: float


class DaySummary(BaseModel):
    station_id: int
    station_name: str
    day: date
    generated_at: datetime
    relay_points: list[RelayDay]
    faults: list[schemas.FaultEntry]


def day_summary(session: Session, station: Station, day: date, now: datetime | None = None) -> DaySummary:
    """The as-run counts per relay point and the faults reported on local day `day`."""
    start, end = service.utc_bounds(day, day, station.timezone)
    rows = session.execute(
        select(RelayPoint.id, RelayPoint.name, RelayPoint.area_id, RelayPlay.outcome, func.count())
        .join(Area, Area.id == RelayPoint.area_id)
        .join(RelayPlay, RelayPlay.relay_point_id == RelayPoint.id)
        .where(Area.station_id == station.id, RelayPlay.started_at >= start, RelayPlay.started_at < end)
        .group_by(RelayPoint.id, RelayPoint.name, RelayPoint.area_id, RelayPlay.outcome)).all()
    plays = session.execute(
        select(RelayPlay.relay_point_id, RelayPlay.started_at, RelayPlay.ended_at, RelayPlay.outcome)
        .join(RelayPoint, RelayPoint.id == RelayPlay.relay_point_id).join(Area, Area.id == RelayPoint.area_id)
        .where(Area.station_id == station.id, RelayPlay.started_at >= start, RelayPlay.started_at < end)).all()
    relays: dict[int, RelayDay] = {}
    for rid, name, area_id, outcome, count in rows:
        entry = relays.setdefault(rid, RelayDay(relay_point_id=rid, relay_point_name=name, area_id=area_id,
                                                plays=0, completed=0, interrupted=0, failed=0, minutes_played=0))
        entry.plays += count
        if outcome in ("completed", "interrupted", "failed"):
            setattr(entry, outcome, getattr(entry, outcome) + count)
    for rid, started, ended, outcome in plays:  # durations in Python: interval sums differ per database
        if outcome in ("completed", "interrupted"):
            relays[rid].minutes_played = round(relays[rid].minutes_played + (ended - started).total_seconds() / 60, 1)
    faults = service.faults_between(session, station, start, end)["items"]
    return DaySummary(station_id=station.id, station_name=station.name, day=day,
                      generated_at=now or datetime.now(UTC), relay_points=sorted(relays.values(),
                                                                              key=lambda r: r.relay_point_id),
                      faults=faults)
