"""What relay points fetch and report: schedules, as-run records, heartbeats and faults."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.auth.security import hash_relay_token
from app.models import (
    Area,
    Emergency,
    Programme,
    RelayFault,
    RelayHeartbeat,
    RelayPlay,
    RelayPoint,
    Script,
    Station,
)
from app.programmes.variants import as_heard_in
from app.relay_sources import feed
from app.relays.exceptions import InvalidRelayToken, RelayRateLimited, RelayTokenRevoked, UnknownProgramme
from app.relays.schemas import (
    EmergencyBulletin,
    FaultReport,
    Heartbeat,
    PlayedRecord,
    RelayInfo,
    RelaySchedule,
    ScheduledProgramme,
    ScheduledRelay,
    StationInfo,
)

POLL_SECONDS = 30
AUDIO_PREFIX = "/api/v1/relay/audio/"
# A programme that started this long ago is no longer sent, even if still airing.
LOOKBACK = timedelta(hours=4)


@dataclass(frozen=True)
class RelayContext:
    relay_id: int
    relay_name: str
    area_id: int
    area_name: str
    station_id: int
    station_name: str
    timezone: str
    schedule_version: int


def authenticate(session: Session, token: str | None) -> RelayContext:
    """The relay point holding this token: one indexed read, which also gives the ETag's input."""
    if not token:
        raise InvalidRelayToken()
    row = session.execute(
        select(RelayPoint.id, RelayPoint.name, RelayPoint.revoked_at, Area.id, Area.name,
               Station.id, Station.name, Station.timezone, Station.schedule_version)
        .join(Area, RelayPoint.area_id == Area.id).join(Station, Area.station_id == Station.id)
        .where(RelayPoint.token_hash == hash_relay_token(token))
    ).one_or_none()
    if row is None:
        raise InvalidRelayToken()
    if row[2] is not None:
        raise RelayTokenRevoked()
    return RelayContext(row[0], row[1], row[3], row[4], row[5], row[6], row[7], row[8])


def schedule_version(session: Session, station_id: int) -> int:
    return int(session.scalar(select(Station.schedule_version).where(Station.id == station_id)) or 0)


class RateLimiter:
    """A sliding window per key, in this process (each API replica limits on its own)."""

    def __init__(self, limit: int, window_seconds: float) -> None:
        self.limit, self.window = limit, window_seconds
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> None:
        """Count a request of `key`, or refuse it (429 with the seconds to wait) over the limit."""
        wait = self._hit(key)
        if wait is not None:
            raise RelayRateLimited(wait)

    def allow(self, key: str) -> bool:
        """Count a request of `key` if it is within the limit (a refused one is not counted)."""
        return self._hit(key) is None

    def _hit(self, key: str) -> int | None:
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(1, int(hits[0] + self.window - now) + 1)
            hits.append(now)
            return None


def programme_token(p: Programme) -> str:
    """Everything of a programme a relay point receives, as one string (the ETag's input)."""
    return (f"{p.id}.{p.version}.{p.status.value}.{p.slot_name}.{p.starts_at.timestamp():.0f}."
            f"{p.duration_ms}.{p.audio_key}.{p.audio_size}.{p.cue_key}")


def content_digest(programme_tokens: list[str], bulletin_token: str | None,
                   relay_tokens: list[str] | None = None) -> str:
    """The digest of what a relay point's schedule carries: its programmes, its emergency and
    its relay windows (tiếp sóng)."""
    raw = ";".join(programme_tokens) + "|" + (bulletin_token or "")
    if relay_tokens:
        raw += "|" + ";".join(relay_tokens)
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def etag_for(ctx: RelayContext, hours: int, digest: str) -> str:
    """The schedule's ETag: who asks (names and zone are in the body), the window, the content.

    No clock in it: the tag changes when a programme enters or leaves the window or changes,
    or when an emergency starts, changes or ends, and at no other time."""
    raw = (f"{ctx.relay_id}:{ctx.relay_name}:{ctx.area_id}:{ctx.area_name}:{ctx.station_id}:"
           f"{ctx.station_name}:{ctx.timezone}:{hours}:{digest}")
    return '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'


