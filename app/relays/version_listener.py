"""On PostgreSQL, each API process listens for committed schedule changes (`LISTEN loa_schedule`,
sent by `app/programmes/events.py`) and hands them to the relay poll cache, so that its relay
polls need no database work while still seeing every other process's changes at once.

One thread and one dedicated connection per process. On (re)connecting it reads every station's
version, then trusts NOTIFY; it checks the connection every PING_SECONDS. While it is not
connected, the poll cache falls back to reading the versions every `poll_cache.VERSION_TTL`."""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.pool import NullPool

from app.db import make_engine
from app.programmes.events import CHANNEL
from app.relays import poll_cache

log = logging.getLogger(__name__)
PING_SECONDS = 5.0
RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0)
# A network that drops packets silently is noticed in seconds, not at the kernel's default hours.
LISTENER_CONNECT_ARGS = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 5,
                         "keepalives_interval": 2, "keepalives_count": 2}


class VersionListener:
    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self._engine: Engine = make_engine(url, poolclass=NullPool, **engine_kwargs)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="loa-schedule-listener", daemon=True)
        self.connected = threading.Event()

    def start(self) -> VersionListener:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=PING_SECONDS + 5)
        self._engine.dispose()

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self._listen()
                failures = 0
            except Exception:  # any failure: polls fall back to reading; reconnect
                log.warning("schedule-change listener lost its connection; polls read versions meanwhile",
                            exc_info=True)
                failures += 1
            finally:
                self.connected.clear()
                poll_cache.listening(None)
            self._stop.wait(RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)])

    def _listen(self) -> None:
        raw = self._engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert conn is not None
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
            schema = conn.execute("SELECT current_schema()").fetchone()[0]
            # Listening before reading: a change committed in between is both read and notified.
            versions = dict(conn.execute("SELECT id, schedule_version FROM stations").fetchall())
            poll_cache.listening(versions)
            self.connected.set()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=PING_SECONDS):
                    _apply(schema, note.payload)
                    if self._stop.is_set():
                        break
                conn.execute("SELECT 1")  # a dead connection raises here, within PING_SECONDS
        finally:
            raw.invalidate()  # never back to a pool: it is listening


def _apply(schema: str, payload: str) -> None:
    sender, _, pairs = payload.partition(" ")
    if sender != schema:
        return
    for pair in pairs.split():
        station_id, _, version = pair.partition(":")
        poll_cache.pushed(int(station_id), int(version))
