"""The one question nearly every relay poll asks, "has my schedule changed?", answered before
routing when the answer is "no".

A relay point polls every 30 s with the ETag it holds. When the poll cache knows the poller and
its station's schedule index current (`poll_cache.cached`), the ETag is a pure function of what is
in memory, so the 304 needs no route matching among Loa's few hundred routes, no parameter
validation and no dependency resolution. Anything else (a cache miss, a changed schedule, a bad
parameter, an over-limit relay point) falls through to the schedule route, which answers it in
full. Both use `unchanged_etag`, so they can never disagree."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qs

from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from app.auth.security import hash_relay_token
from app.relays import poll_cache, service
from app.relays.schedule_index import StationIndex

SCHEDULE_PATH = "/api/v1/relay/schedule"
DEFAULT_HOURS = 48
MAX_HOURS = 168


def bearer(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer …` header."""
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip() or None
    return None


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    return bool(if_none_match) and etag in [t.strip() for t in (if_none_match or "").split(",")]


def etag_of(relay: service.RelayContext, index: StationIndex, hours: int, now: datetime) -> str:
    """The ETag the schedule route would give this relay point now, from its station's index."""
    return service.etag_for(relay, hours, index.digest(relay.area_id, hours, now.timestamp()))


def cached_etag(token_hash: str, hours: int, now: datetime) -> tuple[service.RelayContext, str] | None:
    """The poller and its schedule's ETag, from memory alone; None when memory is not current."""
    found = poll_cache.cached(token_hash, hours, now.timestamp())
    return None if found is None else (found[0], etag_of(found[0], found[1], hours, now))


def _hours(query: bytes) -> int | None:
    values = parse_qs(query.decode("latin-1")).get("hours")
    if not values:
        return DEFAULT_HOURS
    raw = values[-1]
    return int(raw) if raw.isdigit() and 1 <= int(raw) <= MAX_HOURS else None


class UnchangedSchedulePolls:
    """ASGI middleware: 304 for a conditional schedule poll whose schedule is known unchanged."""

    def __init__(self, app: ASGIApp, route: BaseRoute | None = None, limiter: service.RateLimiter | None = None
                 ) -> None:
        self.app, self.route, self.limiter = app, route, limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == SCHEDULE_PATH and scope["method"] == "GET":
            etag = self._unchanged(scope)
            if etag is not None:
                scope["route"] = self.route  # counted under the schedule route's template
                await send({"type": "http.response.start", "status": 304,
                            "headers": [(b"etag", etag.encode("latin-1"))]})
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)

    def _unchanged(self, scope: Scope) -> str | None:
        authorization = if_none_match = None
        for name, value in scope["headers"]:
            if name == b"authorization":
                authorization = value.decode("latin-1")
            elif name == b"if-none-match":
                if_none_match = value.decode("latin-1")
        token = bearer(authorization)
        hours = _hours(scope.get("query_string", b""))
        if token is None or if_none_match is None or hours is None:
            return None
        found = cached_etag(hash_relay_token(token), hours, datetime.now(UTC))
        if found is None or not etag_matches(if_none_match, found[1]):
            return None
        relay, etag = found
        # Over its limit, the route answers (429 with Retry-After); a refused poll is not counted.
        if self.limiter is not None and not self.limiter.allow(str(relay.relay_id)):
            return None
        return etag