def audio_url(key: str | None) -> str | None:
    return f"{AUDIO_PREFIX}{key}" if key else None


def _sha(key: str | None) -> str | None:
    return key.split(".", 1)[0] if key else None


def area_programmes(session: Session, station_id: int, area_id: int, start: datetime,
                    end: datetime) -> list[Programme]:
    """The regular programmes an area hears between two instants (emergencies come apart)."""
    rows = session.scalars(
        select(Programme).where(
            Programme.station_id == station_id, Programme.is_emergency.is_(False),
            Programme.area_key.in_((0, area_id)), Programme.starts_at < end,
            Programme.starts_at >= start - LOOKBACK,
        )
    )
    return as_heard_in((p for p in rows if p.starts_at + timedelta(milliseconds=p.duration_ms) > start), area_id)


def active_emergency(session: Session, station_id: int, area_id: int, now: datetime) -> Emergency | None:
    candidates = session.scalars(
        select(Emergency).where(Emergency.station_id == station_id, Emergency.cancelled_at.is_(None),
                                Emergency.expires_at > now).order_by(Emergency.issued_at.desc())
    ).all()
    for emergency in candidates:
        if not emergency.area_ids or area_id in emergency.area_ids:
            return emergency
    return None


def bulletin(session: Session, emergency: Emergency) -> EmergencyBulletin:
    """The emergency as relay points receive it."""
    programme = session.get(Programme, emergency.programme_id) if emergency.programme_id else None
    script = session.get(Script, emergency.script_id)
    return EmergencyBulletin(
        id=emergency.id, title=script.title if script else "Khẩn cấp",
        issued_at=emergency.issued_at, expires_at=emergency.expires_at,
        duration_ms=programme.duration_ms if programme else 0,
        audio_url=audio_url(programme.audio_key if programme else None),
        sha256=_sha(programme.audio_key if programme else None),
        size_bytes=programme.audio_size if programme else None,
        after="skip" if emergency.after == "skip" else "resume",
    )


def bulletin_token(item: EmergencyBulletin | None) -> str | None:
    return item.model_dump_json() if item is not None else None


def schedule(session: Session, ctx: RelayContext, hours: int, now: datetime) -> tuple[RelaySchedule, str]:
    """The relay point's schedule, and the digest of its content (for the ETag)."""
    zone = ZoneInfo(ctx.timezone)
    programmes = area_programmes(session, ctx.station_id, ctx.area_id, now, now + timedelta(hours=hours))
    emergency = active_emergency(session, ctx.station_id, ctx.area_id, now)
    alert = bulletin(session, emergency) if emergency is not None else None
    relays = [r for r in feed.station_runs(session, ctx.station_id, now, now + timedelta(hours=hours))
              if r.reaches(ctx.area_id)]
    body = RelaySchedule(
        relay_point=RelayInfo(id=ctx.relay_id, name=ctx.relay_name, area_id=ctx.area_id,
                              area_name=ctx.area_name),
        station=StationInfo(id=ctx.station_id, name=ctx.station_name, timezone=ctx.timezone),
        generated_at=now, poll_seconds=POLL_SECONDS,
        programmes=[
            ScheduledProgramme(
                id=p.id, slot=p.slot_name, starts_at=p.starts_at,
                starts_at_local=p.starts_at.astimezone(zone), duration_ms=p.duration_ms,
                status=p.status.value, audio_url=audio_url(p.audio_key), sha256=_sha(p.audio_key),
                size_bytes=p.audio_size,
                m3u8_url=f"/api/v1/relay/programmes/{p.id}.m3u8" if p.cue_key else None,
                version=p.version,
            )
            for p in programmes
        ],
        emergency=alert,
        relays=[
            ScheduledRelay(
                id=r.run_id, title=r.title, starts_at=r.starts_at, ends_at=r.ends_at,
                live_url=None if r.use_fallback else f"{feed.LIVE_PREFIX}{r.run_id}",
                fallback_audio_url=audio_url(r.fallback_key), fallback_sha256=_sha(r.fallback_key),
                fallback_size_bytes=r.fallback_size, fallback_duration_ms=r.fallback_duration_ms,
                fallback_kind=r.fallback_kind,
            )
            for r in relays
        ],
    )
    return body, content_digest([programme_token(p) for p in programmes], bulletin_token(alert),
                                [r.token for r in relays])


