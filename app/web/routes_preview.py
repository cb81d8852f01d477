"""JSON endpoints of the script editor: spoken-form preview and listen."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.responses import Response

from app.deps import SessionDep
from app.scripts.schemas import MAX_BODY_CHARS
from app.stations import service as station_service
from app.web import speech_preview
from app.web.deps import JsonBody, OfficerOrEditor, lang_of
from app.web.i18n import translate
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/web/preview", include_in_schema=False)


def _text(body: JsonBody) -> str:
    value = body.get("text")
    return value[:MAX_BODY_CHARS] if isinstance(value, str) else ""


def _not_ready(request: Request) -> JSONResponse:
    return JSONResponse({"ready": False, "message": translate("msg_not_ready", lang_of(request))},
                        status_code=503)


@router.post("/spoken")
def spoken(request: Request, _user: OfficerOrEditor, body: JsonBody) -> Response:
    """What the speaker will say for this text."""
    try:
        return JSONResponse({"ready": True, "spoken": speech_preview.spoken_form(_text(body))})
    except speech_preview.NotReady:
        return _not_ready(request)


@router.post("/listen")
def listen(request: Request, session: SessionDep, user: OfficerOrEditor, body: JsonBody) -> Response:
    """The text as synthesized speech, to play in the page."""
    station = station_service.get(session, station_id_of(session, user))
    try:
        speech = speech_preview.listen(_text(body), voice=station.voice, rate=station.speech_rate)
    except speech_preview.NotReady:
        return _not_ready(request)
    return Response(speech.audio, media_type=speech.media_type)
