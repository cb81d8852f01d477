"""Public pages (no sign-in): a station's aired scripts and their RSS feed."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.config import get_settings
from app.deps import SessionDep
from app.fields import Id
from app.models import Station
from app.stations import service as station_service
from app.streams import service as stream_service
from app.streams.mounts import listen_url
from app.streams.service import AreaMount
from app.streams.status import m3u_path
from app.text import one_line
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
        "live": stream_service.area_mounts(session, station_id) if get_settings().streams_enabled else [],
    }, user=user)


@router.get("/scripts/{script_id}")
def aired_one(request: Request, session: SessionDep, user: MaybeUser, station_id: Id,
              script_id: Id) -> Response:
    station = station_service.get(session, station_id)
    entry = aired_script(session, station_id, script_id)
    if entry is None:
        raise PageForbidden("err_not_aired", status_code=404)
    return render(request, "public_script.html", {"station": station, "entry": entry}, user=user)


def _area_mount(session: SessionDep, station_id: int, area_id: int) -> tuple[Station, AreaMount]:
    station = station_service.get(session, station_id)
    mount = next((m for m in stream_service.area_mounts(session, station_id) if m.area_id == area_id), None)
    if mount is None:
        raise PageForbidden("err_no_area", status_code=404)
    return station, mount


@router.get("/areas/{area_id}/live")
def live(request: Request, session: SessionDep, user: MaybeUser, station_id: Id, area_id: Id) -> Response:
    """An area's live stream with a player, and its address for IP receivers."""
    station, mount = _area_mount(session, station_id, area_id)
    settings = get_settings()
    return render(request, "live.html", {
        "station": station, "mount": mount, "enabled": settings.streams_enabled,
        "listen_url": listen_url(settings, mount.mount) if settings.streams_enabled else None,
        "m3u_url": m3u_path(station_id, area_id),
    }, user=user)


@router.api_route("/areas/{area_id}/live.m3u", methods=["GET", "HEAD"])
def live_m3u(session: SessionDep, station_id: Id, area_id: Id) -> Response:
    """The area's stream as an M3U playlist: what receivers and players open."""
    station, mount = _area_mount(session, station_id, area_id)
    settings = get_settings()
    if not settings.streams_enabled:
        raise PageForbidden("live_off", status_code=404)
    title = f"{one_line(station.name)} — {one_line(mount.area_name)}"
    body = f"#EXTM3U\n#EXTINF:-1,{title}\n{listen_url(settings, mount.mount)}\n"
    return Response(body, media_type="audio/x-mpegurl",
                    headers={"Content-Disposition": f'inline; filename="{mount.mount.strip("/")[:-4]}.m3u"'})


@router.api_route("/feed.xml", methods=["GET", "HEAD"])
def feed(session: SessionDep, station_id: Id) -> Response:
    """RSS 2.0 feed of the aired scripts."""
    station = station_service.get(session, station_id)
    body = rss(station, aired_scripts(session, station_id), base_url=get_settings().public_url)
    return Response(body, media_type="application/rss+xml; charset=utf-8")
