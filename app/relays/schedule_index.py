"""A station's relay schedules held in memory, so that a poll learns its ETag without a query.

One index per station and schedule version: every regular programme from a little before it was
loaded to a day past the longest window a relay may ask for, and every emergency not cancelled,
each reduced to the string its part of the ETag is made of (`service.programme_token`,
`service.bulletin_token`). A poll picks its area's programmes inside its window exactly as
`service.schedule` does, so the tag it derives is the tag the full answer would carry. Between
two instants where a programme enters or leaves the window (or an emergency expires) the choice
cannot change, so it is remembered per area and window until the next such instant."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Emergency, Programme
from app.programmes.variants import as_heard_in
from app.relay_sources import feed
from app.relays import service

MAX_HOURS = 168  # the longest window the schedule route accepts
# Loaded this much beyond the longest window, so an index serves a day before it must be reloaded.
AHEAD = timedelta(hours=MAX_HOURS + 24)
# Polls whose clock reads a little earlier than the loading thread's are still served.
BEHIND = timedelta(hours=1)
LOOKBACK = service.LOOKBACK.total_seconds()


@dataclass(frozen=True)
class Entry:
    """A regular programme, as much of it as choosing and tagging needs."""

    id: int
    area_key: int
    slot_name: str
    air_date: date
    starts_at: datetime
    start: float
    end: float
    token: str
    is_emergency: bool = False


@dataclass(frozen=True)
class Alert:
    """An emergency not cancelled: whom it reaches, until when, and its bulletin's token."""

    area_ids: tuple[int, ...]
    issued: float
    expires: float
    token: str


@dataclass
class StationIndex:
    station_id: int
    version: int
    since: float
    until: float
    entries: list[Entry]
    alerts: list[Alert]  # newest first, as `service.active_emergency` picks them
    relays: list[feed.RelayRunView] = field(default_factory=list)
    _areas: dict[int, list[Entry]] = field(default_factory=dict)
    _memo: dict[tuple[int, int], tuple[float, float, str]] = field(default_factory=dict)

    def covers(self, now: float, hours: int) -> bool:
        return self.since <= now and now + hours * 3600 <= self.until

    def digest(self, area_id: int, hours: int, now: float) -> str:
        """The content digest of this area's schedule for `hours` from `now`."""
        memo = self._memo.get((area_id, hours))
        if memo is not None and memo[0] < now < memo[1]:
            return memo[2]
        rows = self._areas.get(area_id)
        if rows is None:
            rows = self._areas[area_id] = [e for e in self.entries if e.area_key in (0, area_id)]
        horizon = now + hours * 3600
        window = [e for e in rows if now - LOOKBACK <= e.start < horizon and e.end > now]
        alert = next((a for a in self.alerts
                      if a.expires > now and (not a.area_ids or area_id in a.area_ids)), None)
        relays = [r for r in self.relays if r.reaches(area_id)
                  and r.ends_at.timestamp() > now and r.starts_at.timestamp() < horizon]
        digest = service.content_digest([e.token for e in as_heard_in(window, area_id)],
                                        alert.token if alert else None, [r.token for r in relays])
        # The instants at which some programme or relay run enters or leaves the window, or an
        # emergency ends.
        bounds = sorted({b for e in rows for b in (e.start + LOOKBACK, e.start - hours * 3600, e.end)}
                        | {a.expires for a in self.alerts}
                        | {b for r in self.relays for b in (r.starts_at.timestamp() - hours * 3600,
                                                            r.ends_at.timestamp())})
        i = bisect.bisect_right(bounds, now)
        self._memo[(area_id, hours)] = (bounds[i - 1] if i else -math.inf,
                                        bounds[i] if i < len(bounds) else math.inf, digest)
        return digest


def load(session: Session, station_id: int, now: datetime) -> StationIndex:
    """Read a station's programmes and emergencies (three queries, once per schedule change)."""
    version = service.schedule_version(session, station_id)
    since = now - BEHIND
    until = now + AHEAD
    programmes = session.scalars(
        select(Programme).where(Programme.station_id == station_id, Programme.is_emergency.is_(False),
                                Programme.starts_at >= since - service.LOOKBACK,
                                Programme.starts_at < until)
    ).all()
    entries = sorted(
        (Entry(p.id, p.area_key, p.slot_name, p.air_date, p.starts_at, p.starts_at.timestamp(),
               p.starts_at.timestamp() + p.duration_ms / 1000, service.programme_token(p))
         for p in programmes),
        key=lambda e: (e.start, e.id))
    emergencies = session.scalars(
        select(Emergency).where(Emergency.station_id == station_id, Emergency.cancelled_at.is_(None),
                                Emergency.expires_at > since).order_by(Emergency.issued_at.desc())
    ).all()
    alerts = [Alert(tuple(e.area_ids or ()), e.issued_at.timestamp(), e.expires_at.timestamp(),
                    service.bulletin_token(service.bulletin(session, e)) or "")
              for e in emergencies]
    relays = feed.station_runs(session, station_id, since, until)
    return StationIndex(station_id, version, since.timestamp(), until.timestamp(), entries, alerts, relays)
