"""The upward figures, read from the tables the reports already use; nothing here writes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Area, Programme, RelayFault, RelayHeartbeat, RelayPlay, RelayPoint, Station
from app.relays import health
from app.reports import periods
from app.reports import service as report_service
from app.reports.queries import Figures
from app.upward import schemas

MAX_LIMIT = 500


def utc_bounds(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    """The UTC instants of local midnight before `first` and after `last`."""
    tz = ZoneInfo(zone)
    start = datetime.combine(first, time(), tz).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(), tz).astimezone(UTC)
    return start, end


def inventory(session: Session, station: Station, now: datetime | None = None) -> schemas.Inventory:
    """Areas and their relay points, each with the last state it reported and its open faults."""
    open_faults = dict(session.execute(
        select(RelayFault.relay_point_id, func.count()).where(RelayFault.resolved_at.is_(None))
        .group_by(RelayFault.relay_point_id)).all())
    rows = session.execute(
        select(Area, RelayPoint, RelayHeartbeat)
        .outerjoin(RelayPoint, RelayPoint.area_id == Area.id)
        .outerjoin(RelayHeartbeat, RelayHeartbeat.relay_point_id == RelayPoint.id)
        .where(Area.station_id == station.id).order_by(Area.name, Area.id, RelayPoint.id)).all()
    now = now or datetime.now(UTC)
    areas: dict[int, schemas.AreaInventory] = {}
    for area, relay, beat in rows:
        entry = areas.setdefault(area.id, schemas.AreaInventory(id=area.id, name=area.name, relay_points=[]))
        if relay is None:
            continue
        entry.relay_points.append(schemas.RelayStatus(
            id=relay.id, name=relay.name, revoked=relay.revoked_at is not None, last_seen_at=relay.last_seen_at,
            connection=health.relay_state(beat.received_at if beat else relay.last_seen_at, now),
            state=beat.state if beat else None, agent_version=beat.agent_version if beat else None,
            last_error=beat.last_error if beat else None, open_faults=int(open_faults.get(relay.id, 0))))
    return schemas.Inventory(station_id=station.id, station_name=station.name, timezone=station.timezone,
                             generated_at=now, areas=list(areas.values()))


def _page(items: list[Any], total: int, offset: int, limit: int) -> dict[str, Any]:
    nxt = offset + limit if offset + limit < total else None
    return {"total": total, "offset": offset, "limit": limit, "next_offset": nxt, "items": items}


def plans(session: Session, station: Station, first: date, last: date, offset: int, limit: int) -> dict[str, Any]:
    """The programmes planned for local days `first`..`last`, cancelled ones included (status says so)."""
    periods.custom(first, last)
    where = (Programme.station_id == station.id, Programme.air_date >= first, Programme.air_date <= last)
    total = session.scalar(select(func.count()).select_from(Programme).where(*where)) or 0
    rows = session.scalars(select(Programme).where(*where).order_by(Programme.starts_at, Programme.id)
                           .offset(offset).limit(limit)).all()
    items = [schemas.PlannedProgramme(
        id=p.id, air_date=p.air_date, slot_name=p.slot_name, area_key=p.area_key, starts_at=p.starts_at,
        duration_ms=p.duration_ms, status=str(p.status.value), is_emergency=p.is_emergency,
        items=[schemas.PlanItem(kind=str(i.get("kind", "")), title=i.get("title"),
                                offset_ms=int(i.get("offset_ms", 0)), duration_ms=int(i.get("duration_ms", 0)))
               for i in p.items]) for p in rows]
    return _page(items, total, offset, limit)


def _relays_of(station: Station) -> Any:
    return (select(RelayPoint.id, RelayPoint.name, RelayPoint.area_id)
            .join(Area, Area.id == RelayPoint.area_id).where(Area.station_id == station.id).subquery())


def as_run(session: Session, station: Station, first: date, last: date, offset: int, limit: int) -> dict[str, Any]:
    """What the relay points reported playing between local days `first` and `last`."""
    periods.custom(first, last)
    start, end = utc_bounds(first, last, station.timezone)
    relays = _relays_of(station)
    where = (RelayPlay.started_at >= start, RelayPlay.started_at < end)
    base = select(RelayPlay, relays.c.name, relays.c.area_id).join(relays, relays.c.id == RelayPlay.relay_point_id)
    total = session.scalar(select(func.count()).select_from(base.where(*where).subquery())) or 0
    rows = session.execute(base.where(*where).order_by(RelayPlay.started_at, RelayPlay.id)
                           .offset(offset).limit(limit)).all()
    items = [schemas.AsRunEntry(
        id=p.id, relay_point_id=p.relay_point_id, relay_point_name=name, area_id=area_id,
        programme_id=p.programme_id, emergency_id=p.emergency_id, started_at=p.started_at, ended_at=p.ended_at,
        outcome=p.outcome, offset_ms=p.offset_ms, reason=p.reason) for p, name, area_id in rows]
    return _page(items, total, offset, limit)


def faults_between(session: Session, station: Station, start: datetime, end: datetime,
                   offset: int = 0, limit: int = MAX_LIMIT) -> dict[str, Any]:
    """Faults reported in [start, end) (UTC), oldest first."""
    relays = _relays_of(station)
    where = (RelayFault.created_at >= start, RelayFault.created_at < end)
    base = select(RelayFault, relays.c.name, relays.c.area_id).join(relays, relays.c.id == RelayFault.relay_point_id)
    total = session.scalar(select(func.count()).select_from(base.where(*where).subquery())) or 0
    rows = session.execute(base.where(*where).order_by(RelayFault.created_at, RelayFault.id)
                           .offset(offset).limit(limit)).all()
    items = [schemas.FaultEntry(
        id=f.id, relay_point_id=f.relay_point_id, relay_point_name=name, area_id=area_id, category=f.category,
        text=f.text, created_at=f.created_at, resolved_at=f.resolved_at, resolution_note=f.resolution_note)
        for f, name, area_id in rows]
    return _page(items, total, offset, limit)


def faults(session: Session, station: Station, first: date, last: date, offset: int, limit: int) -> dict[str, Any]:
    """Faults reported between local days `first` and `last`."""
    periods.custom(first, last)
    start, end = utc_bounds(first, last, station.timezone)
    return faults_between(session, station, start, end, offset, limit)


def _row(key: Any, label: str, f: Figures) -> schemas.FigureRow:
    return schemas.FigureRow(key=str(key), label=label, airings_planned=f.airings_planned,
                             airings_aired=f.airings_aired, minutes_planned=f.minutes_planned,
                             minutes_aired=f.minutes_aired)


def monthly(session: Session, station: Station, year: int, month_no: int) -> schemas.MonthlyStatistics:
    """A month's minutes and airings by topic, priority and area, planned beside aired (the report's figures)."""
    period = periods.parse(f"{year:04d}-{month_no:02d}")
    report = report_service.build(session, station, period)
    by = {b.name: [_row(r.key, r.label, r.figures) for r in b.rows] for b in report.breakdowns}
    return schemas.MonthlyStatistics(
        station_id=station.id, year=year, month=month_no, first=period.first, last=period.last,
        totals=_row("total", "Tổng", report.totals), by_topic=by.get("topic", []),
        by_priority=by.get("priority", []), by_area=[_row(r.key, r.label, r.figures) for r in report.areas.rows],
        relay_points_due=sum(r.due for r in report.relays), relay_points_on_time=sum(r.on_time for r in report.relays),
        relay_points_late=sum(r.late for r in report.relays),
        faults_reported=sum(len(r.faults) for r in report.relays))
