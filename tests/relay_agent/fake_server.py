"""A small relay server faithful to the relay API contract, with knobs to misbehave.

It runs `http.server` on loopback in a thread and reads time from the test's clock, so a test
decides what "now" is for both the server and the agent.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import threading
import urllib.request
from collections.abc import Callable
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from relay_agent.clock import Clock

AUDIO_PATH = re.compile(r"^/api/v1/relay/audio/([0-9a-f]{64})\.mp3$")
LOCAL_OFFSET = timedelta(hours=7)


def audio_bytes(seed: int, size: int = 300_000) -> bytes:
    """Arbitrary but reproducible 'audio' (the null player never decodes it)."""
    return random.Random(seed).randbytes(size)


def utc_iso(moment: datetime) -> str:
    """UTC ISO 8601 with a Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class FakeRelayServer:
    """The relay side of a Loa server for one relay point, plus failure knobs."""

    def __init__(self, clock: Clock, token: str = "token-good") -> None:
        self.clock = clock
        self.tokens = {token}
        self.revoked: set[str] = set()
        self.poll_seconds = 300
        self.programmes: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.emergency: dict[str, Any] | None = None
        self.relays: list[dict[str, Any]] = []
        self.live_sources: dict[int, str] = {}  # relay run id → upstream URL, as Loa re-serves it
        self.forbidden: set[str] = set()
        # Failure knobs
        self.down = False
        self.drop_next_download_after: int | None = None
        self.lose_next_played_response = False
        self.midway_through_next_download: Callable[[], None] | None = None
        # What the agent did
        self.requests: list[dict[str, Any]] = []
        self.heartbeats: list[dict[str, Any]] = []
        self.played: dict[str, dict[str, Any]] = {}
        self.played_duplicates = 0
        self.faults: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        """Base URL of the server."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeRelayServer:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    # --- test setup -----------------------------------------------------------------------

    def add_file(self, data: bytes) -> str:
        """Serve `data`; return its sha256."""
        sha256 = hashlib.sha256(data).hexdigest()
        self.files[sha256] = data
        return sha256

    def add_programme(
        self,
        programme_id: int,
        starts_at: datetime,
        duration_ms: int = 30 * 60 * 1000,
        data: bytes | None = None,
        slot: str = "morning",
    ) -> dict[str, Any]:
        """Add a programme; with `data` it is rendered and downloadable."""
        item: dict[str, Any] = {
            "id": programme_id,
            "slot": slot,
            "starts_at": utc_iso(starts_at),
            "starts_at_local": (starts_at + LOCAL_OFFSET).replace(tzinfo=None).isoformat()
            + "+07:00",
            "duration_ms": duration_ms,
            "status": "planned",
            "audio_url": None,
            "sha256": None,
            "size_bytes": None,
            "m3u8_url": None,
            "version": 1,
        }
        if data is not None:
            self._render(item, data)
        with self.lock:
            self.programmes.append(item)
        return item

    def _render(self, item: dict[str, Any], data: bytes) -> None:
        sha256 = self.add_file(data)
        item.update(
            status="rendered",
            audio_url=f"/api/v1/relay/audio/{sha256}.mp3",
            sha256=sha256,
            size_bytes=len(data),
            m3u8_url=f"/api/v1/relay/programmes/{item['id']}.m3u8",
        )

    def issue_emergency(
        self, emergency_id: int, data: bytes, duration_ms: int, after: str = "resume"
    ) -> None:
        """Issue an emergency bulletin valid for one hour from now."""
        sha256 = self.add_file(data)
        now = self.clock.now()
        self.emergency = {
            "id": emergency_id,
            "title": "Bão số 9 đổ bộ, người dân không ra khỏi nhà",
            "issued_at": utc_iso(now),
            "expires_at": utc_iso(now + timedelta(hours=1)),
            "duration_ms": duration_ms,
            "audio_url": f"/api/v1/relay/audio/{sha256}.mp3",
            "sha256": sha256,
            "size_bytes": len(data),
            "after": after,
        }

    def revoke(self, token: str) -> None:
        """Revoke a token: it gets 401 RelayTokenRevoked from now on."""
        self.revoked.add(token)

    # --- contract -------------------------------------------------------------------------

    def schedule_body(self, hours: int) -> dict[str, Any]:
        """What `GET /api/v1/relay/schedule` answers now."""
        now = self.clock.now()
        horizon = now + timedelta(hours=hours)
        listed = []
        for item in self.programmes:
            starts = datetime.fromisoformat(item["starts_at"])
            if starts + timedelta(milliseconds=item["duration_ms"]) > now and starts < horizon:
                listed.append(item)
        return {
            "relay_point": {"id": 7, "name": "Cụm loa tổ 3", "area_id": 3, "area_name": "KP 3"},
            "station": {"id": 1, "name": "Đài phường Hà Tu", "timezone": "Asia/Ho_Chi_Minh"},
            "generated_at": utc_iso(now),
            "poll_seconds": self.poll_seconds,
            "programmes": listed,
            "emergency": self.emergency,
            "relays": [r for r in self.relays
                       if datetime.fromisoformat(r["ends_at"]) > now
                       and datetime.fromisoformat(r["starts_at"]) < horizon],
        }

    def add_relay(self, run_id: int, starts_at: datetime, ends_at: datetime, upstream: str | None,
                  fallback: bytes | None, fallback_duration_ms: int = 0,
                  fallback_kind: str = "filler") -> dict[str, Any]:
        """A relay window's run: live through this server from `upstream` (None: the source
        failed its checks), with `fallback` to cache."""
        sha256 = self.add_file(fallback) if fallback is not None else None
        item = {
            "id": run_id, "title": "Thời sự thành phố", "starts_at": utc_iso(starts_at),
            "ends_at": utc_iso(ends_at),
            "live_url": f"/api/v1/relay/live/{run_id}" if upstream else None,
            "fallback_audio_url": f"/api/v1/relay/audio/{sha256}.mp3" if sha256 else None,
            "fallback_sha256": sha256, "fallback_size_bytes": len(fallback) if fallback else None,
            "fallback_duration_ms": fallback_duration_ms, "fallback_kind": fallback_kind,
        }
        with self.lock:
            self.relays.append(item)
            if upstream:
                self.live_sources[run_id] = upstream
        return item

    def audio_requests(self) -> list[dict[str, Any]]:
        """The audio GETs the agent made."""
        return [r for r in self.requests if r["path"].startswith("/api/v1/relay/audio/")]


def _handler_for(server: FakeRelayServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _empty(self, status: int, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            if status != 204 and status != 304:
                self.send_header("Content-Length", "0")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()

        def _authorised(self) -> bool:
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if token in server.revoked:
                self._json(401, {"error": "RelayTokenRevoked", "detail": "token revoked by admin"})
                return False
            if token not in server.tokens:
                self._json(401, {"error": "InvalidRelayToken", "detail": "unknown token"})
                return False
            return True

        def _begin(self) -> bool:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length", "0") or 0)
            body = self.rfile.read(length) if length else b""
            self._body = body
            with server.lock:
                server.requests.append(
                    {
                        "method": self.command,
                        "path": parts.path,
                        "query": parse_qs(parts.query),
                        "range": self.headers.get("Range"),
                        "if_none_match": self.headers.get("If-None-Match"),
                        "at": server.clock.now(),
                        "down": server.down,
                    }
                )
            if server.down:
                self.close_connection = True  # no answer at all, like a dead server
                return False
            return self._authorised()

        def do_GET(self) -> None:
            if not self._begin():
                return
            parts = urlsplit(self.path)
            if parts.path == "/api/v1/relay/schedule":
                hours = int(parse_qs(parts.query).get("hours", ["48"])[0])
                body = server.schedule_body(hours)
                # The ETag covers the content, not the moment it was generated.
                stable = {k: v for k, v in body.items() if k != "generated_at"}
                digest = hashlib.sha256(json.dumps(stable, sort_keys=True).encode())
                etag = f'"{digest.hexdigest()}"'
                with server.lock:
                    server.requests[-1]["etag"] = etag
                if self.headers.get("If-None-Match") == etag:
                    server.requests[-1]["status"] = 304
                    self._empty(304, {"ETag": etag})
                else:
                    server.requests[-1]["status"] = 200
                    self._json(200, body, {"ETag": etag})
                return
            if parts.path.startswith("/api/v1/relay/live/"):
                self._live(int(parts.path.rsplit("/", 1)[1]))
                return
            match = AUDIO_PATH.match(parts.path)
            if match is None or match.group(1) not in server.files:
                self._json(404, {"error": "NotFound", "detail": parts.path})
                return
            if match.group(1) in server.forbidden:
                self._json(403, {"error": "Forbidden", "detail": "not this relay's area"})
                return
            self._audio(server.files[match.group(1)], match.group(1))

        def _live(self, run_id: int) -> None:
            upstream = server.live_sources.get(run_id)
            try:
                source = urllib.request.urlopen(upstream, timeout=5) if upstream else None
            except OSError:
                source = None
            if source is None:
                self._json(404, {"error": "NoSuchProgramme", "detail": "no live source"})
                return
            self.send_response(200)
            self.send_header("Content-Type", "audio/mpeg")
            self.end_headers()
            self.close_connection = True
            try:
                with source:
                    while chunk := source.read1(4096):
                        self.wfile.write(chunk)
                        self.wfile.flush()
            except OSError:
                pass  # the upstream dropped, or the agent hung up

        def _audio(self, data: bytes, sha256: str) -> None:
            start = 0
            status = 200
            range_header = self.headers.get("Range")
            if range_header:
                start = int(range_header.removeprefix("bytes=").split("-")[0])
                if start >= len(data):
                    self._json(416, {"error": "RangeNotSatisfiable", "detail": range_header})
                    return
                status = 206
            chunk = data[start:]
            self.send_response(status)
            self.send_header("Content-Type", "audio/mpeg")
            self.send_header("Content-Length", str(len(chunk)))
            self.send_header("ETag", f'"{sha256}"')
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
            if status == 206:
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            self.end_headers()
            drop = server.drop_next_download_after
            if drop is not None:
                server.drop_next_download_after = None
                self.wfile.write(chunk[:drop])
                self.wfile.flush()
                self.close_connection = True  # the rest never comes: a dropped connection
                return
            midway = server.midway_through_next_download
            if midway is not None:
                server.midway_through_next_download = None
                self.wfile.write(chunk[:65536])
                self.wfile.flush()
                midway()  # e.g. time passes and the ward issues an emergency
            self.wfile.write(chunk[65536:] if midway is not None else chunk)

        def do_POST(self) -> None:
            if not self._begin():
                return
            payload = json.loads(self._body)
            path = urlsplit(self.path).path
            if path == "/api/v1/relay/heartbeat":
                server.heartbeats.append(payload)
                self._empty(204)
            elif path == "/api/v1/relay/played":
                record_id = payload["record_id"]
                with server.lock:
                    duplicate = record_id in server.played
                    server.played_duplicates += duplicate
                    server.played.setdefault(record_id, payload)
                if server.lose_next_played_response:
                    server.lose_next_played_response = False
                    self.close_connection = True  # stored, but the answer is lost
                    return
                self._empty(200 if duplicate else 201)
            elif path == "/api/v1/relay/faults":
                server.faults.append(payload)
                self._json(201, {"id": len(server.faults)})
            else:
                self._json(404, {"error": "NotFound", "detail": path})

    return Handler
