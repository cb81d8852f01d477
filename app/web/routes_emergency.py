"""The editor's emergency bulletin: a form, a confirmation of exactly what airs where, then the result."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select
from starlette.datastructures import FormData
from starlette.responses import Response

from app import access
from app.deps import SessionDep, WritesOnRead
from app.errors import LoaError
from app.fields import Id, form_id
from app.models import Area, Emergency, RelayPoint, Script, Station, User
from app.programmes import emergency as emergency_service
from app.programmes.exceptions import EmergencyNotFound
from app.programmes.schemas import EmergencyCreate
from app.speech.service import spoken
from app.stations import service as station_service
from app.web import once
from app.web.deps import EditorPage, Form, PageForbidden, lang_of
from app.web.emergencies import emergency_banner
from app.web.forms import FORM_LEVEL, build, text
from app.web.i18n import translate
from app.web.render import error_text, render
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/app/emergency", include_in_schema=False)

MINUTE_CHOICES = (15, 30, 60, 120, 240, 480, 1440)
PURPOSE = "emergency"
DEFAULT_TOPIC = "thong-bao"


def _station(session: SessionDep, user: User) -> Station:
    return station_service.get(session, station_id_of(session, user), with_children=True)


def _values(form: FormData | None, station: Station) -> dict[str, Any]:
    """What the editor typed; a new form starts with every area ticked and one hour active."""
    if form is None:
        return {"title": "", "body": "", "minutes": "60", "after": "resume", "topic": DEFAULT_TOPIC,
                "area_ids": [str(a.id) for a in station.areas]}
    return {"title": text(form, "title"), "body": text(form, "body"), "minutes": text(form, "minutes"),
            "after": text(form, "after"), "topic": text(form, "topic") or DEFAULT_TOPIC,
            "area_ids": [v for v in form.getlist("area_ids") if isinstance(v, str)]}


def _token(session: SessionDep, user: User, sent: str) -> str:
    """The form's one-time token while it is unused; a fresh one otherwise."""
    return sent if once.usable(session, user, PURPOSE, sent) else once.issue(session, user, PURPOSE)


def _form_page(request: Request, session: SessionDep, user: User, station: Station, values: dict[str, Any],
               errors: dict[str, str], *, form_token: str = "", status_code: int = 200) -> Response:
    return render(request, "emergency_form.html", {
        **emergency_banner(session, user),
        "station": station, "areas": station.areas, "values": values, "errors": errors,
        "topics": station_service.topics(session, station.id), "minute_choices": MINUTE_CHOICES,
        "form_token": _token(session, user, form_token),
    }, user=user, status_code=status_code)


def _first_result(request: Request, session: SessionDep, user: User, token: str) -> Response | None:
    """This form was broadcast already (Back, reload, a second click): show that bulletin, never a second."""
    return once.first_result(request, session, user, PURPOSE, token)


def _bulletin(values: dict[str, Any], lang: str) -> tuple[EmergencyCreate | None, dict[str, str]]:
    """The schema from the typed values; no area ticked is an error, never a silent "everywhere"."""
    payload = {k: v.strip() for k, v in values.items() if k != "area_ids" and v.strip()}
    payload["area_ids"] = [i for i in map(form_id, values["area_ids"]) if i is not None]
    data, errors = build(EmergencyCreate, payload, lang)
    if not payload["area_ids"]:
        errors.setdefault("area_ids", translate("err_choose_areas", lang))
        data = None
    return data, errors


def _relays_of(session: SessionDep, station: Station, area_ids: list[int]) -> list[tuple[RelayPoint, str]]:
    wanted = area_ids or [a.id for a in station.areas]
    return [(r, name) for r, name in session.execute(
        select(RelayPoint, Area.name).join(Area).where(Area.station_id == station.id,
                                                       RelayPoint.area_id.in_(wanted))
        .order_by(Area.name, RelayPoint.name))]


