"""A real live source on loopback: an MP3 of known tones served over HTTP at its own pace,
as a radio stream is, and able to stop mid-stream like a dropped upstream."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from audio.ffmpeg import run_ffmpeg

BITRATE_KBPS = 64


def tone_mp3(path: Path, seconds: float, frequency: int = 440, *, silent: bool = False) -> Path:
    """An MP3 (44.1 kHz mono, constant 64 kbit/s) of a sine tone or of silence."""
    source = "anullsrc=r=44100:cl=mono" if silent else f"sine=frequency={frequency}:sample_rate=44100"
    run_ffmpeg(["-f", "lavfi", "-i", source, "-t", f"{seconds}", "-ac", "1",
                "-c:a", "libmp3lame", "-b:a", f"{BITRATE_KBPS}k", "-y", str(path)])
    return path


class StreamServer:
    """Serves `data` at /live.mp3, BITRATE_KBPS bytes per second per listener, looping."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.stopped = threading.Event()
        self.stalled = threading.Event()
        self.connections = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path != "/live.mp3" or owner.stopped.is_set():
                    self.send_error(404)
                    return
                owner.connections += 1
                self.send_response(200)
                self.send_header("Content-Type", "audio/mpeg")
                self.end_headers()
                per_tick = BITRATE_KBPS * 1000 // 8 // 10
                sent, start = 0, time.monotonic()
                # a little ahead at first, as real servers send a burst to fill the buffer
                burst = per_tick * 5
                try:
                    while not owner.stopped.is_set():
                        if owner.stalled.is_set():  # connected, but nothing comes
                            time.sleep(0.05)
                            continue
                        due = burst + int((time.monotonic() - start) * 10) * per_tick
                        while sent < due and not owner.stopped.is_set():
                            at = sent % len(owner.data)
                            chunk = owner.data[at:at + min(per_tick, due - sent)]
                            self.wfile.write(chunk)
                            sent += len(chunk)
                        time.sleep(0.02)
                except OSError:
                    return
                # a dropped upstream: the connection just ends
                self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/live.mp3"

    def start(self) -> StreamServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        """Drop every listener and refuse new ones (the port stays closed)."""
        self.stopped.set()
        self.server.shutdown()
        self.server.server_close()

    def stall(self) -> None:
        """Keep every connection open but send nothing more (a hung upstream)."""
        self.stalled.set()

    def stop_after(self, seconds: float) -> threading.Timer:
        timer = threading.Timer(seconds, self.stop)
        timer.start()
        return timer


def free_port_url() -> str:
    """A loopback URL where nothing listens: a source that is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/live.mp3"
