"""The audit log: append-only records of who did what, when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app import access
from app.models import AuditEvent, User


def record(
    session: Session,
    action: str,
    *,
    actor: User | None = None,
    actor_name: str | None = None,
    entity_type: str = "",
    entity_id: int | None = None,
    station_id: int | None = None,
    changes: dict[str, Any] | None = None,
    client_address: str = "",
) -> AuditEvent:
    """Append one event; flushed with the action it records, so both commit or neither."""
    event = AuditEvent(
        action=action,
        actor_id=actor.id if actor else None,
        actor_name=actor.username if actor else (actor_name or ""),
        entity_type=entity_type,
        entity_id=entity_id,
        station_id=station_id,
        changes=changes or {},
        client_address=client_address[:64],
    )
    session.add(event)
    session.flush()
    return event


def query(
    *,
    visible_to: User | None = None,
    action: str | None = None,
    entity_type: str | None = None,
    entity_id: int | None = None,
    actor_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Select[AuditEvent]:
    stmt = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if visible_to is not None:
        stmt = stmt.where(access.visible(AuditEvent, visible_to))
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if entity_type:
        stmt = stmt.where(AuditEvent.entity_type == entity_type)
    if entity_id is not None:
        stmt = stmt.where(AuditEvent.entity_id == entity_id)
    if actor_id is not None:
        stmt = stmt.where(AuditEvent.actor_id == actor_id)
    if since:
        stmt = stmt.where(AuditEvent.at >= since)
    if until:
        stmt = stmt.where(AuditEvent.at < until)
    return stmt
