from __future__ import annotations

from fastapi import APIRouter

from app.deps import AdminUser, CurrentUser, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.speech import service
from app.speech.schemas import Abbreviations, SpokenForm, SpokenRequest
from app.stations import service as stations
from app.stations.exceptions import StationNotFound

router = APIRouter(prefix="/api/v1", tags=["speech"])


@router.post("/speech/spoken", response_model=SpokenForm, responses=responses(NotAuthenticated))
def spoken_form(body: SpokenRequest, session: SessionDep, user: CurrentUser) -> SpokenForm:
    """What the speaker will actually say for a text (numbers, dates, abbreviations read out)."""
    station_id = body.station_id or user.station_id
    station = stations.get(session, station_id) if station_id else None
    return SpokenForm(text=body.text, spoken=service.spoken(body.text, station))


@router.get("/stations/{station_id}/abbreviations", response_model=Abbreviations,
            responses=responses(NotAuthenticated, StationNotFound))
def list_abbreviations(station_id: int, session: SessionDep, _user: CurrentUser) -> Abbreviations:
    """Every abbreviation the station's speech expands: built-in ones and its own."""
    return Abbreviations(entries=service.effective_abbreviations(stations.get(session, station_id)))


@router.patch("/stations/{station_id}/abbreviations", response_model=Abbreviations,
              responses=responses(NotAuthenticated, Forbidden, StationNotFound))
def set_abbreviations(station_id: int, body: Abbreviations, session: SessionDep,
                      admin: AdminUser) -> Abbreviations:
    """Add or change the station's abbreviations without a code change (admin)."""
    station = stations.get(session, station_id)
    service.set_abbreviations(session, station, body.entries, actor=admin)
    return Abbreviations(entries=service.effective_abbreviations(station))
