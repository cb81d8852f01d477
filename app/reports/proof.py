"""Proof of play per relay point: programmes due, played on time, late (by how much), missed.

A relay point owes every regular programme its area hears that ended (`aired`) while it existed
and was not revoked. It played one when it reported it completed or interrupted; how late is the
offset it started at (the agent seeks into the programme by the time it lost). Emergencies are
not "due": they are counted with the bulletins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.models import Area, Programme, ProgrammeStatus, RelayFault, RelayPlay, RelayPoint, Slot
from app.reports.queries import PLAYED, heard_in, join_variants, variants

ON_TIME_MS = 60_000  # started within a minute of the slot: on time
LISTED = 100  # late and missed programmes named per relay point (the counts are always exact)


@dataclass
class Fault:
    created_at: datetime
    category: str
    text: str
    resolved_at: datetime | None


@dataclass
class RelayProof:
    relay_id: int
    name: str
    area_id: int
    area_name: str
    due: int = 0
    on_time: int = 0
    late: int = 0
    max_late_ms: int = 0
    late_programmes: list[tuple[date, str, int]] = field(default_factory=list)
    missed_programmes: list[tuple[date, str]] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)

    @property
    def missed(self) -> int:
        return self.due - self.on_time - self.late

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.due if self.due else None


@dataclass
class AreaProof:
    area_id: int
    name: str
    due: int
    on_time: int
    late: int

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.due if self.due else None


def _due(station_id: int, first: date, last: date) -> Any:
    """(relay point, programme) pairs owed in the period, with the earliest offset it played at."""
    in_period = select(Programme.id).where(Programme.station_id == station_id, Programme.air_date >= first,
                                           Programme.air_date <= last)
    best = (select(RelayPlay.relay_point_id.label("rid"), RelayPlay.programme_id.label("pid"),
                   func.min(RelayPlay.offset_ms).label("late_ms"))
            .where(RelayPlay.outcome.in_(PLAYED), RelayPlay.programme_id.in_(in_period))
            .group_by(RelayPlay.relay_point_id, RelayPlay.programme_id).subquery("best"))
    variant = variants(station_id, first, last)
    stmt = (select(RelayPoint.id.label("rid"), Programme.id.label("pid"), Programme.air_date.label("air_date"),
                   Programme.slot_name.label("slot_name"), best.c.late_ms.label("late_ms"))
            .select_from(RelayPoint).join(Area, Area.id == RelayPoint.area_id)
            .join(Programme, Programme.station_id == Area.station_id))
    return (join_variants(stmt, Area, variant)
            .outerjoin(best, and_(best.c.rid == RelayPoint.id, best.c.pid == Programme.id))
            .where(heard_in(Area, variant), Area.station_id == station_id, Programme.air_date >= first,
                   Programme.air_date <= last,
                   Programme.status == ProgrammeStatus.aired, Programme.is_emergency.is_(False),
                   Programme.starts_at >= RelayPoint.created_at,
                   or_(RelayPoint.revoked_at.is_(None), RelayPoint.revoked_at > Programme.starts_at))
            .subquery("due"))


def relays(session: Session, station_id: int, first: date, last: date, zone: str) -> list[RelayProof]:
    """Every relay point of the station with its figures for the period."""
    points = session.execute(
        select(RelayPoint.id, RelayPoint.name, Area.id, Area.name).join(Area, Area.id == RelayPoint.area_id)
        .where(Area.station_id == station_id).order_by(Area.name, RelayPoint.name)).all()
    out = {rid: RelayProof(rid, name, area_id, area_name) for rid, name, area_id, area_name in points}
    slots: dict[str, str] = dict(session.execute(
        select(Slot.name, Slot.label).where(Slot.station_id == station_id, Slot.label != "")).all())
    due = _due(station_id, first, last)
    on_time = case((due.c.late_ms <= ON_TIME_MS, 1), else_=0)
    late = case((due.c.late_ms > ON_TIME_MS, 1), else_=0)
    for rid, n, n_on_time, n_late, max_late in session.execute(
            select(due.c.rid, func.count(), func.coalesce(func.sum(on_time), 0), func.coalesce(func.sum(late), 0),
                   func.max(case((due.c.late_ms > ON_TIME_MS, due.c.late_ms), else_=None))).group_by(due.c.rid)):
        proof = out[rid]
        proof.due, proof.on_time, proof.late = int(n), int(n_on_time), int(n_late)
        proof.max_late_ms = int(max_late or 0)
    for rid, day, slot, late_ms in _listed(session, due, due.c.late_ms > ON_TIME_MS):
        out[rid].late_programmes.append((day, slots.get(slot, slot), int(late_ms or 0)))
    for rid, day, slot, _ in _listed(session, due, due.c.late_ms.is_(None)):
        out[rid].missed_programmes.append((day, slots.get(slot, slot)))
    start, end = _utc_bounds(first, last, zone)
    for rid, created, category, text, resolved in session.execute(
            select(RelayFault.relay_point_id, RelayFault.created_at, RelayFault.category, RelayFault.text,
                   RelayFault.resolved_at).where(RelayFault.relay_point_id.in_(out), RelayFault.created_at >= start,
                                                 RelayFault.created_at < end).order_by(RelayFault.created_at)):
        out[rid].faults.append(Fault(created, category, text, resolved))
    return list(out.values())


def _listed(session: Session, due: Any, where: Any) -> list[tuple[int, date, str, int | None]]:
    """The first LISTED programmes per relay point that match `where`, in airing order."""
    rank = func.row_number().over(partition_by=due.c.rid, order_by=(due.c.air_date, due.c.slot_name))
    ranked = select(due.c.rid, due.c.air_date, due.c.slot_name, due.c.late_ms, rank.label("n")).where(
        where).subquery()
    return [(int(r), d, s, late) for r, d, s, late, _n in session.execute(
        select(ranked).where(ranked.c.n <= LISTED).order_by(ranked.c.rid, ranked.c.n))]


def areas(relay_rows: list[RelayProof]) -> list[AreaProof]:
    """The share of programmes played on time per area, over its relay points."""
    out: dict[int, AreaProof] = {}
    for r in relay_rows:
        a = out.setdefault(r.area_id, AreaProof(r.area_id, r.area_name, 0, 0, 0))
        a.due, a.on_time, a.late = a.due + r.due, a.on_time + r.on_time, a.late + r.late
    return sorted(out.values(), key=lambda a: a.name)


def _utc_bounds(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    tz = ZoneInfo(zone)
    return (datetime.combine(first, time(), tz), datetime.combine(last + timedelta(days=1), time(), tz))
