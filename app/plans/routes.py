from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from app import access
from app.deps import SessionDep, StaffUser, require_roles
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Id, Line
from app.models import Role, User
from app.plans import service
from app.plans.exceptions import InvalidThemeDates, ThemeNotFound
from app.plans.schemas import MONTH_PATTERN, MonthPlan, ThemeCreate, ThemeRead, ThemeUpdate
from app.stations.exceptions import StationNotFound

router = APIRouter(prefix="/api/v1", tags=["plans"])
PlanEditor = Annotated[User, Depends(require_roles(Role.editor, Role.admin))]
Month = Annotated[Line, Query(pattern=MONTH_PATTERN, description="YYYY-MM")]
_AUTH = (NotAuthenticated, Forbidden)


@router.get("/stations/{station_id}/plan", response_model=MonthPlan,
            responses=responses(*_AUTH, StationNotFound))
def month_plan(station_id: Id, month: Month, session: SessionDep, user: StaffUser) -> MonthPlan:
    """The month's propaganda plan: per theme, bulletins and minutes aired, and the gaps."""
    station = access.station_for(session, user, station_id)
    return service.month_plan(session, station.id, month)


@router.get("/stations/{station_id}/themes", response_model=list[ThemeRead],
            responses=responses(*_AUTH, StationNotFound))
def list_themes(station_id: Id, month: Month, session: SessionDep, user: StaffUser) -> list[ThemeRead]:
    """The themes and commemorations of a month's plan."""
    station = access.station_for(session, user, station_id)
    first, _last = service.month_bounds(month)
    return [ThemeRead.model_validate(t) for t in service.themes_of_month(session, station.id, first)]


@router.post("/stations/{station_id}/themes", response_model=ThemeRead, status_code=201,
             responses=responses(*_AUTH, StationNotFound, InvalidThemeDates))
def add_theme(station_id: Id, body: ThemeCreate, session: SessionDep, user: PlanEditor) -> ThemeRead:
    """Add a theme or commemoration to a month's plan (editor, admin)."""
    station = access.station_for(session, user, station_id)
    return ThemeRead.model_validate(service.create(session, station.id, body, user=user))


@router.patch("/themes/{theme_id}", response_model=ThemeRead,
              responses=responses(*_AUTH, ThemeNotFound, InvalidThemeDates))
def update_theme(theme_id: Id, body: ThemeUpdate, session: SessionDep, user: PlanEditor) -> ThemeRead:
    """Change a theme of the plan (editor, admin)."""
    return ThemeRead.model_validate(service.update(session, service.get(session, theme_id, user), body, user=user))


@router.delete("/themes/{theme_id}", status_code=204, responses=responses(*_AUTH, ThemeNotFound))
def delete_theme(theme_id: Id, session: SessionDep, user: PlanEditor) -> Response:
    """Remove a theme from the plan; its scripts keep airing with no theme (editor, admin)."""
    service.delete(session, service.get(session, theme_id, user), user=user)
    return Response(status_code=204)
