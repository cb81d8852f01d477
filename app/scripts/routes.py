from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from app import access
from app.deps import CurrentUser, EditorUser, SessionDep, require_roles
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Day, Id, Line, Offset
from app.models import Priority, Role, ScriptStatus, User
from app.scripts import service
from app.scripts.exceptions import (
    InvalidAirWindow,
    InvalidRecurrence,
    InvalidTransition,
    NotYourScript,
    OwnScriptReview,
    ScriptNotFound,
    ScriptTooLong,
    StaleVersion,
    UnknownReference,
)
from app.scripts.schemas import (
    ActionBody,
    Approval,
    Rejection,
    ScriptCreate,
    ScriptRead,
    ScriptUpdate,
    ThemeChoice,
)
from app.stations.exceptions import StationNotFound

router = APIRouter(prefix="/api/v1/scripts", tags=["scripts"])
Author = Annotated[User, Depends(require_roles(Role.officer, Role.editor))]
_AUTH = (NotAuthenticated, Forbidden)


@router.get("", response_model=list[ScriptRead], responses=responses(NotAuthenticated, StationNotFound))
def list_scripts(
    session: SessionDep,
    user: CurrentUser,
    response: Response,
    status: ScriptStatus | None = None,
    topic: Annotated[Line | None, Query(max_length=64)] = None,
    priority: Priority | None = None,
    air_date: Day | None = None,
    q: Annotated[Line | None, Query(max_length=200, description="text search, accents optional")] = None,
    mine: bool = False,
    author_id: Id | None = None,
    theme_id: Id | None = None,
    aired_from: Annotated[Day | None, Query(description="air window overlaps the period from this day")] = None,
    aired_until: Annotated[Day | None, Query(description="… to this day")] = None,
    station_id: Id | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Offset = 0,
) -> list[ScriptRead]:
    """The station's scripts (the archive), newest change first; filter by status, topic, theme,
    priority, air date or period, author, and text with or without accents."""
    station = access.station_for(session, user, station_id)
    stmt = service.query(
        station_id=station.id, visible_to=user, status=status, topic=topic, priority=priority,
        air_date=air_date, q=q, author_id=user.id if mine else author_id, theme_id=theme_id,
        period=(aired_from, aired_until),
    )
    response.headers["X-Total-Count"] = str(service.count(session, stmt))
    return [service.to_read(s) for s in session.scalars(stmt.limit(limit).offset(offset))]


@router.post("", response_model=ScriptRead, status_code=201,
             responses=responses(*_AUTH, UnknownReference, InvalidAirWindow, InvalidRecurrence,
                                 StationNotFound))
def create_script(body: ScriptCreate, session: SessionDep, user: Author) -> ScriptRead:
    """Draft a new script (officer or editor)."""
    return service.to_read(service.create(session, body, author=user))


@router.get("/{script_id}", response_model=ScriptRead,
            responses=responses(NotAuthenticated, ScriptNotFound))
def get_script(script_id: Id, session: SessionDep, user: CurrentUser) -> ScriptRead:
    """One script (a leader: one that airs in their area)."""
    return service.to_read(service.get(session, script_id, user))


@router.patch("/{script_id}", response_model=ScriptRead,
              responses=responses(*_AUTH, ScriptNotFound, StaleVersion, InvalidTransition,
                                  NotYourScript, UnknownReference, InvalidAirWindow, InvalidRecurrence))
def update_script(script_id: Id, body: ScriptUpdate, session: SessionDep, user: Author) -> ScriptRead:
    """Edit a script; carry the version you read (stale → 409). Approved → back to submitted."""
    return service.to_read(service.update(session, service.get(session, script_id, user), body, user=user))


@router.post("/{script_id}/submit", response_model=ScriptRead,
             responses=responses(*_AUTH, ScriptNotFound, StaleVersion, InvalidTransition, NotYourScript))
def submit_script(script_id: Id, session: SessionDep, user: Author,
                  body: ActionBody | None = None) -> ScriptRead:
    """Send a draft or rejected script for approval (its author)."""
    script = service.submit(session, service.get(session, script_id, user), user=user,
                            version=body.version if body else None)
    return service.to_read(script)


@router.post("/{script_id}/approve", response_model=ScriptRead,
             responses=responses(*_AUTH, ScriptNotFound, StaleVersion, InvalidTransition,
                                 OwnScriptReview, ScriptTooLong))
def approve_script(script_id: Id, session: SessionDep, user: EditorUser,
                   body: Approval | None = None) -> ScriptRead:
    """Approve a submitted script, optionally setting its priority (editor, not the author)."""
    script = service.approve(session, service.get(session, script_id, user), body or Approval(), user=user)
    return service.to_read(script)


@router.post("/{script_id}/reject", response_model=ScriptRead,
             responses=responses(*_AUTH, ScriptNotFound, StaleVersion, InvalidTransition, OwnScriptReview))
def reject_script(script_id: Id, body: Rejection, session: SessionDep, user: EditorUser) -> ScriptRead:
    """Send a submitted script back to its author with a reason (editor)."""
    script = service.reject(session, service.get(session, script_id, user), body.reason, user=user,
                            version=body.version)
    return service.to_read(script)


@router.post("/{script_id}/withdraw", response_model=ScriptRead,
             responses=responses(*_AUTH, ScriptNotFound, StaleVersion, InvalidTransition))
def withdraw_script(script_id: Id, session: SessionDep, user: EditorUser,
                    body: ActionBody | None = None) -> ScriptRead:
    """Take an approved script off the air (editor)."""
    script = service.withdraw(session, service.get(session, script_id, user), user=user,
                              version=body.version if body else None)
    return service.to_read(script)


@router.put("/{script_id}/theme", response_model=ScriptRead,
            responses=responses(*_AUTH, ScriptNotFound, NotYourScript, UnknownReference))
def set_script_theme(script_id: Id, body: ThemeChoice, session: SessionDep, user: Author) -> ScriptRead:
    """File a script under a theme of the month plan (its author while editable; an editor any time)."""
    script = service.set_theme(session, service.get(session, script_id, user), body.theme_id, user=user)
    return service.to_read(script)
