"""The relay windows page (tiếp sóng): the station's relay sources, its scheduled windows, and
the editor's form to schedule one (source, start and end, days, areas, placement, fallback) or
remove one. The station's admin registers the sources here (or through the API); leaders and
officers do not see it. The rules are the API's: app/relay_sources/service.py."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from app.deps import SessionDep
from app.errors import LoaError
from app.fields import Id
from app.models import Role, User
from app.recordings import service as recording_service
from app.relay_sources import service as relay_service
from app.relay_sources.exceptions import RelayWindowNotFound
from app.relay_sources.schemas import RelaySourceCreate, RelayWindowCreate
from app.scripts import service as script_service
from app.stations import service as station_service
from app.web.deps import Form, PageForbidden, lang_of, web_roles
from app.web.forms import FORM_LEVEL, build, text
from app.web.i18n import translate
from app.web.render import error_text, render
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/app/relay-windows", include_in_schema=False)
URL = "/app/relay-windows"

Reader = Annotated[User, Depends(web_roles(Role.editor, Role.admin))]
Writer = Annotated[User, Depends(web_roles(Role.editor))]
Admin = Annotated[User, Depends(web_roles(Role.admin))]
SOURCE_FIELDS = ("name", "url", "expected_format")
TEXT_FIELDS = ("source_id", "title", "start_time", "end_time", "date", "placement", "slot_id", "fallback",
               "fallback_recording_id")
BLANK: dict[str, Any] = dict.fromkeys(TEXT_FIELDS, "") | {
    "placement": "own_slot", "fallback": "programme", "weekdays": [], "area_ids": []}


def _values(form: Form) -> dict[str, Any]:
    values: dict[str, Any] = {name: text(form, name).strip() for name in TEXT_FIELDS}
    values["weekdays"] = [v for v in form.getlist("weekdays") if isinstance(v, str)]
    values["area_ids"] = [v for v in form.getlist("area_ids") if isinstance(v, str)]
    return values


def _payload(values: dict[str, Any]) -> dict[str, Any]:
    """The typed values as the API's schema payload (blanks left out so the schema names them)."""
    payload = {k: v for k, v in values.items() if v != "" and k not in ("date", "weekdays", "area_ids")}
    payload["weekdays"] = list(values["weekdays"])
    payload["area_ids"] = list(values["area_ids"])
    payload["dates"] = [values["date"]] if values["date"] else []
    if values["placement"] != "in_slot":
        payload.pop("slot_id", None)
    if values["fallback"] != "recording":
        payload.pop("fallback_recording_id", None)
    return payload


def _page(request: Request, session: SessionDep, user: User, *, values: dict[str, Any] | None = None,
          errors: dict[str, str] | None = None, source_values: dict[str, str] | None = None,
          source_errors: dict[str, str] | None = None, status_code: int = 200) -> Response:
    station = station_service.get(session, station_id_of(session, user), with_children=True)
    sources = relay_service.sources(session, station.id)
    areas = {a.id: a.name for a in station.areas}
    slots = {s.id: s for s in station.slots}
    names = {s.id: s.name for s in sources}
    rows = [{"window": w, "source": names.get(w.source_id, "?"),
             "areas": [areas.get(a, f"#{a}") for a in w.area_ids],
             "slot": slots[w.slot_id].name if w.slot_id in slots else None}
            for w in relay_service.windows(session, station.id)]
    return render(request, "relay_windows.html", {
        "station": station, "sources": sources, "rows": rows, "areas": station.areas,
        "slots": station.slots, "recordings": recording_service.list_for(session, station.id, user),
        "values": values or BLANK, "errors": errors or {}, "can_write": user.role == Role.editor,
        "today": script_service.station_today(station, datetime.now(UTC)).isoformat(),
        "can_add_source": user.role == Role.admin, "source_values": source_values or {"expected_format": "mp3"},
        "source_errors": source_errors or {},
    }, user=user, status_code=status_code)


@router.get("")
def relay_windows_page(request: Request, session: SessionDep, user: Reader) -> Response:
    """The station's relay sources and windows; the editor schedules and removes windows here."""
    return _page(request, session, user)


@router.post("")
def add_relay_window(request: Request, session: SessionDep, user: Writer, form: Form) -> Response:
    """Schedule a relay window from the form; a refused one comes back with what to fix."""
    lang = lang_of(request)
    values = _values(form)
    data, errors = build(RelayWindowCreate, _payload(values), lang)
    if data is None:
        return _page(request, session, user, values=values, errors=errors, status_code=422)
    station = station_service.get(session, station_id_of(session, user))
    try:
        with session.begin_nested():
            window = relay_service.add_window(session, station, data, actor=user)
    except LoaError as exc:
        return _page(request, session, user, values=values, status_code=exc.status_code,
                     errors={FORM_LEVEL: error_text(exc, lang)})
    request.session["flash"] = translate("msg_relay_window_added", lang, title=window.title)
    return RedirectResponse(URL, status_code=303)


@router.post("/sources")
def add_relay_source(request: Request, session: SessionDep, user: Admin, form: Form) -> Response:
    """Register a relay source (name, stream address, format); a refused one comes back with what to fix."""
    lang = lang_of(request)
    values = {name: text(form, name).strip() for name in SOURCE_FIELDS}
    data, errors = build(RelaySourceCreate, {k: v for k, v in values.items() if v}, lang)
    if data is not None:
        station = station_service.get(session, station_id_of(session, user))
        try:
            with session.begin_nested():
                relay_service.add_source(session, station, data, actor=user)
        except LoaError as exc:
            errors = {FORM_LEVEL: error_text(exc, lang)}
    if errors:
        return _page(request, session, user, source_values=values, source_errors=errors, status_code=422)
    request.session["flash"] = translate("msg_saved", lang)
    return RedirectResponse(f"{URL}#sources", status_code=303)


@router.post("/{window_id}/delete")
def delete_relay_window(request: Request, session: SessionDep, user: Writer, _form: Form,
                        window_id: Id) -> Response:
    """Remove a relay window and its runs (editor)."""
    try:
        window = relay_service.get_window(session, window_id, user)
    except RelayWindowNotFound as exc:
        raise PageForbidden("err_no_relay_window", status_code=404) from exc
    title = window.title
    relay_service.delete_window(session, window, actor=user)
    request.session["flash"] = translate("msg_relay_window_deleted", lang_of(request), title=title)
    return RedirectResponse(URL, status_code=303)
