from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import Response

from app.deps import AdminUser, CurrentUser, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Id
from app.speech import service
from app.speech.audio import storage, synthesize_for
from app.speech.exceptions import SpeechFailed
from app.speech.schemas import Abbreviations, AbbreviationsUpdate, ListenRequest, SpokenForm, SpokenRequest
from app.stations import service as stations
from app.stations.exceptions import StationNotFound
from audio.errors import AudioError

router = APIRouter(prefix="/api/v1", tags=["speech"])


@router.post("/speech/spoken", response_model=SpokenForm, responses=responses(NotAuthenticated, StationNotFound))
def spoken_form(body: SpokenRequest, session: SessionDep, user: CurrentUser) -> SpokenForm:
    """What the speaker will actually say for a text (numbers, dates, abbreviations read out)."""
    station_id = body.station_id or user.station_id
    station = stations.get(session, station_id) if station_id else None
    return SpokenForm(text=body.text, spoken=service.spoken(body.text, station))


@router.get("/stations/{station_id}/abbreviations", response_model=Abbreviations,
            responses=responses(NotAuthenticated, StationNotFound))
def list_abbreviations(station_id: Id, session: SessionDep, _user: CurrentUser) -> Abbreviations:
    """Every abbreviation the station's speech expands: built-in ones and its own."""
    return Abbreviations(entries=service.effective_abbreviations(stations.get(session, station_id)))


@router.patch("/stations/{station_id}/abbreviations", response_model=Abbreviations,
              responses=responses(NotAuthenticated, Forbidden, StationNotFound))
def set_abbreviations(station_id: Id, body: AbbreviationsUpdate, session: SessionDep,
                      admin: AdminUser) -> Abbreviations:
    """Add or change the station's abbreviations without a code change (admin)."""
    station = stations.get(session, station_id)
    service.set_abbreviations(session, station, body.entries, actor=admin)
    return Abbreviations(entries=service.effective_abbreviations(station))


@router.post("/speech/listen", response_class=Response,
             responses={200: {"content": {"audio/wav": {}}},
                        **responses(NotAuthenticated, SpeechFailed, StationNotFound)})
def listen(body: ListenRequest, session: SessionDep, user: CurrentUser) -> Response:
    """Speak a text in the station's voice ("Nghe thử"); says which engine spoke in headers."""
    station_id = body.station_id or user.station_id
    if station_id is None:
        raise SpeechFailed("Tài khoản chưa gắn với đài nào: hãy chọn station_id.",
                           detail_en="Give station_id: your account belongs to no station.")
    station = stations.get(session, station_id)
    text = service.spoken(body.text, station)
    if not text.strip():
        raise SpeechFailed("Không có gì để đọc: văn bản trống.",
                           detail_en="Nothing to read: the text is empty.")
    try:
        result = synthesize_for(station, text)
    except AudioError as exc:
        raise SpeechFailed(exc.message_vi, detail_en=exc.message_en) from exc
    headers = {"X-Loa-Engine": result.engine, "X-Loa-Duration-Ms": str(result.duration_ms)}
    if result.fell_back:
        headers["X-Loa-Fallback"] = quote(result.fallback_reason_vi or "")
    return Response(storage().read_bytes(result.audio_key), media_type="audio/wav", headers=headers)
