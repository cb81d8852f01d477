"""Public pages (no sign-in): a station's aired scripts and their RSS feed."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.config import get_settings
from app.deps import SessionDep
from app.fields import Id
from app.stations import service as station_service
from app.web.data import aired_script, aired_scripts
from app.web.deps import MaybeUser, PageForbidden
from app.web.feed import rss
from app.web.render import render

router = APIRouter(prefix="/stations/{station_id}", include_in_schema=False)


@router.get("/scripts")
def aired(request: Request, session: SessionDep, user: MaybeUser, station_id: Id) -> Response:
    """The station's aired scripts, newest first, for residents and the ward portal."""
    station = station_service.get(session, station_id)
    return render(request, "public_scripts.html", {
        "station": station, "aired": aired_scripts(session, station_id),
    }, user=user)


@router.get("/scripts/{script_id}")
def aired_one(request: Request, session: SessionDep, user: MaybeUser, station_id: Id,
              script_id: Id) -> Response:
    station = station_service.get(session, station_id)
    entry = aired_script(session, station_id, script_id)
    if entry is None:
        raise PageForbidden("err_not_aired", status_code=404)
    return render(request, "public_script.html", {"station": station, "entry": entry}, user=user)


@router.api_route("/feed.xml", methods=["GET", "HEAD"])
def feed(session: SessionDep, station_id: Id) -> Response:
    """RSS 2.0 feed of the aired scripts."""
    station = station_service.get(session, station_id)
    body = rss(station, aired_scripts(session, station_id), base_url=get_settings().public_url)
    return Response(body, media_type="application/rss+xml; charset=utf-8")
