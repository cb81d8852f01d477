"""What relay points receive of the relay windows: each run in their area, the live URL through
Loa (one upstream connection per station process, see `fanout`), and the fallback file to cache."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Recording, RelaySource, RelayWindow, RelayWindowRun
from app.relay_sources import fanout
from app.speech.audio import storage
from app.streams.service import AreaMount
from audio.live.onair import OnAir, PlayFile, PlayUrl

LIVE_PREFIX = "/api/v1/relay/live/"


@dataclass(frozen=True)
class RelayRunView:
    """A run as its relay points see it; `token` is its part of the schedule's ETag."""

    run_id: int
    title: str
    area_ids: tuple[int, ...]
    starts_at: datetime
    ends_at: datetime
    use_fallback: bool
    fallback_key: str | None
    fallback_size: int | None
    fallback_duration_ms: int | None
    fallback_kind: str = "filler"

    @property
    def token(self) -> str:
        return (f"relay:{self.run_id}.{self.title}.{self.starts_at.timestamp():.0f}."
                f"{self.ends_at.timestamp():.0f}.{int(self.use_fallback)}.{self.fallback_key}.{self.fallback_kind}")

    def reaches(self, area_id: int) -> bool:
        return not self.area_ids or area_id in self.area_ids


def fallback_recording(session: Session, window: RelayWindow) -> Recording | None:
    """The file relay points cache to play if the stream fails: the window's own recording, else
    the station's first filler (the station's programme for that time needs no extra file)."""
    if window.fallback == "recording" and window.fallback_recording_id:
        return session.get(Recording, window.fallback_recording_id)
    return session.scalars(select(Recording).where(Recording.station_id == window.station_id,
                                                   Recording.is_filler.is_(True))
                           .order_by(Recording.id).limit(1)).first()


def station_runs(session: Session, station_id: int, since: datetime, until: datetime) -> list[RelayRunView]:
    """Every run of the station's windows overlapping [since, until), by start."""
    rows = session.execute(
        select(RelayWindowRun, RelayWindow).join(RelayWindow, RelayWindowRun.window_id == RelayWindow.id)
        .where(RelayWindow.station_id == station_id, RelayWindowRun.ends_at > since,
               RelayWindowRun.starts_at < until).order_by(RelayWindowRun.starts_at, RelayWindowRun.id)).all()
    views = []
    for run, window in rows:
        fallback = fallback_recording(session, window)
        views.append(RelayRunView(run.id, window.title, tuple(window.area_ids or ()), run.starts_at, run.ends_at,
                                  run.use_fallback, fallback.audio_key if fallback else None,
                                  fallback.size_bytes if fallback else None,
                                  fallback.duration_ms if fallback else None, window.fallback))
    return views


def may_fetch_fallback(session: Session, station_id: int, area_id: int, key: str) -> bool:
    """Whether a relay point of this area may download `key` as a relay window's fallback."""
    windows = session.scalars(select(RelayWindow).where(RelayWindow.station_id == station_id)).all()
    for window in windows:
        if window.area_ids and area_id not in window.area_ids:
            continue
        fallback = fallback_recording(session, window)
        if fallback is not None and fallback.audio_key == key:
            return True
    return False


def run_for_area(session: Session, run_id: int, station_id: int, area_id: int) -> RelayWindowRun | None:
    """The run if it belongs to this station and reaches this area."""
    found = session.execute(select(RelayWindowRun, RelayWindow)
                            .join(RelayWindow, RelayWindowRun.window_id == RelayWindow.id)
                            .where(RelayWindowRun.id == run_id, RelayWindow.station_id == station_id)).first()
    if found is None:
        return None
    run, window = found
    return run if not window.area_ids or area_id in window.area_ids else None


# Relay points may connect this long before the window starts (their clocks differ a little).
EARLY_CONNECT = timedelta(minutes=1)


def live_source(session: Session, run_id: int, station_id: int, area_id: int, now: datetime) -> str | None:
    """The source URL a relay point of this area may listen to now through Loa, or None (not
    its run, not on air, or on its fallback)."""
    run = run_for_area(session, run_id, station_id, area_id)
    if run is None or run.use_fallback or not run.starts_at - EARLY_CONNECT <= now < run.ends_at:
        return None
    return session.scalar(select(RelaySource.url).join(RelayWindow, RelayWindow.source_id == RelaySource.id)
                          .where(RelayWindow.id == run.window_id))


def mount_upstream(session: Session, mount: AreaMount, now: datetime, programme: OnAir) -> PlayUrl | None:
    """The area's Icecast mount carries the relay run on air for it (the seam of
    `app.streams.supervisor`), read through the station's one upstream connection (`fanout`);
    a run on its fallback gives None, so the mount carries the area's own programme (or its idle
    carrier). While the source is gone mid-window the mount carries the window's fallback: the
    area's programme at its offset (`programme`, when it has one and the window says so), else
    the window's recording or the station's filler, as relay points do."""
    rows = session.execute(
        select(RelayWindowRun, RelayWindow, RelaySource)
        .join(RelayWindow, RelayWindowRun.window_id == RelayWindow.id)
        .join(RelaySource, RelayWindow.source_id == RelaySource.id)
        .where(RelayWindow.station_id == mount.station_id, RelayWindowRun.starts_at <= now,
               RelayWindowRun.ends_at > now, RelayWindowRun.use_fallback.is_(False))
        .order_by(RelayWindowRun.starts_at)).all()
    for run, window, source in rows:
        if window.area_ids and mount.area_id not in window.area_ids:
            continue
        fallback: PlayFile | None = None
        if window.fallback == "programme" and isinstance(programme, PlayFile):
            fallback = programme
        else:
            recording = fallback_recording(session, window)
            if recording is not None:
                # looped to the end of the window, as relay points loop it
                fallback = PlayFile(f"recording:{recording.id}", storage().path(recording.audio_key), 0,
                                    f"fallback {recording.title}", loop_ms=max(1, recording.duration_ms))
        # HLS is a playlist of segments: ffmpeg reads it itself (one connection per mount)
        feed = None if source.expected_format == "hls" else partial(fanout.chunks, run.id, source.url)
        return PlayUrl(f"relay:{run.id}", source.url, f"relay {window.title}", fallback=fallback, feed=feed)
    return None
