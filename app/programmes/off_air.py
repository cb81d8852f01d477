"""Taking a script off the air: the one path behind "Dừng phát" and "Rút khỏi lịch phát".

Stopping an emergency or withdrawing a script ends every airing of it at once: its bulletins
stop on the relay points at their next poll, and every programme not yet aired that would play
it — locked ones and the one on air included — is planned anew without it (relay points drop
the old audio when the programme's version changes; the minute job renders the new one)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Emergency, Programme, ProgrammeStatus, Script
from app.programmes import service
from app.scripts import service as scripts


def stop_emergency(session: Session, emergency: Emergency, now: datetime) -> None:
    """Stop one bulletin; its programme is marked cancelled so it is never counted as aired."""
    if emergency.cancelled_at is None:
        emergency.cancelled_at = now
    if emergency.programme_id is not None:
        programme = session.get(Programme, emergency.programme_id)
        if programme is not None and programme.status != ProgrammeStatus.aired:
            programme.status = ProgrammeStatus.cancelled


def take_off_air(session: Session, script: Script, *, now: datetime | None = None) -> None:
    """End every airing of a script that is no longer approved (withdrawn or stopped)."""
    now = now or datetime.now(UTC)
    for emergency in session.scalars(select(Emergency).where(
            Emergency.script_id == script.id, Emergency.cancelled_at.is_(None), Emergency.expires_at > now)):
        stop_emergency(session, emergency, now)
    session.flush()
    station = service.station_with_slots(session, script.station_id)
    service.plan_days(session, station, scripts.station_today(station, now), service.PLAN_DAYS, now=now,
                      reopen=frozenset({script.id}))
