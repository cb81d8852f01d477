"""The agent's main loop: play each programme at its start time from the cache, whatever the
network does; interrupt for emergencies; keep the server told through the outbox."""

from __future__ import annotations

import logging
import random
import shutil
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from relay_agent import __version__
from relay_agent.cache import Cache
from relay_agent.client import RelayClient
from relay_agent.clock import Clock
from relay_agent.config import AgentConfig, read_token
from relay_agent.outbox import Store
from relay_agent.player import Playback, Player
from relay_agent.relaying import Relaying
from relay_agent.schedule import Emergency, Programme, Schedule
from relay_agent.sync import Syncer, SyncReport

log = logging.getLogger("relay_agent.agent")

MAX_PLAY_ATTEMPTS = 3
# Starting the last second of a programme is worse than not starting it.
MIN_REMAINING_SECONDS = 1.0
IDLE_WAKE_SECONDS = 3600.0


def iso(moment: datetime) -> str:
    """UTC ISO 8601, as the relay API expects."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


@dataclass
class Current:
    """What is playing now."""

    programme: Programme | None
    emergency: Emergency | None
    playback: Playback
    started_at: datetime
    offset_ms: int
    sha256: str

    @property
    def key(self) -> str:
        """The bookkeeping key of what plays."""
        item = self.emergency or self.programme
        assert item is not None
        return item.key


class Agent:
    """One relay point's agent: `sync_once()` and `play_tick()`, driven by `runner.run_agent`
    in production and step by step on a fake clock in tests."""

    def __init__(
        self,
        config: AgentConfig,
        clock: Clock,
        player: Player,
        client: RelayClient | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.config = config
        self.clock = clock
        self.player = player
        config.cache_dir.mkdir(parents=True, exist_ok=True)
        self.cache = Cache(config.cache_dir)
        self.store = Store(config.cache_dir)
        self.client = client or RelayClient(
            config.server,
            lambda: read_token(config.token_file),
            timeout_seconds=config.timeout_seconds,
        )
        self.syncer = Syncer(config, self.cache, self.store, self.client, clock)
        self.relaying = Relaying(clock, player, self.cache, self.store, self.client,
                                 lambda record, at: self.store.enqueue("played", record, at),
                                 self._programme_due)
        self.current: Current | None = None
        self.next_poll_at = clock.now()
        self.last_error: str | None = None
        self._rng = rng or random.Random()
        self._lock = threading.RLock()
        self._interrupted: Programme | None = None
        self._attempts: dict[str, int] = {}
        self._why_not: dict[str, str] = {}
        self._reported: set[str] = set()
        self._last_heartbeat: datetime | None = None

    # --- syncing --------------------------------------------------------------------------

    def poll_due(self) -> bool:
        """True when the next sync should run now."""
        return self.clock.now() >= self.next_poll_at or self.syncer.token_replaced()

    def sync_once(self, heartbeat: bool = True) -> SyncReport:
        """Queue a heartbeat if due, then sync; schedule the next poll (with backoff)."""
        now = self.clock.now()
        last = self._last_heartbeat
        if heartbeat and (
            last is None or (now - last).total_seconds() >= self.config.heartbeat_seconds
        ):
            self.store.enqueue("heartbeat", self.heartbeat(now), now)
            self._last_heartbeat = now
        with self.cache.sync_lock():
            report = self.syncer.sync_once(self._playing_files)
        now = self.clock.now()
        self.last_error = report.error
        if report.error:
            self.store.set_meta("last_error", report.error)
            self.store.set_meta("last_error_at", now.isoformat())
        self.next_poll_at = now + timedelta(seconds=self.next_poll_delay())
        return report

    def next_poll_delay(self) -> float:
        """Seconds to the next poll: the server's interval, longer while it is unreachable."""
        poll = self.syncer.poll_seconds()
        if self.syncer.rejected_token is not None:
            return self.config.token_retry_seconds
        if self.syncer.failures:
            backoff = min(poll * 2 ** (self.syncer.failures - 1), self.config.max_backoff_seconds)
            # Jitter: a thousand relays coming back after an outage must not poll in lockstep.
            return float(max(poll, backoff * self._rng.uniform(0.8, 1.2)))
        return poll

    def _playing_files(self) -> set[str]:
        current = self.current
        return ({current.sha256} if current is not None else set()) | self.relaying.playing_files()

    def heartbeat(self, now: datetime) -> dict[str, Any]:
        """The heartbeat payload describing this relay right now."""
        current = self.current
        if current is not None and current.emergency is not None:
            state = "emergency"
        elif current is not None:
            state = "playing"
        elif self.relaying.active:
            state = "relaying"
        elif self.syncer.failures or self.syncer.rejected_token:
            state = "offline-cache"
        else:
            state = "idle"
        cached_until = self.cached_until(now)
        return {
            "agent_version": __version__,
            "sent_at": iso(now),
            "state": state,
            "free_disk_bytes": shutil.disk_usage(self.config.cache_dir).free,
            "cached_until": iso(cached_until) if cached_until else None,
            "last_error": self.last_error,
        }

    def cached_until(self, now: datetime) -> datetime | None:
        """End of the last programme up to which every programme is cached."""
        schedule = self.syncer.schedule
        horizon = None
        for programme in schedule.programmes if schedule else ():
            if programme.ends_at <= now:
                continue
            if programme.audio is None or not self.cache.is_present(programme.audio):
                break
            horizon = programme.ends_at
        return horizon

    # --- playing --------------------------------------------------------------------------

    def play_tick(self) -> float:
        """Bring playback in line with the clock; return seconds until something is due."""
        with self._lock:
            now = self.clock.now()
            schedule = self.syncer.schedule
            self._stop_if_overran(now, schedule)
            self._finish_if_ended(now)
            emergency = schedule.emergency if schedule else None
            self._follow_emergency(now, emergency)
            self._follow_programme_change(now, schedule)
            self._follow_relay(now, schedule)
            if self.current is None and schedule is not None and not self.relaying.holds_air:
                self._start_due_programme(now, schedule)
            if schedule is not None:
                self._report_ended(now, schedule)
                self.relaying.report_ended(now, schedule)
            return self._seconds_to_next_event(now, schedule)

    def _follow_relay(self, now: datetime, schedule: Schedule | None) -> None:
        """A relay window takes the air from a programme (which resumes at its offset after the
        window); an emergency takes it from the relay (which resumes after the bulletin)."""
        current = self.current
        if current is not None and current.emergency is not None:
            self.relaying.stop(now, f"emergency:{current.emergency.id}")
            return
        self.relaying.tick(now, schedule)
        state = self.relaying.state
        if state is not None and self.relaying.holds_air and current is not None:
            self._stop_current(now, f"relay:{state.relay.id}")

    def _programme_due(self, now: datetime) -> bool:
        """A programme of this area is on (and still to play) at `now`: a relay whose fallback
        is the station's own programme gives it the air."""
        schedule = self.syncer.schedule
        programme = schedule.due_programme(now) if schedule is not None else None
        return programme is not None and programme.audio is not None and not self.store.is_done(programme.key)

    def _finish_if_ended(self, now: datetime) -> None:
        current = self.current
        if current is None or not current.playback.finished():
            return
        error = current.playback.error()
        self.current = None
        self._as_run(current, now, "failed" if error else "completed", error)
        if current.emergency is not None:
            self.store.mark_done(current.key, "played", now)
            self._after_emergency(now, current.emergency)
        elif current.programme is not None:
            if error is None:
                self.store.mark_done(current.key, "completed", now)
            else:
                self._attempts[current.key] = self._attempts.get(current.key, 0) + 1
                if self._attempts[current.key] >= MAX_PLAY_ATTEMPTS:
                    self.store.mark_done(current.key, "failed", now)

    def _stop_if_overran(self, now: datetime, schedule: Schedule | None) -> None:
        """Stop a player that outlives its audio: at the expected end plus the grace, or at
        once when another programme is due, so the next one starts on time."""
        current = self.current
        if current is None or current.playback.finished():
            return
        end = current.playback.expected_end()
        if now < end:
            return
        grace = timedelta(seconds=self.config.overrun_grace_seconds)
        if now < end + grace and not (
            current.programme is not None and self._other_programme_due(now, schedule, current.key)
        ):
            return
        late = (now - end).total_seconds()
        log.error(
            "Trình phát không tự dừng %.0f giây sau khi hết %s: buộc dừng (player overran, stopped)",
            late,
            current.key,
        )
        current.playback.stop()
        self.current = None
        reason = f"player_overran: still running {late:.0f} s after the expected end, stopped"
        self._as_run(current, now, "interrupted", reason)
        self.store.mark_done(current.key, "stopped_overrun", now)
        what = (
            f"bản tin khẩn #{current.emergency.id}"
            if current.emergency is not None
            else f"chương trình #{current.programme.id}"  # type: ignore[union-attr]
        )
        self.store.enqueue(
            "fault",
            {
                "category": "other",
                "text": (
                    f"Trình phát ({self.player.name}) không tự dừng sau {what}; cụm loa đã buộc "
                    f"dừng nó {late:.0f} giây sau giờ kết thúc. Hãy kiểm tra trình phát. "
                    f"(The player did not exit after {current.key}; stopped {late:.0f} s late.)"
                ),
            },
            now,
        )
        if current.emergency is not None:
            self._after_emergency(now, current.emergency)

    def _other_programme_due(self, now: datetime, schedule: Schedule | None, key: str) -> bool:
        return schedule is not None and any(
            p.key != key and p.starts_at <= now < p.ends_at and not self.store.is_done(p.key)
            for p in schedule.programmes
        )

    def _after_emergency(self, now: datetime, emergency: Emergency) -> None:
        interrupted, self._interrupted = self._interrupted, None
        if interrupted is None:
            return
        if emergency.after == "skip":
            self.store.mark_done(interrupted.key, "skipped", now)
            log.info("Bỏ phần còn lại của chương trình #%d (skipping the rest)", interrupted.id)
        else:
            log.info("Phát tiếp chương trình #%d sau bản tin khẩn (resuming)", interrupted.id)

    def _follow_emergency(self, now: datetime, emergency: Emergency | None) -> None:
        current = self.current
        if current is not None and current.emergency is not None:
            if emergency is None or emergency.id != current.emergency.id:
                log.warning("Bản tin khẩn #%d đã bị huỷ (cancelled)", current.emergency.id)
                self._stop_current(now, "cancelled")
                self.store.mark_done(current.key, "cancelled", now)
                self._interrupted = None
            return
        if emergency is None or self.store.is_done(emergency.key):
            return
        if now >= emergency.expires_at:
            reason = self._why_not.get(emergency.key, "expired_before_download")
            self._missed(now, emergency.key, None, emergency, emergency.issued_at, reason)
            return
        if not self.cache.is_valid(emergency.audio):
            self._why_not[emergency.key] = "not_cached"
            return
        if current is not None and current.programme is not None:
            log.warning(
                "NGẮT chương trình #%d để phát bản tin khẩn #%d (interrupting for emergency)",
                current.programme.id,
                emergency.id,
            )
            self._interrupted = current.programme
            self._stop_current(now, f"emergency:{emergency.id}")
        log.warning("PHÁT BẢN TIN KHẨN #%d «%s» (playing emergency)", emergency.id, emergency.title)
        self._start(now, None, emergency, 0.0, emergency.duration_ms)

    def _follow_programme_change(self, now: datetime, schedule: Schedule | None) -> None:
        """Drop a programme the server changed or removed while it plays: a script taken off
        the air (a stopped emergency, a withdrawal) must not go on from the old audio. The new
        version then starts from the same moment once its audio is here."""
        current = self.current
        if current is None or current.programme is None or schedule is None:
            return
        latest = next((p for p in schedule.programmes if p.id == current.programme.id), None)
        if latest is None:
            reason = "removed"
        elif latest.audio is None or latest.audio.sha256 != current.sha256:
            reason = "changed"
        else:
            return
        log.warning("Chương trình #%d đã thay đổi trên máy chủ, dừng bản cũ (%s)", current.programme.id, reason)
        self._stop_current(now, reason)

    def _start_due_programme(self, now: datetime, schedule: Schedule) -> None:
        for programme in schedule.programmes:
            if not programme.starts_at <= now < programme.ends_at:
                continue
            if self.store.is_done(programme.key):
                continue
            if programme.audio is None:
                self._why_not[programme.key] = "not_rendered"
                continue
            if not self.cache.is_valid(programme.audio):
                self._why_not[programme.key] = "not_cached"
                continue
            offset = (now - programme.starts_at).total_seconds()
            duration = programme.duration_ms / 1000
            if duration - offset < min(MIN_REMAINING_SECONDS, duration / 2):
                self._why_not[programme.key] = "reached_too_late"
                continue
            log.info(
                "Phát chương trình #%d (%s, %s) từ giây %.1f (playing)",
                programme.id,
                programme.slot,
                programme.starts_at_local,
                offset,
            )
            self._start(now, programme, None, offset, programme.duration_ms)
            return

    def _start(
        self,
        now: datetime,
        programme: Programme | None,
        emergency: Emergency | None,
        offset: float,
        duration_ms: int,
    ) -> None:
        item = emergency or programme
        assert item is not None
        audio = emergency.audio if emergency is not None else programme.audio  # type: ignore[union-attr]
        assert audio is not None
        try:
            playback = self.player.start(
                self.cache.path_for(audio.sha256, audio.suffix), offset, duration_ms / 1000
            )
        except OSError as error:
            log.error("Không chạy được trình phát (player failed to start): %s", error)
            self._attempts[item.key] = self._attempts.get(item.key, 0) + 1
            if self._attempts[item.key] >= MAX_PLAY_ATTEMPTS:
                self.store.mark_done(item.key, "failed", now)
            self._record(
                programme, emergency, now, now, "failed", f"player: {error}", int(offset * 1000)
            )
            return
        offset_ms = int(offset * 1000)
        self.current = Current(programme, emergency, playback, now, offset_ms, audio.sha256)

    def _stop_current(self, now: datetime, reason: str) -> None:
        current = self.current
        if current is None:
            return
        current.playback.stop()
        self.current = None
        self._as_run(current, now, "interrupted", reason)

    def _report_ended(self, now: datetime, schedule: Schedule) -> None:
        # Every programme gets an as-run, even one that never played: the ward must see it.
        for programme in schedule.programmes:
            if programme.ends_at > now or self.store.is_done(programme.key):
                continue
            if self.current is not None and self.current.key == programme.key:
                continue  # a player running a little past the slot end: wait for it
            if programme.key in self._reported:
                self.store.mark_done(programme.key, "ended", now)
                continue
            reason = self._why_not.get(programme.key, "agent_not_running")
            self._missed(now, programme.key, programme, None, programme.starts_at, reason)

    def _missed(
        self,
        now: datetime,
        key: str,
        programme: Programme | None,
        emergency: Emergency | None,
        started_at: datetime,
        reason: str,
    ) -> None:
        duration_ms = (programme or emergency).duration_ms  # type: ignore[union-attr]
        ended_at = min(now, started_at + timedelta(milliseconds=duration_ms))
        log.error("KHÔNG PHÁT ĐƯỢC %s: %s (missed)", key, reason)
        self._record(programme, emergency, started_at, ended_at, "failed", reason, 0)
        self.store.mark_done(key, "missed", now)

    def _as_run(self, current: Current, now: datetime, outcome: str, reason: str | None) -> None:
        self._record(
            current.programme,
            current.emergency,
            current.started_at,
            now,
            outcome,
            reason,
            current.offset_ms,
        )

    def _record(
        self,
        programme: Programme | None,
        emergency: Emergency | None,
        started_at: datetime,
        ended_at: datetime,
        outcome: str,
        reason: str | None,
        offset_ms: int,
    ) -> None:
        record = {
            "record_id": str(uuid.uuid4()),
            "programme_id": programme.id if programme else None,
            "emergency_id": emergency.id if emergency else None,
            "started_at": iso(started_at),
            "ended_at": iso(ended_at),
            "outcome": outcome,
            "reason": reason,
            "offset_ms": offset_ms,
        }
        item = emergency or programme
        if item is not None:
            self._reported.add(item.key)
        self.store.enqueue("played", record, ended_at)
        log.info(
            "Nhật ký phát: %s %s, %s → %s, từ %d ms%s (as-run queued)",
            item.key if item else "?",
            outcome,
            record["started_at"],
            record["ended_at"],
            offset_ms,
            f", lý do {reason}" if reason else "",
        )

    def _seconds_to_next_event(self, now: datetime, schedule: Schedule | None) -> float:
        moments: list[datetime] = []
        if self.current is not None:
            end = self.current.playback.expected_end()
            moments += [end, end + timedelta(seconds=self.config.overrun_grace_seconds)]
        if schedule is not None:
            upcoming = schedule.next_programme(now)
            if upcoming is not None:
                moments.append(upcoming.starts_at)
            moments.extend(p.ends_at for p in schedule.programmes if p.ends_at > now)
            if schedule.emergency is not None and schedule.emergency.expires_at > now:
                moments.append(schedule.emergency.expires_at)
        moments.extend(self.relaying.next_moments(now, schedule))
        future = [(m - now).total_seconds() for m in moments if m > now]
        return min(future, default=IDLE_WAKE_SECONDS)

    def stop_playback(self, reason: str = "agent_stopped") -> None:
        """Stop whatever plays and write its as-run (on shutdown)."""
        with self._lock:
            self._stop_current(self.clock.now(), reason)
            self.relaying.stop(self.clock.now(), reason)

    def close(self) -> None:
        """Release the HTTP connections and the database."""
        self.client.close()
        self.store.close()
