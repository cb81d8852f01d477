from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, Response

from app import access
from app.deps import CurrentUser, EditorUser, SessionDep, require_roles
from app.errors import Forbidden, NotAuthenticated, NotFound, responses
from app.fields import Day, Id
from app.models import Programme, Role, User
from app.programmes import emergency, service
from app.programmes.exceptions import EmergencyNotFound, InvalidDateRange, ProgrammeNotFound
from app.programmes.schemas import EmergencyCreate, EmergencyRead, Explanation, ProgrammeRead
from app.programmes.views import (
    audio_download,
    cue_download,
    item_download,
    item_file,
    playlist_download,
    to_read,
)
from app.scripts import service as scripts
from app.stations import service as stations
from app.stations.exceptions import StationNotFound

router = APIRouter(prefix="/api/v1", tags=["programmes"])
Planner = Annotated[User, Depends(require_roles(Role.editor, Role.admin))]


def _leader_area(user: User, area: int | None) -> int | None:
    """A leader hears their own area's programmes, whatever area they ask for."""
    if user.role != Role.leader:
        return area
    if area is not None and area != user.area_id:
        raise Forbidden("Trưởng khu phố chỉ xem được chương trình của khu phố mình.",
                        detail_en="A leader sees only their own area's programmes.")
    return user.area_id


@router.get("/stations/{station_id}/programmes", response_model=list[ProgrammeRead],
            responses=responses(NotAuthenticated, Forbidden, StationNotFound, InvalidDateRange))
def list_programmes(
    station_id: Id, session: SessionDep, user: CurrentUser,
    from_: Annotated[Day | None, Query(alias="from")] = None,
    to: Day | None = None,
    area: Id | None = None,
) -> list[ProgrammeRead]:
    """Programmes of a station between two local dates (default: today and tomorrow)."""
    station = access.station_for(session, user, station_id)
    first = from_ or scripts.station_today(station)
    last = to or first + timedelta(days=1)
    if last < first or (last - first).days > 62:
        raise InvalidDateRange("Khoảng ngày không hợp lệ: “to” phải sau “from” và không quá 62 ngày.",
                               detail_en="Bad date range: to must follow from, 62 days at most.")
    area_id = _leader_area(user, area)
    return [to_read(p, station) for p in service.list_for(session, station.id, first, last, area_id, user=user)]


def _visible(session: SessionDep, user: User, programme_id: Id) -> Programme:
    return service.get(session, programme_id, user)


@router.get("/programmes/{programme_id}", response_model=ProgrammeRead,
            responses=responses(NotAuthenticated, Forbidden, ProgrammeNotFound))
def get_programme(programme_id: Id, session: SessionDep, user: CurrentUser) -> ProgrammeRead:
    """One programme with its items and offsets."""
    programme = _visible(session, user, programme_id)
    return to_read(programme, stations.get(session, programme.station_id))


@router.get("/programmes/{programme_id}/explain", response_model=Explanation,
            responses=responses(NotAuthenticated, Forbidden, ProgrammeNotFound))
def explain_programme(programme_id: Id, session: SessionDep, user: CurrentUser) -> Explanation:
    """Why each candidate script was placed, moved or left out."""
    programme = _visible(session, user, programme_id)
    return Explanation(programme_id=programme.id, entries=programme.explanation)


@router.get("/programmes/{programme_id}/audio", response_class=FileResponse,
            responses=responses(NotAuthenticated, Forbidden, ProgrammeNotFound, NotFound))
def programme_audio(programme_id: Id, session: SessionDep, user: CurrentUser) -> FileResponse:
    """The rendered programme (MP3), for listening in the page or loading a cluster by hand."""
    programme = _visible(session, user, programme_id)
    if not programme.audio_key:
        raise NotFound("Chương trình chưa được dựng âm thanh.", detail_en="Not rendered yet.")
    return audio_download(programme)


def _rendered(session: SessionDep, user: User, programme_id: Id) -> Programme:
    programme = _visible(session, user, programme_id)
    if not programme.cue_key:
        raise NotFound("Chương trình chưa được dựng âm thanh.", detail_en="Not rendered yet.")
    return programme


@router.get("/programmes/{programme_id}/playlist.m3u8",
            responses=responses(NotAuthenticated, Forbidden, ProgrammeNotFound, NotFound))
def programme_playlist(programme_id: Id, request: Request, session: SessionDep, user: CurrentUser) -> Response:
    """The programme's extended M3U8 playlist: its item files in order, as URLs of this API."""
    programme = _rendered(session, user, programme_id)
    base = f"{request.base_url}api/v1/programmes/{programme.id}/items/"
    return playlist_download(programme, lambda f: base + f.file_name)


@router.get("/programmes/{programme_id}/items/{file_name}", response_class=FileResponse,
            responses=responses(NotAuthenticated, Forbidden, ProgrammeNotFound, NotFound))
def programme_item(programme_id: Id, file_name: str, session: SessionDep, user: CurrentUser) -> FileResponse:
    """One item's own file (`3.mp3` is the fourth item), as the playlist and cue sheet list them."""
    programme = _rendered(session, user, programme_id)
    item = item_file(programme, file_name)
    if item is None:
        raise NotFound(f"Chương trình không có mục “{file_name}”.", detail_en=f"No item file {file_name!r}.")
    return item_download(programme, item)


@router.get("/programmes/{programme_id}/cue.json", response_class=FileResponse,
            responses=responses(NotAuthenticated, Forbidden, ProgrammeNotFound, NotFound))
def programme_cue(programme_id: Id, session: SessionDep, user: CurrentUser) -> FileResponse:
    """The cue sheet: every item's offset, duration, file and checksum."""
    return cue_download(_rendered(session, user, programme_id))


@router.post("/stations/{station_id}/plan", responses=responses(NotAuthenticated, Forbidden, StationNotFound))
def plan_now(station_id: Id, session: SessionDep, user: Planner,
             day: Day | None = None, days: Annotated[int, Query(ge=1, le=31)] = 7) -> dict[str, int]:
    """Plan the station's programmes now, from a local date (default today) (editor, admin)."""
    station = service.station_with_slots(session, access.station_for(session, user, station_id).id)
    report = service.plan_days(session, station, day or scripts.station_today(station), days)
    return asdict(report)


@router.post("/emergency/{emergency_id}/cancel", response_model=EmergencyRead,
             responses=responses(NotAuthenticated, Forbidden, EmergencyNotFound))
def cancel_emergency(emergency_id: Id, session: SessionDep, user: EditorUser) -> EmergencyRead:
    """Stop an emergency bulletin: relay points stop playing it at their next poll (editor)."""
    e = emergency.cancel(session, emergency_id, user=user)
    return EmergencyRead(id=e.id, script_id=e.script_id, programme_id=e.programme_id, area_ids=e.area_ids,
                         issued_at=e.issued_at, expires_at=e.expires_at, after=e.after)


@router.post("/emergency", response_model=EmergencyRead, status_code=201,
             responses=responses(NotAuthenticated, Forbidden))
def issue_emergency(body: EmergencyCreate, session: SessionDep, user: EditorUser) -> EmergencyRead:
    """Broadcast an emergency bulletin at once to the relay points of its areas (editor)."""
    return emergency.issue(session, body, user=user)
