"""Admission control: a bounded number of requests is served at once; the next ones wait a
moment for a place, then are answered 503 with Retry-After, never left hanging.

Sign-ins have their own, smaller gate: each hashes a password (~0.25 s of a core, 64 MiB), so a
burst of them could otherwise take every place and the CPU from the pages and relay polls."""

from __future__ import annotations

import asyncio
import json

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SIGN_IN_ROUTES = frozenset({("POST", "/api/v1/auth/token"), ("POST", "/login")})
# Never queued: the health check (monitors and the load balancer must always get an answer)
# and static files (no database, no worker thread).
EXEMPT_PREFIXES = ("/healthz", "/static/")
RETRY_AFTER_SECONDS = 1


class Gate:
    """At most `capacity` holders at once (FIFO waiters); one per event loop."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._loop: asyncio.AbstractEventLoop | None = None
        self._semaphore = anyio.Semaphore(capacity)

    def _current(self) -> anyio.Semaphore:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a new server (or test client) loop: start empty
            self._loop, self._semaphore = loop, anyio.Semaphore(self.capacity)
        return self._semaphore

    async def enter(self, wait_seconds: float) -> bool:
        """Take a place, waiting up to `wait_seconds`; answers whether one was had."""
        semaphore = self._current()
        try:
            semaphore.acquire_nowait()
            return True
        except anyio.WouldBlock:
            pass
        with anyio.move_on_after(wait_seconds):
            await semaphore.acquire()
            return True
        return False

    def leave(self) -> None:
        self._current().release()


def _busy_body(accept: str) -> tuple[bytes, bytes]:
    if "text/html" in accept:
        page = ("<!doctype html><html lang='vi'><meta charset='utf-8'><title>Máy chủ đang bận</title>"
                f"<p>Máy chủ đang bận, hãy thử lại sau {RETRY_AFTER_SECONDS} giây.</p>"
                f"<p lang='en'>The server is busy: retry in {RETRY_AFTER_SECONDS} s.</p></html>")
        return page.encode(), b"text/html; charset=utf-8"
    body = {"error": "ServerBusy", "detail": f"Máy chủ đang bận, hãy thử lại sau {RETRY_AFTER_SECONDS} giây.",
            "detail_en": f"The server is busy: retry in {RETRY_AFTER_SECONDS} s."}
    return json.dumps(body, ensure_ascii=False).encode(), b"application/json; charset=utf-8"


class AdmissionControl:
    """ASGI middleware: a place in a gate for each request until its answer starts."""

    def __init__(self, app: ASGIApp, *, capacity: int, sign_in_capacity: int, wait_seconds: float) -> None:
        self.app = app
        self.general = Gate(capacity)
        self.sign_in = Gate(sign_in_capacity)
        self.wait_seconds = wait_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(EXEMPT_PREFIXES):
            await self.app(scope, receive, send)
            return
        gate = self.sign_in if (scope["method"], path) in SIGN_IN_ROUTES else self.general
        if not await gate.enter(self.wait_seconds):
            await self._busy(scope, send)
            return
        held = True

        def release() -> None:
            nonlocal held
            if held:
                held = False
                gate.leave()

        async def send_releasing(message: Message) -> None:
            # The work (database, worker thread) is done when the answer starts; a slow client
            # reading a long download does not keep the place.
            if message["type"] == "http.response.start":
                release()
            await send(message)

        try:
            await self.app(scope, receive, send_releasing)
        finally:
            release()

    @staticmethod
    async def _busy(scope: Scope, send: Send) -> None:
        accept = dict(scope.get("headers", [])).get(b"accept", b"").decode("latin-1")
        body, content_type = _busy_body(accept)
        await send({"type": "http.response.start", "status": 503,
                    "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode()),
                                (b"retry-after", str(RETRY_AFTER_SECONDS).encode())]})
        await send({"type": "http.response.body", "body": body})
