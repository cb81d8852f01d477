"""JSON endpoints of the script editor and the abbreviations page: spoken-form preview and listen."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.responses import Response

from app.deps import SessionDep
from app.models import Role, Station, User
from app.scripts.schemas import MAX_BODY_CHARS
from app.speech import service as speech_service
from app.speech.abbreviation_list import MAX_READING, built_in_reading
from app.speech.service import MAX_ABBREVIATION
from app.stations import service as station_service
from app.web import speech_preview
from app.web.deps import JsonBody, OfficerOrEditor, lang_of, web_roles
from app.web.i18n import translate
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/web/preview", include_in_schema=False)
# The abbreviations page: officers read it, editors and admins change it; all may try a sentence.
AbbreviationReader = Annotated[User, Depends(web_roles(Role.officer, Role.editor, Role.admin))]


def _text(body: JsonBody) -> str:
    value = body.get("text")
    return value[:MAX_BODY_CHARS] if isinstance(value, str) else ""


def _listen_text(body: JsonBody) -> str:
    """The text to listen to, uncut: a text over the listening limit is refused, saying its length."""
    value = body.get("text")
    return value if isinstance(value, str) else ""


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
    return _listen(request, station_service.get(session, station_id_of(session, user)), _listen_text(body))


def _change(body: JsonBody) -> dict[str, str]:
    """The abbreviation being typed on the page (not saved yet), when it could be saved as typed."""
    key, reading = body.get("key"), body.get("reading")
    if not isinstance(key, str) or not isinstance(reading, str):
        return {}
    key, reading = key.strip(), " ".join(reading.split())
    if not key or not reading or len(key) > MAX_ABBREVIATION or len(reading) > MAX_READING:
        return {}
    return {} if any(c.isspace() for c in key) else {key: reading}


def _station(session: SessionDep, user: User) -> Station:
    return station_service.get(session, station_id_of(session, user))


@router.post("/abbreviation")
def abbreviation_spoken(session: SessionDep, user: AbbreviationReader, body: JsonBody) -> Response:
    """A sentence as read now, and as read with the abbreviation typed on the page (before saving)."""
    station, text, change = _station(session, user), _text(body), _change(body)
    key = body.get("key")
    return JSONResponse({"ready": True, "spoken": speech_preview.spoken_form(text, station, change),
                         "before": speech_preview.spoken_form(text, station),
                         "built_in": built_in_reading(key.strip()) if isinstance(key, str) else None})


@router.post("/abbreviation/listen")
def abbreviation_listen(request: Request, session: SessionDep, user: AbbreviationReader, body: JsonBody) -> Response:
    """The sentence spoken with the abbreviation typed on the page, to hear before saving."""
    return _listen(request, _station(session, user), _listen_text(body), _change(body))


def _listen(request: Request, station: Station, text: str, change: dict[str, str] | None = None) -> Response:
    if len(text) > speech_service.LISTEN_MAX_CHARS:
        # "Nghe thử" speaks a passage: a whole script would keep the page waiting for many seconds.
        return JSONResponse({"ready": False, "message": translate(
            "msg_listen_too_long", lang_of(request), limit=_count(speech_service.LISTEN_MAX_CHARS, request),
            length=_count(len(text), request))}, status_code=422)
    try:
        speech = speech_preview.listen(text, station, change)
    except speech_preview.NotReady as exc:
        return JSONResponse({"ready": False, "message": str(exc) or translate("msg_not_ready", lang_of(request))},
                            status_code=422)
    headers = {"X-Loa-Engine": speech.engine}
    if speech.note:
        headers["X-Loa-Fallback"] = quote(speech.note)
    return Response(speech.audio, media_type=speech.media_type, headers=headers)
