"""A relay window's live stream, read by the agent itself and fed to the player, so the agent
knows the moment the bytes stop (an external player would hang or exit without telling why)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime

from relay_agent.clock import Clock
from relay_agent.player import StreamSink

log = logging.getLogger("relay_agent.live")

# No audio from the stream for this long and the agent switches to the cached fallback: long
# enough to ride out a network hiccup the player's own buffer covers, short enough that
# listeners hear a brief gap rather than dead air.
DROP_SECONDS = 5.0
# While on the fallback, the agent tries the stream again this often and goes back to it once
# audio comes (a relay must not stop for good after a short outage).
RETRY_SECONDS = 15.0

Opener = Callable[[], AbstractContextManager[Iterator[bytes]]]


class LiveStream:
    """Reads a stream in a thread; the player (sink) starts at the first byte."""

    def __init__(self, opener: Opener, sink_factory: Callable[[], StreamSink], clock: Clock) -> None:
        self._opener, self._sink_factory, self._clock = opener, sink_factory, clock
        self.opened_at = clock.now()
        self.first_byte_at: datetime | None = None
        self.last_byte_at: datetime | None = None
        self.bytes_read = 0
        self.error: str | None = None
        self._ended = threading.Event()
        self._stop = threading.Event()
        self._sink: StreamSink | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="relay-live", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with self._opener() as chunks:
                for chunk in chunks:
                    if self._stop.is_set():
                        return
                    if not chunk:
                        continue
                    with self._lock:
                        if self._stop.is_set():
                            return
                        if self._sink is None:
                            self._sink = self._sink_factory()
                        self._sink.write(chunk)
                    now = self._clock.now()
                    self.first_byte_at = self.first_byte_at or now
                    self.last_byte_at = now
                    self.bytes_read += len(chunk)
            self.error = "stream ended"
        except Exception as error:  # network, server refusal, player gone: all mean "no audio"
            self.error = f"{type(error).__name__}: {error}"
        finally:
            self._ended.set()

    @property
    def started(self) -> bool:
        """True once audio came."""
        return self.first_byte_at is not None

    @property
    def ended(self) -> bool:
        return self._ended.is_set()

    def silent_for(self, now: datetime) -> float:
        """Seconds since the last audio (or since opening, before any)."""
        return (now - (self.last_byte_at or self.opened_at)).total_seconds()

    def alive(self, now: datetime) -> bool:
        """Audio is flowing: the stream has not ended and was heard within DROP_SECONDS."""
        return not self.ended and self.silent_for(now) < DROP_SECONDS

    def stop(self) -> None:
        """Stop reading and stop the player."""
        self._stop.set()
        with self._lock:
            if self._sink is not None:
                self._sink.close()
