"""What one mount carries at an instant: pure decisions from plain values.

The mount follows the same rules as a relay point of its area (relay_agent/agent.py): an
emergency plays once from its start as soon as it is seen, interrupting; afterwards the
interrupted programme goes on at its wall-clock offset ("resume") or is left out ("skip");
a regular programme always plays at its wall-clock offset, so a late joiner (or a restarted
feeder) hears what the loudspeakers play at that moment.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class ScheduledAudio:
    """A regular programme of the area, with its rendered file (None when not rendered)."""

    id: int
    version: int
    starts_at: datetime
    duration_ms: int
    path: Path | None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(milliseconds=self.duration_ms)


@dataclass(frozen=True)
class EmergencyAudio:
    """An emergency bulletin in force for the area."""

    id: int
    duration_ms: int
    path: Path | None
    after: Literal["resume", "skip"] = "resume"


@dataclass(frozen=True)
class PlayFile:
    """Decode `path` from `offset_ms`; `key` changes whenever the audio to carry changes.
    `loop_ms` (the file's length) carries it in a loop, as a relay window's fallback recording
    is: the offset falls within the loop; 0 plays it once."""

    key: str
    path: Path
    offset_ms: int
    label: str
    loop_ms: int = 0


# The bytes of an upstream stream, read until it ends or the event is set (see `PlayUrl.feed`).
UpstreamFeed = Callable[[threading.Event], Iterator[bytes]]


@dataclass(frozen=True)
class PlayUrl:
    """An upstream stream (a relay window: the mount switched to the city's station).

    `fallback` is what the mount carries while the upstream gives no audio for more than a few
    seconds (the area's programme at its wall-clock offset, or the window's recording); `feed`,
    when given, supplies the stream's bytes instead of a connection of the mount's own, so
    every mount of a station shares one upstream connection."""

    key: str
    url: str
    label: str
    fallback: PlayFile | None = None
    feed: UpstreamFeed | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Idle:
    """Nothing to air: a quiet carrier keeps receivers connected, else the mount goes away."""

    carrier: bool
    label: str = "idle"

    @property
    def key(self) -> str:
        return "idle:carrier" if self.carrier else "idle:off"


OnAir = PlayFile | PlayUrl | Idle


@dataclass
class MountMemory:
    """What one mount remembers between decisions: when each emergency began on it, and which
    programmes an emergency with after="skip" cut short."""

    emergency_started: dict[int, datetime] = field(default_factory=dict)
    skipped: set[int] = field(default_factory=set)
    last_programme: int | None = None


def decide(now: datetime, programmes: list[ScheduledAudio], emergency: EmergencyAudio | None,
           memory: MountMemory, *, carrier: bool) -> OnAir:
    """What the mount carries at `now` (updates `memory`)."""
    on_now = next((p for p in programmes if p.starts_at <= now < p.ends_at), None)
    if emergency is not None:
        started = memory.emergency_started.setdefault(emergency.id, now)
        played_ms = int((now - started).total_seconds() * 1000)
        if played_ms < emergency.duration_ms:
            if on_now is not None and emergency.after == "skip":
                memory.skipped.add(on_now.id)
            if emergency.path is not None:
                return PlayFile(f"emergency:{emergency.id}", emergency.path, 0, f"emergency {emergency.id}")
    if on_now is not None and on_now.id not in memory.skipped and on_now.path is not None:
        offset = int((now - on_now.starts_at).total_seconds() * 1000)
        memory.last_programme = on_now.id
        return PlayFile(f"programme:{on_now.id}:{on_now.version}", on_now.path, offset,
                        f"programme {on_now.id}")
    return Idle(carrier=carrier)


def forget_old(memory: MountMemory, now: datetime, keep: timedelta = timedelta(days=1)) -> None:
    """Drop what no decision needs any more."""
    for key in [k for k, started in memory.emergency_started.items() if now - started > keep]:
        del memory.emergency_started[key]
    if len(memory.skipped) > 100:
        memory.skipped.clear()
