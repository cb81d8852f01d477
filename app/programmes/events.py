"""Bump a station's schedule version whenever something its relay points receive changes, tell the
relay poll cache, and (on PostgreSQL) every other API process through NOTIFY.

Relay points poll often and nearly every poll is answered from memory (`app/relays/poll_cache.py`):
what they receive is their station's programmes and emergencies, and their own identity (the
token, whether it is revoked, the area, the names, the station's zone). A change to any of these
bumps the number, in the same transaction; the NOTIFY is delivered only if that commits."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect, select, text, update
from sqlalchemy.orm import Session

from app.models import Area, Emergency, Programme, RelayPoint, RelayWindow, RelayWindowRun, Station
from app.relays import poll_cache

CHANNEL = "loa_schedule"
_STALE = "loa_poll_cache_stale"

# A re-plan that finds nothing new still refreshes these; relays see none of them.
_BOOKKEEPING = {"planned_at", "explanation"}
# What a relay point's poll answer shows of these rows (a heartbeat's last_seen_at is not).
_RELAY_FIELDS = ("token_hash", "revoked_at", "area_id", "name")
_AREA_FIELDS = ("station_id", "name")
_STATION_FIELDS = ("name", "timezone")
# What relay points receive of a relay window's run (its checks and recording they do not).
_RUN_FIELDS = ("starts_at", "ends_at", "use_fallback")
# NOTIFY payloads are at most 8,000 bytes: a few hundred stations per message.
_PER_NOTIFY = 400


def _relay_visible_change(obj: object) -> bool:
    state = inspect(obj)
    return any(attr.history.has_changes() for attr in state.attrs if attr.key not in _BOOKKEEPING)


def _changed(obj: object, fields: tuple[str, ...]) -> bool:
    attrs = inspect(obj).attrs
    return any(attrs[name].history.has_changes() for name in fields)


def _values(obj: object, name: str) -> set[int]:
    """The attribute's value now and before this flush."""
    history = inspect(obj).attrs[name].history
    return {v for v in (*history.added, *history.unchanged, *history.deleted) if isinstance(v, int)}


def _touched_stations(session: Session) -> set[int]:
    stations: set[int] = set()
    areas: set[int] = set()
    windows: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        gone = obj in session.deleted
        if isinstance(obj, RelayWindow):
            stations |= _values(obj, "station_id")
        elif isinstance(obj, RelayWindowRun):
            if obj in session.new or gone or _changed(obj, _RUN_FIELDS):
                windows |= _values(obj, "window_id")
        elif isinstance(obj, Programme | Emergency):
            if obj.station_id is not None and (obj in session.new or gone or _relay_visible_change(obj)):
                stations.add(obj.station_id)
        elif obj in session.new:
            continue  # a new relay point, area or station: nobody has polled it yet
        elif isinstance(obj, RelayPoint) and (gone or _changed(obj, _RELAY_FIELDS)):
            areas |= _values(obj, "area_id")
        elif isinstance(obj, Area) and (gone or _changed(obj, _AREA_FIELDS)):
            stations |= _values(obj, "station_id")
        elif isinstance(obj, Station) and (gone or _changed(obj, _STATION_FIELDS)):
            stations.add(obj.id)
    if areas:
        stations |= set(session.scalars(select(Area.station_id).where(Area.id.in_(sorted(areas)))))
    if windows:
        stations |= set(session.scalars(select(RelayWindow.station_id).where(RelayWindow.id.in_(sorted(windows)))))
    return stations


@event.listens_for(Session, "before_flush")
def _bump_schedule_versions(session: Session, _flush_context: Any, _instances: Any) -> None:
    stations = _touched_stations(session)
    if not stations:
        return
    poll_cache.forget(stations)
    bumped = session.execute(
        update(Station).where(Station.id.in_(sorted(stations)))
        .values(schedule_version=Station.schedule_version + 1)
        .returning(Station.id, Station.schedule_version)
        .execution_options(synchronize_session=False)
    ).all()
    session.info.setdefault(_STALE, {}).update({row[0]: row[1] for row in bumped})
    if session.get_bind().dialect.name == "postgresql":
        pairs = [f"{station_id}:{version}" for station_id, version in bumped]
        for i in range(0, len(pairs), _PER_NOTIFY):
            # The schema names the installation: test runs and installations may share a database.
            session.execute(text("SELECT pg_notify(:channel, current_schema() || ' ' || :payload)"),
                            {"channel": CHANNEL, "payload": " ".join(pairs[i:i + _PER_NOTIFY])})


@event.listens_for(Session, "after_commit")
def _tell_polls(session: Session) -> None:
    # The versions this transaction committed: this process's polls read again from now on.
    for station_id, version in session.info.pop(_STALE, {}).items():
        poll_cache.pushed(station_id, version)


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, _previous: Any) -> None:
    # A poll in this transaction (tests poll so) may have read what is now rolled back.
    poll_cache.drop(session.info.pop(_STALE, ()))
