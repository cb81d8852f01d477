"""What a mount carries, decided from literal schedules (no Icecast needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from audio.live.onair import EmergencyAudio, Idle, MountMemory, PlayFile, ScheduledAudio, decide

T0 = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)
MORNING = ScheduledAudio(id=7, version=2, starts_at=T0, duration_ms=30 * 60_000, path=Path("/p/7.mp3"))
ALERT = EmergencyAudio(id=3, duration_ms=20_000, path=Path("/p/e3.mp3"))


def test_a_programme_plays_at_its_wall_clock_offset() -> None:
    on_air = decide(T0 + timedelta(minutes=12, seconds=5), [MORNING], None, MountMemory(), carrier=True)
    assert on_air == PlayFile("programme:7:2", Path("/p/7.mp3"), 725_000, "programme 7")


def test_outside_slots_the_station_chooses_carrier_or_nothing() -> None:
    before = T0 - timedelta(minutes=1)
    assert decide(before, [MORNING], None, MountMemory(), carrier=True) == Idle(carrier=True)
    assert decide(before, [MORNING], None, MountMemory(), carrier=False) == Idle(carrier=False)
    unrendered = ScheduledAudio(id=8, version=1, starts_at=T0, duration_ms=60_000, path=None)
    assert decide(T0, [unrendered], None, MountMemory(), carrier=True) == Idle(carrier=True)


def test_an_emergency_plays_once_from_its_start_then_the_programme_resumes() -> None:
    memory = MountMemory()
    at = T0 + timedelta(minutes=5)
    first = decide(at, [MORNING], ALERT, memory, carrier=True)
    assert first == PlayFile("emergency:3", Path("/p/e3.mp3"), 0, "emergency 3")
    assert decide(at + timedelta(seconds=19), [MORNING], ALERT, memory, carrier=True).key == "emergency:3"
    after = decide(at + timedelta(seconds=21), [MORNING], ALERT, memory, carrier=True)
    assert isinstance(after, PlayFile)
    assert after.key == "programme:7:2"
    assert after.offset_ms == (5 * 60 + 21) * 1000


def test_an_emergency_with_skip_drops_the_rest_of_the_interrupted_programme() -> None:
    memory = MountMemory()
    at = T0 + timedelta(minutes=5)
    skip = EmergencyAudio(id=4, duration_ms=20_000, path=Path("/p/e4.mp3"), after="skip")
    decide(at, [MORNING], skip, memory, carrier=True)
    assert decide(at + timedelta(seconds=30), [MORNING], skip, memory, carrier=True) == Idle(carrier=True)


def test_a_stopped_emergency_gives_the_mount_back_to_the_programme_at_once() -> None:
    memory = MountMemory()
    at = T0 + timedelta(minutes=5)
    decide(at, [MORNING], ALERT, memory, carrier=True)
    stopped = decide(at + timedelta(seconds=2), [MORNING], None, memory, carrier=True)
    assert isinstance(stopped, PlayFile)
    assert stopped.key == "programme:7:2"
