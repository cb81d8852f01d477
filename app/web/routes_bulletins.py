"""Bulletins sent down, as pages: the organisation's "Bản tin gửi xuống" (list, draft, approve,
send with a station checklist, per-station status) and the ward's "Bản tin cấp trên" inbox."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, RedirectResponse
from sqlalchemy import select
from starlette.datastructures import FormData, UploadFile
from starlette.responses import Response

from app.deps import OrganisationWrites, SessionDep
from app.errors import LoaError
from app.fields import Id, form_id
from app.models import Area, Bulletin, BulletinDelivery, Priority, User
from app.organisations import bulletins_access as scope
from app.organisations import bulletins_inbox as inbox
from app.organisations import bulletins_recording as recording
from app.organisations import bulletins_service as service
from app.organisations import bulletins_status as status
from app.organisations.bulletins_schemas import BulletinCreate, BulletinRejection, BulletinSend, Decline
from app.organisations.tree import is_organisation_user
from app.speech.audio import audio_settings, storage
from app.web.deps import EditorPage, Form, PageForbidden, WebUser, lang_of
from app.web.forms import FORM_LEVEL, build, text
from app.web.i18n import translate
from app.web.render import error_text, render
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/app", include_in_schema=False)
T = TypeVar("T")
FIELDS = ("title", "body", "level", "air_from", "air_until", "airings_target", "emergency_minutes")


def organisation_page(user: WebUser) -> User:
    if not is_organisation_user(user):
        raise PageForbidden("err_not_organisation")
    return user


OrganisationPage = Annotated[User, Depends(organisation_page)]


def _bulletin(session: SessionDep, user: User, bulletin_id: int) -> Bulletin:
    try:
        return scope.get_bulletin(session, bulletin_id, user)
    except LoaError as exc:
        raise PageForbidden("err_no_bulletin", status_code=404) from exc


def _list_page(request: Request, session: SessionDep, user: User, values: dict[str, Any],
               errors: dict[str, str], status_code: int = 200) -> Response:
    return render(request, "bulletins.html", {
        "bulletins": service.list_for(session, user), "values": values, "errors": errors,
        "levels": [p.value for p in Priority]}, user=user, status_code=status_code)


@router.get("/bulletins")
def bulletins_page(request: Request, session: SessionDep, user: OrganisationPage) -> Response:
    """The organisation's bulletins and the form of a new one."""
    today = service.province_today()
    return _list_page(request, session, user, {"level": "normal", "air_from": str(today),
                                               "air_until": str(today), "airings_target": "1",
                                               "emergency_minutes": "60"}, {})


@router.post("/bulletins", dependencies=[OrganisationWrites])
def create_bulletin(request: Request, session: SessionDep, user: OrganisationPage, form: Form) -> Response:
    """Save a new draft; its page follows."""
    lang = lang_of(request)
    values = {name: text(form, name).strip() for name in FIELDS}
    data, errors = build(BulletinCreate, {k: v for k, v in values.items() if v}, lang)
    if data is None:
        return _list_page(request, session, user, values, errors, status_code=422)
    try:
        with session.begin_nested():
            bulletin = service.create(session, data, user=user)
    except LoaError as exc:
        return _list_page(request, session, user, values, {FORM_LEVEL: error_text(exc, lang)},
                          status_code=exc.status_code)
    request.session["flash"] = translate("msg_bulletin_saved", lang)
    return RedirectResponse(f"/app/bulletins/{bulletin.id}", status_code=303)


@router.get("/bulletins/{bulletin_id}")
def bulletin_page(request: Request, session: SessionDep, user: OrganisationPage, bulletin_id: Id) -> Response:
    """One bulletin: its text, what may be done with it, and what became of it at each station."""
    return _show(request, session, user, _bulletin(session, user, bulletin_id))


def _show(request: Request, session: SessionDep, user: User, bulletin: Bulletin, *,
          chosen: dict[str, Any] | None = None, error: str = "", status_code: int = 200) -> Response:
    """The bulletin's page; after a refused send, with what was chosen still chosen and why it was refused."""
    stations = service.stations_under(session, bulletin.organisation_id)
    areas: dict[int, list[Area]] = {}
    for area in session.scalars(select(Area).where(Area.station_id.in_([s.id for s in stations]))
                                .order_by(Area.name, Area.id)):
        areas.setdefault(area.station_id, []).append(area)
    return render(request, "bulletin_show.html", {
        "b": bulletin, "stations": stations, "areas": areas, "rows": status.per_station(session, bulletin),
        "levels": [p.value for p in Priority], "chosen": chosen, "send_error": error}, user=user,
        status_code=status_code)


