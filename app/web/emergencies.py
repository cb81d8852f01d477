"""The emergency bulletins still on air, shown with their Stop button on every page an editor works from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Area, Emergency, Role, Script, User


@dataclass(frozen=True)
class ActiveEmergency:
    id: int
    title: str
    issued_at: datetime
    expires_at: datetime
    area_names: list[str]  # empty: every area


def active_emergencies(session: Session, station_id: int, now: datetime | None = None) -> list[ActiveEmergency]:
    """The station's bulletins that relay points still play (not stopped, not expired), newest first."""
    now = now or datetime.now(UTC)
    rows = session.execute(
        select(Emergency, Script.title).join(Script, Emergency.script_id == Script.id)
        .where(Emergency.station_id == station_id, Emergency.cancelled_at.is_(None), Emergency.expires_at > now)
        .order_by(Emergency.issued_at.desc())).all()
    names = dict(session.execute(select(Area.id, Area.name).where(Area.station_id == station_id)).all())
    return [ActiveEmergency(e.id, title, e.issued_at, e.expires_at,
                            [names.get(a, "?") for a in e.area_ids])
            for e, title in rows]


def emergency_banner(session: Session, user: User) -> dict[str, Any]:
    """The context for base.html's list of bulletins on air: editors can stop them, so they see them."""
    if user.role != Role.editor or user.station_id is None:
        return {}
    return {"active_emergencies": active_emergencies(session, user.station_id)}
