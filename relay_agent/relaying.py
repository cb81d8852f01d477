"""Relay windows (tiếp sóng) on the agent: play the live stream through Loa; when it drops for
more than `DROP_SECONDS`, play the cached fallback from the same moment of the window; try the
stream again every `RETRY_SECONDS` and go back to it once audio comes. Each part (live or
fallback) gets its own as-run record, so the ward sees how much was relayed."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from relay_agent.cache import Cache
from relay_agent.client import RelayClient
from relay_agent.clock import Clock
from relay_agent.live import DROP_SECONDS, RETRY_SECONDS, LiveStream
from relay_agent.outbox import Store
from relay_agent.player import Playback, Player
from relay_agent.schedule import Relay, Schedule

log = logging.getLogger("relay_agent.relaying")


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


@dataclass
class RelayState:
    """The relay run on air and the part playing now."""

    relay: Relay
    part: str  # "live" or "fallback"
    started_at: datetime
    offset_ms: int
    live: LiveStream | None = None
    playback: Playback | None = None
    fallback_missing: bool = False
    yielded: bool = False  # the fallback is the area's own programme: the agent plays it
    retry: LiveStream | None = None
    next_retry_at: datetime | None = None
    notes: list[str] = field(default_factory=list)


class Relaying:
    """The relay part of the agent's loop (the agent calls `tick` from `play_tick`)."""

    def __init__(self, clock: Clock, player: Player, cache: Cache, store: Store, client: RelayClient,
                 enqueue: Callable[[dict[str, Any], datetime], None],
                 programme_due: Callable[[datetime], bool] = lambda _now: False) -> None:
        self.clock, self.player, self.cache, self.store, self.client = clock, player, cache, store, client
        self._enqueue = enqueue
        self._programme_due = programme_due
        self.state: RelayState | None = None
        self._reported: set[str] = set()

    @property
    def active(self) -> bool:
        return self.state is not None

    @property
    def holds_air(self) -> bool:
        """A relay part plays (not one that gave the air back to the area's programme)."""
        return self.state is not None and not self.state.yielded

    def playing_files(self) -> set[str]:
        state = self.state
        if state is not None and state.relay.fallback is not None:
            return {state.relay.fallback.sha256}
        return set()

    def tick(self, now: datetime, schedule: Schedule | None) -> None:
        """Follow the schedule's relay runs: start, switch parts, end."""
        relay = schedule.due_relay(now) if schedule is not None else None
        state = self.state
        if state is not None and (relay is None or relay.id != state.relay.id):
            ended = now >= state.relay.ends_at
            self._end_part(now, "completed" if ended else "interrupted", None if ended else "removed")
            self.store.mark_done(state.relay.key, "relayed" if ended else "removed", now)
        if relay is None or self.store.is_done(relay.key):
            return
        if self.state is None:
            self._begin(now, relay)
        else:
            self.state.relay = relay  # the server may have switched it to its fallback meanwhile
            self._follow(now, self.state)

    def stop(self, now: datetime, reason: str) -> None:
        """Stop the relay for now (an emergency, shutdown); it resumes when ticked again."""
        if self.state is not None:
            self._end_part(now, "interrupted", reason)

    def _offset_ms(self, now: datetime, relay: Relay) -> int:
        return max(0, int((now - relay.starts_at).total_seconds() * 1000))

    def _open(self, relay: Relay) -> LiveStream:
        url = relay.live_url
        assert url is not None
        return LiveStream(lambda: self.client.open_live(url, DROP_SECONDS), self.player.start_stream, self.clock)

    def _begin(self, now: datetime, relay: Relay) -> None:
        if relay.live_url is None:
            log.warning("Tiếp sóng #%d «%s»: nguồn không đạt kiểm tra, phát dự phòng (fallback)",
                        relay.id, relay.title)
            self._start_fallback(now, relay, "source_failed_check")
            return
        log.info("Tiếp sóng #%d «%s» (relaying live)", relay.id, relay.title)
        self.state = RelayState(relay, "live", now, self._offset_ms(now, relay), live=self._open(relay))

    def _follow(self, now: datetime, state: RelayState) -> None:
        relay = state.relay
        if state.part == "live":
            live = state.live
            assert live is not None
            if relay.live_url is not None and live.alive(now):
                return
            if relay.live_url is None:
                reason = "source_failed_check"
            elif live.started:
                reason = f"stream_dropped: silent {live.silent_for(now):.1f} s ({live.error or 'no data'})"
            else:
                reason = f"stream_unavailable: {live.error or 'no audio'}"
            log.warning("Tiếp sóng #%d mất tín hiệu, chuyển sang dự phòng (%s)", relay.id, reason)
            # a stream that never gave audio relayed nothing: the fallback's record says why
            self._end_part(now, "interrupted", reason, record=live.started)
            self._start_fallback(now, relay, reason)
            return
        # on the fallback: loop it to the end of the window, and try the stream again now and then
        if state.playback is not None and state.playback.finished():
            state.playback = self._play_fallback(relay, 0.0)
        if state.yielded and not self._programme_due(now):  # the programme ended: the file now
            state.yielded = False
            state.playback = self._play_fallback(relay, self._offset_ms(now, relay) / 1000)
            state.fallback_missing = state.playback is None
        if relay.live_url is None:
            return
        retry = state.retry
        if retry is None:
            if state.next_retry_at is None or now >= state.next_retry_at:
                state.retry = self._open(relay)
            return
        if retry.started:
            log.info("Tiếp sóng #%d có tín hiệu trở lại (stream back)", relay.id)
            state.retry = None  # it becomes the live part: ending the fallback must not stop it
            self._end_part(now, "interrupted", "stream_back")
            self.state = RelayState(relay, "live", now, self._offset_ms(now, relay), live=retry)
        elif retry.ended or retry.silent_for(now) >= DROP_SECONDS:
            retry.stop()
            state.retry = None
            state.next_retry_at = now + timedelta(seconds=RETRY_SECONDS)

    def _play_fallback(self, relay: Relay, offset_s: float) -> Playback | None:
        audio = relay.fallback
        if audio is None or not self.cache.is_valid(audio):
            return None
        duration_s = relay.fallback_duration_ms / 1000 or (relay.ends_at - relay.starts_at).total_seconds()
        try:
            return self.player.start(self.cache.path_for(audio.sha256, audio.suffix), offset_s, duration_s)
        except OSError as error:
            log.error("Không phát được tệp dự phòng: %s", error)
            return None

    def _start_fallback(self, now: datetime, relay: Relay, why: str) -> None:
        offset_ms = self._offset_ms(now, relay)
        duration_ms = relay.fallback_duration_ms
        # a fallback shorter than the window plays from the same moment of its own loop
        offset_s = (offset_ms % duration_ms if duration_ms else offset_ms) / 1000
        if relay.fallback_kind == "programme" and self._programme_due(now):
            log.info("Tiếp sóng #%d: phát chương trình của đài thay thế (the area's programme)", relay.id)
            self.state = RelayState(relay, "fallback", now, offset_ms, yielded=True,
                                    next_retry_at=now + timedelta(seconds=RETRY_SECONDS),
                                    notes=[why, "programme_played"])
            return
        playback = self._play_fallback(relay, offset_s)
        self.state = RelayState(relay, "fallback", now, offset_ms, playback=playback,
                                fallback_missing=playback is None,
                                next_retry_at=now + timedelta(seconds=RETRY_SECONDS), notes=[why])
        if playback is None:
            log.error("KHÔNG CÓ TỆP DỰ PHÒNG cho tiếp sóng #%d (fallback not cached)", relay.id)

    def _end_part(self, now: datetime, outcome: str, reason: str | None, *, record: bool = True) -> None:
        state, self.state = self.state, None
        if state is None:
            return
        if state.live is not None:
            state.live.stop()
        if state.retry is not None:
            state.retry.stop()
        if state.playback is not None:
            state.playback.stop()
        if state.part == "fallback":
            why = "; ".join(state.notes)
            if state.fallback_missing:
                outcome, why = "failed", f"fallback_not_cached; {why}"
            reason = f"{why}; {reason}" if reason else why
        if record:
            self._record(state.relay, state.part, state.started_at, now, outcome, reason,
                         state.offset_ms)

    def _record(self, relay: Relay, part: str | None, started_at: datetime, ended_at: datetime, outcome: str,
                reason: str | None, offset_ms: int) -> None:
        self._reported.add(relay.key)
        self._enqueue({
            "record_id": str(uuid.uuid4()), "programme_id": None, "emergency_id": None,
            "started_at": iso(started_at), "ended_at": iso(ended_at), "outcome": outcome,
            "reason": reason, "offset_ms": offset_ms, "relay_run_id": relay.id, "relay_part": part,
        }, ended_at)
        log.info("Nhật ký tiếp sóng #%d: %s %s, %s → %s%s", relay.id, part or "-", outcome, iso(started_at),
                 iso(ended_at), f", lý do {reason}" if reason else "")

    def report_ended(self, now: datetime, schedule: Schedule) -> None:
        """Every relay run gets an as-run, even one the agent was not running for."""
        for relay in schedule.relays:
            if relay.ends_at > now or self.store.is_done(relay.key):
                continue
            if relay.key not in self._reported:
                self._record(relay, None, relay.starts_at, relay.ends_at, "failed", "agent_not_running", 0)
            self.store.mark_done(relay.key, "ended", now)

    def next_moments(self, now: datetime, schedule: Schedule | None) -> list[datetime]:
        """When the loop must look again: relay starts and ends, and often while one is on air."""
        moments = [m for r in (schedule.relays if schedule else ()) for m in (r.starts_at, r.ends_at)]
        if self.state is not None:
            moments.append(now + timedelta(seconds=0.25))
        return moments
