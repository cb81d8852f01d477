from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from app.audit import service
from app.audit.schemas import AuditEventRead
from app.deps import AuditReader, SessionDep
from app.errors import NotAuthenticated, responses

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


@router.get("", response_model=list[AuditEventRead], responses=responses(NotAuthenticated))
def list_audit_events(
    session: SessionDep,
    user: AuditReader,
    action: str | None = None,
    entity_type: str | None = None,
    entity_id: int | None = None,
    actor_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AuditEventRead]:
    """The audit log of the user's station, newest first (editors and admins; failed sign-ins,
    with the address they came from, for admins only)."""
    stmt = service.query(
        visible_to=user, action=action, entity_type=entity_type, entity_id=entity_id,
        actor_id=actor_id, since=since, until=until,
    )
    rows = session.scalars(stmt.limit(limit).offset(offset)).all()
    return [AuditEventRead.model_validate(r) for r in rows]
