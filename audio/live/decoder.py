"""One ffmpeg process decoding a file (from an offset) or an upstream URL to Loa's PCM, read
by a thread into a bounded buffer: the feeder takes what it needs each tick and never waits
on a slow source."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterator

from audio.ffmpeg import pcm_output

READ_BYTES = 4096


class Decoder:
    """A running decode; `take(n)` answers at most `n` bytes, at once."""

    def __init__(self, ffmpeg: str, input_args: list[str], sample_rate: int, *, buffer_seconds: float = 2.0,
                 feed: Callable[[threading.Event], Iterator[bytes]] | None = None):
        """`feed` (with `pipe_input()`) writes the encoded input to ffmpeg's stdin from a thread,
        until it ends (ffmpeg then ends too) or the decoder is closed."""
        self._limit = max(READ_BYTES, int(sample_rate * 2 * buffer_seconds))
        self._chunks: deque[bytes] = deque()
        self._size = 0
        self._cond = threading.Condition()
        self._closed = False
        self._stop_feed = threading.Event()
        self._stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [ffmpeg, "-hide_banner", "-nostats", "-loglevel", "error", *([] if feed else ["-nostdin"]),
             *input_args, "-vn", *pcm_output(sample_rate)],
            stdin=subprocess.PIPE if feed else subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._stderr,
        )
        self.received = 0
        self._eof = False
        self._thread = threading.Thread(target=self._read, name="loa-live-decoder", daemon=True)
        self._thread.start()
        self._writer: threading.Thread | None = None
        if feed is not None:
            self._writer = threading.Thread(target=self._write, args=(feed,), name="loa-live-feed", daemon=True)
            self._writer.start()

    def _write(self, feed: Callable[[threading.Event], Iterator[bytes]]) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        chunks = feed(self._stop_feed)
        try:
            for chunk in chunks:
                stdin.write(chunk)
                stdin.flush()
        except (OSError, ValueError):  # ffmpeg ended or was closed: nothing more to give it
            pass
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()
            try:
                stdin.close()
            except OSError:
                pass

    def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        while True:
            try:
                block = os.read(stdout.fileno(), READ_BYTES)
            except (OSError, ValueError):  # closed under us: the decode is over
                block = b""
            with self._cond:
                if not block or self._closed:
                    self._eof = True
                    self._cond.notify_all()
                    return
                while self._size >= self._limit and not self._closed:
                    self._cond.wait(0.5)
                self._chunks.append(block)
                self._size += len(block)
                self.received += len(block)
                self._cond.notify_all()

    def wait_for_data(self, timeout: float) -> bool:
        """Wait until some audio (or the end) is there: a file's first bytes come within ms."""
        with self._cond:
            return self._cond.wait_for(lambda: self._size > 0 or self._eof, timeout)

    def take(self, wanted: int) -> bytes:
        out = bytearray()
        with self._cond:
            while self._chunks and len(out) < wanted:
                chunk = self._chunks.popleft()
                room = wanted - len(out)
                if len(chunk) > room:
                    self._chunks.appendleft(chunk[room:])
                    chunk = chunk[:room]
                out += chunk
            self._size -= len(out)
            self._cond.notify_all()
        if len(out) % 2:  # keep whole samples: the odd byte goes back
            with self._cond:
                self._chunks.appendleft(bytes(out[-1:]))
                self._size += 1
            del out[-1:]
        return bytes(out)

    @property
    def buffered(self) -> int:
        """Decoded bytes waiting to be taken."""
        with self._cond:
            return self._size

    @property
    def finished(self) -> bool:
        """The decoder ended and everything it gave has been taken."""
        with self._cond:
            return self._eof and self._size == 0

    def error(self) -> str | None:
        """ffmpeg's last message when it ended with an error."""
        code = self.process.poll()
        if code in (None, 0):
            return None
        self._stderr.seek(0)
        lines = [line for line in self._stderr.read().decode("utf-8", "replace").splitlines() if line.strip()]
        return (lines[-1] if lines else f"ffmpeg exit {code}")[:300]

    def close(self) -> None:
        self._stop_feed.set()
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._thread.join(timeout=2)  # the pipe ends with the process: the reader sees its end
        if self._writer is not None:
            self._writer.join(timeout=2)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._stderr.close()


def file_input(path: str, offset_ms: int, *, loop: bool = False) -> list[str]:
    """Input options for a file from `offset_ms` (seeking before -i: fast, frame-accurate for MP3).
    `loop` plays it again from its start each time it ends, with timestamps that keep counting."""
    seek = ["-ss", f"{max(0, offset_ms) / 1000:.3f}"]
    if not loop:
        return [*seek, "-i", path]
    return ["-stream_loop", "-1", *seek, "-i", path, "-af", "asetpts=N/SR/TB"]


def url_input(url: str) -> list[str]:
    """Input options for an upstream HTTP stream: ffmpeg reconnects by itself on short drops."""
    return ["-reconnect", "1", "-reconnect_streamed", "1", "-reconnect_delay_max", "5",
            "-rw_timeout", "10000000", "-i", url]


def pipe_input() -> list[str]:
    """Input options for an encoded stream written to ffmpeg's stdin (a shared upstream; MP3 or
    ADTS AAC, found by probing)."""
    return ["-i", "pipe:0"]
