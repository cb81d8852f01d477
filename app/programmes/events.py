"""Bump a station's schedule version whenever one of its programmes or emergencies changes,
and forget the relay poll cache once a schedule or a relay point's token change is committed.

Relay points poll often; their ETag is built from this number, so an unchanged schedule is
answered 304 without a database read."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect, update
from sqlalchemy.orm import Session

from app.models import Emergency, Programme, RelayPoint, Station
from app.relays import poll_cache

_STALE = "loa_poll_cache_stale"

# A re-plan that finds nothing new still refreshes these; relays see none of them.
_BOOKKEEPING = {"planned_at", "explanation"}


def _relay_visible_change(obj: object) -> bool:
    state = inspect(obj)
    return any(attr.history.has_changes() for attr in state.attrs if attr.key not in _BOOKKEEPING)


@event.listens_for(Session, "before_flush")
def _bump_schedule_versions(session: Session, _flush_context: Any, _instances: Any) -> None:
    stations = {
        obj.station_id
        for obj in (*session.new, *session.dirty, *session.deleted)
        if isinstance(obj, Programme | Emergency) and obj.station_id is not None
        and (obj in session.new or obj in session.deleted or _relay_visible_change(obj))
    }
    if stations or any(isinstance(obj, RelayPoint) for obj in (*session.new, *session.dirty, *session.deleted)):
        poll_cache.clear()
        session.info[_STALE] = True
    for station_id in sorted(stations):
        session.execute(
            update(Station).where(Station.id == station_id)
            .values(schedule_version=Station.schedule_version + 1)
            .execution_options(synchronize_session=False)
        )


@event.listens_for(Session, "after_commit")
def _forget_polls(session: Session) -> None:
    # Again after the commit: a poll may have refilled the cache from the state before it.
    if session.info.pop(_STALE, False):
        poll_cache.clear()
