"""Scheduler jobs: each opens a session, calls a service, logs. Safe to run twice."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_factory
from app.models import Station
from app.programmes import service as programmes
from app.scripts import service as scripts

log = logging.getLogger("loa.jobs")
T = TypeVar("T")


def _in_session(work: Callable[[Session], T]) -> T:
    with session_factory()() as session:
        result = work(session)
        session.commit()
        return result


def _plan_station(session: Session, station_id: int, days: int = programmes.PLAN_DAYS) -> None:
    station = programmes.station_with_slots(session, station_id)
    report = programmes.plan_days(session, station, scripts.station_today(station), days)
    log.info("planned %s: %s", station.name, report)


def plan_next_days() -> None:
    """Nightly: plan the next 7 days of every station."""
    def work(session: Session) -> None:
        for station_id in session.scalars(select(Station.id).order_by(Station.id)):
            _plan_station(session, station_id)
    _in_session(work)


def replan_changed() -> None:
    """Soon after approvals, edits and withdrawals: re-plan the stations whose scripts changed."""
    def work(session: Session) -> None:
        for station_id in programmes.stations_needing_replan(session):
            _plan_station(session, station_id)
    _in_session(work)


def lock_due_programmes() -> None:
    """Every minute: lock programmes 30 minutes before air."""
    locked = _in_session(lambda s: programmes.lock_due(s, datetime.now(UTC)))
    if locked:
        log.info("locked %d programme(s)", len(locked))


def record_aired_programmes() -> None:
    """Every few minutes: record what aired, count airings, archive expired scripts."""
    count = _in_session(lambda s: programmes.record_aired(s, datetime.now(UTC)))
    if count:
        log.info("recorded %d aired programme(s)", count)
