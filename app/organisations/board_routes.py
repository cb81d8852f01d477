"""The province status board through the API: every station at a glance, and one in detail."""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import CurrentUser, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Id
from app.organisations import board as service
from app.organisations.board_schemas import Board, BoardSort, StationBoardDetail
from app.stations.exceptions import StationNotFound
from app.system import service as system

router = APIRouter(prefix="/api/v1/board", tags=["board"])


@router.get("", response_model=Board, responses=responses(NotAuthenticated, Forbidden))
def board(session: SessionDep, user: CurrentUser, sort: BoardSort = "worst") -> Board:
    """Every station the reader may see: relay points online / late / offline, today's programmes
    aired and missed, open faults, the least free disk of a relay point; worst first by default
    (installation admin, province or district accounts; a station's editors and admins see their own)."""
    now = service.current_time()
    rows = service.board(session, user, now=now, sort=sort)
    storage = system.storage_use(session) if service.sees_many(user) else None
    return Board(generated_at=now, sort=sort, storage=storage, stations=rows)


@router.get("/stations/{station_id}", response_model=StationBoardDetail,
            responses=responses(NotAuthenticated, Forbidden, StationNotFound))
def station(station_id: Id, session: SessionDep, user: CurrentUser) -> StationBoardDetail:
    """One station of the board: each relay point with when it was last seen and its state, and
    today's programmes with whether they aired or were missed."""
    return service.station_detail(session, user, station_id, now=service.current_time())
