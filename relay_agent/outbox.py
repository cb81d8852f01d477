"""The agent's local SQLite store: the outbox of heartbeats and as-run records, and small state.

Everything the server must hear about goes through the outbox, so a day offline loses nothing:
records are delivered in order once the server is back, and each as-run carries a `record_id`
the server uses to ignore a duplicate delivery.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from relay_agent.errors import Forbidden, ServerError, ServerUnreachable, TokenRejected

log = logging.getLogger("relay_agent.outbox")

DB_FILE = "agent.db"
ENDPOINTS = {
    "heartbeat": "/api/v1/relay/heartbeat",
    "played": "/api/v1/relay/played",
    "fault": "/api/v1/relay/faults",
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    dead INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS done (key TEXT PRIMARY KEY, at TEXT NOT NULL, how TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Backlog:
    """What still waits in the outbox."""

    pending: int
    pending_played: int
    dead: int
    oldest: str | None


class Store:
    """One SQLite file shared by the sync thread, the playback thread and `loa relay status`."""

    def __init__(self, root: Path) -> None:
        self.path = root / DB_FILE
        self._lock = threading.Lock()
        # One connection shared by the agent's two threads, used under a lock; each operation
        # is its own transaction, committed (and synced: an as-run must survive a power cut).
        self._db = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._db:
            yield self._db

    # --- outbox ---------------------------------------------------------------------------

    def enqueue(self, kind: str, payload: dict[str, Any], now: datetime) -> None:
        """Queue a record; a new heartbeat replaces an undelivered older one (only the latest
        state matters, and a day offline must not queue thousands of them)."""
        if kind not in ENDPOINTS:
            raise ValueError(kind)
        with self._connect() as db:
            if kind == "heartbeat":
                db.execute("DELETE FROM outbox WHERE kind = 'heartbeat' AND dead = 0")
            db.execute(
                "INSERT INTO outbox (kind, payload, created_at) VALUES (?, ?, ?)",
                (kind, json.dumps(payload, ensure_ascii=False), now.isoformat()),
            )

    def pending(self, limit: int = 100) -> list[tuple[int, str, dict[str, Any]]]:
        """Undelivered records, oldest first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT seq, kind, payload FROM outbox WHERE dead = 0 ORDER BY seq LIMIT ?",
                (limit,),
            ).fetchall()
        return [(seq, kind, json.loads(payload)) for seq, kind, payload in rows]

    def _delivered(self, seq: int) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM outbox WHERE seq = ?", (seq,))

    def _failed(self, seq: int, error: str, dead: bool) -> None:
        with self._connect() as db:
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, dead = ? WHERE seq = ?",
                (error, int(dead), seq),
            )

    def deliver(self, post: Callable[[str, dict[str, Any]], int]) -> int:
        """Send pending records in order; stop at the first network or token failure.

        Returns how many were delivered. A record the server refuses as malformed is set aside
        (kept as `dead`, counted by `status`) so one bad record cannot block all the others.
        """
        delivered = 0
        while batch := self.pending():
            for seq, kind, payload in batch:
                try:
                    post(ENDPOINTS[kind], payload)
                except (ServerUnreachable, TokenRejected) as error:
                    self._failed(seq, str(error), dead=False)
                    raise
                except (ServerError, Forbidden) as error:
                    log.error(
                        "Máy chủ từ chối bản ghi %s #%d, để riêng (record refused, set aside): %s",
                        kind,
                        seq,
                        error,
                    )
                    self._failed(seq, str(error), dead=True)
                    continue
                self._delivered(seq)
                delivered += 1
                if kind == "played":
                    log.info("Đã gửi nhật ký phát %s (as-run delivered)", payload.get("record_id"))
        return delivered

    def backlog(self) -> Backlog:
        """Counts for `loa relay status` and the heartbeat."""
        with self._connect() as db:
            pending, played, oldest = db.execute(
                "SELECT COUNT(*), SUM(kind = 'played'), MIN(created_at) FROM outbox WHERE dead = 0"
            ).fetchone()
            (dead,) = db.execute("SELECT COUNT(*) FROM outbox WHERE dead = 1").fetchone()
        return Backlog(pending=pending, pending_played=played or 0, dead=dead, oldest=oldest)

    # --- what was already played ----------------------------------------------------------

    def mark_done(self, key: str, how: str, now: datetime) -> None:
        """Remember that a programme or emergency needs nothing more (survives restarts)."""
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO done (key, at, how) VALUES (?, ?, ?)",
                (key, now.isoformat(), how),
            )
            # Ids are only looked up for a few days; keep the table small on a small SD card.
            db.execute("DELETE FROM done WHERE at < ?", ((now - timedelta(days=14)).isoformat(),))

    def is_done(self, key: str) -> bool:
        """True when `mark_done` was called for `key`."""
        with self._connect() as db:
            return db.execute("SELECT 1 FROM done WHERE key = ?", (key,)).fetchone() is not None

    # --- small facts for `status` ---------------------------------------------------------

    def set_meta(self, key: str, value: str | None) -> None:
        """Store (or clear) one fact, e.g. the last error."""
        with self._connect() as db:
            if value is None:
                db.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def get_meta(self, key: str) -> str | None:
        """Read one fact."""
        with self._connect() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])
