"""Headers that tell the browser what a Loa page may do: run only Loa's own scripts and styles,
never be framed, never have its content type guessed, and not leak its address to other sites."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Pages load their scripts and one stylesheet from /static and play audio (a preview or a fresh
# recording is a blob:).
PAGE_POLICY = "; ".join((
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "media-src 'self' blob:", "connect-src 'self'", "font-src 'self'", "object-src 'none'",
    "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
))
# FastAPI's API docs are pages built by an inline script from a CDN's Swagger UI and ReDoc.
_CDN = "https://cdn.jsdelivr.net"
DOCS_POLICY = "; ".join((
    "default-src 'self'", f"script-src 'self' 'unsafe-inline' {_CDN}",
    f"style-src 'self' 'unsafe-inline' {_CDN} https://fonts.googleapis.com",
    "font-src 'self' https://fonts.gstatic.com", "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly",
    "worker-src 'self' blob:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
    "frame-ancestors 'none'",
))
DOCS_PATHS = ("/docs", "/redoc")

COMMON_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware: add the security headers to every HTTP response that lacks them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        policy = DOCS_POLICY if path.startswith(DOCS_PATHS) else PAGE_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in {**COMMON_HEADERS, "Content-Security-Policy": policy}.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
