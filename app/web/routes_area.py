"""Leader, programme and relay pages: what airs where, and whether the clusters are alive."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, Response

from app.deps import SessionDep
from app.models import Area, Programme, Role, User
from app.scripts import service as script_service
from app.speech.audio import storage
from app.stations import service as station_service
from app.web.data import programmes_for, relay_board, scripts_for_area_day, slots_of
from app.web.deps import LeaderPage, PageForbidden, StationStaff
from app.web.render import render
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/app", include_in_schema=False)


def _leader_area(session: SessionDep, user: User) -> Area:
    if user.area_id is None:
        raise PageForbidden("err_leader_no_area")
    return station_service.get_area(session, user.area_id)


@router.get("/area")
def my_area(request: Request, session: SessionDep, user: LeaderPage) -> Response:
    """Today's and tomorrow's programmes and approved scripts for the leader's own area."""
    area = _leader_area(session, user)
    station = station_service.get(session, area.station_id)
    today = script_service.station_today(station)
    days = [
        {"day": day, "programmes": programmes_for(session, station.id, area.id, day),
         "scripts": scripts_for_area_day(session, station.id, area.id, day)}
        for day in (today, today + timedelta(days=1))
    ]
    return render(request, "area.html", {"area": area, "station": station, "days": days,
                                         "today": today}, user=user)


@router.get("/programmes")
def programmes(request: Request, session: SessionDep, user: StationStaff, day: date | None = None,
               area_id: int | None = None, view: str = "day") -> Response:
    """A day or week of programmes per station and area; a leader sees only their area."""
    station = station_service.get(session, station_id_of(session, user), with_children=True)
    if user.role == Role.leader:
        area_id = _leader_area(session, user).id
    elif area_id is not None and area_id not in {a.id for a in station.areas}:
        area_id = None
    first = day or script_service.station_today(station)
    count = 7 if view == "week" else 1
    days = [{"day": d, "programmes": programmes_for(session, station.id, area_id, d)}
            for d in (first + timedelta(days=i) for i in range(count))]
    return render(request, "programmes.html", {
        "station": station, "areas": station.areas, "area_id": area_id, "view": view, "first": first,
        "days": days, "slots": slots_of(session, station.id), "timedelta": timedelta,
        "leader": user.role == Role.leader,
    }, user=user)


@router.get("/relays")
def relays(request: Request, session: SessionDep, user: StationStaff) -> Response:
    """The relay points at a glance: green heard from lately, amber a while ago, red silent."""
    station_id = station_id_of(session, user)
    rows = relay_board(session, station_id)
    if user.role == Role.leader:
        rows = [r for r in rows if r.relay.area_id == user.area_id]
    return render(request, "relays.html", {"rows": rows}, user=user)


def _programme_for_page(session: SessionDep, user: User, programme_id: int) -> Programme:
    from app.programmes import service as programme_service

    programme = programme_service.get(session, programme_id)
    if programme.station_id != station_id_of(session, user) or (
            user.role == Role.leader and programme.area_key not in (0, user.area_id)):
        raise PageForbidden("err_forbidden")
    return programme


@router.get("/programmes/{programme_id}/audio.mp3")
def programme_audio(programme_id: int, session: SessionDep, user: StationStaff) -> Response:
    """The rendered programme, to play in the page or copy to a cluster without network."""
    programme = _programme_for_page(session, user, programme_id)
    if not programme.audio_sha256:
        raise PageForbidden("err_not_rendered", status_code=404)
    name = f"{programme.air_date:%Y-%m-%d}-{programme.slot_name}.mp3"
    return FileResponse(storage().path(programme.audio_sha256), media_type="audio/mpeg", filename=name)


@router.get("/programmes/{programme_id}/playlist.m3u8")
def programme_playlist(programme_id: int, session: SessionDep, user: StationStaff) -> Response:
    """The programme's M3U8 playlist."""
    programme = _programme_for_page(session, user, programme_id)
    if not programme.playlist_sha256:
        raise PageForbidden("err_not_rendered", status_code=404)
    return Response(storage().path(programme.playlist_sha256).read_bytes(), media_type="audio/x-mpegurl",
                    headers={"Content-Disposition":
                             f'attachment; filename="{programme.air_date}-{programme.slot_name}.m3u8"'})
