"""The status board: which relay points are alive, what they played, what they missed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, load_only

from app.models import Area, Programme, ProgrammeStatus, RelayFault, RelayHeartbeat, RelayPlay, RelayPoint
from app.programmes.variants import as_heard_in
from app.relays.health import DUE_STATUSES, PLAYED, SILENT_GRACE, missed_by_relay, relay_state
from app.relays.schemas import RelayStatus

MISSED_LOOKBACK = timedelta(days=7)
# what choosing the programmes an area hears reads (not the items and explanations, which are long)
HEARD_COLUMNS = (Programme.id, Programme.area_key, Programme.is_emergency, Programme.slot_name,
                 Programme.air_date, Programme.starts_at, Programme.status)


class _Play(NamedTuple):
    programme_id: int | None
    outcome: str
    started_at: datetime


def board(session: Session, station_id: int, *, now: datetime | None = None) -> list[RelayStatus]:
    """Every relay point of a station, with what a ward officer needs to notice a broken one."""
    now = now or datetime.now(UTC)
    relays = session.execute(
        select(RelayPoint, Area.name).join(Area).where(Area.station_id == station_id)
        .order_by(Area.name, RelayPoint.name)).all()
    ids = [r.id for r, _ in relays]
    beats = {b.relay_point_id: b for b in session.scalars(
        select(RelayHeartbeat).where(RelayHeartbeat.relay_point_id.in_(ids)))}
    # columns, not rows: a week of as-run reports of 60 relay points is a thousand of them
    plays: dict[int, list[_Play]] = {}
    for rid, programme_id, outcome, started_at in session.execute(
            select(RelayPlay.relay_point_id, RelayPlay.programme_id, RelayPlay.outcome, RelayPlay.started_at)
            .where(RelayPlay.relay_point_id.in_(ids),
                   RelayPlay.started_at >= now - MISSED_LOOKBACK - timedelta(days=1))
            .order_by(RelayPlay.started_at)):
        plays.setdefault(rid, []).append(_Play(programme_id, outcome, started_at))
    faults: dict[int, list[RelayFault]] = {}
    for fault in session.scalars(select(RelayFault).where(
            RelayFault.relay_point_id.in_(ids), RelayFault.resolved_at.is_(None)).order_by(RelayFault.id)):
        faults.setdefault(fault.relay_point_id, []).append(fault)
    # every regular programme that started: an area with a variant of its own (even one never
    # rendered) does not hear the station-wide programme of that slot
    programmes = list(session.scalars(select(Programme).options(load_only(*HEARD_COLUMNS)).where(
        Programme.station_id == station_id, Programme.is_emergency.is_(False),
        Programme.status != ProgrammeStatus.cancelled,
        Programme.starts_at >= now - MISSED_LOOKBACK, Programme.starts_at <= now - SILENT_GRACE)))
    return [_status(relay, area_name, beats.get(relay.id), plays.get(relay.id, []),
                    faults.get(relay.id, []), programmes, now) for relay, area_name in relays]


def _status(relay: RelayPoint, area_name: str, beat: RelayHeartbeat | None, plays: list[_Play],
            faults: list[RelayFault], programmes: list[Programme], now: datetime) -> RelayStatus:
    seen = beat.received_at if beat else relay.last_seen_at
    connection = relay_state(seen, now)
    online = connection == "online"
    mine = [p for p in as_heard_in(programmes, relay.area_id) if p.status in DUE_STATUSES]
    played_ids = {p.programme_id for p in plays if p.outcome in PLAYED and p.programme_id is not None}
    missed = [p.id for p in missed_by_relay(relay.created_at, mine, played_ids, now)]
    last_start = mine[-1].starts_at if mine else None
    flagged = last_start is not None and now - last_start < timedelta(days=1) and (
        seen is None or seen < last_start)
    last_play = next((p for p in reversed(plays) if p.programme_id is not None), None)
    if relay.revoked_at is not None or flagged or connection == "offline":
        health = "red"
    elif not online or missed or faults:
        health = "amber"
    else:
        health = "green"
    return RelayStatus(
        id=relay.id, name=relay.name, area_id=relay.area_id, area_name=area_name,
        token_revoked=relay.revoked_at is not None, last_seen_at=seen, online=online, connection=connection,
        state=beat.state if beat else None, agent_version=beat.agent_version if beat else None,
        cached_until=beat.cached_until if beat else None, last_error=beat.last_error if beat else None,
        last_played_programme_id=last_play.programme_id if last_play else None,
        last_played_at=last_play.started_at if last_play else None,
        missed_programme_ids=missed,
        open_faults=[{"id": f.id, "category": f.category, "text": f.text, "created_at": f.created_at.isoformat()}
                     for f in faults],
        health=health, flagged=flagged,
    )
