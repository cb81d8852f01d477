"""Leader, programme and relay pages: what airs where, and whether the clusters are alive."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select
from starlette.responses import Response

from app.deps import SessionDep
from app.fields import Id, form_id
from app.models import Area, Programme, RelayFault, RelayPoint, Role, User
from app.programmes.views import audio_download, cue_download, item_download, item_file, playlist_download
from app.relay_sources import service as relay_windows
from app.relays import faults
from app.relays import service as relay_service
from app.relays.exceptions import FaultAlreadyResolved, FaultNotFound, NotYourFault
from app.relays.schemas import FaultReport
from app.scripts import service as script_service
from app.stations import service as station_service
from app.streams.status import station_streams
from app.system import service as system
from app.web.data import programmes_for, relay_board, scripts_for_area_day, slots_of
from app.web.deps import Form, LeaderPage, PageForbidden, StationStaff, lang_of
from app.web.emergencies import emergency_banner
from app.web.forms import build, text
from app.web.i18n import translate
from app.web.render import render
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/app", include_in_schema=False)


def _leader_area(session: SessionDep, user: User) -> Area:
    if user.area_id is None:
        raise PageForbidden("err_leader_no_area")
    return station_service.get_area(session, user.area_id, user)


FAULT_CATEGORIES = ("speaker", "amplifier", "power", "network", "other")


def _area_relays(session: SessionDep, area: Area) -> list[RelayPoint]:
    return list(session.scalars(select(RelayPoint).where(RelayPoint.area_id == area.id)
                                .order_by(RelayPoint.name)))


def _area_page(request: Request, session: SessionDep, user: User, *, values: dict[str, str] | None = None,
               errors: dict[str, str] | None = None, status_code: int = 200) -> Response:
    area = _leader_area(session, user)
    station = station_service.get(session, area.station_id)
    today = script_service.station_today(station)
    days = [
        {"day": day, "programmes": programmes_for(session, user, station.id, area.id, day),
         "scripts": scripts_for_area_day(session, user, station.id, area.id, day)}
        for day in (today, today + timedelta(days=1))
    ]
    return render(request, "area.html", {
        "area": area, "station": station, "days": days, "today": today,
        "relays": _area_relays(session, area), "categories": FAULT_CATEGORIES,
        "values": values or {"category": "", "text": "", "relay_point_id": ""}, "errors": errors or {},
    }, user=user, status_code=status_code)


@router.get("/area")
def my_area(request: Request, session: SessionDep, user: LeaderPage) -> Response:
    """Today's and tomorrow's programmes and approved scripts for the leader's own area."""
    return _area_page(request, session, user)


@router.post("/area/faults")
def report_fault(request: Request, session: SessionDep, user: LeaderPage, form: Form) -> Response:
    """A leader reports a fault of a relay point of their own area; the relay board then shows it."""
    lang = lang_of(request)
    area = _leader_area(session, user)
    values = {name: text(form, name) for name in ("relay_point_id", "category", "text")}
    relays = {r.id: r for r in _area_relays(session, area)}
    relay_id = form_id(values["relay_point_id"] or (str(next(iter(relays))) if len(relays) == 1 else ""))
    if relay_id is not None and relay_id not in relays:
        # Another area's relay point (or none at all): never the leader's to report for.
        raise PageForbidden("err_not_your_relay")
    data, errors = build(FaultReport, {k: v for k, v in values.items() if v.strip()}, lang)
    if relay_id is None:
        errors["relay_point_id"] = translate("err_choose_relay", lang)
    if errors or relay_id is None:
        return _area_page(request, session, user, values=values, errors=errors, status_code=422)
    relay_service.report_fault(session, relay_id, data, reported_by_id=user.id)
    request.session["flash"] = translate("msg_fault_reported", lang, relay=relays[relay_id].name)
    return RedirectResponse("/app/area#fault", status_code=303)


@router.get("/programmes")
def programmes(request: Request, session: SessionDep, user: StationStaff, day: date | None = None,
               area_id: Id | None = None, view: str = "day") -> Response:
    """A day or week of programmes per station and area; a leader sees only their area."""
    station = station_service.get(session, station_id_of(session, user), with_children=True)
    if user.role == Role.leader:
        area_id = _leader_area(session, user).id
    elif area_id is not None and area_id not in {a.id for a in station.areas}:
        area_id = None
    first = day or script_service.station_today(station)
    count = 7 if view == "week" else 1
    days = [{"day": d, "programmes": programmes_for(session, user, station.id, area_id, d),
             "relays": relay_windows.day_runs(session, station.id, d, area_id)}
            for d in (first + timedelta(days=i) for i in range(count))]
    return render(request, "programmes.html", {
        "station": station, "areas": station.areas, "area_id": area_id, "view": view, "first": first,
        "days": days, "slots": slots_of(session, station.id), "timedelta": timedelta,
        "leader": user.role == Role.leader, **emergency_banner(session, user),
    }, user=user)


