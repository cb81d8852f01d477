"""Runs one feeder per area mount in the process that holds the scheduler lease, and tells each,
every second, what its area hears now. A new area gets a mount within a second; a removed one
loses it. Nothing is kept on disk: after a restart every mount is decided from the clock."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.config import Settings, get_settings
from app.relay_sources import feed as relay_feed
from app.streams import service
from app.streams.mounts import source_url
from audio.ffmpeg import ffmpeg_exe
from audio.live.encoder import MountTarget
from audio.live.feeder import FeederStatus, MountFeeder
from audio.live.onair import MountMemory, OnAir, PlayUrl, decide, forget_old

log = logging.getLogger("loa.streams")
TICK_S = 1.0

# The seam for relay windows: given an area's mount, the instant and what the area carries
# otherwise (its programme, the fallback of a window that says so), the upstream to carry
# instead (None: no relay window now): `relay_feed.mount_upstream`.
UpstreamFor = Callable[[Session, service.AreaMount, datetime, OnAir], PlayUrl | None]


class StreamSupervisor:
    def __init__(self, sessions: Callable[[], AbstractContextManager[Session]], settings: Settings | None = None, *,
                 upstream_for: UpstreamFor | None = relay_feed.mount_upstream, retry_seconds: float = 5.0) -> None:
        self._sessions = sessions
        self._settings = settings or get_settings()
        self._upstream_for = upstream_for
        self._retry_s = retry_seconds
        self._feeders: dict[str, MountFeeder] = {}
        self._memory: dict[str, MountMemory] = {}
        self._stop = threading.Event()
        self._nudge = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="loa-streams", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._nudge.set()
        if self._thread.ident is not None:
            self._thread.join(timeout=10)
        for feeder in list(self._feeders.values()):
            feeder.stop()
        self._feeders.clear()

    def nudge(self) -> None:
        """Decide again now (an emergency was issued or stopped in this process)."""
        self._nudge.set()

    def statuses(self) -> dict[str, FeederStatus]:
        return {mount: feeder.status() for mount, feeder in list(self._feeders.items())}

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick(datetime.now(UTC))
            except Exception:  # a database hiccup must not end the streams: the feeders go on
                log.exception("live streams: could not decide what to carry")
            self._nudge.wait(TICK_S)
            self._nudge.clear()

    def tick(self, now: datetime) -> None:
        with self._sessions() as session:
            mounts = service.area_mounts(session)
            wanted: dict[str, tuple[service.AreaMount, OnAir]] = {}
            by_station: dict[int, list[service.AreaMount]] = {}
            for m in mounts:
                by_station.setdefault(m.station_id, []).append(m)
            for station_id, station_mounts in by_station.items():
                heard = service.station_now(session, station_id, [m.area_id for m in station_mounts], now)
                for m in station_mounts:
                    memory = self._memory.setdefault(m.mount, MountMemory())
                    forget_old(memory, now)
                    area = heard[m.area_id]
                    on_air: OnAir = decide(now, area.programmes, area.emergency, memory, carrier=m.carrier)
                    upstream = self._upstream_for(session, m, now, on_air) if self._upstream_for else None
                    if upstream is not None and not on_air.key.startswith("emergency:"):
                        on_air = upstream  # an emergency still comes first
                    wanted[m.mount] = (m, on_air)
        for mount in [k for k in self._feeders if k not in wanted]:
            log.info("live stream %s removed", mount)
            self._feeders.pop(mount).stop()
            self._memory.pop(mount, None)
        for mount, (m, on_air) in wanted.items():
            feeder = self._feeders.get(mount)
            if feeder is None:
                feeder = MountFeeder(self._target(m), ffmpeg_exe(), retry_seconds=self._retry_s)
                feeder.set(on_air)
                feeder.start()
                self._feeders[mount] = feeder
            else:
                feeder.set(on_air)

    def _target(self, m: service.AreaMount) -> MountTarget:
        s = self._settings
        return MountTarget(m.mount, source_url(s, m.mount), f"{m.station_name} — {m.area_name}",
                           description=f"Loa: {m.area_name}", sample_rate=s.stream_sample_rate,
                           bitrate_kbps=s.stream_bitrate_kbps)


_supervisor: StreamSupervisor | None = None


def running() -> StreamSupervisor | None:
    """The supervisor of this process, if it feeds the mounts."""
    return _supervisor


def start(sessions: Callable[[], Session]) -> StreamSupervisor | None:
    """Start feeding the mounts when an Icecast is configured (else nothing: `make run` works)."""
    global _supervisor
    if not get_settings().streams_enabled or _supervisor is not None:
        return _supervisor
    _supervisor = StreamSupervisor(sessions)
    _supervisor.start()
    log.info("live streams: feeding %s", get_settings().icecast_url)
    return _supervisor


def decide_after_commit(session: Session) -> None:
    """An emergency was issued or stopped: once `session` commits, the mounts of this process
    decide again at once instead of at their next tick."""
    session.info["loa_streams_nudge"] = True


@event.listens_for(Session, "after_commit")
def _nudge_after_commit(session: Session) -> None:
    if session.info.pop("loa_streams_nudge", False) and _supervisor is not None:
        _supervisor.nudge()


@event.listens_for(Session, "after_rollback")
def _forget_nudge(session: Session) -> None:
    session.info.pop("loa_streams_nudge", None)


def stop() -> None:
    global _supervisor
    if _supervisor is not None:
        _supervisor.stop()
        _supervisor = None
