"""The one long-running ffmpeg per mount: Loa's PCM on its standard input, MP3 to Icecast.
Receivers stay connected as long as this process lives, whatever the feeder switches."""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import tempfile
from dataclasses import dataclass

from audio.ffmpeg import pcm_input

PIPE_BYTES = 32768


@dataclass(frozen=True)
class MountTarget:
    """Where and how one mount is fed."""

    mount: str  # "/ha-tu-khu-1.mp3"
    source_url: str  # "icecast://source:PASSWORD@127.0.0.1:8000/ha-tu-khu-1.mp3"
    name: str
    description: str = ""
    sample_rate: int = 44100
    bitrate_kbps: int = 64


class Encoder:
    """A connected source; `write` never blocks (a stalled Icecast shows as `stalled_for`)."""

    def __init__(self, ffmpeg: str, target: MountTarget) -> None:
        self._stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [ffmpeg, "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error",
             *pcm_input(target.sample_rate), "-c:a", "libmp3lame", "-b:a", f"{target.bitrate_kbps}k",
             "-f", "mp3", "-content_type", "audio/mpeg", "-ice_name", target.name,
             "-ice_description", target.description or target.name, "-ice_public", "0",
             target.source_url],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._stderr,
        )
        assert self.process.stdin is not None
        self._fd = self.process.stdin.fileno()
        # a small pipe: audio queued while ffmpeg connects would put the mount behind the clock
        with contextlib.suppress(OSError):
            fcntl.fcntl(self._fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        flags = fcntl.fcntl(self._fd, fcntl.F_GETFL)
        fcntl.fcntl(self._fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        self.dropped_bytes = 0

    def write(self, data: bytes) -> bool:
        """Hand PCM to ffmpeg; answers False when ffmpeg has gone (Icecast refused or dropped it).
        Bytes that do not fit in the pipe are dropped and counted: ffmpeg is behind."""
        view = memoryview(data)
        while view:
            try:
                written = os.write(self._fd, view)
            except BlockingIOError:
                self.dropped_bytes += len(view)
                return self.alive
            except (BrokenPipeError, OSError):
                return False
            view = view[written:]
        return True

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def error(self) -> str | None:
        code = self.process.poll()
        if code is None:
            return None
        self._stderr.seek(0)
        lines = [line for line in self._stderr.read().decode("utf-8", "replace").splitlines() if line.strip()]
        return (lines[-1] if lines else f"ffmpeg exit {code}")[:300]

    def close(self) -> None:
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        try:
            self.process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._stderr.close()
