"""What the pages show that other issues will produce: programmes, airings, relay status.

Each function answers from the data that exists today and says so; the lead points them at
the scheduler, the as-run log and the relay heartbeats as those land. No fake data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Area, RelayPoint, Script, ScriptStatus, Slot
from app.scripts import service as script_service

# Published on the portal once aired; a script withdrawn after airing stays off the portal.
PUBLIC_STATUSES = (ScriptStatus.approved, ScriptStatus.archived)


@dataclass(frozen=True)
class ProgrammeItem:
    title: str
    seconds: int
    kind: str = "speech"


@dataclass(frozen=True)
class Programme:
    """One slot's programme on one day, as the scheduler will produce it."""

    slot_name: str
    slot_label: str
    starts_at: datetime
    length_seconds: int
    status: str
    items: list[ProgrammeItem] = field(default_factory=list)
    audio_url: str | None = None
    playlist_url: str | None = None
    explanation: list[str] = field(default_factory=list)

    @property
    def filled_seconds(self) -> int:
        return sum(i.seconds for i in self.items)


def programmes_for(session: Session, station_id: int, area_id: int | None, day: date) -> list[Programme]:  # noqa: ARG001
    """The planned programmes of a station (and area) on a day; none until the scheduler lands."""
    return []


@dataclass(frozen=True)
class AiredScript:
    script: Script
    last_aired_at: datetime


def aired_scripts(session: Session, station_id: int, *, limit: int = 50) -> list[AiredScript]:
    """The station's aired scripts, newest first.

    Until the as-run log exists, "aired" means `airings_done > 0` and the time of approval
    stands in for the time of the last airing; replace the query, keep the answer.
    """
    stmt = (
        script_service.query(station_id=station_id)
        .where(Script.airings_done > 0, Script.status.in_(PUBLIC_STATUSES))
        .order_by(None)
        .order_by(Script.approved_at.desc(), Script.id.desc())
        .limit(limit)
    )
    return [AiredScript(s, s.approved_at or s.updated_at) for s in session.scalars(stmt)]


def aired_script(session: Session, station_id: int, script_id: int) -> AiredScript | None:
    """One aired script of the station, or None when it was never aired or is not public."""
    script = session.get(Script, script_id)
    if script is None or script.station_id != station_id:
        return None
    found = [a for a in aired_scripts(session, station_id, limit=1000) if a.script.id == script_id]
    return found[0] if found else None


def scripts_for_area_day(session: Session, station_id: int, area_id: int, day: date) -> list[Script]:
    """Approved scripts that may air in this area on this day (no target areas = every area)."""
    stmt = script_service.query(station_id=station_id, status=ScriptStatus.approved, air_date=day)
    scripts = [s for s in session.scalars(stmt) if not s.areas or any(a.id == area_id for a in s.areas)]
    order = {"emergency": 0, "priority": 1, "normal": 2}
    return sorted(scripts, key=lambda s: (order[s.priority.value], s.approved_at or s.created_at))


def slots_of(session: Session, station_id: int) -> list[Slot]:
    return list(session.scalars(select(Slot).where(Slot.station_id == station_id).order_by(Slot.start_time)))


@dataclass(frozen=True)
class RelayRow:
    relay: RelayPoint
    area_name: str
    state: str  # "green", "amber", "red"
    last_played: str | None = None
    missed: int | None = None
    faults: int | None = None


ONLINE_WITHIN = timedelta(minutes=5)
STALE_WITHIN = timedelta(hours=6)


def relay_board(session: Session, station_id: int, *, now: datetime | None = None) -> list[RelayRow]:
    """The relay points of a station and how recently each was heard from.

    Only `last_seen_at` exists today; last played, missed programmes and faults come with the
    relay issue and stay empty (shown as "—") until then.
    """
    now = now or datetime.now(UTC)
    stmt = (select(RelayPoint, Area.name).join(Area).where(Area.station_id == station_id)
            .order_by(Area.name, RelayPoint.name))
    rows = []
    for relay, area_name in session.execute(stmt):
        seen = relay.last_seen_at
        if relay.revoked_at is not None or seen is None or now - seen > STALE_WITHIN:
            state = "red"
        elif now - seen > ONLINE_WITHIN:
            state = "amber"
        else:
            state = "green"
        rows.append(RelayRow(relay, area_name, state))
    return rows