def _step(request: Request, session: SessionDep, target: T, action: Callable[[T], Any], back: str,
          ok_key: str) -> Response:
    """One step on a bulletin or a delivery the user may see (found before: another's is a 404),
    in a savepoint; a refusal comes back as a message on the page at `back`."""
    try:
        with session.begin_nested():
            action(target)
    except LoaError as exc:
        request.session["flash_error"] = error_text(exc, lang_of(request))
    else:
        request.session["flash"] = translate(ok_key, lang_of(request))
    return RedirectResponse(back, status_code=303)


def _act(request: Request, session: SessionDep, user: User, bulletin_id: int,
         action: Callable[[Bulletin], Any], ok_key: str) -> Response:
    return _step(request, session, _bulletin(session, user, bulletin_id), action, f"/app/bulletins/{bulletin_id}",
                 ok_key)


@router.post("/bulletins/{bulletin_id}/submit", dependencies=[OrganisationWrites])
def submit(request: Request, session: SessionDep, user: OrganisationPage, _form: Form, bulletin_id: Id) -> Response:
    return _act(request, session, user, bulletin_id, lambda b: service.submit(session, b, user=user),
                "msg_bulletin_submitted")


@router.post("/bulletins/{bulletin_id}/approve", dependencies=[OrganisationWrites])
def approve(request: Request, session: SessionDep, user: OrganisationPage, _form: Form, bulletin_id: Id) -> Response:
    return _act(request, session, user, bulletin_id, lambda b: service.approve(session, b, user=user),
                "msg_bulletin_approved")


@router.post("/bulletins/{bulletin_id}/reject", dependencies=[OrganisationWrites])
def reject(request: Request, session: SessionDep, user: OrganisationPage, form: Form, bulletin_id: Id) -> Response:
    """Send a submitted bulletin back to its author as a draft, with a reason."""
    _bulletin(session, user, bulletin_id)  # another organisation's: 404 before anything else
    data, _errors = build(BulletinRejection, {"reason": text(form, "reason")}, lang_of(request))
    if data is None:
        request.session["flash_error"] = translate("err_bulletin_reject_reason", lang_of(request))
        return RedirectResponse(f"/app/bulletins/{bulletin_id}#reject", status_code=303)
    return _act(request, session, user, bulletin_id, lambda b: service.reject(session, b, data.reason, user=user),
                "msg_bulletin_rejected")


@router.post("/bulletins/{bulletin_id}/stop", dependencies=[OrganisationWrites])
def stop(request: Request, session: SessionDep, user: OrganisationPage, _form: Form, bulletin_id: Id) -> Response:
    return _act(request, session, user, bulletin_id, lambda b: service.stop(session, b, user=user),
                "msg_bulletin_stopped")


@router.post("/bulletins/{bulletin_id}/retry", dependencies=[OrganisationWrites])
def retry(request: Request, session: SessionDep, user: OrganisationPage, _form: Form, bulletin_id: Id) -> Response:
    return _act(request, session, user, bulletin_id, lambda b: service.retry_failed(session, b, user=user),
                "msg_bulletin_retried")


@router.post("/bulletins/{bulletin_id}/recordings", dependencies=[OrganisationWrites])
def attach_recording(request: Request, session: SessionDep, user: OrganisationPage, form: Form,
                     bulletin_id: Id) -> Response:
    """Attach the recording the wards air instead of the text."""
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        request.session["flash_error"] = translate("err_choose_file", lang_of(request))
        return RedirectResponse(f"/app/bulletins/{bulletin_id}", status_code=303)
    uploads = audio_settings().data_dir / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=uploads, suffix=Path(upload.filename).suffix.lower()[:8]) as tmp:
        shutil.copyfileobj(upload.file, tmp, length=1 << 20)
        tmp.flush()
        name = upload.filename
        return _act(request, session, user, bulletin_id,
                    lambda b: recording.attach(session, b, Path(tmp.name), name, user=user),
                    "msg_bulletin_recording")


def _audio(bulletin: Bulletin) -> Response:
    if not bulletin.recording_key:
        raise PageForbidden("err_no_bulletin", status_code=404)
    return FileResponse(storage().path(bulletin.recording_key), media_type="audio/wav")


@router.get("/bulletins/{bulletin_id}/recording")
def bulletin_audio(session: SessionDep, user: OrganisationPage, bulletin_id: Id) -> Response:
    """The bulletin's recording, for the page's player."""
    return _audio(_bulletin(session, user, bulletin_id))


