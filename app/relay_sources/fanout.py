"""One upstream connection per relay run, shared by every relay point listening through Loa.

A city stream relayed to twenty clusters must not be fetched twenty times over the ward's
uplink (nor count as twenty listeners upstream). The first listener of a run starts a pump
thread that reads the source and hands each chunk to every listener's queue; the last one to
leave stops it. When the source drops, every listener sees the end of its stream (the relay
agent then plays its fallback) and the next listener connects afresh.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections.abc import AsyncIterator, Iterator

import httpx

from audio.live_source import NETWORK_TIMEOUT_S

log = logging.getLogger("loa.relay_fanout")
CHUNK = 4096
# A listener this many chunks behind is too slow to keep (about 30 s of a 64 kbit/s stream).
QUEUE_CHUNKS = 64
# A listener given nothing this long was dropped as too slow, or its upstream hangs: it ends, and
# its next connection starts afresh.
IDLE_END_S = NETWORK_TIMEOUT_S
_END = b""


class Hub:
    """The pump of one run's upstream stream and its listeners."""

    def __init__(self, run_id: int, url: str) -> None:
        self.run_id, self.url = run_id, url
        self.listeners: set[queue.Queue[bytes]] = set()
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.connections = 0  # upstream connections made (one per drop and per idle restart)

    def subscribe(self) -> queue.Queue[bytes]:
        q: queue.Queue[bytes] = queue.Queue(maxsize=QUEUE_CHUNKS)
        with self.lock:
            self.listeners.add(q)
            if self.thread is None:
                self.thread = threading.Thread(target=self._pump, name=f"loa-relay-pump-{self.run_id}",
                                               daemon=True)
                self.thread.start()
        return q

    def unsubscribe(self, q: queue.Queue[bytes]) -> None:
        with self.lock:
            self.listeners.discard(q)

    def _pump(self) -> None:
        self.connections += 1
        try:
            timeout = httpx.Timeout(NETWORK_TIMEOUT_S)
            with httpx.stream("GET", self.url, timeout=timeout, follow_redirects=True) as response:
                response.raise_for_status()
                for chunk in response.iter_bytes(CHUNK):
                    with self.lock:
                        if not self.listeners:
                            return
                        for q in list(self.listeners):
                            try:
                                q.put_nowait(chunk)
                            except queue.Full:  # a listener that stopped reading
                                self.listeners.discard(q)
        except (httpx.HTTPError, OSError) as exc:
            log.warning("relay run %s: upstream %s: %s", self.run_id, self.url, type(exc).__name__)
        finally:
            with self.lock:
                for q in self.listeners:
                    try:
                        q.put_nowait(_END)
                    except queue.Full:
                        pass
                self.listeners.clear()
                self.thread = None


_hubs: dict[int, Hub] = {}
_hubs_lock = threading.Lock()


def hub(run_id: int, url: str) -> Hub:
    with _hubs_lock:
        found = _hubs.get(run_id)
        if found is None or found.url != url:
            found = _hubs[run_id] = Hub(run_id, url)
        return found


async def listen(run_id: int, url: str) -> AsyncIterator[bytes]:
    """The run's stream for one listener; ends when the source drops."""
    pump = hub(run_id, url)
    q = pump.subscribe()
    try:
        while True:
            try:
                chunk = q.get_nowait()
            except queue.Empty:
                await asyncio.sleep(0.05)  # no thread held per listener while waiting
                continue
            if chunk == _END:
                return
            yield chunk
    finally:
        pump.unsubscribe(q)


def chunks(run_id: int, url: str, stop: threading.Event) -> Iterator[bytes]:
    """The run's stream for a listener in this process (an area's Icecast mount: see
    `audio.live.onair.PlayUrl.feed`); ends when the source drops or `stop` is set."""
    pump = hub(run_id, url)
    q = pump.subscribe()
    idle_since = time.monotonic()
    try:
        while not stop.is_set():
            try:
                chunk = q.get(timeout=0.2)
            except queue.Empty:
                if time.monotonic() - idle_since > IDLE_END_S:
                    return
                continue
            if chunk == _END:
                return
            idle_since = time.monotonic()
            yield chunk
    finally:
        pump.unsubscribe(q)
