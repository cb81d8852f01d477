"""The province status board's pages: every station at a glance, worst first, and one in detail.

A station's own editors and admins are sent to their station's page; the board of many stations
is for the installation's admin and province or district accounts."""

from __future__ import annotations

from typing import get_args
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select
from starlette.responses import Response

from app.deps import SessionDep
from app.fields import Id
from app.models import Slot, Station
from app.organisations import board
from app.organisations.board_schemas import BoardSort
from app.system import service as system
from app.system.retention import format_bytes
from app.web.deps import WebUser
from app.web.render import render

router = APIRouter(prefix="/app", include_in_schema=False)
SORTS: tuple[BoardSort, ...] = get_args(BoardSort)


@router.get("/board")
def board_page(request: Request, session: SessionDep, user: WebUser, sort: str = "worst") -> Response:
    """Every station the user oversees, refreshed each minute; a ward's staff see their own station."""
    if not board.sees_many(user) and user.station_id is not None and user.role in board.BOARD_ROLES:
        return RedirectResponse(f"/app/board/stations/{user.station_id}", status_code=303)
    chosen: BoardSort = next((s for s in SORTS if s == sort), "worst")  # an old link's sort: the default
    now = board.current_time()
    rows = board.board(session, user, now=now, sort=chosen)
    return render(request, "board.html", {"rows": rows, "sort": chosen, "sorts": SORTS, "now": now,
                                          "storage_use": system.storage_use(session), "size": format_bytes},
                  user=user)


@router.get("/board/stations/{station_id}")
def station_page(request: Request, session: SessionDep, user: WebUser, station_id: Id) -> Response:
    """One station: its relay points with when each was last seen, today's programmes and their fate."""
    now = board.current_time()
    detail = board.station_detail(session, user, station_id, now=now)
    zone = session.scalar(select(Station.timezone).where(Station.id == station_id)) or "Asia/Ho_Chi_Minh"
    labels = dict(session.execute(select(Slot.name, Slot.label).where(Slot.station_id == station_id,
                                                                        Slot.label != "")).all())
    return render(request, "board_station.html", {
        "row": detail.station, "relays": detail.relay_points, "programmes": detail.programmes, "now": now,
        "zone": zone, "today": now.astimezone(ZoneInfo(zone)).date(), "slot_labels": labels,
        "back": board.sees_many(user)}, user=user)