def _relays_page(request: Request, session: SessionDep, user: User, *, errors: dict[int, str] | None = None,
                 status_code: int = 200) -> Response:
    station_id = station_id_of(session, user)
    rows = relay_board(session, station_id)
    if user.role == Role.leader:
        rows = [r for r in rows if r.relay.area_id == user.area_id]
    staff = user.role in (Role.editor, Role.admin)
    problems = system.current(session, station_id=user.station_id) if staff else []
    storage_use = system.storage_use(session, station_id) if staff else None
    return render(request, "relays.html", {"rows": rows, "fault_errors": errors or {}, "problems": problems,
                                           "streams": station_streams(session,
                                                                      station_service.get(session, station_id)),
                                           "station_id": station_id,
                                           "storage_use": storage_use,
                                           "may_resolve": user.role in faults.RESOLVERS,
                                           **emergency_banner(session, user)},
                  user=user, status_code=status_code)


@router.get("/relays")
def relays(request: Request, session: SessionDep, user: StationStaff) -> Response:
    """The relay points at a glance: green heard from lately, amber a while ago, red silent."""
    return _relays_page(request, session, user)


@router.post("/relays/faults/{fault_id}/resolve")
def resolve_fault(request: Request, session: SessionDep, user: StationStaff, form: Form, fault_id: Id) -> Response:
    """Close a fault once fixed, with a note of what was done; the board then drops it."""
    lang = lang_of(request)
    note = text(form, "note").strip()
    if not note:
        return _relays_page(request, session, user, errors={fault_id: translate("err_resolution_note", lang)},
                            status_code=422)
    try:
        fault = faults.resolve(session, fault_id, note[:2000], user=user)
    except FaultNotFound as exc:
        raise PageForbidden("err_no_fault", status_code=404) from exc
    except NotYourFault as exc:
        raise PageForbidden("err_forbidden") from exc
    except FaultAlreadyResolved:  # a second click, or a colleague was quicker: the fault is closed
        closed = session.get(RelayFault, fault_id)
        assert closed is not None
        fault = closed
    relay = station_service.get_relay_point(session, fault.relay_point_id, user)
    request.session["flash"] = translate("msg_fault_resolved", lang, relay=relay.name)
    return RedirectResponse(f"/app/relays#relay-{relay.id}", status_code=303)


def _programme_for_page(session: SessionDep, user: User, programme_id: int) -> Programme:
    from app.programmes import service as programme_service

    return programme_service.get(session, programme_id, user)


@router.get("/programmes/{programme_id}/audio.mp3")
def programme_audio(programme_id: Id, session: SessionDep, user: StationStaff) -> Response:
    """The rendered programme, to play in the page or copy to a cluster without network."""
    programme = _programme_for_page(session, user, programme_id)
    if not programme.audio_key:
        raise PageForbidden("err_not_rendered", status_code=404)
    return audio_download(programme)


def _rendered_for_page(session: SessionDep, user: User, programme_id: int) -> Programme:
    programme = _programme_for_page(session, user, programme_id)
    if not programme.cue_key:
        raise PageForbidden("err_not_rendered", status_code=404)
    return programme


@router.get("/programmes/{programme_id}/playlist.m3u8")
def programme_playlist(request: Request, programme_id: Id, session: SessionDep, user: StationStaff) -> Response:
    """The programme's M3U8 playlist: its item files in order, as URLs of these pages."""
    programme = _rendered_for_page(session, user, programme_id)
    base = f"{request.base_url}app/programmes/{programme.id}/items/"
    return playlist_download(programme, lambda f: base + f.file_name)


@router.get("/programmes/{programme_id}/items/{file_name}")
def programme_item(programme_id: Id, file_name: str, session: SessionDep, user: StationStaff) -> Response:
    """One item's own file (`3.mp3` is the fourth item)."""
    programme = _rendered_for_page(session, user, programme_id)
    item = item_file(programme, file_name)
    if item is None:
        raise PageForbidden("err_no_item", status_code=404)
    return item_download(programme, item)


@router.get("/programmes/{programme_id}/cue.json")
def programme_cue(programme_id: Id, session: SessionDep, user: StationStaff) -> Response:
    """The programme's cue sheet."""
    return cue_download(_rendered_for_page(session, user, programme_id))
