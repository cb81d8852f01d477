"""Upward: a read-only JSON API a province or central platform calls for one station's figures.

Who may call it: an admin — the station's own admin sees their station, the installation's admin
(an admin of no station, the account a province platform is given) sees every station.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from app import access
from app.deps import AdminUser, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Id
from app.reports.exceptions import BadPeriod
from app.stations.exceptions import StationNotFound
from app.upward import schemas, service

router = APIRouter(prefix="/api/v1/upward", tags=["upward"])
_ERRORS = responses(NotAuthenticated, Forbidden, StationNotFound, BadPeriod)
First = Annotated[date, Query(alias="from", description="First local day (YYYY-MM-DD), included.")]
Last = Annotated[date, Query(alias="to", description="Last local day (YYYY-MM-DD), included.")]
Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=service.MAX_LIMIT)]


@router.get("/stations/{station_id}/inventory", response_model=schemas.Inventory, responses=_ERRORS)
def inventory(station_id: Id, session: SessionDep, user: AdminUser) -> schemas.Inventory:
    """The station's areas and relay points, each with its last reported status and open faults."""
    return service.inventory(session, access.station_for(session, user, station_id))


@router.get("/stations/{station_id}/plans", response_model=schemas.Page[schemas.PlannedProgramme],
            responses=_ERRORS)
def plans(station_id: Id, first: First, last: Last, session: SessionDep, user: AdminUser,
          offset: Offset = 0, limit: Limit = 100) -> Any:
    """The broadcast plan: programmes and their items for a range of local days."""
    return service.plans(session, access.station_for(session, user, station_id), first, last, offset, limit)


@router.get("/stations/{station_id}/as-run", response_model=schemas.Page[schemas.AsRunEntry], responses=_ERRORS)
def as_run(station_id: Id, first: First, last: Last, session: SessionDep, user: AdminUser,
           offset: Offset = 0, limit: Limit = 100) -> Any:
    """The as-run log (nhật ký phát): what each relay point reported playing, for a range of local days."""
    return service.as_run(session, access.station_for(session, user, station_id), first, last, offset, limit)


@router.get("/stations/{station_id}/faults", response_model=schemas.Page[schemas.FaultEntry], responses=_ERRORS)
def faults(station_id: Id, first: First, last: Last, session: SessionDep, user: AdminUser,
           offset: Offset = 0, limit: Limit = 100) -> Any:
    """Faults reported by relay points or neighbourhood leaders, for a range of local days."""
    return service.faults(session, access.station_for(session, user, station_id), first, last, offset, limit)


@router.get("/stations/{station_id}/statistics/{year}/{month}", response_model=schemas.MonthlyStatistics,
            responses=_ERRORS)
def monthly(station_id: Id, year: Annotated[int, Path(ge=2000, le=2100)],
            month: Annotated[int, Path(ge=1, le=12)], session: SessionDep,
            user: AdminUser) -> schemas.MonthlyStatistics:
    """A month's statistics: minutes and airings by topic, priority and area, planned beside aired."""
    return service.monthly(session, access.station_for(session, user, station_id), year, month)
