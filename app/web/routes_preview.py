"""JSON endpoints of the script editor: spoken-form preview and listen."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.responses import Response

from app.deps import SessionDep
from app.scripts.schemas import MAX_BODY_CHARS
from app.speech import service as speech_service
from app.stations import service as station_service
from app.web import speech_preview
from app.web.deps import JsonBody, OfficerOrEditor, lang_of
from app.web.i18n import translate
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/web/preview", include_in_schema=False)


def _text(body: JsonBody) -> str:
    value = body.get("text")
    return value[:MAX_BODY_CHARS] if isinstance(value, str) else ""


def _count(number: int, request: Request) -> str:
    """A count as the page's language writes it: "2.000" / "2,000"."""
    text = f"{number:,}"
    return text if lang_of(request) == "en" else text.replace(",", ".")


@router.post("/spoken")
def spoken(session: SessionDep, user: OfficerOrEditor, body: JsonBody) -> Response:
    """What the speaker will say for this text, with the station's own abbreviations."""
    station = station_service.get(session, station_id_of(session, user))
    return JSONResponse({"ready": True, "spoken": speech_preview.spoken_form(_text(body), station)})


@router.post("/listen")
def listen(request: Request, session: SessionDep, user: OfficerOrEditor, body: JsonBody) -> Response:
    """The text as synthesized speech, to play in the page."""
    station = station_service.get(session, station_id_of(session, user))
    text = body.get("text")
    if isinstance(text, str) and len(text) > speech_service.LISTEN_MAX_CHARS:
        return JSONResponse({"ready": False, "message": translate(
            "msg_listen_too_long", lang_of(request), limit=_count(speech_service.LISTEN_MAX_CHARS, request),
            length=_count(len(text), request))}, status_code=422)
    try:
        speech = speech_preview.listen(_text(body), station)
    except speech_preview.NotReady as exc:
        return JSONResponse({"ready": False, "message": str(exc) or translate("msg_not_ready", lang_of(request))},
                            status_code=422)
    headers = {"X-Loa-Engine": speech.engine}
    if speech.note:
        headers["X-Loa-Fallback"] = quote(speech.note)
    return Response(speech.audio, media_type=speech.media_type, headers=headers)
