"""Clocks the agent reads time from: the real wall clock, and a fake one tests can advance."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Where the agent reads the current time (always an aware UTC datetime)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The box's wall clock (keep it right with NTP or an RTC: slots start by it)."""

    def now(self) -> datetime:
        """Return the current UTC time."""
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when a test moves it, so a day passes in milliseconds."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """Return the fake current time."""
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        """Move the clock forward by `seconds`."""
        if seconds < 0:
            raise ValueError("time only moves forward")
        with self._lock:
            self._now += timedelta(seconds=seconds)

    def set(self, when: datetime) -> None:
        """Jump to `when` (forward only)."""
        with self._lock:
            if when < self._now:
                raise ValueError("time only moves forward")
            self._now = when.astimezone(UTC)
