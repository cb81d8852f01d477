"""Who holds a relay token, and each station's schedule version, remembered for a moment.

Relay points poll every 30 s and most polls only learn that nothing changed. Identities are
kept for IDENTITY_TTL and a station's schedule version for VERSION_TTL (shared by all of its
relay points), so a station's thousand relays cost about one database read every couple of
seconds instead of one per poll. Anything that changes a schedule or a token in this process
clears the cache at once; another API process sees a schedule change within VERSION_TTL and a
revoked token within IDENTITY_TTL."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from app.relays.service import RelayContext

V = TypeVar("V")
IDENTITY_TTL = 60.0
VERSION_TTL = 2.0
MAX_ENTRIES = 50_000

_lock = threading.Lock()
_identities: dict[str, tuple[float, RelayContext]] = {}
_versions: dict[int, tuple[float, int]] = {}


def _fresh(entry: tuple[float, V] | None) -> V | None:
    if entry is None or entry[0] < time.monotonic():
        return None
    return entry[1]


def identity(token_hash: str) -> RelayContext | None:
    return _fresh(_identities.get(token_hash))


def version(station_id: int) -> int | None:
    return _fresh(_versions.get(station_id))


def remember(token_hash: str, ctx: RelayContext) -> None:
    now = time.monotonic()
    with _lock:
        if len(_identities) > MAX_ENTRIES:  # tokens come and go: never grow without bound
            _identities.clear()
        _identities[token_hash] = (now + IDENTITY_TTL, ctx)
        _versions[ctx.station_id] = (now + VERSION_TTL, ctx.schedule_version)


def remember_version(station_id: int, value: int) -> None:
    with _lock:
        _versions[station_id] = (time.monotonic() + VERSION_TTL, value)


def clear() -> None:
    with _lock:
        _identities.clear()
        _versions.clear()
