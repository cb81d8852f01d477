"""A fake Google Translate TTS endpoint on loopback: answers audio, fails, or hangs.

A hanging server answers (with the audio) after 30 s: a client that did not give up on time gets
an answer, so a test sees it succeed instead of timing out — no stopwatch needed."""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

Mode = Literal["audio", "error", "hang"]


@contextmanager
def fake_gtts_server(mode: Mode, mp3: bytes = b"") -> Iterator[str]:
    """Run the server; yield its base URL."""
    release = threading.Event()
    encoded = base64.b64encode(mp3).decode("ascii")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if mode == "hang" and release.wait(30):
                return  # the test is over
            if mode == "error":
                self.send_response(500)
                self.end_headers()
                return
            body = (
                ")]}'\n\n123\n"
                f'[["wrb.fr","jQ1olc","[\\"{encoded}\\"]",null,null,null,"generic"]]\n'
            )
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body.encode())
            except OSError:
                pass  # the client gave up

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        release.set()
        server.shutdown()
        server.server_close()
