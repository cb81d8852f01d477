"""A loopback TCP proxy that can cut a download; the server itself is tests.fixtures.live_server."""

from __future__ import annotations

import re
import socket
import threading

from tests.fixtures.live_server import ROOT, LoaServer, free_port  # noqa: F401  (re-exported)

REQUEST_LINE = re.compile(rb"(GET|POST|HEAD) (\S+) HTTP/1\.[01]\r\n")
RANGE = re.compile(rb"\r\nrange: *(\S+)", re.IGNORECASE)
AUTHORIZATION = re.compile(rb"\r\nauthorization:", re.IGNORECASE)


class CuttingProxy:
    """Forwards loopback TCP to a server; `cut_next_audio_after(n)` closes the connection after
    n bytes of the next audio response (a request whose path holds `audio_marker`). Records the
    request lines it forwarded, and which of them carried an Authorization header."""

    def __init__(self, upstream_port: int, *, audio_marker: str = "/relay/audio/") -> None:
        self.upstream_port = upstream_port
        self.audio_marker = audio_marker
        self.requests: list[str] = []
        self.authorized: list[str] = []
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
                    end = data.find(b"\r\n\r\n", match.end())
                    with self._lock:
                        if AUTHORIZATION.search(data, match.end() - 2, end if end >= 0 else len(data)):
                            self.authorized.append(path[0])
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
                if budget is None and self.audio_marker in path[0]:
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