def _send_payload(form: FormData) -> dict[str, Any]:
    """The ticked stations, each with its ticked areas (none ticked: every area)."""
    chosen = [i for i in (form_id(v) for v in form.getlist("station_ids") if isinstance(v, str)) if i]
    payload: dict[str, Any] = {"stations": [
        {"station_id": sid, "area_ids": [i for i in (form_id(v) for v in form.getlist(f"areas_{sid}")
                                                     if isinstance(v, str)) if i]} for sid in chosen]}
    for name in ("level", "air_from", "air_until", "emergency_minutes"):
        if value := text(form, name).strip():
            payload[name] = value
    return payload


@router.post("/bulletins/{bulletin_id}/send", dependencies=[OrganisationWrites])
def send(request: Request, session: SessionDep, user: OrganisationPage, form: Form, bulletin_id: Id) -> Response:
    """Send to the ticked stations with the chosen level and air window."""
    lang = lang_of(request)
    bulletin = _bulletin(session, user, bulletin_id)  # another organisation's: 404 before anything else
    payload = _send_payload(form)
    data, errors = build(BulletinSend, payload, lang)
    message = ""
    if data is None:
        message = translate("err_choose_stations", lang) if "stations" in errors else "; ".join(errors.values())
    else:
        try:
            with session.begin_nested():
                service.send(session, bulletin, data, user=user)
        except LoaError as exc:
            message = error_text(exc, lang)
    if message:  # the form comes back as it was sent, with what to fix
        session.expire(bulletin)
        chosen = {**payload, "station_ids": [t["station_id"] for t in payload["stations"]],
                  "areas": {t["station_id"]: t["area_ids"] for t in payload["stations"]}}
        return _show(request, session, user, bulletin, chosen=chosen, error=message, status_code=422)
    request.session["flash"] = translate("msg_bulletin_sent", lang)
    return RedirectResponse(f"/app/bulletins/{bulletin_id}", status_code=303)


# --- the ward's inbox -------------------------------------------------------------------------


@router.get("/inbox")
def inbox_page(request: Request, session: SessionDep, user: EditorPage) -> Response:
    """Bulletins sent down to the station: accept a normal one, or decline it with a reason."""
    station_id = station_id_of(session, user)
    areas = {a.id: a.name for a in session.scalars(select(Area).where(Area.station_id == station_id))}
    return render(request, "inbox.html", {"items": inbox.items(session, user, station_id), "area_names": areas},
                  user=user)


def _delivery(session: SessionDep, user: User, delivery_id: int) -> BulletinDelivery:
    try:
        return scope.get_delivery(session, delivery_id, user)
    except LoaError as exc:
        raise PageForbidden("err_no_bulletin", status_code=404) from exc


@router.get("/inbox/{delivery_id}/recording")
def inbox_audio(session: SessionDep, user: EditorPage, delivery_id: Id) -> Response:
    """A bulletin from above's recording, heard before deciding."""
    bulletin = session.get(Bulletin, _delivery(session, user, delivery_id).bulletin_id)
    if bulletin is None:
        raise PageForbidden("err_no_bulletin", status_code=404)
    return _audio(bulletin)


def _decide(request: Request, session: SessionDep, user: User, delivery_id: int,
            action: Callable[[BulletinDelivery], Any], ok_key: str) -> Response:
    return _step(request, session, _delivery(session, user, delivery_id), action, f"/app/inbox#d{delivery_id}",
                 ok_key)


@router.post("/inbox/{delivery_id}/accept")
def accept(request: Request, session: SessionDep, user: EditorPage, _form: Form, delivery_id: Id) -> Response:
    return _decide(request, session, user, delivery_id, lambda d: inbox.accept(session, d, user=user),
                   "msg_delivery_accepted")


@router.post("/inbox/{delivery_id}/decline")
def decline(request: Request, session: SessionDep, user: EditorPage, form: Form, delivery_id: Id) -> Response:
    _delivery(session, user, delivery_id)  # another station's: 404 before anything else
    data, _errors = build(Decline, {"reason": text(form, "reason")}, lang_of(request))
    if data is None:
        request.session["flash_error"] = translate("err_decline_reason", lang_of(request))
        return RedirectResponse(f"/app/inbox#d{delivery_id}", status_code=303)
    return _decide(request, session, user, delivery_id,
                   lambda d: inbox.decline(session, d, data.reason, user=user), "msg_delivery_declined")
