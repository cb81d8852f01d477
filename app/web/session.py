"""A signed session cookie (HMAC-SHA256 over JSON) and its CSRF token.

Starlette's SessionMiddleware would need itsdangerous, which Loa does not depend on; this
middleware fills the same `scope["session"]`, so `request.session` works as usual.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE_NAME = "loa_session"
CSRF_KEY = "csrf"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class CookieSigner:
    """Encode a dict into a tamper-proof, expiring cookie value and back."""

    def __init__(self, secret_key: str, max_age_seconds: int) -> None:
        # A key of its own, so a session cookie can never pass for an API token or vice versa.
        self._key = hmac.new(secret_key.encode(), b"loa-web-session", hashlib.sha256).digest()
        self.max_age = max_age_seconds

    def _mac(self, payload: str) -> str:
        return _b64(hmac.new(self._key, payload.encode(), hashlib.sha256).digest())

    def encode(self, data: dict[str, Any], *, now: float | None = None) -> str:
        body = {**data, "_exp": int((now or time.time()) + self.max_age)}
        payload = _b64(json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode())
        return f"{payload}.{self._mac(payload)}"

    def decode(self, value: str | None, *, now: float | None = None) -> dict[str, Any]:
        """The data of a valid, unexpired cookie; an empty dict for anything else."""
        if not value or "." not in value:
            return {}
        payload, mac = value.rsplit(".", 1)
        if not hmac.compare_digest(mac, self._mac(payload)):
            return {}
        try:
            data = json.loads(_unb64(payload))
        except ValueError:
            return {}
        if not isinstance(data, dict) or int(data.pop("_exp", 0)) < (now or time.time()):
            return {}
        return data


class SignedSessionMiddleware:
    """Load the session from the cookie; write it back (HttpOnly, SameSite=Lax) when it changed."""

    def __init__(self, app: ASGIApp, *, secret_key: str, max_age_seconds: int, always_secure: bool = False) -> None:
        self.app = app
        self.signer = CookieSigner(secret_key, max_age_seconds)
        self.always_secure = always_secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = HTTPConnection(scope).cookies.get(COOKIE_NAME)
        scope["session"] = self.signer.decode(raw)
        before = json.dumps(scope["session"], sort_keys=True)

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                session = scope["session"]
                if json.dumps(session, sort_keys=True) != before:
                    headers = MutableHeaders(scope=message)
                    # Always Secure in production; otherwise only over HTTPS, so that trying Loa
                    # on a plain-HTTP LAN still works.
                    secure = self.always_secure or scope.get("scheme") == "https"
                    headers.append("Set-Cookie", self._cookie(session, secure=secure))
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _cookie(self, session: dict[str, Any], *, secure: bool) -> str:
        flags = "Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if secure else "")
        if not session:
            return f"{COOKIE_NAME}=; Max-Age=0; {flags}"
        return f"{COOKIE_NAME}={self.signer.encode(session)}; Max-Age={self.signer.max_age}; {flags}"


def csrf_token(session: dict[str, Any]) -> str:
    """The session's CSRF token, created on first use."""
    token = session.get(CSRF_KEY)
    if not isinstance(token, str) or not token:
        token = session[CSRF_KEY] = secrets.token_urlsafe(24)
    return token


def csrf_valid(session: dict[str, Any], sent: str | None) -> bool:
    expected = session.get(CSRF_KEY)
    return bool(expected and sent and hmac.compare_digest(str(expected), sent))
