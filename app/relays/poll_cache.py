"""What a relay poll needs, kept in this process: who holds each token, each station's schedule
version, and each station's schedule index (`schedule_index`).

Relay points poll every 30 s and nearly every poll only learns that nothing changed. Such a poll
is answered from here with no database work, as long as the versions here are known current:

- Every change a relay point could see (its station's programmes and emergencies; a relay point's
  token, revocation, area or name; an area's or the station's name or zone) bumps the station's
  `schedule_version` in the same transaction (`app/programmes/events.py`), which forgets that
  station here at once, in the process that made it.
- On PostgreSQL the same transaction sends `NOTIFY loa_schedule`; every API process listens
  (`version_listener`) and takes the new version as soon as the change is committed. While that
  listener is connected, the versions here are trusted without a time limit; when it reconnects it
  reloads them all.
- Without a listener (SQLite, or PostgreSQL while the listener is down), the versions here are
  trusted for VERSION_TTL after they were last read, then all read again in one query: a
  change made by another process (another API replica, the command line) reaches this one within
  VERSION_TTL, whatever the number of polls.

An identity or an index older than its station's current version is read again. So a revoked
token is refused on its next poll in the process that revoked it, within the NOTIFY's delivery
(milliseconds) in the others, and within VERSION_TTL when no listener runs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Station
from app.relays import schedule_index, service
from app.relays.exceptions import InvalidRelayToken, RelayTokenRevoked
from app.relays.schedule_index import StationIndex
from app.relays.service import RelayContext

VERSION_TTL = 2.0
MAX_IDENTITIES = 100_000

_lock = threading.Lock()
_identities: dict[str, RelayContext] = {}
_versions: dict[int, int] = {}
_indexes: dict[int, StationIndex] = {}
_pushed = False  # a listener is connected: the versions are kept current by NOTIFY
_trusted_until = 0.0


def _current(station_id: int) -> int | None:
    if not _pushed and time.monotonic() >= _trusted_until:
        return None
    return _versions.get(station_id)


def known_version(station_id: int) -> int | None:
    """The station's schedule version as this process knows it now (None: it would read it)."""
    return _current(station_id)


def cached(token_hash: str, hours: int, now: float) -> tuple[RelayContext, StationIndex] | None:
    """The poller and its station's index when both are known current; None means: call `load`."""
    ctx = _identities.get(token_hash)
    if ctx is None:
        return None
    current = _current(ctx.station_id)
    if current is None or ctx.schedule_version < current:
        return None
    index = _indexes.get(ctx.station_id)
    if index is None or index.version < current or not index.covers(now, hours):
        return None
    return ctx, index


def load(session: Session, token: str, token_hash: str, hours: int, now: datetime
         ) -> tuple[RelayContext, StationIndex]:
    """Read what `cached` lacked: the versions, the identity, the index (each only if stale)."""
    global _trusted_until
    if not _pushed and time.monotonic() >= _trusted_until:
        started = time.monotonic()
        rows = session.execute(select(Station.id, Station.schedule_version)).all()
        with _lock:
            for station_id, value in rows:
                _raise_version(station_id, value)
            _trusted_until = started + VERSION_TTL
    ctx = _identities.get(token_hash)
    current = _versions.get(ctx.station_id) if ctx else None
    if ctx is None or current is None or ctx.schedule_version < current:
        try:
            ctx = service.authenticate(session, token)
        except (InvalidRelayToken, RelayTokenRevoked):
            _identities.pop(token_hash, None)
            raise
        with _lock:
            if len(_identities) >= MAX_IDENTITIES:  # tokens come and go: never grow without bound
                _identities.clear()
            _identities[token_hash] = ctx
            _raise_version(ctx.station_id, ctx.schedule_version)
    index = _indexes.get(ctx.station_id)
    current = _versions.get(ctx.station_id, ctx.schedule_version)
    hours_ok = index is not None and index.covers(now.timestamp(), hours)
    if index is None or index.version < current or not hours_ok:
        index = schedule_index.load(session, ctx.station_id, now)
        with _lock:
            _indexes[ctx.station_id] = index
            _raise_version(ctx.station_id, index.version)
    return ctx, index


def _raise_version(station_id: int, value: int) -> None:
    # Versions only grow: a read that started before a pushed change must not hide it.
    if value > _versions.get(station_id, 0):
        _versions[station_id] = value


def forget(station_ids: Iterable[int]) -> None:
    """This process changed these stations: read their versions again on the next poll."""
    with _lock:
        for station_id in station_ids:
            _versions.pop(station_id, None)


def drop(station_ids: Iterable[int]) -> None:
    """What this process read of these stations may not have been committed: read it all again."""
    gone = set(station_ids)
    with _lock:
        for station_id in gone:
            _versions.pop(station_id, None)
            _indexes.pop(station_id, None)
        for token_hash in [h for h, ctx in _identities.items() if ctx.station_id in gone]:
            del _identities[token_hash]


def pushed(station_id: int, value: int) -> None:
    """A committed change, as told by NOTIFY or by this process's own commit."""
    with _lock:
        _raise_version(station_id, value)


def listening(versions: dict[int, int] | None) -> None:
    """The listener (re)connected with these current versions, or (None) lost its connection."""
    global _pushed
    with _lock:
        if versions is None:
            _pushed = False
            return
        for station_id, value in versions.items():
            _raise_version(station_id, value)
        _pushed = True


def clear() -> None:
    """Forget everything (tests roll back what the versions counted)."""
    global _trusted_until
    with _lock:
        _identities.clear()
        _versions.clear()
        _indexes.clear()
        _trusted_until = 0.0
