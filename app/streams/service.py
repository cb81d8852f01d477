"""What each area's mount should carry now, read from the database as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Area, Emergency, Programme, Station
from app.programmes.variants import as_heard_in
from app.speech.audio import storage
from app.streams.mounts import mount_paths
from audio.live.onair import EmergencyAudio, ScheduledAudio

LOOK_BACK = timedelta(hours=6)  # longer than any slot: a programme on air began within it


@dataclass(frozen=True)
class AreaMount:
    station_id: int
    station_name: str
    area_id: int
    area_name: str
    mount: str
    carrier: bool


@dataclass(frozen=True)
class AreaNow:
    programmes: list[ScheduledAudio]
    emergency: EmergencyAudio | None


def area_mounts(session: Session, station_id: int | None = None) -> list[AreaMount]:
    """Every area's mount (of one station, or of all)."""
    query = select(Station.id, Station.name, Station.stream_idle).order_by(Station.id)
    if station_id is not None:
        query = query.where(Station.id == station_id)
    mounts: list[AreaMount] = []
    for sid, sname, idle in session.execute(query):
        areas = [(a.id, a.name) for a in session.scalars(select(Area).where(Area.station_id == sid)
                                                         .order_by(Area.name))]
        paths = mount_paths(sid, areas)
        mounts += [AreaMount(sid, sname, aid, aname, paths[aid], idle != "off") for aid, aname in areas]
    return mounts


def station_now(session: Session, station_id: int, area_ids: list[int], now: datetime) -> dict[int, AreaNow]:
    """Per area: the regular programmes around `now` and the emergency in force, in two queries."""
    rows = list(session.scalars(select(Programme).where(
        Programme.station_id == station_id, Programme.is_emergency.is_(False),
        Programme.starts_at <= now + timedelta(minutes=1), Programme.starts_at >= now - LOOK_BACK)))
    emergencies = list(session.scalars(
        select(Emergency).where(Emergency.station_id == station_id, Emergency.cancelled_at.is_(None),
                                Emergency.expires_at > now).order_by(Emergency.issued_at.desc())))
    bulletins = {p.id: p for p in session.scalars(select(Programme).where(
        Programme.id.in_([e.programme_id for e in emergencies if e.programme_id])))} if emergencies else {}
    result: dict[int, AreaNow] = {}
    for area_id in area_ids:
        heard = [ScheduledAudio(p.id, p.version, p.starts_at, p.duration_ms,
                                storage().path(p.audio_key) if p.audio_key else None)
                 for p in as_heard_in(rows, area_id)]
        emergency = next((e for e in emergencies if not e.area_ids or area_id in e.area_ids), None)
        bulletin = bulletins.get(emergency.programme_id) if emergency and emergency.programme_id else None
        result[area_id] = AreaNow(heard, None if emergency is None else EmergencyAudio(
            emergency.id, bulletin.duration_ms if bulletin else 0,
            storage().path(bulletin.audio_key) if bulletin and bulletin.audio_key else None,
            "skip" if emergency.after == "skip" else "resume"))
    return result
