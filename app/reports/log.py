"""The broadcast log (sổ nhật ký phát thanh): every programme of a day or month, its items with
times and lengths, who approved each script, and what each relay point reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.models import Area, Emergency, Programme, RelayPlay, RelayPoint, Script, Slot, Station, User
from app.programmes.labels import item_label
from app.reports.periods import Period

OUTCOMES = {"completed": "Đã phát hết", "interrupted": "Bị ngắt", "failed": "Không phát được"}


@dataclass
class LogItem:
    starts_at: datetime
    ms: int
    title: str
    kind: str
    script_id: int | None
    approved_by: str


@dataclass
class LogReport:
    relay: str
    area: str
    started_at: datetime
    ended_at: datetime
    outcome: str
    late_ms: int
    reason: str


@dataclass
class LogProgramme:
    id: int
    air_date: date
    slot_name: str
    area: str
    starts_at: datetime
    ms: int
    status: str
    is_emergency: bool
    items: list[LogItem] = field(default_factory=list)
    reports: list[LogReport] = field(default_factory=list)


def broadcast_log(session: Session, station: Station, period: Period) -> list[LogProgramme]:
    """The programmes of the period in airing order, each with items, approvers and relay reports."""
    programmes = list(session.scalars(
        select(Programme).where(Programme.station_id == station.id, Programme.air_date >= period.first,
                                Programme.air_date <= period.last)
        .order_by(Programme.starts_at, Programme.area_key, Programme.id)))
    areas = dict(session.execute(select(Area.id, Area.name).where(Area.station_id == station.id)).all())
    script_ids = {i["script_id"] for p in programmes for i in p.items if i.get("script_id")}
    approver = func.coalesce(func.nullif(User.full_name, ""), User.username)
    approved: dict[int, str] = {}
    titles: dict[int, str] = {}
    for sid, title, name in session.execute(
            select(Script.id, Script.title, approver).outerjoin(User, User.id == Script.reviewed_by_id)
            .where(Script.id.in_(script_ids))) if script_ids else ():
        titles[sid], approved[sid] = title, name or ""
    slots = dict(session.execute(select(Slot.name, Slot.label).where(Slot.station_id == station.id)).all())
    ids = [p.id for p in programmes]
    reports: dict[int, list[LogReport]] = {}
    if ids:
        rows = session.execute(
            select(func.coalesce(RelayPlay.programme_id, Emergency.programme_id), RelayPoint.name, Area.name,
                   RelayPlay.started_at, RelayPlay.ended_at, RelayPlay.outcome, RelayPlay.offset_ms,
                   RelayPlay.reason)
            .join(RelayPoint, RelayPoint.id == RelayPlay.relay_point_id).join(Area, Area.id == RelayPoint.area_id)
            .outerjoin(Emergency, Emergency.id == RelayPlay.emergency_id)
            .where(or_(RelayPlay.programme_id.in_(ids), Emergency.programme_id.in_(ids)))
            .order_by(RelayPlay.started_at))
        for pid, relay, area, started, ended, outcome, late, reason in rows:
            reports.setdefault(pid, []).append(LogReport(relay, area, started, ended, outcome, late, reason or ""))
    out = []
    for p in programmes:
        slot = "Khẩn cấp" if p.is_emergency else slots.get(p.slot_name) or p.slot_name
        entry = LogProgramme(p.id, p.air_date, slot, areas.get(p.area_key, ""), p.starts_at,
                             p.duration_ms, p.status.value, p.is_emergency, reports=reports.get(p.id, []))
        for item in p.items:
            sid = item.get("script_id")
            entry.items.append(LogItem(p.starts_at + timedelta(milliseconds=int(item.get("offset_ms", 0))),
                                       int(item.get("duration_ms", 0)),
                                       titles.get(sid) or item_label(item) if sid else item_label(item),
                                       str(item.get("kind", "")),
                                       sid, approved.get(sid, "") if sid else ""))
        out.append(entry)
    return out
