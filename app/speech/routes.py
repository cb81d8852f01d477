from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import Response

from app import access
from app.deps import AdminUser, CurrentUser, SessionDep, StaffUser
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Id
from app.speech import service
from app.speech.audio import storage, synthesize_for
from app.speech.exceptions import ListenTooLong, SpeechFailed
from app.speech.schemas import Abbreviations, AbbreviationsUpdate, ListenRequest, SpokenForm, SpokenRequest
from app.stations.exceptions import StationNotFound
from audio.errors import AudioError

router = APIRouter(prefix="/api/v1", tags=["speech"])
# Synthesizing speech is work for the people who write and approve scripts, not for leaders.
Writer = StaffUser


@router.post("/speech/spoken", response_model=SpokenForm,
             responses=responses(NotAuthenticated, StationNotFound))
def spoken_form(body: SpokenRequest, session: SessionDep, user: CurrentUser) -> SpokenForm:
    """What the speaker will actually say for a text (numbers, dates, abbreviations read out)."""
    has_station = body.station_id is not None or user.station_id is not None
    station = access.station_for(session, user, body.station_id) if has_station else None
    return SpokenForm(text=body.text, spoken=service.spoken(body.text, station))


@router.get("/stations/{station_id}/abbreviations", response_model=Abbreviations,
            responses=responses(NotAuthenticated, StationNotFound))
def list_abbreviations(station_id: Id, session: SessionDep, user: CurrentUser) -> Abbreviations:
    """Every abbreviation the station's speech expands: built-in ones and its own."""
    station = access.station_for(session, user, station_id)
    return Abbreviations(entries=service.effective_abbreviations(station))


@router.patch("/stations/{station_id}/abbreviations", response_model=Abbreviations,
              responses=responses(NotAuthenticated, Forbidden, StationNotFound))
def set_abbreviations(station_id: Id, body: AbbreviationsUpdate, session: SessionDep,
                      admin: AdminUser) -> Abbreviations:
    """Add or change the station's abbreviations without a code change (admin)."""
    station = access.station_for(session, admin, station_id)
    service.set_abbreviations(session, station, body.entries, actor=admin)
    return Abbreviations(entries=service.effective_abbreviations(station))


@router.post("/speech/listen", response_class=Response,
             responses={200: {"content": {"audio/wav": {}}},
                        **responses(NotAuthenticated, Forbidden, StationNotFound, SpeechFailed, ListenTooLong)})
def listen(body: ListenRequest, session: SessionDep, user: Writer) -> Response:
    """Speak a text in the station's voice ("Nghe thử") (officer, editor, admin); says which
    engine spoke in headers. At most 2,000 characters: a longer text is refused with 422."""
    station = access.station_for(session, user, body.station_id)
    service.check_listen_length(body.text)
    text = service.spoken(body.text, station)
    if not text.strip():
        raise SpeechFailed("Không có gì để đọc: văn bản trống.",
                           detail_en="Nothing to read: the text is empty.")
    try:
        result = synthesize_for(station, text)
    except AudioError as exc:
        raise SpeechFailed(exc.message_vi, detail_en=exc.message_en) from exc
    headers = {"X-Loa-Engine": result.engine, "X-Loa-Duration-Ms": str(result.duration_ms),
               "X-Loa-Spoken-By": quote(result.spoken_by)}
    if result.fell_back:
        headers["X-Loa-Fallback"] = quote(result.fallback_reason_vi or "")
    return Response(storage().read_bytes(result.audio_key), media_type="audio/wav", headers=headers)