@router.get("", dependencies=[WritesOnRead])
def emergency_form(request: Request, session: SessionDep, user: EditorPage, form: str = "") -> Response:
    """The emergency bulletin form: title, text, areas (all by default), how long, what happens after."""
    if (elsewhere := once.form_address(request, session, user, PURPOSE, form, "/app/emergency")) is not None:
        return elsewhere
    station = _station(session, user)
    return _form_page(request, session, user, station, _values(None, station), {}, form_token=form)


@router.post("/confirm")
def confirm(request: Request, session: SessionDep, user: EditorPage, form: Form) -> Response:
    """Show exactly what will be broadcast, spoken how, and to which areas, before anything airs."""
    lang = lang_of(request)
    station = _station(session, user)
    token = text(form, once.FIELD)
    if (first := _first_result(request, session, user, token)) is not None:
        return first
    values = _values(form, station)
    data, errors = _bulletin(values, lang)
    if data is None:
        return _form_page(request, session, user, station, values, errors, form_token=token, status_code=422)
    chosen = [a for a in station.areas if a.id in data.area_ids]
    return render(request, "emergency_confirm.html", {
        "station": station, "values": values, "bulletin": data, "areas": chosen,
        "every_area": len(chosen) == len(station.areas), "spoken": spoken(data.body, station),
        "relays": _relays_of(session, station, data.area_ids), "form_token": _token(session, user, token),
    }, user=user)


@router.post("")
def broadcast(request: Request, session: SessionDep, user: EditorPage, form: Form) -> Response:
    """Broadcast the confirmed bulletin now; "back" returns to the form with the typed values."""
    lang = lang_of(request)
    station = _station(session, user)
    token = text(form, once.FIELD)
    if (first := _first_result(request, session, user, token)) is not None:
        return first
    values = _values(form, station)
    if text(form, "action") != "broadcast":
        return _form_page(request, session, user, station, values, {}, form_token=token)
    data, errors = _bulletin(values, lang)
    if data is None:
        return _form_page(request, session, user, station, values, errors, form_token=token, status_code=422)
    try:
        with session.begin_nested():
            once.take(session, user, PURPOSE, token)
            issued = emergency_service.issue(session, data, user=user)
            once.finish(session, token, f"/app/emergency/{issued.id}")
    except once.AlreadyPosted as posted:
        return once.replayed(request, posted) or _form_page(
            request, session, user, station, values, {FORM_LEVEL: translate("err_form_stale", lang)},
            status_code=409)
    except LoaError as exc:
        station = _station(session, user)  # the rolled-back attempt expired what it had loaded
        return _form_page(request, session, user, station, values, {FORM_LEVEL: error_text(exc, lang)},
                          form_token=token, status_code=exc.status_code)
    if issued.note:
        request.session["flash_error"] = issued.note
    request.session["flash"] = translate("msg_emergency_issued", lang)
    return RedirectResponse(f"/app/emergency/{issued.id}", status_code=303)


@router.post("/{emergency_id}/cancel")
def cancel(request: Request, session: SessionDep, user: EditorPage, _form: Form, emergency_id: Id) -> Response:
    """Stop a bulletin that is still active."""
    try:
        emergency_service.cancel(session, emergency_id, user=user)
    except LoaError as exc:
        raise PageForbidden("err_no_emergency", status_code=404) from exc
    request.session["flash"] = translate("msg_emergency_cancelled", lang_of(request))
    return RedirectResponse(f"/app/emergency/{emergency_id}", status_code=303)


@router.get("/{emergency_id}")
def issued(request: Request, session: SessionDep, user: EditorPage, emergency_id: Id) -> Response:
    """An issued bulletin: which engine spoke it, until when, and the relay points that play it."""
    station = _station(session, user)
    try:
        emergency = access.get_for(session, Emergency, emergency_id, user)
    except EmergencyNotFound as exc:
        raise PageForbidden("err_no_emergency", status_code=404) from exc
    script = session.get(Script, emergency.script_id)
    names = {a.id: a.name for a in station.areas}
    return render(request, "emergency_issued.html", {
        "station": station, "emergency": emergency, "script": script,
        "area_names": [names.get(a, str(a)) for a in emergency.area_ids],
        "relays": _relays_of(session, station, list(emergency.area_ids)),
    }, user=user)
