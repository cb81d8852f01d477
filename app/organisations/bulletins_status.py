"""What became of a bulletin at each station, as its sender sees it.

Received / accepted / declined / stopped are stored on the delivery; scheduled, aired and missed
are read: aired is what a relay point reported playing (the reports' own reading of as-run
records, `app.reports.queries.instances`), scheduled is the ward's script in a programme not yet
aired, missed is an air window (or an emergency's active time) that passed without an airing."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Bulletin,
    BulletinDelivery,
    DeliveryState,
    Emergency,
    Programme,
    ProgrammeStatus,
    RelayPlay,
    Script,
    Station,
)
from app.organisations.bulletins_schemas import DeliveryStatus, StationStatus
from app.reports.queries import PLAYED, instances
from app.scripts import service as scripts


def _aired(session: Session, station_id: int, script: Script) -> bool:
    inst = instances(station_id, script.air_from, script.air_until)
    return session.scalar(select(inst.c.script_id).where(inst.c.script_id == script.id, inst.c.played == 1)
                          .limit(1)) is not None


def _scheduled(session: Session, station: Station, script: Script, now: datetime) -> bool:
    """The script is in a programme of the ward that has not aired yet (planned to locked)."""
    today = scripts.station_today(station, now)
    rows = session.scalars(select(Programme.items).where(
        Programme.station_id == station.id, Programme.is_emergency.is_(False),
        Programme.air_date >= today, Programme.air_date <= script.air_until,
        Programme.status.not_in((ProgrammeStatus.aired, ProgrammeStatus.cancelled))))
    return any(item.get("script_id") == script.id for items in rows for item in items)


def _emergency_status(session: Session, emergency: Emergency, now: datetime) -> StationStatus:
    played = session.scalar(select(RelayPlay.id).where(RelayPlay.emergency_id == emergency.id,
                                                       RelayPlay.outcome.in_(PLAYED)).limit(1))
    if played is not None:
        return "aired"
    if emergency.cancelled_at is not None:
        return "stopped"  # the ward stopped it before any relay point played it
    return "missed" if emergency.expires_at <= now else "on_air"


def station_status(session: Session, bulletin: Bulletin, delivery: BulletinDelivery, station: Station,
                   now: datetime) -> StationStatus:
    """One word for what became of the bulletin at this station."""
    if delivery.state in (DeliveryState.queued, DeliveryState.failed):
        return "queued" if delivery.state == DeliveryState.queued else "failed"
    if delivery.state == DeliveryState.declined:
        return "declined"
    if delivery.emergency_id is not None:
        emergency = session.get(Emergency, delivery.emergency_id)
        if emergency is not None:
            return _emergency_status(session, emergency, now)
    script = session.get(Script, delivery.script_id) if delivery.script_id else None
    if script is not None and _aired(session, station.id, script):
        return "aired"
    if delivery.state == DeliveryState.stopped:
        return "stopped"
    passed = scripts.station_today(station, now) > bulletin.air_until
    if passed:
        return "missed"
    if script is None:
        return "received"
    return "scheduled" if _scheduled(session, station, script, now) else "accepted"


def per_station(session: Session, bulletin: Bulletin, now: datetime | None = None) -> list[DeliveryStatus]:
    """Each station the bulletin went to, by name, with what became of it there."""
    now = now or datetime.now(UTC)
    rows = session.execute(select(BulletinDelivery, Station).join(Station, Station.id == BulletinDelivery.station_id)
                           .where(BulletinDelivery.bulletin_id == bulletin.id).order_by(Station.name, Station.id))
    return [DeliveryStatus(delivery_id=d.id, station_id=s.id, station_name=s.name, area_ids=list(d.area_ids),
                           state=d.state, status=station_status(session, bulletin, d, s, now),
                           decline_reason=d.decline_reason, failure_reason=d.failure_reason,
                           script_id=d.script_id, emergency_id=d.emergency_id,
                           decided_at=d.decided_at)
            for d, s in rows]
