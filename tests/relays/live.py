"""A real `loa serve` in a subprocess, and a loopback TCP proxy that can cut a download."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LoaServer:
    """`loa serve --no-scheduler` on a fixed port and data dir: start, stop, start again."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "LOA_DATA_DIR": str(data_dir), "LOA_ENVIRONMENT": "test",
                    "LOA_SCHEDULER_ENABLED": "false", "LOA_PASSWORD_TIME_COST": "1",
                    "LOA_PASSWORD_MEMORY_KIB": "1024"}
        self.env.pop("LOA_DATABASE_URL", None)
        self._proc: subprocess.Popen[bytes] | None = None
        self._log = data_dir / "serve.log"

    def cli(self, *args: str, stdin: str | None = None) -> str:
        """Run `loa ARGS` on this server's data dir; fails the test on a non-zero exit."""
        done = subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=self.env, input=stdin,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, f"loa {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def start(self) -> None:
        """Start serving and wait until /healthz answers."""
        with self._log.open("a") as log:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "app.cli", "serve", "--port", str(self.port), "--no-scheduler"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            assert self._proc.poll() is None, self._log.read_text()
            assert time.monotonic() < deadline, "loa serve did not start in 30 s"
            time.sleep(0.1)

    def stop(self) -> None:
        """Stop the server process (as a crash or a power cut would, minus the mess)."""
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(timeout=10)
            self._proc = None


REQUEST_LINE = re.compile(rb"(GET|POST|HEAD) (\S+) HTTP/1\.[01]\r\n")
RANGE = re.compile(rb"\r\nrange: *(\S+)", re.IGNORECASE)


class CuttingProxy:
    """Forwards loopback TCP to a server; `cut_next_audio_after(n)` closes the connection after
    n bytes of the next audio response. Records the request lines it forwarded."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.requests: list[str] = []
        self._cut_after: int | None = None
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_next_audio_after(self, n_bytes: int) -> None:
        """Arm a cut for the next response to a /relay/audio/ request."""
        with self._lock:
            self._cut_after = n_bytes

    def close(self) -> None:
        """Stop accepting connections."""
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(("127.0.0.1", self.upstream_port))
            except OSError:
                client.close()
                continue
            path: list[str] = [""]
            threading.Thread(target=self._upstream, args=(client, server, path), daemon=True).start()
            threading.Thread(target=self._downstream, args=(server, client, path), daemon=True).start()

    def _upstream(self, client: socket.socket, server: socket.socket, path: list[str]) -> None:
        try:
            while data := client.recv(65536):
                for match in REQUEST_LINE.finditer(data):
                    path[0] = match.group(2).decode()
                    ranged = RANGE.search(data, match.end() - 2)
                    with self._lock:
                        self.requests.append(f"{match.group(1).decode()} {path[0]}"
                                             + (f" range={ranged.group(1).decode()}" if ranged else ""))
                server.sendall(data)
        except OSError:
            pass
        finally:
            _close(client, server)

    def _downstream(self, server: socket.socket, client: socket.socket, path: list[str]) -> None:
        budget: int | None = None
        try:
            while data := server.recv(65536):
                if budget is None and "/relay/audio/" in path[0]:
                    with self._lock:
                        budget, self._cut_after = self._cut_after, None
                if budget is not None:
                    if len(data) >= budget:
                        client.sendall(data[:budget])
                        return  # the connection drops mid-download
                    budget -= len(data)
                client.sendall(data)
        except OSError:
            pass
        finally:
            _close(client, server)


def _close(*socks: socket.socket) -> None:
    for sock in socks:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()
