"""Feeds one Icecast mount continuously: a paced PCM clock that never stops, a decoder for
whatever the mount should carry now, and one encoder connection kept up by retrying.

- The feeder is told what to carry (`set`); it switches decoders without touching the
  encoder, so listeners are never disconnected between programmes, emergencies and silence.
- A file that is missing or does not decode gives silence (the carrier) and an error in the
  status; it is tried again every `retry_seconds` at the wall-clock offset it has reached.
- An upstream URL that drops gives silence and is reconnected every `retry_seconds`.
- Icecast refusing or dropping the source gives a new connection after a back-off; the PCM
  clock and the decoder go on meanwhile, so the mount comes back at the right offset.
- Nothing is kept between runs: a restarted Loa decides afresh from the wall clock.

Relay windows come in through `PlayUrl`: app/streams/supervisor.py's `upstream_for` names the
upstream for a mount and instant. When the upstream gives no audio for `fallback_after_s`
(dropped, hung or unreachable), the mount carries the `PlayUrl`'s fallback from a second
decoder (the area's programme at its wall-clock offset, or the window's recording) while the
upstream is retried; once the upstream has buffered `RETURN_S` of audio again, the mount goes
back to it. Without a fallback a dropped upstream gives silence until it returns. A `PlayUrl`
with a `feed` is read from that (a connection shared by the station's mounts) instead of a
connection of the feeder's own.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from audio.live.decoder import Decoder, file_input, pipe_input, url_input
from audio.live.encoder import Encoder, MountTarget
from audio.live.onair import Idle, OnAir, PlayFile, PlayUrl

log = logging.getLogger("loa.live")
CHUNK_MS = 100
LEAD_MS = 250  # PCM handed to the encoder ahead of the clock: covers the thread's wake-up jitter
FIRST_BYTES_WAIT_S = 1.0
BACKOFF_S = (1.0, 2.0, 5.0, 10.0)
FALLBACK_AFTER_S = 3.0  # an upstream silent this long is a drop a listener notices: fall back
RETURN_S = 1.0  # audio the upstream must have buffered again before the mount goes back to it


@dataclass(frozen=True)
class FeederStatus:
    """What the staff page shows for one mount."""

    mount: str
    state: str  # "on_air", "connecting", "off", "stopped"
    carrying: str  # the label of what it carries
    key: str  # what it carries, as "programme:ID:VERSION", "emergency:ID", "idle:carrier", "idle:off", …
    error: str | None
    connected_since: float | None  # time.time() of the current connection
    reconnects: int


class MountFeeder:
    def __init__(self, target: MountTarget, ffmpeg: str, *, retry_seconds: float = 5.0,
                 fallback_after_s: float = FALLBACK_AFTER_S) -> None:
        self.target = target
        self._ffmpeg = ffmpeg
        self._retry_s = retry_seconds
        self._fallback_after_s = fallback_after_s
        self._want: OnAir = Idle(carrier=True)
        self._want_at = time.monotonic()  # when `_want` was last told (its offsets are of then)
        self._fallback: Decoder | None = None
        self._upstream_heard_at = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"loa-live{target.mount}", daemon=True)
        self._encoder: Encoder | None = None
        self._decoder: Decoder | None = None
        self._current: OnAir | None = None
        self._current_since = 0.0
        self._decoder_retry_at: float | None = None
        self._encoder_retry_at = 0.0
        self._failures = 0
        self._reconnects = 0
        self._connected_since: float | None = None
        self._error: str | None = None
        self._source_error: str | None = None

    # --- control, from any thread -------------------------------------------------------

    def set(self, on_air: OnAir) -> None:
        """What the mount should carry from now on (a no-op when it already does)."""
        with self._lock:
            changed = on_air.key != self._want.key
            self._want, self._want_at = on_air, time.monotonic()
        if changed:
            self._wake.set()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=10)

    def status(self) -> FeederStatus:
        with self._lock:
            want = self._want
        encoder = self._encoder
        if self._stop.is_set():
            state = "stopped"
        elif isinstance(want, Idle) and not want.carrier:
            state = "off"
        elif encoder is not None and encoder.alive and self._connected_since is not None:
            state = "on_air"
        else:
            state = "connecting"
        label = f"{want.label} (fallback)" if self._fallback is not None else want.label
        return FeederStatus(self.target.mount, state, label, want.key, self._source_error or self._error,
                            self._connected_since, self._reconnects)

    @property
    def on_fallback(self) -> bool:
        """The upstream is gone and the mount carries its fallback."""
        return self._fallback is not None

    def child_pids(self) -> list[int]:
        """The ffmpeg processes feeding the mount now (for measuring their CPU)."""
        return [part.process.pid for part in (self._encoder, self._decoder, self._fallback) if part is not None]

    # --- the feeding thread -------------------------------------------------------------

    def _run(self) -> None:
        rate = self.target.sample_rate
        chunk = rate * CHUNK_MS // 1000
        lead = rate * LEAD_MS // 1000
        started = time.monotonic()
        sent = 0
        try:
            while not self._stop.is_set():
                with self._lock:
                    want = self._want
                if self._current is None or want.key != self._current.key:
                    self._switch(want)
                if isinstance(want, Idle) and not want.carrier:
                    self._close_encoder()
                    started, sent = time.monotonic(), 0
                    self._wake.wait(CHUNK_MS / 1000)
                    self._wake.clear()
                    continue
                self._keep_encoder()
                self._keep_decoder()
                due = int((time.monotonic() - started) * rate) + lead
                if due - sent > rate * 5:  # the thread was starved for seconds: do not burst
                    sent = due - lead
                while sent < due:
                    self._send(self._next_pcm(chunk))
                    sent += chunk
                self._wake.wait(CHUNK_MS / 2000)
                self._wake.clear()
        finally:
            self._close_fallback()
            self._close_decoder()
            self._close_encoder()

    def _switch(self, want: OnAir) -> None:
        self._close_fallback()
        self._close_decoder()
        self._current, self._current_since = want, time.monotonic()
        self._upstream_heard_at = self._current_since
        self._source_error = None
        self._decoder_retry_at = None
        log.info("%s now carries %s", self.target.mount, want.label)
        self._open_decoder(want)

    def _open_decoder(self, want: OnAir, elapsed_s: float = 0.0) -> None:
        if isinstance(want, PlayFile):
            if not want.path.is_file():
                self._source_error = f"missing file: {want.path.name}"
                self._decoder_retry_at = time.monotonic() + self._retry_s
                return
            offset = want.offset_ms + int(elapsed_s * 1000)
            self._decoder = Decoder(self._ffmpeg, file_input(str(want.path), offset), self.target.sample_rate)
            self._decoder.wait_for_data(FIRST_BYTES_WAIT_S)
        elif isinstance(want, PlayUrl) and want.feed is not None:
            self._decoder = Decoder(self._ffmpeg, pipe_input(), self.target.sample_rate, feed=want.feed)
        elif isinstance(want, PlayUrl):
            self._decoder = Decoder(self._ffmpeg, url_input(want.url), self.target.sample_rate)

    def _keep_decoder(self) -> None:
        """Retry a source that failed (a missing file may come back; an upstream may return)."""
        now = time.monotonic()
        decoder = self._decoder
        if decoder is not None and decoder.finished:
            error = decoder.error()
            self._close_decoder()
            if error is not None or isinstance(self._current, PlayUrl):
                self._source_error = error or "upstream ended"
                log.warning("%s: source failed (%s); trying again in %.0f s", self.target.mount,
                            self._source_error, self._retry_s)
                self._decoder_retry_at = now + self._retry_s
        if self._decoder is None and self._decoder_retry_at is not None and now >= self._decoder_retry_at:
            self._decoder_retry_at = None
            current = self._current
            if current is not None:
                self._open_decoder(current, now - self._current_since)
                if self._decoder is not None:
                    self._source_error = None

    def _next_pcm(self, samples: int) -> bytes:
        wanted = samples * 2
        if isinstance(self._current, PlayUrl):
            data = self._relay_pcm(wanted)
        else:
            data = self._decoder.take(wanted) if self._decoder is not None else b""
        return data + bytes(wanted - len(data))  # the carrier: silence where the source has none

    def _relay_pcm(self, wanted: int) -> bytes:
        """The upstream's audio; its fallback's while it has been gone for `fallback_after_s`."""
        now = time.monotonic()
        upstream = self._decoder
        if self._fallback is not None:
            if upstream is not None and upstream.buffered >= int(self.target.sample_rate * 2 * RETURN_S):
                log.info("%s: the upstream is back; leaving the fallback", self.target.mount)
                self._close_fallback()
            else:
                return self._fallback.take(wanted)
        data = upstream.take(wanted) if upstream is not None else b""
        if data:
            self._upstream_heard_at = now
        elif now - self._upstream_heard_at >= self._fallback_after_s:
            self._open_fallback(now)
        return data

    def _open_fallback(self, now: float) -> None:
        with self._lock:
            want, told_at = self._want, self._want_at
        current = self._current
        if not isinstance(want, PlayUrl) or current is None or want.key != current.key or want.fallback is None:
            return
        fallback = want.fallback
        if not fallback.path.is_file():
            return
        offset = fallback.offset_ms + int((now - told_at) * 1000)  # the programme went on meanwhile
        if fallback.loop_ms:
            offset %= fallback.loop_ms
        log.warning("%s: no audio from the upstream for %.0f s; carrying %s", self.target.mount,
                    now - self._upstream_heard_at, fallback.label)
        self._fallback = Decoder(self._ffmpeg, file_input(str(fallback.path), offset, loop=bool(fallback.loop_ms)),
                                 self.target.sample_rate)
        self._fallback.wait_for_data(FIRST_BYTES_WAIT_S)

    def _close_fallback(self) -> None:
        if self._fallback is not None:
            self._fallback.close()
            self._fallback = None
        self._upstream_heard_at = time.monotonic()

    def _keep_encoder(self) -> None:
        encoder = self._encoder
        if encoder is not None and not encoder.alive:
            self._error = encoder.error() or "Icecast closed the connection"
            log.warning("%s: Icecast connection lost (%s); reconnecting", self.target.mount, self._error)
            self._close_encoder()
            self._failures += 1
            delay = BACKOFF_S[min(self._failures - 1, len(BACKOFF_S) - 1)]
            self._encoder_retry_at = time.monotonic() + delay
        if self._encoder is None and time.monotonic() >= self._encoder_retry_at:
            if self._failures:
                self._reconnects += 1
            self._encoder = Encoder(self._ffmpeg, self.target)
            self._connected_since = time.time()

    def _send(self, pcm: bytes) -> None:
        encoder = self._encoder
        if encoder is None:
            return
        if encoder.write(pcm) and self._failures and time.time() - (self._connected_since or 0) > 10:
            self._failures, self._error = 0, None  # connected for a while: back-off starts over

    def _close_decoder(self) -> None:
        if self._decoder is not None:
            self._decoder.close()
            self._decoder = None

    def _close_encoder(self) -> None:
        if self._encoder is not None:
            self._encoder.close()
            self._encoder = None
        self._connected_since = None