def may_fetch(session: Session, ctx: RelayContext, key: str) -> bool:
    """A relay downloads only audio of its own area's programmes and emergencies."""
    found = session.scalar(
        select(Programme.id).where(
            Programme.station_id == ctx.station_id, Programme.area_key.in_((0, ctx.area_id)),
            Programme.is_emergency.is_(False),
            or_(Programme.audio_key == key, Programme.cue_key == key,
                Programme.playlist_key == key),
        ).limit(1)
    )
    if found is not None:
        return True
    # An emergency programme is station-wide in its row; the bulletin names its areas.
    for area_ids in session.scalars(
        select(Emergency.area_ids).join(Programme, Emergency.programme_id == Programme.id)
        .where(Emergency.station_id == ctx.station_id, Programme.audio_key == key)
    ):
        if not area_ids or ctx.area_id in area_ids:
            return True
    # relay windows' fallback files
    if feed.may_fetch_fallback(session, ctx.station_id, ctx.area_id, key):
        return True
    # per-item files are named in the programmes' cue sheets
    return _key_in_items(session, ctx, key)


def _key_in_items(session: Session, ctx: RelayContext, key: str) -> bool:
    horizon = datetime.now(UTC) - timedelta(days=2)
    for items in session.scalars(
        select(Programme.items).where(Programme.station_id == ctx.station_id,
                                      Programme.area_key.in_((0, ctx.area_id)),
                                      Programme.starts_at >= horizon)
    ):
        if any(item.get("audio_key") == key for item in items or []):
            return True
    return False


def programme_for(session: Session, ctx: RelayContext, programme_id: int) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None or programme.station_id != ctx.station_id or \
            programme.area_key not in (0, ctx.area_id):
        raise UnknownProgramme(programme_id)
    return programme


def record_heartbeat(session: Session, ctx: RelayContext, beat: Heartbeat, now: datetime) -> None:
    row = session.get(RelayHeartbeat, ctx.relay_id)
    if row is None:
        row = RelayHeartbeat(relay_point_id=ctx.relay_id)
        session.add(row)
    row.received_at = now
    row.agent_version, row.state = beat.agent_version, beat.state
    row.free_disk_bytes, row.cached_until, row.last_error = (
        beat.free_disk_bytes, beat.cached_until, beat.last_error)
    relay = session.get(RelayPoint, ctx.relay_id)
    if relay is not None:
        relay.last_seen_at = now
    session.flush()


def record_play(session: Session, ctx: RelayContext, record: PlayedRecord) -> bool:
    """Store an as-run record; answers False when this record_id was stored before."""
    if session.scalar(select(RelayPlay.id).where(RelayPlay.record_id == record.record_id)):
        return False
    if record.programme_id is not None:
        programme_for(session, ctx, record.programme_id)
    if record.emergency_id is not None:
        emergency = session.get(Emergency, record.emergency_id)
        if emergency is None or emergency.station_id != ctx.station_id:
            raise UnknownProgramme(record.emergency_id)
    if record.relay_run_id is not None and \
            feed.run_for_area(session, record.relay_run_id, ctx.station_id, ctx.area_id) is None:
        raise UnknownProgramme(record.relay_run_id)
    play = RelayPlay(
        record_id=record.record_id, relay_point_id=ctx.relay_id, programme_id=record.programme_id,
        emergency_id=record.emergency_id, started_at=record.started_at, ended_at=record.ended_at,
        outcome=record.outcome, reason=record.reason, offset_ms=record.offset_ms,
        relay_run_id=record.relay_run_id, relay_part=record.relay_part,
    )
    try:
        with session.begin_nested():
            session.add(play)
            session.flush()
    except IntegrityError:  # the same record delivered twice at once
        return False
    return True


def report_fault(session: Session, relay_point_id: int, report: FaultReport, *,
                 reported_by_id: int | None = None) -> RelayFault:
    fault = RelayFault(relay_point_id=relay_point_id, category=report.category, text=report.text.strip(),
                       reported_by_id=reported_by_id)
    session.add(fault)
    session.flush()
    return fault
