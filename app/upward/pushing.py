"""The push job's two halves: read every station's day (in a session), then send (outside one)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import get_settings
from app.models import Station
from app.upward import push
from app.upward.adapters import adapter
from app.upward.summary import day_summary

log = logging.getLogger("loa.upward")


def bodies(session: Session, now: datetime | None = None) -> list[tuple[int, bytes]]:
    """Each station's day so far, encoded by the configured adapter."""
    now = now or datetime.now(UTC)
    fmt = adapter(get_settings().upward_adapter)
    out = []
    for station in session.scalars(select(Station).order_by(Station.id)):
        today = now.astimezone(ZoneInfo(station.timezone)).date()
        out.append((station.id, fmt.encode(day_summary(session, station, today, now))))
    return out


def send_all(encoded: list[tuple[int, bytes]], **options: object) -> int:
    """Send each body; one station's failure is logged and does not stop the others. Returns how many went."""
    settings = get_settings()
    url, secret = settings.upward_push_url, settings.upward_push_secret
    if not (url and secret):
        return 0
    fmt = adapter(settings.upward_adapter)
    sent = 0
    for station_id, body in encoded:
        try:
            push.post(url, body, content_type=fmt.content_type, secret=secret, **options)  # type: ignore[arg-type]
            sent += 1
        except push.PushFailed as exc:
            log.error("upward push of station %d failed: %s", station_id, exc)
    return sent
