from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.audit import service
from app.audit.schemas import AuditEventRead
from app.deps import AuditReader, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Id, Instant, Line, Offset

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


@router.get("", response_model=list[AuditEventRead], responses=responses(NotAuthenticated, Forbidden))
def list_audit_events(
    session: SessionDep,
    user: AuditReader,
    action: Annotated[Line | None, Query(max_length=64)] = None,
    entity_type: Annotated[Line | None, Query(max_length=64)] = None,
    entity_id: Id | None = None,
    actor_id: Id | None = None,
    since: Instant | None = None,
    until: Instant | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Offset = 0,
) -> list[AuditEventRead]:
    """The audit log of the user's station, newest first (editors and admins; failed sign-ins,
    with the address they came from, for admins only)."""
    stmt = service.query(
        visible_to=user, action=action, entity_type=entity_type, entity_id=entity_id,
        actor_id=actor_id, since=since, until=until,
    )
    rows = session.scalars(stmt.limit(limit).offset(offset)).all()
    return [AuditEventRead.model_validate(r) for r in rows]
