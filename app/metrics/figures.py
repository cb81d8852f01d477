"""Figures read from the database at scrape time, with cheap queries (one or two per figure,
over indexed columns and bounded time windows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.models import (
    Area,
    Emergency,
    Programme,
    RelayHeartbeat,
    RelayPlay,
    RelayPoint,
    Station,
    SystemProblem,
)
from app.relays import health
from scheduler.service import JOB_TABLE

MISSED_WINDOW = timedelta(hours=24)
EMERGENCY_WINDOW = timedelta(days=30)


@dataclass
class Figures:
    """What /metrics says about the installation's rows."""

    stations: dict[int, str] = field(default_factory=dict)
    relay_states: dict[tuple[int, str], int] = field(default_factory=dict)  # (station, state) -> count
    programmes_missed: dict[int, int] = field(default_factory=dict)
    emergency_first_play_s: list[float] = field(default_factory=list)
    emergencies_unreported: int = 0
    jobs_due: int = 0
    jobs_scheduled: int = 0
    jobs_failing: list[str] = field(default_factory=list)  # jobs stopped by a recorded problem
    queue_jobs: dict[tuple[str, str], int] = field(default_factory=dict)  # (task, status) -> count
    system_problems: int = 0


def read(session: Session, now: datetime | None = None) -> Figures:
    """Every database figure, now."""
    now = now or datetime.now(UTC)
    figures = Figures(stations=dict(session.execute(select(Station.id, Station.name)).all()))
    figures.relay_states = relay_states(session, now)
    figures.programmes_missed = programmes_missed(session, now)
    figures.emergency_first_play_s, figures.emergencies_unreported = emergency_latencies(session, now)
    figures.jobs_due, figures.jobs_scheduled = scheduler_jobs(session, now)
    figures.queue_jobs = queue_jobs(session)
    codes = list(session.scalars(select(SystemProblem.code)))
    figures.system_problems = len(codes)
    figures.jobs_failing = sorted(c.split(":", 1)[1] for c in codes if c.startswith("disk_full:"))
    return figures


def relay_states(session: Session, now: datetime) -> dict[tuple[int, str], int]:
    """Relay points in use (token not revoked) per station and state (app/relays/health.py)."""
    state = health.state_column(now).label("state")
    rows = session.execute(
        select(Area.station_id, state, func.count())
        .select_from(RelayPoint).join(Area, Area.id == RelayPoint.area_id)
        .outerjoin(RelayHeartbeat, RelayHeartbeat.relay_point_id == RelayPoint.id)
        .where(health.in_use()).group_by(Area.station_id, state))
    return {(station_id, name): int(count) for station_id, name, count in rows}


def programmes_missed(session: Session, now: datetime) -> dict[int, int]:
    """Per station with relay points: programmes of the last 24 hours the station missed (due,
    owed by a relay point, played by none; app/relays/health.py)."""
    stations_with_relays = set(session.scalars(
        select(Area.station_id).join(RelayPoint, RelayPoint.area_id == Area.id).where(health.in_use()).distinct()))
    missed = dict(session.execute(
        select(Programme.station_id, func.count()).where(
            Programme.starts_at >= now - MISSED_WINDOW, health.is_missed(now)).group_by(Programme.station_id)).all())
    return {s: int(missed.get(s, 0)) for s in stations_with_relays}


def emergency_latencies(session: Session, now: datetime) -> tuple[list[float], int]:
    """For emergencies of the last 30 days: seconds from issue to the first play a relay point
    reported (its own clock), and how many no relay point has reported at all."""
    first_play = (select(RelayPlay.emergency_id, func.min(RelayPlay.started_at).label("first"))
                  .where(RelayPlay.emergency_id.is_not(None)).group_by(RelayPlay.emergency_id).subquery())
    rows = session.execute(
        select(Emergency.issued_at, first_play.c.first)
        .outerjoin(first_play, first_play.c.emergency_id == Emergency.id)
        .where(Emergency.issued_at >= now - EMERGENCY_WINDOW)).all()
    latencies = [max(0.0, (_aware(first) - _aware(issued)).total_seconds()) for issued, first in rows if first]
    return latencies, sum(1 for _, first in rows if first is None)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def scheduler_jobs(session: Session, now: datetime) -> tuple[int, int]:
    """APScheduler's job store: jobs due (waiting for a worker) and jobs scheduled. The table
    appears only once a scheduler has started: until then, none."""
    try:
        with session.begin_nested():
            due, total = session.execute(text(
                f"SELECT COALESCE(SUM(CASE WHEN next_run_time <= :now THEN 1 ELSE 0 END), 0), COUNT(*) "
                f"FROM {JOB_TABLE}"), {"now": now.timestamp()}).one()
    except DBAPIError:
        return 0, 0
    return int(due), int(total)


def queue_jobs(session: Session) -> dict[tuple[str, str], int]:
    """The workers' job queue (PostgreSQL): jobs by task and status; none without the queue."""
    if session.get_bind().dialect.name != "postgresql":
        return {}
    try:
        with session.begin_nested():
            rows = session.execute(text(
                "SELECT task_name, status::text, count(*) FROM procrastinate_jobs GROUP BY 1, 2")).all()
    except DBAPIError:  # no queue tables: `loa db upgrade` was not run since the queue came
        return {}
    return {(task, status): int(count) for task, status, count in rows}
