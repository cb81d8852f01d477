"""Admin pages: station settings, slots, areas, relay points (token shown once), users, voices."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel
from starlette.datastructures import UploadFile
from starlette.responses import Response

from app import access
from app.auth.security import generate_password
from app.deps import SessionDep
from app.errors import LoaError
from app.fields import Id, form_id
from app.models import Area, RelayPoint, Station
from app.speech import voices as voice_service
from app.speech.audio import audio_settings
from app.stations import service as station_service
from app.stations.exceptions import AreaNotFound, RelayPointNotFound
from app.stations.schemas import (
    AreaWrite,
    RelayPointCreate,
    SlotCreate,
    SlotUpdate,
    StationCreate,
    StationUpdate,
)
from app.streams.status import station_streams
from app.text import upload_filename
from app.users import service as user_service
from app.users.schemas import UserCreate, UserUpdate
from app.web.deps import AdminPage, Form, PageForbidden, lang_of
from app.web.forms import build, text
from app.web.i18n import translate
from app.web.render import error_text, render

router = APIRouter(prefix="/app/admin", include_in_schema=False)
# The engine orders a station can pick (eSpeak NG, "offline", always ends each).
ENGINE_ORDERS = ("offline", "gtts", "neural", "gtts,neural", "neural,gtts")


def _station(session: SessionDep, user: AdminPage) -> Station | None:
    """The admin's station; the installation's admin works on the first (None: there is none yet)."""
    if user.station_id is None:
        stations = station_service.list_stations(session, user)
        return stations[0] if stations else None
    return station_service.get(session, user.station_id)


def _page(request: Request, session: SessionDep, user: AdminPage, *, status_code: int = 200,
          **extra: Any) -> Response:
    station = _station(session, user)
    ctx: dict[str, Any] = {"station": station, "errors": {}, "values": {}, **extra}
    if station is not None:
        station = station_service.get(session, station.id, with_children=True)
        ctx.update(station=station, slots=station.slots, areas=station.areas,
                   relays=station_service.relay_points(session, station.id),
                   users=[u for u in user_service.list_users(session, user)
                          if u.station_id in (station.id, None)],
                   area_names={a.id: a.name for a in station.areas},
                   streams=station_streams(session, station), station_id=station.id)
    ctx.update(voices=voice_service.list_voices(), engine_orders=ENGINE_ORDERS,
               installation_admin=access.is_installation_admin(user))
    return render(request, "admin.html", ctx, user=user, status_code=status_code)


@router.get("")
def admin_page(request: Request, session: SessionDep, user: AdminPage) -> Response:
    """Everything an admin sets up, on one page with one section each."""
    return _page(request, session, user)


def _apply(request: Request, session: SessionDep, user: AdminPage, section: str, schema: type[BaseModel],
           payload: dict[str, Any], action: Any, ok_key: str) -> Response:
    """Validate, run the service call, and answer the page with either the result or the error."""
    lang = lang_of(request)
    data, errors = build(schema, payload, lang)
    if not errors:
        try:
            with session.begin_nested():
                once = action(data)
        except LoaError as exc:
            errors = {"_form": error_text(exc, lang)}
    if errors:
        return _page(request, session, user, errors={section: errors}, values={section: payload},
                     status_code=422)
    if once:  # a secret shown once: answer the page itself rather than a redirect
        return _page(request, session, user, once={section: once}, notice=translate(ok_key, lang))
    request.session["flash"] = translate(ok_key, lang)
    return RedirectResponse(f"/app/admin#{section}", status_code=303)


def _run(request: Request, session: SessionDep, user: AdminPage, section: str, action: Callable[[], object],
         ok_key: str) -> Response:
    """Run a service call without a form to validate; a refusal is shown in its section, in words."""
    lang = lang_of(request)
    try:
        with session.begin_nested():
            action()
    except LoaError as exc:
        return _page(request, session, user, errors={section: {"_form": error_text(exc, lang)}},
                     status_code=exc.status_code)
    request.session["flash"] = translate(ok_key, lang)
    return RedirectResponse(f"/app/admin#{section}", status_code=303)


def _require_station(session: SessionDep, user: AdminPage) -> Station:
    station = _station(session, user)
    if station is None:
        raise PageForbidden("err_no_station")
    return station


@router.post("/station/create")
def create_station(request: Request, session: SessionDep, user: AdminPage, form: Form) -> Response:
    access.require_installation_admin(user)
    return _apply(request, session, user, "station", StationCreate, {"name": text(form, "name")},
                  lambda d: station_service.create(session, d, actor=user) and None, "msg_saved")


@router.post("/station")
def update_station(request: Request, session: SessionDep, user: AdminPage, form: Form) -> Response:
    station = _require_station(session, user)
    fields = ("name", "timezone", "opening_announcement", "closing_announcement", "voice", "speech_rate",
              "speech_pitch", "speech_engine", "neural_voice", "audio_bitrate_kbps", "audio_format", "stream_idle",
              "audio_retention_days")
    payload = {k: text(form, k) for k in fields if text(form, k).strip()}
    return _apply(request, session, user, "station", StationUpdate, payload,
                  lambda d: station_service.update(session, station, d, actor=user) and None, "msg_saved")


def _minutes(form: Form) -> int | str:
    raw = text(form, "length_minutes")
    return int(raw) * 60 if raw.isascii() and raw.isdigit() and len(raw) <= 6 else raw


@router.post("/slots/add")
def add_slot(request: Request, session: SessionDep, user: AdminPage, form: Form) -> Response:
    station = _require_station(session, user)
    payload = {"name": text(form, "name"), "label": text(form, "label"),
               "start_time": text(form, "start_time"), "length_seconds": _minutes(form)}
    return _apply(request, session, user, "slots", SlotCreate, payload,
                  lambda d: station_service.add_slot(session, station, d, actor=user) and None, "msg_saved")


@router.post("/slots/{slot_id}")
def update_slot(request: Request, session: SessionDep, user: AdminPage, form: Form, slot_id: Id) -> Response:
    slot = station_service.get_slot(session, slot_id, user)
    payload = {"label": text(form, "label"), "start_time": text(form, "start_time"),
               "length_seconds": _minutes(form)}
    return _apply(request, session, user, "slots", SlotUpdate, payload,
                  lambda d: station_service.update_slot(session, slot, d, actor=user) and None, "msg_saved")


@router.post("/slots/{slot_id}/delete")
def delete_slot(request: Request, session: SessionDep, user: AdminPage, _form: Form,
                slot_id: Id) -> Response:
    station_service.delete_slot(session, station_service.get_slot(session, slot_id, user), actor=user)
    request.session["flash"] = translate("msg_deleted", lang_of(request))
    return RedirectResponse("/app/admin#slots", status_code=303)


@router.post("/areas/add")
def add_area(request: Request, session: SessionDep, user: AdminPage, form: Form) -> Response:
    station = _require_station(session, user)
    return _apply(request, session, user, "areas", AreaWrite, {"name": text(form, "name")},
                  lambda d: station_service.add_area(session, station, d.name, actor=user) and None,
                  "msg_saved")


@router.post("/areas/{area_id}")
def rename_area(request: Request, session: SessionDep, user: AdminPage, form: Form, area_id: Id) -> Response:
    area = station_service.get_area(session, area_id, user)
    return _apply(request, session, user, "areas", AreaWrite, {"name": text(form, "name")},
                  lambda d: station_service.rename_area(session, area, d.name, actor=user) and None,
                  "msg_saved")


@router.post("/voices")
def add_voice(request: Request, session: SessionDep, user: AdminPage, form: Form) -> Response:
    """Install a Piper/VITS voice from its uploaded files: model, config, licence (installation admin)."""
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    name = text(form, "name").strip()

    def install() -> None:
        access.require_installation_admin(user)
        spool = audio_settings().data_dir / "uploads"
        spool.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="voice-", dir=spool) as folder:
            for upload in uploads:
                with (FilePath(folder) / upload_filename(upload.filename)).open("wb") as out:
                    shutil.copyfileobj(upload.file, out, length=1 << 20)
            voice_service.add_voice(session, FilePath(folder), name=name, actor=user)

    return _run(request, session, user, "voices", install, "msg_voice_added")


@router.post("/voices/{name}/remove")
def remove_voice(request: Request, session: SessionDep, user: AdminPage, _form: Form,
                 name: Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]) -> Response:
    """Uninstall a local neural voice no station uses (installation admin)."""
    return _run(request, session, user, "voices", lambda: voice_service.remove_voice(session, name, actor=user),
                "msg_voice_removed")


@router.post("/areas/{area_id}/delete")
def delete_area(request: Request, session: SessionDep, user: AdminPage, _form: Form, area_id: Id) -> Response:
    """Remove an area no relay point, leader or live script uses; otherwise say which do."""
    area = _own_area(session, user, area_id)
    return _run(request, session, user, "areas", lambda: station_service.delete_area(session, area, actor=user),
                "msg_deleted")


def _own_area(session: SessionDep, user: AdminPage, area_id: int) -> Area:
    station = _require_station(session, user)
    try:
        area = station_service.get_area(session, area_id, user)
    except AreaNotFound as exc:
        raise PageForbidden("err_no_area", status_code=404) from exc
    if area.station_id != station.id:  # the installation's admin works on one station at a time here
        raise PageForbidden("err_no_area", status_code=404)
    return area


def _own_relay(session: SessionDep, user: AdminPage, relay_id: int) -> RelayPoint:
    try:
        relay = station_service.get_relay_point(session, relay_id, user)
    except RelayPointNotFound as exc:
        raise PageForbidden("err_no_relay", status_code=404) from exc
    _own_area(session, user, relay.area_id)
    return relay


@router.post("/relays/add")
def add_relay(request: Request, session: SessionDep, user: AdminPage, form: Form) -> Response:
    area_id = form_id(text(form, "area_id"))
    if area_id is None:
        return _page(request, session, user, status_code=422, values={"relays": {"name": text(form, "name")}},
                     errors={"relays": {"area_id": translate("err_choose_area", lang_of(request))}})
    area = station_service.get_area(session, area_id, user)

    def add(d: RelayPointCreate) -> dict[str, str]:
        relay, token = station_service.add_relay_point(session, area, d.name, actor=user)
        return {"name": relay.name, "secret": token}

    return _apply(request, session, user, "relays", RelayPointCreate, {"name": text(form, "name")},
                  add, "msg_relay_created")


@router.post("/relays/{relay_id}/rotate")
def rotate_relay(request: Request, session: SessionDep, user: AdminPage, _form: Form,
                 relay_id: Id) -> Response:
    relay = station_service.get_relay_point(session, relay_id, user)
    token = station_service.rotate_relay_token(session, relay, actor=user)
    return _page(request, session, user, once={"relays": {"name": relay.name, "secret": token}},
                 notice=translate("msg_relay_created", lang_of(request)))


@router.post("/relays/{relay_id}/revoke")
def revoke_relay(request: Request, session: SessionDep, user: AdminPage, _form: Form,
                 relay_id: Id) -> Response:
    relay = station_service.get_relay_point(session, relay_id, user)
    station_service.revoke_relay_token(session, relay, actor=user)
    request.session["flash"] = translate("msg_saved", lang_of(request))
    return RedirectResponse("/app/admin#relays", status_code=303)


@router.post("/relays/{relay_id}/delete")
def delete_relay(request: Request, session: SessionDep, user: AdminPage, _form: Form,
                 relay_id: Id) -> Response:
    """Remove a relay point and its history for good (revoking its token keeps the history)."""
    relay = _own_relay(session, user, relay_id)
    return _run(request, session, user, "relays",
                lambda: station_service.delete_relay_point(session, relay, actor=user), "msg_deleted")


@router.post("/users/add")
def add_user(request: Request, session: SessionDep, user: AdminPage, form: Form) -> Response:
    station = _require_station(session, user)
    area = text(form, "area_id")
    payload = {"username": text(form, "username").strip(), "full_name": text(form, "full_name"),
               "role": text(form, "role"), "station_id": station.id,
               "area_id": form_id(area), "password": text(form, "password") or None}

    def add(d: UserCreate) -> dict[str, str] | None:
        created, generated = user_service.create(session, d, actor=user)
        return {"name": created.username, "secret": generated} if generated else None

    return _apply(request, session, user, "users", UserCreate, payload, add, "msg_user_created")


@router.post("/users/{user_id}/reset")
def reset_password(request: Request, session: SessionDep, user: AdminPage, _form: Form,
                   user_id: Id) -> Response:
    target = user_service.get(session, user_id, user)
    password = generate_password()
    user_service.update(session, target, UserUpdate(password=password), actor=user)
    return _page(request, session, user, once={"users": {"name": target.username, "secret": password}},
                 notice=translate("msg_password_reset", lang_of(request)))


@router.post("/users/{user_id}/active")
def toggle_active(request: Request, session: SessionDep, user: AdminPage, _form: Form,
                  user_id: Id) -> Response:
    target = user_service.get(session, user_id, user)
    if target.id != user.id:  # an admin never locks themself out by a slip of the finger
        user_service.update(session, target, UserUpdate(is_active=not target.is_active), actor=user)
    request.session["flash"] = translate("msg_saved", lang_of(request))
    return RedirectResponse("/app/admin#users", status_code=303)



@router.post("/users/{user_id}/role")
def change_role(request: Request, session: SessionDep, user: AdminPage, form: Form, user_id: Id) -> Response:
    """Change a user's role and area (a leader needs an area of this station)."""
    station = _require_station(session, user)
    target = user_service.get(session, user_id, user)
    if target.station_id not in (station.id, None):
        raise PageForbidden("err_forbidden", status_code=404)
    area_id = form_id(text(form, "area_id"))
    if area_id is not None:
        _own_area(session, user, area_id)
    payload = {"role": text(form, "role"), "area_id": area_id}
    if target.id == user.id and payload["role"] != "admin":  # an admin never demotes themself by a slip
        return _page(request, session, user, status_code=422,
                     errors={"users": {"_form": translate("err_own_role", lang_of(request))}})
    return _apply(request, session, user, "users", UserUpdate, payload,
                  lambda d: user_service.update(session, target, d, actor=user) and None, "msg_saved")
