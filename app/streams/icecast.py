"""What Icecast says about the mounts: its public status-json.xsl (no admin password needed)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx

from app.config import Settings

log = logging.getLogger("loa.streams")


@dataclass(frozen=True)
class MountStats:
    listeners: int
    bitrate: str | None
    stream_start: str | None


def mount_stats(settings: Settings, timeout: float = 2.0) -> dict[str, MountStats] | None:
    """Icecast's mounts with a source now, by mount path; None when Icecast does not answer."""
    if not settings.icecast_url:
        return None
    try:
        answer = httpx.get(f"{settings.icecast_url.rstrip('/')}/status-json.xsl", timeout=timeout)
        answer.raise_for_status()
        stats: dict[str, Any] = answer.json().get("icestats", {})
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("Icecast status unavailable: %s", exc)
        return None
    sources = stats.get("source") or []
    if isinstance(sources, dict):  # one mount: Icecast gives an object, not a list
        sources = [sources]
    found: dict[str, MountStats] = {}
    for source in sources:
        url = str(source.get("listenurl", ""))
        mount = "/" + url.split("/", 3)[-1] if url.count("/") >= 3 else url
        found[mount] = MountStats(int(source.get("listeners") or 0), _text(source.get("bitrate")),
                                  _text(source.get("stream_start_iso8601") or source.get("stream_start")))
    return found


def _text(value: object) -> str | None:
    return None if value is None else str(value)
